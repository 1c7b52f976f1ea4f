/** Registers app type `capture` (imported by graph.ts so `applyCaptures` users get it). */
import { registerApp } from '../../core/registry.js';
import { CaptureApp, captureSchema } from './capture.js';
registerApp('capture', CaptureApp, { schema: captureSchema, description: 'pass-through that writes (filtered) packets to a pcapng file or FIFO' });
//# sourceMappingURL=register.js.map
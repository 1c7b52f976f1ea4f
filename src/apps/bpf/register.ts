/** Registers app types `bpf` and `merge` (imported by graph.ts so `applyBpf` users get them). */
import { registerApp } from '../../core/registry.js';
import { BpfApp, MergeApp, bpfAppSchema } from './bpf-app.js';

registerApp('bpf', BpfApp, { schema: bpfAppSchema, description: 'runs an XDP program (ELF object from clang) on a port\'s received packets' });
registerApp('merge', MergeApp, { schema: { type: 'object', additionalProperties: false, properties: { workers: { type: 'integer', minimum: 0, maximum: 64 } } }, description: 'forwards every input onto output' });

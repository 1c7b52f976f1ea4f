import { type PortSpec } from '../../core/port-spec.js';
import { MemifApp, type MemifArgs } from './app.js';
/** Turn a parsed `memif:` spec into the app's args (throws PortSpecError naming the option). */
export declare function memifArgs(spec: PortSpec): MemifArgs;
export { MemifApp };

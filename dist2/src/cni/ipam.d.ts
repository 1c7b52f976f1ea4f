import type { CniRequest } from './config.js';
export declare function ipamExec(req: CniRequest, command: 'ADD' | 'DEL' | 'CHECK'): Record<string, unknown> | undefined;

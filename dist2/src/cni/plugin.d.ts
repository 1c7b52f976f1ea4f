import type { CniRequest } from './config.js';
import { type CniResult } from './result.js';
/** The directory mode that lets the socket's owner/group reach it: x wherever r or w is set. */
export declare function dirModeFor(socketMode: number): number;
export declare function add(req: CniRequest): Promise<CniResult>;
export declare function del(req: CniRequest): Promise<void>;
export declare function check(req: CniRequest): Promise<void>;

import { type FuzzTarget } from '../harness/target.js';
export declare function msg(nfds: number, request: number, payload?: Uint8Array, flags?: number): Uint8Array;
export declare function cat(parts: Uint8Array[]): Uint8Array;
/** What QEMU sends to bring up one queue pair (plus a few queries). */
export declare function qemuHandshake(regionSize?: number): Uint8Array;
export declare const target: FuzzTarget;

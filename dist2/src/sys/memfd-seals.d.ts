import { SharedRegion } from './memory.js';
export declare const F_SEAL_SEAL = 1, F_SEAL_SHRINK = 2, F_SEAL_GROW = 4, F_SEAL_WRITE = 8;
/** A memfd of `size` bytes (rounded up to 4 KiB), sealed against shrink/grow, mapped read-write. */
export declare function createSealedMemfd(size: number, name: string): SharedRegion;
/** The seals of `fd` (F_SEAL_* bits), or -1 when the fd does not support seals. */
export declare function fileSeals(fd: number): number;
/** Size in bytes of the file behind `fd` (fstat); throws SysError-like errors from node:fs. */
export declare function fileSize(fd: number): number;

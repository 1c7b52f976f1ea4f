/**
 * Big-endian field access over packet bytes.
 *
 * Contract: every function takes `(buf, off)` where `off` is an absolute index into `buf`
 * (the packet pool is one big Uint8Array). No allocation, no DataView: byte math only, so
 * the functions inline and work at any alignment. Bounds are the caller's job (validate
 * with `parsePacket` first); reading past `buf.length` yields NaN arithmetic, never a throw.
 */
/** Reads a big-endian u16 at `off`. */
export declare function rd16(buf: Uint8Array, off: number): number;
/** Reads a big-endian u32 at `off` (as an unsigned number). */
export declare function rd32(buf: Uint8Array, off: number): number;
/** Writes the low 16 bits of `v` big-endian at `off`. */
export declare function wr16(buf: Uint8Array, off: number, v: number): void;
/** Writes `v` (u32) big-endian at `off`. */
export declare function wr32(buf: Uint8Array, off: number, v: number): void;
/**
 * Copies `n` bytes; safe for overlapping ranges in the same buffer (picks the direction).
 * A plain loop: for the 4..40 byte copies of header work it beats `set(subarray())`,
 * which allocates a view per call (architecture note H6).
 */
export declare function moveBytes(dst: Uint8Array, dstOff: number, src: Uint8Array, srcOff: number, n: number): void;
/** True when the `n` bytes at `aOff` in `a` equal those at `bOff` in `b`. */
export declare function bytesEqual(a: Uint8Array, aOff: number, b: Uint8Array, bOff: number, n: number): boolean;

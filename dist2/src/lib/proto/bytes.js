/**
 * Big-endian field access over packet bytes.
 *
 * Contract: every function takes `(buf, off)` where `off` is an absolute index into `buf`
 * (the packet pool is one big Uint8Array). No allocation, no DataView: byte math only, so
 * the functions inline and work at any alignment. Bounds are the caller's job (validate
 * with `parsePacket` first); reading past `buf.length` yields NaN arithmetic, never a throw.
 */
/** Reads a big-endian u16 at `off`. */
export function rd16(buf, off) {
    return (buf[off] << 8) | buf[off + 1];
}
/** Reads a big-endian u32 at `off` (as an unsigned number). */
export function rd32(buf, off) {
    return ((buf[off] << 24) | (buf[off + 1] << 16) | (buf[off + 2] << 8) | buf[off + 3]) >>> 0;
}
/** Writes the low 16 bits of `v` big-endian at `off`. */
export function wr16(buf, off, v) {
    buf[off] = v >>> 8;
    buf[off + 1] = v;
}
/** Writes `v` (u32) big-endian at `off`. */
export function wr32(buf, off, v) {
    buf[off] = v >>> 24;
    buf[off + 1] = v >>> 16;
    buf[off + 2] = v >>> 8;
    buf[off + 3] = v;
}
/**
 * Copies `n` bytes; safe for overlapping ranges in the same buffer (picks the direction).
 * A plain loop: for the 4..40 byte copies of header work it beats `set(subarray())`,
 * which allocates a view per call (architecture note H6).
 */
export function moveBytes(dst, dstOff, src, srcOff, n) {
    if (dst === src && dstOff > srcOff) {
        for (let i = n - 1; i >= 0; i--)
            dst[dstOff + i] = src[srcOff + i];
    }
    else {
        for (let i = 0; i < n; i++)
            dst[dstOff + i] = src[srcOff + i];
    }
}
/** True when the `n` bytes at `aOff` in `a` equal those at `bOff` in `b`. */
export function bytesEqual(a, aOff, b, bOff, n) {
    for (let i = 0; i < n; i++)
        if (a[aOff + i] !== b[bOff + i])
            return false;
    return true;
}
//# sourceMappingURL=bytes.js.map
/**
 * Byte copies between guest memory views and the packet pool without allocating (H6).
 * Short copies run a plain loop (a `subarray` view per call would allocate); long ones use
 * `Uint8Array.prototype.set` on a subarray, where the view's cost is small next to the copy.
 * The 64-byte threshold came from bench/vhost-copy.ts on this machine.
 */
export const SHORT_COPY = 64;

/** Copy `len` bytes src[srcOff..] → dst[dstOff..]. Callers have bounds-checked both ranges. */
export function copyBytes(dst: Uint8Array, dstOff: number, src: Uint8Array, srcOff: number, len: number): void {
  if (len <= SHORT_COPY) {
    for (let i = 0; i < len; i++) dst[dstOff + i] = src[srcOff + i];
  } else {
    dst.set(src.subarray(srcOff, srcOff + len), dstOff);
  }
}

/**
 * Allocation-free copies between a mapped kernel ring (or a scratch frame) and the packet pool (H6). When both
 * offsets have the same alignment mod 4 the copy runs as a u32 word loop after a short
 * byte head; otherwise a byte loop (short) or one `set(subarray)` (long, one view).
 * The RX path picks each packet's headroom so its start has the ring frame's alignment
 * (the kernel puts Ethernet headers at 2 mod 4), so RX copies are always word copies.
 */
const LONG_UNALIGNED = 256;
/** Copy `len` bytes src8[so..] → dst8[do..]; dst32/src32 are u32 views over the same bytes (byteOffset 0 mod 4). Callers bounds-check. */
export function copyWords(dst8, dst32, dOff, src8, src32, sOff, len) {
    let i = 0;
    if (((dOff ^ sOff) & 3) === 0) {
        const head = (4 - (dOff & 3)) & 3;
        for (; i < head && i < len; i++)
            dst8[dOff + i] = src8[sOff + i];
        const dw = (dOff + i) >>> 2, sw = (sOff + i) >>> 2;
        const words = (len - i) >>> 2;
        for (let w = 0; w < words; w++)
            dst32[dw + w] = src32[sw + w];
        i += words << 2;
    }
    else if (len > LONG_UNALIGNED) {
        dst8.set(src8.subarray(sOff, sOff + len), dOff);
        return;
    }
    for (; i < len; i++)
        dst8[dOff + i] = src8[sOff + i];
}
/** A u32 view over exactly `u8`'s bytes (its byteOffset must be 4-aligned). Allocates. */
export function words(u8) {
    if (u8.byteOffset % 4 !== 0)
        throw new RangeError('words(): view is not 4-byte aligned');
    return new Uint32Array(u8.buffer, u8.byteOffset, u8.byteLength >>> 2);
}
//# sourceMappingURL=copy-words.js.map
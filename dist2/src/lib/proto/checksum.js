/**
 * Internet checksum (RFC 1071) and incremental update (RFC 1624).
 *
 * Sums are carried as *folded* ones'-complement sums: numbers in [0, 0xffff], not yet
 * complemented. Partial sums compose by adding and folding (`csumFold(a + b + c)`), and a
 * checksum field is `csumFinish(sum)` = `~fold(sum) & 0xffff`. A region whose bytes include a
 * correct checksum sums to 0xffff.
 * All functions are allocation-free; lengths are the caller's (checked) numbers.
 */
/** Folds any non-negative integer sum (< 2^53) to 16 bits with end-around carry. */
export function csumFold(sum) {
    while (sum > 0xffffffff)
        sum = (sum % 0x1_0000_0000) + Math.floor(sum / 0x1_0000_0000);
    sum = (sum & 0xffff) + (sum >>> 16);
    return (sum & 0xffff) + (sum >>> 16);
}
/** Complements a (possibly unfolded) sum into a checksum field value. */
export function csumFinish(sum) {
    return ~csumFold(sum) & 0xffff;
}
/**
 * Folded ones'-complement sum of `buf[off, off+len)` read as big-endian 16-bit words,
 * plus `sum` (pass 0 to start). An odd last byte is padded with zero (RFC 1071 4.1), so
 * only the last piece of a split region may have odd length.
 */
export function onesSum(buf, off, len, sum) {
    // Sum even and odd bytes separately: two adds per word, no shifts, and both partial
    // sums stay small integers (255 * 32768 per 64 KiB) so V8 keeps them as Smis.
    let hi = 0;
    let lo = 0;
    const evenEnd = off + (len & ~1);
    let i = off;
    for (; i + 8 <= evenEnd; i += 8) {
        hi += buf[i] + buf[i + 2] + buf[i + 4] + buf[i + 6];
        lo += buf[i + 1] + buf[i + 3] + buf[i + 5] + buf[i + 7];
    }
    for (; i < evenEnd; i += 2) {
        hi += buf[i];
        lo += buf[i + 1];
    }
    if ((len & 1) !== 0)
        hi += buf[evenEnd];
    return csumFold(hi * 256 + lo + sum);
}
/** RFC 1071 checksum of `buf[off, off+len)`: the value to store in a zeroed checksum field. */
export function internetChecksum(buf, off, len) {
    return ~onesSum(buf, off, len, 0) & 0xffff;
}
/**
 * RFC 1624 eqn. 3: new checksum after a 16-bit word of the covered data changes from
 * `oldWord` to `newWord`: HC' = ~(~HC + ~m + m'). Matches a full recompute (including the
 * 0x0000 vs 0xffff case RFC 1624 section 3 discusses) whenever the data is not all zero.
 */
export function csumReplace16(csum, oldWord, newWord) {
    let s = (~csum & 0xffff) + (~oldWord & 0xffff) + (newWord & 0xffff);
    s = (s & 0xffff) + (s >>> 16);
    s = (s & 0xffff) + (s >>> 16);
    return ~s & 0xffff;
}
/** As `csumReplace16` for an aligned 32-bit value (e.g. an IPv4 address) changing. */
export function csumReplace32(csum, oldVal, newVal) {
    let s = (~csum & 0xffff) + (~(oldVal >>> 16) & 0xffff) + (~oldVal & 0xffff) + (newVal >>> 16) + (newVal & 0xffff);
    s = (s & 0xffff) + (s >>> 16);
    s = (s & 0xffff) + (s >>> 16);
    return ~s & 0xffff;
}
/** Applies `csumReplace16` to the checksum field stored big-endian at `csumOff`. */
export function csumFieldReplace16(buf, csumOff, oldWord, newWord) {
    const c = csumReplace16((buf[csumOff] << 8) | buf[csumOff + 1], oldWord, newWord);
    buf[csumOff] = c >>> 8;
    buf[csumOff + 1] = c;
}
/** Applies `csumReplace32` to the checksum field stored big-endian at `csumOff`. */
export function csumFieldReplace32(buf, csumOff, oldVal, newVal) {
    const c = csumReplace32((buf[csumOff] << 8) | buf[csumOff + 1], oldVal, newVal);
    buf[csumOff] = c >>> 8;
    buf[csumOff + 1] = c;
}
/** Folded sum of the IPv4 pseudo-header (RFC 768, RFC 9293 3.1): src, dst, zero+proto, L4 length. */
export function pseudoSumV4(src, dst, proto, l4Len) {
    return csumFold((src >>> 16) + (src & 0xffff) + (dst >>> 16) + (dst & 0xffff) + proto + l4Len);
}
/**
 * Folded sum of the IPv6 pseudo-header (RFC 8200 8.1): 16-byte source at `srcOff`,
 * 16-byte destination at `dstOff` (the *final* destination when a routing header is
 * present), 32-bit upper-layer length, next header.
 */
export function pseudoSumV6(buf, srcOff, dstOff, nextHeader, l4Len) {
    const s = onesSum(buf, srcOff, 16, 0) + onesSum(buf, dstOff, 16, 0);
    return csumFold(s + (l4Len >>> 16) + (l4Len & 0xffff) + nextHeader);
}
/**
 * Checksum for an L4 segment `buf[l4Off, l4Off+l4Len)` with the given folded
 * pseudo-header sum, as if the checksum field at `l4Off + csumRel` were zero (so the
 * field need not be cleared first). Returns the raw value; UDP maps 0 to 0xffff itself.
 */
export function l4Checksum(buf, l4Off, l4Len, csumRel, pseudo) {
    const field = (buf[l4Off + csumRel] << 8) | buf[l4Off + csumRel + 1];
    // Adding ~field is ones'-complement subtraction of the current field value.
    return csumFinish(onesSum(buf, l4Off, l4Len, pseudo) + (~field & 0xffff));
}
//# sourceMappingURL=checksum.js.map
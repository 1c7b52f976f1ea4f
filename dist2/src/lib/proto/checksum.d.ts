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
export declare function csumFold(sum: number): number;
/** Complements a (possibly unfolded) sum into a checksum field value. */
export declare function csumFinish(sum: number): number;
/**
 * Folded ones'-complement sum of `buf[off, off+len)` read as big-endian 16-bit words,
 * plus `sum` (pass 0 to start). An odd last byte is padded with zero (RFC 1071 4.1), so
 * only the last piece of a split region may have odd length.
 */
export declare function onesSum(buf: Uint8Array, off: number, len: number, sum: number): number;
/** RFC 1071 checksum of `buf[off, off+len)`: the value to store in a zeroed checksum field. */
export declare function internetChecksum(buf: Uint8Array, off: number, len: number): number;
/**
 * RFC 1624 eqn. 3: new checksum after a 16-bit word of the covered data changes from
 * `oldWord` to `newWord`: HC' = ~(~HC + ~m + m'). Matches a full recompute (including the
 * 0x0000 vs 0xffff case RFC 1624 section 3 discusses) whenever the data is not all zero.
 */
export declare function csumReplace16(csum: number, oldWord: number, newWord: number): number;
/** As `csumReplace16` for an aligned 32-bit value (e.g. an IPv4 address) changing. */
export declare function csumReplace32(csum: number, oldVal: number, newVal: number): number;
/** Applies `csumReplace16` to the checksum field stored big-endian at `csumOff`. */
export declare function csumFieldReplace16(buf: Uint8Array, csumOff: number, oldWord: number, newWord: number): void;
/** Applies `csumReplace32` to the checksum field stored big-endian at `csumOff`. */
export declare function csumFieldReplace32(buf: Uint8Array, csumOff: number, oldVal: number, newVal: number): void;
/** Folded sum of the IPv4 pseudo-header (RFC 768, RFC 9293 3.1): src, dst, zero+proto, L4 length. */
export declare function pseudoSumV4(src: number, dst: number, proto: number, l4Len: number): number;
/**
 * Folded sum of the IPv6 pseudo-header (RFC 8200 8.1): 16-byte source at `srcOff`,
 * 16-byte destination at `dstOff` (the *final* destination when a routing header is
 * present), 32-bit upper-layer length, next header.
 */
export declare function pseudoSumV6(buf: Uint8Array, srcOff: number, dstOff: number, nextHeader: number, l4Len: number): number;
/**
 * Checksum for an L4 segment `buf[l4Off, l4Off+l4Len)` with the given folded
 * pseudo-header sum, as if the checksum field at `l4Off + csumRel` were zero (so the
 * field need not be cleared first). Returns the raw value; UDP maps 0 to 0xffff itself.
 */
export declare function l4Checksum(buf: Uint8Array, l4Off: number, l4Len: number, csumRel: number, pseudo: number): number;

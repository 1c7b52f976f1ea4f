/**
 * IPv4 header (RFC 791 3.1) at `off`: fixed 20 bytes plus options up to IHL * 4.
 *
 * Accessors assume the header was validated (parsePacket). Setters that change a covered
 * field keep the header checksum correct with RFC 1624 incremental updates; they do not
 * touch L4 checksums (see `udpCsumReplace32`/`tcpCsumReplace32` for NAT).
 */
import { rd16, rd32, wr16, wr32 } from './bytes.js';
import { csumFieldReplace16, csumFieldReplace32, csumFinish, onesSum } from './checksum.js';
/** Minimum (option-less) header length. */
export const IPV4_HLEN = 20;
/** Flags+fragment-offset field: Don't Fragment. */
export const IPV4_DF = 0x4000;
/** Flags+fragment-offset field: More Fragments. */
export const IPV4_MF = 0x2000;
/** Version nibble (4 for a valid header). */
export function ipv4Version(buf, off) {
    return buf[off] >>> 4;
}
/** Header length in bytes (IHL * 4). */
export function ipv4HeaderLen(buf, off) {
    return (buf[off] & 15) << 2;
}
/** Type of service byte (DSCP << 2 | ECN). */
export function ipv4Tos(buf, off) {
    return buf[off + 1];
}
/** Total length (header + payload). */
export function ipv4TotalLen(buf, off) {
    return rd16(buf, off + 2);
}
/** Identification. */
export function ipv4Id(buf, off) {
    return rd16(buf, off + 4);
}
/** Flags and fragment offset as one 16-bit field. */
export function ipv4FragField(buf, off) {
    return rd16(buf, off + 6);
}
/** Fragment offset in bytes. */
export function ipv4FragOffset(buf, off) {
    return (rd16(buf, off + 6) & 0x1fff) << 3;
}
/** True for any fragment (MF set or offset non-zero). */
export function ipv4IsFragment(buf, off) {
    return (rd16(buf, off + 6) & 0x3fff) !== 0;
}
/** Time to live. */
export function ipv4Ttl(buf, off) {
    return buf[off + 8];
}
/** Protocol. */
export function ipv4Proto(buf, off) {
    return buf[off + 9];
}
/** Stored header checksum. */
export function ipv4Checksum(buf, off) {
    return rd16(buf, off + 10);
}
/** Source address (u32). */
export function ipv4Src(buf, off) {
    return rd32(buf, off + 12);
}
/** Destination address (u32). */
export function ipv4Dst(buf, off) {
    return rd32(buf, off + 16);
}
/** Header checksum computed as if the field were zero (does not write). */
export function ipv4ComputeChecksum(buf, off) {
    const field = rd16(buf, off + 10);
    return csumFinish(onesSum(buf, off, (buf[off] & 15) << 2, 0) + (~field & 0xffff));
}
/** Recomputes and stores the header checksum. */
export function ipv4SetChecksum(buf, off) {
    wr16(buf, off + 10, ipv4ComputeChecksum(buf, off));
}
/** True when the stored header checksum is correct. */
export function ipv4ChecksumOk(buf, off) {
    return onesSum(buf, off, (buf[off] & 15) << 2, 0) === 0xffff;
}
/**
 * Decrements TTL with an incremental checksum update (RFC 1624; TTL shares a word with
 * protocol). Returns the new TTL, or -1 (header untouched) when TTL is already 0.
 * Routers drop when the result is 0 (RFC 1812 5.3.1).
 */
export function ipv4DecTtl(buf, off) {
    const ttl = buf[off + 8];
    if (ttl === 0)
        return -1;
    const proto = buf[off + 9];
    buf[off + 8] = ttl - 1;
    csumFieldReplace16(buf, off + 10, (ttl << 8) | proto, ((ttl - 1) << 8) | proto);
    return ttl - 1;
}
/** Sets TTL, updating the checksum incrementally. */
export function ipv4SetTtl(buf, off, ttl) {
    const old = rd16(buf, off + 8);
    buf[off + 8] = ttl;
    csumFieldReplace16(buf, off + 10, old, rd16(buf, off + 8));
}
/** Sets the TOS byte, updating the checksum incrementally. */
export function ipv4SetTos(buf, off, tos) {
    const old = rd16(buf, off);
    buf[off + 1] = tos;
    csumFieldReplace16(buf, off + 10, old, rd16(buf, off));
}
/** Sets total length, updating the checksum incrementally. */
export function ipv4SetTotalLen(buf, off, totalLen) {
    const old = rd16(buf, off + 2);
    wr16(buf, off + 2, totalLen);
    csumFieldReplace16(buf, off + 10, old, totalLen & 0xffff);
}
/** Rewrites the source address, updating the header checksum incrementally. */
export function ipv4SetSrc(buf, off, ip) {
    const old = rd32(buf, off + 12);
    wr32(buf, off + 12, ip);
    csumFieldReplace32(buf, off + 10, old, ip >>> 0);
}
/** Rewrites the destination address, updating the header checksum incrementally. */
export function ipv4SetDst(buf, off, ip) {
    const old = rd32(buf, off + 16);
    wr32(buf, off + 16, ip);
    csumFieldReplace32(buf, off + 10, old, ip >>> 0);
}
/**
 * Writes a 20-byte option-less header with a correct checksum at `off`; returns `off + 20`.
 * `payloadLen` is the L4 length (total length = 20 + payloadLen). `fragField` defaults to
 * DF set, offset 0.
 */
export function buildIpv4(buf, off, src, dst, proto, payloadLen, ttl = 64, tos = 0, id = 0, fragField = IPV4_DF) {
    buf[off] = 0x45;
    buf[off + 1] = tos;
    wr16(buf, off + 2, IPV4_HLEN + payloadLen);
    wr16(buf, off + 4, id);
    wr16(buf, off + 6, fragField);
    buf[off + 8] = ttl;
    buf[off + 9] = proto;
    wr16(buf, off + 10, 0);
    wr32(buf, off + 12, src);
    wr32(buf, off + 16, dst);
    wr16(buf, off + 10, csumFinish(onesSum(buf, off, IPV4_HLEN, 0)));
    return off + IPV4_HLEN;
}
//# sourceMappingURL=ipv4.js.map
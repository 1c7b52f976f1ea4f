/**
 * IPv6 fixed header (RFC 8200 3) at `off` and the walk over the common extension headers
 * (Hop-by-Hop 0, Routing 43, Fragment 44, Destination Options 60).
 *
 * Addresses stay in the packet: `ipv6SrcOff`/`ipv6DstOff` give their byte offsets.
 * `ipv6SkipExtHeaders` is bounded (at most `IPV6_MAX_EXT_HEADERS` headers, every read
 * inside `[off, end)`) and reports a `ParseError` code. AH, ESP and unknown next headers
 * end the walk and are reported as the upper-layer protocol.
 */
import { rd16, wr16, moveBytes, bytesEqual } from './bytes.js';
import { ParseError } from './errors.js';
import { Fragment } from './constants.js';
/** Fixed header length. */
export const IPV6_HLEN = 40;
/** Walk limit: more extension headers than this is treated as an attack (TOO_MANY_IPV6_EXT). */
export const IPV6_MAX_EXT_HEADERS = 8;
/** Version nibble (6 for a valid header). */
export function ipv6Version(buf, off) {
    return buf[off] >>> 4;
}
/** Traffic class. */
export function ipv6TrafficClass(buf, off) {
    return ((buf[off] & 15) << 4) | (buf[off + 1] >>> 4);
}
/** Flow label (20 bits). */
export function ipv6FlowLabel(buf, off) {
    return ((buf[off + 1] & 15) << 16) | rd16(buf, off + 2);
}
/** Payload length (everything after the 40-byte header). */
export function ipv6PayloadLen(buf, off) {
    return rd16(buf, off + 4);
}
/** Next header of the fixed header. */
export function ipv6NextHeader(buf, off) {
    return buf[off + 6];
}
/** Hop limit. */
export function ipv6HopLimit(buf, off) {
    return buf[off + 7];
}
/** Offset of the 16-byte source address. */
export function ipv6SrcOff(off) {
    return off + 8;
}
/** Offset of the 16-byte destination address. */
export function ipv6DstOff(off) {
    return off + 24;
}
/** Decrements the hop limit (no header checksum in IPv6). Returns the new value, or -1 when already 0. */
export function ipv6DecHopLimit(buf, off) {
    const h = buf[off + 7];
    if (h === 0)
        return -1;
    buf[off + 7] = h - 1;
    return h - 1;
}
/** True when the 16-byte addresses at `aOff` and `bOff` are equal. */
export function ipv6AddrEqual(a, aOff, b, bOff) {
    return bytesEqual(a, aOff, b, bOff, 16);
}
/** True when the address at `addrOff` is multicast (ff00::/8). */
export function ipv6IsMulticast(buf, addrOff) {
    return buf[addrOff] === 0xff;
}
/** Writes the solicited-node multicast address ff02::1:ffXX:XXXX of the target at `targetOff` (RFC 4291 2.7.1). */
export function ipv6WriteSolicitedNode(buf, off, target, targetOff) {
    buf[off] = 0xff;
    buf[off + 1] = 0x02;
    for (let i = 2; i < 11; i++)
        buf[off + i] = 0;
    buf[off + 11] = 1;
    buf[off + 12] = 0xff;
    buf[off + 13] = target[targetOff + 13];
    buf[off + 14] = target[targetOff + 14];
    buf[off + 15] = target[targetOff + 15];
}
/**
 * Writes a 40-byte header at `off` with addresses copied from `src`/`dst` byte arrays;
 * returns `off + 40`.
 */
export function buildIpv6(buf, off, src, srcOff, dst, dstOff, nextHeader, payloadLen, hopLimit = 64, trafficClass = 0, flowLabel = 0) {
    buf[off] = 0x60 | ((trafficClass >>> 4) & 15);
    buf[off + 1] = ((trafficClass & 15) << 4) | ((flowLabel >>> 16) & 15);
    wr16(buf, off + 2, flowLabel & 0xffff);
    wr16(buf, off + 4, payloadLen);
    buf[off + 6] = nextHeader;
    buf[off + 7] = hopLimit;
    moveBytes(buf, off + 8, src, srcOff, 16);
    moveBytes(buf, off + 24, dst, dstOff, 16);
    return off + IPV6_HLEN;
}
/** Result of `ipv6SkipExtHeaders`; allocate once and reuse. */
export class Ipv6ExtResult {
    /** Upper-layer protocol (next header after the last skipped extension header). */
    nextHeader = -1;
    /** Offset of the upper-layer header. */
    l4Off = -1;
    /** A `Fragment` value. */
    fragment = 0;
    /** Number of extension headers skipped. */
    extCount = 0;
}
/**
 * Walks extension headers of the IPv6 packet at `off` whose payload ends at `end`
 * (`off + 40 + payloadLen`, already checked against the capture). Fills `out` and
 * returns 0 or a `ParseError` code. Stops at a non-first fragment (no L4 header follows).
 */
export function ipv6SkipExtHeaders(buf, off, end, out) {
    let nh = buf[off + 6];
    let p = off + IPV6_HLEN;
    let n = 0;
    out.fragment = Fragment.NONE;
    for (;;) {
        if (nh === 0 || nh === 43 || nh === 60) {
            // RFC 8200 4.3: Hop-by-Hop must immediately follow the IPv6 header.
            if (nh === 0 && n !== 0)
                return ParseError.BAD_IPV6_EXT_ORDER;
            if (++n > IPV6_MAX_EXT_HEADERS)
                return ParseError.TOO_MANY_IPV6_EXT;
            if (p + 8 > end)
                return ParseError.TRUNCATED_IPV6_EXT;
            const hl = (buf[p + 1] + 1) << 3; // RFC 8200 4.3-4.6: length in 8-octet units, not counting the first 8
            if (p + hl > end)
                return ParseError.TRUNCATED_IPV6_EXT;
            nh = buf[p];
            p += hl;
        }
        else if (nh === 44) {
            if (++n > IPV6_MAX_EXT_HEADERS)
                return ParseError.TOO_MANY_IPV6_EXT;
            if (p + 8 > end)
                return ParseError.TRUNCATED_IPV6_EXT; // RFC 8200 4.5: fixed 8 bytes
            const fo = rd16(buf, p + 2);
            nh = buf[p];
            p += 8;
            if ((fo & 0xfff8) !== 0) {
                out.fragment = Fragment.LATER;
                break;
            }
            if ((fo & 1) !== 0)
                out.fragment = Fragment.FIRST;
        }
        else {
            break;
        }
    }
    out.nextHeader = nh;
    out.l4Off = p;
    out.extCount = n;
    return 0;
}
//# sourceMappingURL=ipv6.js.map
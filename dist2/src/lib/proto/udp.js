/**
 * UDP header (RFC 768) at `off`: src port, dst port, length (header + data), checksum.
 *
 * Checksums use the IPv4 (`ipOff`) or IPv6 (`ip6Off`) header for the pseudo-header and
 * the UDP length field for the covered length. A computed 0 is sent as 0xffff; a stored 0
 * means "no checksum" in IPv4 (accepted by `udpChecksumOkV4`, left alone by the
 * incremental updaters) and is invalid in IPv6 (RFC 8200 8.1).
 */
import { rd16, rd32, wr16 } from './bytes.js';
import { csumFieldReplace16, csumFieldReplace32, l4Checksum, onesSum, pseudoSumV4, pseudoSumV6 } from './checksum.js';
/** Header length. */
export const UDP_HLEN = 8;
/** Source port. */
export function udpSrcPort(buf, off) {
    return rd16(buf, off);
}
/** Destination port. */
export function udpDstPort(buf, off) {
    return rd16(buf, off + 2);
}
/** Length field (header + data). */
export function udpLen(buf, off) {
    return rd16(buf, off + 4);
}
/** Stored checksum. */
export function udpChecksum(buf, off) {
    return rd16(buf, off + 6);
}
/** Checksum (0 mapped to 0xffff) over the datagram, IPv4 pseudo-header from `ipOff`. */
export function udpComputeChecksumV4(buf, ipOff, off) {
    const len = rd16(buf, off + 4);
    const c = l4Checksum(buf, off, len, 6, pseudoSumV4(rd32(buf, ipOff + 12), rd32(buf, ipOff + 16), 17, len));
    return c === 0 ? 0xffff : c;
}
/** Checksum (0 mapped to 0xffff) over the datagram, IPv6 pseudo-header from `ip6Off`. */
export function udpComputeChecksumV6(buf, ip6Off, off) {
    const len = rd16(buf, off + 4);
    const c = l4Checksum(buf, off, len, 6, pseudoSumV6(buf, ip6Off + 8, ip6Off + 24, 17, len));
    return c === 0 ? 0xffff : c;
}
/** Computes and stores the checksum (IPv4). */
export function udpSetChecksumV4(buf, ipOff, off) {
    wr16(buf, off + 6, udpComputeChecksumV4(buf, ipOff, off));
}
/** Computes and stores the checksum (IPv6). */
export function udpSetChecksumV6(buf, ip6Off, off) {
    wr16(buf, off + 6, udpComputeChecksumV6(buf, ip6Off, off));
}
/** True when the checksum is correct or absent (0) (IPv4). */
export function udpChecksumOkV4(buf, ipOff, off) {
    if (rd16(buf, off + 6) === 0)
        return true;
    const len = rd16(buf, off + 4);
    return onesSum(buf, off, len, pseudoSumV4(rd32(buf, ipOff + 12), rd32(buf, ipOff + 16), 17, len)) === 0xffff;
}
/** True when the checksum is correct (IPv6; 0 is invalid). */
export function udpChecksumOkV6(buf, ip6Off, off) {
    if (rd16(buf, off + 6) === 0)
        return false;
    const len = rd16(buf, off + 4);
    return onesSum(buf, off, len, pseudoSumV6(buf, ip6Off + 8, ip6Off + 24, 17, len)) === 0xffff;
}
/** Incremental checksum update after a covered 16-bit word (e.g. a port) changed; keeps 0 = none. */
export function udpCsumReplace16(buf, off, oldWord, newWord) {
    if (rd16(buf, off + 6) === 0)
        return;
    csumFieldReplace16(buf, off + 6, oldWord, newWord);
    if (rd16(buf, off + 6) === 0)
        wr16(buf, off + 6, 0xffff);
}
/** Incremental checksum update after a pseudo-header address (NAT) changed; keeps 0 = none. */
export function udpCsumReplace32(buf, off, oldVal, newVal) {
    if (rd16(buf, off + 6) === 0)
        return;
    csumFieldReplace32(buf, off + 6, oldVal, newVal);
    if (rd16(buf, off + 6) === 0)
        wr16(buf, off + 6, 0xffff);
}
/** Rewrites the source port with an incremental checksum update. */
export function udpSetSrcPort(buf, off, port) {
    const old = rd16(buf, off);
    wr16(buf, off, port);
    udpCsumReplace16(buf, off, old, port & 0xffff);
}
/** Rewrites the destination port with an incremental checksum update. */
export function udpSetDstPort(buf, off, port) {
    const old = rd16(buf, off + 2);
    wr16(buf, off + 2, port);
    udpCsumReplace16(buf, off, old, port & 0xffff);
}
/**
 * Writes an 8-byte header (length = 8 + payloadLen, checksum 0) at `off`; returns `off + 8`.
 * Call `udpSetChecksumV4`/`V6` once the payload is in place.
 */
export function buildUdp(buf, off, srcPort, dstPort, payloadLen) {
    wr16(buf, off, srcPort);
    wr16(buf, off + 2, dstPort);
    wr16(buf, off + 4, UDP_HLEN + payloadLen);
    wr16(buf, off + 6, 0);
    return off + UDP_HLEN;
}
//# sourceMappingURL=udp.js.map
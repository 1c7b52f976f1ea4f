/**
 * TCP header (RFC 9293 3.1) at `off`: ports, seq, ack, data offset, flags, window,
 * checksum, urgent pointer, options up to data offset * 4.
 *
 * TCP carries no length: checksum functions take the segment length `len` (IP payload
 * length minus IPv6 extension headers), and the pseudo-header comes from the IPv4 header
 * at `ipOff` or the IPv6 header at `ip6Off`.
 */
import { rd16, rd32, wr16, wr32 } from './bytes.js';
import { csumFieldReplace16, csumFieldReplace32, l4Checksum, onesSum, pseudoSumV4, pseudoSumV6 } from './checksum.js';
/** Minimum header length. */
export const TCP_HLEN = 20;
/** Flag bits of byte 13. */
export const TcpFlag = { FIN: 0x01, SYN: 0x02, RST: 0x04, PSH: 0x08, ACK: 0x10, URG: 0x20, ECE: 0x40, CWR: 0x80 };
/** Source port. */
export function tcpSrcPort(buf, off) {
    return rd16(buf, off);
}
/** Destination port. */
export function tcpDstPort(buf, off) {
    return rd16(buf, off + 2);
}
/** Sequence number (u32). */
export function tcpSeq(buf, off) {
    return rd32(buf, off + 4);
}
/** Acknowledgement number (u32). */
export function tcpAck(buf, off) {
    return rd32(buf, off + 8);
}
/** Header length in bytes (data offset * 4). */
export function tcpHeaderLen(buf, off) {
    return (buf[off + 12] >>> 4) << 2;
}
/** Flags byte (CWR..FIN). */
export function tcpFlags(buf, off) {
    return buf[off + 13];
}
/** Window. */
export function tcpWindow(buf, off) {
    return rd16(buf, off + 14);
}
/** Stored checksum. */
export function tcpChecksum(buf, off) {
    return rd16(buf, off + 16);
}
/** Checksum of the `len`-byte segment with the IPv4 pseudo-header, as if the field were zero. */
export function tcpComputeChecksumV4(buf, ipOff, off, len) {
    return l4Checksum(buf, off, len, 16, pseudoSumV4(rd32(buf, ipOff + 12), rd32(buf, ipOff + 16), 6, len));
}
/** Checksum of the `len`-byte segment with the IPv6 pseudo-header, as if the field were zero. */
export function tcpComputeChecksumV6(buf, ip6Off, off, len) {
    return l4Checksum(buf, off, len, 16, pseudoSumV6(buf, ip6Off + 8, ip6Off + 24, 6, len));
}
/** Computes and stores the checksum (IPv4). */
export function tcpSetChecksumV4(buf, ipOff, off, len) {
    wr16(buf, off + 16, tcpComputeChecksumV4(buf, ipOff, off, len));
}
/** Computes and stores the checksum (IPv6). */
export function tcpSetChecksumV6(buf, ip6Off, off, len) {
    wr16(buf, off + 16, tcpComputeChecksumV6(buf, ip6Off, off, len));
}
/** True when the stored checksum is correct (IPv4). */
export function tcpChecksumOkV4(buf, ipOff, off, len) {
    return onesSum(buf, off, len, pseudoSumV4(rd32(buf, ipOff + 12), rd32(buf, ipOff + 16), 6, len)) === 0xffff;
}
/** True when the stored checksum is correct (IPv6). */
export function tcpChecksumOkV6(buf, ip6Off, off, len) {
    return onesSum(buf, off, len, pseudoSumV6(buf, ip6Off + 8, ip6Off + 24, 6, len)) === 0xffff;
}
/** Incremental checksum update after a covered 16-bit word changed. */
export function tcpCsumReplace16(buf, off, oldWord, newWord) {
    csumFieldReplace16(buf, off + 16, oldWord, newWord);
}
/** Incremental checksum update after a pseudo-header address (NAT) changed. */
export function tcpCsumReplace32(buf, off, oldVal, newVal) {
    csumFieldReplace32(buf, off + 16, oldVal, newVal);
}
/** Rewrites the source port with an incremental checksum update. */
export function tcpSetSrcPort(buf, off, port) {
    const old = rd16(buf, off);
    wr16(buf, off, port);
    csumFieldReplace16(buf, off + 16, old, port & 0xffff);
}
/** Rewrites the destination port with an incremental checksum update. */
export function tcpSetDstPort(buf, off, port) {
    const old = rd16(buf, off + 2);
    wr16(buf, off + 2, port);
    csumFieldReplace16(buf, off + 16, old, port & 0xffff);
}
/**
 * Writes a 20-byte option-less header (checksum 0, urgent 0) at `off`; returns `off + 20`.
 * Call `tcpSetChecksumV4`/`V6` once the payload is in place.
 */
export function buildTcp(buf, off, srcPort, dstPort, seq, ack, flags, window) {
    wr16(buf, off, srcPort);
    wr16(buf, off + 2, dstPort);
    wr32(buf, off + 4, seq);
    wr32(buf, off + 8, ack);
    buf[off + 12] = 5 << 4;
    buf[off + 13] = flags;
    wr16(buf, off + 14, window);
    wr32(buf, off + 16, 0);
    return off + TCP_HLEN;
}
//# sourceMappingURL=tcp.js.map
/**
 * ICMP for IPv4 (RFC 792) at `off`: type(1) code(1) checksum(2) rest-of-header(4).
 * The checksum covers the whole ICMP message (`len` bytes), no pseudo-header.
 */
import { rd16, wr16 } from './bytes.js';
import { csumFieldReplace16, l4Checksum, onesSum } from './checksum.js';
/** ICMP header length (including the 4-byte rest-of-header). */
export const ICMP_HLEN = 8;
/** Common ICMP types. */
export const IcmpType = {
    ECHO_REPLY: 0,
    DEST_UNREACH: 3,
    REDIRECT: 5,
    ECHO_REQUEST: 8,
    TIME_EXCEEDED: 11,
    PARAM_PROBLEM: 12,
};
/** Type. */
export function icmpType(buf, off) {
    return buf[off];
}
/** Code. */
export function icmpCode(buf, off) {
    return buf[off + 1];
}
/** Stored checksum. */
export function icmpChecksum(buf, off) {
    return rd16(buf, off + 2);
}
/** Echo identifier. */
export function icmpEchoId(buf, off) {
    return rd16(buf, off + 4);
}
/** Echo sequence number. */
export function icmpEchoSeq(buf, off) {
    return rd16(buf, off + 6);
}
/** Checksum of the `len`-byte message as if the field were zero. */
export function icmpComputeChecksum(buf, off, len) {
    return l4Checksum(buf, off, len, 2, 0);
}
/** Recomputes and stores the checksum of the `len`-byte message. */
export function icmpSetChecksum(buf, off, len) {
    wr16(buf, off + 2, l4Checksum(buf, off, len, 2, 0));
}
/** True when the checksum of the `len`-byte message is correct. */
export function icmpChecksumOk(buf, off, len) {
    return onesSum(buf, off, len, 0) === 0xffff;
}
/** Turns an echo request into an echo reply in place (type 8 -> 0, incremental checksum). */
export function icmpEchoToReply(buf, off) {
    const old = rd16(buf, off);
    buf[off] = IcmpType.ECHO_REPLY;
    csumFieldReplace16(buf, off + 2, old, rd16(buf, off));
}
/**
 * Writes an echo header (`type` ECHO_REQUEST or ECHO_REPLY) at `off` and its checksum over
 * the header plus the `dataLen` bytes that follow — write the data first. Returns `off + 8`.
 */
export function buildIcmpEcho(buf, off, type, id, seq, dataLen) {
    buf[off] = type;
    buf[off + 1] = 0;
    wr16(buf, off + 2, 0);
    wr16(buf, off + 4, id);
    wr16(buf, off + 6, seq);
    wr16(buf, off + 2, l4Checksum(buf, off, ICMP_HLEN + dataLen, 2, 0));
    return off + ICMP_HLEN;
}
//# sourceMappingURL=icmp.js.map
/**
 * ICMPv6 (RFC 4443) at `off`: type(1) code(1) checksum(2) body. The checksum covers the
 * IPv6 pseudo-header (addresses from the IPv6 header at `ip6Off`, next header 58) and the
 * whole `len`-byte message. Neighbor Discovery (RFC 4861 4.3, 4.4) builders included.
 */
import { rd16, wr16, wr32, moveBytes } from './bytes.js';
import { csumFieldReplace16, l4Checksum, onesSum, pseudoSumV6 } from './checksum.js';
import { writeMacHiLo } from './addr.js';
const NH_ICMPV6 = 58;
/** Minimum ICMPv6 header length (type, code, checksum). */
export const ICMPV6_HLEN = 4;
/** Length of a Neighbor Solicitation/Advertisement with one link-layer address option. */
export const ICMPV6_ND_LEN = 32;
/** Common ICMPv6 types. */
export const Icmpv6Type = {
    DEST_UNREACH: 1,
    PACKET_TOO_BIG: 2,
    TIME_EXCEEDED: 3,
    PARAM_PROBLEM: 4,
    ECHO_REQUEST: 128,
    ECHO_REPLY: 129,
    ROUTER_SOLICIT: 133,
    ROUTER_ADVERT: 134,
    NEIGHBOR_SOLICIT: 135,
    NEIGHBOR_ADVERT: 136,
};
/** Neighbor Advertisement flags (first word after the checksum). */
export const NdFlag = { ROUTER: 0x80000000, SOLICITED: 0x40000000, OVERRIDE: 0x20000000 };
/** Type. */
export function icmpv6Type(buf, off) {
    return buf[off];
}
/** Code. */
export function icmpv6Code(buf, off) {
    return buf[off + 1];
}
/** Stored checksum. */
export function icmpv6Checksum(buf, off) {
    return rd16(buf, off + 2);
}
/** Echo identifier. */
export function icmpv6EchoId(buf, off) {
    return rd16(buf, off + 4);
}
/** Echo sequence number. */
export function icmpv6EchoSeq(buf, off) {
    return rd16(buf, off + 6);
}
/** Offset of the 16-byte target address of an NS/NA at `off`. */
export function icmpv6NdTargetOff(off) {
    return off + 8;
}
/** Checksum of the `len`-byte message as if the field were zero. */
export function icmpv6ComputeChecksum(buf, ip6Off, off, len) {
    return l4Checksum(buf, off, len, 2, pseudoSumV6(buf, ip6Off + 8, ip6Off + 24, NH_ICMPV6, len));
}
/** Recomputes and stores the checksum. */
export function icmpv6SetChecksum(buf, ip6Off, off, len) {
    wr16(buf, off + 2, icmpv6ComputeChecksum(buf, ip6Off, off, len));
}
/** True when the stored checksum is correct. */
export function icmpv6ChecksumOk(buf, ip6Off, off, len) {
    return onesSum(buf, off, len, pseudoSumV6(buf, ip6Off + 8, ip6Off + 24, NH_ICMPV6, len)) === 0xffff;
}
/**
 * Turns an echo request into a reply in place (type 128 -> 129). The checksum update is
 * incremental for the type change only; if the caller also swaps the IPv6 addresses the
 * pseudo-header sum is unchanged (addition commutes), so the result stays valid.
 */
export function icmpv6EchoToReply(buf, off) {
    const old = rd16(buf, off);
    buf[off] = Icmpv6Type.ECHO_REPLY;
    csumFieldReplace16(buf, off + 2, old, rd16(buf, off));
}
/**
 * Writes an echo header at `off` and its checksum over header + the `dataLen` bytes that
 * follow (write the data and the IPv6 header at `ip6Off` first). Returns `off + 8`.
 */
export function buildIcmpv6Echo(buf, off, ip6Off, type, id, seq, dataLen) {
    buf[off] = type;
    buf[off + 1] = 0;
    wr16(buf, off + 2, 0);
    wr16(buf, off + 4, id);
    wr16(buf, off + 6, seq);
    icmpv6SetChecksum(buf, ip6Off, off, 8 + dataLen);
    return off + 8;
}
/**
 * Writes a Neighbor Solicitation (`type` 135, option 1 = source link-layer address) or
 * Advertisement (136, option 2 = target link-layer address, `flags` from NdFlag) for the
 * target address in `target` at `targetOff`, with checksum (the IPv6 header at `ip6Off`
 * must already hold the addresses). Returns `off + 32`.
 */
export function buildIcmpv6Nd(buf, off, ip6Off, type, flags, target, targetOff, llaHi, llaLo) {
    buf[off] = type;
    buf[off + 1] = 0;
    wr16(buf, off + 2, 0);
    wr32(buf, off + 4, type === Icmpv6Type.NEIGHBOR_ADVERT ? flags : 0);
    moveBytes(buf, off + 8, target, targetOff, 16);
    buf[off + 24] = type === Icmpv6Type.NEIGHBOR_ADVERT ? 2 : 1;
    buf[off + 25] = 1; // option length in units of 8 octets
    writeMacHiLo(buf, off + 26, llaHi, llaLo);
    icmpv6SetChecksum(buf, ip6Off, off, ICMPV6_ND_LEN);
    return off + ICMPV6_ND_LEN;
}
//# sourceMappingURL=icmpv6.js.map
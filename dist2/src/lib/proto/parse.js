/**
 * The hot-path packet parser: one call classifies a frame and records where each header
 * starts, filling a caller-owned `ParsedHeaders` (allocate one per worker, reuse it).
 *
 * Contract: `parsePacket(buf, start, len, out)` reads only `buf[start, start+len)`,
 * never throws, never allocates, and returns `ParseError.OK` (0) or the reason the headers
 * are truncated or inconsistent. On error, fields of the layers parsed before the failure
 * are valid and the rest keep their "absent" values (-1 / 0), so drop counters can still
 * say which VLAN or protocol a malformed packet claimed.
 *
 * What is checked: Ethernet length; up to two VLAN tags (0x8100, 0x88a8, 0x9100 in any
 * order); IPv4 version, IHL >= 5, options and total length inside the capture; IPv6
 * version, payload length inside the capture, extension headers inside the payload;
 * ARP Ethernet/IPv4 shape; the minimal L4 header of TCP (and its data offset), UDP (and
 * its length, unfragmented only), ICMP, ICMPv6 and SCTP inside the L3 payload.
 * What is not: IP/L4 checksums (use the *ChecksumOk helpers), IPv4 options content,
 * addresses (martians), TCP options content. Trailing bytes after the L3 datagram
 * (Ethernet padding) are allowed; `l3End` marks where the datagram really ends.
 */
import { ParseError } from './errors.js';
import { Fragment } from './constants.js';
import { Ipv6ExtResult, ipv6SkipExtHeaders } from './ipv6.js';
/** What sits at `l3Off`. */
export const L3Kind = { NONE: 0, IPV4: 1, IPV6: 2, ARP: 3, OTHER: 4 };
/** Parser output; one monomorphic object reused for every packet. All offsets index `buf`. */
export class ParsedHeaders {
    /** Frame start (the `start` argument). */
    start = 0;
    /** Capture end: `start + len`. */
    end = 0;
    /** Number of VLAN tags (0..2). */
    vlanCount = 0;
    /** TPID of the outer tag, or 0 when untagged. */
    vlanTpid = 0;
    /** VID of the outer tag, or -1 when untagged. */
    vlanId = -1;
    /** PCP of the outer tag (0 when untagged). */
    vlanPcp = 0;
    /** VID of the inner tag of a double-tagged (QinQ) frame, or -1. */
    innerVlanId = -1;
    /** PCP of the inner tag (0 when absent). */
    innerVlanPcp = 0;
    /** EtherType after all tags. */
    etherType = 0;
    /** Offset of that EtherType field (start + 12 + 4 * vlanCount). */
    etherTypeOff = 0;
    /** Start of the L3 header, or -1. */
    l3Off = -1;
    /** An `L3Kind`. */
    l3Kind = L3Kind.NONE;
    /** End of the L3 datagram (IPv4 total length / IPv6 payload length; ARP 28; else capture end), or -1. */
    l3End = -1;
    /** IPv4 TOS or IPv6 traffic class, or -1. */
    ipTos = -1;
    /** IPv4 TTL or IPv6 hop limit, or -1. */
    ipTtl = -1;
    /** IPv4 source address (u32), 0 when not IPv4. */
    ipv4Src = 0;
    /** IPv4 destination address (u32), 0 when not IPv4. */
    ipv4Dst = 0;
    /** Offset of the IPv6 source address, or -1. */
    ipv6SrcOff = -1;
    /** Offset of the IPv6 destination address, or -1. */
    ipv6DstOff = -1;
    /** A `Fragment` value. */
    fragment = 0;
    /** IPv4 protocol or IPv6 upper-layer next header (after extension headers), or -1. */
    l4Proto = -1;
    /** Start of the L4 header (also set for LATER fragments, where it is payload), or -1. */
    l4Off = -1;
    /** TCP/UDP/SCTP source port, or -1. */
    srcPort = -1;
    /** TCP/UDP/SCTP destination port, or -1. */
    dstPort = -1;
    /** TCP flags byte, or -1. */
    tcpFlags = -1;
    /** ICMP/ICMPv6 type, or -1. */
    icmpType = -1;
    /** ICMP/ICMPv6 code, or -1. */
    icmpCode = -1;
    /** TCP/UDP payload start, or -1. */
    payloadOff = -1;
    /** TCP/UDP payload length (UDP: from its length field), 0 when none. */
    payloadLen = 0;
    /** ARP opcode, or -1. */
    arpOp = -1;
    /** ARP sender IPv4 address (u32), 0 when not ARP. */
    arpSpa = 0;
    /** ARP target IPv4 address (u32), 0 when not ARP. */
    arpTpa = 0;
}
// Plain module constants so the optimiser folds them (no property loads per packet).
const ETH_P_IPV4 = 0x0800;
const ETH_P_IPV6 = 0x86dd;
const ETH_P_ARP = 0x0806;
const P_ICMP = 1;
const P_TCP = 6;
const P_UDP = 17;
const P_ICMPV6 = 58;
const P_SCTP = 132;
const ext6 = new Ipv6ExtResult();
/** Parses the frame at `buf[start, start+len)` into `out`; returns 0 or a `ParseError` code. */
export function parsePacket(buf, start, len, out) {
    const end = start + len;
    out.start = start;
    out.end = end;
    out.vlanCount = 0;
    out.vlanTpid = 0;
    out.vlanId = -1;
    out.vlanPcp = 0;
    out.innerVlanId = -1;
    out.innerVlanPcp = 0;
    out.etherType = 0;
    out.etherTypeOff = 0;
    out.l3Off = -1;
    out.l3Kind = L3Kind.NONE;
    out.l3End = -1;
    out.ipTos = -1;
    out.ipTtl = -1;
    out.ipv4Src = 0;
    out.ipv4Dst = 0;
    out.ipv6SrcOff = -1;
    out.ipv6DstOff = -1;
    out.fragment = Fragment.NONE;
    out.l4Proto = -1;
    out.l4Off = -1;
    out.srcPort = -1;
    out.dstPort = -1;
    out.tcpFlags = -1;
    out.icmpType = -1;
    out.icmpCode = -1;
    out.payloadOff = -1;
    out.payloadLen = 0;
    out.arpOp = -1;
    out.arpSpa = 0;
    out.arpTpa = 0;
    // Written as a negated conjunction so NaN and non-integers fail too.
    if (!(start >= 0 && len >= 0 && end <= buf.length && Number.isInteger(start) && Number.isInteger(len))) {
        return ParseError.BAD_BOUNDS;
    }
    if (len < 14)
        return ParseError.TRUNCATED_L2;
    // L2: walk at most two tags. TRUST: p + 2 <= end holds at each type read below.
    let p = start + 12;
    let et = (buf[p] << 8) | buf[p + 1];
    while (et === 0x8100 || et === 0x88a8 || et === 0x9100) {
        if (out.vlanCount === 2)
            return ParseError.TOO_MANY_VLANS;
        if (p + 6 > end)
            return ParseError.TRUNCATED_VLAN;
        const tci = (buf[p + 2] << 8) | buf[p + 3];
        if (out.vlanCount === 0) {
            out.vlanTpid = et;
            out.vlanId = tci & 0xfff;
            out.vlanPcp = tci >>> 13;
        }
        else {
            out.innerVlanId = tci & 0xfff;
            out.innerVlanPcp = tci >>> 13;
        }
        out.vlanCount++;
        p += 4;
        et = (buf[p] << 8) | buf[p + 1];
    }
    out.etherType = et;
    out.etherTypeOff = p;
    const l3 = p + 2;
    out.l3Off = l3;
    if (et === ETH_P_IPV4) {
        out.l3Kind = L3Kind.IPV4;
        if (l3 + 20 > end)
            return ParseError.TRUNCATED_L3;
        const vihl = buf[l3];
        if (vihl >>> 4 !== 4)
            return ParseError.BAD_IP_VERSION;
        const hl = (vihl & 15) << 2;
        if (hl < 20)
            return ParseError.BAD_IPV4_IHL;
        if (l3 + hl > end)
            return ParseError.TRUNCATED_IPV4_OPTIONS;
        const tot = (buf[l3 + 2] << 8) | buf[l3 + 3];
        if (tot < hl)
            return ParseError.BAD_IPV4_TOTAL_LEN;
        if (l3 + tot > end)
            return ParseError.TRUNCATED_IPV4;
        const l3End = l3 + tot;
        out.l3End = l3End;
        out.ipTos = buf[l3 + 1];
        out.ipTtl = buf[l3 + 8];
        out.ipv4Src = ((buf[l3 + 12] << 24) | (buf[l3 + 13] << 16) | (buf[l3 + 14] << 8) | buf[l3 + 15]) >>> 0;
        out.ipv4Dst = ((buf[l3 + 16] << 24) | (buf[l3 + 17] << 16) | (buf[l3 + 18] << 8) | buf[l3 + 19]) >>> 0;
        const proto = buf[l3 + 9];
        out.l4Proto = proto;
        out.l4Off = l3 + hl;
        const frag = (buf[l3 + 6] << 8) | buf[l3 + 7];
        if ((frag & 0x1fff) !== 0) {
            out.fragment = Fragment.LATER;
            return 0;
        }
        if ((frag & 0x2000) !== 0)
            out.fragment = Fragment.FIRST;
        return parseL4(buf, l3 + hl, l3End, proto, proto === P_ICMP, out);
    }
    if (et === ETH_P_IPV6) {
        out.l3Kind = L3Kind.IPV6;
        if (l3 + 40 > end)
            return ParseError.TRUNCATED_L3;
        if (buf[l3] >>> 4 !== 6)
            return ParseError.BAD_IP_VERSION;
        const l3End = l3 + 40 + ((buf[l3 + 4] << 8) | buf[l3 + 5]);
        if (l3End > end)
            return ParseError.TRUNCATED_IPV6;
        out.l3End = l3End;
        out.ipTos = ((buf[l3] & 15) << 4) | (buf[l3 + 1] >>> 4);
        out.ipTtl = buf[l3 + 7];
        out.ipv6SrcOff = l3 + 8;
        out.ipv6DstOff = l3 + 24;
        const err = ipv6SkipExtHeaders(buf, l3, l3End, ext6);
        if (err !== 0)
            return err;
        const nh = ext6.nextHeader;
        out.l4Proto = nh;
        out.l4Off = ext6.l4Off;
        out.fragment = ext6.fragment;
        if (ext6.fragment === Fragment.LATER)
            return 0;
        return parseL4(buf, ext6.l4Off, l3End, nh, nh === P_ICMPV6, out);
    }
    if (et === ETH_P_ARP) {
        out.l3Kind = L3Kind.ARP;
        if (l3 + 28 > end)
            return ParseError.TRUNCATED_ARP;
        // RFC 826 for Ethernet/IPv4: htype 1, ptype 0x0800, hlen 6, plen 4.
        if (buf[l3] !== 0 || buf[l3 + 1] !== 1 || buf[l3 + 2] !== 8 || buf[l3 + 3] !== 0 || buf[l3 + 4] !== 6 || buf[l3 + 5] !== 4) {
            return ParseError.BAD_ARP;
        }
        out.l3End = l3 + 28;
        out.arpOp = (buf[l3 + 6] << 8) | buf[l3 + 7];
        out.arpSpa = ((buf[l3 + 14] << 24) | (buf[l3 + 15] << 16) | (buf[l3 + 16] << 8) | buf[l3 + 17]) >>> 0;
        out.arpTpa = ((buf[l3 + 24] << 24) | (buf[l3 + 25] << 16) | (buf[l3 + 26] << 8) | buf[l3 + 27]) >>> 0;
        return 0;
    }
    out.l3Kind = L3Kind.OTHER;
    out.l3End = end;
    return 0;
}
/**
 * L4 minimal-header checks inside `[l4, l3End)`. `isIcmp` is true for ICMP under IPv4 or
 * ICMPv6 under IPv6 (each only counts under its own IP version).
 */
function parseL4(buf, l4, l3End, proto, isIcmp, out) {
    const avail = l3End - l4;
    if (proto === P_TCP) {
        if (avail < 20)
            return ParseError.TRUNCATED_L4;
        const doff = (buf[l4 + 12] >>> 4) << 2;
        if (doff < 20)
            return ParseError.BAD_TCP_DATA_OFFSET;
        if (doff > avail)
            return ParseError.TRUNCATED_L4;
        out.srcPort = (buf[l4] << 8) | buf[l4 + 1];
        out.dstPort = (buf[l4 + 2] << 8) | buf[l4 + 3];
        out.tcpFlags = buf[l4 + 13];
        out.payloadOff = l4 + doff;
        out.payloadLen = avail - doff;
        return 0;
    }
    if (proto === P_UDP) {
        if (avail < 8)
            return ParseError.TRUNCATED_L4;
        const ulen = (buf[l4 + 4] << 8) | buf[l4 + 5];
        let plen = avail - 8;
        if (out.fragment === Fragment.NONE) {
            // RFC 768: length covers header + data; a first fragment holds only part of it.
            if (ulen < 8 || ulen > avail)
                return ParseError.BAD_UDP_LEN;
            plen = ulen - 8;
        }
        out.srcPort = (buf[l4] << 8) | buf[l4 + 1];
        out.dstPort = (buf[l4 + 2] << 8) | buf[l4 + 3];
        out.payloadOff = l4 + 8;
        out.payloadLen = plen;
        return 0;
    }
    if (isIcmp) {
        // ICMP headers are 8 bytes (RFC 792); ICMPv6 guarantees only type/code/checksum (RFC 4443 2.1).
        if (avail < (proto === P_ICMPV6 ? 4 : 8))
            return ParseError.TRUNCATED_L4;
        out.icmpType = buf[l4];
        out.icmpCode = buf[l4 + 1];
        return 0;
    }
    if (proto === P_SCTP) {
        if (avail < 12)
            return ParseError.TRUNCATED_L4; // RFC 9260 3.1 common header
        out.srcPort = (buf[l4] << 8) | buf[l4 + 1];
        out.dstPort = (buf[l4 + 2] << 8) | buf[l4 + 3];
        return 0;
    }
    return 0;
}
//# sourceMappingURL=parse.js.map
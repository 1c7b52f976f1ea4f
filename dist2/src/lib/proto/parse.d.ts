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
/** What sits at `l3Off`. */
export declare const L3Kind: {
    readonly NONE: 0;
    readonly IPV4: 1;
    readonly IPV6: 2;
    readonly ARP: 3;
    readonly OTHER: 4;
};
/** A value of `L3Kind`. */
export type L3Kind = (typeof L3Kind)[keyof typeof L3Kind];
/** Parser output; one monomorphic object reused for every packet. All offsets index `buf`. */
export declare class ParsedHeaders {
    /** Frame start (the `start` argument). */
    start: number;
    /** Capture end: `start + len`. */
    end: number;
    /** Number of VLAN tags (0..2). */
    vlanCount: number;
    /** TPID of the outer tag, or 0 when untagged. */
    vlanTpid: number;
    /** VID of the outer tag, or -1 when untagged. */
    vlanId: number;
    /** PCP of the outer tag (0 when untagged). */
    vlanPcp: number;
    /** VID of the inner tag of a double-tagged (QinQ) frame, or -1. */
    innerVlanId: number;
    /** PCP of the inner tag (0 when absent). */
    innerVlanPcp: number;
    /** EtherType after all tags. */
    etherType: number;
    /** Offset of that EtherType field (start + 12 + 4 * vlanCount). */
    etherTypeOff: number;
    /** Start of the L3 header, or -1. */
    l3Off: number;
    /** An `L3Kind`. */
    l3Kind: number;
    /** End of the L3 datagram (IPv4 total length / IPv6 payload length; ARP 28; else capture end), or -1. */
    l3End: number;
    /** IPv4 TOS or IPv6 traffic class, or -1. */
    ipTos: number;
    /** IPv4 TTL or IPv6 hop limit, or -1. */
    ipTtl: number;
    /** IPv4 source address (u32), 0 when not IPv4. */
    ipv4Src: number;
    /** IPv4 destination address (u32), 0 when not IPv4. */
    ipv4Dst: number;
    /** Offset of the IPv6 source address, or -1. */
    ipv6SrcOff: number;
    /** Offset of the IPv6 destination address, or -1. */
    ipv6DstOff: number;
    /** A `Fragment` value. */
    fragment: number;
    /** IPv4 protocol or IPv6 upper-layer next header (after extension headers), or -1. */
    l4Proto: number;
    /** Start of the L4 header (also set for LATER fragments, where it is payload), or -1. */
    l4Off: number;
    /** TCP/UDP/SCTP source port, or -1. */
    srcPort: number;
    /** TCP/UDP/SCTP destination port, or -1. */
    dstPort: number;
    /** TCP flags byte, or -1. */
    tcpFlags: number;
    /** ICMP/ICMPv6 type, or -1. */
    icmpType: number;
    /** ICMP/ICMPv6 code, or -1. */
    icmpCode: number;
    /** TCP/UDP payload start, or -1. */
    payloadOff: number;
    /** TCP/UDP payload length (UDP: from its length field), 0 when none. */
    payloadLen: number;
    /** ARP opcode, or -1. */
    arpOp: number;
    /** ARP sender IPv4 address (u32), 0 when not ARP. */
    arpSpa: number;
    /** ARP target IPv4 address (u32), 0 when not ARP. */
    arpTpa: number;
}
/** Parses the frame at `buf[start, start+len)` into `out`; returns 0 or a `ParseError` code. */
export declare function parsePacket(buf: Uint8Array, start: number, len: number, out: ParsedHeaders): number;

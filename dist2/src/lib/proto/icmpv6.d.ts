/**
 * ICMPv6 (RFC 4443) at `off`: type(1) code(1) checksum(2) body. The checksum covers the
 * IPv6 pseudo-header (addresses from the IPv6 header at `ip6Off`, next header 58) and the
 * whole `len`-byte message. Neighbor Discovery (RFC 4861 4.3, 4.4) builders included.
 */
/** Minimum ICMPv6 header length (type, code, checksum). */
export declare const ICMPV6_HLEN = 4;
/** Length of a Neighbor Solicitation/Advertisement with one link-layer address option. */
export declare const ICMPV6_ND_LEN = 32;
/** Common ICMPv6 types. */
export declare const Icmpv6Type: {
    readonly DEST_UNREACH: 1;
    readonly PACKET_TOO_BIG: 2;
    readonly TIME_EXCEEDED: 3;
    readonly PARAM_PROBLEM: 4;
    readonly ECHO_REQUEST: 128;
    readonly ECHO_REPLY: 129;
    readonly ROUTER_SOLICIT: 133;
    readonly ROUTER_ADVERT: 134;
    readonly NEIGHBOR_SOLICIT: 135;
    readonly NEIGHBOR_ADVERT: 136;
};
/** Neighbor Advertisement flags (first word after the checksum). */
export declare const NdFlag: {
    readonly ROUTER: 2147483648;
    readonly SOLICITED: 1073741824;
    readonly OVERRIDE: 536870912;
};
/** Type. */
export declare function icmpv6Type(buf: Uint8Array, off: number): number;
/** Code. */
export declare function icmpv6Code(buf: Uint8Array, off: number): number;
/** Stored checksum. */
export declare function icmpv6Checksum(buf: Uint8Array, off: number): number;
/** Echo identifier. */
export declare function icmpv6EchoId(buf: Uint8Array, off: number): number;
/** Echo sequence number. */
export declare function icmpv6EchoSeq(buf: Uint8Array, off: number): number;
/** Offset of the 16-byte target address of an NS/NA at `off`. */
export declare function icmpv6NdTargetOff(off: number): number;
/** Checksum of the `len`-byte message as if the field were zero. */
export declare function icmpv6ComputeChecksum(buf: Uint8Array, ip6Off: number, off: number, len: number): number;
/** Recomputes and stores the checksum. */
export declare function icmpv6SetChecksum(buf: Uint8Array, ip6Off: number, off: number, len: number): void;
/** True when the stored checksum is correct. */
export declare function icmpv6ChecksumOk(buf: Uint8Array, ip6Off: number, off: number, len: number): boolean;
/**
 * Turns an echo request into a reply in place (type 128 -> 129). The checksum update is
 * incremental for the type change only; if the caller also swaps the IPv6 addresses the
 * pseudo-header sum is unchanged (addition commutes), so the result stays valid.
 */
export declare function icmpv6EchoToReply(buf: Uint8Array, off: number): void;
/**
 * Writes an echo header at `off` and its checksum over header + the `dataLen` bytes that
 * follow (write the data and the IPv6 header at `ip6Off` first). Returns `off + 8`.
 */
export declare function buildIcmpv6Echo(buf: Uint8Array, off: number, ip6Off: number, type: number, id: number, seq: number, dataLen: number): number;
/**
 * Writes a Neighbor Solicitation (`type` 135, option 1 = source link-layer address) or
 * Advertisement (136, option 2 = target link-layer address, `flags` from NdFlag) for the
 * target address in `target` at `targetOff`, with checksum (the IPv6 header at `ip6Off`
 * must already hold the addresses). Returns `off + 32`.
 */
export declare function buildIcmpv6Nd(buf: Uint8Array, off: number, ip6Off: number, type: number, flags: number, target: Uint8Array, targetOff: number, llaHi: number, llaLo: number): number;

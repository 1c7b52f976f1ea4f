/**
 * IPv6 fixed header (RFC 8200 3) at `off` and the walk over the common extension headers
 * (Hop-by-Hop 0, Routing 43, Fragment 44, Destination Options 60).
 *
 * Addresses stay in the packet: `ipv6SrcOff`/`ipv6DstOff` give their byte offsets.
 * `ipv6SkipExtHeaders` is bounded (at most `IPV6_MAX_EXT_HEADERS` headers, every read
 * inside `[off, end)`) and reports a `ParseError` code. AH, ESP and unknown next headers
 * end the walk and are reported as the upper-layer protocol.
 */
/** Fixed header length. */
export declare const IPV6_HLEN = 40;
/** Walk limit: more extension headers than this is treated as an attack (TOO_MANY_IPV6_EXT). */
export declare const IPV6_MAX_EXT_HEADERS = 8;
/** Version nibble (6 for a valid header). */
export declare function ipv6Version(buf: Uint8Array, off: number): number;
/** Traffic class. */
export declare function ipv6TrafficClass(buf: Uint8Array, off: number): number;
/** Flow label (20 bits). */
export declare function ipv6FlowLabel(buf: Uint8Array, off: number): number;
/** Payload length (everything after the 40-byte header). */
export declare function ipv6PayloadLen(buf: Uint8Array, off: number): number;
/** Next header of the fixed header. */
export declare function ipv6NextHeader(buf: Uint8Array, off: number): number;
/** Hop limit. */
export declare function ipv6HopLimit(buf: Uint8Array, off: number): number;
/** Offset of the 16-byte source address. */
export declare function ipv6SrcOff(off: number): number;
/** Offset of the 16-byte destination address. */
export declare function ipv6DstOff(off: number): number;
/** Decrements the hop limit (no header checksum in IPv6). Returns the new value, or -1 when already 0. */
export declare function ipv6DecHopLimit(buf: Uint8Array, off: number): number;
/** True when the 16-byte addresses at `aOff` and `bOff` are equal. */
export declare function ipv6AddrEqual(a: Uint8Array, aOff: number, b: Uint8Array, bOff: number): boolean;
/** True when the address at `addrOff` is multicast (ff00::/8). */
export declare function ipv6IsMulticast(buf: Uint8Array, addrOff: number): boolean;
/** Writes the solicited-node multicast address ff02::1:ffXX:XXXX of the target at `targetOff` (RFC 4291 2.7.1). */
export declare function ipv6WriteSolicitedNode(buf: Uint8Array, off: number, target: Uint8Array, targetOff: number): void;
/**
 * Writes a 40-byte header at `off` with addresses copied from `src`/`dst` byte arrays;
 * returns `off + 40`.
 */
export declare function buildIpv6(buf: Uint8Array, off: number, src: Uint8Array, srcOff: number, dst: Uint8Array, dstOff: number, nextHeader: number, payloadLen: number, hopLimit?: number, trafficClass?: number, flowLabel?: number): number;
/** Result of `ipv6SkipExtHeaders`; allocate once and reuse. */
export declare class Ipv6ExtResult {
    /** Upper-layer protocol (next header after the last skipped extension header). */
    nextHeader: number;
    /** Offset of the upper-layer header. */
    l4Off: number;
    /** A `Fragment` value. */
    fragment: number;
    /** Number of extension headers skipped. */
    extCount: number;
}
/**
 * Walks extension headers of the IPv6 packet at `off` whose payload ends at `end`
 * (`off + 40 + payloadLen`, already checked against the capture). Fills `out` and
 * returns 0 or a `ParseError` code. Stops at a non-first fragment (no L4 header follows).
 */
export declare function ipv6SkipExtHeaders(buf: Uint8Array, off: number, end: number, out: Ipv6ExtResult): number;

/**
 * Control-path packet construction: `buildUdpPacket` returns a complete Ethernet
 * (+ optional 802.1Q tag) / IPv4 or IPv6 / UDP frame with correct checksums, for tests, the
 * traffic generator's templates and apps that prepare packets once. Allocates and throws
 * `Error` naming the bad field — not for the data path (use the per-header builders there).
 */
/** Description of a UDP frame. Addresses may be text or numbers (mac48 / u32 IPv4). */
export interface UdpPacketSpec {
    srcMac: string | number;
    dstMac: string | number;
    /** Adds one 802.1Q tag with this VID (0..4095). */
    vlan?: number;
    /** PCP for the tag (0..7, default 0); only with `vlan`. */
    pcp?: number;
    /** IPv4 (dotted text or u32) or IPv6 text; both addresses must be the same family. */
    srcIp: string | number;
    dstIp: string | number;
    srcPort: number;
    dstPort: number;
    /** UDP payload. Give `payload` or `size`, not both; neither means an empty payload. */
    payload?: Uint8Array;
    /** Whole frame length without FCS (e.g. 60 for minimum-size); the payload is filled with i & 0xff. */
    size?: number;
    /** IPv4 TTL / IPv6 hop limit (default 64). */
    ttl?: number;
    /** IPv4 TOS / IPv6 traffic class (default 0). */
    tos?: number;
    /** IPv4 identification (default 0). */
    ipId?: number;
    /** Compute the UDP checksum (default true; IPv6 always gets one). */
    checksum?: boolean;
}
/** Builds a complete UDP frame. Allocates — not for the data path. */
export declare function buildUdpPacket(spec: UdpPacketSpec): Uint8Array;

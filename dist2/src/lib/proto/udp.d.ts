/**
 * UDP header (RFC 768) at `off`: src port, dst port, length (header + data), checksum.
 *
 * Checksums use the IPv4 (`ipOff`) or IPv6 (`ip6Off`) header for the pseudo-header and
 * the UDP length field for the covered length. A computed 0 is sent as 0xffff; a stored 0
 * means "no checksum" in IPv4 (accepted by `udpChecksumOkV4`, left alone by the
 * incremental updaters) and is invalid in IPv6 (RFC 8200 8.1).
 */
/** Header length. */
export declare const UDP_HLEN = 8;
/** Source port. */
export declare function udpSrcPort(buf: Uint8Array, off: number): number;
/** Destination port. */
export declare function udpDstPort(buf: Uint8Array, off: number): number;
/** Length field (header + data). */
export declare function udpLen(buf: Uint8Array, off: number): number;
/** Stored checksum. */
export declare function udpChecksum(buf: Uint8Array, off: number): number;
/** Checksum (0 mapped to 0xffff) over the datagram, IPv4 pseudo-header from `ipOff`. */
export declare function udpComputeChecksumV4(buf: Uint8Array, ipOff: number, off: number): number;
/** Checksum (0 mapped to 0xffff) over the datagram, IPv6 pseudo-header from `ip6Off`. */
export declare function udpComputeChecksumV6(buf: Uint8Array, ip6Off: number, off: number): number;
/** Computes and stores the checksum (IPv4). */
export declare function udpSetChecksumV4(buf: Uint8Array, ipOff: number, off: number): void;
/** Computes and stores the checksum (IPv6). */
export declare function udpSetChecksumV6(buf: Uint8Array, ip6Off: number, off: number): void;
/** True when the checksum is correct or absent (0) (IPv4). */
export declare function udpChecksumOkV4(buf: Uint8Array, ipOff: number, off: number): boolean;
/** True when the checksum is correct (IPv6; 0 is invalid). */
export declare function udpChecksumOkV6(buf: Uint8Array, ip6Off: number, off: number): boolean;
/** Incremental checksum update after a covered 16-bit word (e.g. a port) changed; keeps 0 = none. */
export declare function udpCsumReplace16(buf: Uint8Array, off: number, oldWord: number, newWord: number): void;
/** Incremental checksum update after a pseudo-header address (NAT) changed; keeps 0 = none. */
export declare function udpCsumReplace32(buf: Uint8Array, off: number, oldVal: number, newVal: number): void;
/** Rewrites the source port with an incremental checksum update. */
export declare function udpSetSrcPort(buf: Uint8Array, off: number, port: number): void;
/** Rewrites the destination port with an incremental checksum update. */
export declare function udpSetDstPort(buf: Uint8Array, off: number, port: number): void;
/**
 * Writes an 8-byte header (length = 8 + payloadLen, checksum 0) at `off`; returns `off + 8`.
 * Call `udpSetChecksumV4`/`V6` once the payload is in place.
 */
export declare function buildUdp(buf: Uint8Array, off: number, srcPort: number, dstPort: number, payloadLen: number): number;

/**
 * IPv4 header (RFC 791 3.1) at `off`: fixed 20 bytes plus options up to IHL * 4.
 *
 * Accessors assume the header was validated (parsePacket). Setters that change a covered
 * field keep the header checksum correct with RFC 1624 incremental updates; they do not
 * touch L4 checksums (see `udpCsumReplace32`/`tcpCsumReplace32` for NAT).
 */
/** Minimum (option-less) header length. */
export declare const IPV4_HLEN = 20;
/** Flags+fragment-offset field: Don't Fragment. */
export declare const IPV4_DF = 16384;
/** Flags+fragment-offset field: More Fragments. */
export declare const IPV4_MF = 8192;
/** Version nibble (4 for a valid header). */
export declare function ipv4Version(buf: Uint8Array, off: number): number;
/** Header length in bytes (IHL * 4). */
export declare function ipv4HeaderLen(buf: Uint8Array, off: number): number;
/** Type of service byte (DSCP << 2 | ECN). */
export declare function ipv4Tos(buf: Uint8Array, off: number): number;
/** Total length (header + payload). */
export declare function ipv4TotalLen(buf: Uint8Array, off: number): number;
/** Identification. */
export declare function ipv4Id(buf: Uint8Array, off: number): number;
/** Flags and fragment offset as one 16-bit field. */
export declare function ipv4FragField(buf: Uint8Array, off: number): number;
/** Fragment offset in bytes. */
export declare function ipv4FragOffset(buf: Uint8Array, off: number): number;
/** True for any fragment (MF set or offset non-zero). */
export declare function ipv4IsFragment(buf: Uint8Array, off: number): boolean;
/** Time to live. */
export declare function ipv4Ttl(buf: Uint8Array, off: number): number;
/** Protocol. */
export declare function ipv4Proto(buf: Uint8Array, off: number): number;
/** Stored header checksum. */
export declare function ipv4Checksum(buf: Uint8Array, off: number): number;
/** Source address (u32). */
export declare function ipv4Src(buf: Uint8Array, off: number): number;
/** Destination address (u32). */
export declare function ipv4Dst(buf: Uint8Array, off: number): number;
/** Header checksum computed as if the field were zero (does not write). */
export declare function ipv4ComputeChecksum(buf: Uint8Array, off: number): number;
/** Recomputes and stores the header checksum. */
export declare function ipv4SetChecksum(buf: Uint8Array, off: number): void;
/** True when the stored header checksum is correct. */
export declare function ipv4ChecksumOk(buf: Uint8Array, off: number): boolean;
/**
 * Decrements TTL with an incremental checksum update (RFC 1624; TTL shares a word with
 * protocol). Returns the new TTL, or -1 (header untouched) when TTL is already 0.
 * Routers drop when the result is 0 (RFC 1812 5.3.1).
 */
export declare function ipv4DecTtl(buf: Uint8Array, off: number): number;
/** Sets TTL, updating the checksum incrementally. */
export declare function ipv4SetTtl(buf: Uint8Array, off: number, ttl: number): void;
/** Sets the TOS byte, updating the checksum incrementally. */
export declare function ipv4SetTos(buf: Uint8Array, off: number, tos: number): void;
/** Sets total length, updating the checksum incrementally. */
export declare function ipv4SetTotalLen(buf: Uint8Array, off: number, totalLen: number): void;
/** Rewrites the source address, updating the header checksum incrementally. */
export declare function ipv4SetSrc(buf: Uint8Array, off: number, ip: number): void;
/** Rewrites the destination address, updating the header checksum incrementally. */
export declare function ipv4SetDst(buf: Uint8Array, off: number, ip: number): void;
/**
 * Writes a 20-byte option-less header with a correct checksum at `off`; returns `off + 20`.
 * `payloadLen` is the L4 length (total length = 20 + payloadLen). `fragField` defaults to
 * DF set, offset 0.
 */
export declare function buildIpv4(buf: Uint8Array, off: number, src: number, dst: number, proto: number, payloadLen: number, ttl?: number, tos?: number, id?: number, fragField?: number): number;

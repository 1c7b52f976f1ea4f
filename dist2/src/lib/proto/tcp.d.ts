/**
 * TCP header (RFC 9293 3.1) at `off`: ports, seq, ack, data offset, flags, window,
 * checksum, urgent pointer, options up to data offset * 4.
 *
 * TCP carries no length: checksum functions take the segment length `len` (IP payload
 * length minus IPv6 extension headers), and the pseudo-header comes from the IPv4 header
 * at `ipOff` or the IPv6 header at `ip6Off`.
 */
/** Minimum header length. */
export declare const TCP_HLEN = 20;
/** Flag bits of byte 13. */
export declare const TcpFlag: {
    readonly FIN: 1;
    readonly SYN: 2;
    readonly RST: 4;
    readonly PSH: 8;
    readonly ACK: 16;
    readonly URG: 32;
    readonly ECE: 64;
    readonly CWR: 128;
};
/** Source port. */
export declare function tcpSrcPort(buf: Uint8Array, off: number): number;
/** Destination port. */
export declare function tcpDstPort(buf: Uint8Array, off: number): number;
/** Sequence number (u32). */
export declare function tcpSeq(buf: Uint8Array, off: number): number;
/** Acknowledgement number (u32). */
export declare function tcpAck(buf: Uint8Array, off: number): number;
/** Header length in bytes (data offset * 4). */
export declare function tcpHeaderLen(buf: Uint8Array, off: number): number;
/** Flags byte (CWR..FIN). */
export declare function tcpFlags(buf: Uint8Array, off: number): number;
/** Window. */
export declare function tcpWindow(buf: Uint8Array, off: number): number;
/** Stored checksum. */
export declare function tcpChecksum(buf: Uint8Array, off: number): number;
/** Checksum of the `len`-byte segment with the IPv4 pseudo-header, as if the field were zero. */
export declare function tcpComputeChecksumV4(buf: Uint8Array, ipOff: number, off: number, len: number): number;
/** Checksum of the `len`-byte segment with the IPv6 pseudo-header, as if the field were zero. */
export declare function tcpComputeChecksumV6(buf: Uint8Array, ip6Off: number, off: number, len: number): number;
/** Computes and stores the checksum (IPv4). */
export declare function tcpSetChecksumV4(buf: Uint8Array, ipOff: number, off: number, len: number): void;
/** Computes and stores the checksum (IPv6). */
export declare function tcpSetChecksumV6(buf: Uint8Array, ip6Off: number, off: number, len: number): void;
/** True when the stored checksum is correct (IPv4). */
export declare function tcpChecksumOkV4(buf: Uint8Array, ipOff: number, off: number, len: number): boolean;
/** True when the stored checksum is correct (IPv6). */
export declare function tcpChecksumOkV6(buf: Uint8Array, ip6Off: number, off: number, len: number): boolean;
/** Incremental checksum update after a covered 16-bit word changed. */
export declare function tcpCsumReplace16(buf: Uint8Array, off: number, oldWord: number, newWord: number): void;
/** Incremental checksum update after a pseudo-header address (NAT) changed. */
export declare function tcpCsumReplace32(buf: Uint8Array, off: number, oldVal: number, newVal: number): void;
/** Rewrites the source port with an incremental checksum update. */
export declare function tcpSetSrcPort(buf: Uint8Array, off: number, port: number): void;
/** Rewrites the destination port with an incremental checksum update. */
export declare function tcpSetDstPort(buf: Uint8Array, off: number, port: number): void;
/**
 * Writes a 20-byte option-less header (checksum 0, urgent 0) at `off`; returns `off + 20`.
 * Call `tcpSetChecksumV4`/`V6` once the payload is in place.
 */
export declare function buildTcp(buf: Uint8Array, off: number, srcPort: number, dstPort: number, seq: number, ack: number, flags: number, window: number): number;

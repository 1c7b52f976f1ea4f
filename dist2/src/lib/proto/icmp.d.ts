/**
 * ICMP for IPv4 (RFC 792) at `off`: type(1) code(1) checksum(2) rest-of-header(4).
 * The checksum covers the whole ICMP message (`len` bytes), no pseudo-header.
 */
/** ICMP header length (including the 4-byte rest-of-header). */
export declare const ICMP_HLEN = 8;
/** Common ICMP types. */
export declare const IcmpType: {
    readonly ECHO_REPLY: 0;
    readonly DEST_UNREACH: 3;
    readonly REDIRECT: 5;
    readonly ECHO_REQUEST: 8;
    readonly TIME_EXCEEDED: 11;
    readonly PARAM_PROBLEM: 12;
};
/** Type. */
export declare function icmpType(buf: Uint8Array, off: number): number;
/** Code. */
export declare function icmpCode(buf: Uint8Array, off: number): number;
/** Stored checksum. */
export declare function icmpChecksum(buf: Uint8Array, off: number): number;
/** Echo identifier. */
export declare function icmpEchoId(buf: Uint8Array, off: number): number;
/** Echo sequence number. */
export declare function icmpEchoSeq(buf: Uint8Array, off: number): number;
/** Checksum of the `len`-byte message as if the field were zero. */
export declare function icmpComputeChecksum(buf: Uint8Array, off: number, len: number): number;
/** Recomputes and stores the checksum of the `len`-byte message. */
export declare function icmpSetChecksum(buf: Uint8Array, off: number, len: number): void;
/** True when the checksum of the `len`-byte message is correct. */
export declare function icmpChecksumOk(buf: Uint8Array, off: number, len: number): boolean;
/** Turns an echo request into an echo reply in place (type 8 -> 0, incremental checksum). */
export declare function icmpEchoToReply(buf: Uint8Array, off: number): void;
/**
 * Writes an echo header (`type` ECHO_REQUEST or ECHO_REPLY) at `off` and its checksum over
 * the header plus the `dataLen` bytes that follow — write the data first. Returns `off + 8`.
 */
export declare function buildIcmpEcho(buf: Uint8Array, off: number, type: number, id: number, seq: number, dataLen: number): number;

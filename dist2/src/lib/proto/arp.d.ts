/**
 * ARP for Ethernet/IPv4 (RFC 826): htype(2) ptype(2) hlen(1) plen(1) op(2) sha(6) spa(4)
 * tha(6) tpa(4) = 28 bytes at `off`. Other hardware/protocol types are not handled;
 * `arpIsEthIpv4` tells them apart (parsePacket reports them as BAD_ARP).
 */
/** Length of an Ethernet/IPv4 ARP packet. */
export declare const ARP_LEN = 28;
/** ARP opcodes. */
export declare const ArpOp: {
    readonly REQUEST: 1;
    readonly REPLY: 2;
};
/** True when htype=1, ptype=0x0800, hlen=6, plen=4. */
export declare function arpIsEthIpv4(buf: Uint8Array, off: number): boolean;
/** Opcode. */
export declare function arpOp(buf: Uint8Array, off: number): number;
/** Sender hardware address, first two octets. */
export declare function arpShaHi(buf: Uint8Array, off: number): number;
/** Sender hardware address, last four octets. */
export declare function arpShaLo(buf: Uint8Array, off: number): number;
/** Sender protocol (IPv4) address. */
export declare function arpSpa(buf: Uint8Array, off: number): number;
/** Target hardware address, first two octets. */
export declare function arpThaHi(buf: Uint8Array, off: number): number;
/** Target hardware address, last four octets. */
export declare function arpThaLo(buf: Uint8Array, off: number): number;
/** Target protocol (IPv4) address. */
export declare function arpTpa(buf: Uint8Array, off: number): number;
/** Writes a 28-byte Ethernet/IPv4 ARP packet at `off`; returns `off + 28`. */
export declare function buildArp(buf: Uint8Array, off: number, op: number, shaHi: number, shaLo: number, spa: number, thaHi: number, thaLo: number, tpa: number): number;
/**
 * Turns the request at `off` into the reply in place: op=2, target := old sender,
 * sender := (`macHi`,`macLo`, old target IP). The Ethernet header is the caller's job.
 */
export declare function arpMakeReply(buf: Uint8Array, off: number, macHi: number, macLo: number): void;

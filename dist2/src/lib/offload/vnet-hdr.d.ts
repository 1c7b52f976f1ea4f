/**
 * The virtio-net header (virtio 1.2 §5.1.6, Linux `include/uapi/linux/virtio_net.h`): the
 * offload state that travels in front of a frame between Sluice and the kernel
 * (PACKET_VNET_HDR, IFF_VNET_HDR) or a virtio peer. The 10-byte legacy layout, little-endian
 * (the kernel's `vio_le()` on x86 and every modern virtio device).
 *
 *   flags u8 | gso_type u8 | hdr_len u16 | gso_size u16 | csum_start u16 | csum_offset u16
 *
 * Untrusted: `checkVnetHdr` says what is wrong with a header before anything acts on it.
 */
export declare const VNET_HDR_LEN = 10;
/** `flags` bits. */
export declare const VNET_F_NEEDS_CSUM = 1;
export declare const VNET_F_DATA_VALID = 2;
/** `gso_type` values; ECN is a bit on top of a TCP type. */
export declare const GSO_NONE = 0, GSO_TCPV4 = 1, GSO_UDP = 3, GSO_TCPV6 = 4, GSO_UDP_L4 = 5, GSO_ECN = 128;
/** One header, decoded. Monomorphic; reuse one per port. */
export declare class VnetHdr {
    flags: number;
    gsoType: number;
    hdrLen: number;
    gsoSize: number;
    csumStart: number;
    csumOffset: number;
}
/** Decode the header at `buf[off, off+10)` (caller checked the bounds). */
export declare function readVnetHdr(buf: Uint8Array, off: number, h: VnetHdr): void;
/** Write an all-zero header (no offload: the frame is complete as it is). */
export declare function writeVnetHdrNone(buf: Uint8Array, off: number): void;
/**
 * Why an offload header (or the frame it describes) was refused. Small integers for the
 * hot path; names for reports. Append only.
 */
export declare const OffloadError: {
    readonly OK: 0;
    /** gso_type is not NONE, TCPV4, TCPV6 or UDP_L4 (with ECN only on TCP). UFO is refused. */
    readonly BAD_GSO_TYPE: 1;
    /** gso_type is set but gso_size is 0. */
    readonly ZERO_GSO_SIZE: 2;
    /** NEEDS_CSUM with csum_start + csum_offset + 2 outside the frame. */
    readonly BAD_CSUM_OFFSETS: 3;
    /** The frame's Ethernet/IP/L4 headers do not parse, or are fragmented. */
    readonly BAD_HEADERS: 4;
    /** The headers parse but are not what gso_type says (IPv4 for TCPV6, UDP for TCPV4…). */
    readonly GSO_MISMATCH: 5;
    /** More than 64 KiB, or more segments than a burst holds (gso_size too small). */
    readonly TOO_BIG: 6;
    /** A segment (headers + gso_size) would not fit a packet buffer. */
    readonly SEGMENT_TOO_BIG: 7;
};
export declare const OFFLOAD_ERROR_NAMES: readonly string[];
/** The first thing wrong with `h` for a `len`-byte frame, or OK. Does not parse the frame. */
export declare function checkVnetHdr(h: VnetHdr, len: number): number;

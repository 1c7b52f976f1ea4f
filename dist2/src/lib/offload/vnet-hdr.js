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
export const VNET_HDR_LEN = 10;
/** `flags` bits. */
export const VNET_F_NEEDS_CSUM = 1;
export const VNET_F_DATA_VALID = 2;
/** `gso_type` values; ECN is a bit on top of a TCP type. */
export const GSO_NONE = 0, GSO_TCPV4 = 1, GSO_UDP = 3, GSO_TCPV6 = 4, GSO_UDP_L4 = 5, GSO_ECN = 0x80;
/** One header, decoded. Monomorphic; reuse one per port. */
export class VnetHdr {
    flags = 0;
    gsoType = GSO_NONE;
    hdrLen = 0;
    gsoSize = 0;
    csumStart = 0;
    csumOffset = 0;
}
/** Decode the header at `buf[off, off+10)` (caller checked the bounds). */
export function readVnetHdr(buf, off, h) {
    h.flags = buf[off];
    h.gsoType = buf[off + 1];
    h.hdrLen = buf[off + 2] | (buf[off + 3] << 8);
    h.gsoSize = buf[off + 4] | (buf[off + 5] << 8);
    h.csumStart = buf[off + 6] | (buf[off + 7] << 8);
    h.csumOffset = buf[off + 8] | (buf[off + 9] << 8);
}
/** Write an all-zero header (no offload: the frame is complete as it is). */
export function writeVnetHdrNone(buf, off) {
    for (let i = 0; i < VNET_HDR_LEN; i++)
        buf[off + i] = 0;
}
/**
 * Why an offload header (or the frame it describes) was refused. Small integers for the
 * hot path; names for reports. Append only.
 */
export const OffloadError = {
    OK: 0,
    /** gso_type is not NONE, TCPV4, TCPV6 or UDP_L4 (with ECN only on TCP). UFO is refused. */
    BAD_GSO_TYPE: 1,
    /** gso_type is set but gso_size is 0. */
    ZERO_GSO_SIZE: 2,
    /** NEEDS_CSUM with csum_start + csum_offset + 2 outside the frame. */
    BAD_CSUM_OFFSETS: 3,
    /** The frame's Ethernet/IP/L4 headers do not parse, or are fragmented. */
    BAD_HEADERS: 4,
    /** The headers parse but are not what gso_type says (IPv4 for TCPV6, UDP for TCPV4…). */
    GSO_MISMATCH: 5,
    /** More than 64 KiB, or more segments than a burst holds (gso_size too small). */
    TOO_BIG: 6,
    /** A segment (headers + gso_size) would not fit a packet buffer. */
    SEGMENT_TOO_BIG: 7,
};
export const OFFLOAD_ERROR_NAMES = Object.entries(OffloadError)
    .sort((a, b) => a[1] - b[1])
    .map(([k]) => k.toLowerCase());
/** The first thing wrong with `h` for a `len`-byte frame, or OK. Does not parse the frame. */
export function checkVnetHdr(h, len) {
    const t = h.gsoType & ~GSO_ECN;
    if (t !== GSO_NONE) {
        if (t !== GSO_TCPV4 && t !== GSO_TCPV6 && t !== GSO_UDP_L4)
            return OffloadError.BAD_GSO_TYPE;
        if (t === GSO_UDP_L4 && (h.gsoType & GSO_ECN) !== 0)
            return OffloadError.BAD_GSO_TYPE;
        if (h.gsoSize === 0)
            return OffloadError.ZERO_GSO_SIZE;
    }
    else if ((h.gsoType & GSO_ECN) !== 0)
        return OffloadError.BAD_GSO_TYPE;
    if ((h.flags & VNET_F_NEEDS_CSUM) !== 0 && h.csumStart + h.csumOffset + 2 > len)
        return OffloadError.BAD_CSUM_OFFSETS;
    return OffloadError.OK;
}
//# sourceMappingURL=vnet-hdr.js.map
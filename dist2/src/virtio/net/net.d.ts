/**
 * virtio-net constants (VIRTIO 1.2 5.1): feature bits, the net header layout, config status.
 * Pure data plus the header writer/reader used by both port kinds.
 *
 * Header (5.1.6): flags u8, gso_type u8, hdr_len u16, gso_size u16, csum_start u16,
 * csum_offset u16, num_buffers u16. It is 12 bytes when VERSION_1 or MRG_RXBUF is negotiated,
 * 10 bytes otherwise (legacy without mergeable buffers).
 */
export declare const VIRTIO_NET_F_CSUM = 0;
export declare const VIRTIO_NET_F_GUEST_CSUM = 1;
export declare const VIRTIO_NET_F_MTU = 3;
export declare const VIRTIO_NET_F_MAC = 5;
export declare const VIRTIO_NET_F_GUEST_TSO4 = 7;
export declare const VIRTIO_NET_F_GUEST_TSO6 = 8;
export declare const VIRTIO_NET_F_GUEST_ECN = 9;
export declare const VIRTIO_NET_F_HOST_TSO4 = 11;
export declare const VIRTIO_NET_F_HOST_TSO6 = 12;
export declare const VIRTIO_NET_F_HOST_ECN = 13;
export declare const VIRTIO_NET_F_MRG_RXBUF = 15;
export declare const VIRTIO_NET_F_STATUS = 16;
export declare const VIRTIO_NET_F_CTRL_VQ = 17;
export declare const VIRTIO_NET_F_GUEST_ANNOUNCE = 21;
export declare const VIRTIO_NET_F_MQ = 22;
/** Config space status bits (5.1.4). */
export declare const VIRTIO_NET_S_LINK_UP = 1;
export declare const VIRTIO_NET_S_ANNOUNCE = 2;
/** The offload features a device offers for checksum offload and TSO, both directions. */
export declare const OFFLOAD_FEATURES: bigint;
/** Offload bits, one side of a link (what may be sent to it with work left to do). */
export declare const OFF_CSUM = 1, OFF_TSO4 = 2, OFF_TSO6 = 4, OFF_ECN = 8;
/** Offload bits → names for reports (`ethtool -k` style). */
export declare function offloadNames(bits: number): string[];
/**
 * Negotiated features → offload bits: `host` is what the driver may send the device,
 * `guest` what the device may send the driver. TSO without the matching checksum feature is
 * not honoured (the spec makes it depend on it).
 */
export declare function offloadsOf(f: bigint): {
    host: number;
    guest: number;
};
/** Header size with num_buffers (VERSION_1 or MRG_RXBUF). */
export declare const VIRTIO_NET_HDR_SIZE = 12;
/** Legacy header without num_buffers. */
export declare const VIRTIO_NET_HDR_SIZE_LEGACY = 10;
/** Byte offset of num_buffers in the header. */
export declare const VIRTIO_NET_HDR_NUM_BUFFERS = 10;
/** Flags in the header's first byte. */
export declare const VIRTIO_NET_HDR_F_NEEDS_CSUM = 1;
export declare const VIRTIO_NET_HDR_GSO_NONE = 0;
/** Header length for negotiated features (control path: computed once). */
export declare function netHeaderSize(version1: boolean, mrgRxbuf: boolean): number;
/** Virtqueue index → role: even = receiveq (guest rx), odd = transmitq (guest tx), for queue pairs. */
export declare function isTxQueue(index: number): boolean;
/** Write an all-zero header (no offloads) with num_buffers at `off` in `buf`. */
export declare function writeNetHeader(buf: Uint8Array, off: number, hdrLen: number, numBuffers: number): void;

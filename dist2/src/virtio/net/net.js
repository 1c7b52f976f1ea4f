/**
 * virtio-net constants (VIRTIO 1.2 5.1): feature bits, the net header layout, config status.
 * Pure data plus the header writer/reader used by both port kinds.
 *
 * Header (5.1.6): flags u8, gso_type u8, hdr_len u16, gso_size u16, csum_start u16,
 * csum_offset u16, num_buffers u16. It is 12 bytes when VERSION_1 or MRG_RXBUF is negotiated,
 * 10 bytes otherwise (legacy without mergeable buffers).
 */
export const VIRTIO_NET_F_CSUM = 0;
export const VIRTIO_NET_F_GUEST_CSUM = 1;
export const VIRTIO_NET_F_MTU = 3;
export const VIRTIO_NET_F_MAC = 5;
export const VIRTIO_NET_F_GUEST_TSO4 = 7;
export const VIRTIO_NET_F_GUEST_TSO6 = 8;
export const VIRTIO_NET_F_GUEST_ECN = 9;
export const VIRTIO_NET_F_HOST_TSO4 = 11;
export const VIRTIO_NET_F_HOST_TSO6 = 12;
export const VIRTIO_NET_F_HOST_ECN = 13;
export const VIRTIO_NET_F_MRG_RXBUF = 15;
export const VIRTIO_NET_F_STATUS = 16;
export const VIRTIO_NET_F_CTRL_VQ = 17;
export const VIRTIO_NET_F_GUEST_ANNOUNCE = 21;
export const VIRTIO_NET_F_MQ = 22;
/** Config space status bits (5.1.4). */
export const VIRTIO_NET_S_LINK_UP = 1;
export const VIRTIO_NET_S_ANNOUNCE = 2;
/** The offload features a device offers for checksum offload and TSO, both directions. */
export const OFFLOAD_FEATURES = [
    VIRTIO_NET_F_CSUM, VIRTIO_NET_F_GUEST_CSUM, VIRTIO_NET_F_GUEST_TSO4, VIRTIO_NET_F_GUEST_TSO6, VIRTIO_NET_F_GUEST_ECN,
    VIRTIO_NET_F_HOST_TSO4, VIRTIO_NET_F_HOST_TSO6, VIRTIO_NET_F_HOST_ECN,
].reduce((m, b) => m | (1n << BigInt(b)), 0n);
/** Offload bits, one side of a link (what may be sent to it with work left to do). */
export const OFF_CSUM = 1, OFF_TSO4 = 2, OFF_TSO6 = 4, OFF_ECN = 8;
/** Offload bits → names for reports (`ethtool -k` style). */
export function offloadNames(bits) {
    const names = [];
    if ((bits & OFF_CSUM) !== 0)
        names.push('csum');
    if ((bits & OFF_TSO4) !== 0)
        names.push('tso4');
    if ((bits & OFF_TSO6) !== 0)
        names.push('tso6');
    if ((bits & OFF_ECN) !== 0)
        names.push('ecn');
    return names;
}
/**
 * Negotiated features → offload bits: `host` is what the driver may send the device,
 * `guest` what the device may send the driver. TSO without the matching checksum feature is
 * not honoured (the spec makes it depend on it).
 */
export function offloadsOf(f) {
    const has = (b) => ((f >> BigInt(b)) & 1n) === 1n;
    const side = (csum, tso4, tso6, ecn) => !has(csum) ? 0
        : OFF_CSUM | (has(tso4) ? OFF_TSO4 : 0) | (has(tso6) ? OFF_TSO6 : 0) | (has(ecn) && (has(tso4) || has(tso6)) ? OFF_ECN : 0);
    return {
        host: side(VIRTIO_NET_F_CSUM, VIRTIO_NET_F_HOST_TSO4, VIRTIO_NET_F_HOST_TSO6, VIRTIO_NET_F_HOST_ECN),
        guest: side(VIRTIO_NET_F_GUEST_CSUM, VIRTIO_NET_F_GUEST_TSO4, VIRTIO_NET_F_GUEST_TSO6, VIRTIO_NET_F_GUEST_ECN),
    };
}
/** Header size with num_buffers (VERSION_1 or MRG_RXBUF). */
export const VIRTIO_NET_HDR_SIZE = 12;
/** Legacy header without num_buffers. */
export const VIRTIO_NET_HDR_SIZE_LEGACY = 10;
/** Byte offset of num_buffers in the header. */
export const VIRTIO_NET_HDR_NUM_BUFFERS = 10;
/** Flags in the header's first byte. */
export const VIRTIO_NET_HDR_F_NEEDS_CSUM = 1;
export const VIRTIO_NET_HDR_GSO_NONE = 0;
/** Header length for negotiated features (control path: computed once). */
export function netHeaderSize(version1, mrgRxbuf) {
    return version1 || mrgRxbuf ? VIRTIO_NET_HDR_SIZE : VIRTIO_NET_HDR_SIZE_LEGACY;
}
/** Virtqueue index → role: even = receiveq (guest rx), odd = transmitq (guest tx), for queue pairs. */
export function isTxQueue(index) {
    return (index & 1) === 1;
}
/** Write an all-zero header (no offloads) with num_buffers at `off` in `buf`. */
export function writeNetHeader(buf, off, hdrLen, numBuffers) {
    for (let i = 0; i < hdrLen; i++)
        buf[off + i] = 0;
    if (hdrLen >= 12) {
        buf[off + 10] = numBuffers & 0xff;
        buf[off + 11] = numBuffers >>> 8;
    }
}
//# sourceMappingURL=net.js.map
/**
 * Virtio spec constants (VIRTIO 1.2): feature bits, descriptor flags, ring flags and
 * split-ring layout sizes. Pure data; no imports. Feature bits are bit numbers (< 64),
 * turned into masks on the control path with `featureBit()`.
 */

/** Descriptor flags (VIRTIO 1.2 2.7.5). */
export const VRING_DESC_F_NEXT = 1;
export const VRING_DESC_F_WRITE = 2;
export const VRING_DESC_F_INDIRECT = 4;
/** All flag bits a split-ring descriptor may carry; anything else is a bad descriptor. */
export const VRING_DESC_F_KNOWN = VRING_DESC_F_NEXT | VRING_DESC_F_WRITE | VRING_DESC_F_INDIRECT;

/** avail.flags: driver asks the device not to interrupt (without EVENT_IDX). */
export const VRING_AVAIL_F_NO_INTERRUPT = 1;
/** used.flags: device asks the driver not to kick (without EVENT_IDX). */
export const VRING_USED_F_NO_NOTIFY = 1;

/** Feature bit numbers shared by all devices (VIRTIO 1.2 6). */
export const VIRTIO_F_NOTIFY_ON_EMPTY = 24;
export const VIRTIO_F_ANY_LAYOUT = 27;
export const VIRTIO_RING_F_INDIRECT_DESC = 28;
export const VIRTIO_RING_F_EVENT_IDX = 29;
/** vhost-user: VHOST_USER_F_PROTOCOL_FEATURES shares bit 30 with the obsolete BAD_FEATURE. */
export const VHOST_USER_F_PROTOCOL_FEATURES = 30;
/** vhost: the frontend may ask for dirty-page logging (live migration). */
export const VHOST_F_LOG_ALL = 26;
export const VIRTIO_F_VERSION_1 = 32;
export const VIRTIO_F_ACCESS_PLATFORM = 33;
export const VIRTIO_F_RING_PACKED = 34;
export const VIRTIO_F_IN_ORDER = 35;

/** Largest split queue the spec allows (2.7: Queue Size ≤ 32768). */
export const VIRTQ_MAX_SIZE = 32768;
/** Bytes per descriptor table entry. */
export const VRING_DESC_SIZE = 16;
/** Required alignments of the three ring parts (VIRTIO 1.2 2.7 table). */
export const VRING_DESC_ALIGN = 16;
export const VRING_AVAIL_ALIGN = 2;
export const VRING_USED_ALIGN = 4;

/** Bytes of the available ring for a queue of `size` entries, with used_event. */
export function availRingBytes(size: number): number {
  return 6 + 2 * size;
}
/** Bytes of the used ring for a queue of `size` entries, with avail_event. */
export function usedRingBytes(size: number): number {
  return 6 + 8 * size;
}

/** Two-word mask from a list of bit numbers: [low 32 bits, high 32 bits]. */
export function featureMask(bits: readonly number[]): [number, number] {
  let lo = 0;
  let hi = 0;
  for (const b of bits) {
    if (b < 32) lo = (lo | (1 << b)) >>> 0;
    else hi = (hi | (1 << (b - 32))) >>> 0;
  }
  return [lo, hi];
}

/** Control path: feature set as a bigint from bit numbers. */
export function featureBits(bits: readonly number[]): bigint {
  let v = 0n;
  for (const b of bits) v |= 1n << BigInt(b);
  return v;
}

/** Control path: whether bit `b` is set in a bigint feature word. */
export function hasFeature(features: bigint, b: number): boolean {
  return ((features >> BigInt(b)) & 1n) === 1n;
}

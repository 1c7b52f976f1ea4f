/**
 * Why a split queue was quarantined. One declarative table (VPP-style): the code is what the
 * data path stores, the name and text are what the control plane logs and counts.
 */
export declare const enum QueueError {
    NONE = 0,
    /** avail.idx moved more than the queue size past nextAvail (VIRTIO 1.2 2.7.6). */
    AVAIL_IDX_JUMP = 1,
    /** An avail ring entry names a descriptor index ≥ queue size. */
    BAD_HEAD = 2,
    /** A descriptor's buffer is not inside one guest memory region. */
    DESC_OUT_OF_MEMORY = 3,
    /** A chain is longer than the queue size, which is also how loops are caught (TTL). */
    CHAIN_TOO_LONG = 4,
    /** A descriptor has flag bits outside NEXT|WRITE|INDIRECT. */
    BAD_FLAGS = 5,
    /** A next index ≥ table size. */
    BAD_NEXT = 6,
    /** Indirect descriptor misuse: nested, with NEXT, not first, length not a multiple of 16, unaligned or not negotiated. */
    BAD_INDIRECT = 7,
    /** A device-readable descriptor after a device-writable one (2.7.4.2). */
    BAD_ORDER = 8,
    /** Total chain length ≥ 2^32. */
    CHAIN_TOO_BIG = 9,
    /** A used ring id or avail entry points at a descriptor the driver side never posted. */
    BAD_USED_ID = 10
}
/** Log/counter names, indexed by QueueError. */
export declare const QUEUE_ERROR_NAMES: readonly string[];

/**
 * GuestMemory: the region table of one vhost-user/virtio-user peer and address translation.
 *
 * Contract
 * - Built from views (`ArrayBuffer` + byte offset), so tests use plain ArrayBuffers and only
 *   `mapped-memory.ts` touches `sys/`. Regions are validated once at construction: at most
 *   `MAX_REGIONS`, non-empty, end < 2^53 in both address spaces, no overlap in guest-physical
 *   space (a later table change builds a new GuestMemory; the old one is unmapped only after
 *   every user has switched, see drivers/).
 * - `translate(gpa, len)` / `translateVa(frontendVa, len)` check the WHOLE range
 *   [addr, addr+len) against one region and return the region index or -1; the offset inside
 *   the region is left in `regionOff` (no tuple allocation). A range that crosses a region
 *   boundary is rejected, not split: QEMU and DPDK place each guest buffer inside one region
 *   and rejecting keeps every access a single bounds check.
 * - Addresses are plain numbers: callers read 64-bit guest values as two u32 halves and refuse
 *   `hi >= 2^21` (see `addr64`), so every address here is an exact integer < 2^53.
 * - Data path methods neither allocate nor throw.
 */
/** DPDK and QEMU cap a SET_MEM_TABLE at 8 regions (VHOST_MEMORY_BASELINE_NREGIONS). */
export declare const MAX_REGIONS = 8;
/** Largest address (exclusive) representable exactly: 2^53. */
export declare const ADDR_LIMIT: number;
/** One region as given to the constructor. */
export interface RegionSpec {
    /** Guest-physical start address. */
    gpa: number;
    /** Bytes. */
    size: number;
    /** The frontend's virtual address of the region start (vhost-user `userspace_addr`). */
    frontendVa: number;
    /** Memory holding the region; must cover [bufferOffset, bufferOffset+size). */
    buffer: ArrayBufferLike;
    /** Byte offset of the region start inside `buffer` (the vhost-user `mmap_offset`). */
    bufferOffset: number;
}
/** Thrown by the constructor for an invalid table (control path). */
export declare class GuestMemoryError extends Error {
    constructor(message: string);
}
/**
 * Combine two u32 halves of a 64-bit guest value into an exact number, or -1 when the value
 * is ≥ 2^53 (hi ≥ 2^21), which no valid x86-64/arm64 guest address reaches.
 */
export declare function addr64(lo: number, hi: number): number;
export declare class GuestMemory {
    /** Number of regions. */
    readonly count: number;
    readonly gpaStart: Float64Array;
    readonly gpaEnd: Float64Array;
    readonly vaStart: Float64Array;
    readonly vaEnd: Float64Array;
    /** Byte view of each region; index 0 is the region's first byte. */
    readonly u8: Uint8Array[];
    /**
     * u32 view of each region (index = regionOff / 4), for aligned reads of indirect tables;
     * empty when the region does not start 4-byte aligned in its buffer.
     */
    readonly u32: Uint32Array[];
    /** The backing buffer and offset of each region (for building aligned ring views). */
    readonly buffers: ArrayBufferLike[];
    readonly bufferOffsets: Float64Array;
    /** Scratch result of the last successful translate: offset inside the region. */
    regionOff: number;
    /** Index of the last region hit (checked first). */
    private lastHit;
    /** Window of the cached range (high 32 bits of its gpa); -1 when empty. */
    private cacheHi;
    /** Low 32 bits of the cached range's first gpa. */
    private cacheLo;
    /** Bytes in the cached range (≤ 2^32 - 1). */
    private cacheSize;
    private cacheRegion;
    /** regionOff of the cached range's first byte. */
    private cacheOff;
    constructor(regions: readonly RegionSpec[]);
    /**
     * Region index holding the whole range [gpa, gpa+len), or -1. On success `regionOff` is
     * the offset of `gpa` inside that region. `len` may be 0 (then `gpa` must be inside).
     */
    translate(gpa: number, len: number): number;
    /**
     * `translate` for a 64-bit guest address given as two u32 halves (as descriptors hold it).
     * The hot path: consecutive descriptors nearly always hit the same region, which is
     * checked with integer arithmetic only; a miss (or hi ≥ 2^21, see addr64) takes `translate`.
     */
    translateHalves(lo: number, hi: number, len: number): number;
    private translateHalvesMiss;
    /** Like `translate` for a frontend virtual address (vring addresses in SET_VRING_ADDR). */
    translateVa(frontendVa: number, len: number): number;
    /** Frontend VA → guest-physical address (rust-vmm vmm_va_to_gpa), or -1 if unmapped. */
    vaToGpa(frontendVa: number, len: number): number;
    /**
     * Control path (allocates): a typed view of `len` bytes at `gpa`, or null when the range is
     * unmapped or misaligned for the element size. Used to build ring views once per setup.
     */
    view<T extends Uint8Array | Uint16Array | Uint32Array>(ctor: {
        new (b: ArrayBufferLike, off: number, n: number): T;
        BYTES_PER_ELEMENT: number;
    }, gpa: number, len: number): T | null;
}

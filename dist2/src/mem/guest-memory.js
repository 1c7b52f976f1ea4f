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
export const MAX_REGIONS = 8;
/** Largest address (exclusive) representable exactly: 2^53. */
export const ADDR_LIMIT = 2 ** 53;
/** Thrown by the constructor for an invalid table (control path). */
export class GuestMemoryError extends Error {
    constructor(message) {
        super(message);
        this.name = 'GuestMemoryError';
    }
}
/**
 * Combine two u32 halves of a 64-bit guest value into an exact number, or -1 when the value
 * is ≥ 2^53 (hi ≥ 2^21), which no valid x86-64/arm64 guest address reaches.
 */
export function addr64(lo, hi) {
    if (hi >= 0x200000)
        return -1;
    return hi * 4294967296 + (lo >>> 0);
}
export class GuestMemory {
    /** Number of regions. */
    count;
    gpaStart;
    gpaEnd;
    vaStart;
    vaEnd;
    /** Byte view of each region; index 0 is the region's first byte. */
    u8;
    /**
     * u32 view of each region (index = regionOff / 4), for aligned reads of indirect tables;
     * empty when the region does not start 4-byte aligned in its buffer.
     */
    u32;
    /** The backing buffer and offset of each region (for building aligned ring views). */
    buffers;
    bufferOffsets;
    /** Scratch result of the last successful translate: offset inside the region. */
    regionOff = 0;
    /** Index of the last region hit (checked first). */
    lastHit = 0;
    // One-entry cache for translateHalves, in u32 terms so the hit test is integer-only: the
    // part of the last region hit that lies inside one 4 GiB window [hi·2^32, (hi+1)·2^32).
    /** Window of the cached range (high 32 bits of its gpa); -1 when empty. */
    cacheHi = -1;
    /** Low 32 bits of the cached range's first gpa. */
    cacheLo = 0;
    /** Bytes in the cached range (≤ 2^32 - 1). */
    cacheSize = 0;
    cacheRegion = 0;
    /** regionOff of the cached range's first byte. */
    cacheOff = 0;
    constructor(regions) {
        if (regions.length > MAX_REGIONS) {
            throw new GuestMemoryError(`memory table: ${regions.length} regions, at most ${MAX_REGIONS}`);
        }
        const n = regions.length;
        this.count = n;
        this.gpaStart = new Float64Array(n);
        this.gpaEnd = new Float64Array(n);
        this.vaStart = new Float64Array(n);
        this.vaEnd = new Float64Array(n);
        this.u8 = [];
        this.u32 = [];
        this.buffers = [];
        this.bufferOffsets = new Float64Array(n);
        for (let i = 0; i < n; i++) {
            const r = regions[i];
            const where = `memory table region ${i}`;
            for (const [k, v] of [['gpa', r.gpa], ['size', r.size], ['frontendVa', r.frontendVa], ['bufferOffset', r.bufferOffset]]) {
                if (!Number.isSafeInteger(v) || v < 0)
                    throw new GuestMemoryError(`${where}: ${k} ${v} is not an integer in [0, 2^53)`);
            }
            if (r.size === 0)
                throw new GuestMemoryError(`${where}: size is 0`);
            if (r.gpa + r.size > ADDR_LIMIT)
                throw new GuestMemoryError(`${where}: gpa + size exceeds 2^53`);
            if (r.frontendVa + r.size > ADDR_LIMIT)
                throw new GuestMemoryError(`${where}: frontendVa + size exceeds 2^53`);
            if (r.bufferOffset + r.size > r.buffer.byteLength) {
                throw new GuestMemoryError(`${where}: offset ${r.bufferOffset} + size ${r.size} exceeds the mapping (${r.buffer.byteLength} bytes)`);
            }
            this.gpaStart[i] = r.gpa;
            this.gpaEnd[i] = r.gpa + r.size;
            this.vaStart[i] = r.frontendVa;
            this.vaEnd[i] = r.frontendVa + r.size;
            this.u8.push(new Uint8Array(r.buffer, r.bufferOffset, r.size));
            this.u32.push(r.bufferOffset % 4 === 0 ? new Uint32Array(r.buffer, r.bufferOffset, Math.floor(r.size / 4)) : new Uint32Array(0));
            this.buffers.push(r.buffer);
            this.bufferOffsets[i] = r.bufferOffset;
        }
        // No overlap in guest-physical space (rust-vmm GuestRegionCollection); O(n^2) on ≤ 8.
        for (let i = 0; i < n; i++) {
            for (let j = i + 1; j < n; j++) {
                if (this.gpaStart[i] < this.gpaEnd[j] && this.gpaStart[j] < this.gpaEnd[i]) {
                    throw new GuestMemoryError(`memory table: regions ${i} and ${j} overlap in guest-physical space`);
                }
                if (this.vaStart[i] < this.vaEnd[j] && this.vaStart[j] < this.vaEnd[i]) {
                    throw new GuestMemoryError(`memory table: regions ${i} and ${j} overlap in frontend address space`);
                }
            }
        }
    }
    /**
     * Region index holding the whole range [gpa, gpa+len), or -1. On success `regionOff` is
     * the offset of `gpa` inside that region. `len` may be 0 (then `gpa` must be inside).
     */
    translate(gpa, len) {
        const end = gpa + len;
        let i = this.lastHit;
        if (i < this.count && gpa >= this.gpaStart[i] && end <= this.gpaEnd[i] && gpa < this.gpaEnd[i]) {
            this.regionOff = gpa - this.gpaStart[i];
            return i;
        }
        for (i = 0; i < this.count; i++) {
            if (gpa >= this.gpaStart[i] && end <= this.gpaEnd[i] && gpa < this.gpaEnd[i]) {
                this.lastHit = i;
                this.regionOff = gpa - this.gpaStart[i];
                return i;
            }
        }
        return -1;
    }
    /**
     * `translate` for a 64-bit guest address given as two u32 halves (as descriptors hold it).
     * The hot path: consecutive descriptors nearly always hit the same region, which is
     * checked with integer arithmetic only; a miss (or hi ≥ 2^21, see addr64) takes `translate`.
     */
    translateHalves(lo, hi, len) {
        if (hi === this.cacheHi) {
            const off = (lo - this.cacheLo) >>> 0;
            // off < size: gpa inside; len ≤ size - off: the whole range inside (no overflow).
            if (off < this.cacheSize && len <= this.cacheSize - off) {
                this.regionOff = this.cacheOff + off;
                return this.cacheRegion;
            }
        }
        return this.translateHalvesMiss(lo, hi, len);
    }
    translateHalvesMiss(lo, hi, len) {
        const gpa = addr64(lo, hi);
        if (gpa < 0)
            return -1;
        const r = this.translate(gpa, len);
        if (r < 0)
            return -1;
        const off = this.regionOff;
        const win = hi * 4294967296;
        const start = this.gpaStart[r] > win ? this.gpaStart[r] : win;
        const winEnd = win + 4294967295; // one byte short of the window: the size stays a u32
        const end = this.gpaEnd[r] < winEnd ? this.gpaEnd[r] : winEnd;
        if (gpa < end) { // false only for the window's very last byte (not cached)
            this.cacheHi = hi;
            this.cacheLo = start - win;
            this.cacheSize = end - start;
            this.cacheRegion = r;
            this.cacheOff = start - this.gpaStart[r];
        }
        this.regionOff = off;
        return r;
    }
    /** Like `translate` for a frontend virtual address (vring addresses in SET_VRING_ADDR). */
    translateVa(frontendVa, len) {
        const end = frontendVa + len;
        for (let i = 0; i < this.count; i++) {
            if (frontendVa >= this.vaStart[i] && end <= this.vaEnd[i] && frontendVa < this.vaEnd[i]) {
                this.regionOff = frontendVa - this.vaStart[i];
                return i;
            }
        }
        return -1;
    }
    /** Frontend VA → guest-physical address (rust-vmm vmm_va_to_gpa), or -1 if unmapped. */
    vaToGpa(frontendVa, len) {
        const r = this.translateVa(frontendVa, len);
        return r < 0 ? -1 : this.gpaStart[r] + this.regionOff;
    }
    /**
     * Control path (allocates): a typed view of `len` bytes at `gpa`, or null when the range is
     * unmapped or misaligned for the element size. Used to build ring views once per setup.
     */
    view(ctor, gpa, len) {
        const r = this.translate(gpa, len);
        if (r < 0)
            return null;
        const off = this.bufferOffsets[r] + this.regionOff;
        if (off % ctor.BYTES_PER_ELEMENT !== 0 || len % ctor.BYTES_PER_ELEMENT !== 0)
            return null;
        return new ctor(this.buffers[r], off, len / ctor.BYTES_PER_ELEMENT);
    }
}
//# sourceMappingURL=guest-memory.js.map
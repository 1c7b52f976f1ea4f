/**
 * Lockless rings of u32 packet handles in shared memory, usable between worker threads
 * (DPDK rte_ring semantics). Each thread builds its own `Ring` object over the same bytes.
 *
 * Layout (bytes from `byteOffset`): four 64-byte lines holding prodHead, prodTail,
 * consHead, consTail (free-running u32 cursors, masked on use), then `size` u32 slots.
 *
 *   spsc: one producer thread, one consumer thread. Cursors are published with
 *         Atomics.store once per burst; each side caches the other's cursor.
 *   mpmc: any number of producers/consumers. A side reserves a range by CAS on its head,
 *         fills/reads the slots, then waits for earlier reservations to finish before
 *         moving its tail (as rte_ring does).
 *
 * Atomics in JS are sequentially consistent, so each publish below pairs with the load on
 * the other side (DPDK's acquire/release pairs collapse to seq-cst; ARCHITECTURE R2).
 * `*Burst` moves as many as fit (0..n); nothing throws or allocates.
 *
 * Cost of Atomics in Node 20 (V8 11.3) on this machine's AMD EPYC: TurboFan does not inline
 * them; each is a builtin call of ~125 instructions (callgrind: Atomics.store 122, Atomics.load
 * 128, a plain typed-array store 9) and ~10 ns (best of 5 × 1e7: store 10.6 ns, load 9.6 ns,
 * plain store 0.35 ns). So the spsc path reads its own cursor with a plain load, caches the
 * other side's, and pays one Atomics.store per burst (plus one load when the cache is short);
 * that is 3-4 ns per 32-packet burst pair, and why mpmc (4 Atomics per burst per side) is slower.
 */
const PROD_HEAD = 0, PROD_TAIL = 16, CONS_HEAD = 32, CONS_TAIL = 48, CONS_SLEEPING = 56, SLOTS = 64;
/*
 * Copies between a burst array and the slots, unrolled by 8 over the contiguous part.
 * Why: TurboFan (Node 20) re-checks each typed array's map and reloads its length and base
 * after every loop back-edge (the loop's interrupt check could run arbitrary code), which
 * costs ~30 instructions per element in a one-element loop; with 8 elements per iteration
 * the checks are shared (callgrind, ring-spsc enq+deq: 78 -> see commit message).
 */
function copyIn(slots, h, mask, src, s, m) {
    let i = 0;
    if (h + m <= slots.length) {
        for (; i + 8 <= m; i += 8) {
            const d = (h + i) | 0, o = (s + i) | 0; // `| 0`: plain 32-bit adds, no overflow checks
            slots[d] = src[o];
            slots[(d + 1) | 0] = src[(o + 1) | 0];
            slots[(d + 2) | 0] = src[(o + 2) | 0];
            slots[(d + 3) | 0] = src[(o + 3) | 0];
            slots[(d + 4) | 0] = src[(o + 4) | 0];
            slots[(d + 5) | 0] = src[(o + 5) | 0];
            slots[(d + 6) | 0] = src[(o + 6) | 0];
            slots[(d + 7) | 0] = src[(o + 7) | 0];
        }
    }
    for (; i < m; i++)
        slots[(h + i) & mask] = src[s + i];
}
function copyOut(slots, h, mask, dst, s, m) {
    let i = 0;
    if (h + m <= slots.length) {
        for (; i + 8 <= m; i += 8) {
            const d = (s + i) | 0, o = (h + i) | 0;
            dst[d] = slots[o];
            dst[(d + 1) | 0] = slots[(o + 1) | 0];
            dst[(d + 2) | 0] = slots[(o + 2) | 0];
            dst[(d + 3) | 0] = slots[(o + 3) | 0];
            dst[(d + 4) | 0] = slots[(o + 4) | 0];
            dst[(d + 5) | 0] = slots[(o + 5) | 0];
            dst[(d + 6) | 0] = slots[(o + 6) | 0];
            dst[(d + 7) | 0] = slots[(o + 7) | 0];
        }
    }
    for (; i < m; i++)
        dst[s + i] = slots[(h + i) & mask];
}
export class Ring {
    size;
    mask;
    /** 1 for mpmc (a Smi field: a boolean field costs a generic truthiness test in TurboFan). */
    multi;
    idx;
    slots;
    /** Last seen cursor of the other side (spsc fast path). */
    cachedConsTail;
    cachedProdTail;
    /** Bytes needed for a ring of `size` slots (size: power of two). */
    static bytesFor(size) { return SLOTS * 4 + size * 4; }
    constructor(buffer, byteOffset, size, mode, init = false) {
        if (!Number.isInteger(size) || size < 2 || (size & (size - 1)) !== 0 || size > 1 << 24) {
            throw new RangeError(`ring size must be a power of two in [2, 2^24], got ${size}`);
        }
        if (byteOffset % 64 !== 0)
            throw new RangeError(`ring byteOffset ${byteOffset} must be 64-byte aligned`);
        this.size = size;
        this.mask = size - 1;
        this.multi = mode === 'mpmc' ? 1 : 0;
        this.idx = new Int32Array(buffer, byteOffset, SLOTS);
        this.slots = new Uint32Array(buffer, byteOffset + SLOTS * 4, size);
        if (init)
            for (const i of [PROD_HEAD, PROD_TAIL, CONS_HEAD, CONS_TAIL, CONS_SLEEPING])
                Atomics.store(this.idx, i, 0);
        // A view attached to a ring in use must start from the live cursors, or the free/avail
        // arithmetic below would see a stale cursor as a huge distance.
        this.cachedConsTail = Atomics.load(this.idx, CONS_TAIL);
        this.cachedProdTail = Atomics.load(this.idx, PROD_TAIL);
    }
    /**
     * The consumer announces it is about to sleep (1) or is polling (0). A producer that sees
     * 1 after publishing must ring the consumer's doorbell; the seq-cst store of the tail and
     * the load of this word (and the consumer's mirror-image store/re-check) mean one of the
     * two always notices the other.
     */
    setConsumerSleeping(sleeping) { Atomics.store(this.idx, CONS_SLEEPING, sleeping ? 1 : 0); }
    consumerSleeping() { return Atomics.load(this.idx, CONS_SLEEPING) === 1; }
    /** Entries currently queued (a snapshot). */
    count() {
        const consTail = Atomics.load(this.idx, CONS_TAIL); // first: PROD_TAIL read after it is never behind it
        return (Atomics.load(this.idx, PROD_TAIL) - consTail) | 0;
    }
    /** Enqueue up to `n` handles from `src[srcOff..]`; returns how many were enqueued. */
    enqueueBurst(src, srcOff, n) {
        if (this.multi !== 0)
            return this.enqueueMulti(src, srcOff, n);
        const idx = this.idx;
        // Cursors stay int32 (`| 0`, never `>>> 0`): an unsigned cursor pushed `head + i` into
        // float arithmetic in TurboFan (callgrind: 78 -> 28 instructions per packet, spsc enq+deq).
        const head = idx[PROD_TAIL] | 0; // only this thread writes it: a plain load is enough
        let free = (this.size - ((head - this.cachedConsTail) | 0)) | 0;
        if (free < n) {
            this.cachedConsTail = Atomics.load(idx, CONS_TAIL); // pairs with the store in dequeueBurst
            free = (this.size - ((head - this.cachedConsTail) | 0)) | 0;
        }
        const m = n < free ? n : free;
        if (m <= 0)
            return 0;
        const slots = this.slots, mask = this.mask, h = head & mask;
        copyIn(slots, h, mask, src, srcOff, m);
        Atomics.store(idx, PROD_TAIL, (head + m) | 0); // publishes slots [head, head+m); pairs with the load in dequeueBurst
        return m;
    }
    /** Dequeue up to `n` handles into `dst[dstOff..]`; returns how many were dequeued. */
    dequeueBurst(dst, dstOff, n) {
        if (this.multi !== 0)
            return this.dequeueMulti(dst, dstOff, n);
        const idx = this.idx;
        const head = idx[CONS_TAIL] | 0; // only this thread writes it
        let avail = (this.cachedProdTail - head) | 0;
        if (avail < n) {
            this.cachedProdTail = Atomics.load(idx, PROD_TAIL); // pairs with the store in enqueueBurst
            avail = (this.cachedProdTail - head) | 0;
        }
        const m = n < avail ? n : avail;
        if (m <= 0)
            return 0;
        const slots = this.slots, mask = this.mask, h = head & mask;
        copyOut(slots, h, mask, dst, dstOff, m);
        Atomics.store(idx, CONS_TAIL, (head + m) | 0); // frees slots [head, head+m) for the producer; pairs with the load in enqueueBurst
        return m;
    }
    /**
     * Multi-producer enqueue: reserve [head, head+m) by CAS on PROD_HEAD, fill, then wait for
     * earlier reservations to publish before moving PROD_TAIL, so a consumer never sees a hole.
     */
    enqueueMulti(src, srcOff, n) {
        const idx = this.idx;
        // A plain read is only a guess: the CAS below checks it, and a failed CAS returns the live value.
        let head = idx[PROD_HEAD] | 0, m;
        for (;;) {
            // Acquire: slots up to CONS_TAIL were read by consumers; pairs with the store at the end of dequeueMulti.
            const free = (this.size - ((head - Atomics.load(idx, CONS_TAIL)) | 0)) | 0;
            m = n < free ? n : free;
            if (m <= 0)
                return 0;
            const seen = Atomics.compareExchange(idx, PROD_HEAD, head, (head + m) | 0);
            if (seen === head)
                break;
            head = seen;
        }
        const slots = this.slots, mask = this.mask, h = head & mask;
        copyIn(slots, h, mask, src, srcOff, m);
        // Earlier reservations publish first; the load also acquires their slot writes, which our store re-publishes.
        while (Atomics.load(idx, PROD_TAIL) !== head) { /* spin: another producer is mid-copy */ }
        Atomics.store(idx, PROD_TAIL, (head + m) | 0); // publishes slots [head, head+m); pairs with the load in dequeueMulti
        return m;
    }
    /** Multi-consumer dequeue: the mirror image of enqueueMulti on CONS_HEAD/CONS_TAIL. */
    dequeueMulti(dst, dstOff, n) {
        const idx = this.idx;
        let head = idx[CONS_HEAD] | 0, m;
        for (;;) {
            const avail = (Atomics.load(idx, PROD_TAIL) - head) | 0; // pairs with the store at the end of enqueueMulti
            m = n < avail ? n : avail;
            if (m <= 0)
                return 0;
            const seen = Atomics.compareExchange(idx, CONS_HEAD, head, (head + m) | 0);
            if (seen === head)
                break;
            head = seen;
        }
        const slots = this.slots, mask = this.mask, h = head & mask;
        copyOut(slots, h, mask, dst, dstOff, m);
        while (Atomics.load(idx, CONS_TAIL) !== head) { /* spin: another consumer is mid-copy */ }
        Atomics.store(idx, CONS_TAIL, (head + m) | 0); // frees slots [head, head+m); pairs with the load in enqueueMulti
        return m;
    }
}
//# sourceMappingURL=ring.js.map
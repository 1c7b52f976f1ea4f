import { VRING_AVAIL_F_NO_INTERRUPT, VRING_USED_F_NO_NOTIFY, availRingBytes, usedRingBytes } from '../constants.js';
export class DriverQueue {
    size;
    mask;
    eventIdx;
    desc;
    avail;
    used;
    usedU16;
    /** Free-running shadow of avail.idx. */
    availIdx = 0;
    /** avail.idx at the last kick decision (EVENT_IDX "old"). */
    kickedAvail = 0;
    /** Free-running index of the next used entry to read. */
    lastUsed = 0;
    /** Buffers posted and not yet returned through the used ring. */
    outstanding = 0;
    /** Length of the entry returned by the last popUsed. */
    usedLen = 0;
    error = 0 /* QueueError.NONE */;
    errorDetail = 0;
    /** 1 for each descriptor posted and not yet returned: a backend may return each once. */
    inFlight;
    /** Control path: build ring views over `mem` (our own shared memory). Throws on a bad layout. */
    constructor(mem, layout, eventIdx) {
        const { size } = layout;
        if (size < 1 || size > 32768 || (size & (size - 1)) !== 0)
            throw new Error(`queue size ${size} is not a power of two ≤ 32768`);
        const desc = mem.view(Uint32Array, layout.descGpa, size * 16);
        const avail = mem.view(Uint16Array, layout.availGpa, availRingBytes(size));
        const used = mem.view(Uint32Array, layout.usedGpa, usedRingBytes(size) + 2);
        if (!desc || !avail || !used)
            throw new Error('virtqueue layout is outside the shared region or misaligned');
        this.size = size;
        this.mask = size - 1;
        this.eventIdx = eventIdx;
        this.desc = desc;
        this.avail = avail;
        this.used = used;
        this.usedU16 = new Uint16Array(used.buffer, used.byteOffset, used.length * 2);
        this.inFlight = new Uint8Array(size);
    }
    /** Control path helper: byte layout of a queue of `size` at `base` (desc, avail, used, end). */
    static layout(base, size) {
        const descGpa = base;
        const availGpa = descGpa + 16 * size;
        const usedGpa = Math.ceil((availGpa + availRingBytes(size)) / 4096) * 4096;
        const end = Math.ceil((usedGpa + usedRingBytes(size) + 2) / 4096) * 4096;
        return { size, descGpa, availGpa, usedGpa, end };
    }
    /** Write descriptor i (gpa < 2^53). */
    setDesc(i, gpa, len, flags, next) {
        const w = (i & this.mask) * 4;
        this.desc[w] = gpa >>> 0;
        this.desc[w + 1] = Math.floor(gpa / 4294967296);
        this.desc[w + 2] = len;
        this.desc[w + 3] = (flags & 0xffff) | ((next & 0xffff) << 16);
    }
    /** Set only the length of descriptor i (buffer reuse). */
    setDescLen(i, len) {
        this.desc[(i & this.mask) * 4 + 2] = len;
    }
    /** Queue chain `head` in the avail ring (visible after publishAvail). */
    pushAvail(head) {
        this.avail[2 + (this.availIdx & this.mask)] = head;
        this.inFlight[head & this.mask] = 1;
        this.availIdx = (this.availIdx + 1) & 0xffff;
        this.outstanding++;
    }
    /** Make pushed entries visible with one store of avail.idx. */
    publishAvail() {
        // Pairs with the device's Atomics.load of avail.idx before it reads the entries.
        Atomics.store(this.avail, 1, this.availIdx);
    }
    /** After publishAvail: whether the device wants a kick (VIRTIO 1.2 2.7.10 / 2.7.7). */
    needsKick() {
        const newIdx = this.availIdx;
        const old = this.kickedAvail;
        if (newIdx === old)
            return false;
        this.kickedAvail = newIdx;
        if (this.eventIdx) {
            const ev = Atomics.load(this.usedU16, 2 + 4 * this.size);
            return ((newIdx - ev - 1) & 0xffff) < ((newIdx - old) & 0xffff);
        }
        return (Atomics.load(this.usedU16, 0) & VRING_USED_F_NO_NOTIFY) === 0;
    }
    /** Number of used entries ready (0 and quarantine on a jump past what is outstanding). */
    usedCount() {
        if (this.error !== 0 /* QueueError.NONE */)
            return 0;
        const idx = Atomics.load(this.usedU16, 1);
        const n = (idx - this.lastUsed) & 0xffff;
        if (n > this.outstanding) {
            this.error = 1 /* QueueError.AVAIL_IDX_JUMP */;
            this.errorDetail = idx;
            return 0;
        }
        return n;
    }
    /**
     * Take the next used entry: returns its id (length in usedLen), or -2 on an id that is not
     * in flight (≥ size, never posted, or returned already). Caller checks usedCount first.
     */
    popUsed() {
        const w = 1 + (this.lastUsed & this.mask) * 2;
        const id = this.used[w];
        const len = this.used[w + 1];
        // An id we never posted, or one returned twice, would hand one buffer out twice.
        if (id >= this.size || this.inFlight[id] === 0) {
            this.error = 10 /* QueueError.BAD_USED_ID */;
            this.errorDetail = id;
            return -2;
        }
        this.inFlight[id] = 0;
        this.lastUsed = (this.lastUsed + 1) & 0xffff;
        this.outstanding--;
        this.usedLen = len;
        return id;
    }
    /** Ask for interrupts (before sleeping); re-check usedCount afterwards. */
    enableInterrupts() {
        if (this.eventIdx)
            Atomics.store(this.avail, 2 + this.size, this.lastUsed);
        else
            Atomics.store(this.avail, 0, 0);
    }
    /** Suppress interrupts while polling. */
    disableInterrupts() {
        if (!this.eventIdx)
            Atomics.store(this.avail, 0, VRING_AVAIL_F_NO_INTERRUPT);
    }
}
//# sourceMappingURL=driver-queue.js.map
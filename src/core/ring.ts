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
 */
const PROD_HEAD = 0, PROD_TAIL = 16, CONS_HEAD = 32, CONS_TAIL = 48, CONS_SLEEPING = 56, SLOTS = 64;

export type RingMode = 'spsc' | 'mpmc';

export class Ring {
  readonly size: number;
  readonly mask: number;
  readonly multi: boolean;
  private readonly idx: Int32Array;
  private readonly slots: Uint32Array;
  /** Last seen cursor of the other side (spsc fast path). */
  private cachedConsTail: number;
  private cachedProdTail: number;

  /** Bytes needed for a ring of `size` slots (size: power of two). */
  static bytesFor(size: number): number { return SLOTS * 4 + size * 4; }

  constructor(buffer: ArrayBufferLike, byteOffset: number, size: number, mode: RingMode, init = false) {
    if (!Number.isInteger(size) || size < 2 || (size & (size - 1)) !== 0 || size > 1 << 24) {
      throw new RangeError(`ring size must be a power of two in [2, 2^24], got ${size}`);
    }
    if (byteOffset % 64 !== 0) throw new RangeError(`ring byteOffset ${byteOffset} must be 64-byte aligned`);
    this.size = size;
    this.mask = size - 1;
    this.multi = mode === 'mpmc';
    this.idx = new Int32Array(buffer, byteOffset, SLOTS);
    this.slots = new Uint32Array(buffer, byteOffset + SLOTS * 4, size);
    if (init) for (const i of [PROD_HEAD, PROD_TAIL, CONS_HEAD, CONS_TAIL, CONS_SLEEPING]) Atomics.store(this.idx, i, 0);
    // A view attached to a ring in use must start from the live cursors, or the free/avail
    // arithmetic below would see a stale cursor as a huge distance.
    this.cachedConsTail = Atomics.load(this.idx, CONS_TAIL) >>> 0;
    this.cachedProdTail = Atomics.load(this.idx, PROD_TAIL) >>> 0;
  }

  /**
   * The consumer announces it is about to sleep (1) or is polling (0). A producer that sees
   * 1 after publishing must ring the consumer's doorbell; the seq-cst store of the tail and
   * the load of this word (and the consumer's mirror-image store/re-check) mean one of the
   * two always notices the other.
   */
  setConsumerSleeping(sleeping: boolean): void { Atomics.store(this.idx, CONS_SLEEPING, sleeping ? 1 : 0); }
  consumerSleeping(): boolean { return Atomics.load(this.idx, CONS_SLEEPING) === 1; }

  /** Entries currently queued (a snapshot). */
  count(): number {
    return (Atomics.load(this.idx, PROD_TAIL) - Atomics.load(this.idx, CONS_TAIL)) >>> 0;
  }

  /** Enqueue up to `n` handles from `src[srcOff..]`; returns how many were enqueued. */
  enqueueBurst(src: Uint32Array, srcOff: number, n: number): number {
    const idx = this.idx;
    let head: number, m: number;
    if (!this.multi) {
      head = idx[PROD_TAIL]! >>> 0; // only this thread writes it
      let free = (this.size - ((head - this.cachedConsTail) >>> 0)) >>> 0;
      if (free < n) {
        this.cachedConsTail = Atomics.load(idx, CONS_TAIL) >>> 0; // pairs with store in dequeueBurst
        free = (this.size - ((head - this.cachedConsTail) >>> 0)) >>> 0;
      }
      m = n < free ? n : free;
      if (m === 0) return 0;
    } else {
      for (;;) {
        head = Atomics.load(idx, PROD_HEAD) >>> 0;
        const free = (this.size - ((head - (Atomics.load(idx, CONS_TAIL) >>> 0)) >>> 0)) >>> 0;
        m = n < free ? n : free;
        if (m === 0) return 0;
        if ((Atomics.compareExchange(idx, PROD_HEAD, head | 0, (head + m) | 0) >>> 0) === head) break;
      }
    }
    const slots = this.slots, mask = this.mask;
    for (let i = 0; i < m; i++) slots[(head + i) & mask] = src[srcOff + i]!;
    if (this.multi) {
      // Earlier reservations publish first, so the consumer never sees a hole.
      while ((Atomics.load(idx, PROD_TAIL) >>> 0) !== head) { /* spin: another producer is mid-copy */ }
    }
    Atomics.store(idx, PROD_TAIL, (head + m) | 0); // publishes slots [head, head+m); pairs with load in dequeueBurst
    return m;
  }

  /** Dequeue up to `n` handles into `dst[dstOff..]`; returns how many were dequeued. */
  dequeueBurst(dst: Uint32Array, dstOff: number, n: number): number {
    const idx = this.idx;
    let head: number, m: number;
    if (!this.multi) {
      head = idx[CONS_TAIL]! >>> 0;
      let avail = (this.cachedProdTail - head) >>> 0;
      if (avail < n) {
        this.cachedProdTail = Atomics.load(idx, PROD_TAIL) >>> 0; // pairs with store in enqueueBurst
        avail = (this.cachedProdTail - head) >>> 0;
      }
      m = n < avail ? n : avail;
      if (m === 0) return 0;
    } else {
      for (;;) {
        head = Atomics.load(idx, CONS_HEAD) >>> 0;
        const avail = ((Atomics.load(idx, PROD_TAIL) >>> 0) - head) >>> 0;
        m = n < avail ? n : avail;
        if (m === 0) return 0;
        if ((Atomics.compareExchange(idx, CONS_HEAD, head | 0, (head + m) | 0) >>> 0) === head) break;
      }
    }
    const slots = this.slots, mask = this.mask;
    for (let i = 0; i < m; i++) dst[dstOff + i] = slots[(head + i) & mask]!;
    if (this.multi) {
      while ((Atomics.load(idx, CONS_TAIL) >>> 0) !== head) { /* spin: another consumer is mid-copy */ }
    }
    Atomics.store(idx, CONS_TAIL, (head + m) | 0); // frees slots [head, head+m) for producers
    return m;
  }
}

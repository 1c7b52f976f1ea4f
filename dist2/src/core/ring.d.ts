export type RingMode = 'spsc' | 'mpmc';
export declare class Ring {
    readonly size: number;
    readonly mask: number;
    /** 1 for mpmc (a Smi field: a boolean field costs a generic truthiness test in TurboFan). */
    private readonly multi;
    private readonly idx;
    private readonly slots;
    /** Last seen cursor of the other side (spsc fast path). */
    private cachedConsTail;
    private cachedProdTail;
    /** Bytes needed for a ring of `size` slots (size: power of two). */
    static bytesFor(size: number): number;
    constructor(buffer: ArrayBufferLike, byteOffset: number, size: number, mode: RingMode, init?: boolean);
    /**
     * The consumer announces it is about to sleep (1) or is polling (0). A producer that sees
     * 1 after publishing must ring the consumer's doorbell; the seq-cst store of the tail and
     * the load of this word (and the consumer's mirror-image store/re-check) mean one of the
     * two always notices the other.
     */
    setConsumerSleeping(sleeping: boolean): void;
    consumerSleeping(): boolean;
    /** Entries currently queued (a snapshot). */
    count(): number;
    /** Enqueue up to `n` handles from `src[srcOff..]`; returns how many were enqueued. */
    enqueueBurst(src: Uint32Array, srcOff: number, n: number): number;
    /** Dequeue up to `n` handles into `dst[dstOff..]`; returns how many were dequeued. */
    dequeueBurst(dst: Uint32Array, dstOff: number, n: number): number;
    /**
     * Multi-producer enqueue: reserve [head, head+m) by CAS on PROD_HEAD, fill, then wait for
     * earlier reservations to publish before moving PROD_TAIL, so a consumer never sees a hole.
     */
    private enqueueMulti;
    /** Multi-consumer dequeue: the mirror image of enqueueMulti on CONS_HEAD/CONS_TAIL. */
    private dequeueMulti;
}

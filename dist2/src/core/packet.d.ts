/** Default bytes per buffer: room for a 9,216-byte jumbo frame plus headroom (Snabb uses 10 KiB too). */
export declare const DEFAULT_BUF_SIZE = 10240;
/** Bytes kept free in front of a fresh packet for pushing headers (VLAN, VXLAN, virtio-net). */
export declare const HEADROOM = 128;
export declare class PacketPool {
    /** All packet bytes; packet p starts at `start(p)`. */
    readonly data: Uint8Array;
    readonly len: Uint16Array;
    readonly off: Uint16Array;
    readonly port: Uint16Array;
    readonly flags: Uint16Array;
    readonly state: Uint8Array;
    readonly count: number;
    readonly bufSize: number;
    /** Largest packet a buffer holds with the default headroom. */
    readonly maxLen: number;
    private readonly header;
    private readonly ring;
    private readonly cache;
    private cacheN;
    private readonly debug;
    /** Bytes a region must have for `count` buffers of `bufSize`. */
    static bytesFor(count: number, bufSize?: number): number;
    /**
     * Build a pool view over `buffer`. With `init`, format the region (once, by its creator);
     * other threads attach to an initialised region with `init = false`.
     */
    constructor(buffer: ArrayBufferLike, count: number, bufSize?: number, init?: boolean);
    /** Byte offset in `data` of packet p's first byte. */
    start(p: number): number;
    /** A fresh packet (len 0, default headroom), or -1 when the pool is empty (counted). */
    alloc(): number;
    /**
     * Allocate up to `n` fresh packets into `out[0..)`; returns how many (fewer than `n` only
     * when the pool ran dry, counted once as an allocation failure). Each is as from alloc().
     */
    allocBurst(out: Uint32Array, n: number): number;
    /** Return p to the pool. A handle that is not allocated is counted and ignored. */
    free(p: number): void;
    /** free() for `handles[0..n)`, with the same checks per handle. */
    freeBurst(handles: Uint32Array, n: number): void;
    /** Copy packet p into a new packet; -1 if the pool is empty. */
    clone(p: number): number;
    /** Give this thread's cached buffers back to the shared ring (at engine stop). */
    flushCache(): void;
    private doubleFree;
    private badFree;
    /** Control path: occupancy and error counters. `inUse` counts buffers held anywhere (apps, links, caches of running threads). */
    audit(): {
        count: number;
        free: number;
        cached: number;
        inUse: number;
        doubleFree: number;
        badFree: number;
        allocFail: number;
    };
}

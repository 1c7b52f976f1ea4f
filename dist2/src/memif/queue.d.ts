/** What the data path needs from a packet pool (core/PacketPool satisfies it). */
export interface PoolView {
    readonly data: Uint8Array;
    readonly len: Uint16Array;
    readonly maxLen: number;
    alloc(): number;
    free(p: number): void;
    start(p: number): number;
}
/** The regions of one connection, as views (index = memif region index). */
export declare class RegionTable {
    u8: Uint8Array[];
    u16: Uint16Array[];
    u32: Uint32Array[];
    size: number[];
    count: number;
    /** Control path: add region `count` over `buf` (the whole mapping, `size` bytes usable). */
    add(buf: ArrayBuffer, size: number): void;
    clear(): void;
}
/** Counters shared by the rings of one port (plain numbers, published by the app). */
export declare class QueueStats {
    rxPackets: number;
    rxBytes: number;
    txPackets: number;
    txBytes: number;
    /** Descriptors outside the region table (one packet dropped each). */
    badDesc: number;
    /** Our pool was empty when a packet arrived (it stays in the ring). */
    noBuffer: number;
    /** The peer's ring had no room: packets dropped on transmit. */
    peerNoBuffer: number;
    /** Frames longer than a pool buffer (rx) were dropped. */
    tooBig: number;
}
/** Layout of the one region a client creates (DPDK memif_region_init_shm, non-zero-copy). */
export interface ClientLayout {
    ringBytes: number;
    /** Offset of the first packet buffer (after all rings). */
    bufferOffset: number;
    size: number;
    /** Byte offset of ring `i` of a direction: C2S rings first, then S2C. */
    ringOffset(c2s: boolean, i: number): number;
    /** Byte offset of the buffer for slot `slot` of ring `i`. */
    bufferFor(c2s: boolean, i: number, slot: number): number;
}
/** Region 0 layout: [C2S rings][S2C rings][buffers: ring by ring, slot by slot]. */
export declare function clientLayout(numC2s: number, numS2c: number, log2RingSize: number, bufferSize: number): ClientLayout;
/** Control path: write a fresh ring header and descriptors (client, before ADD_RING). */
export declare function initRing(region: Uint8Array, offset: number, log2RingSize: number, descBuffer: (slot: number) => number, bufferSize: number): void;
/** Role of one ring from Sluice's side. */
export declare const RingRole: {
    /** Sluice server receiving on a C2S ring. */
    readonly SERVER_RX: 0;
    /** Sluice server transmitting on an S2C ring. */
    readonly SERVER_TX: 1;
    /** Sluice client receiving on an S2C ring (owns head, posts buffers). */
    readonly CLIENT_RX: 2;
    /** Sluice client transmitting on a C2S ring. */
    readonly CLIENT_TX: 3;
};
export type RingRole = (typeof RingRole)[keyof typeof RingRole];
/**
 * One ring of a connection. Built at connect time (control path); `receive`/`transmit`
 * run per burst. Views are of the region holding the ring; packet buffers are looked up
 * in `regions` by the descriptor's region index.
 */
export declare class MemifRing {
    readonly regions: RegionTable;
    readonly stats: QueueStats;
    readonly u16: Uint16Array;
    readonly u32: Uint32Array;
    readonly cookieIdx: number;
    readonly headIdx: number;
    readonly tailIdx: number;
    readonly flagsIdx: number;
    readonly descBase: number;
    readonly size: number;
    readonly mask: number;
    readonly role: RingRole;
    /** Our private cursor: next slot to consume (rx) or to produce (tx). */
    cursor: number;
    /** CLIENT_RX: our head (next slot to post a buffer into). */
    head: number;
    /** Client rings: region and first-buffer offset of our own buffers. */
    readonly ownRegion: number;
    readonly ownBufBase: number;
    readonly bufferSize: number;
    /** Eventfd for this ring (interrupt mode), -1 if none. */
    readonly fd: number;
    /** Set (with -1 returned) on a structural violation. */
    fault: string;
    private readonly poolData32;
    constructor(regions: RegionTable, ringRegion: number, ringOffset: number, log2RingSize: number, role: RingRole, fd: number, stats: QueueStats, pool: PoolView, ownBufBase?: number, bufferSize?: number);
    /** Cookie check (server, at CONNECT). */
    cookieOk(): boolean;
    /** Control path at connect: both sides start from head = tail = 0 (DPDK memif_connect). */
    reset(): void;
    /** As consumer: ask the producer to interrupt us (false) or not (true, polling). */
    setMaskInt(masked: boolean): void;
    /** As producer: does the consumer want an eventfd write after we publish? */
    interruptWanted(): boolean;
    /**
     * Receive up to `max` packets into `out`; returns how many, or -1 on a structural
     * violation (`fault`). Consumes every slot it looks at except an incomplete chain.
     */
    receive(pool: PoolView, out: Uint32Array, max: number): number;
    /** CLIENT_RX: post our own empty buffers into every free slot, then publish head. */
    refill(): void;
    /**
     * Transmit `n` packets from `pkts`; consumes (frees) all of them. Returns how many were
     * sent, or -1 on a structural violation (`fault`; the packets are freed and counted).
     */
    transmit(pool: PoolView, pkts: Uint32Array, n: number): number;
    private dropAll;
}

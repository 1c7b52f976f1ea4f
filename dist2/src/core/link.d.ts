/**
 * A link: the fixed-size queue of packet handles between two apps of one engine (Snabb's
 * link). Single-threaded, never subclassed. A full link drops the packet and counts it
 * (ARCHITECTURE G5): no blocking, no unbounded queues.
 */
import type { PacketPool } from './packet.js';
export declare const LINK_SIZE = 1024;
export declare const LINK_MAX: number;
/** How many packets a pull-app should bring in per breath (Snabb: a tenth of a link). */
export declare const PULL_NPACKETS: number;
export declare class Link {
    readonly spec: string;
    readonly pool: PacketPool;
    readonly ring: Uint32Array<ArrayBuffer>;
    read: number;
    write: number;
    txPackets: number;
    txBytes: number;
    txDrop: number;
    rxPackets: number;
    rxBytes: number;
    /** Total length of the packets returned by the last receiveBurst(). */
    burstBytes: number;
    constructor(spec: string, pool: PacketPool);
    empty(): boolean;
    full(): boolean;
    nreadable(): number;
    nwritable(): number;
    /** Next packet (caller checks `empty()` first). */
    receive(): number;
    /** Queue p; when full, free it and count a drop. */
    transmit(p: number): void;
    /**
     * Queue `src[0..n)` in order; packets that do not fit are freed and counted as drops
     * (as transmit() does one by one). Returns how many were queued. Counts once per burst.
     */
    transmitBurst(src: Uint32Array, n: number): number;
    /**
     * Take up to `max` packets into `dst[0..)`; returns how many. Their total length is left in
     * `burstBytes` (so a consumer that counts bytes need not read every length again).
     */
    receiveBurst(dst: Uint32Array, max: number): number;
    /** Free everything queued (at teardown); returns how many were freed. */
    drain(): number;
}

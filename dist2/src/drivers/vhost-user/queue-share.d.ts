import { DeviceQueue } from '../../virtio/split/device-queue.js';
import { NetIo } from './net-io.js';
import { RingSet } from './ring-set.js';
export declare const enum ShareState {
    MAIN = 0,
    OFFERED = 1,
    PAUSE = 2,
    WORKER = 3
}
/** What crosses to the worker in its graph config (structured-clone safe). */
export interface ShareHandle {
    sab: SharedArrayBuffer;
    /** Eventfd the main thread writes to wake the worker (publish/pause). */
    wakeFd: number;
    /** Ring indices (2q = guest RX, 2q+1 = guest TX) this worker serves. */
    rings: number[];
    maxFrame: number;
    /** Unique per share, so a re-added port with the same name is a different app config. */
    id: number;
}
/** Counters the worker publishes (NetIo's, then quarantined rings). */
export declare const C_FROM_PKTS = 0, C_FROM_BYTES = 1, C_TO_PKTS = 2, C_TO_BYTES = 3, C_NO_GUEST_BUF = 4, C_TOO_BIG = 5, C_NO_POOL_BUF = 6, C_QUARANTINED = 7, C_BAD_OFFLOAD = 8;
/** A ring as the main thread's device describes it for a snapshot. */
export interface RingSnapshot {
    live: boolean;
    size: number;
    descGpa: number;
    availGpa: number;
    usedGpa: number;
    queue: DeviceQueue;
    kickFd: number;
    callFd: number;
}
/** One memory-table region with the fd the main thread keeps open for it. */
export interface RegionSnapshot {
    fd: number;
    mapLen: number;
    gpa: number;
    size: number;
    frontendVa: number;
    mmapOffset: number;
}
export interface DeviceSnapshot {
    regions: RegionSnapshot[];
    /** Changes whenever the memory table does (the worker keeps its mappings while it does not). */
    memGen: number;
    hdrLen: number;
    mergeable: boolean;
    eventIdx: boolean;
    indirect: boolean;
    /** NetIo's offload bits (what the guest may send / take). */
    hostOffloads: number;
    guestOffloads: number;
    ring(i: number): RingSnapshot;
}
/** Main-thread side: owns the protocol state, lends the rings to one worker. */
export declare class QueueShareHost {
    readonly rings: number[];
    private readonly log;
    readonly handle: ShareHandle;
    private readonly ctl;
    private readonly f;
    private readonly lay;
    constructor(rings: number[], maxFrame: number, log: (m: string) => void);
    /**
     * Take the rings back (control path, blocking). Returns whether the snapshot holds the
     * rings' current indices (anything was published since the main thread last owned them):
     * then restoreInto() brings them back into the main thread's queues.
     */
    pause(timeoutMs?: number): boolean;
    /** Copy the indices the worker left into the main thread's queues (after pause() → true). */
    restoreInto(queues: (i: number) => DeviceQueue): void;
    /** Offer the current device state to the worker (control path, main thread owns the rings). */
    publish(d: DeviceSnapshot | null): void;
    /** A counter the worker published (C_*). */
    counter(i: number): number;
    close(): void;
}
/**
 * Worker side: checks ownership once per burst; takes the offered rings (maps the memory,
 * sets up its own queues at the given indices) and gives them back on a pause.
 */
export declare class QueueShareWorker {
    readonly handle: ShareHandle;
    private readonly log;
    readonly io: NetIo;
    readonly set: RingSet;
    private readonly ctl;
    private readonly f;
    private readonly lay;
    private readonly queues;
    private live;
    private maps;
    private mem;
    private memGen;
    private quarantined;
    private readonly reported;
    /** This side's own copy of the doorbell: the main thread may close its copy first. */
    readonly wakeFd: number;
    constructor(handle: ShareHandle, log: (m: string) => void);
    /** Whether this worker owns the rings now (data path: one atomic load when it does). */
    own(): boolean;
    private sync;
    private take;
    /** Map the snapshot's memory table (only when it changed since the last take). */
    private mapTable;
    private release;
    private unmapAll;
    /** Rings quarantined on this worker are reported once each and dropped from the set (tick). */
    checkQuarantine(): void;
    /** Copy NetIo's counters where the main thread reads them (tick and release). */
    publishCounters(): void;
    /** The worker app stops: give the rings back, leaving them offered for a later taker. */
    detach(): void;
}

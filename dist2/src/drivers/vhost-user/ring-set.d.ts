import type { DeviceQueue } from '../../virtio/split/device-queue.js';
import type { GuestMemory } from '../../mem/guest-memory.js';
import type { NetIo, PoolView } from './net-io.js';
import type { Link } from '../../core/link.js';
/** What the data path needs of a ring. */
export interface LiveRing {
    readonly queue: DeviceQueue;
    kickFd: number;
    callFd: number;
}
export declare class RingSet {
    readonly io: NetIo;
    memory: GuestMemory | null;
    txRings: LiveRing[];
    rxRings: LiveRing[];
    private rxNext;
    /** Guest TX burst scratch, with room for one super-frame's segments beyond the burst. */
    private readonly rxBurst;
    constructor(io: NetIo);
    /** Replace the rings (control path); polling starts with kicks off on all of them. */
    set(memory: GuestMemory | null, tx: LiveRing[], rx: LiveRing[]): void;
    /** Ask the guest to kick on TX again (before the owner sleeps on kickFds()). */
    enableKicks(): void;
    /** Kick eventfds of the TX rings (an idle engine may sleep on them). */
    kickFds(): number[];
    private nextRx;
    /** Guest TX → pool packets. Returns how many were written to `out` (see NetIo.dequeueFromGuest for `cap`). */
    dequeue(pool: PoolView, out: Uint32Array, max: number, cap?: number): number;
    /** Pool packets → guest RX; consumes (frees) all `n`. Returns how many were delivered. */
    enqueue(pool: PoolView, pkts: Uint32Array, n: number): number;
    /** Guest TX → a burst of pool packets onto `out` (as much as it has room for). */
    dequeueLink(pool: PoolView, out: Link): void;
    /** Everything queued on `l` → guest RX, a burst at a time (`burst` is the caller's scratch). */
    enqueueLink(pool: PoolView, l: Link, burst: Uint32Array): void;
    /** Single-copy guest→guest: up to `max` frames from these TX rings into `dst`'s RX rings. */
    forwardTo(dst: RingSet, max: number): number;
}

/**
 * Interlinks (Snabb): apps that carry packets between engines on different threads through
 * a shared SPSC Ring. `ring-tx` moves its input link into the ring; `ring-rx` moves the
 * ring into its output link. Rings are named; every thread that uses one calls
 * `attachRing(name, buffer, size)` with the same SharedArrayBuffer before configuring.
 * A full ring drops (link_full) and counts; packet handles are valid in every thread
 * because all engines share one pool region.
 */
import { App, type AppContext } from './app.js';
/** A named ring as threads share it: the bytes, and the consumer's doorbell eventfd. */
export interface SharedRing {
    buffer: SharedArrayBuffer;
    size: number;
    doorbell: number;
}
/** Allocate a ring and its doorbell (control thread). */
export declare function createSharedRing(size: number): SharedRing;
/** Make a named ring known to this thread. */
export declare function attachRing(name: string, r: SharedRing): void;
export declare class RingTx extends App {
    private readonly ring;
    private readonly doorbell;
    private readonly burst;
    private in;
    constructor(ctx: AppContext, args: {
        ring: string;
    });
    linked(): void;
    push(): void;
}
export declare class RingRx extends App {
    private readonly ring;
    private readonly doorbell;
    private readonly burst;
    private out;
    constructor(ctx: AppContext, args: {
        ring: string;
    });
    wakeFds(): number[];
    /** Going to sleep: ask producers to ring; waking: stop asking and clear the bell. */
    idle(sleeping: boolean): void;
    linked(): void;
    pull(): void;
    /** Packets still in the ring when this end stops are freed and counted (shutdown). */
    stop(): void;
}

/**
 * The one runtime: a Host owns the packet pool (shared memory), the main engine and its
 * runner (cooperative, on the main thread), the worker engines (threads) and the rings
 * between them. `sluice switch`, `sluice run` and the daemon each turn their input into a
 * desired state (state.ts) and hand it to `apply`; the host derives the graph (derive.ts),
 * places it on engines (place.ts) and reconfigures only what changed.
 *
 * `apply` configures the main engine in two steps so a new app whose constructor fails (a
 * socket path in use, a missing file) leaves the running graph as it was: step 1 only adds
 * the new apps (nothing stopped or unlinked); if one throws, the apps it did create are
 * stopped and removed and ApplyError names the port. Step 2 applies the rest (stops,
 * reconfigs, links). Worker engines follow asynchronously, in order (`ready()` waits).
 *
 * Worker engines are made at the first `apply`, with the rings that placement needs; their
 * number and names are fixed for the host's life.
 */
import type { SharedRegion } from '../sys/index.js';
import { PacketPool } from '../core/packet.js';
import { Engine, type EngineStats } from '../core/engine.js';
import { EngineRunner, type RunnerOptions } from '../core/runner.js';
import { EngineWorker } from '../core/worker.js';
import { type Placement } from './place.js';
import { type DataPlaneState } from './state.js';
export type Logger = (e: Record<string, unknown>) => void;
export interface HostOptions {
    /** Packet buffers in the pool, and their size. */
    poolSize?: number;
    bufSize?: number;
    hugepages?: 'auto' | 'never' | 'require';
    /** No memfd-fallback notice on stderr (the daemon logs the pool as JSON instead). */
    quietPool?: boolean;
    tickHz?: number;
    runner?: RunnerOptions;
    /** Worker engines: names and CPUs (see engineList). */
    engines?: {
        name: string;
        cpu?: number;
    }[];
    log?: Logger;
}
/** Worker engines a state asks for: its named `engines`, or `engine.workers` anonymous ones on `workerCpus`. */
export declare function engineList(s: DataPlaneState): {
    name: string;
    cpu?: number;
}[];
/** Host options a state's engine settings ask for (front ends add logging and runner details). */
export declare function hostOptions(s: DataPlaneState): HostOptions;
export declare class Host {
    readonly region: SharedRegion;
    readonly pool: PacketPool;
    readonly engine: Engine;
    readonly runner: EngineRunner;
    /** Whether the pool is locked in memory (mlock). */
    readonly locked: boolean;
    readonly workers: EngineWorker[];
    readonly workerNames: string[];
    private readonly opts;
    private readonly rings;
    private workerConfigs;
    private workersMade;
    /** The workers' configuration, applied in order after each change of the main graph. */
    private sync;
    private syncError;
    private closed;
    constructor(opts?: HostOptions);
    /** The graph `s` derives to and its placement on the engines (throws StateError naming the field). */
    plan(s: DataPlaneState): Placement;
    /** Load the modules of user apps (`apps: {x: {module}}`) before `apply`. */
    load(s: DataPlaneState): Promise<void>;
    /** Reconfigure every engine to `s` (or to a plan of it already made). Throws StateError or ApplyError; nothing changes then. */
    apply(s: DataPlaneState, planned?: Placement): void;
    private makeWorkers;
    /** Two-step configure of the main engine (see header). */
    private configureMain;
    /** Resolves when the worker engines run the current graph (rejects if configuring them failed). */
    ready(): Promise<void>;
    start(): void;
    /** Every engine's stats as one (app names are unique across engines). */
    stats(): Promise<EngineStats>;
    /**
     * Stop polling, stop the workers (upstream engines first, so packets in flight reach the
     * engines downstream), push out what the main engine holds, stop every app. Returns the
     * final stats of every engine; the host can then only be closed.
     */
    stop(): Promise<EngineStats>;
    /**
     * After a full stop every buffer must be back in the pool; any still allocated was leaked
     * by an app. Reported on stderr; with SLUICE_DEBUG=1 the handles are listed.
     */
    reportLeaks(): number;
    /** Unmap the pool (after stop). */
    close(): void;
}

/**
 * The engine: owns a set of apps and the links between them, and breathes.
 *
 * A breath (Snabb): every pull-app pulls (bounded by PULL_NPACKETS each), then every
 * push-app pushes, in topological order of the links. Ticks run at `tickHz`. A breath that
 * moved no packet is idle; after an idle spell the runner (runner.ts) may sleep on the
 * apps' wake fds.
 *
 * This is the only breath loop. A breath may be handed a probe (Snabb's app_events): it is
 * called around every app call of that breath, with the packets the call moved. The runner
 * uses probes for sampled per-app cost (probes.ts) and packet traces (ctl/trace.ts); a
 * breath without a probe pays one null check.
 *
 * `configure(next)` applies only the difference from the running config (G2): unchanged
 * apps keep running with their state and links, so traffic on them is not disturbed.
 */
import { App, type AppClass } from './app.js';
import { Link } from './link.js';
import type { PacketPool } from './packet.js';
import { type GraphConfig, type AppSpec } from './config.js';
import { type CounterReport } from './counters.js';
export interface EngineOptions {
    tickHz?: number;
    /** Called with one JSON-able object per configuration action (G2 logging). */
    log?: (event: Record<string, unknown>) => void;
}
/**
 * Observer of one breath, called around each app call. `moved` is what the call moved:
 * packets put on (or dropped at) the app's outputs for a pull, taken off its inputs for a push.
 */
export interface BreathProbe {
    begin(engine: Engine, now: number): void;
    beforePull(app: App, i: number): void;
    afterPull(app: App, i: number, moved: number): void;
    beforePush(app: App, i: number): void;
    afterPush(app: App, i: number, moved: number): void;
    end(): void;
}
export interface EngineStats {
    breaths: number;
    busyBreaths: number;
    apps: Record<string, CounterReport & {
        type: string;
        extra?: Record<string, unknown>;
    }>;
    links: Record<string, {
        txPackets: number;
        txBytes: number;
        txDrop: number;
        rxPackets: number;
        queued: number;
    }>;
    /** Packets freed when links were torn down by a reconfiguration. */
    shutdownDrops: number;
}
/** Load the modules named by user apps in `config` (call before configure). */
export declare function loadAppModules(config: GraphConfig, base?: string): Promise<void>;
/** The class for an app spec, with its args validated against the type's schema (throws naming the field). */
export declare function resolveClass(name: string, spec: AppSpec): AppClass;
export declare class Engine {
    readonly pool: PacketPool;
    readonly apps: Map<string, App>;
    readonly links: Map<string, Link>;
    private config;
    private pullApps;
    private pushApps;
    private tickApps;
    private allLinks;
    private readonly tickMs;
    private nextTick;
    private readonly log;
    breaths: number;
    busyBreaths: number;
    shutdownDrops: number;
    /** Bumped whenever the pull/push order changes (probes keep per-index state). */
    orderVersion: number;
    constructor(pool: PacketPool, opts?: EngineOptions);
    /** The running config (a copy). */
    currentConfig(): GraphConfig;
    /** Move to `next`, changing only what differs. Throws (changing nothing) if `next` is invalid. */
    configure(next: GraphConfig): void;
    /**
     * A restarted app failed to build half-way through a reconfiguration: record what is
     * actually running, then reconfigure back to the previous config (which rebuilds the
     * failed app with its old args). If even that fails, the recorded config stays true.
     */
    private recover;
    /** Recompute every app's link arrays and the breathe order (after a partial change). */
    private refreshAll;
    private computeOrder;
    /** Names of apps in pull and push order (for tests and `stats`). */
    order(): {
        pull: string[];
        push: string[];
    };
    private moved;
    /** One breath, observed by `probe` if given; returns true if any packet moved. */
    breathe(now: number, probe?: BreathProbe | null): boolean;
    /** The same breath with `probe` called around each app call. */
    private probedBreath;
    private tick;
    /** Breathe synchronously for `ms` milliseconds (benchmarks, tests). */
    runFor(ms: number): void;
    /** Breathe until `done()` or `maxMs` passed; returns whether done() became true. */
    runUntil(done: () => boolean, maxMs?: number): boolean;
    /** Push queued packets onward without pulling new ones, until every link is empty. */
    drain(maxBreaths?: number): void;
    /** Eventfds apps want to be woken by when the engine sleeps. */
    wakeFds(): number[];
    /** Tell apps the engine goes to sleep (true) or woke (false): e.g. re-enable guest kicks. */
    notifyIdle(sleeping: boolean): void;
    /** Stop every app, draining links (drained packets count as shutdown drops). */
    stop(): void;
    stats(): EngineStats;
}

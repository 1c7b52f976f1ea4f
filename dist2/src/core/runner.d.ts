/**
 * Runs an Engine cooperatively on the main thread, in slices of `sliceMs` with the event
 * loop serviced between them, so the management API, vhost-user/memif control messages and
 * metrics scrapes share the thread with the data path without locks (worker engines use
 * engine-thread.ts instead). The Host (runtime/host.ts) runs its main engine with one. It:
 *
 *  - sleeps adaptively: after `idleSpellMs` of idle breaths it tells apps (`idle(true)`),
 *    breathes once more (closing the race with a peer that queued just before), then sleeps
 *    on every app's wake fd (vhost-user kicks, memif interrupts, TAP/AF_PACKET readiness),
 *    watched by the event loop itself (see sleep()), or `maxSleepMs`. A wake by fd resumes
 *    busy polling; a timeout runs one slice (ticks, timers) and sleeps again, so an idle
 *    daemon costs ~1 slice per `maxSleepMs`.
 *    `idleSpellMs: 0` = pure polling. Apps drain their own wake fds (in idle(true));
 *    the runner only watches them.
 *  - samples per-app cost: every `sampleEvery`-th breath is handed the CostSampler probe
 *    (probes.ts), which gives ns/packet per app for `sluice top` without timing every breath.
 *  - hands every breath to `probe` (a packet Tracer, ctl/trace.ts) while it is active; the
 *    plain path checks one field per breath.
 *
 * Every breath is `engine.breathe` (the one breath loop); probes only observe it.
 */
import type { Engine, BreathProbe } from './engine.js';
import { type AppCost } from './probes.js';
export interface RunnerOptions {
    sliceMs?: number;
    idleSpellMs?: number;
    maxSleepMs?: number;
    sampleEvery?: number;
}
/** A probe that observes every breath while `active` (a packet trace). */
export interface ActiveProbe extends BreathProbe {
    readonly active: boolean;
}
export declare class EngineRunner {
    readonly engine: Engine;
    private running;
    private stopped;
    private wake;
    sliceMs: number;
    idleSpellMs: number;
    maxSleepMs: number;
    sampleEvery: number;
    private readonly sampler;
    /** Observes every breath while active (packet traces). */
    probe: ActiveProbe | null;
    private countdown;
    /** Milliseconds spent on busy breaths vs idle breaths and sleeping (engine load). */
    busyMs: number;
    idleMs: number;
    sleeps: number;
    fdWakeups: number;
    private wakeEpoll;
    private wakeWatch;
    /** Wake fds registered for the current sleep; what the watch reported that is not one of them. */
    private wakeAdded;
    private wakeStale;
    private readonly wakeReady;
    constructor(engine: Engine, opts?: RunnerOptions);
    /** Drop cost records of apps that are gone (after a configure; sampling follows the order by itself). */
    refresh(): void;
    /** Sampled cost by app name, kept across reconfigurations for apps that stay. */
    get costs(): ReadonlyMap<string, AppCost>;
    start(): void;
    stop(): Promise<void>;
    /**
     * The epoll that holds the wake fds during a sleep, and the LoopWatch on it. Rebuilt when
     * it reported an fd that is not a wake fd of the current sleep: a kick fd closed while
     * registered stays in an epoll as long as the peer holds the eventfd, and if it was left
     * readable it would end every sleep at once.
     */
    private wakeWatchOf;
    private closeWakeWatch;
    /** True while the runner sleeps on wake fds. */
    get sleeping(): boolean;
    /** Wake a sleeping runner now (after a reconfiguration, or a trace was added). */
    kick(): void;
    /** One breath: traced, sampled or plain. Returns whether packets moved. */
    breathe(now: number): boolean;
    private loop;
    /**
     * Sleep until a wake fd fires (true) or maxSleepMs passes (false). The wake fds sit in one
     * epoll fd that the event loop itself watches (LoopWatch: the thread blocks in libuv's
     * epoll_wait and a kick wakes it directly); where Node does not export libuv, each fd is
     * watched through the Poller thread instead (one more thread hop).
     */
    private sleep;
}

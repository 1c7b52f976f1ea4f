/**
 * The `sluice switch` front end: a list of ports joined in `patch` mode (p0↔p1, p2↔p3…) or
 * through one L2 learning bridge, plus captures, kept as a desired state (runtime/state.ts)
 * that a Host runs. Adding or removing a port applies the new state: the host reconfigures
 * only the apps and links that changed.
 *
 * With `workers: N`, N worker engines (pinned to `cpus` if given) serve the queue pairs of
 * patched multiqueue vhost-user ports (runtime/place.ts), as OVS-DPDK places rx queues on
 * its PMD threads. Ports of other kinds, and bridge mode, stay on the main engine.
 */
import type { EngineStats } from '../core/engine.js';
import type { RunnerOptions } from '../core/runner.js';
import { type PortSpec } from '../core/port-spec.js';
import type { CaptureSpec } from '../apps/capture/graph.js';
import { Host } from '../runtime/host.js';
import type { DataPlaneState } from '../runtime/state.js';
export type SwitchMode = 'patch' | 'bridge';
export interface SwitchOptions {
    mode?: SwitchMode;
    /** Packet buffers in the pool. */
    poolSize?: number;
    bufSize?: number;
    runner?: RunnerOptions;
    log?: (e: Record<string, unknown>) => void;
    /** Worker engines for the queue pairs of multiqueue vhost-user ports (0: all on the main engine). */
    workers?: number;
    /** CPUs to pin the workers to, one each (round robin when fewer). */
    cpus?: number[];
}
export interface PortEntry {
    name: string;
    spec: PortSpec;
}
export interface PortSummary {
    name: string;
    spec: string;
    rx: {
        packets: number;
        bytes: number;
    };
    tx: {
        packets: number;
        bytes: number;
    };
    drops: Record<string, number>;
    /** Which engine serves which queue pairs, and what each moved (ports that report it). */
    placement?: unknown[];
}
export declare class Switch {
    readonly host: Host;
    readonly ports: PortEntry[];
    /** Packet captures (see apps/capture). */
    readonly captures: CaptureSpec[];
    mode: SwitchMode;
    private readonly workers;
    private readonly cpus;
    constructor(opts?: SwitchOptions);
    get engine(): import("../core/engine.js").Engine;
    get pool(): import("../index.js").PacketPool;
    get runner(): import("../core/runner.js").EngineRunner;
    /** Add a port from its spec; `name` defaults to p<N>. Reconfigures the running engine. */
    addPort(specText: string, name?: string): PortEntry;
    removePort(name: string): void;
    /** Capture a port's rx and/or tx into a pcapng file or FIFO; `port` is a name or an index. */
    addCapture(spec: CaptureSpec): CaptureSpec;
    /** The switch as a desired state: patch pairs as patch bridges, or one learning bridge. */
    state(): DataPlaneState;
    private apply;
    /** Resolves when the worker engines run the current graph (rejects if configuring them failed). */
    workersReady(): Promise<void>;
    start(): void;
    /** Stop polling, push out what is queued, stop every app; returns the final summary. */
    stop(): Promise<{
        ports: PortSummary[];
    }>;
    reportLeaks(): number;
    /** Per-port counters in the documented JSON shape. */
    summary(stats?: EngineStats): {
        ports: PortSummary[];
    };
    close(): void;
}

import { diffConfig } from '../core/config.js';
import { Host } from '../runtime/host.js';
import { type DesiredState, type BridgeType } from './model.js';
import { type StateStore } from './state-store.js';
import { type Change } from './diff.js';
import { Tracer } from './trace.js';
import { type DaemonStats } from './stats.js';
import { type Caller } from './api-server.js';
import { FileAccess } from './access.js';
import type { Registry } from 'prom-client';
export declare const DEFAULT_METRICS = "127.0.0.1:9469";
export type Logger = (e: Record<string, unknown>) => void;
/** JSON-lines logger on stderr (systemd's journal keeps one entry per line). */
export declare function jsonLogger(stream?: NodeJS.WritableStream): Logger;
export interface DaemonOptions {
    log?: Logger;
    /** Override the runner's slice (tests). */
    sliceMs?: number;
    apiIdleTimeoutMs?: number;
    /** Where the desired state is saved on every change (absent: nothing is saved). */
    store?: StateStore;
}
type Params = Record<string, unknown>;
interface Method {
    schema: object;
    run(d: Daemon, p: any): unknown;
}
export declare class Daemon {
    state: DesiredState;
    /** Pool, main and worker engines (engine.workers), runner. */
    readonly host: Host;
    readonly tracer: Tracer;
    readonly registry: Registry;
    readonly log: Logger;
    private api;
    private metricsServer;
    private metricsListen;
    private readonly opts;
    private running;
    /** Which files callers other than root may name (api.allowDirs; fixed at start). */
    readonly access: FileAccess;
    /** The caller of the request being run (set only while its synchronous part runs). */
    private caller;
    /** The first apply, of the saved state: its owned objects are checked again (access.ts). */
    private starting;
    /** Address the metrics server listens on (host:port), or undefined. */
    metricsAddress: string | undefined;
    private gen;
    private savedGen;
    private savedState;
    private undone;
    private saving;
    private constructor();
    /** Build a daemon and apply `initial` (settings fixed at start come from it). */
    static create(initial: DesiredState, opts?: DaemonOptions): Promise<Daemon>;
    /**
     * Serve the API (if the state names a socket) and metrics, and start the engine. If either
     * listener cannot be opened, everything started so far is stopped (ports' sockets removed,
     * no API socket left) and the error (ApiError, code "unavailable") names the field.
     */
    start(): Promise<void>;
    stop(): Promise<void>;
    private syncMetrics;
    stats(): DaemonStats;
    get engine(): import("../index.js").Engine;
    get runner(): import("../index.js").EngineRunner;
    /**
     * Reconcile to `next` (a full state). Returns the model changes and engine actions; with
     * `dryRun` nothing changes. Throws ApiError (code "invalid") naming the field.
     */
    apply(nextIn: unknown, dryRun?: boolean): {
        changes: Change[];
        actions: ReturnType<typeof diffConfig>;
    };
    /** The host applies `state` (an app that cannot be made changes nothing: ApiError invalid). */
    private configure;
    /** Apply a mutation of a copy of the state. */
    private mutate;
    private port;
    private bridge;
    private routerName;
    private owner;
    portList(only?: string): Record<string, unknown>[];
    /** The API dispatcher: validate params against the method's schema, run it. */
    handle(method: string, params: Params, caller?: Caller): Promise<unknown>;
    /** Apply `doc` as `apply` without --prune does (SIGHUP) and save it. */
    reload(doc: DesiredState): Promise<{
        changes: Change[];
        kept: Change[];
    }>;
    /** Save every change made so far; the answer waits for this (see header). */
    commit(undoneBefore?: number): Promise<void>;
    /** Queue a save of the current state behind any save in flight (one at a time). */
    private save;
    /** Go back to the last saved state after a failed save (best effort on the engine). */
    private undo;
    static methods(): Record<string, Method>;
    _portAdd(p: {
        name: string;
        spec: string;
    }): unknown;
    _portDel(p: {
        name: string;
    }): unknown;
    _bridgeAdd(p: {
        name: string;
        type?: BridgeType;
        ports?: string[];
    }): unknown;
    _bridgeDel(p: {
        name: string;
    }): unknown;
    _bridgeAddIf(p: {
        bridge: string;
        port: string;
        vlan?: number;
        trunk?: number[];
        ofport?: number;
    }): unknown;
    /** A member's VLAN settings change in place (the port stays, and so does what it learned). */
    _bridgeSetIf(p: {
        bridge: string;
        port: string;
        vlan?: number;
        trunk?: number[];
    }): unknown;
    _bridgeDelIf(p: {
        bridge: string;
        port: string;
    }): unknown;
    _bridgeShow(p: {
        name?: string;
    }): unknown;
    _routeAdd(p: {
        router?: string;
        prefix: string;
        via?: string;
        dev?: string;
    }): unknown;
    _routeDel(p: {
        router?: string;
        prefix: string;
    }): unknown;
    _ifaceAdd(p: {
        router?: string;
        port: string;
        mac: string;
        ipv4?: string;
        ipv6?: string;
        mtu?: number;
    }): unknown;
    _ifaceDel(p: {
        router?: string;
        port: string;
    }): unknown;
    _routeShow(p: {
        router?: string;
    }): unknown;
    private flowBridge;
    /** The flow-table or l2-bridge app of a bridge, as the flow and fdb verbs use it. */
    private bridgeApp;
    /** add-flow / mod-flows / del-flows (ovs-ofctl semantics, flow-mod.ts) on the state's flow lines. */
    _flowMod(op: 'add' | 'mod' | 'del', p: {
        bridge: string;
        flow?: string;
        strict?: boolean;
    }): unknown;
    private setFlows;
    _flowDump(p: {
        bridge: string;
        match?: string;
        names?: boolean;
    }): unknown;
    _flowTrace(p: {
        bridge: string;
        flow: string;
    }): unknown;
    _fdb(p: {
        bridge: string;
        flush?: boolean;
    }): unknown;
    _captureAdd(p: {
        port: string;
        file: string;
        dir?: 'rx' | 'tx' | 'both';
        filter?: string;
    }): unknown;
    _captureDel(p: {
        port: string;
        file?: string;
    }): unknown;
    _traceAdd(p: {
        port: string;
        count: number;
        filter?: string;
    }): unknown;
    _traceShow(p: {
        id?: number;
    }): unknown;
    _traceDel(p: {
        id?: number;
    }): unknown;
    _profile(p: {
        seconds: number;
    }): Promise<unknown>;
    /**
     * `apply`: objects in the document are created or replaced; objects it does not list are
     * kept and reported (`kept`) unless `prune` removes them (mergeApplied vs resolveApplied).
     */
    _configApply(p: {
        state?: unknown;
        yaml?: string;
        dryRun?: boolean;
        prune?: boolean;
    }): unknown;
}
export {};

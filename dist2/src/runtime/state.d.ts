/**
 * The desired state: what the data plane should be, as plain data. The three front ends
 * produce it — `sluice switch` flags (switch/), `sluice run` YAML (config/) and the daemon's
 * state (ctl/model.ts, which adds API, metrics and owner records and validates it) — and one
 * derivation (derive.ts) turns it into the engine graph, placed on engines by place.ts.
 *
 *   engine:   settings of the host (pool, ticks, polling, worker engines)
 *   ports:    {NAME: {spec: "KIND:ARG,k=v,flag"}}
 *   bridges:  {NAME: {type: learning|flow|patch, ports: {PORT: {vlan?, trunk?}}, flows?}}
 *   routers:  {NAME: {interfaces: {PORT: {mac, ipv4?, ipv6?}}, routes?: [{prefix, via?, dev?}]}}
 *   captures: [{port, file, dir: rx|tx|both, filter?}]
 *   apps, links:  further apps and links joined as given (run configs)
 *   engines:  named engines and the apps each runs (run configs; see place.ts)
 */
import type { AppSpec } from '../core/config.js';
export interface PortModel {
    spec: string;
}
export type BridgeType = 'learning' | 'flow' | 'patch';
/** `ofport`: the port's OpenFlow number on the bridge (assigned when it joins; see bridgeOfports). */
export interface BridgeMember {
    vlan?: number;
    trunk?: number[];
    ofport?: number;
}
export interface BridgeModel {
    type?: BridgeType;
    ports: Record<string, BridgeMember>;
    flows?: string[];
}
export interface RouterInterface {
    mac: string;
    ipv4?: string;
    ipv6?: string;
    mtu?: number;
}
export interface RouteModel {
    prefix: string;
    via?: string;
    dev?: string;
}
export interface RouterModel {
    interfaces: Record<string, RouterInterface>;
    routes?: RouteModel[];
}
export interface CaptureModel {
    port: string;
    file: string;
    dir?: 'rx' | 'tx' | 'both';
    filter?: string;
}
export interface EngineSettings {
    idleSpellMs?: number;
    maxSleepMs?: number;
    poolSize?: number;
    tickHz?: number;
    /** Worker engines for the queue pairs of patched vhost-user ports, and their CPUs (fixed at start). */
    workers?: number;
    workerCpus?: number[];
}
/** A named engine (worker thread, pinned to `cpu` if given) and the apps it runs. */
export interface EnginePlacement {
    name: string;
    cpu?: number;
    apps: string[];
}
export interface DataPlaneState {
    engine?: EngineSettings;
    ports?: Record<string, PortModel>;
    bridges?: Record<string, BridgeModel>;
    routers?: Record<string, RouterModel>;
    captures?: CaptureModel[];
    apps?: Record<string, AppSpec>;
    links?: string[];
    engines?: EnginePlacement[];
}
/** A state that cannot be derived; the message names the field (`ports.p0.spec: ...`). */
export declare class StateError extends Error {
    constructor(message: string);
}
/**
 * Configuring the engine failed (an app could not be made: a socket path in use, a missing
 * directory…) and nothing changed. `field` names the port when a port's app failed.
 */
export declare class ApplyError extends Error {
    readonly field: string | undefined;
    readonly cause: Error;
    constructor(field: string | undefined, cause: Error);
}
/**
 * OpenFlow numbers of a bridge's ports: the `ofport` each member was given, else the lowest
 * free numbers in name order (states written before ports had numbers). Pure.
 */
export declare function bridgeOfports(b: BridgeModel): Record<string, number>;

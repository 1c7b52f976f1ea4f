/**
 * The one placement of work on engines. A host has a main engine (on the main thread, with
 * the control plane) and worker engines (threads, pinned to CPUs when given). Each app of the
 * derived graph gets a home:
 *
 *  - an engine named in the state's `engines:` list (run configs: a pipeline over pinned
 *    engines; then every app must be named in exactly one engine);
 *  - otherwise the main engine, and if the host has worker engines, a cross-connect between
 *    two spreadable ports (vhost-user) is also spread: the port apps stay on the main engine
 *    (they keep the vhost-user protocol) and get the `workers` arg; each then says in
 *    `spread()` what runs on each worker (queue pair q on worker q mod N), and the worker
 *    graphs hold those apps plus the links between them (OVS-DPDK's rx queues on PMD threads).
 *
 * A link between apps on two engines becomes a shared ring: `ring-tx` on the sending engine,
 * `ring-rx` on the receiving one (core/interlink.ts). Rings are made when the engines start.
 */
import { type GraphConfig, type AppSpec } from '../core/config.js';
import { type EnginePlacement } from './state.js';
export declare const MAIN = "main";
export interface Placement {
    /** The main engine's graph (spread ports marked with `workers`). */
    main: GraphConfig;
    /** Worker engines' graphs before spreading, by engine name (apps placed there and ring ends). */
    engines: Map<string, GraphConfig>;
    /** Rings joining engines, by name. */
    rings: string[];
}
/** Place `g` on the main engine and `workers` (named ones listed in `named`). */
export declare function place(g: GraphConfig, named: readonly EnginePlacement[], workers: readonly string[]): Placement;
/**
 * Worker graphs once the main engine runs `main`: each engine's placed graph plus, for
 * worker k, what each spread app runs there (`spread()[k]`) and the links between those.
 */
export declare function workerGraphs(p: Placement, workers: readonly string[], spreadOf: (app: string) => AppSpec[] | undefined): GraphConfig[];

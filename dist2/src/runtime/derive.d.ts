/**
 * The one derivation: desired state (state.ts) → engine graph. Pure: the same state always
 * gives the same graph, so the engine's own diff (Engine.configure) touches only apps and
 * links whose derivation changed — adding a port to one bridge leaves every other bridge,
 * port and link alone. Every front end (switch flags, run YAML, daemon state) goes through it.
 *
 * App names: each port is an app named after the port; each bridge and router is an app
 * named after it; `apps` keep their names. Links, by bridge type:
 *   learning (l2-bridge):  PORT.output -> BR.PORT,  BR.PORT -> PORT.input
 *   flow (flow-table):     the same, args {ports: [...], ofports: [...], flows: [...]}
 *   patch (no app):        A.output -> B.input, B.output -> A.input (cross-connect)
 * A bridge with no member ports derives to nothing (it exists in the state only).
 *   router (l3-router):    PORT.output -> R.PORT,  R.PORT -> PORT.input
 * `links` are added as given; captures are applied last (apps/capture applyCaptures).
 * Errors are StateError naming the field.
 */
import { type GraphConfig, type AppSpec } from '../core/config.js';
import { type DataPlaneState } from './state.js';
/** The app a port spec stands for; throws StateError naming the port. */
export declare function portAppSpec(name: string, spec: string): AppSpec;
export declare function deriveGraph(s: DataPlaneState): GraphConfig;

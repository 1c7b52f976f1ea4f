/**
 * Both sides of the OVS differential (test/interop/ovs-flows.test.ts, bench/ovs-differential):
 * a Sluice flow table between injectors and captures named like the OVS bridge's ports, real
 * frames for generated packets, random rule sets, and the per-packet comparison.
 */
import { Engine } from '../../src/core/engine.js';
import '../../src/apps/flow-table/index.js';
import type { FlowTable } from '../../src/apps/flow-table/flow-table.js';
import { type Inject, type Capture } from '../../src/apps/l2-bridge/testkit.js';
import { type Ovs } from './ovs.js';
import { type GenPacket } from './flow-gen.js';
export declare const PORTS = 4;
export declare const NAMES: string[];
/** A Sluice flow table on injectors and captures named like OVS's ports. */
export declare function sluice(flows?: string[]): {
    engine: Engine;
    pool: import("../../src/index.js").PacketPool;
    ft: FlowTable;
    inj: (n: string) => Inject;
    cap: (n: string) => Capture;
};
/** A real frame for a generated packet. */
export declare function frameOf(p: GenPacket): Uint8Array;
/** Random rule set: table 0 and 1, unique priorities per table (lines Sluice refuses left out: the corpus test compares refusals). */
export declare function genRules(seed: number, n0: number, n1: number, all?: boolean): string[];
/** Compares one packet; returns a message on difference. */
export declare function compareOne(ovs: Ovs, ft: FlowTable, p: GenPacket): Promise<string | null>;

/**
 * L2 learning bridge (`l2-bridge`): one VLAN-aware Ethernet bridge; several bridges are
 * several apps.
 *
 *            p0 ─► ┌────────────┐ ─► p0        input `<port>`: frames received on that port
 *            p1 ─► │ l2-bridge  │ ─► p1        output `<port>`: frames to send out of it
 *            p2 ─► └────────────┘ ─► p2
 *
 * Args: `{ ports: { <name>: { vlan? | trunk?, native? } }, maxMacs? = 8192, agingSec? = 300 }`
 * (see ports.ts for access/trunk semantics).
 *
 * Per frame: classify the VLAN on ingress (access: the port's VLAN, tagged frames refused;
 * trunk: the tag's VID if allowed, untagged -> native or refused), learn (VLAN, source MAC)
 * -> port unless the source is a group address, then forward: known unicast to its port
 * (never back where it came from), unknown unicast / broadcast / multicast flooded to every
 * other member of the VLAN (clones for all but the last member). On egress the 802.1Q tag
 * is pushed or popped as the output port wants it (headroom push, no copy).
 *
 * Drops, each counted with a reason: malformed (shorter than an Ethernet header, truncated
 * tag), vlan_mismatch (VLAN not allowed on the ingress port), same_port (destination learned
 * on the ingress port), no_destination (flood with no other member), port_down (output port
 * has no link), no_buffer (clone failed), too_big (no headroom for a tag).
 *
 * Control path: `macTable()` dump, `flushMacs(port?)`, `report()` with per-port counters.
 */
import { App, type AppContext } from '../../core/app.js';
import { type BridgePortArgs } from './ports.js';
import { MacTable } from './mac-table.js';
export interface BridgeArgs {
    ports: Record<string, BridgePortArgs>;
    /** MAC table size limit (default 8192). */
    maxMacs?: number;
    /** Seconds an unrefreshed entry lives (default 300). */
    agingSec?: number;
}
export declare const bridgeSchema: {
    type: string;
    required: string[];
    additionalProperties: boolean;
    properties: {
        ports: {
            type: string;
            minProperties: number;
            additionalProperties: {
                type: string;
                additionalProperties: boolean;
                properties: {
                    vlan: {
                        type: string;
                        minimum: number;
                        maximum: number;
                    };
                    trunk: {
                        type: string;
                        minItems: number;
                        items: {
                            type: string;
                            minimum: number;
                            maximum: number;
                        };
                    };
                    native: {
                        type: string;
                        minimum: number;
                        maximum: number;
                    };
                };
            };
        };
        maxMacs: {
            type: string;
            minimum: number;
            maximum: number;
        };
        agingSec: {
            type: string;
            minimum: number;
            maximum: number;
        };
    };
};
/** One MAC table entry (`port` is the port name). */
export interface BridgeMacEntry {
    mac: string;
    vlan: number;
    port: string;
    ageSec: number;
}
export declare class L2Bridge extends App {
    portNames: string[];
    readonly macs: MacTable;
    private egress;
    private untaggedVlan;
    private access;
    private nports;
    private ins;
    private outs;
    /** Input links whose name is not a port: drained and dropped (port_down). */
    private strays;
    private floodTo;
    private readonly sweepPerTick;
    private now;
    /** Drops charged to each port (ingress drops to the ingress port, egress drops to the egress port). */
    portDrops: Float64Array;
    private srcW0;
    private srcLo;
    private srcSlot;
    private srcGen;
    private dstW0;
    private dstLo;
    private dstPort;
    private dstGen;
    unicast: number;
    flooded: number;
    constructor(ctx: AppContext, args: BridgeArgs);
    private setPorts;
    /**
     * Ports join, leave or change VLANs in place (set up by the constructor and here; hence `!`): what was learned on ports that stay is kept
     * (renumbered), entries of ports that left are flushed. A new table size restarts the app.
     */
    reconfig(raw: unknown): boolean;
    linked(): void;
    push(): void;
    private dropAt;
    private forward;
    private flood;
    /** Sends p out of `port`, adding or removing the tag as the port's `mode` for the VLAN says. */
    private send;
    tick(nowMs: number): void;
    /** Control path: the MAC table with port names and ages. */
    macTable(): BridgeMacEntry[];
    /** Control path: forget the MACs learned on `port` (all when omitted); returns how many. */
    flushMacs(port?: string): number;
    stop(): void;
    report(): Record<string, unknown>;
}

/**
 * OpenFlow-style flow table (`flow-table`): rules in `ovs-ofctl add-flow` syntax, several
 * tables joined by goto_table/resubmit, an exact-match cache (EMC) in front of the classifier,
 * OVS's `normal` action (MAC learning) inside the app.
 *
 *          p0 ─► ┌────────────┐ ─► p0          input `<port>`: frames received on that port
 *          p1 ─► │ flow-table │ ─► p1          output `<port>`: frames to send out of it
 *                └────────────┘
 *
 * Args: `{ ports: string[], ofports?: number[], flows?: string[], emcSize? = 16384,
 *          maxFlows? = 65536, maxMacs? = 8192, agingSec? = 300 }`. `ofports` are the
 * OpenFlow numbers of the ports (default 1, 2, ... in list order); rules name ports by name
 * or number.
 *
 * Per frame: parsePacket (truncated/inconsistent headers -> dropped as malformed, counted
 * per parse error), build the key (flow-key.ts), probe the EMC; on a miss run the classifier
 * through the tables and compile the path (path.ts) into the EMC slot; then count the frame
 * on every rule of the path and run the path's program. Any rule or port change bumps the
 * classifier version and the cache is cleared before the next frame.
 *
 * Flows are held as canonical lines (`lines`); `reconfig` moves to a new list of lines
 * keeping every rule whose table, priority and match stay (counters and duration kept,
 * actions changed in place as mod-flows does). flow-mod.ts computes the next list for
 * add-flow/mod-flows/del-flows. idle_timeout/hard_timeout expire rules in tick(); expired
 * lines stay out until they leave the args (the daemon prunes them, see `expiredLines`).
 */
import { App, type AppContext } from '../../core/app.js';
import { MacTable } from '../l2-bridge/mac-table.js';
import { type PortMap } from './flow-parser.js';
import { Classifier } from './classifier.js';
import { type FlowModRequest, type FlowModResult } from './flow-mod.js';
/**
 * One rule as `flow dump -j` shows it: match and actions in ovs-ofctl syntax (ports by number,
 * or by name when asked), counters as integers; timeouts only when set.
 */
export interface FlowEntry {
    table: number;
    priority: number;
    cookie: number;
    match: string;
    actions: string;
    packets: number;
    bytes: number;
    durationMs: number;
    idleTimeout?: number;
    hardTimeout?: number;
}
/** An entry as an `ovs-ofctl dump-flows` line (one that pastes back into add-flow). */
export declare function flowLine(e: FlowEntry): string;
export interface FlowTableArgs {
    ports: string[];
    ofports?: number[];
    flows?: string[];
    /** Exact-match cache entries (default 16384). */
    emcSize?: number;
    /** Rule limit over all tables (default 65536). */
    maxFlows?: number;
    /** MAC table of the `normal` action. */
    maxMacs?: number;
    agingSec?: number;
}
export declare const flowTableSchema: {
    type: string;
    required: string[];
    additionalProperties: boolean;
    properties: {
        ports: {
            type: string;
            minItems: number;
            maxItems: number;
            items: {
                type: string;
                pattern: string;
            };
        };
        ofports: {
            type: string;
            maxItems: number;
            items: {
                type: string;
                minimum: number;
                maximum: number;
            };
        };
        flows: {
            type: string;
            items: {
                type: string;
            };
        };
        emcSize: {
            type: string;
            minimum: number;
            maximum: number;
        };
        maxFlows: {
            type: string;
            minimum: number;
            maximum: number;
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
/** The result of `trace`: lookups per table, what happens to the packet, where it leaves. */
export interface FlowTrace {
    flow: string;
    tables: {
        table: number;
        depth: number;
        rule: string | null;
    }[];
    /** OVS-style datapath actions: `set(...)`, `push_vlan(...)`, `pop_vlan`, port numbers, or `drop`. */
    actions: string;
    outputs: {
        port: number;
        name: string;
    }[];
}
export declare class FlowTable extends App {
    pm: PortMap;
    readonly classifier: Classifier;
    private readonly compiler;
    private readonly emc;
    private readonly emcProg;
    private readonly emcProgLen;
    private readonly emcRules;
    private readonly emcNRules;
    private readonly emcSize;
    private readonly maxFlows;
    private emcVersion;
    private evictFrom;
    private readonly ph;
    private readonly key;
    /** MAC learning of the `normal` action. */
    readonly macs: MacTable;
    /** Inputs with the OpenFlow number of their port. */
    private ins;
    private inPorts;
    /** Output link by OpenFlow number. */
    private outs;
    /** Current flows as canonical lines, in the order they were added. */
    lines: string[];
    private readonly byLine;
    /** Lines removed by a timeout while still in the args. */
    readonly expired: Set<string>;
    private timed;
    private now;
    private lastExpiry;
    readonly parseErrors: Float64Array<ArrayBuffer>;
    emcHits: number;
    emcMisses: number;
    tableMisses: number;
    removedIdle: number;
    removedHard: number;
    constructor(ctx: AppContext, args: FlowTableArgs);
    /** Moves to new ports and flows without losing counters of rules that stay. */
    reconfig(raw: unknown): boolean;
    /**
     * Makes the rules those of `flows` (any order; a rule is known by table, priority and
     * match): rules that stay keep counters and duration, changed actions apply in place.
     * All lines parse before anything changes. Control path; throws FlowSyntaxError naming
     * the line index and token.
     */
    setLines(flows: readonly string[]): void;
    /** Applies an ovs-ofctl flow mod (add-flow, mod-flows, del-flows) as the daemon does. */
    flowMod(req: FlowModRequest): FlowModResult;
    addFlow(text: string): void;
    modFlows(text: string, strict?: boolean): number;
    delFlows(match?: string, strict?: boolean): number;
    /** Lines of expired rules that are still in the args (the daemon removes them from its state). */
    expiredLines(): string[];
    linked(): void;
    tick(nowMs: number): void;
    /** Removes rules whose idle or hard timeout passed (counted by reason). Control path. */
    private expire;
    push(): void;
    private process;
    /** Frees one cache entry (round robin) and adds the current key. */
    private evictAndAdd;
    /** Runs a compiled path program on p. */
    private run;
    private send;
    /**
     * OVS's `normal`: learn (VLAN, source MAC) on the in_port, send to the port the
     * destination was learned on (never back to the in_port), flood otherwise. Frames keep
     * their tags (ports of a flow bridge are trunks of every VLAN, as OVS ports without tag=).
     * `last`: p itself may be sent (else only clones).
     */
    private normal;
    private sendCopy;
    /**
     * The verdict for a packet described in ofproto/trace syntax, without sending anything:
     * no counter, cache or MAC table changes. Control path; throws FlowSyntaxError.
     */
    trace(flow: string): FlowTrace;
    /** Where `normal` would send a frame of key from inPort (MAC table read, not changed). */
    private normalPorts;
    private entry;
    /**
     * The rules with their counters (table ascending, priority descending), optionally filtered
     * by an ovs-ofctl match (non-strict, as dump-flows does); ports by name with `names`.
     * Control path; throws FlowSyntaxError for a bad filter.
     */
    flowEntries(filter?: string, names?: boolean): FlowEntry[];
    /** ovs-ofctl dump-flows lines of flowEntries(). Control path. */
    dumpFlows(filter?: string, names?: boolean): string[];
    /** The canonical line of every rule (as the daemon stores them). */
    canonicalLines(): string[];
    /** The MAC table of the `normal` action, as `fdb show` prints it. */
    macTable(): {
        port: number;
        name: string;
        vlan: number;
        mac: string;
        age: number;
    }[];
    report(): Record<string, unknown>;
}

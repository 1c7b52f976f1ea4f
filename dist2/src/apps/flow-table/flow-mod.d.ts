/**
 * The `ovs-ofctl` flow-mod semantics on a list of flow lines (pure; control path): what
 * add-flow, mod-flows and del-flows (strict or not) do to a bridge's flows, and which flows a
 * dump-flows filter selects. The daemon keeps a bridge's flows as such lines in its state and
 * the flow-table app moves to the result (counters of the rules that stay are kept).
 *
 *   add     same table, priority and match as an existing flow: that flow is replaced
 *   mod     non-strict: every flow the match covers (OVS: the flow is at least as specific
 *           as the match and agrees on it), in every table unless table= is given; strict:
 *           the flow with exactly that match and priority. Actions change, counters,
 *           duration and timeouts stay; a mod that selects nothing adds the flow (OpenFlow
 *           1.0, as ovs-ofctl does) unless a cookie mask was given.
 *   del     the same selection, removed; an empty match deletes everything
 *   select  the selection alone (dump-flows filter)
 * Filters also take cookie=V/MASK and out_port=P, as ovs-ofctl does.
 */
import { type ParsedFilter, type ParsedFlow, type PortMap } from './flow-parser.js';
import type { Rule } from './classifier.js';
export interface FlowModRequest {
    op: 'add' | 'mod' | 'del' | 'select';
    flow: string;
    strict?: boolean;
}
export interface FlowModResult {
    lines: string[];
    /** Flows added, changed or deleted (selected, for `select`). */
    count: number;
    /** add-flow: the line it replaced. */
    replaced?: string;
    /** Identities of the selected flows. */
    selected: Set<string>;
}
type Flowish = Pick<ParsedFlow, 'table' | 'priority'> & ({
    match: {
        mask: Uint32Array;
        value: Uint32Array;
    };
} | {
    mask: Uint32Array;
    value: Uint32Array;
});
/** A flow's identity for OpenFlow: table, priority and match. */
export declare function identity(f: Flowish): string;
/** The canonical line of a flow (what the daemon stores): ports by number. */
export declare function stateLine(f: ParsedFlow | Rule): string;
/** Applies one flow mod to `lines`. Throws FlowSyntaxError naming the token of a bad request. */
export declare function flowMod(lines: readonly string[], pm: PortMap, req: FlowModRequest): FlowModResult;
export type { ParsedFilter };

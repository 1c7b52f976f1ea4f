import { type FlowAction, type ParsedFlow } from './flow-parser.js';
export interface Rule {
    id: number;
    table: number;
    priority: number;
    cookie: number;
    idleTimeout: number;
    hardTimeout: number;
    mask: Uint32Array;
    value: Uint32Array;
    matchText: string;
    actions: FlowAction[];
    actionsText: string;
    /** Actions as [op, a, b] triples (data path form). */
    acts: Int32Array;
    /** Time the rule was added (ms, performance.now()). */
    added: number;
}
export declare function actionsToInts(actions: FlowAction[]): Int32Array;
export declare class Classifier {
    readonly maxRules: number;
    readonly priority: Int32Array;
    readonly nPackets: Float64Array;
    readonly nBytes: Float64Array;
    /** Time of the last packet (ms, the app's clock), for idle_timeout. */
    readonly used: Float64Array;
    readonly rules: (Rule | undefined)[];
    private readonly tables;
    private readonly freeIds;
    private readonly masked;
    /** Bumped on every change (the app's cache is valid while it holds). */
    version: number;
    constructor(maxRules: number);
    get size(): number;
    /** The rule with the same table, priority and match as `f`, if any. */
    find(f: ParsedFlow): Rule | undefined;
    /** Changes a rule's actions (and cookie) in place; counters and duration stay (mod-flows). */
    modify(r: Rule, f: ParsedFlow, cookie: boolean): void;
    /** Adds a rule, replacing one with the same table, priority and match; returns it. Throws FlowSyntaxError when full. */
    add(f: ParsedFlow, now?: number): Rule;
    /** Removes a rule. */
    remove(rule: Rule): void;
    /** Rules of a table (all tables when table < 0), table ascending then priority descending, older first. */
    list(table?: number): Rule[];
    /** Highest-priority rule of `table` matching key[off..], or -1. Data path. */
    lookup(table: number, key: Uint32Array, off: number): number;
    private publish;
    private resort;
}
/** True when some key matches both (mask, value) pairs. */
export declare function overlaps(m1: Uint32Array, v1: Uint32Array, m2: Uint32Array, v2: Uint32Array): boolean;
/** True when every key matching (rm, rv) also matches the filter (fm, fv): del-flows' non-strict test. */
export declare function covers(fm: Uint32Array, fv: Uint32Array, rm: Uint32Array, rv: Uint32Array): boolean;

/**
 * Path compiler: turns "the rules a key hits, table after table" into one flat program of
 * [op, a, b] triples that the data path runs without looking at rules again. This is what
 * the exact-match cache stores per key, so a cache hit costs one hash probe plus the program.
 *
 * Compilation follows OVS's translation (ofproto-dpif-xlate): from table 0, each matched
 * rule's actions run in order against a copy of the key, so later lookups see the rewritten
 * packet. `resubmit` looks a table up at once (with in_port replaced when it names a port)
 * and comes back to the remaining actions; `goto_table` continues in a later table after the
 * rule's actions. Outputs to the packet's in_port are skipped (OpenFlow) unless written as
 * `in_port`; `flood`/`all` become one output per port but the in_port; outputs to ports the
 * bridge does not have are skipped; VLAN actions become push/set/pop by the key's tag state;
 * IP and L4 rewrites apply only to packets of that kind, L4 ones not to later fragments;
 * `dec_ttl` on TTL <= 1 ends the path (OVS hands such packets to a controller; Sluice has
 * none and drops them, counted). `normal` becomes a NORMAL op resolved per packet by the MAC
 * table. The last output becomes OUT_LAST (sends the original; earlier outputs send clones).
 * A table miss ends that lookup (OpenFlow 1.3 default: drop).
 */
import type { Classifier } from './classifier.js';
export declare const Op: {
    /** Drop: no output (explicit drop, table miss, or outputs only to the ingress port). */
    readonly DROP: 0;
    readonly OUT: 1;
    readonly OUT_LAST: 2;
    readonly PUSH_VID: 3;
    readonly SET_VID: 4;
    readonly POP_VLAN: 5;
    readonly SET_DL_SRC: 6;
    readonly SET_DL_DST: 7;
    readonly SET_NW_SRC: 8;
    readonly SET_NW_DST: 9;
    readonly SET_TTL: 10;
    readonly DEC_TTL: 11;
    readonly SET_TP_SRC: 12;
    readonly SET_TP_DST: 13;
    readonly SET_PCP: 14;
    readonly NORMAL: 15;
    readonly NORMAL_LAST: 16;
    /** End: dec_ttl found TTL <= 1; the original is dropped (earlier outputs were clones). */
    readonly TTL_EXPIRED: 17;
};
/** Rules counted per path (and stored per cache entry). */
export declare const MAX_DEPTH = 16;
/** Deepest resubmit/goto nesting followed (OVS: 64). */
export declare const MAX_RESUBMIT = 64;
/** What a trace records per lookup: table, rule id (or -1 for a miss), nesting depth. */
export interface TraceStep {
    table: number;
    rule: number;
    depth: number;
}
export declare class PathCompiler {
    private readonly cls;
    readonly max: number;
    private readonly key;
    /** Scratch program (worst case grows with ports; checked against `max`). */
    readonly prog: Int32Array;
    readonly rules: Int32Array<ArrayBuffer>;
    nRules: number;
    /** 1 when a lookup ended in a table miss. */
    missed: number;
    /** OpenFlow numbers of the bridge's ports, ascending. */
    private ports;
    private portSet;
    private n;
    private lastOut;
    /** 1: over max length or depth; 2: TTL expired. */
    private stop;
    /** Set while tracing: every lookup is appended. */
    steps: TraceStep[] | null;
    constructor(cls: Classifier, max: number);
    /** Sets the bridge's ports (OpenFlow numbers). Control path. */
    setPorts(ofports: readonly number[]): void;
    /** The key after the last compile (the rewritten packet). */
    get finalKey(): Uint32Array;
    /**
     * Compiles the path of key[off..] into `this.prog`; returns the program length in words,
     * or -1 when it does not fit `max` or nests too deep (the caller drops, counted).
     */
    compile(src: Uint32Array, off: number): number;
    private has;
    private out;
    private op;
    private table;
}

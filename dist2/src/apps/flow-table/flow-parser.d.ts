/** A rule or match text that does not parse; `token` is the offending token. */
export declare class FlowSyntaxError extends Error {
    readonly token: string;
    constructor(token: string, message: string);
}
export declare const Act: {
    readonly OUTPUT: 1;
    readonly FLOOD: 2;
    readonly NORMAL: 3;
    readonly IN_PORT: 4;
    readonly DROP: 5;
    readonly SET_VID: 6;
    readonly STRIP_VLAN: 7;
    readonly SET_DL_SRC: 8;
    readonly SET_DL_DST: 9;
    readonly SET_NW_SRC: 10;
    readonly SET_NW_DST: 11;
    readonly SET_TTL: 12;
    readonly DEC_TTL: 13;
    readonly GOTO: 14;
    readonly ALL: 15;
    readonly SET_PCP: 16;
    readonly SET_TP_SRC: 17;
    readonly SET_TP_DST: 18;
    readonly RESUBMIT: 19;
};
/** One action: `op` from Act; `a`/`b` its operands (port, VID, MAC hi/lo, IPv4, TTL, table); `text` as dump-flows shows it. */
export interface FlowAction {
    op: number;
    a: number;
    b: number;
    text: string;
}
export interface FlowMatch {
    mask: Uint32Array;
    value: Uint32Array;
    /** Canonical text of the match fields (without table/priority), ports as numbers. */
    text: string;
}
export interface ParsedFlow {
    table: number;
    priority: number;
    cookie: number;
    idleTimeout: number;
    hardTimeout: number;
    match: FlowMatch;
    actions: FlowAction[];
    actionsText: string;
}
/** A bridge's ports: names and their OpenFlow numbers (same order). */
export interface PortMap {
    names: readonly string[];
    ofports: readonly number[];
}
export declare const DEFAULT_PRIORITY = 32768;
export declare const MAX_TABLES = 255;
/** OpenFlow's OFPP_LOCAL: accepted in rules, never a Sluice port. */
export declare const OFPP_LOCAL = 65534;
/** Highest OpenFlow number of a physical port (OFPP_MAX). */
export declare const OFPP_MAX = 65280;
/** The port map of a plain name list: numbers 1, 2, ... in list order. */
export declare function portMap(ports: readonly string[] | PortMap): PortMap;
/** Resolves a port token (name, OpenFlow number, LOCAL) to its OpenFlow number. */
export declare function resolvePort(tok: string, text: string, pm: PortMap): number;
/** A port number as text: its name when `names` and known, else the number (LOCAL by name). */
export declare function portText(p: number, pm: PortMap | undefined): string;
/** The text of actions for dump-flows; port numbers replaced by names when `pm` is given. */
export declare function actionsText(actions: readonly FlowAction[], pm?: PortMap): string;
/** The match as OVS's dump-flows writes it (ports by name when `pm` is given). */
export declare function formatMatch(mask: Uint32Array, value: Uint32Array, pm?: PortMap): string;
/** Parses one add-flow line. Throws FlowSyntaxError naming the token. */
export declare function parseFlow(line: string, ports: readonly string[] | PortMap): ParsedFlow;
export interface ParsedFilter {
    table: number;
    tableSet: boolean;
    priority: number;
    prioritySet: boolean;
    cookie: number;
    cookieMask: number;
    outPort: number;
    match: FlowMatch;
}
/**
 * Parses a match for mod-flows/del-flows/dump-flows: fields plus optional table=, priority=,
 * cookie=V/MASK and out_port=. Throws FlowSyntaxError naming the token.
 */
export declare function parseMatch(text: string, ports: readonly string[] | PortMap): ParsedFilter;
/** Parses the flow of `ofproto/trace` (exact field values; unnamed fields are zero) into a key. */
export declare function parseTraceFlow(text: string, ports: readonly string[] | PortMap): Uint32Array;

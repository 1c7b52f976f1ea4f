export declare function haveOvs(): string | null;
export declare class Ovs {
    readonly ports: number;
    readonly dir: string;
    private sock;
    private buf;
    private waiting;
    private id;
    readonly env: NodeJS.ProcessEnv;
    constructor(ports: number);
    /** ovs-ofctl on the bridge; returns stdout. Throws with OVS's message on failure. */
    ofctl(...args: string[]): string;
    /** Loads flows (add-flows from a file: one process). */
    addFlows(lines: string[]): void;
    /** dump-flows lines without the reply header. */
    dumpFlows(): string[];
    private connect;
    /** unixctl command over JSON-RPC; resolves to its text result. */
    appctl(method: string, params: string[]): Promise<string>;
    /** OVS's datapath actions for a packet described in ofproto/trace syntax. */
    trace(flow: string): Promise<string>;
    stop(): void;
}
/**
 * Does OVS take the line? `ovs-ofctl parse-flow LINE` must accept it without silently changing
 * the match, and, given a running `ovs`, its switch must take it too (the parser lets some
 * lines through that the switch refuses, e.g. tp_dst with nw_frag=later: OFPBMC_BAD_PREREQ).
 */
export declare function ovsAccepts(line: string, ovs?: Ovs): {
    ok: boolean;
    why: string;
};
/** Packet headers as datapath actions leave them: what each output port receives. */
export interface Headers {
    vlan: string;
    ethSrc: string;
    ethDst: string;
    nwSrc: string;
    nwDst: string;
    ttl: string;
    tpSrc: string;
    tpDst: string;
}
/**
 * Applies datapath actions (OVS's syntax, which Sluice's trace also prints) to `start`;
 * returns what each output receives, in order. Port `skip` (OVS's LOCAL) is left out.
 */
export declare function simulate(actions: string, start: Headers, skip?: number): {
    port: number;
    h: Headers;
}[];

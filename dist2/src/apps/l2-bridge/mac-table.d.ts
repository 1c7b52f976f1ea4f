/** One MAC table entry as reported by `dump()`. */
export interface MacEntry {
    mac: string;
    vlan: number;
    port: number;
    ageSec: number;
}
export declare class MacTable {
    readonly capacity: number;
    readonly agingMs: number;
    private readonly table;
    private readonly seen;
    private readonly key;
    private cursor;
    learned: number;
    moved: number;
    aged: number;
    full: number;
    /** Entries evicted to learn a new one when the table was full. */
    evicted: number;
    /** Bumped on every add, move and removal (validates callers' caches). */
    gen: number;
    constructor(capacity: number, agingSec: number);
    get size(): number;
    /** Learns or refreshes (vlan, mac) on `port`; returns its slot or -1 when full. */
    learn(vlan: number, hi: number, lo: number, port: number, nowMs: number): number;
    /** The used slot at or after the sweep cursor, which advances past it; -1 when empty. */
    private victim;
    /** Marks the entry in `slot` as seen now (the caller got the slot from learn() under the current gen). */
    touch(slot: number, nowMs: number): void;
    /** Port of (vlan, mac), or -1. */
    lookup(vlan: number, hi: number, lo: number): number;
    /** Ages out entries older than agingMs among the next `maxSlots` slots; returns how many were removed. */
    sweep(nowMs: number, maxSlots: number): number;
    /** Removes entries on `port` (all when port < 0); returns how many. Control path. */
    flush(port?: number): number;
    /** Renumbers ports: an entry on port i moves to map[i], or goes when that is -1. Control path. */
    remap(map: Int32Array): void;
    /** Every entry. Control path; allocates. */
    dump(nowMs: number): {
        mac: string;
        vlan: number;
        port: number;
        ageSec: number;
    }[];
}

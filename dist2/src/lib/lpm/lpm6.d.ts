/** Largest next-hop id that fits the entry format. */
export declare const LPM6_MAX_NEXT_HOP = 16777215;
/** Upper bound for `maxGroups`. */
export declare const LPM6_MAX_GROUPS: number;
/** Options for `new Lpm6()`. */
export interface Lpm6Options {
    /** Number of 8-bit groups (256 entries, 1.25 KiB each with depths). A /48 needs up to 4, a /128 up to 14. Default 4096. */
    maxGroups?: number;
}
/** One rule as reported by `Lpm6.dump()`. */
export interface Lpm6Rule {
    /** RFC 5952 text form of the network address. */
    prefix: string;
    /** The 16 address bytes (a copy). */
    bytes: Uint8Array;
    depth: number;
    nextHop: number;
}
/** Formats 16 bytes as RFC 5952 IPv6 text (longest run of >= 2 zero groups becomes ::). Control path. */
export declare function ipv6ToString(b: Uint8Array, off?: number): string;
/** IPv6 multibit-trie longest-prefix-match table. */
export declare class Lpm6 {
    /** Number of 8-bit groups this table was created with. */
    readonly maxGroups: number;
    private readonly tbl;
    private readonly dep;
    private readonly freeGroups;
    private freeTop;
    private defaultHop;
    /** rules[depth]: hex of the masked 16-byte prefix -> next hop. */
    private readonly rules;
    private ruleCount;
    /** Masked copy of the prefix being added/deleted. */
    private readonly scratch;
    private readonly scratch2;
    /** Entry index of the path at each stage during delete. */
    private readonly path;
    constructor(options?: Lpm6Options);
    /** Number of rules, including a default route. */
    get size(): number;
    /** Number of 8-bit groups in use. */
    get groupsUsed(): number;
    /**
     * Adds (or replaces) the rule prefix/depth -> nextHop. `prefix` is 16 bytes. Control path.
     * @throws LpmError on a bad argument or when too few groups are free (table unchanged).
     */
    add(prefix: Uint8Array, depth: number, nextHop: number): void;
    /** Removes the rule prefix/depth; returns false if it did not exist. Control path. */
    delete(prefix: Uint8Array, depth: number): boolean;
    /** Next hop for the 16-byte address at buf[off], or -1. Data path. */
    lookup(buf: Uint8Array, off: number): number;
    /**
     * out[i] = lookup(buf, offs[i]) for i in [0, n). Data path.
     * NB: walking the burst one stage at a time (so each stage's loads are independent) was
     * measured slower than this plain loop (34-45 ns vs 28-31 ns per lookup, 10k routes).
     */
    lookupBulk(buf: Uint8Array, offs: Uint32Array, n: number, out: Int32Array): void;
    /** All rules sorted by depth then address. Control path; allocates. */
    dump(): Lpm6Rule[];
    /** Writes rule p/depth (depth >= 1): creates the missing groups on its path, then fills its range. */
    private install;
    /** Sets entry i, or every leaf under it, to `leaf` where no longer rule owns it. */
    private fillUnowned;
    /** Sets entry i, or every leaf under it, owned by a rule of `depth` to the covering rule. */
    private replaceOwned;
}

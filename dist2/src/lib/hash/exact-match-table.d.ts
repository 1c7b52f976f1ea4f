/** Largest supported capacity. */
export declare const EXACT_MATCH_MAX_CAPACITY: number;
/** Largest key width in u32 words. */
export declare const EXACT_MATCH_MAX_KEY_WORDS = 16;
/** Options for `new ExactMatchTable()`. */
export interface ExactMatchOptions {
    /** Key width in u32 words, 1..16. */
    keyWords: number;
    /** Maximum number of entries, 1..2^24. */
    capacity: number;
    /** Hash seed; default random (keys from the network must not be predictable). */
    seed?: number;
}
/** One entry as reported by `dump()`. */
export interface ExactMatchEntry {
    slot: number;
    key: number[];
    value: number;
}
/** Fixed-capacity Robin Hood hash table over typed arrays. */
export declare class ExactMatchTable {
    /** Key width in u32 words. */
    readonly keyWords: number;
    /** Maximum number of entries; slots are in [0, capacity). */
    readonly capacity: number;
    /** Number of index positions (power of two >= 1.25 * capacity). */
    readonly indexSize: number;
    /** Seed given to hashWords. */
    readonly seed: number;
    private readonly stride;
    private readonly mask;
    private readonly index;
    private readonly entries;
    private readonly used;
    private readonly freeIds;
    private freeTop;
    private count;
    /** lookupBulk scratch: hashes of the current chunk. */
    private readonly bulkHash;
    /** lookupBulk: sink for the cache-warming loads. */
    private sink;
    constructor(options: ExactMatchOptions);
    /** Number of entries. */
    get size(): number;
    /** Hash of key[off .. off+keyWords) as used by this table. */
    hash(key: Uint32Array, off: number): number;
    /**
     * Inserts key -> value, or updates the value if the key is present. Returns the entry's
     * slot, or -1 if the key is new and the table is full.
     */
    add(key: Uint32Array, keyOff: number, value: number): number;
    /** Value stored for key, or -1. */
    lookup(key: Uint32Array, keyOff: number): number;
    /** Slot of key, or -1. */
    lookupSlot(key: Uint32Array, keyOff: number): number;
    /**
     * For i in [0, n): outSlots[i] = slot of the key at keys[keyOff + i*keyWords], or -1.
     * Returns the number of hits. Values are then `valueAt(slot)`.
     * Passes per chunk of BULK_CHUNK keys, standing in for DPDK's prefetches: hash every key;
     * load each home index position; walk each run to its candidate (first matching hash); load
     * each candidate entry; compare keys. The loads within a pass are independent, so their
     * cache misses overlap (1M 16-byte keys, random order: 170 -> 65-80 ns per key against the
     * previous hash+load-together loop; see bench/lookup.bench.ts).
     */
    lookupBulk(keys: Uint32Array, keyOff: number, n: number, outSlots: Int32Array): number;
    /** Removes key; returns whether it was present. */
    delete(key: Uint32Array, keyOff: number): boolean;
    /** Removes the entry in `slot`; returns false if the slot is out of range or free. */
    deleteSlot(slot: number): boolean;
    /** Value in a used slot (undefined content for a free one). */
    valueAt(slot: number): number;
    /** Replaces the value of a used slot. */
    setValueAt(slot: number, value: number): void;
    /** Word w of the key in a used slot. */
    keyWordAt(slot: number, w: number): number;
    /** Copies the key of a used slot to dst[dstOff .. dstOff+keyWords). */
    copyKey(slot: number, dst: Uint32Array, dstOff: number): void;
    /** Whether slot holds an entry. */
    isUsed(slot: number): boolean;
    /** First used slot >= from, or -1 (for iteration and incremental aging sweeps). */
    nextSlot(from: number): number;
    /** Removes every entry. Control path (touches the whole index). */
    clear(): void;
    /** All entries in slot order. Control path; allocates. */
    dump(): ExactMatchEntry[];
    /**
     * Checks the index invariants (each entry reachable from home without gaps, Robin Hood
     * order, counts); returns '' or a description of the first problem. Control path, O(n).
     */
    verify(): string;
    /** Index position holding key (hash h), or -1. */
    /** First index position on h's run whose stored hash is h, or -1 (then h's key is absent). */
    private candidate;
    /** Whether the entry in slot holds the key at key[keyOff..). */
    private keyAt;
    private findPos;
    /** Frees the entry at index position pos and shifts the rest of its run back. */
    private removeAt;
}

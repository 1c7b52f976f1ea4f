/**
 * ExactMatchTable: a fixed-capacity hash table from fixed-width keys (1..16 u32 words) to u32
 * values, on typed arrays only — the MAC table of the bridge and the exact-match cache of
 * the flow table.
 *
 * Layout (two arrays, so a lookup usually touches two cache lines):
 *   index    Int32Array of 2 words per index slot: [hash, entryId + 1] (0 = empty). Open
 *            addressing with linear probing in Robin Hood order (an entry never sits
 *            further from its home slot than the one it displaced), so a miss stops as soon
 *            as it meets an entry closer to home than the probe; deletion shifts the rest
 *            of the run back one slot instead of leaving tombstones. The index has at least
 *            1.25x `capacity` slots (a power of two), so it is at most 80% full.
 *   entries  Uint32Array of `keyWords + 1` words per entry: the key, then the value. Entry
 *            ids ("slots" in the API) come from a free list and never move while the entry
 *            lives, unlike the index positions.
 *
 * Slots are stable: `add` returns the slot, it stays the same until the key is deleted, and
 * is in [0, capacity). Callers keep per-entry state in their own parallel typed arrays
 * indexed by slot, e.g. the bridge's aging:
 *     const seen = new Uint32Array(table.capacity);          // last-seen tick per slot
 *     const s = table.add(key, 0, port); if (s >= 0) seen[s] = now;   // learn / refresh
 *     for (let s = table.nextSlot(0); s >= 0; s = table.nextSlot(s + 1))   // sweep
 *       if (now - seen[s] > maxAge) table.deleteSlot(s);
 * (deleting the current slot during that sweep is safe: other slots do not move).
 *
 * Contract:
 *   add(key, off, value): slot      inserts or updates; -1 when full (size === capacity)
 *   lookup(key, off): value | -1     lookupSlot(key, off): slot | -1
 *   lookupBulk(keys, off, n, slots)  slots[i] = lookupSlot(keys, off + i*keyWords); returns hits
 *   delete(key, off), deleteSlot(s)  return whether something was removed
 *   valueAt/setValueAt/keyWordAt/copyKey/isUsed/nextSlot   per-slot access
 * All of these are data-path safe (no allocation, no throw); keys are read from
 * key[off .. off+keyWords), which the caller keeps in bounds. Values are stored as u32
 * (`value >>> 0`). The constructor and `dump()` are control path.
 */
import { hashWords } from './hash-words.js';
/** Largest supported capacity. */
export const EXACT_MATCH_MAX_CAPACITY = 1 << 24;
/** lookupBulk processes keys in chunks of this many. */
const BULK_CHUNK = 32;
/** Largest key width in u32 words. */
export const EXACT_MATCH_MAX_KEY_WORDS = 16;
/** Fixed-capacity Robin Hood hash table over typed arrays. */
export class ExactMatchTable {
    /** Key width in u32 words. */
    keyWords;
    /** Maximum number of entries; slots are in [0, capacity). */
    capacity;
    /** Number of index positions (power of two >= 1.25 * capacity). */
    indexSize;
    /** Seed given to hashWords. */
    seed;
    stride;
    mask;
    index;
    entries;
    used;
    freeIds;
    freeTop;
    count;
    /** lookupBulk scratch: hashes of the current chunk. */
    bulkHash;
    /** lookupBulk: sink for the cache-warming loads. */
    sink;
    constructor(options) {
        const { keyWords, capacity } = options;
        if (!Number.isInteger(keyWords) || keyWords < 1 || keyWords > EXACT_MATCH_MAX_KEY_WORDS) {
            throw new RangeError(`ExactMatchTable: keyWords must be an integer 1..${EXACT_MATCH_MAX_KEY_WORDS}, got ${String(keyWords)}`);
        }
        if (!Number.isInteger(capacity) || capacity < 1 || capacity > EXACT_MATCH_MAX_CAPACITY) {
            throw new RangeError(`ExactMatchTable: capacity must be an integer 1..${EXACT_MATCH_MAX_CAPACITY}, got ${String(capacity)}`);
        }
        let seed = options.seed;
        if (seed === undefined) {
            seed = globalThis.crypto.getRandomValues(new Uint32Array(1))[0] | 0;
        }
        else if (!Number.isInteger(seed)) {
            throw new RangeError(`ExactMatchTable: seed must be an integer, got ${String(seed)}`);
        }
        this.keyWords = keyWords;
        this.capacity = capacity;
        let size = 8;
        while (size < capacity + (capacity >>> 2))
            size *= 2;
        this.indexSize = size;
        this.seed = seed | 0;
        this.stride = keyWords + 1;
        this.mask = size - 1;
        this.index = new Int32Array(2 * size);
        this.entries = new Uint32Array(capacity * (keyWords + 1));
        this.used = new Uint8Array(capacity);
        this.freeIds = new Int32Array(capacity);
        for (let i = 0; i < capacity; i++)
            this.freeIds[i] = capacity - 1 - i;
        this.freeTop = capacity;
        this.count = 0;
        this.bulkHash = new Int32Array(BULK_CHUNK);
        this.sink = 0;
    }
    /** Number of entries. */
    get size() {
        return this.count;
    }
    /** Hash of key[off .. off+keyWords) as used by this table. */
    hash(key, off) {
        return hashWords(key, off, this.keyWords, this.seed);
    }
    /**
     * Inserts key -> value, or updates the value if the key is present. Returns the entry's
     * slot, or -1 if the key is new and the table is full.
     */
    add(key, keyOff, value) {
        const h = hashWords(key, keyOff, this.keyWords, this.seed);
        const pos = this.findPos(h, key, keyOff);
        const stride = this.stride;
        const kw = this.keyWords;
        if (pos >= 0) {
            const slot = this.index[2 * pos + 1] - 1;
            this.entries[slot * stride + kw] = value >>> 0;
            return slot;
        }
        if (this.freeTop === 0)
            return -1;
        const slot = this.freeIds[--this.freeTop];
        const entries = this.entries;
        const base = slot * stride;
        for (let w = 0; w < kw; w++)
            entries[base + w] = key[keyOff + w];
        entries[base + kw] = value >>> 0;
        this.used[slot] = 1;
        this.count++;
        // Robin Hood insert: walk from home, swapping with any entry closer to its own home.
        const index = this.index;
        const mask = this.mask;
        let curH = h;
        let curId = slot + 1;
        let i = h & mask;
        let dist = 0;
        for (;;) {
            const id1 = index[2 * i + 1];
            if (id1 === 0) {
                index[2 * i] = curH;
                index[2 * i + 1] = curId;
                return slot;
            }
            const hi = index[2 * i];
            const d = (i - (hi & mask)) & mask;
            if (d < dist) {
                index[2 * i] = curH;
                index[2 * i + 1] = curId;
                curH = hi;
                curId = id1;
                dist = d;
            }
            i = (i + 1) & mask;
            dist++;
        }
    }
    /** Value stored for key, or -1. */
    lookup(key, keyOff) {
        const pos = this.findPos(hashWords(key, keyOff, this.keyWords, this.seed), key, keyOff);
        if (pos < 0)
            return -1;
        return this.entries[(this.index[2 * pos + 1] - 1) * this.stride + this.keyWords];
    }
    /** Slot of key, or -1. */
    lookupSlot(key, keyOff) {
        const pos = this.findPos(hashWords(key, keyOff, this.keyWords, this.seed), key, keyOff);
        return pos < 0 ? -1 : this.index[2 * pos + 1] - 1;
    }
    /**
     * For i in [0, n): outSlots[i] = slot of the key at keys[keyOff + i*keyWords], or -1.
     * Returns the number of hits. Values are then `valueAt(slot)`.
     * Passes per chunk of BULK_CHUNK keys, standing in for DPDK's prefetches: hash every key;
     * load each home index position; walk each run to its candidate (first matching hash); load
     * each candidate entry; compare keys. The loads within a pass are independent, so their
     * cache misses overlap (1M 16-byte keys, random order: 170 -> 65-80 ns per key against the
     * previous hash+load-together loop; see bench/lookup.bench.ts).
     */
    lookupBulk(keys, keyOff, n, outSlots) {
        const kw = this.keyWords;
        const seed = this.seed;
        const index = this.index;
        const entries = this.entries;
        const mask = this.mask;
        const stride = this.stride;
        const hs = this.bulkHash;
        let hits = 0;
        let touch = 0;
        for (let from = 0; from < n; from += BULK_CHUNK) {
            const to = from + BULK_CHUNK < n ? from + BULK_CHUNK : n;
            for (let k = from; k < to; k++)
                hs[k - from] = hashWords(keys, keyOff + k * kw, kw, seed);
            // A load that misses holds up retirement, so the CPU overlaps only the misses that fit
            // in its reorder window: the two loops that miss do nothing but the load.
            for (let k = from; k < to; k++)
                touch ^= index[2 * (hs[k - from] & mask) + 1];
            // Walk each run (now cached) to the first position whose stored hash matches: the
            // candidate. -1: no position has this hash, so the key is absent.
            for (let k = from; k < to; k++)
                outSlots[k] = this.candidate(hs[k - from]);
            for (let k = from; k < to; k++) {
                const pos = outSlots[k];
                if (pos >= 0)
                    touch ^= entries[(index[2 * pos + 1] - 1) * stride];
            }
            for (let k = from; k < to; k++) {
                let pos = outSlots[k];
                if (pos >= 0 && !this.keyAt(index[2 * pos + 1] - 1, keys, keyOff + k * kw)) {
                    pos = this.findPos(hs[k - from], keys, keyOff + k * kw); // a hash collision: walk on
                }
                if (pos < 0) {
                    outSlots[k] = -1;
                }
                else {
                    outSlots[k] = index[2 * pos + 1] - 1;
                    hits++;
                }
            }
        }
        this.sink = touch; // keeps the touching loads alive
        return hits;
    }
    /** Removes key; returns whether it was present. */
    delete(key, keyOff) {
        const pos = this.findPos(hashWords(key, keyOff, this.keyWords, this.seed), key, keyOff);
        if (pos < 0)
            return false;
        this.removeAt(pos);
        return true;
    }
    /** Removes the entry in `slot`; returns false if the slot is out of range or free. */
    deleteSlot(slot) {
        if (!(slot >= 0 && slot < this.capacity) || this.used[slot] === 0)
            return false;
        const off = slot * this.stride;
        const pos = this.findPos(hashWords(this.entries, off, this.keyWords, this.seed), this.entries, off);
        if (pos < 0)
            return false; // unreachable while the index is consistent
        this.removeAt(pos);
        return true;
    }
    /** Value in a used slot (undefined content for a free one). */
    valueAt(slot) {
        return this.entries[slot * this.stride + this.keyWords];
    }
    /** Replaces the value of a used slot. */
    setValueAt(slot, value) {
        this.entries[slot * this.stride + this.keyWords] = value >>> 0;
    }
    /** Word w of the key in a used slot. */
    keyWordAt(slot, w) {
        return this.entries[slot * this.stride + w];
    }
    /** Copies the key of a used slot to dst[dstOff .. dstOff+keyWords). */
    copyKey(slot, dst, dstOff) {
        const base = slot * this.stride;
        for (let w = 0; w < this.keyWords; w++)
            dst[dstOff + w] = this.entries[base + w];
    }
    /** Whether slot holds an entry. */
    isUsed(slot) {
        return slot >= 0 && slot < this.capacity && this.used[slot] !== 0;
    }
    /** First used slot >= from, or -1 (for iteration and incremental aging sweeps). */
    nextSlot(from) {
        const used = this.used;
        for (let s = from < 0 ? 0 : from; s < this.capacity; s++)
            if (used[s] !== 0)
                return s;
        return -1;
    }
    /** Removes every entry. Control path (touches the whole index). */
    clear() {
        this.index.fill(0);
        this.used.fill(0);
        for (let i = 0; i < this.capacity; i++)
            this.freeIds[i] = this.capacity - 1 - i;
        this.freeTop = this.capacity;
        this.count = 0;
    }
    /** All entries in slot order. Control path; allocates. */
    dump() {
        const out = [];
        for (let s = this.nextSlot(0); s >= 0; s = this.nextSlot(s + 1)) {
            const key = [];
            for (let w = 0; w < this.keyWords; w++)
                key.push(this.keyWordAt(s, w));
            out.push({ slot: s, key, value: this.valueAt(s) });
        }
        return out;
    }
    /**
     * Checks the index invariants (each entry reachable from home without gaps, Robin Hood
     * order, counts); returns '' or a description of the first problem. Control path, O(n).
     */
    verify() {
        const index = this.index;
        const mask = this.mask;
        let seen = 0;
        for (let i = 0; i <= mask; i++) {
            const id1 = index[2 * i + 1];
            if (id1 === 0)
                continue;
            seen++;
            const slot = id1 - 1;
            if (slot >= this.capacity || this.used[slot] === 0)
                return `index ${i} names free slot ${slot}`;
            const h = index[2 * i];
            if (h !== this.hash(this.entries, slot * this.stride))
                return `index ${i} has a stale hash`;
            const d = (i - (h & mask)) & mask;
            for (let k = 1; k <= d; k++) {
                if (index[2 * ((i - k) & mask) + 1] === 0)
                    return `gap before index ${i}`;
            }
            const prev = (i - 1) & mask;
            if (d > 0) {
                const dp = (prev - (index[2 * prev] & mask)) & mask;
                if (dp + 1 < d)
                    return `robin hood order broken at index ${i}`;
            }
        }
        if (seen !== this.count)
            return `index holds ${seen} entries, size is ${this.count}`;
        if (this.count + this.freeTop !== this.capacity)
            return 'free list and size disagree';
        return '';
    }
    /** Index position holding key (hash h), or -1. */
    /** First index position on h's run whose stored hash is h, or -1 (then h's key is absent). */
    candidate(h) {
        const index = this.index;
        const mask = this.mask;
        let i = h & mask;
        for (let dist = 0;; dist++) {
            if (index[2 * i + 1] === 0)
                return -1;
            const hi = index[2 * i];
            if (hi === h)
                return i;
            if (((i - (hi & mask)) & mask) < dist)
                return -1; // Robin Hood: h would have displaced this entry
            i = (i + 1) & mask;
        }
    }
    /** Whether the entry in slot holds the key at key[keyOff..). */
    keyAt(slot, key, keyOff) {
        const entries = this.entries, kw = this.keyWords, base = slot * this.stride;
        let w = 0;
        while (w < kw && entries[base + w] === key[keyOff + w])
            w++;
        return w === kw;
    }
    findPos(h, key, keyOff) {
        const index = this.index;
        const entries = this.entries;
        const mask = this.mask;
        const kw = this.keyWords;
        const stride = this.stride;
        let i = h & mask;
        // Bounded: the index is never full, so an empty position ends the walk.
        for (let dist = 0;; dist++) {
            const id1 = index[2 * i + 1];
            if (id1 === 0)
                return -1;
            const hi = index[2 * i];
            if (hi === h) {
                const base = (id1 - 1) * stride;
                let w = 0;
                while (w < kw && entries[base + w] === key[keyOff + w])
                    w++;
                if (w === kw)
                    return i;
            }
            else if (((i - (hi & mask)) & mask) < dist) {
                return -1; // Robin Hood: key would have displaced this entry
            }
            i = (i + 1) & mask;
        }
    }
    /** Frees the entry at index position pos and shifts the rest of its run back. */
    removeAt(pos) {
        const index = this.index;
        const mask = this.mask;
        const slot = index[2 * pos + 1] - 1;
        let i = pos;
        let j = (i + 1) & mask;
        while (index[2 * j + 1] !== 0 && ((j - (index[2 * j] & mask)) & mask) !== 0) {
            index[2 * i] = index[2 * j];
            index[2 * i + 1] = index[2 * j + 1];
            i = j;
            j = (j + 1) & mask;
        }
        index[2 * i] = 0;
        index[2 * i + 1] = 0;
        this.used[slot] = 0;
        this.freeIds[this.freeTop++] = slot;
        this.count--;
    }
}
//# sourceMappingURL=exact-match-table.js.map
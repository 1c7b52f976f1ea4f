/**
 * hashWords: a 32-bit hash of `n` u32 words, built like MurmurHash3 x86_32 (multiply-rotate
 * per word, then the fmix32 avalanche) but fed whole words, so no byte handling. Integer-only
 * (Math.imul), allocation-free, returns an int32. Used by ExactMatchTable; the seed should
 * be random per table when keys come from the network, so a peer cannot precompute
 * colliding keys (hash flooding).
 */
/** Hash of key[off .. off+n) with `seed`; returns an int32. Data path. */
export function hashWords(key, off, n, seed) {
    let h = seed | 0;
    for (let i = 0; i < n; i++) {
        let k = Math.imul(key[off + i], 0xcc9e2d51);
        k = (k << 15) | (k >>> 17);
        k = Math.imul(k, 0x1b873593);
        h ^= k;
        h = (h << 13) | (h >>> 19);
        h = (Math.imul(h, 5) + 0xe6546b64) | 0;
    }
    h ^= n << 2;
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    return h;
}
//# sourceMappingURL=hash-words.js.map
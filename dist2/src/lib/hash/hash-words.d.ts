/**
 * hashWords: a 32-bit hash of `n` u32 words, built like MurmurHash3 x86_32 (multiply-rotate
 * per word, then the fmix32 avalanche) but fed whole words, so no byte handling. Integer-only
 * (Math.imul), allocation-free, returns an int32. Used by ExactMatchTable; the seed should
 * be random per table when keys come from the network, so a peer cannot precompute
 * colliding keys (hash flooding).
 */
/** Hash of key[off .. off+n) with `seed`; returns an int32. Data path. */
export declare function hashWords(key: Uint32Array, off: number, n: number, seed: number): number;

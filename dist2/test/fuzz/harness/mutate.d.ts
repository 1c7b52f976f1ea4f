/**
 * Inputs from fast-check: mostly a corpus entry with a few libFuzzer-style mutations (bit
 * flips, interesting bytes and words, lengths that match the rest of the input, inserts,
 * deletes, duplicated chunks, splices with another entry, dictionary tokens), sometimes
 * fresh bytes. The corpus is read when a value is generated, so entries added by one batch
 * feed the next.
 */
import fc from 'fast-check';
/** Inputs drawn from the live `corpus` (mutated) and from fresh bytes. */
export declare function inputArbitrary(corpus: readonly Uint8Array[], dict: readonly Uint8Array[], maxLen: number): fc.Arbitrary<Uint8Array>;

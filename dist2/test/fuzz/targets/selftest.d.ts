/**
 * Planted bugs for the harness's own test (harness.test.ts), one per thing it must catch:
 * a bug behind four nested comparisons (blind random bytes hit it once in 2^32; coverage
 * feedback climbs one comparison at a time), an unbounded loop, an input that exhausts the
 * heap, one that holds 64 MiB, and an undocumented exception.
 */
import type { FuzzTarget } from '../harness/target.js';
export declare const targets: Record<string, FuzzTarget>;

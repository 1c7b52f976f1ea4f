/**
 * Planted bugs for the harness's own test (harness.test.ts), one per thing it must catch:
 * a bug behind four nested comparisons (blind random bytes hit it once in 2^32; coverage
 * feedback climbs one comparison at a time), an unbounded loop, an input that exhausts the
 * heap, one that holds 64 MiB, and an undocumented exception.
 */
import type { FuzzTarget } from '../harness/target.js';

class Documented extends Error {}
const base = { covers: ['/test/fuzz/targets/selftest'], maxLen: 64, expected: (e: unknown) => (e instanceof Documented ? null : 'undocumented') };
let held: ArrayBuffer | null = null;

export const targets: Record<string, FuzzTarget> = {
  deep: {
    ...base, name: 'selftest-deep', seeds: () => [new Uint8Array(4)],
    run(d) {
      if (d[0] === 0x46) {
        if (d[1] === 0x55) {
          if (d[2] === 0x5a) {
            if (d[3] === 0x5a) throw new TypeError('planted');
          }
        }
      }
    },
  },
  hang: { ...base, name: 'selftest-hang', seeds: () => [Uint8Array.of(1)], run(d) { while (d[0] === 1); } },
  oom: {
    ...base, name: 'selftest-oom', seeds: () => [Uint8Array.of(2)],
    run(d) { const keep: number[][] = []; while (d[0] === 2) keep.push(new Array(1e5).fill(d.length)); },
  },
  memory: { ...base, name: 'selftest-memory', seeds: () => [Uint8Array.of(3)], run(d) { if (d[0] === 3) held = new ArrayBuffer(64 << 20); void held; } },
  escape: {
    ...base, name: 'selftest-escape', seeds: () => [Uint8Array.of(4)],
    run(d) { if (d[0] === 4) throw new Documented('fine'); if (d.length > 1) throw new RangeError('not documented'); },
  },
};

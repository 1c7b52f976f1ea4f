/**
 * Inputs from fast-check: mostly a corpus entry with a few libFuzzer-style mutations (bit
 * flips, interesting bytes and words, lengths that match the rest of the input, inserts,
 * deletes, duplicated chunks, splices with another entry, dictionary tokens), sometimes
 * fresh bytes. The corpus is read when a value is generated, so entries added by one batch
 * feed the next.
 */
import fc from 'fast-check';

const INTERESTING = [0, 1, 2, 3, 4, 7, 8, 15, 16, 31, 32, 63, 64, 100, 127, 128, 255, 256, 511, 512, 1000, 1023, 1024,
  4095, 4096, 32767, 32768, 65535, 65536, 0x7fffffff, 0x80000000, 0xffffffff];

type Op =
  | { k: 'flip'; pos: number; bit: number }
  | { k: 'byte'; pos: number; v: number }
  | { k: 'word'; pos: number; width: number; le: boolean; v: number; neg: boolean }
  | { k: 'length'; pos: number; width: number; le: boolean; delta: number }
  | { k: 'arith'; pos: number; delta: number }
  | { k: 'insert'; pos: number; bytes: Uint8Array }
  | { k: 'delete'; pos: number; len: number }
  | { k: 'dup'; pos: number; len: number; to: number }
  | { k: 'splice'; other: number; pos: number; len: number; to: number }
  | { k: 'dict'; pos: number; idx: number; insert: boolean }
  | { k: 'truncate'; pos: number };

const pos = fc.nat();
const width = fc.constantFrom(1, 2, 4, 8);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ k: fc.constant('flip' as const), pos, bit: fc.nat(7) }),
  fc.record({ k: fc.constant('byte' as const), pos, v: fc.oneof(fc.constantFrom(0, 1, 0x7f, 0x80, 0xfe, 0xff), fc.nat(255)) }),
  fc.record({ k: fc.constant('word' as const), pos, width, le: fc.boolean(), v: fc.constantFrom(...INTERESTING), neg: fc.boolean() }),
  fc.record({ k: fc.constant('length' as const), pos, width, le: fc.boolean(), delta: fc.integer({ min: -8, max: 8 }) }),
  fc.record({ k: fc.constant('arith' as const), pos, delta: fc.integer({ min: -35, max: 35 }) }),
  fc.record({ k: fc.constant('insert' as const), pos, bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }) }),
  fc.record({ k: fc.constant('delete' as const), pos, len: fc.integer({ min: 1, max: 64 }) }),
  fc.record({ k: fc.constant('dup' as const), pos, len: fc.integer({ min: 1, max: 128 }), to: pos }),
  fc.record({ k: fc.constant('splice' as const), other: fc.nat(), pos, len: fc.integer({ min: 1, max: 256 }), to: pos }),
  fc.record({ k: fc.constant('dict' as const), pos, idx: fc.nat(), insert: fc.boolean() }),
  fc.record({ k: fc.constant('truncate' as const), pos }),
);

function writeWord(b: Uint8Array, at: number, width: number, le: boolean, v: number): void {
  for (let i = 0; i < width && at + i < b.length; i++) {
    const byte = i < 4 ? (v >>> (8 * i)) & 0xff : v < 0 ? 0xff : 0; // sign-extend past 32 bits
    b[at + (le ? i : width - 1 - i)] = byte;
  }
}

function apply(base: Uint8Array, ops: readonly Op[], corpus: readonly Uint8Array[], dict: readonly Uint8Array[], maxLen: number): Uint8Array {
  let b: Uint8Array = base.slice();
  for (const op of ops) {
    const n = b.length;
    const at = n === 0 ? 0 : op.pos % n;
    switch (op.k) {
      case 'flip': if (n) b[at] = b[at]! ^ (1 << op.bit); break;
      case 'byte': if (n) b[at] = op.v; break;
      case 'word': if (n) writeWord(b, at, op.width, op.le, op.neg ? -op.v : op.v); break;
      case 'length': if (n) writeWord(b, at, op.width, op.le, n - at - op.width + op.delta); break;
      case 'arith': if (n) b[at] = (b[at]! + op.delta) & 0xff; break;
      case 'insert': b = concat(b.subarray(0, at), op.bytes, b.subarray(at)); break;
      case 'delete': b = concat(b.subarray(0, at), b.subarray(at + op.len)); break;
      case 'dup': { const chunk = b.slice(at, at + op.len); const to = n === 0 ? 0 : op.to % (n + 1); b = concat(b.subarray(0, to), chunk, b.subarray(to)); break; }
      case 'splice': {
        if (corpus.length === 0) break; // nothing to splice from (every seed was a crash)
        const o = corpus[op.other % corpus.length]!;
        if (o.length === 0) break;
        const from = op.pos % o.length;
        const to = n === 0 ? 0 : op.to % (n + 1);
        b = concat(b.subarray(0, to), o.subarray(from, from + op.len), b.subarray(to));
        break;
      }
      case 'dict': {
        if (dict.length === 0) break;
        const t = dict[op.idx % dict.length]!;
        if (op.insert || n === 0) b = concat(b.subarray(0, at), t, b.subarray(at));
        else { const out = b.slice(); out.set(t.subarray(0, n - at), at); b = out; }
        break;
      }
      case 'truncate': b = b.slice(0, at); break;
    }
  }
  return b.length > maxLen ? b.slice(0, maxLen) : b;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}

/** Inputs drawn from the live `corpus` (mutated) and from fresh bytes. */
export function inputArbitrary(corpus: readonly Uint8Array[], dict: readonly Uint8Array[], maxLen: number): fc.Arbitrary<Uint8Array> {
  const mutated = fc.tuple(fc.nat(), fc.array(opArb, { minLength: 1, maxLength: 8 }))
    .map(([i, ops]) => apply(corpus.length ? corpus[i % corpus.length]! : new Uint8Array(0), ops, corpus, dict, maxLen));
  const fresh = fc.uint8Array({ maxLength: Math.min(maxLen, 512) });
  return fc.oneof({ weight: 12, arbitrary: mutated }, { weight: 1, arbitrary: fresh });
}

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyBytes, wordsOf, LONG_COPY } from './copy.js';
test('copyBytes matches a byte copy for every length/alignment mix (word loop, unrolled body and tails, long copies)', () => {
    const src = new Uint8Array(4096);
    for (let i = 0; i < src.length; i++)
        src[i] = (i * 31 + 7) & 0xff;
    const src32 = wordsOf(src);
    const lens = [0, 1, 3, 4, 5, 15, 16, 17, 31, 60, 64, 67, LONG_COPY, LONG_COPY + 1, 1514];
    for (const len of lens) {
        for (const so of [0, 1, 4, 8, 12]) {
            for (const d of [0, 2, 4, 16]) {
                const dst = new Uint8Array(2048).fill(0xcc);
                copyBytes(dst, wordsOf(dst), d, src, src32, so, len);
                assert.deepEqual(dst.subarray(d, d + len), src.subarray(so, so + len), `len ${len} src ${so} dst ${d}`);
                assert.ok(dst.subarray(0, d).every((b) => b === 0xcc) && dst.subarray(d + len).every((b) => b === 0xcc), `no stray writes (len ${len} src ${so} dst ${d})`);
            }
        }
    }
    // An unaligned view has no word view: the byte loop is used.
    const odd = new Uint8Array(new ArrayBuffer(64), 1, 60);
    assert.equal(wordsOf(odd).length, 0);
    copyBytes(odd, wordsOf(odd), 0, src, src32, 0, 40);
    assert.deepEqual(odd.subarray(0, 40), src.subarray(0, 40));
});
//# sourceMappingURL=copy.test.js.map
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import { Ring } from './ring.js';
for (const mode of ['spsc', 'mpmc']) {
    test(`${mode} ring: fill to capacity, one more is refused, FIFO order, wrap-around`, () => {
        const size = 8;
        const r = new Ring(new SharedArrayBuffer(Ring.bytesFor(size)), 0, size, mode, true);
        const src = Uint32Array.from({ length: 10 }, (_, i) => i + 100);
        assert.equal(r.enqueueBurst(src, 0, 10), 8, 'only size entries fit');
        assert.equal(r.enqueueBurst(src, 0, 1), 0);
        assert.equal(r.count(), 8);
        const dst = new Uint32Array(16);
        assert.equal(r.dequeueBurst(dst, 0, 3), 3);
        assert.deepEqual([...dst.subarray(0, 3)], [100, 101, 102]);
        for (let round = 0; round < 1000; round++) { // cursors run far past the size
            assert.equal(r.enqueueBurst(src, round % 3, 3), 3);
            assert.equal(r.dequeueBurst(dst, 0, 3), 3);
        }
        assert.equal(r.count(), 5);
        assert.equal(r.dequeueBurst(dst, 0, 16), 5);
        assert.equal(r.dequeueBurst(dst, 0, 16), 0);
    });
}
test('a second view attached to a ring in use sees the live cursors', () => {
    for (const mode of ['spsc', 'mpmc']) {
        const b = new SharedArrayBuffer(Ring.bytesFor(8));
        const a = new Ring(b, 0, 8, mode, true);
        const v = Uint32Array.from([1, 2, 3, 4, 5, 6, 7, 8]);
        for (let i = 0; i < 5; i++) {
            a.enqueueBurst(v, 0, 8);
            a.dequeueBurst(new Uint32Array(8), 0, 8);
        }
        a.enqueueBurst(v, 0, 3);
        const late = new Ring(b, 0, 8, mode);
        const out = new Uint32Array(8);
        assert.equal(late.dequeueBurst(out, 0, 8), 3, `${mode}: only what is queued`);
        assert.deepEqual([...out.subarray(0, 3)], [1, 2, 3]);
        assert.equal(late.dequeueBurst(out, 0, 8), 0);
        assert.equal(new Ring(b, 0, 8, mode).enqueueBurst(v, 0, 8), 8, `${mode}: producer view sees a free ring`);
    }
});
test('ring rejects bad sizes and misaligned offsets', () => {
    const b = new SharedArrayBuffer(Ring.bytesFor(16) + 64);
    assert.throws(() => new Ring(b, 0, 12, 'spsc'), /power of two/);
    assert.throws(() => new Ring(b, 4, 16, 'spsc'), /aligned/);
});
const stressWorker = `
  import { workerData, parentPort } from 'node:worker_threads';
  const { Ring } = await import(workerData.ring);
  const r = new Ring(workerData.buf, 0, workerData.size, workerData.mode);
  const b = new Uint32Array(32);
  if (workerData.role === 'producer') {
    let next = workerData.base;
    const end = workerData.base + workerData.count;
    while (next < end) {
      let n = 0;
      while (n < 32 && next + n < end) { b[n] = next + n; n++; }
      next += r.enqueueBurst(b, 0, n);
    }
    parentPort.postMessage(null);
  } else {
    // Consumer: per producer (identified by value range) values must arrive in order.
    const last = new Float64Array(workerData.producers).fill(-1);
    let got = 0, bad = 0;
    while (got < workerData.total) {
      const n = r.dequeueBurst(b, 0, 32);
      for (let i = 0; i < n; i++) {
        const v = b[i], p = Math.floor(v / 1e7), s = v % 1e7;
        if (s !== last[p] + 1) bad++;
        last[p] = s;
      }
      got += n;
    }
    parentPort.postMessage({ got, bad });
  }`;
async function stress(mode, producers, count) {
    const size = 256;
    const buf = new SharedArrayBuffer(Ring.bytesFor(size));
    new Ring(buf, 0, size, mode, true);
    const ring = new URL('./ring.js', import.meta.url).href;
    const run = (data) => new Promise((res, rej) => {
        const w = new Worker(stressWorker, { eval: true, workerData: { ring, buf, size, mode, ...data } });
        w.once('message', (m) => { void w.terminate(); res(m); });
        w.once('error', rej);
    });
    const consumer = run({ role: 'consumer', total: producers * count, producers });
    const ps = Array.from({ length: producers }, (_, i) => run({ role: 'producer', base: i * 1e7, count }));
    await Promise.all(ps);
    return (await consumer);
}
test('spsc ring across two threads: every value arrives once, in order', async () => {
    const r = await stress('spsc', 1, 200_000);
    assert.deepEqual(r, { got: 200_000, bad: 0 });
});
test('mpmc ring with three producer threads: nothing lost, per-producer order kept', async () => {
    const r = await stress('mpmc', 3, 50_000);
    assert.deepEqual(r, { got: 150_000, bad: 0 });
});
//# sourceMappingURL=ring.test.js.map
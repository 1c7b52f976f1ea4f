import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NetIo } from './net-io.js';
import { macWords, parseMac } from './mac-lock.js';
import { DeviceQueue } from '../../virtio/split/device-queue.js';
import { MockSplitQueue } from '../../../test/support/mock-split-queue.js';
import { TestPool } from '../../../test/support/vhost-test-pool.js';

const MAC = '52:54:00:aa:bb:01';

function frame(src: number[]): Uint8Array {
  const f = new Uint8Array(12 + 60);
  f.set([0xff, 0xff, 0xff, 0xff, 0xff, 0xff], 12);
  f.set(src, 18);
  return f;
}

test('MAC lock: frames from another source MAC are dropped as spoofed, wherever the chain splits the address', () => {
  const m = new MockSplitQueue(256);
  const dq = new DeviceQueue();
  assert.equal(dq.setup(m.mem, m.layout, false, true), null);
  const io = new NetIo(9230);
  const w = macWords(MAC);
  io.macLock = true; io.macHi = w.hi; io.macLo = w.lo;
  const pool = new TestPool(64);
  const good = frame(parseMac(MAC));
  const bad = frame(parseMac('52:54:00:aa:bb:02'));
  // Every split point of the 72 bytes (header + frame) into two descriptors, good and bad.
  for (let cut = 1; cut < 30; cut++) {
    for (const f of [good, bad]) m.addChain([{ len: cut, data: f.subarray(0, cut) }, { len: f.length - cut, data: f.subarray(cut) }]);
  }
  m.addChain([{ len: 20, data: good.subarray(0, 20) }]); // too short to hold a source MAC
  const out = new Uint32Array(64);
  const n = io.dequeueFromGuest(dq, m.mem, pool, out, 64);
  assert.equal(n, 29);
  for (let i = 0; i < n; i++) assert.deepEqual([...pool.bytes(out[i]!).subarray(6, 12)], parseMac(MAC));
  assert.equal(io.spoofed, 30);
  assert.equal(m.usedIdx(), 59, 'every chain was given back');
});

test('parseMac names what is wrong', () => {
  assert.throws(() => parseMac('52:54:00:aa:bb'), /not a MAC address/);
  assert.throws(() => parseMac('01:00:5e:00:00:01'), /multicast/);
});

/**
 * The dirty-page log against an oracle: guest memory is filled with a byte pattern no write
 * can leave unchanged, the data path runs with logging on, and the set bits must be exactly
 * the pages whose bytes changed: RX buffers that straddle pages (non-mergeable and over
 * several merged buffers, header included), used entries that straddle a page and wrap, and
 * used.idx / used.flags.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NetIo } from './net-io.js';
import { DirtyLog } from './dirty-log.js';
import { DeviceQueue } from '../../virtio/split/device-queue.js';
import { MockSplitQueue } from '../../../test/support/mock-split-queue.js';
import { TestPool } from '../../../test/support/vhost-test-pool.js';

const MEM = 1 << 20;
const BASE = 0x100000;
const START = 509; // used entries 509..511 straddle the used ring's page boundary, then wrap to 0

function setup(size: number) {
  const m = new MockSplitQueue(size, MEM, BASE);
  m.bytes(BASE, MEM).fill(0xa5);
  m.setAvailFlags(0);
  m.setAvailIdx(START);
  m.bytes(m.layout.usedGpa + 2, 2).set([START & 0xff, START >> 8]);
  return m;
}

function frame(len: number, seed: number): Uint8Array {
  const f = new Uint8Array(len);
  for (let i = 0; i < len; i++) f[i] = ((i + seed) % 0x7f) + 1; // never 0xa5, never 0
  return f;
}

/** Pages (absolute page numbers) whose bytes differ between `before` and `after`. */
function changedPages(before: Uint8Array, after: Uint8Array): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < before.length; i++) if (before[i] !== after[i]) out.add(Math.floor((BASE + i) / 4096));
  return out;
}

function loggedPages(log: Uint8Array): Set<number> {
  const out = new Set<number>();
  for (let b = 0; b < log.length; b++) for (let k = 0; k < 8; k++) if ((log[b]! >> k) & 1) out.add(b * 8 + k);
  return out;
}

function run(mergeable: boolean, chains: { len: number; write: boolean }[][], frames: Uint8Array[]) {
  const m = setup(512);
  for (const c of chains) m.addChain(c);
  const q = new DeviceQueue();
  assert.equal(q.setup(m.mem, m.layout, false, true), null);
  q.setBase(START);
  const logBuf = new ArrayBuffer(((BASE + MEM) / 4096) / 8);
  const log = new DirtyLog(logBuf, 0, logBuf.byteLength);
  q.usedLog = log;
  q.usedLogGpa = m.layout.usedGpa;
  const io = new NetIo(9230);
  io.mergeable = mergeable;
  io.hdrLen = mergeable ? 12 : 10;
  io.dirty = log;
  const pool = new TestPool(64);
  const before = m.bytes(BASE, MEM).slice();
  const pk = new Uint32Array(frames.map((f) => pool.packet(f)));
  const delivered = io.enqueueToGuest(q, m.mem, pool, pk, pk.length);
  q.disableNotification();
  return { m, delivered, changed: changedPages(before, m.bytes(BASE, MEM)), logged: loggedPages(new Uint8Array(logBuf)) };
}

test('dirty log: non-mergeable RX into buffers straddling pages, used entries straddling and wrapping: exactly the changed pages', () => {
  // Header in its own 10-byte descriptor, data buffers of odd sizes so they cross pages.
  const chains = [0, 1, 2, 3, 4].map((k) => [{ len: 10, write: true }, { len: 3000 + 700 * k, write: true }]);
  const r = run(false, chains, [frame(2900, 1), frame(60, 2), frame(3500, 3), frame(4000, 4), frame(1, 5)]);
  assert.equal(r.delivered, 5);
  assert.equal(r.m.usedIdx(), (START + 5) & 0xffff);
  assert.ok(r.changed.size >= 5, `the test writes over several pages (${r.changed.size})`);
  assert.deepEqual([...r.logged].sort((a, b) => a - b), [...r.changed].sort((a, b) => a - b));
});

test('dirty log: mergeable frames over several buffers (header and num_buffers in the first), fast path too', () => {
  const chains = [...Array(12)].map((_, k) => [{ len: k % 3 === 0 ? 2048 : 1500, write: true }]);
  const r = run(true, chains, [frame(60, 1), frame(4000, 2), frame(1400, 3), frame(5000, 4)]);
  assert.equal(r.delivered, 4);
  assert.deepEqual([...r.logged].sort((a, b) => a - b), [...r.changed].sort((a, b) => a - b));
});

test('dirty log: marks pages, not bytes, and never beyond the log; bits are ORed into what is there', () => {
  const buf = new ArrayBuffer(8);
  const u8 = new Uint8Array(buf);
  u8[0] = 0x80; // page 7, set by someone else (the frontend clears, never we)
  const log = new DirtyLog(buf, 0, 8);
  log.mark(4095, 2); // pages 0 and 1
  log.mark(63 * 4096 + 100, 10_000); // page 63 and pages past the log
  log.flush();
  assert.deepEqual([...u8], [0x83, 0, 0, 0, 0, 0, 0, 0x80]);
});

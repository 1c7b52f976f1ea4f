/**
 * One hostile guest among healthy ones, on the vhost-user data path (net-io) as a port's
 * breath runs it. The hostile guest's memory and both its rings (TX and RX) are the input
 * (virtq.ts's encoding, two ring layouts); healthy guests are well-formed queues:
 *   hostile TX → pool → guest B's RX      (what the hostile guest sends)
 *   guest A's TX → pool → hostile RX      (what is sent to it)
 *   guest C's TX → guest D's RX            (a pair that never meets it, single-copy path)
 * for three breaths.
 *
 * Survives, checked here rather than per parser: only GuestMemoryError (the memory table)
 * escapes; a hostile ring that goes wrong is quarantined (a known QueueError) and moves
 * nothing after; every healthy queue stays healthy and C→D delivers every frame, byte for
 * byte; every frame is accounted (delivered, or dropped under a counted reason); every pool
 * buffer comes back exactly once; nothing is written outside the hostile guest's regions.
 */
import assert from 'node:assert/strict';
import { GuestMemoryError } from '../../../src/mem/guest-memory.js';
import { DeviceQueue } from '../../../src/virtio/split/device-queue.js';
import { QueueError, QUEUE_ERROR_NAMES } from '../../../src/virtio/split/queue-errors.js';
import { NetIo, type PoolView } from '../../../src/drivers/vhost-user/net-io.js';
import { VRING_DESC_F_NEXT, VRING_DESC_F_WRITE } from '../../../src/virtio/constants.js';
import { MockSplitQueue } from '../../support/mock-split-queue.js';
import { documented, type FuzzTarget } from '../harness/target.js';
import { Cursor, Writer } from './cursor.js';
import { guestFrom } from './virtq.js';
import { allocEach, freeEach } from '../../support/vhost-test-pool.js';

const MAX_FRAME = 9230, BUF = 10240, HEADROOM = 128, NBUF = 96, FRAMES = 4, BURST = 32;

class CheckedPool implements PoolView {
  readonly data = new Uint8Array(NBUF * BUF);
  readonly len = new Uint32Array(NBUF);
  private readonly free_ = Array.from({ length: NBUF }, (_, i) => NBUF - 1 - i);
  readonly out = new Set<number>();
  // No super buffers (allocSuper fails): super-frames are cut on arrival.
  readonly count = NBUF;
  readonly gsoType = new Uint8Array(0);
  readonly gsoSize = new Uint16Array(0);
  readonly csumStart = new Uint16Array(0);
  readonly csumOffset = new Uint16Array(0);
  allocSuper(): number { return -1; }
  start(p: number): number { return p * BUF + HEADROOM; }
  alloc(): number { const p = this.free_.pop(); if (p === undefined) return -1; this.out.add(p); return p; }
  free(p: number): void { assert.ok(this.out.delete(p), `buffer ${p} freed twice or never allocated`); this.free_.push(p); }
  allocBurst(out: Uint32Array, n: number, at: number): number { return allocEach(this, out, n, at); }
  freeBurst(handles: Uint32Array, n: number, at: number): void { freeEach(this, handles, n, at); }
}

/** A healthy guest: FRAMES frames to send (TX) or room for 2*BURST of them (RX). */
function healthy(tx: boolean, tag: number): { m: MockSplitQueue; q: DeviceQueue } {
  const m = new MockSplitQueue(256, 1 << 18);
  if (tx) for (let i = 0; i < FRAMES; i++) m.addChain([{ len: 12 + 60 + i, data: frame(tag, i) }]);
  else for (let i = 0; i < 2 * BURST; i++) m.addChain([{ len: 2048, write: true }]);
  const q = new DeviceQueue();
  assert.equal(q.setup(m.mem, m.layout, false, true), null);
  return { m, q };
}

function frame(tag: number, i: number): Uint8Array {
  const f = new Uint8Array(12 + 60 + i);
  f.fill(tag + i, 12);
  return f;
}

const drops = (io: NetIo) => io.noGuestBuffer + io.tooBig;

function run(data: Uint8Array): void {
  const g = guestFrom(new Cursor(data), 2);
  const pool = new CheckedPool();
  const out = new Uint32Array(BURST);
  const hostileTx = new DeviceQueue(), hostileRx = new DeviceQueue();
  hostileTx.setBase(g.base);
  hostileRx.setBase(g.base);
  const txUp = hostileTx.setup(g.mem, g.layouts[0]!, (g.cfg & 1) !== 0, (g.cfg & 2) !== 0) === null;
  const rxUp = hostileRx.setup(g.mem, g.layouts[1]!, (g.cfg & 1) !== 0, (g.cfg & 2) !== 0) === null;
  const hostile = new NetIo(MAX_FRAME);
  hostile.mergeable = (g.cfg & 8) !== 0;
  const [a, b, c, d] = [healthy(true, 1), healthy(false, 0), healthy(true, 0x40), healthy(false, 0)];
  const [ioA, ioB, ioC, ioD] = [0, 1, 2, 3].map(() => new NetIo(MAX_FRAME));
  ioB.mergeable = true;
  let fromA = 0, toHostile = 0;
  for (let breath = 0; breath < 3; breath++) {
    const quarantined = [hostileTx.error, hostileRx.error];
    const movedBefore = [hostile.fromGuestPackets, hostile.toGuestPackets];
    if (txUp) {
      const n = hostile.dequeueFromGuest(hostileTx, g.mem, pool, out, BURST);
      const before = ioB.toGuestPackets + drops(ioB);
      ioB.enqueueToGuest(b.q, b.m.mem, pool, out, n);
      assert.equal(ioB.toGuestPackets + drops(ioB) - before, n, 'frames from the hostile guest: delivered + dropped = sent');
    }
    const n = ioA.dequeueFromGuest(a.q, a.m.mem, pool, out, BURST);
    fromA += n;
    if (rxUp) {
      const before = hostile.toGuestPackets + drops(hostile);
      hostile.enqueueToGuest(hostileRx, g.mem, pool, out, n);
      toHostile += hostile.toGuestPackets + drops(hostile) - before;
    } else {
      for (let i = 0; i < n; i++) pool.free(out[i]!); // the port is down: dropped as such
      toHostile += n;
    }
    ioC.forwardGuestToGuest(c.q, c.m.mem, ioD, d.q, d.m.mem, BURST);
    // A quarantined ring moves nothing after.
    if (quarantined[0] !== QueueError.NONE) assert.equal(hostile.fromGuestPackets, movedBefore[0], 'a quarantined TX ring moved frames');
    if (quarantined[1] !== QueueError.NONE) assert.equal(hostile.toGuestPackets, movedBefore[1], 'a quarantined RX ring took frames');
  }
  for (const q of [hostileTx, hostileRx]) assert.ok(q.error >= 0 && q.error < QUEUE_ERROR_NAMES.length, `unknown queue error ${q.error}`);
  for (const [name, q] of [['A', a.q], ['B', b.q], ['C', c.q], ['D', d.q]] as const) assert.equal(q.error, QueueError.NONE, `healthy queue ${name}: ${QUEUE_ERROR_NAMES[q.error]}`);
  assert.equal(fromA, FRAMES, 'guest A sent every frame');
  assert.equal(toHostile, fromA, 'frames to the hostile guest: delivered + dropped = sent');
  assert.equal(ioD.toGuestPackets, FRAMES, 'C→D delivered every frame');
  for (let i = 0; i < FRAMES; i++) {
    const u = d.m.usedEntry(i);
    assert.deepEqual(d.m.bytes(d.m.descAddr(u.id) + 12, 60 + i), frame(0x40, i).subarray(12), `C→D frame ${i}`);
  }
  assert.equal(pool.out.size, 0, `${pool.out.size} pool buffers not returned`);
  assert.ok(g.guardsIntact(), 'a write outside the hostile guest\'s regions');
}

/**
 * One region at 0x10000: TX ring (desc 0, avail 0x200, used 0x400) holding `tx` frames of
 * the given lengths, RX ring (desc 0x800, avail 0xa00, used 0xc00) offering `rx` writable
 * buffers of `rxLen` bytes; a queue of 16, buffers from 0x1000.
 */
function seed(cfg: number, tx: number[], rx: number, rxLen: number, extra?: (dv: DataView) => void): Uint8Array {
  const gpa = 0x10000, regionLen = 0x8000, size = 16;
  const mem = new Uint8Array(regionLen);
  const dv = new DataView(mem.buffer);
  let data = 0x1000;
  const desc = (table: number, i: number, a: number, len: number, flags: number, next: number) => {
    const at = table + 16 * i;
    dv.setUint32(at, gpa + a, true); dv.setUint32(at + 8, len, true); dv.setUint16(at + 12, flags, true); dv.setUint16(at + 14, next, true);
  };
  tx.forEach((len, i) => {
    mem.fill(0x30 + i, data + 12, data + 12 + len);
    desc(0, i, data, 12 + len, 0, 0);
    dv.setUint16(0x200 + 4 + 2 * i, i, true);
    data += 12 + len;
  });
  dv.setUint16(0x200 + 2, tx.length, true);
  for (let i = 0; i < rx; i++) {
    desc(0x800, i, data, rxLen, VRING_DESC_F_WRITE, 0);
    dv.setUint16(0xa00 + 4 + 2 * i, i, true);
    data += rxLen;
  }
  dv.setUint16(0xa00 + 2, rx, true);
  extra?.(dv);
  const w = new Writer().u8(cfg | (4 << 4)).u16(0).u8(1).u8(0).u32(gpa).u16(regionLen - 64).u8(8);
  for (const at of [0, 0x200, 0x400, 0x800, 0xa00, 0xc00]) w.u8(0).u16(at);
  assert.equal(size, 1 << 4);
  return w.bytes(mem).done();
}

export const target: FuzzTarget = {
  name: 'vhost-port',
  covers: ['/src/drivers/vhost-user/net-io', '/src/virtio/split/device-queue', '/src/mem/guest-memory'],
  maxLen: 40000,
  seeds: () => [
    seed(2, [60, 1500, 14], 4, 2048),
    seed(10, [60, 9000], 3, 1024), // mergeable RX across buffers; a frame larger than one
    seed(3, [60], 16, 64), // RX buffers too small for a frame
    // a TX chain that loops (desc 0 → 0)
    seed(2, [60, 60], 2, 2048, (dv) => { dv.setUint16(12, VRING_DESC_F_NEXT, true); dv.setUint16(14, 0, true); }),
    // an RX descriptor outside guest memory
    seed(2, [60], 2, 2048, (dv) => { dv.setUint32(0x800, 0x7fff0000, true); }),
  ],
  run,
  expected: documented(GuestMemoryError, /^memory table/),
};

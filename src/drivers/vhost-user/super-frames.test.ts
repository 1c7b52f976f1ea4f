/**
 * Super-frames through the packet pool on the vhost-user data path (bridge mode): guest TX
 * keeps a TSO super-frame whole in a super buffer when its link may carry it, guest RX passes
 * it whole with a virtio-net header to a guest that negotiated TSO, else cuts it there. With
 * hostile headers: every refusal counted, every buffer returned.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { NetIo } from './net-io.js';
import { OFF_CSUM, OFF_TSO4, OFF_TSO6, OFF_ECN } from '../../virtio/net/net.js';
import { DeviceQueue } from '../../virtio/split/device-queue.js';
import { PacketPool } from '../../core/packet.js';
import { MockSplitQueue } from '../../../test/support/mock-split-queue.js';
import { buildSuperFrame } from '../../lib/offload/testkit.js';
import { l4ChecksumOk as checksumOk } from '../../../test/support/l4-checksum.js';

const ALL = OFF_CSUM | OFF_TSO4 | OFF_TSO6 | OFF_ECN;
function queue(m: MockSplitQueue): DeviceQueue {
  const d = new DeviceQueue();
  assert.equal(d.setup(m.mem, m.layout, false, true), null);
  return d;
}

function guestTx(hdr12: Uint8Array, frame: Uint8Array, cuts = 1): { m: MockSplitQueue; q: DeviceQueue } {
  const m = new MockSplitQueue(8, 1 << 20);
  const all = new Uint8Array(12 + frame.length);
  all.set(hdr12, 0);
  all.set(frame, 12);
  const step = Math.ceil(all.length / cuts), parts = [];
  for (let o = 0; o < all.length; o += step) parts.push({ len: Math.min(step, all.length - o), data: all.subarray(o, o + step) });
  m.addChain(parts);
  return { m, q: queue(m) };
}

/** Every frame the guest RX ring received: [header, frame] (mergeable buffers joined). */
function received(m: MockSplitQueue, mrg: boolean, bufLen: number): [Uint8Array, Uint8Array][] {
  const out: [Uint8Array, Uint8Array][] = [];
  for (let slot = 0; slot < m.usedIdx();) {
    const e = m.usedEntry(slot);
    const h = m.bytes(m.descAddr(e.id), 12);
    const nb = mrg ? h[10]! | (h[11]! << 8) : 1;
    const whole = new Uint8Array(nb * bufLen);
    let len = 0;
    for (let b = 0; b < nb; b++) { const u = m.usedEntry(slot + b); whole.set(m.bytes(m.descAddr(u.id), u.len), len); len += u.len; }
    slot += nb;
    out.push([whole.slice(0, 12), whole.slice(12, len)]);
  }
  return out;
}

const newPool = () => new PacketPool(new ArrayBuffer(PacketPool.bytesFor(512)), 512);

for (const v6 of [false, true]) {
  test(`a TSO${v6 ? 6 : 4} super-frame crosses the pool whole: to a TSO guest with its header, to another cut there`, () => {
    const pool = newPool();
    const f = buildSuperFrame({ v6, payLen: 40000, mss: 1448, tcpOptions: 12, seed: 7 });
    const { m, q } = guestTx(Uint8Array.from([...f.vnet, 0, 0]), f.frame, 3);
    const src = new NetIo(pool.maxLen);
    src.setOffloads(ALL, ALL);
    src.keepWhole = true;
    const out = new Uint32Array(300);
    assert.equal(src.dequeueFromGuest(q, m.mem, pool, out, 32), 1);
    const p = out[0]!;
    assert.ok(pool.isSuper(p), 'kept whole in a super buffer');
    assert.deepEqual(pool.data.slice(pool.start(p), pool.start(p) + pool.len[p]!), f.frame);
    assert.deepEqual([pool.gsoType[p], pool.gsoSize[p], pool.csumStart[p], pool.csumOffset[p]], [f.vnet[1], 1448, v6 ? 54 : 34, 16]);
    assert.deepEqual([src.fromGuestPackets, src.superFramesIn, src.segmented], [1, 1, 0]);

    for (const mrg of [false, true]) {
      // Whole, to a guest that negotiated TSO.
      const q2 = pool.clone(p);
      const bufLen = mrg ? 4096 : 70000;
      const dm = new MockSplitQueue(64, 1 << 21), dq = queue(dm);
      for (let i = 0; i < (mrg ? 40 : 4); i++) dm.addChain([{ len: bufLen, write: true }]);
      const dst = new NetIo(pool.maxLen);
      dst.setOffloads(ALL, ALL);
      dst.mergeable = mrg;
      dst.enqueueToGuest(dq, dm.mem, pool, Uint32Array.of(q2), 1);
      const got = received(dm, mrg, bufLen);
      assert.equal(got.length, 1);
      const [h, frame] = got[0]!;
      assert.deepEqual(frame, f.frame, 'the frame whole');
      assert.deepEqual([...h.subarray(0, 2)], [1, f.vnet[1]], 'NEEDS_CSUM and the GSO type');
      assert.equal(h[4]! | (h[5]! << 8), 1448);
      assert.equal(h[6]! | (h[7]! << 8), v6 ? 54 : 34, 'csum_start at the TCP header');
      assert.deepEqual([dst.toGuestPackets, dst.superFramesOut, dst.segmented], [1, 1, 0]);
    }
    // Cut, for a guest without offloads: the kernel's segments, counted as one packet out.
    const em = new MockSplitQueue(64, 1 << 21), eq = queue(em);
    for (let i = 0; i < 40; i++) em.addChain([{ len: 2048, write: true }]);
    const plain = new NetIo(pool.maxLen);
    plain.mergeable = true;
    plain.enqueueToGuest(eq, em.mem, pool, Uint32Array.of(p), 1);
    const segs = received(em, true, 2048);
    assert.equal(segs.length, Math.ceil(40000 / 1448));
    for (const [h, s] of segs) {
      assert.equal(h[1], 0, 'no GSO header to a guest without TSO');
      assert.ok(checksumOk(s, 0, s.length), 'each segment has its full checksum');
    }
    assert.deepEqual([plain.toGuestPackets, plain.segmented, plain.segmentsLost, plain.superFramesOut], [1, segs.length, 0, 0]);
    assert.equal(pool.audit().inUse, 0, 'every buffer back');
  });
}

test('without keepWhole, or with no super buffer free, the super-frame is cut on arrival as before', () => {
  const pool = newPool();
  const f = buildSuperFrame({ payLen: 20000, mss: 1000 });
  const held: number[] = [];
  for (let p = pool.allocSuper(); p >= 0; p = pool.allocSuper()) held.push(p);
  for (const keep of [false, true]) {
    const { m, q } = guestTx(Uint8Array.from([...f.vnet, 0, 0]), f.frame);
    const io = new NetIo(pool.maxLen);
    io.setOffloads(ALL, ALL);
    io.keepWhole = keep;
    const out = new Uint32Array(300);
    const n = io.dequeueFromGuest(q, m.mem, pool, out, 32, 300);
    assert.equal(n, 20);
    for (let i = 0; i < n; i++) { assert.ok(out[i]! < pool.count); pool.free(out[i]!); }
  }
  for (const p of held) pool.free(p);
  assert.equal(pool.audit().inUse, 0);
});

test('property: hostile headers with super buffers: refusals counted, what is kept whole re-plans, nothing leaks', () => {
  const pool = newPool();
  const frameArb = fc.oneof(
    fc.uint8Array({ minLength: 0, maxLength: 12000 }),
    fc.record({ v6: fc.boolean(), udp: fc.boolean(), payLen: fc.integer({ min: 9000, max: 60000 }), mss: fc.integer({ min: 1, max: 9000 }) })
      .map((s) => ({ s, ...buildSuperFrame(s) })),
  );
  fc.assert(fc.property(fc.uint8Array({ minLength: 12, maxLength: 12 }), frameArb, fc.boolean(), fc.integer({ min: 0, max: 15 }), fc.boolean(), (rnd, f, real, destOff, mrg) => {
    const frame = f instanceof Uint8Array ? f : f.frame;
    const hdr = real && !(f instanceof Uint8Array) ? Uint8Array.from([...f.vnet, 0, 0]) : rnd;
    const { m, q } = guestTx(hdr, frame, 2);
    const io = new NetIo(pool.maxLen);
    io.setOffloads(ALL, ALL);
    io.keepWhole = true;
    const out = new Uint32Array(300);
    const n = io.dequeueFromGuest(q, m.mem, pool, out, 32, 300);
    assert.equal(m.usedIdx(), 1);
    if (n === 0) assert.ok(io.badOffload + io.tooBig + io.noPoolBuffer >= 1, 'a frame that produced nothing was counted');
    const dm = new MockSplitQueue(256, 1 << 23), dq = queue(dm);
    for (let i = 0; i < (mrg ? 250 : 60); i++) dm.addChain([{ len: mrg ? 2048 : 70000, write: true }]);
    const dst = new NetIo(pool.maxLen);
    dst.setOffloads(ALL, destOff);
    dst.mergeable = mrg;
    dst.enqueueToGuest(dq, dm.mem, pool, out, n);
    assert.equal(dst.badOffload, 0, 'what was kept whole was checked on arrival');
    assert.equal(dst.toGuestPackets + dst.noGuestBuffer + dst.tooBig, n, 'each pool packet delivered or dropped once');
    for (const [h, s] of received(dm, mrg, mrg ? 2048 : 70000)) {
      if (h[1] !== 0) assert.ok((destOff & (OFF_TSO4 | OFF_TSO6)) !== 0, 'a GSO header only to a guest that negotiated TSO');
      else if (hdr[1] !== 0 && io.superFramesIn > 0) assert.ok(checksumOk(s, 0, s.length), 'cut segments carry full checksums');
    }
    assert.equal(pool.audit().inUse, 0, 'every buffer back');
  }), { numRuns: 200 });
});

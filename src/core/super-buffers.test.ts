/**
 * Super buffers (64 KiB frames with offload state) in the packet pool, and which links may
 * carry super-frames (Engine: superFrameLinks).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PacketPool, HEADROOM, SUPER_MAX_LEN, superCountFor } from './packet.js';
import { App, type AppContext } from './app.js';
import { Link } from './link.js';
import { superFrameLinks } from './engine.js';

const newPool = (n = 256) => new PacketPool(new ArrayBuffer(PacketPool.bytesFor(n)), n);

test('super buffers: handles above count, a 64 KiB frame each, their own free list, offload state cloned', () => {
  const pool = newPool();
  assert.equal(pool.superCount, superCountFor(256));
  const got: number[] = [];
  for (;;) { const p = pool.allocSuper(); if (p < 0) break; got.push(p); }
  assert.equal(got.length, pool.superCount);
  assert.equal(pool.audit().superAllocFail, 1);
  for (const p of got) {
    assert.ok(pool.isSuper(p) && p >= pool.count);
    assert.equal(pool.off[p], HEADROOM);
    assert.ok(pool.start(p) + SUPER_MAX_LEN <= (p + pool.superSlots) * pool.bufSize, 'a 64 KiB frame fits in its slots');
  }
  // Neighbours do not overlap: fill each with its own byte.
  for (const p of got) { pool.data.fill(p & 0xff, pool.start(p), pool.start(p) + SUPER_MAX_LEN); pool.len[p] = SUPER_MAX_LEN; }
  for (const p of got) assert.equal(pool.data[pool.start(p) + SUPER_MAX_LEN - 1], p & 0xff);
  assert.equal(pool.audit().superInUse, pool.superCount);
  assert.equal(pool.audit().inUse, pool.superCount, 'held super buffers count as in use (leaks show)');
  const p = got.pop()!;
  pool.free(p);
  pool.gsoType[got[0]!] = 1; pool.gsoSize[got[0]!] = 1448; pool.csumStart[got[0]!] = 34; pool.csumOffset[got[0]!] = 16;
  const q = pool.clone(got[0]!);
  assert.ok(pool.isSuper(q), 'a super-frame clones into a super buffer');
  assert.deepEqual([pool.gsoType[q], pool.gsoSize[q], pool.csumStart[q], pool.csumOffset[q], pool.len[q]], [1, 1448, 34, 16, SUPER_MAX_LEN]);
  got.push(q);
  // Ordinary buffers are unaffected, and free()/freeBurst() take either kind back.
  const small = pool.alloc();
  assert.ok(small < pool.count);
  pool.freeBurst(Uint32Array.from([small, ...got]), got.length + 1);
  assert.equal(pool.audit().inUse, 0);
  pool.free(got[0]!);
  assert.equal(pool.audit().doubleFree, 1, 'a double free of a super buffer is caught');
  pool.free(pool.count + 1);
  assert.equal(pool.audit().badFree, 1, 'a handle inside a super buffer is not one');
  assert.equal(pool.allocSuper() >= pool.count, true);
});

class Port extends App {
  override superFrames = 'send' as const;
  constructor(ctx: AppContext) { super(ctx); }
}
class Forwarder extends App {
  override superFrames = 'forward' as const;
  constructor(ctx: AppContext) { super(ctx); }
}
class Plain extends App {
  constructor(ctx: AppContext) { super(ctx); }
}

function wire(pool: PacketPool, links: [App, App][]): Link[] {
  return links.map(([a, b]) => {
    const l = new Link(`${a.name}.o -> ${b.name}.i`, pool);
    a.outputs.push(l);
    b.inputs.push(l);
    return l;
  });
}

test('superFrameLinks: into ports yes; into a forwarder only when all its ways out take them; never into other apps', () => {
  const pool = newPool(64);
  const ctx = (name: string) => ({ name, pool });
  const a = new Port(ctx('a')), b = new Port(ctx('b')), br = new Forwarder(ctx('br')), r = new Plain(ctx('r'));
  const [aBr, brB, bBr, brA] = wire(pool, [[a, br], [br, b], [b, br], [br, a]]);
  superFrameLinks([a, b, br, r]);
  assert.deepEqual([aBr, brB, bBr, brA].map((l) => l!.superFrames), [true, true, true, true]);
  // A router joins the bridge: nothing may give the bridge super-frames any more.
  const [brR, rBr] = wire(pool, [[br, r], [r, br]]);
  superFrameLinks([a, b, br, r]);
  assert.deepEqual([aBr, brB, bBr, brA, brR, rBr].map((l) => l!.superFrames), [false, true, false, true, false, false]);
  // Two forwarders in a loop, each also out to a port: all may carry them.
  const f1 = new Forwarder(ctx('f1')), f2 = new Forwarder(ctx('f2')), c = new Port(ctx('c'));
  const loop = wire(pool, [[f1, f2], [f2, f1], [f2, c], [c, f1]]);
  superFrameLinks([f1, f2, c]);
  assert.ok(loop.every((l) => l.superFrames));
});

/**
 * virtio-user sends pool super-frames (paired in-process peers: Sluice's virtio-user frontend
 * against Sluice's vhost-user backend over a real unix socket): whole, with the virtio-net
 * header made from the offload state, as a descriptor chain to a backend that negotiated
 * HOST_TSO; cut at the last moment (full checksums, one packet counted) for a backend that
 * did not; jumbo frames as chains too. Every TX buffer comes back for reuse.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VirtioUserPort } from './port.js';
import { VhostUserPort } from '../vhost-user/port.js';
import { PacketPool } from '../../core/packet.js';
import { OffloadTx } from '../offload/offload-tx.js';
import { wordsOf } from '../vhost-user/copy.js';
import { buildSuperFrame } from '../../lib/offload/testkit.js';
import { l4ChecksumOk } from '../../../test/support/l4-checksum.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function pair(pool: PacketPool, backendOffloads: boolean) {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-vus-'));
  const path = join(dir, 'p.sock');
  const logs: string[] = [];
  const backend = new VhostUserPort({ path, offloads: backendOffloads, maxFrame: pool.maxLen, log: (m) => logs.push(m) });
  backend.start();
  const fe = new VirtioUserPort({ path, queueSize: 128, offloads: true, superTx: new OffloadTx(pool, wordsOf(pool.data)), log: (m) => logs.push(m) });
  await fe.start();
  for (let i = 0; i < 100 && !(backend.connected && backend.kickFds().length > 0); i++) await sleep(10);
  assert.equal(fe.ready, true, logs.join('\n'));
  const cleanup = () => { fe.stop(); backend.stop(); rmSync(dir, { recursive: true, force: true }); };
  return { backend, fe, cleanup };
}

/** A pool super-frame with the offload state a guest's TSO header gave it. */
function superPacket(pool: PacketPool, f: { vnet: Uint8Array; frame: Uint8Array }): number {
  const p = pool.allocSuper();
  assert.ok(p >= 0);
  pool.data.set(f.frame, pool.start(p));
  pool.len[p] = f.frame.length;
  const v = f.vnet;
  pool.gsoType[p] = v[1]!;
  pool.gsoSize[p] = v[4]! | (v[5]! << 8);
  pool.csumStart[p] = v[6]! | (v[7]! << 8);
  pool.csumOffset[p] = v[8]! | (v[9]! << 8);
  return p;
}

async function drain(backend: VhostUserPort, pool: PacketPool, want: number): Promise<number[]> {
  const out = new Uint32Array(64), got: number[] = [];
  for (let i = 0; i < 200 && got.length < want; i++) {
    const n = backend.dequeue(pool, out, 64);
    for (let k = 0; k < n; k++) got.push(out[k]!);
    if (got.length < want) await sleep(5);
  }
  return got;
}

const newPool = () => new PacketPool(new ArrayBuffer(PacketPool.bytesFor(1024)), 1024);

for (const v6 of [false, true]) {
  test(`virtio-user sends a TSO${v6 ? 6 : 4} super-frame whole to a backend that took HOST_TSO`, async () => {
    const pool = newPool();
    const { backend, fe, cleanup } = await pair(pool, true);
    try {
      assert.deepEqual([fe.txOffloads !== 0, backend.device.io.hostOffloads === fe.txOffloads], [true, true], 'CSUM/HOST_TSO negotiated');
      backend.rings.io.keepWhole = true;
      const f = buildSuperFrame({ v6, payLen: 40000, mss: 1448, tcpOptions: 12, seed: 3 });
      for (let round = 0; round < 8; round++) { // 8 chains of 20 buffers on a 128-entry ring: they come back and are reused
        assert.equal(fe.enqueue(pool, Uint32Array.of(superPacket(pool, f)), 1), 1);
        const got = await drain(backend, pool, 1);
        assert.equal(got.length, 1);
        const p = got[0]!;
        assert.ok(pool.isSuper(p), 'whole into the backend\'s super buffer');
        assert.deepEqual(pool.data.slice(pool.start(p), pool.start(p) + pool.len[p]!), f.frame);
        assert.deepEqual([pool.gsoType[p], pool.gsoSize[p], pool.csumStart[p]], [f.vnet[1], 1448, v6 ? 54 : 34]);
        pool.free(p);
      }
      assert.deepEqual([fe.txPackets, fe.superFramesOut, fe.opts.superTx!.segmented, fe.txFull], [8, 8, 0, 0]);
      assert.equal(backend.device.io.superFramesIn, 8);
      assert.equal(pool.audit().inUse, 0, 'every buffer back');
    } finally {
      cleanup();
    }
  });
}

test('virtio-user cuts a super-frame for a backend without offloads (full checksums, one packet out); jumbo frames go as chains', async () => {
  const pool = newPool();
  const { backend, fe, cleanup } = await pair(pool, false);
  try {
    assert.equal(fe.txOffloads, 0);
    const f = buildSuperFrame({ payLen: 30000, mss: 1000, seed: 5 });
    const jumbo = new Uint8Array(9000).map((_, i) => (i * 13) & 0xff);
    const j = pool.alloc();
    pool.data.set(jumbo, pool.start(j));
    pool.len[j] = jumbo.length;
    assert.equal(fe.enqueue(pool, Uint32Array.of(superPacket(pool, f), j), 2), 2);
    const segs = 30;
    const got = await drain(backend, pool, segs + 1);
    assert.equal(got.length, segs + 1);
    let payload = 0;
    for (const p of got.slice(0, segs)) {
      const s = pool.data.subarray(pool.start(p), pool.start(p) + pool.len[p]!);
      assert.ok(l4ChecksumOk(s, 0, s.length), 'each segment has its full checksum');
      payload += s.length - 54;
    }
    assert.equal(payload, 30000, 'the payload, all of it');
    const last = got[segs]!;
    assert.deepEqual(pool.data.slice(pool.start(last), pool.start(last) + pool.len[last]!), jumbo, 'the jumbo frame whole');
    for (const p of got) pool.free(p);
    assert.deepEqual([fe.txPackets, fe.superFramesOut, fe.opts.superTx!.segmented, fe.segmentsLost], [2, 0, segs, 0]);
    assert.equal(pool.audit().inUse, 0, 'every buffer back');
  } finally {
    cleanup();
  }
});

test('a backend that leaves before taking them: a cut super-frame, a whole one and a jumbo frame each come back as one lost packet', async () => {
  const pool = newPool();
  for (const offloads of [false, true]) {
    const { backend, fe, cleanup } = await pair(pool, offloads);
    try {
      const f = buildSuperFrame({ payLen: 20000, mss: 1000, seed: 9 });
      const j = pool.alloc();
      pool.len[j] = 9000;
      assert.equal(fe.enqueue(pool, Uint32Array.of(superPacket(pool, f), j), 2), 2);
      assert.deepEqual([fe.txPackets, fe.opts.superTx!.segmented > 0, fe.superFramesOut], [2, !offloads, offloads ? 1 : 0]);
      backend.stop();
      for (let i = 0; i < 200 && fe.ready; i++) await sleep(10);
      assert.equal(fe.ready, false, 'the frontend saw the backend go');
      assert.deepEqual([fe.txPackets, fe.txLost, fe.txBytes], [0, 2, 0], 'each packet taken back once, bytes and all');
      assert.equal(pool.audit().inUse, 0);
    } finally {
      cleanup();
    }
  }
});

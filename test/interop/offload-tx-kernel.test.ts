/**
 * Super-frames leaving Sluice for the kernel, with the kernel as the oracle. A 64 KiB-class
 * super-frame is put in a pool super buffer (with its offload state, as a vhost-user port
 * keeps a guest's in bridge mode) and pushed into:
 * - an AF_PACKET port on a veth whose TSO and checksum offload are off: the port writes it
 *   whole with a GSO header, the kernel cuts it, and the peer receives exactly the segments
 *   Sluice's own software GSO makes of it;
 * - a TAP port with offloads: written whole, the kernel takes it as one GSO packet (a
 *   capture on the device sees the frame as it was);
 * - a TAP port without offloads: cut by the port at the last moment, one write per segment.
 * Each port counts one packet out (the super-frame) and says how (superFramesOut or
 * segmentedOut). And the other way: a super-frame the kernel hands an AF_PACKET or TAP port
 * is kept whole in a super buffer when the port's output link may carry it, else cut on arrival.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { fn, errno } from '../../src/sys/libc.js';
import { setIfOffload } from '../../src/sys/index.js';
import { PacketPool } from '../../src/core/packet.js';
import { Link } from '../../src/core/link.js';
import { TX_PACKETS } from '../../src/core/counters.js';
import type { App } from '../../src/core/app.js';
import { AfPacketPort } from '../../src/drivers/af-packet/index.js';
import { TapPort } from '../../src/drivers/tap/index.js';
import { buildSuperFrame, type SuperFrameSpec } from '../../src/lib/offload/testkit.js';
import { NetnsLab, skipUnlessNetns, run } from './af-packet-netns.js';
import { packetSocket, receive, ours } from './kernel-frames.js';

const lab = new NetnsLab('ot');
after(() => lab.cleanup());

/** The super-frame in a pool super buffer, offload state set as a port sets it on arrival. */
function superPacket(pool: PacketPool, vnet: Uint8Array, frame: Uint8Array): number {
  const p = pool.allocSuper();
  assert.ok(p >= pool.count);
  pool.data.set(frame, pool.start(p));
  pool.len[p] = frame.length;
  pool.gsoType[p] = vnet[1]!;
  pool.gsoSize[p] = vnet[4]! | (vnet[5]! << 8);
  pool.csumStart[p] = vnet[6]! | (vnet[7]! << 8);
  pool.csumOffset[p] = vnet[8]! | (vnet[9]! << 8);
  return p;
}

function pushOne(app: App, pool: PacketPool, p: number): void {
  const l = new Link('t.output -> port.input', pool);
  app.input.input = l;
  app.inputs = [l];
  app.linked?.();
  l.transmit(p);
  app.push!();
}

const cases: SuperFrameSpec[] = [
  { payLen: 60000, mss: 1448, tcpOptions: 12, seed: 11 },
  { v6: true, payLen: 40000, mss: 1428, seed: 12 },
];

test('AF_PACKET port: a pool super-frame goes out whole and the kernel cuts it as Sluice would', { timeout: 60_000 }, async (t) => {
  if (skipUnlessNetns(t)) return;
  const a = `${lab.tag}a`, b = `${lab.tag}b`;
  run('ip', ['link', 'add', a, 'type', 'veth', 'peer', 'name', b]);
  lab.track(a);
  for (const d of [a, b]) writeFileSync(`/proc/sys/net/ipv6/conf/${d}/disable_ipv6`, '1');
  setIfOffload(a, 'tx-checksum', false);
  setIfOffload(a, 'tso', false);
  run('ip', ['link', 'set', b, 'up']);
  const pool = new PacketPool(new ArrayBuffer(PacketPool.bytesFor(256)), 256);
  const port = new AfPacketPort({ name: 'port', pool }, { ifname: a });
  const rx = packetSocket(b, false);
  try {
    assert.equal(port.state.up, true, 'the port is up');
    for (const spec of cases) {
      const { vnet, frame } = buildSuperFrame(spec);
      const want = ours(vnet, frame);
      pushOne(port, pool, superPacket(pool, vnet, frame));
      const got = await receive(rx, want.length);
      assert.equal(got.length, want.length, `segments of ${JSON.stringify(spec)}`);
      got.forEach((g, i) => assert.deepEqual(g, want[i], `segment ${i} of ${JSON.stringify(spec)} differs`));
    }
    const off = (port.report().offloads as Record<string, number>);
    assert.equal(off.superFramesOut, cases.length, 'sent whole');
    assert.equal(port.counters[TX_PACKETS], cases.length, 'one packet out per super-frame');
    // The other way: the peer (TSO on) hands the port the super-frame whole.
    const inj = packetSocket(b, true);
    try {
      for (const whole of [true, false]) {
        const { vnet, frame } = buildSuperFrame({ payLen: 50000, mss: 1448, seed: whole ? 21 : 22 });
        const out = new Link('port.output -> t.input', pool);
        out.superFrames = whole;
        port.output.output = out;
        port.linked();
        const msg = new Uint8Array(10 + frame.length);
        msg.set(vnet, 0);
        msg.set(frame, 10);
        assert.equal(fn.write(inj, msg, msg.length), msg.length, `inject: errno ${errno()}`);
        const got: number[] = [];
        for (let i = 0; i < 300 && got.length < (whole ? 1 : 35); i++) {
          port.pull();
          while (!out.empty()) got.push(out.receive());
          await new Promise((r) => setTimeout(r, 5));
        }
        const mine = got.filter((p) => pool.len[p]! > 200); // the test flow, not ND noise
        if (whole) {
          assert.equal(mine.length, 1, 'one packet: the super-frame whole');
          const p = mine[0]!;
          assert.ok(p >= pool.count, 'in a super buffer');
          assert.deepEqual(pool.data.slice(pool.start(p), pool.start(p) + pool.len[p]!), frame);
          assert.deepEqual([pool.gsoType[p], pool.gsoSize[p], pool.csumStart[p], pool.csumOffset[p]], [1, 1448, 34, 16]);
        } else {
          assert.equal(mine.length, Math.ceil(50000 / 1448), 'cut on arrival');
          assert.ok(mine.every((p) => p < pool.count));
        }
        for (const p of got) pool.free(p);
      }
    } finally {
      fn.close(inj);
    }
  } finally {
    fn.close(rx);
    port.stop();
  }
  assert.equal(pool.audit().inUse, 0);
});

test('TAP port: a pool super-frame is written whole with offloads, cut by the port without', { timeout: 60_000 }, async (t) => {
  if (skipUnlessNetns(t)) return;
  if (!existsSync('/dev/net/tun')) { if (process.env.CI === 'true') throw new Error('no /dev/net/tun'); t.skip('no /dev/net/tun'); return; }
  for (const offloads of [true, false]) {
    const dev = `${lab.tag}${offloads ? 'o' : 'n'}`;
    const pool = new PacketPool(new ArrayBuffer(PacketPool.bytesFor(256)), 256);
    const port = new TapPort({ name: 'port', pool }, { ifname: dev, offloads });
    lab.track(dev);
    writeFileSync(`/proc/sys/net/ipv6/conf/${dev}/disable_ipv6`, '1');
    run('ip', ['link', 'set', dev, 'up']);
    const rx = packetSocket(dev, false);
    try {
      const { vnet, frame } = buildSuperFrame(cases[0]!);
      const want = offloads ? [frame] : ours(vnet, frame);
      pushOne(port, pool, superPacket(pool, vnet, frame));
      const got = await receive(rx, want.length);
      assert.equal(got.length, want.length, `${dev}: frames the kernel received`);
      // Whole, the frame keeps its partial checksum (the kernel finishes it when it must).
      got.forEach((g, i) => assert.deepEqual(g, want[i], `${dev}: frame ${i}`));
      const off = port.report().offloads as Record<string, number>;
      assert.equal(port.counters[TX_PACKETS], 1, 'one packet out');
      if (offloads) assert.equal(off.superFramesOut, 1);
      else assert.equal(off.segmentedOut, want.length);
      if (offloads) {
        // The other way: the kernel sends the device a super-frame; kept whole for a link that may carry it.
        const inj = packetSocket(dev, true);
        const s2 = buildSuperFrame({ payLen: 45000, mss: 1448, seed: 31 });
        const msg = new Uint8Array(10 + s2.frame.length);
        msg.set(s2.vnet, 0);
        msg.set(s2.frame, 10);
        assert.equal(fn.write(inj, msg, msg.length), msg.length, `inject: errno ${errno()}`);
        fn.close(inj);
        const out = new Link('port.output -> t.input', pool);
        out.superFrames = true;
        port.output.output = out;
        port.linked();
        const got: number[] = [];
        for (let i = 0; i < 300 && got.length === 0; i++) {
          port.pull();
          while (!out.empty()) { const p = out.receive(); if (pool.len[p]! > 200) got.push(p); else pool.free(p); }
          await new Promise((r) => setTimeout(r, 5));
        }
        assert.equal(got.length, 1, 'the super-frame whole');
        const p = got[0]!;
        assert.ok(p >= pool.count, 'in a super buffer');
        assert.deepEqual(pool.data.slice(pool.start(p), pool.start(p) + pool.len[p]!), s2.frame);
        pool.free(p);
      }
    } finally {
      fn.close(rx);
      port.stop();
    }
    assert.equal(pool.audit().inUse, 0);
  }
});

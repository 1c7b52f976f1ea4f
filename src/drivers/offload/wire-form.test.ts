/**
 * Ports and apps that record packets show a super-frame as the wire carries it: a pcap port
 * writes its segments (one packet out), a capture records its segments and forwards it whole.
 * The expected segments are Sluice's software GSO, which gso-kernel.test.ts checks against
 * the kernel's own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PacketPool } from '../../core/packet.js';
import { Link } from '../../core/link.js';
import { TX_PACKETS } from '../../core/counters.js';
import type { App } from '../../core/app.js';
import { PcapPort } from '../pcap/pcap-port.js';
import { CaptureApp } from '../../apps/capture/capture.js';
import { PcapReader, PcapngReader } from '../../lib/pcap/index.js';
import { buildSuperFrame } from '../../lib/offload/testkit.js';
import { words } from '../../lib/offload/copy-words.js';
import { GsoPlan, planGso, writeSegment } from '../../lib/offload/gso.js';
import { VnetHdr, readVnetHdr } from '../../lib/offload/vnet-hdr.js';

function segments(vnet: Uint8Array, frame: Uint8Array): Uint8Array[] {
  const h = new VnetHdr(), plan = new GsoPlan(), dst = new Uint8Array(9216), out: Uint8Array[] = [];
  readVnetHdr(vnet, 0, h);
  assert.equal(planGso(frame, 0, frame.length, h, 9000, plan), 0);
  for (let i = 0; i < plan.segs; i++) out.push(dst.slice(0, writeSegment(frame, words(frame), 0, plan, i, dst, words(dst), 0)));
  return out;
}

function superPacket(pool: PacketPool, vnet: Uint8Array, frame: Uint8Array): number {
  const p = pool.allocSuper();
  pool.data.set(frame, pool.start(p));
  pool.len[p] = frame.length;
  pool.gsoType[p] = vnet[1]!;
  pool.gsoSize[p] = vnet[4]! | (vnet[5]! << 8);
  return p;
}

function wire(app: App, pool: PacketPool, withOut: boolean): { inp: Link; out: Link } {
  const inp = new Link('t.output -> a.input', pool), out = new Link('a.output -> u.input', pool);
  app.input.input = inp;
  if (withOut) app.output.output = out;
  app.linked?.();
  return { inp, out };
}

test('a pcap port writes a super-frame as its wire segments; a capture records them and forwards it whole', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-wire-'));
  try {
    const pool = new PacketPool(new ArrayBuffer(PacketPool.bytesFor(256)), 256);
    const { vnet, frame } = buildSuperFrame({ payLen: 30000, mss: 1448, tcpOptions: 12, seed: 5 });
    const want = segments(vnet, frame);
    const buf = new Uint8Array(16384);

    const pcapFile = join(dir, 'out.pcap');
    const port = new PcapPort({ name: 'pcap', pool }, { out: pcapFile });
    const a = wire(port, pool, false);
    a.inp.transmit(superPacket(pool, vnet, frame));
    port.push!();
    port.stop!();
    assert.equal(port.counters[TX_PACKETS], 1, 'one packet out');
    const r = PcapReader.open(pcapFile);
    const got: Uint8Array[] = [];
    for (let n = r.next(buf, 0, buf.length); n >= 0; n = r.next(buf, 0, buf.length)) got.push(buf.slice(0, n));
    assert.deepEqual(got, want, 'the file holds the segments the wire carries');

    const capFile = join(dir, 'cap.pcapng');
    const cap = new CaptureApp({ name: 'cap', pool }, { file: capFile, port: 'p0', dir: 'tx' });
    assert.equal(cap.superFrames, 'forward');
    const c = wire(cap, pool, true);
    const p = superPacket(pool, vnet, frame);
    c.inp.transmit(p);
    cap.push!();
    assert.equal(c.out.receive(), p, 'forwarded whole');
    pool.free(p);
    cap.stop!();
    const rn = PcapngReader.open(capFile);
    const rec: Uint8Array[] = [];
    for (let n = rn.next(buf, 0, buf.length); n >= 0; n = rn.next(buf, 0, buf.length)) rec.push(buf.slice(0, n));
    assert.deepEqual(rec, want, 'the capture holds the wire form');
    assert.equal(pool.audit().inUse, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/**
 * Offloads across a hop that cannot carry them: namespace → Sluice A (AF_PACKET) → memif →
 * Sluice B → (AF_PACKET) namespace, two switch processes, offloads left at the kernel's
 * defaults on both veths. The sender's 64 KiB super-frames are kept whole from A's AF_PACKET
 * port to A's memif port and cut there at the last moment, so only wire-size frames cross the
 * memif; a 32 MiB TCP transfer arrives with the same hash.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { spawn, type ChildProcess } from 'node:child_process';
import { NetnsLab, skipUnlessNetns, ping, tcpTransfer } from './af-packet-netns.js';
import { sleep, workDir } from '../support/vhost-interop.js';

const lab = new NetnsLab('mc');
after(() => lab.cleanup());
const SLUICE = new URL('../../../bin/sluice.js', import.meta.url).pathname;

type Port = { name: string; rx: { packets: number }; tx: { packets: number }; drops: Record<string, number>; offloads?: { superFramesIn: number; segmented: number; segmentedOut?: number } };

function sluice(args: string[]): { child: ChildProcess; stderr: () => string; done: Promise<void> } {
  const child = spawn(process.execPath, [SLUICE, 'switch', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d) => { err += String(d); });
  return { child, stderr: () => err, done: new Promise((r) => child.on('exit', () => r())) };
}

test('TCP with offloads on through namespace → Sluice → memif → Sluice → namespace', { timeout: 90_000 }, async (t) => {
  if (skipUnlessNetns(t, ['nc'])) return;
  const w = workDir('sluice-mc-');
  const ns1 = lab.ns('1'), ns2 = lab.ns('2');
  const a = lab.veth(ns1, `${lab.tag}a`, '10.204.0.1/24');
  const b = lab.veth(ns2, `${lab.tag}b`, '10.204.0.2/24');
  const sock = join(w.dir, 'memif.sock'), ja = join(w.dir, 'a.json'), jb = join(w.dir, 'b.json');
  const A = sluice(['--port', `af-packet:${a.host}`, '--port', `memif:${sock},role=server`, '--mode', 'patch', '--json', ja]);
  const B = sluice(['--port', `memif:${sock},role=client`, '--port', `af-packet:${b.host}`, '--mode', 'patch', '--json', jb]);
  try {
    let up = 0;
    for (let i = 0; i < 20 && up === 0; i++) { await sleep(300); up = await ping(ns1, '10.204.0.2', 1); }
    assert.ok(up > 0, `no ping across the memif: A ${A.stderr()} B ${B.stderr()}`);
    const bytes = 32 << 20;
    const r = await tcpTransfer(lab, ns1, ns2, '10.204.0.2', bytes);
    assert.equal(r.received, bytes);
    assert.ok(r.same, 'received bytes differ from sent bytes');
    A.child.kill('SIGTERM'); B.child.kill('SIGTERM');
    await Promise.all([A.done, B.done]);
    const pa = (JSON.parse(readFileSync(ja, 'utf8')) as { ports: Port[] }).ports;
    const pb = (JSON.parse(readFileSync(jb, 'utf8')) as { ports: Port[] }).ports;
    console.log(`# A ${pa.map((p) => `${p.name} rx=${p.rx.packets} tx=${p.tx.packets} ${JSON.stringify(p.offloads ?? {})}`).join('; ')}`);
    console.log(`# B ${pb.map((p) => `${p.name} rx=${p.rx.packets} tx=${p.tx.packets} ${JSON.stringify(p.offloads ?? {})}`).join('; ')}`);
    assert.ok(pa[0]!.offloads!.superFramesIn > 0, 'super-frames arrived at A\'s AF_PACKET port');
    // Kept whole to the memif port, cut there at the last moment (a memif peer takes wire frames only).
    assert.ok((pa[1]!.offloads!.segmentedOut ?? 0) > pa[0]!.offloads!.superFramesIn / 2, 'super-frames cut at A\'s memif port');
    // Each segment went across or was dropped when the memif ring was full (TCP resends it).
    const memifDrops = pa[1]!.drops.peer_no_buffer ?? 0;
    assert.ok(pa[1]!.tx.packets + memifDrops >= pa[1]!.offloads!.segmentedOut!, `the segments crossed the memif (tx ${pa[1]!.tx.packets}, ring full ${memifDrops})`);
    for (const p of [...pa, ...pb]) assert.equal(p.drops.bad_offload ?? 0, 0);
  } finally {
    A.child.kill('SIGKILL'); B.child.kill('SIGKILL');
    w.cleanup();
  }
});

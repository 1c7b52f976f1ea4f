/**
 * TSO and checksum offload between real QEMU guests (Linux virtio-net, offloads on as Linux
 * enables them by default) through Sluice's single-copy vhost-user patch: an iperf3 TCP
 * stream from guest A to guest B. With `offloads` on both ports, both guests negotiate
 * CSUM/GUEST_CSUM and HOST/GUEST_TSO4, and the stream crosses as 64 KiB super-frames passed
 * whole; with `offloads` on A's port only, Sluice cuts A's super-frames in software for a
 * guest that did not get them. Either way iperf3 (TCP) delivers the data; throughput is printed, not asserted.
 * Last, the queue pairs served by a worker engine (`sluice switch --workers 1`) through the
 * pool: super-frames cross whole there too, and the port's report counts what the worker did.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { VMHARNESS, marker, runGuest, skipIfMissing, sleep, startSwitch, workDir, type SwitchCounters } from '../support/vhost-interop.js';
import { sluiceBackground } from '../support/cli.js';

const needs = { root: true, bins: ['qemu-system-x86_64'], files: [join(VMHARNESS, 'run-guest.sh'), `${process.env.HOME}/.cache/vmharness/guest/vmlinux`] };

/** Guest A (on s0) runs iperf3 for 4 s against guest B (on s1); both guests' results. */
function iperfGuests(dir: string, s0: string, s1: string) {
  const a = runGuest({ sock: s0, name: 'ga', ip: '10.0.0.1/24', mac: '52:54:00:00:00:01', log: join(dir, 'ga.log'), timeout: 120,
    cmd: 'vmh_wait_peer 10.0.0.2 40 && vmh_iperf_client 10.0.0.2 4; r=$?; exit $r' });
  const b = runGuest({ sock: s1, name: 'gb', ip: '10.0.0.2/24', mac: '52:54:00:00:00:02', log: join(dir, 'gb.log'), timeout: 120,
    cmd: 'vmh_iperf_server' });
  return Promise.all([a.done, b.done]);
}

async function iperfPair(t: import('node:test').TestContext, optsB: string, mode: 'patch' | 'bridge' = 'patch'): Promise<{ counters: SwitchCounters; rate: string } | undefined> {
  if (skipIfMissing(t, needs)) return undefined;
  const w = workDir('sluice-vho-');
  const s0 = join(w.dir, 'p0.sock'), s1 = join(w.dir, 'p1.sock');
  const sw = await startSwitch([`${s0},offloads`, `${s1}${optsB}`], [s0, s1], { SLUICE_VHOST_TEST_MODE: mode });
  try {
    const [ra, rb] = await iperfGuests(w.dir, s0, s1);
    const counters = await sw.stop();
    assert.equal(ra.rc, 0, `guest A failed:\n${ra.log}\nswitch: ${sw.stderr.join('')}`);
    assert.equal(rb.rc, 0, `guest B failed:\n${rb.log}`);
    const rate = marker(ra.log, 'IPERF-OK') ?? '';
    assert.match(rate, /IPERF-OK [\d.]+ [KMG]?bits\/sec/);
    for (const p of counters.ports) {
      assert.equal(p.quarantined, 0);
      assert.equal(p.badOffload ?? 0, 0, `${p.path}: offload headers refused`);
    }
    return { counters, rate };
  } finally {
    await sw.kill9();
    w.cleanup();
  }
}

test('QEMU guests: iperf3 with TSO passes 64 KiB super-frames whole through the patch', { timeout: 180_000 }, async (t) => {
  const r = await iperfPair(t, ',offloads');
  if (!r) return;
  const [a, b] = r.counters.ports as [Required<SwitchCounters['ports'][0]>, Required<SwitchCounters['ports'][0]>];
  console.log(`# offloads on: ${r.rate}; features=${a.features}; A ${JSON.stringify(a.offloads)} B ${JSON.stringify(b.offloads)}`);
  for (const p of [a, b]) {
    assert.deepEqual(p.offloads.fromGuest.slice(0, 2), ['csum', 'tso4'], `${p.path} negotiated CSUM and HOST_TSO4`);
    assert.deepEqual(p.offloads.toGuest.slice(0, 2), ['csum', 'tso4'], `${p.path} negotiated GUEST_CSUM and GUEST_TSO4`);
  }
  assert.ok(a.offloads.superFramesIn > 0, 'guest A sent super-frames');
  assert.equal(b.offloads.superFramesOut, a.offloads.superFramesIn, 'every super-frame reached guest B whole');
  assert.equal(a.offloads.segmented, 0, 'nothing was cut in software');
});

test('QEMU guests: iperf3 to a guest without offloads gets segments cut in software', { timeout: 180_000 }, async (t) => {
  const r = await iperfPair(t, '');
  if (!r) return;
  const [a, b] = r.counters.ports as [Required<SwitchCounters['ports'][0]>, Required<SwitchCounters['ports'][0]>];
  console.log(`# B without offloads: ${r.rate}; A ${JSON.stringify(a.offloads)} B ${JSON.stringify(b.offloads)}`);
  assert.deepEqual(b.offloads.toGuest, [], 'B negotiated no offloads');
  assert.ok(a.offloads.superFramesIn > 0 && a.offloads.segmented > a.offloads.superFramesIn, 'A\'s super-frames were segmented for B');
  assert.equal(b.offloads.superFramesOut, 0);
  // In wire frames: what A's port counts in equals what B's port counts out (plus drops).
  assert.ok(b.tx + b.noGuestBuffer >= a.rx - 5, `accounting: A rx ${a.rx}, B tx ${b.tx} + no buffer ${b.noGuestBuffer}`);
});

test('QEMU guests in bridge mode: iperf3 super-frames cross the packet pool and the bridge whole', { timeout: 180_000 }, async (t) => {
  const r = await iperfPair(t, ',offloads', 'bridge');
  if (!r) return;
  const [a, b] = r.counters.ports as [Required<SwitchCounters['ports'][0]>, Required<SwitchCounters['ports'][0]>];
  console.log(`# bridge, offloads on: ${r.rate}; A ${JSON.stringify(a.offloads)} B ${JSON.stringify(b.offloads)}`);
  assert.ok(a.offloads.superFramesIn > 0, 'guest A sent super-frames');
  assert.ok(b.offloads.superFramesOut > 0, 'super-frames reached guest B whole through the bridge');
  // Counted in pool packets: a super-frame is one packet in at A and one out at B.
  assert.ok(b.tx + b.noGuestBuffer >= a.rx - 5, `accounting: A rx ${a.rx}, B tx ${b.tx} + no buffer ${b.noGuestBuffer}`);
});

test('QEMU guests, queue pairs on a worker engine: super-frames cross the pool whole there too', { timeout: 180_000 }, async (t) => {
  if (skipIfMissing(t, needs)) return;
  const w = workDir('sluice-vhow-');
  const s0 = join(w.dir, 'p0.sock'), s1 = join(w.dir, 'p1.sock'), json = join(w.dir, 'summary.json');
  // Single copy off: the worker's queues app puts guest A's frames on the link to B's (the
  // pool path); on, they would go guest to guest as on the main engine.
  const sw = sluiceBackground(['switch', '--port', `vhost-user:${s0},offloads`, '--port', `vhost-user:${s1},offloads`, '--workers', '1', '--json', json],
    { SLUICE_VHOST_SINGLE_COPY: '0' });
  try {
    for (let i = 0; i < 200 && !(existsSync(s0) && existsSync(s1)); i++) await sleep(50);
    const [ra, rb] = await iperfGuests(w.dir, s0, s1);
    const r = await sw.stop();
    assert.equal(r.status, 0, r.stderr);
    assert.equal(ra.rc, 0, `guest A failed:\n${ra.log}\nswitch: ${r.stderr}`);
    assert.equal(rb.rc, 0, `guest B failed:\n${rb.log}`);
    const rate = marker(ra.log, 'IPERF-OK') ?? '';
    assert.match(rate, /IPERF-OK [\d.]+ [KMG]?bits\/sec/);
    interface Port { rx: { packets: number }; tx: { packets: number }; drops: Record<string, number>; singleCopy: boolean;
      placement: { engine: string }[]; offloads: { superFramesIn: number; superFramesOut: number; segmented: number } }
    const [pa, pb] = (JSON.parse(readFileSync(json, 'utf8')) as { ports: Port[] }).ports as [Port, Port];
    console.log(`# worker engine, pool path: ${rate}; A ${JSON.stringify(pa.offloads)} B ${JSON.stringify(pb.offloads)} drops B ${JSON.stringify(pb.drops)}`);
    assert.deepEqual(pa.placement.map((p) => p.engine), ['worker0'], 'the queue pair ran on the worker');
    assert.equal(pa.drops.bad_offload ?? 0, 0);
    assert.ok(pa.offloads.superFramesIn > 0, 'guest A sent super-frames (counted by the worker)');
    // Cut on arrival, each would have made ~40 segments; whole, only the GSO frames small
    // enough for an ordinary buffer are cut (as in bridge mode).
    assert.ok(pb.offloads.superFramesOut >= pa.offloads.superFramesIn / 2, 'most super-frames reached guest B whole');
    assert.ok(pa.offloads.segmented < pa.offloads.superFramesIn, 'few were cut on arrival');
    // Counted in pool packets: a super-frame is one packet in at A and one out at B.
    assert.equal(pb.tx.packets + (pb.drops.peer_no_buffer ?? 0), pa.rx.packets, 'A→B: delivered + peer_no_buffer = received');
  } finally {
    if (sw.child.exitCode === null) await sw.stop('SIGKILL');
    w.cleanup();
  }
});

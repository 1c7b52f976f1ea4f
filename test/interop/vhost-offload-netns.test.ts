/**
 * A QEMU guest (virtio-net, TSO and checksum offload on) and a network namespace (veth,
 * offloads at the kernel's defaults) exchange TCP streams both ways through `sluice switch
 * --mode bridge` joining a vhost-user port (`offloads`) and an AF_PACKET port. Both sides send
 * 64 KiB super-frames: the guest's cross the pool and the bridge whole and leave the AF_PACKET
 * port whole (the kernel segments them), the namespace's are kept whole at the AF_PACKET port
 * and reach the guest whole (GUEST_TSO4); the guest's random data arrives with its MD5, every byte of the reverse stream
 * arrives. The switch summary shows what each port did.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { VMHARNESS, marker, runGuest, skipIfMissing, sleep, workDir } from '../support/vhost-interop.js';
import { NetnsLab, skipUnlessNetns } from './af-packet-netns.js';

const needs = { root: true, bins: ['qemu-system-x86_64', 'nc'], files: [join(VMHARNESS, 'run-guest.sh'), `${process.env.HOME}/.cache/vmharness/guest/vmlinux`] };
const lab = new NetnsLab('vo');
after(() => lab.cleanup());
const MIB = 12;

type Offloads = { superFramesIn: number; superFramesOut?: number; segmented: number; checksumsCompleted: number; fromGuest?: string[] };
type Port = { name: string; rx: { packets: number }; tx: { packets: number }; drops: Record<string, number>; offloads?: Offloads };

test('guest ↔ namespace TCP both ways through a bridge of vhost-user (offloads) and AF_PACKET: the guest\'s super-frames leave whole', { timeout: 180_000 }, async (t) => {
  if (skipIfMissing(t, needs) || skipUnlessNetns(t, ['nc'])) return;
  const w = workDir('sluice-von-');
  const ns = lab.ns('1');
  const v = lab.veth(ns, `${lab.tag}a`, '10.203.0.2/24');
  const sock = join(w.dir, 'g.sock'), json = join(w.dir, 'summary.json');
  const sw = spawn(process.execPath, [new URL('../../../bin/sluice.js', import.meta.url).pathname, 'switch',
    '--port', `vhost-user:${sock},offloads`, '--port', `af-packet:${v.host}`, '--mode', 'bridge', '--json', json], { stdio: ['ignore', 'ignore', 'pipe'] });
  let swErr = '';
  sw.stderr!.on('data', (d) => { swErr += String(d); });
  const swDone = new Promise<void>((r) => sw.on('exit', () => r()));
  let guest: ReturnType<typeof runGuest> | undefined;
  try {
    // The namespace listens first; the guest sends to it, then listens for the reverse stream.
    const sink = lab.spawn(ns, ['sh', '-c', 'nc -l -d -p 5001 | md5sum']);
    let sunk = '';
    sink.stdout!.on('data', (d) => { sunk += String(d); });
    const g = guest = runGuest({ sock, name: 'g', ip: '10.203.0.1/24', mac: '52:54:00:00:03:01', log: join(w.dir, 'g.log'), timeout: 150,
      cmd: `vmh_wait_peer 10.203.0.2 40 && dd if=/dev/urandom of=/tmp/d bs=65536 count=${MIB * 16} 2>/dev/null && ` +
        `echo "GUEST-MD5 $(md5sum < /tmp/d)" && cat /tmp/d | nc 10.203.0.2 5001 && echo NC-OK && vmh_nc_sink 5002` });
    const log = () => { try { return readFileSync(join(w.dir, 'g.log'), 'utf8'); } catch { return ''; } };
    for (let i = 0; i < 1200 && !/NC-OK|NC-FAIL|VMH-CMD-EXIT/.test(log()); i++) await sleep(100);
    assert.match(log(), /NC-OK/, `guest → namespace failed:\n${log()}\nswitch: ${swErr}`);
    // Namespace → guest, retried until the guest's listener is up.
    let sent = false;
    for (let i = 0; i < 40 && !sent; i++) {
      await sleep(500);
      const c = lab.spawn(ns, ['sh', '-c', `head -c ${MIB << 20} /dev/zero | nc -N -w 5 10.203.0.1 5002`]);
      sent = await new Promise<boolean>((r) => c.on('exit', (code) => r(code === 0)));
    }
    assert.ok(sent, 'namespace → guest connect');
    const rg = await g.done;
    assert.equal(rg.rc, 0, `guest failed:\n${rg.log}`);
    const sent5 = /GUEST-MD5 ([0-9a-f]{32})/.exec(rg.log)?.[1];
    assert.ok(sent5, 'the guest printed its MD5');
    assert.equal(sunk.trim().split(/\s+/)[0], sent5, 'the namespace received the guest\'s data intact (MD5)');
    assert.equal(marker(rg.log, 'VMH-NC-SINK'), `VMH-NC-SINK bytes=${MIB << 20}`, 'guest received every byte');
    sw.kill('SIGTERM');
    await swDone;
    const ports = (JSON.parse(readFileSync(json, 'utf8')) as { ports: Port[] }).ports;
    const [vh, ap] = ports as [Port, Port];
    console.log(`# vhost-user ${JSON.stringify(vh.offloads)} rx=${vh.rx.packets} tx=${vh.tx.packets}; af-packet ${JSON.stringify(ap.offloads)} rx=${ap.rx.packets} tx=${ap.tx.packets}`);
    assert.deepEqual(vh.offloads!.fromGuest!.slice(0, 2), ['csum', 'tso4']);
    assert.ok(vh.offloads!.superFramesIn > 0, 'the guest sent super-frames');
    assert.ok((ap.offloads!.superFramesOut ?? 0) > 0, 'the guest\'s super-frames left the AF_PACKET port whole');
    assert.ok(ap.offloads!.superFramesIn > 0, 'the namespace sent super-frames');
    assert.ok((vh.offloads!.superFramesOut ?? 0) > 0, 'the namespace\'s super-frames reached the guest whole');
    for (const p of ports) assert.equal(p.drops.bad_offload ?? 0, 0, `${p.name}: bad_offload`);
  } finally {
    sw.kill('SIGKILL');
    guest?.child.kill('SIGKILL');
    w.cleanup();
  }
});

test('guest ↔ Sluice A (vhost-user patch) ↔ Sluice B (virtio-user, offloads) ↔ AF_PACKET ↔ namespace: super-frames cross both switches whole both ways', { timeout: 180_000 }, async (t) => {
  if (skipIfMissing(t, needs) || skipUnlessNetns(t, ['nc'])) return;
  const w = workDir('sluice-vu-');
  const ns = lab.ns('2');
  const v = lab.veth(ns, `${lab.tag}b`, '10.205.0.2/24');
  const gsock = join(w.dir, 'g.sock'), link = join(w.dir, 'link.sock'), ja = join(w.dir, 'a.json'), jb = join(w.dir, 'b.json');
  const bin = new URL('../../../bin/sluice.js', import.meta.url).pathname;
  const start = (args: string[]) => {
    const c = spawn(process.execPath, [bin, 'switch', ...args, '--mode', 'patch'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    c.stderr!.on('data', (d) => { err += String(d); });
    return { c, err: () => err, done: new Promise<void>((r) => c.on('exit', () => r())) };
  };
  const A = start(['--port', `vhost-user:${gsock},offloads`, '--port', `vhost-user:${link},offloads`, '--json', ja]);
  let B: ReturnType<typeof start> | undefined;
  let guest: ReturnType<typeof runGuest> | undefined;
  try {
    for (let i = 0; i < 100; i++) { try { readFileSync(link); } catch (e) { if ((e as NodeJS.ErrnoException).code !== 'ENOENT') break; } await sleep(100); }
    B = start(['--port', `virtio-user:${link},offloads`, '--port', `af-packet:${v.host}`, '--json', jb]);
    const sink = lab.spawn(ns, ['sh', '-c', 'nc -l -d -p 5001 | wc -c']);
    let sunk = '';
    sink.stdout!.on('data', (d) => { sunk += String(d); });
    const sunkDone = new Promise<void>((r) => sink.on('exit', () => r()));
    guest = runGuest({ sock: gsock, name: 'g', ip: '10.205.0.1/24', mac: '52:54:00:00:05:01', log: join(w.dir, 'g.log'), timeout: 150,
      cmd: `vmh_wait_peer 10.205.0.2 40 && vmh_nc_send 10.205.0.2 5001 ${MIB} && vmh_nc_sink 5002` });
    await Promise.race([sunkDone, guest.done]);
    // Namespace → guest (B's virtio-user sends the kernel's super-frames to A), retried until the guest listens.
    let sent = false;
    for (let i = 0; i < 40 && !sent && guest.child.exitCode === null; i++) {
      await sleep(500);
      const c = lab.spawn(ns, ['sh', '-c', `head -c ${MIB << 20} /dev/zero | nc -N -w 5 10.205.0.1 5002`]);
      sent = await new Promise<boolean>((r) => c.on('exit', (code) => r(code === 0)));
    }
    const rg = await guest.done;
    assert.equal(rg.rc, 0, `guest failed:\n${rg.log}\nA: ${A.err()}\nB: ${B.err()}`);
    assert.ok(sent, 'namespace → guest connect');
    assert.equal(Number(sunk.trim()), MIB << 20, 'the namespace received every byte');
    assert.equal(marker(rg.log, 'VMH-NC-SINK'), `VMH-NC-SINK bytes=${MIB << 20}`, 'the guest received every byte');
    A.c.kill('SIGTERM'); B.c.kill('SIGTERM');
    await Promise.all([A.done, B.done]);
    const pa = (JSON.parse(readFileSync(ja, 'utf8')) as { ports: Port[] }).ports;
    const pb = (JSON.parse(readFileSync(jb, 'utf8')) as { ports: Port[] }).ports;
    const ga = pa[0]!.offloads as Offloads & { superFramesOut: number };
    const lk = pa[1]!.offloads as Offloads & { superFramesOut: number; toGuest: string[] };
    const vu = pb[0]!.offloads as Offloads & { fromPeer: string[]; toPeer: string[]; superFramesOut: number };
    console.log(`# A guest ${JSON.stringify(ga)} link ${JSON.stringify(lk)}; B virtio-user ${JSON.stringify(vu)}`);
    assert.deepEqual(vu.fromPeer.slice(0, 2), ['csum', 'tso4'], 'B negotiated GUEST_CSUM and GUEST_TSO4');
    assert.ok(ga.superFramesIn > 0 && lk.superFramesOut === ga.superFramesIn, 'A passed the guest\'s super-frames whole to B');
    const bp = pb[1]!.offloads as Offloads;
    console.log(`# B af-packet ${JSON.stringify(bp)}`);
    assert.ok(vu.superFramesIn > 0, 'B received super-frames');
    assert.ok((bp.superFramesOut ?? 0) > 0, 'B kept them whole to its AF_PACKET port, which handed them to the kernel whole');
    // The other way: the kernel's super-frames kept whole at B's AF_PACKET port, sent whole by
    // B's virtio-user (HOST_TSO4 from A), passed whole by A to the guest.
    assert.deepEqual(vu.toPeer.slice(0, 2), ['csum', 'tso4'], 'B negotiated CSUM and HOST_TSO4');
    assert.ok(bp.superFramesIn > 0 && vu.superFramesOut > 0, 'B sent the namespace\'s super-frames to A whole');
    assert.ok(lk.superFramesIn > 0 && (ga.superFramesOut ?? 0) > 0, 'A passed them whole to the guest');
    for (const p of [...pa, ...pb]) assert.equal(p.drops.bad_offload ?? 0, 0, `${p.name}: bad_offload`);
  } finally {
    A.c.kill('SIGKILL'); B?.c.kill('SIGKILL');
    guest?.child.kill('SIGKILL');
    w.cleanup();
  }
});

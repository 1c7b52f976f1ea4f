/**
 * The daemon's durable state and its port conflicts, end to end: real `sluice daemon`
 * processes (bin/sluice.js) driven by the real CLI and by a second API client.
 *
 * - kill -9 while a client streams port add/del calls, at several random points; after each
 *   restart `show config` holds every acknowledged change (plus at most the one in flight)
 *   and everything made before (ports, bridges, VLANs, flows, routes, interfaces, captures);
 * - a second daemon on the same state directory, a corrupt state file and one in a newer
 *   format each stop the start with one line and exit 1, touching nothing;
 * - --config seeds only an empty state directory; SIGHUP never drops API-made objects;
 * - a socket, memif id or output file held by one port is refused for another, naming the
 *   holder (exit 1), and a port kind without its path is a usage error (exit 2); nothing
 *   is created or deleted by a refused request.
 * Every port used needs no privileges (vhost-user/memif servers in a temp dir, gen, sink,
 * ring, pcap); TAP/AF_PACKET conflicts are refused by state validation before any device
 * is touched, so they are checked through `apply` here too.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmdirSync, rmSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiClient } from '../../src/ctl/api-client.js';

const BIN = new URL('../../../bin/sluice.js', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'sluice-state-'));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const running = new Set<ChildProcess>();
let sockN = 0;

after(async () => {
  for (const c of running) if (c.exitCode === null && c.signalCode === null) { c.kill('SIGKILL'); await new Promise((r) => c.once('exit', r)); }
  rmSync(work, { recursive: true, force: true });
});

interface Daemon { child: ChildProcess; sock: string; log(): string; exit: Promise<number | null> }

/** Start a daemon; resolves once it answers ping, or once it has exited (check `child.exitCode`). */
async function start(stateDir: string, extra: string[] = [], sock = join(work, `api${sockN++}.sock`)): Promise<Daemon> {
  const child = spawn(process.execPath, [BIN, 'daemon', '--state-dir', stateDir, '--socket', sock, '--metrics', 'off', '--pool', '4096', ...extra],
    { cwd: work, stdio: ['ignore', 'ignore', 'pipe'] });
  running.add(child);
  let log = '';
  child.stderr!.on('data', (c) => { log += c; });
  const exit = new Promise<number | null>((r) => child.once('exit', (code) => { running.delete(child); r(code); }));
  let exited = false;
  void exit.then(() => { exited = true; });
  for (let i = 0; i < 500 && !exited; i++) {
    const c = new ApiClient(sock, 2000);
    try { await c.request('ping'); c.close(); break; } catch { c.close(); }
    await sleep(20);
  }
  return { child, sock, log: () => log, exit };
}

async function kill9(d: Daemon): Promise<void> {
  d.child.kill('SIGKILL');
  await d.exit;
}

async function stop(d: Daemon): Promise<void> {
  d.child.kill('SIGTERM');
  assert.equal(await d.exit, 0, d.log().slice(-2000));
}

function cli(d: Daemon, ...args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [BIN, ...args, '--socket', d.sock], { encoding: 'utf8', timeout: 30_000, cwd: work });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}
function ok(d: Daemon, ...args: string[]): string {
  const r = cli(d, ...args);
  assert.equal(r.code, 0, `sluice ${args.join(' ')} failed (${r.code}): ${r.err}`);
  return r.out;
}
const config = (d: Daemon) => JSON.parse(ok(d, 'show', 'config', '-j'));
const savedState = (dir: string) => JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8')).state;

/** `sluice ...` must fail with exactly `line` on stderr and `code`. */
function refused(d: Daemon, code: number, line: string, ...args: string[]): void {
  const r = cli(d, ...args);
  assert.equal(r.code, code, `sluice ${args.join(' ')}: ${r.err}`);
  assert.equal(r.err, `sluice: ${line}\n`);
  assert.equal(r.out, '');
}

test('kill -9 while a client streams port add/del: every acknowledged change survives, at most the one in flight extra', { timeout: 60_000 }, async () => {
  const dir = join(work, 'restart');
  let d = await start(dir);
  assert.equal(d.child.exitCode, null, d.log());
  // Everything the state holds, made through the CLI.
  ok(d, 'port', 'add', 'g0', 'gen:rate=1000,size=64');
  ok(d, 'port', 'add', 's0', 'sink');
  ok(d, 'port', 'add', 'vm1', 'type', 'vhost-user', `path=${join(work, 'vm1.sock')}`, 'server', 'queues=2');
  ok(d, 'port', 'add', 'mf', `memif:${join(work, 'mf.sock')}`);
  ok(d, 'port', 'add', 'w1', 'ring:wire1');
  ok(d, 'port', 'add', 'pc', 'type', 'pcap', `out=${join(work, 'pc.pcap')}`);
  ok(d, 'bridge', 'add', 'br0');
  ok(d, 'bridge', 'addif', 'br0', 'g0', 'vlan', '10');
  ok(d, 'bridge', 'addif', 'br0', 's0', 'vlan=10');
  ok(d, 'bridge', 'addif', 'br0', 'vm1', 'trunk', '10,20');
  ok(d, 'bridge', 'add', 'fl0', 'type', 'flow', 'ports', 'w1,pc');
  ok(d, 'flow', 'add', 'fl0', 'priority=10,in_port=w1,actions=output:pc');
  ok(d, 'route', 'iface', 'add', 'mf', 'mac', '02:00:00:00:00:aa', 'ipv4', '10.0.0.1/24');
  ok(d, 'route', 'add', '10.1.0.0/16', 'via', '10.0.0.2', 'dev', 'mf');
  ok(d, 'capture', 'add', 's0', join(work, 's0.pcapng'), 'dir', 'tx');
  const base = config(d);
  assert.deepEqual(Object.keys(base.ports), ['g0', 's0', 'vm1', 'mf', 'w1', 'pc']);
  // The acknowledged state is on disk already, in the file a restart reads.
  assert.deepEqual(savedState(dir), base);

  const expect: Record<string, { spec: string }> = { ...base.ports };
  const rounds = 6;
  for (let round = 0; round < rounds; round++) {
    const api = new ApiClient(d.sock, 5000);
    let inflight: { op: 'add' | 'del'; name: string; spec?: string } | undefined;
    let acked = 0;
    let stopped = false;
    const added: string[] = [];
    const stream = (async () => {
      for (let i = 0; !stopped; i++) {
        // Adds of vhost-user sockets and sinks, and deletes of earlier adds.
        const del = i % 3 === 2 && added.length > 0;
        const name = del ? added.splice(Math.floor(Math.random() * added.length), 1)[0]! : `k${round}_${i}`;
        const spec = i % 2 ? `vhost-user:${join(work, `${name}.sock`)}` : 'sink';
        inflight = del ? { op: 'del', name } : { op: 'add', name, spec };
        try {
          await api.request(del ? 'port.del' : 'port.add', del ? { name } : { name, spec });
        } catch { return; } // the daemon died under us: this call may or may not have landed
        if (del) delete expect[name]; else { expect[name] = { spec }; added.push(name); }
        inflight = undefined;
        acked++;
      }
    })();
    // Kill after a random number of answered calls, at a random moment within the next ones
    // (counting calls, not time, keeps the rounds meaningful on a loaded machine).
    const target = 5 + Math.floor(Math.random() * 60);
    for (let i = 0; i < 2000 && acked < target; i++) await sleep(5);
    await sleep(Math.random() * 20);
    await kill9(d);
    stopped = true;
    await stream;
    api.close();
    assert.ok(acked >= target, `round ${round}: only ${acked} calls were answered in 10 s`);

    d = await start(dir);
    assert.equal(d.child.exitCode, null, `restart failed: ${d.log()}`);
    const got = config(d);
    const withInflight = { ...expect };
    if (inflight?.op === 'add') withInflight[inflight.name] = { spec: inflight.spec! };
    if (inflight?.op === 'del') delete withInflight[inflight.name];
    const same = (a: object, b: object) => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());
    assert.ok(same(got.ports, expect) || same(got.ports, withInflight),
      `round ${round}: after ${acked} answered calls (in flight: ${JSON.stringify(inflight)}) the ports are\n${Object.keys(got.ports).sort().join(' ')}\nexpected\n${Object.keys(expect).sort().join(' ')}`);
    Object.assign(expect, got.ports);
    for (const k of Object.keys(expect)) if (!(k in got.ports)) delete expect[k];
    for (const k of ['bridges', 'routers', 'captures', 'metrics', 'engine']) assert.deepEqual(got[k], base[k], `round ${round}: ${k}`);
    assert.deepEqual(got.api, { socket: d.sock }, 'the start flag --socket overrides the saved one');
    // The restored ports are really back: their sockets are served again.
    for (const [n, p] of Object.entries(got.ports as Record<string, { spec: string }>)) {
      if (p.spec.startsWith('vhost-user:') || p.spec.startsWith('memif:')) assert.ok(statSync(p.spec.split(':')[1]!.split(',')[0]!).isSocket(), `${n}: socket`);
    }
  }
  // Traffic runs on the restored graph (gen → br0 → s0 on VLAN 10), and the flow is back.
  let s: any;
  for (let i = 0; i < 60; i++) { s = JSON.parse(ok(d, 'stats', '-j')); s.ports = Object.fromEntries(s.ports.map((p: any) => [p.name, p])); if (s.ports.s0?.tx.packets > 50) break; await sleep(50); }
  assert.ok(s.ports.s0.tx.packets > 50, JSON.stringify(s.ports.s0));
  assert.deepEqual(JSON.parse(ok(d, 'flow', 'dump', 'fl0', '-j')).flows.map((f: any) => [f.priority, f.match, f.actions]), [[10, 'in_port=1', 'output:2']]); // ports by OpenFlow number
  await stop(d);
});

test('a second daemon on one state directory, a corrupt state file and a newer format each stop the start with one line', { timeout: 30_000 }, async () => {
  const dir = join(work, 'locked');
  const a = await start(dir);
  ok(a, 'port', 'add', 'p1', 'sink');
  const before = readFileSync(join(dir, 'state.json'), 'utf8');
  const bSock = join(work, 'second.sock');
  const b = await start(dir, [], bSock);
  assert.equal(await b.exit, 1);
  assert.equal(b.log(), `sluice: state directory ${dir} is in use by another sluice daemon (pid ${a.child.pid}) holding ${join(dir, 'lock')}\n`);
  assert.equal(existsSync(bSock), false, 'the second daemon created no socket');
  assert.equal(readFileSync(join(dir, 'state.json'), 'utf8'), before, 'nor touched the state');
  assert.deepEqual(Object.keys(config(a).ports), ['p1'], 'the first one is undisturbed');
  await kill9(a);

  const file = join(dir, 'state.json');
  for (const [body, line] of [
    [before.slice(0, before.length >> 1), new RegExp(`^sluice: ${file}: corrupt state file \\(.+\\); refusing to start without it \\(restore it, or move it away to start empty\\)\\n$`)],
    [before.replace('"format": 1', '"format": 2'), new RegExp(`^sluice: ${file}: written in state format 2 by a newer Sluice; this one reads format 1 \\(run the newer version\\)\\n$`)],
  ] as [string, RegExp][]) {
    writeFileSync(file, body);
    const sock = join(work, 'bad.sock');
    const c = await start(dir, [], sock);
    assert.equal(await c.exit, 1, c.log());
    assert.match(c.log(), line);
    assert.equal(existsSync(sock), false);
    assert.equal(readFileSync(file, 'utf8'), body, 'the state file is left for the operator');
  }
  // Put back, it starts with its state again.
  writeFileSync(file, before);
  const d = await start(dir);
  assert.deepEqual(Object.keys(config(d).ports), ['p1']);
  await stop(d);
});

test('--config seeds an empty state directory only; SIGHUP and apply never drop what the API made', { timeout: 30_000 }, async () => {
  const dir = join(work, 'seeded');
  const cfg = join(work, 'seed.yaml');
  writeFileSync(cfg, 'ports:\n  a: {spec: sink}\n');
  let d = await start(dir, ['--config', cfg]);
  ok(d, 'port', 'add', 'b', 'null');
  writeFileSync(cfg, 'ports:\n  a: {spec: sink}\n  c: {spec: "null"}\n');
  d.child.kill('SIGHUP');
  let lines: any[] = [];
  for (let i = 0; i < 100; i++) {
    lines = d.log().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
    if (lines.some((l) => l.event === 'reloaded' || l.event === 'reload-failed')) break;
    await sleep(20);
  }
  const rel = lines.find((l) => l.event === 'reloaded');
  assert.deepEqual(rel && { changes: rel.changes, kept: rel.kept }, { changes: 1, kept: ['ports.b'] }, d.log());
  assert.deepEqual(Object.keys(config(d).ports), ['a', 'c', 'b']);
  // apply: the same; --prune removes.
  const f = join(work, 'only-a.yaml');
  writeFileSync(f, 'ports:\n  a: {spec: sink}\n');
  assert.equal(ok(d, 'apply', f), 'no changes\nnot in the document, kept (apply --prune removes them):\n- ports.c\n- ports.b\n');
  assert.deepEqual(Object.keys(config(d).ports), ['a', 'c', 'b']);
  await kill9(d);
  // Restart with a config naming other ports: the saved state wins, the file is not applied.
  writeFileSync(cfg, 'ports:\n  z: {spec: sink}\n');
  d = await start(dir, ['--config', cfg]);
  assert.deepEqual(Object.keys(config(d).ports), ['a', 'c', 'b']);
  assert.ok(d.log().split('\n').some((l) => l.includes('"event":"config-not-seeded"')), d.log());
  ok(d, 'apply', f, '--prune');
  assert.deepEqual(Object.keys(config(d).ports), ['a']);
  await kill9(d);
  d = await start(dir);
  assert.deepEqual(Object.keys(config(d).ports), ['a'], 'the prune was saved');
  await stop(d);
});

test('a socket, memif id, output file, TAP name or interface held by one port is refused for another, naming the holder', { timeout: 30_000 }, async () => {
  const dir = join(work, 'conflicts');
  const d = await start(dir);
  const v1 = join(work, 'v1.sock');
  ok(d, 'port', 'add', 'v1', `vhost-user:${v1}`);
  const ino = statSync(v1).ino;
  const saved = readFileSync(join(dir, 'state.json'), 'utf8');
  refused(d, 1, `port "v2": socket ${v1} is already held by port v1`, 'port', 'add', 'v2', `vhost-user:${v1}`);
  refused(d, 1, `port "v2": socket ${v1} is already held by port v1`, 'port', 'add', 'v2', 'type', 'vhost-user', `path=${v1}`, 'server', 'queues=2');
  refused(d, 1, `port "m2": socket ${v1} is already held by port v1`, 'port', 'add', 'm2', `memif:${v1}`);
  // Relative paths are the daemon's: v1.sock in its working directory is the same socket.
  refused(d, 1, `port "v3": socket ${v1} is already held by port v1`, 'port', 'add', 'v3', 'vhost-user:v1.sock');
  // Without a path it is a usage error, and no socket named "vhost-user" appears anywhere.
  refused(d, 2, 'port.add: params.spec: a vhost-user port needs the socket path (vhost-user:PATH, or path=PATH)', 'port', 'add', 'x9', 'type', 'vhost-user');
  refused(d, 2, 'port.add: params.spec: a memif port needs the control socket path (memif:PATH, or path=PATH)', 'port', 'add', 'x9', 'type', 'memif', 'role=client');
  assert.equal(existsSync(join(work, 'vhost-user')), false);
  assert.equal(existsSync('vhost-user'), false);
  assert.equal(statSync(v1).ino, ino, "v1's socket was not replaced");
  assert.equal(readFileSync(join(dir, 'state.json'), 'utf8'), saved, 'nothing was saved');
  refused(d, 1, 'no port named "v2"', 'port', 'del', 'v2');
  assert.equal(statSync(v1).ino, ino, "deleting the refused name did not delete v1's socket");

  // memif: one socket, several client ids; one id once.
  const ext = join(work, 'ext.sock');
  ok(d, 'port', 'add', 'c4', `memif:${ext},role=client,id=4`);
  ok(d, 'port', 'add', 'c5', `memif:${ext},role=client,id=5`);
  refused(d, 1, `port "c6": memif socket ${ext} id 4 is already held by port c4`, 'port', 'add', 'c6', `memif:${ext},role=client,id=4`);
  // Output files: a pcap port and a capture.
  const out = join(work, 'o.pcap');
  ok(d, 'port', 'add', 'r1', `pcap:,out=${out}`);
  refused(d, 1, `port "r2": output file ${out} is already held by port r1`, 'port', 'add', 'r2', `pcap:,out=${out}`);
  ok(d, 'port', 'add', 'sk', 'sink');
  refused(d, 1, `capture of port sk: output file ${out} is already held by port r1`, 'capture', 'add', 'sk', out);
  const cap = join(work, 'sk.pcapng');
  ok(d, 'port', 'add', 'gx', 'gen:rate=100');
  ok(d, 'bridge', 'add', 'px', 'type', 'patch', 'ports', 'gx,sk');
  ok(d, 'capture', 'add', 'sk', cap, 'dir', 'tx');
  refused(d, 1, `capture of port c4: output file ${cap} is already held by the capture of port sk`, 'capture', 'add', 'c4', cap);
  refused(d, 1, `port "r3": output file ${cap} is already held by the capture of port sk`, 'port', 'add', 'r3', `pcap:,out=${cap}`);
  assert.deepEqual(config(d).captures, [{ port: 'sk', file: cap, dir: 'tx' }]);
  // TAP names and kernel interfaces: refused by validation, before any device is opened.
  const taps = join(work, 'taps.yaml');
  writeFileSync(taps, 'ports:\n  t1: {spec: "tap:sl-dup0"}\n  t2: {spec: "tap:sl-dup0,queues=2"}\n');
  refused(d, 1, 'config: ports.t2.spec: TAP interface sl-dup0 is already held by port t1', 'apply', taps);
  writeFileSync(taps, 'ports:\n  p1: {spec: "af-packet:sl-nope0"}\n  p2: {spec: "af-packet:sl-nope0,fanout=2"}\n');
  refused(d, 1, 'config: ports.p2.spec: kernel interface sl-nope0 is already held by port p1', 'apply', taps);
  assert.deepEqual(Object.keys(config(d).ports), ['v1', 'c4', 'c5', 'r1', 'sk', 'gx']);

  // Deleting v1 removes its socket; then the path is free for another port.
  ok(d, 'port', 'del', 'v1');
  assert.equal(existsSync(v1), false);
  ok(d, 'port', 'add', 'v2', `vhost-user:${v1}`);
  assert.ok(statSync(v1).isSocket());
  // Nothing else in the state directory: the lock, the state and the hand-over socket (ctl/handover.ts).
  assert.deepEqual(readdirSync(dir).sort(), ['handover.sock', 'lock', 'state.json']);
  await stop(d);
});

test('a change that cannot be saved is undone and refused; the next one saves again', { timeout: 30_000 }, async () => {
  const dir = join(work, 'unsaved');
  const d = await start(dir);
  ok(d, 'port', 'add', 'a', 'sink');
  // A directory where the temporary file goes makes the next save fail (EISDIR), even as root.
  mkdirSync(join(dir, 'state.json.tmp'));
  const v = join(work, 'unsaved.sock');
  refused(d, 1, `cannot save the state to ${join(dir, 'state.json')}: EISDIR (the change was undone)`, 'port', 'add', 'v', `vhost-user:${v}`);
  assert.deepEqual(Object.keys(config(d).ports), ['a'], 'the running state is the saved one');
  assert.equal(existsSync(v), false, "the undone port's socket is gone");
  assert.deepEqual(Object.keys(savedState(dir).ports), ['a']);
  rmdirSync(join(dir, 'state.json.tmp'));
  ok(d, 'port', 'add', 'v', `vhost-user:${v}`);
  assert.ok(statSync(v).isSocket());
  assert.deepEqual(Object.keys(savedState(dir).ports), ['a', 'v']);
  await stop(d);
});

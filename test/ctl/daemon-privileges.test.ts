/**
 * Who may make a root daemon touch which files: a real root `sluice daemon` with its API
 * socket open to a group (0660), driven by the real CLI run as `nobody` through util-linux
 * `setpriv`:
 *  - in the socket's group, nobody may name files only under --allow-dir: pcap out=/root/x,
 *    a capture into another directory, a symlink (last component or a directory on the way)
 *    leading out, an XDP object outside it or one nobody may not read, and a TAP port are refused (exit 1, one line naming the field and the path,
 *    {"error":{"code":"forbidden"}} under -j) and nothing is created;
 *  - under the allowed directory the capture file, the pcap output and a vhost-user socket
 *    work and belong to the caller;
 *  - a user not in the group is told "permission denied on SOCKET" (exit 5), not "no daemon".
 * Needs root (the daemon chowns files to the caller) and setpriv: skipped with the reason
 * otherwise (a failure under CI=true).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, lstatSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SLUICE, mustHave } from '../support/cli.js';

const NOBODY = 65534;
const GROUP = 46921; // the socket's group: any gid works, it need not be named in /etc/group
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function why(): string | undefined {
  if (process.getuid?.() !== 0) return 'needs root (the daemon chowns files to the caller)';
  if (spawnSync('setpriv', ['--version']).status !== 0) return 'needs util-linux setpriv';
  return undefined;
}
const skip = why();
if (skip && mustHave()) throw new Error(`CI: ${skip}`);

const work = mkdtempSync(join(tmpdir(), 'sluice-priv-'));
const sock = join(work, 'api.sock');
const allowed = join(work, 'allowed');
const other = join(work, 'other');
const outside = join(work, 'root-only'); // stands for /root: a directory only root may write
let daemon: ChildProcess | undefined;
let log = '';

function startDaemon(): ChildProcess {
  const d = spawn(process.execPath, [SLUICE, 'daemon', '--state-dir', join(work, 'state'), '--socket', sock, '--socket-mode', '0660',
    '--socket-group', String(GROUP), '--allow-dir', allowed, '--metrics', 'off', '--pool', '4096'], { stdio: ['ignore', 'ignore', 'pipe'] });
  log = '';
  d.stderr!.on('data', (c) => { log += c; });
  return d;
}

/** The CLI as uid nobody with `gid` as its only group. */
function as(gid: number, ...args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync('setpriv', [`--reuid=${NOBODY}`, `--regid=${gid}`, '--clear-groups', process.execPath, SLUICE, ...args, '--socket', sock],
    { encoding: 'utf8', timeout: 30_000, cwd: allowed });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}
const member = (...args: string[]) => as(GROUP, ...args);
function root(...args: string[]): string {
  const r = spawnSync(process.execPath, [SLUICE, ...args, '--socket', sock], { encoding: 'utf8', timeout: 30_000 });
  assert.equal(r.status, 0, `sluice ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}
function refused(args: string[], message: RegExp): void {
  const r = member(...args);
  assert.equal(r.code, 1, `sluice ${args.join(' ')}: ${r.err}`);
  assert.match(r.err, message);
  assert.equal(r.err.trim().split('\n').length, 1, r.err);
  assert.equal(r.out, '');
}

before(async () => {
  if (skip) return;
  chmodSync(work, 0o711); // nobody may reach the socket and the allowed directory, not list them
  mkdirSync(allowed);
  chownSync(allowed, NOBODY, GROUP);
  mkdirSync(other, 0o777);
  chmodSync(other, 0o777); // writable by anyone, but not allowed by the daemon
  mkdirSync(outside, 0o700);
  symlinkSync(join(outside, 'evil.pcapng'), join(allowed, 'link.pcapng'));
  symlinkSync(outside, join(allowed, 'sub'));
  daemon = startDaemon();
  for (let i = 0; i < 300 && !existsSync(sock); i++) await sleep(20);
  assert.ok(existsSync(sock), `daemon did not start: ${log}`);
  root('port', 'add', 'g0', 'gen:rate=1000');
  root('port', 'add', 's0', 'sink');
  root('bridge', 'add', 'x0', 'type', 'patch', 'ports', 'g0,s0');
});

after(async () => {
  if (daemon && daemon.exitCode === null) { daemon.kill('SIGKILL'); await new Promise((r) => daemon!.once('exit', r)); }
  rmSync(work, { recursive: true, force: true });
});

test('a group member may not name files outside --allow-dir: one line, exit 1, nothing created', { skip }, () => {
  refused(['port', 'add', 'pp', `pcap:,out=${join(outside, 'x.pcap')}`],
    new RegExp(`^sluice: ports\\.pp\\.spec out: ${outside}/x\\.pcap is outside the directories uid ${NOBODY} may use \\(${allowed}\\)\\n$`));
  refused(['port', 'add', 'pp', 'pcap:,out=/root/x.pcap'], /^sluice: ports\.pp\.spec out: \/root\/x\.pcap is outside the directories/);
  assert.equal(existsSync('/root/x.pcap'), false);
  refused(['capture', 'add', 's0', join(other, 'c.pcapng')], /^sluice: captures\.0\.file: .*\/other\/c\.pcapng is outside the directories/);
  refused(['capture', 'add', 's0', join(allowed, 'link.pcapng')], /^sluice: captures\.0\.file: .*\/allowed\/link\.pcapng is a symbolic link\n$/);
  refused(['capture', 'add', 's0', join(allowed, 'sub', 'x.pcapng')], /^sluice: captures\.0\.file: .*\/allowed\/sub\/x\.pcapng is outside the directories/);
  refused(['port', 'add', 't0', 'tap:sluicepriv0'], /^sluice: ports\.t0\.spec: tap ports need root/);
  // The root daemon reads an XDP object for whoever attaches it: not one the caller could not read.
  refused(['bpf', 'attach', 's0', '/etc/shadow'], /^sluice: bpf\.0\.file: \/etc\/shadow is outside the directories/);
  writeFileSync(join(allowed, 'root.o'), 'root only', { mode: 0o600 });
  refused(['bpf', 'attach', 's0', join(allowed, 'root.o')], /^sluice: bpf\.0\.file: uid 65534 may not read .*\/allowed\/root\.o\n$/);
  refused(['bpf', 'attach', 's0', join(allowed, 'sub', 'x.o')], /^sluice: bpf\.0\.file: .*\/allowed\/sub\/x\.o is outside the directories/);
  refused(['port', 'add', 'v9', `vhost-user:${join(other, 'v9.sock')}`], /^sluice: ports\.v9\.spec: .*\/other\/v9\.sock is outside/);
  const doc = join(allowed, 'doc.yaml');
  writeFileSync(doc, `ports:\n  pq: { spec: "pcap:,out=${join(outside, 'y.pcap')}" }\n`);
  refused(['apply', doc], /^sluice: ports\.pq\.spec out: .*\/root-only\/y\.pcap is outside the directories/);
  // A dry run is refused exactly as the apply would be (it does not say the change would work).
  refused(['apply', doc, '--dry-run'], /^sluice: ports\.pq\.spec out: .*\/root-only\/y\.pcap is outside the directories/);
  const fine = join(allowed, 'fine.yaml');
  writeFileSync(fine, `ports:\n  pr: { spec: "pcap:,out=${join(allowed, 'pr.pcap')}" }\n`);
  const dry = member('apply', fine, '--dry-run');
  assert.equal(dry.code, 0, dry.err);
  assert.match(dry.out, /\+ ports\.pr/);
  assert.equal(existsSync(join(allowed, 'pr.pcap')), false, 'a dry run creates no file');
  const j = member('port', 'add', 'pp', 'pcap:,out=/root/x.pcap', '-j');
  assert.equal(j.code, 1);
  assert.equal(j.err, '');
  const e = JSON.parse(j.out);
  assert.equal(e.error.code, 'forbidden');
  assert.match(e.error.message, /\/root\/x\.pcap is outside/);
  // Nothing was written anywhere, and the state holds none of it.
  assert.deepEqual([existsSync(join(outside, 'y.pcap')) || existsSync(join(outside, 'x.pcap')), existsSync(join(outside, 'evil.pcapng')), existsSync(join(other, 'c.pcapng')), existsSync(join(other, 'v9.sock'))], [false, false, false, false]);
  assert.deepEqual(JSON.parse(root('port', 'show', '-j')).map((p: { name: string }) => p.name), ['g0', 's0']);
  assert.deepEqual(JSON.parse(root('capture', 'show', '-j')), []);
  assert.deepEqual(JSON.parse(root('bpf', 'show', '-j')), []);
});

test('under the allowed directory, captures, pcap output and sockets work and belong to the caller', { skip }, async () => {
  const cap = join(allowed, 'c.pcapng');
  const r = member('capture', 'add', 's0', cap);
  assert.equal(r.code, 0, r.err);
  assert.equal(statSync(cap).uid, NOBODY);
  assert.equal(statSync(cap).gid, GROUP);
  const out = join(allowed, 'o.pcap');
  assert.equal(member('port', 'add', 'pp', `pcap:,out=${out}`).code, 0);
  assert.equal(statSync(out).uid, NOBODY);
  const vs = join(allowed, 'v1.sock');
  const v = member('port', 'add', 'v1', 'type', 'vhost-user', `path=${vs}`);
  assert.equal(v.code, 0, v.err);
  assert.ok(lstatSync(vs).isSocket());
  assert.equal(lstatSync(vs).uid, NOBODY);
  const ms = join(allowed, 'm1.sock');
  const m = member('port', 'add', 'm1', `memif:${ms}`);
  assert.equal(m.code, 0, m.err);
  assert.equal(lstatSync(ms).uid, NOBODY);
  assert.equal(member('port', 'del', 'm1').code, 0);
  // A file of someone else in the allowed directory is not the caller's to overwrite.
  const theirs = join(allowed, 'root.pcap');
  writeFileSync(theirs, 'root data');
  refused(['port', 'add', 'p2', `pcap:,out=${theirs}`], /^sluice: ports\.p2\.spec out: .*\/allowed\/root\.pcap exists and is not a file of uid 65534\n$/);
  assert.equal(readFileSync(theirs, 'utf8'), 'root data');
  assert.equal(member('port', 'del', 'v1').code, 0);
  assert.equal(existsSync(vs), false, 'the socket goes with its port');
});

test('a user not in the socket group is told permission denied on the socket (exit 5), not "no daemon"', { skip }, () => {
  const r = as(NOBODY, 'port', 'show');
  assert.equal(r.code, 5, r.err);
  assert.equal(r.err, `sluice: permission denied on ${sock} (the daemon's API socket: its group may connect, see sluice daemon --socket-group)\n`);
  const j = as(NOBODY, '-j', 'port', 'show');
  assert.equal(j.code, 5);
  assert.equal(JSON.parse(j.out).error.code, 'permission-denied');
});

test('after a restart, what a caller made is checked again as that caller: a directory swapped for a symlink stops the start', { skip }, async () => {
  const sub = join(allowed, 'caps');
  mkdirSync(sub);
  chownSync(sub, NOBODY, GROUP);
  const cap = join(sub, 'late.pcapng');
  assert.equal(member('capture', 'add', 's0', cap).code, 0);
  assert.match(root('show', 'config'), new RegExp(`owners:\\n[\\s\\S]*captures\\.s0 ${cap.replace(/\./g, '\\.')}:\\n {4}uid: ${NOBODY}`));
  daemon!.kill('SIGTERM');
  assert.equal(await new Promise((r) => daemon!.once('exit', r)), 0);
  // While the daemon is down the owner points the directory at one only root may write.
  renameSync(sub, `${sub}.old`);
  symlinkSync(outside, sub);
  const before = readdirSync(outside).sort();
  const d = startDaemon();
  const code = await new Promise((r) => d.once('exit', r));
  assert.equal(code, 1, log);
  const lines = log.split('\n').filter((l) => l !== '' && !l.startsWith('{'));
  assert.deepEqual(lines, [`sluice: ${join(work, 'state', 'state.json')}: captures.1.file: ${cap} is outside the directories uid ${NOBODY} may use (${allowed})`]);
  assert.deepEqual(readdirSync(outside).sort(), before, 'nothing written through the symlink');
  assert.equal(existsSync(sock), false);
  // Put back, the same state starts, and the capture is the caller's again.
  unlinkSync(sub);
  renameSync(`${sub}.old`, sub);
  daemon = startDaemon();
  for (let i = 0; i < 300 && !existsSync(sock); i++) await sleep(20);
  assert.ok(existsSync(sock), log);
  assert.equal(statSync(cap).uid, NOBODY);
});

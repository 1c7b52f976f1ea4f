/**
 * User mistakes on the commands that run without a daemon, and the daemon's own start: each
 * is the exact command, its one-line error, its exit code, and a check that nothing was
 * written or left behind (no output file, no socket, no state directory, the lock free).
 * Errors come before any work: a --json into a missing directory fails at once, not after
 * the whole --duration.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:net';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sluice, sluiceBackground } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'sluice-errors-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `sluice ARGS`, checks exit code and the single stderr line; returns how long it took. */
/** `sluice ARGS` exits with `code` and one line on stderr; a run that lasts (until the 60 s kill) has no status and fails. */
function fails(args: string[], code: number, line: RegExp): void {
  const r = sluice(args, { timeoutMs: 60_000 });
  assert.equal(r.status, code, `sluice ${args.join(' ')} (${r.status}): ${r.stderr}`);
  assert.match(r.stderr, line);
  assert.equal(r.stderr.split('\n').length, 2, `one line for sluice ${args.join(' ')}: ${r.stderr}`);
  assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
}

// Up front, not after the run: with an hour's duration, an exit status at all shows the check came first.
test('--json into a missing directory fails at once (switch, run), writing nothing', () => {
  const missing = join(dir, 'no-such-dir', 's.json');
  fails(['switch', '--port', 'gen', '--port', 'sink', '--duration', '3600', '--json', missing], 2,
    new RegExp(`^sluice: --json: cannot write ${missing}: no directory ${join(dir, 'no-such-dir')} \\(ENOENT\\)\\n$`));
  const cfg = join(dir, 'ok.yaml');
  writeFileSync(cfg, 'ports:\n  a: gen:size=64\n  b: sink\nmode: patch\nduration: 3600\n');
  fails(['run', cfg, '--json', missing], 2, /^sluice: --json: cannot write .*no-such-dir\/s\.json: no directory/);
  fails(['switch', '--port', 'gen', '--port', 'sink', '--json', dir], 2, new RegExp(`^sluice: --json: ${dir} is a directory\\n$`));
  assert.equal(existsSync(join(dir, 'no-such-dir')), false);
});

test('a port that cannot open what it names is one line naming the --port (exit 1), leaving nothing', () => {
  const missing = join(dir, 'gone');
  fails(['switch', '--port', `vhost-user:${missing}/v.sock`, '--duration', '5'], 1, new RegExp(`^sluice: --port vhost-user:${missing}/v\\.sock: bind \\(${missing}/v\\.sock\\): ENOENT \\(2\\)\\n$`));
  fails(['switch', '--port', `pcap:,out=${missing}/o.pcap`, '--port', 'gen', '--duration', '5'], 1, new RegExp(`^sluice: --port pcap:,out=${missing}/o\\.pcap: ${missing}/o\\.pcap: ENOENT \\(open\\)\\n$`));
  assert.equal(existsSync(missing), false);
});

test('a CPU this process may not use is one line naming the field (engines.N.cpu, --cpus, --worker-cpus)', () => {
  const cfg = join(dir, 'cpu.yaml');
  writeFileSync(cfg, 'ports:\n  a: gen:size=64\n  b: sink\nmode: patch\nengines:\n  - { name: e0, cpu: 999, apps: [a, b] }\nduration: 1\n');
  fails(['run', cfg], 2, new RegExp(`^sluice: ${cfg}:6: engines\\.0\\.cpu: CPU 999 is not available to this process \\(it may run on CPUs [\\d,]+\\)\\n$`));
  fails(['switch', '--port', 'gen', '--port', 'sink', '--workers', '1', '--cpus', '999', '--duration', '1'], 2, /^sluice: --cpus: CPU 999 is not available to this process/);
  const state = join(dir, 'cpu-state');
  fails(['daemon', '--state-dir', state, '--socket', join(dir, 'cpu.sock'), '--workers', '1', '--worker-cpus', '999'], 2, /^sluice: --worker-cpus: CPU 999 is not available/);
  assert.equal(existsSync(state), false, 'a bad flag creates no state directory');
});

test('bad numbers, unknown options and stray words are one line with exit 2', () => {
  fails(['switch', '--port', 'gen', '--stats', 'abc'], 2, /^sluice: --stats must be a number in \[0\.1, 86400\], got "abc"\n$/);
  fails(['switch', '--port', 'gen', 'extra'], 2, /^sluice: unexpected argument "extra" \(sluice switch --help\)\n$/);
  fails(['switch'], 2, /^sluice: at least one --port is required \(usage: sluice switch --port SPEC/);
  fails(['demo', '--duration', 'x'], 2, /^sluice: --duration must be a number in \[0\.5, 3600\], got "x"\n$/);
  fails(['demo', 'now'], 2, /^sluice: demo: unexpected "now" \(usage: sluice demo \[--duration SECONDS\]\)\n$/);
  fails(['run'], 2, /^sluice: usage: sluice run CONFIG\.yaml/);
  fails(['run', join(dir, 'missing.yaml')], 2, /^sluice: .*missing\.yaml: cannot read: ENOENT\n$/);
  fails(['doctor', '--frob'], 2, /^sluice: Unknown option '--frob'.* \(usage: sluice doctor/);
  fails(['completion', 'fish'], 2, /^sluice: completion: shell must be bash or zsh, got "fish"\n$/);
  fails(['--frob', 'port'], 2, /^sluice: unknown option --frob before the verb/);
  fails(['frobnicate'], 2, /^sluice: unknown command "frobnicate" \(commands: apply, /);
  fails(['port', 'show', '--version'], 2, /^sluice: --version goes before the verb/);
});

test('under -j a usage error is {"error":{code,message}} on stdout and stderr stays empty', () => {
  for (const args of [['-j', 'frobnicate'], ['port', '-j'], ['doctor', '--root', join(dir, 'nope'), '-j']]) {
    const r = sluice(args);
    assert.equal(r.status, 2, r.stderr);
    assert.equal(r.stderr, '');
    const e = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(e), ['error']);
    assert.equal(e.error.code, 'usage');
    assert.equal(typeof e.error.message, 'string');
  }
  // switch --json names a file: there -j is not JSON mode and the error stays text.
  const r = sluice(['switch', '--json']);
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, 'sluice: --json needs a value\n');
});

async function daemonFails(args: string[], line: RegExp): Promise<string> {
  const d = sluiceBackground(['daemon', '--pool', '4096', ...args]);
  // A daemon that hangs instead of exiting is a failure too (killed after 30 s).
  const hang = setTimeout(() => d.child.kill('SIGKILL'), 30_000);
  const r = await new Promise<{ status: number | null; stderr: string }>((res) => d.child.on('exit', (status) => res({ status, stderr: d.stderr() })));
  clearTimeout(hang);
  assert.equal(r.status, 1, r.stderr);
  const text = r.stderr.split('\n').filter((l) => l !== '' && !l.startsWith('{'));
  assert.equal(text.length, 1, `one line besides the JSON log: ${r.stderr}`);
  assert.match(`${text[0]}\n`, line);
  return r.stderr;
}

test('a daemon whose API socket directory is missing exits 1 at start, leaving no socket and the state directory unlocked', async () => {
  const state = join(dir, 'st-sock');
  const sock = join(dir, 'missing', 'api.sock');
  await daemonFails(['--state-dir', state, '--socket', sock, '--metrics', 'off'],
    new RegExp(`^sluice: api\\.socket: cannot listen on ${sock}: no directory ${join(dir, 'missing')} \\(ENOENT\\)\\n$`));
  assert.equal(existsSync(join(dir, 'missing')), false);
  // The lock went with the process: a daemon on the same directory starts.
  const ok = sluiceBackground(['daemon', '--state-dir', state, '--socket', join(dir, 'ok.sock'), '--metrics', 'off', '--pool', '4096']);
  try {
    for (let i = 0; i < 300 && !existsSync(join(dir, 'ok.sock')); i++) await new Promise((r) => setTimeout(r, 20));
    assert.ok(existsSync(join(dir, 'ok.sock')), ok.stderr());
  } finally {
    assert.equal((await ok.stop('SIGTERM')).status, 0);
  }
});

test('a daemon whose metrics address is in use exits 1 at start: its ports and API socket are gone, the lock released', async () => {
  const busy: Server = createServer();
  await new Promise<void>((r) => busy.listen(0, '127.0.0.1', r));
  const port = (busy.address() as { port: number }).port;
  try {
    const state = join(dir, 'st-metrics');
    const sock = join(dir, 'm.sock');
    const vsock = join(dir, 'vm.sock');
    const cfg = join(dir, 'seed.yaml');
    writeFileSync(cfg, `version: 1\nports:\n  vm: { spec: "vhost-user:${vsock}" }\n`);
    const before = readdirSync(dir).sort();
    await daemonFails(['--state-dir', state, '--socket', sock, '--config', cfg, '--metrics', `127.0.0.1:${port}`],
      new RegExp(`^sluice: metrics\\.listen: cannot listen on 127\\.0\\.0\\.1:${port}: EADDRINUSE \\(address in use: --metrics HOST:PORT, or off\\)\\n$`));
    assert.equal(existsSync(sock), false, 'no API socket left behind');
    assert.equal(existsSync(vsock), false, 'the port\'s socket is removed too');
    assert.deepEqual(readdirSync(dir).sort(), before.includes('st-metrics') ? before : [...before, 'st-metrics'].sort());
    const again = sluiceBackground(['daemon', '--state-dir', state, '--socket', sock, '--metrics', 'off', '--pool', '4096']);
    try {
      for (let i = 0; i < 300 && !existsSync(sock); i++) await new Promise((r) => setTimeout(r, 20));
      assert.ok(existsSync(sock), `the state directory is free again: ${again.stderr()}`);
    } finally {
      // Stopped whatever happened above: a daemon left running keeps the test file from ending.
      assert.equal((await again.stop('SIGTERM')).status, 0);
    }
  } finally {
    busy.close();
  }
});

test('a daemon whose first save fails exits 1 and takes the ports it had made with it (no hang, no socket left)', async () => {
  const state = join(dir, 'st-save');
  mkdirSync(join(state, 'state.json.tmp'), { recursive: true }); // the save's temp file cannot be written: EISDIR
  const vsock = join(dir, 'save-vm.sock');
  const cfg = join(dir, 'save-seed.yaml');
  writeFileSync(cfg, `version: 1\nports:\n  vm: { spec: "vhost-user:${vsock}" }\n`);
  await daemonFails(['--state-dir', state, '--socket', join(dir, 'save.sock'), '--config', cfg, '--metrics', 'off'],
    new RegExp(`^sluice: cannot save the state to ${join(state, 'state.json')}: EISDIR\n$`));
  assert.equal(existsSync(vsock), false, 'the port\'s socket is removed');
  assert.equal(existsSync(join(dir, 'save.sock')), false);
});

test('a daemon on a socket another daemon serves exits 1 and leaves that socket alone', async () => {
  const sock = join(dir, 'served.sock');
  const first = sluiceBackground(['daemon', '--state-dir', join(dir, 'st-a'), '--socket', sock, '--metrics', 'off', '--pool', '4096']);
  try {
    for (let i = 0; i < 300 && !existsSync(sock); i++) await new Promise((r) => setTimeout(r, 20));
    assert.ok(existsSync(sock), first.stderr());
    await daemonFails(['--state-dir', join(dir, 'st-b'), '--socket', sock, '--metrics', 'off'], new RegExp(`^sluice: api\\.socket: a daemon is already listening on ${sock}\\n$`));
    assert.ok(existsSync(sock), 'the first daemon keeps its socket');
    assert.equal(sluice(['port', 'show', '-j', '--socket', sock]).status, 0, 'and answers on it');
  } finally {
    assert.equal((await first.stop('SIGTERM')).status, 0);
  }
});

test('daemon flags are checked before the state directory is touched', async () => {
  const state = join(dir, 'st-flags');
  fails(['daemon', '--state-dir', state, '--allow-dir', join(dir, 'nope')], 2, new RegExp(`^sluice: --allow-dir: no directory ${join(dir, 'nope')} \\(ENOENT\\)\\n$`));
  fails(['daemon', '--state-dir', state, '--metrics', 'nonsense'], 2, /^sluice: metrics\.listen: must match pattern/);
  fails(['daemon', '--state-dir', state, '--socket-mode', '999'], 2, /^sluice: --socket-mode must be octal like 0660, got "999"\n$/);
  assert.equal(existsSync(state), false);
});

test('daemon --handover with no daemon to take over, and vdpa words out of range: one line each, nothing left', () => {
  const state = join(dir, 'ho-state');
  fails(['daemon', '--state-dir', state, '--socket', join(dir, 'ho.sock'), '--metrics', 'off', '--handover'], 1,
    new RegExp(`^sluice: --handover: no daemon to take over from at ${state}/handover\\.sock \\(connect \\(${state}/handover\\.sock\\): ENOENT \\(2\\)\\)\\n$`));
  assert.equal(existsSync(state), false, 'no state directory made');
  fails(['vdpa', 'dev', 'add', 'name', 'x', 'mgmtdev', 'sluice', 'mtu', '20', '--socket', join(dir, 'none.sock')], 2, /^sluice: mtu must be an integer in \[68, 65535\], got "20"\n$/);
  fails(['vdpa', 'dev', 'add', 'name', 'x', 'mgmtdev', 'mlx5', '--socket', join(dir, 'none.sock')], 2, /^sluice: vdpa dev add: mgmtdev "mlx5" is not known \(the only one is "sluice"\)\n$/);
  fails(['vdpa', 'dev', 'add', 'name', 'x', 'mgmtdev', 'sluice', 'mac', '01:00:5e:00:00:01', '--socket', join(dir, 'none.sock')], 2, /^sluice: vdpa dev add: mac: "01:00:5e:00:00:01" is a multicast address, not a station MAC\n$/);
  fails(['switch', '--port', `vhost-user:${join(dir, 'm.sock')},mtu=9`, '--duration', '1'], 2, /bad option "mtu=9"/);
});

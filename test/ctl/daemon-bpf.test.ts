/**
 * `sluice bpf` against a real daemon: attach a clang-built filter to a generator port, read
 * its counters, block the generator's UDP port through `bpf map update` and watch the drops
 * (reason filtered), unblock it with `bpf map delete`, detach; bad requests fail with one line.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPrograms } from '../bpf/build.js';
import { which } from '../interop/af-packet-netns.js';

const BIN = new URL('../../../bin/sluice.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'sluice-bpf-'));
const sock = join(dir, 'api.sock');
let daemon: ChildProcess | undefined;
let log = '';

function cli(...args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [BIN, ...args, '--socket', sock], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}
function ok(...args: string[]): string {
  const r = cli(...args);
  assert.equal(r.code, 0, `sluice ${args.join(' ')} failed (${r.code}): ${r.err}`);
  return r.out;
}
const json = (...args: string[]) => JSON.parse(ok(...args, '-j'));
// Every -j output follows its schema in schemas/ (the JSON contract, test/cli/json-contract.test.ts).
const SCHEMAS = new URL('../../../schemas/', import.meta.url).pathname;
const ajv = new Ajv2020({ allErrors: true, strict: true });
for (const f of readdirSync(SCHEMAS)) ajv.addSchema(JSON.parse(readFileSync(join(SCHEMAS, f), 'utf8')) as object);
function valid(schema: string, v: unknown): unknown {
  const check = ajv.getSchema(`https://sluice.invalid/schemas/${schema}.schema.json`)!;
  assert.ok(check(v), `${schema}: ${JSON.stringify(check.errors)} in ${JSON.stringify(v)}`);
  return v;
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

before(async () => {
  daemon = spawn(process.execPath, [BIN, 'daemon', '--state-dir', join(dir, 'state'), '--socket', sock, '--pool', '4096'], { stdio: ['ignore', 'ignore', 'pipe'] });
  daemon.stderr!.on('data', (c) => { log += c; });
  for (let i = 0; i < 300 && !existsSync(sock); i++) await sleep(20);
  assert.ok(existsSync(sock), `daemon did not start: ${log}`);
});

after(async () => {
  if (daemon && daemon.exitCode === null) { daemon.kill('SIGKILL'); await new Promise((r) => daemon!.once('exit', r)); }
  rmSync(dir, { recursive: true, force: true });
});

test('sluice bpf attach / show / map dump, update, delete / detach on a daemon', { timeout: 120_000 }, async (t) => {
  if (!which('clang')) {
    if (process.env.CI === 'true') throw new Error('clang missing under CI');
    t.skip('needs clang');
    return;
  }
  const obj = buildPrograms(['filter']).get('filter')!;
  ok('port', 'add', 'g0', 'gen:rate=20000,size=64');
  ok('port', 'add', 's0', 'sink');
  ok('bridge', 'add', 'x0', 'type', 'patch', 'ports', 'g0,s0');
  ok('bpf', 'attach', 'g0', obj, 'section=xdp');
  await sleep(800);
  let show = valid('bpf-show', json('bpf', 'show')) as any[];
  assert.equal(show.length, 1);
  assert.equal(show[0].program, 'filter');
  assert.equal(show[0].attach, 'g0 rx');
  assert.ok(show[0].runs > 0 && show[0].insns > 10 && show[0].actions.pass > 0, JSON.stringify(show[0]));
  assert.match(ok('bpf', 'show'), /PROGRAM\s+ATTACH\s+INSNS/);
  const sizes = valid('bpf-map-dump', json('bpf', 'map', 'dump', 'g0', 'sizes')) as any;
  assert.equal(sizes.type, 'percpu_array');
  assert.ok(sizes.entries[0].valueInt > 0, 'the program counted 64-byte packets');
  // The generator sends UDP to port 5001 (gen's default): block it through the map.
  assert.deepEqual(valid('bpf-map-change', json('bpf', 'map', 'update', 'g0', 'blocked', '5001', '0', 'noexist')), { updated: '8913' });
  const r = cli('bpf', 'map', 'update', 'g0', 'blocked', '5001', '0', 'noexist');
  assert.equal(r.code !== 0, true);
  assert.match(r.err, /key exists/);
  await sleep(800);
  const blocked = json('bpf', 'map', 'dump', 'g0', 'blocked');
  assert.equal(blocked.entries.length, 1);
  assert.equal(blocked.entries[0].keyInt, 5001);
  assert.ok(blocked.entries[0].valueInt > 0, 'drops counted in the map');
  show = json('bpf', 'show');
  assert.ok(show[0].actions.drop > 0);
  ok('bpf', 'map', 'delete', 'g0', 'blocked', '0x8913'); // 5001 as little-endian hex bytes
  assert.equal(json('bpf', 'map', 'dump', 'g0', 'blocked').entries.length, 0);
  // Bad input: one line each.
  for (const [args, re] of [
    [['bpf', 'map', 'dump', 'g0', 'nope'], /has no map "nope"/],
    [['bpf', 'map', 'update', 'g0', 'blocked', 'zz', '0'], /neither 0x and hex bytes nor a decimal/],
    [['bpf', 'map', 'update', 'g0', 'blocked', '0x0a0b0c', '0'], /3 bytes given, the map's key is 2 bytes/],
    [['bpf', 'map', 'update', 'g0', '.rodata', '0', '1'], /read-only/],
    [['bpf', 'attach', 'g0', obj], /already has an XDP program/],
    [['bpf', 'attach', 's0', join(dir, 'missing.o')], /missing\.o/],
    [['bpf', 'map', 'dump', 's0', 'sizes'], /no XDP program on port s0/],
  ] as [string[], RegExp][]) {
    const x = cli(...args);
    assert.notEqual(x.code, 0, `${args.join(' ')} should fail`);
    assert.match(x.err, re);
    assert.equal(x.err.trim().split('\n').length, 1, `one line: ${x.err}`);
  }
  ok('bpf', 'detach', 'g0');
  assert.deepEqual(json('bpf', 'show'), []);
});

test('sluice switch --bpf: the summary lists the program and its port\'s drops (schema-valid)', { timeout: 60_000 }, (t) => {
  if (!which('clang')) { if (process.env.CI === 'true') throw new Error('clang missing under CI'); t.skip('needs clang'); return; }
  const obj = buildPrograms(['filter']).get('filter')!;
  const r = spawnSync(process.execPath, [BIN, 'switch', '--port', 'gen:size=64,count=500', '--port', 'sink', '--bpf', `0:${obj},section=xdp`, '--duration', '1'], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 0, r.stderr);
  const s = valid('switch-summary', JSON.parse(r.stdout)) as any;
  assert.equal(s.bpf[0].program, 'filter');
  assert.equal(s.bpf[0].runs, 500);
  assert.equal(s.bpf[0].actions.pass, 500);
  assert.equal(s.ports[1].tx.packets, 500);
  const bad = spawnSync(process.execPath, [BIN, 'switch', '--port', 'sink', '--bpf', `0:${obj},section=nope`, '--duration', '1'], { encoding: 'utf8' });
  assert.notEqual(bad.status, 0);
  assert.match(bad.stderr, /^sluice: --bpf 0:.*: .*no program in section nope/);
  assert.equal(bad.stderr.trim().split('\n').length, 1, bad.stderr);
});

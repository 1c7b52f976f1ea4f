/**
 * The JSON output contract: every `-j` output of the CLI (and the summaries of `switch` and
 * `run`) validates against its schema in schemas/, and follows the common rules:
 *  - field names are camelCase; the only maps keyed by data are drop counts by reason
 *    (`drops`, and the app reports' `parseErrors`/`errors`), keyed by snake_case reason names;
 *  - collections are arrays of objects (a named item shown alone is that object);
 *  - counters are integers; times are ISO 8601 strings; errors under -j are JSON.
 * A real daemon is driven by the real CLI with one of each object (ports, learning bridge
 * with a VLAN, flow bridge with a flow, patch, router with a route, capture, trace).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { SLUICE } from '../support/cli.js';
import { stateSchema } from '../../src/ctl/model.js';

const SCHEMAS = new URL('../../../schemas/', import.meta.url).pathname;
const ajv = new Ajv2020({ allErrors: true, strict: true });
for (const f of readdirSync(SCHEMAS)) ajv.addSchema(JSON.parse(readFileSync(join(SCHEMAS, f), 'utf8')) as object);

const dir = mkdtempSync(join(tmpdir(), 'sluice-json-'));
const sock = join(dir, 'api.sock');
let daemon: ChildProcess;
let log = '';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function cli(...args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [SLUICE, ...args, '--socket', sock], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}
function ok(...args: string[]): string {
  const r = cli(...args);
  assert.equal(r.code, 0, `sluice ${args.join(' ')} failed (${r.code}): ${r.err}`);
  return r.out;
}

const CAMEL = /^[a-z][a-zA-Z0-9]*$/;
const REASON_MAPS = new Set(['drops', 'parseErrors', 'errors']);
const COUNTERS = new Set(['packets', 'bytes', 'txPackets', 'txBytes', 'txDrop', 'rxPackets', 'queued', 'busy', 'idle', 'count', 'captured', 'breaths', 'busyBreaths']);

/** The common rules (header) over a whole document; returns the violations. */
function rules(x: unknown, path = '$', out: string[] = []): string[] {
  if (Array.isArray(x)) { x.forEach((v, i) => rules(v, `${path}[${i}]`, out)); return out; }
  if (x === null || typeof x !== 'object') return out;
  for (const [k, v] of Object.entries(x)) {
    const p = `${path}.${k}`;
    if (REASON_MAPS.has(k) && v !== null && typeof v === 'object' && !Array.isArray(v)) {
      for (const [r, n] of Object.entries(v)) {
        if (!/^[a-z][a-z0-9_]*$/.test(r)) out.push(`${p}.${r}: reason names are snake_case`);
        if (typeof n === 'number' && !Number.isInteger(n) && !path.includes('rates')) out.push(`${p}.${r}: a count must be an integer, got ${n}`);
        else if (typeof n === 'object') rules(n, `${p}.${r}`, out);
      }
      continue;
    }
    if (!CAMEL.test(k)) out.push(`${p}: field names are camelCase`);
    if (COUNTERS.has(k) && typeof v === 'number' && !Number.isInteger(v)) out.push(`${p}: a counter must be an integer, got ${v}`);
    if ((k === 'time' || k.endsWith('At')) && (typeof v !== 'string' || Number.isNaN(Date.parse(v)))) out.push(`${p}: times are ISO 8601 strings`);
    rules(v, p, out);
  }
  return out;
}

function check(schema: string, text: string, what: string): unknown {
  let doc: unknown;
  try { doc = JSON.parse(text); } catch { assert.fail(`${what}: not JSON: ${text.slice(0, 200)}`); }
  const v = ajv.getSchema(`https://sluice.invalid/schemas/${schema}.schema.json`);
  assert.ok(v, `no schema ${schema}`);
  assert.ok(v(doc), `${what} does not match schemas/${schema}.schema.json: ${ajv.errorsText(v.errors)}\n${text.slice(0, 600)}`);
  assert.deepEqual(rules(doc), [], what);
  return doc;
}

const j = (schema: string, ...args: string[]) => check(schema, ok(...args, '-j'), `sluice ${args.join(' ')} -j`);

before(async () => {
  daemon = spawn(process.execPath, [SLUICE, 'daemon', '--state-dir', join(dir, 'state'), '--socket', sock, '--metrics', 'off', '--pool', '4096'], { stdio: ['ignore', 'ignore', 'pipe'] });
  daemon.stderr!.on('data', (c) => { log += c; });
  for (let i = 0; i < 300 && !existsSync(sock); i++) await sleep(20);
  assert.ok(existsSync(sock), `daemon did not start: ${log}`);
});

after(async () => {
  if (daemon.exitCode === null) { daemon.kill('SIGKILL'); await new Promise((r) => daemon.once('exit', r)); }
  rmSync(dir, { recursive: true, force: true });
});

test('the common-rules check catches each kind of violation', () => {
  assert.deepEqual(rules({ ok: 1, drops: { link_full: 2 }, list: [{ name: 'a' }] }), []);
  assert.equal(rules({ snake_case: 1 }).length, 1);
  assert.equal(rules({ rx: { packets: 1.5 } }).length, 1);
  assert.equal(rules({ time: 1796617533053 }).length, 1);
  assert.equal(rules({ drops: { LinkFull: 1 } }).length, 1);
  assert.equal(rules([{ deep: { Bad: 1 } }]).length, 1);
});

test('the schemas compile, and show config has the state schema the daemon validates with', () => {
  const file = JSON.parse(readFileSync(join(SCHEMAS, 'state.schema.json'), 'utf8')) as Record<string, unknown>;
  const { $schema: _s, $id: _i, title: _t, ...rest } = file;
  assert.deepEqual(rest, JSON.parse(JSON.stringify(stateSchema)), 'schemas/state.schema.json is model.ts stateSchema');
});

test('every -j output of the daemon verbs matches its schema and the common rules', async () => {
  for (const [n, s] of [['g0', 'gen:rate=20000'], ['s0', 'sink'], ['g1', 'gen:rate=20000'], ['s1', 'sink'], ['g2', 'gen:rate=20000'], ['s2', 'sink'], ['n0', 'null']]) j('changes', 'port', 'add', n!, s!);
  j('changes', 'bridge', 'add', 'br0');
  j('changes', 'bridge', 'addif', 'br0', 'g0', 'vlan=10');
  j('changes', 'bridge', 'addif', 'br0', 's0', 'vlan=10');
  j('changes', 'bridge', 'add', 'fl0', 'type', 'flow');
  ok('bridge', 'addif', 'fl0', 'g1');
  ok('bridge', 'addif', 'fl0', 's1');
  j('changes', 'flow', 'add', 'fl0', 'in_port=g1,actions=output:s1');
  ok('bridge', 'add', 'pb', 'type', 'patch', 'ports', 'g2,s2');
  j('changes', 'route', 'iface', 'add', 'n0', 'mac=02:00:00:00:00:01', 'ipv4=10.0.0.1/24');
  j('changes', 'route', 'add', '10.1.0.0/16', 'via=10.0.0.2', 'dev=n0');
  j('changes', 'capture', 'add', 's2', join(dir, 'c.pcapng'), 'dir=both');
  for (const n of ['n1', 'n2']) ok('port', 'add', n, 'null');
  j('changes', 'port', 'add', 'bo', 'bond:n1+n2,mode=balance-slb,lacp=active,lacp-rate=fast');
  await sleep(300);
  j('bond-show', 'bond', 'show');
  j('bond-rebalance', 'bond', 'rebalance', 'bo');
  j('bond-member', 'bond', 'disable-member', 'bo', 'n2');
  j('bond-show', 'bond', 'show', 'bo');
  j('lacp-show', 'lacp', 'show', 'bo');
  j('port-show', 'port', 'show');
  j('port-show', 'port', 'show', 's0');
  j('bridge-show', 'bridge', 'show');
  j('bridge-show', 'bridge', 'show', 'fl0');
  j('route-show', 'route', 'show');
  const dump = j('flow-dump', 'flow', 'dump', 'fl0') as { flows: { packets: number }[] };
  assert.ok(dump.flows[0]!.packets > 0, 'the flow counts packets');
  j('flow-trace', 'flow', 'trace', 'fl0', 'in_port=1,udp,nw_dst=10.0.1.1,udp_dst=53');
  j('changes', 'flow', 'mod', 'fl0', 'in_port=1,actions=output:2');
  j('fdb-show', 'fdb', 'show', 'br0');
  j('capture-show', 'capture', 'show');
  j('stats', 'stats');
  j('stats', 'stats', 's0');
  j('top', 'top', '--once', '--interval', '0.3');
  j('stats-plot', 'stats', '--plot', join(dir, 'r.html'), '--seconds', '0.3', '--interval', '0.1');
  const t = j('trace-add', 'trace', 'add', 'g0', '2') as { id: number };
  j('trace-add', 'trace', 'add', 'g0', '1', '--wait');
  for (let i = 0; i < 100; i++) { const x = JSON.parse(ok('trace', 'show', String(t.id), '-j')) as { done: boolean }; if (x.done) break; await sleep(50); }
  j('trace-show', 'trace', 'show', String(t.id));
  j('trace-show', 'trace', 'show');
  j('trace-del', 'trace', 'del');
  j('state', 'show', 'config');
  const doc = join(dir, 'more.yaml');
  writeFileSync(doc, 'ports:\n  x9: { spec: sink }\n');
  j('apply', 'apply', doc, '--dry-run');
  j('apply', 'apply', doc);
  j('profile', 'profile', '--seconds', '0.2', '-o', join(dir, 'p.cpuprofile'));
  j('changes', 'capture', 'del', 's2');
  j('changes', 'port', 'del', 'x9');
});

test('errors under -j are JSON objects on stdout, for daemon and CLI errors alike', () => {
  for (const args of [['port', 'show', 'ghost'], ['port', 'add', 's0', 'sink'], ['bridge', 'frob'], ['flow', 'add', 'fl0', 'actions=frobnicate'], ['trace', 'add', 'g0', '0']]) {
    const r = cli(...args, '-j');
    assert.notEqual(r.code, 0, args.join(' '));
    check('error', r.out, `sluice ${args.join(' ')} -j (exit ${r.code})`);
    assert.equal(r.err, '', 'nothing on stderr');
  }
  const r = spawnSync(process.execPath, [SLUICE, 'port', 'show', '-j', '--socket', join(dir, 'none.sock')], { encoding: 'utf8' });
  assert.equal(r.status, 3);
  check('error', r.stdout, 'no daemon, -j');
});

test('the switch and run summaries match their schemas', () => {
  const sw = spawnSync(process.execPath, [SLUICE, 'switch', '--port', 'gen:rate=10000', '--port', 'sink', '--duration', '0.5'], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(sw.status, 0, sw.stderr);
  check('switch-summary', sw.stdout, 'sluice switch');
  const cfg = join(dir, 'run.yaml');
  writeFileSync(cfg, 'ports:\n  a: gen:rate=10000\n  b: sink\napps:\n  g: { type: gen, args: { rate: 1000 } }\n  s: { type: sink }\nlinks:\n  - g.output -> s.input\n');
  const run = spawnSync(process.execPath, [SLUICE, 'run', cfg, '--duration', '0.5'], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(run.status, 0, run.stderr);
  check('run-summary', run.stdout, 'sluice run');
});

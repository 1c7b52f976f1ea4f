import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Switch } from './switch.js';
import { parsePortSpec, PortSpecError } from '../core/port-spec.js';
import { loadBuiltins } from '../runtime/builtin.js';

await loadBuiltins();

test('port specs: kind, positional argument, options and flags; errors name the problem', () => {
  assert.deepEqual(parsePortSpec('vhost-user:/tmp/a.sock,client,queues=2'), { text: 'vhost-user:/tmp/a.sock,client,queues=2', kind: 'vhost-user', arg: '/tmp/a.sock', options: { client: true, queues: '2' } });
  assert.deepEqual(parsePortSpec('gen:size=64').arg, '');
  assert.deepEqual(parsePortSpec('sink').options, {});
  for (const [bad, re] of [['', /empty/], ['Bad:x', /bad kind/], ['gen:size=1,,x=2', /empty option/], ['gen:a=1,a=2', /twice/], ['gen:A=1', /bad option name/]] as const) {
    assert.throws(() => parsePortSpec(bad), (e: unknown) => e instanceof PortSpecError && re.test((e as Error).message), bad);
  }
});

test('switch: ports added and removed while running; names unique; bad specs change nothing', async () => {
  const sw = new Switch({ poolSize: 4096 });
  sw.addPort('gen:size=64,rate=100000');
  sw.addPort('sink');
  assert.throws(() => sw.addPort('sink,name=p1'), /already exists/);
  assert.throws(() => sw.addPort('gen:size=1'), /size/);
  assert.deepEqual(sw.ports.map((p) => p.name), ['p0', 'p1']);
  sw.start();
  await new Promise((r) => setTimeout(r, 200));
  sw.addPort('gen:size=100,rate=50000,name=extra');
  sw.addPort('null');
  await new Promise((r) => setTimeout(r, 200));
  const mid = sw.summary().ports;
  assert.ok(mid[2]!.rx.packets > 0 && mid[3]!.tx.packets === mid[2]!.rx.packets, 'the new pair forwards');
  const before = mid[1]!.tx.packets;
  sw.removePort('extra');
  await new Promise((r) => setTimeout(r, 200));
  assert.ok(sw.summary().ports[1]!.tx.packets > before, 'traffic on p0->p1 continued');
  const s = await sw.stop();
  assert.equal(s.ports[1]!.tx.packets, s.ports[0]!.rx.packets, 'every generated packet reached the sink');
  assert.equal(sw.reportLeaks(), 0);
  sw.close();
});

test('switch: a buffer still held after stop is reported as leaked', async () => {
  const sw = new Switch({ poolSize: 2048 });
  sw.addPort('null');
  const held = sw.pool.alloc();
  assert.ok(held >= 0);
  await sw.stop();
  assert.equal(sw.reportLeaks(), 1);
  sw.pool.free(held);
  assert.equal(sw.reportLeaks(), 0);
  sw.close();
});

test('switch: a bond port takes its members out of the patch pairs and the bridge; a missing member is refused', () => {
  const sw = new Switch({ poolSize: 4096 });
  sw.addPort('sink,name=m0');
  sw.addPort('sink,name=m1');
  assert.throws(() => sw.addPort('bond:m0+m9,name=b0'), /member "m9" is not a port/);
  sw.addPort('bond:m0+m1,mode=active-backup,name=b0');
  sw.addPort('gen:size=64,rate=1000,name=g');
  const s = sw.state();
  assert.deepEqual(Object.values(s.bridges!).map((b) => Object.keys(b.ports)), [['b0', 'g']], 'b0 is patched to g; m0 and m1 belong to the bond');
  sw.mode = 'bridge';
  assert.deepEqual(Object.keys(sw.state().bridges!.br0!.ports), ['b0', 'g']);
  sw.close();
});

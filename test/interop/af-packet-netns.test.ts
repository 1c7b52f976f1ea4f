/**
 * AF_PACKET ports against the kernel: two network namespaces, each joined to Sluice by a
 * veth pair, exchange ping and a TCP transfer through Sluice (bridge mode when the l2-bridge
 * app is available, else a patch). Then the bad-input cases: a port on a missing interface
 * is down with a reason and comes up when the interface appears; an interface set down or
 * deleted and re-created takes the port down and back up; a malformed name is a config error.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { loadBuiltins } from '../../src/runtime/builtin.js';
import { Switch } from '../../src/switch/switch.js';
import { appType } from '../../src/core/registry.js';
import { NetnsLab, skipUnlessNetns, ping, tcpTransfer, run, runAsync } from './af-packet-netns.js';

const lab = new NetnsLab('sa');
after(() => lab.cleanup());

async function withBridgeIfAvailable(): Promise<'bridge' | 'patch'> {
  await loadBuiltins();
  const l2 = new URL('../../src/apps/l2-bridge/index.js', import.meta.url);
  if (!appType('l2-bridge') && existsSync(l2)) { try { await import(l2.href); } catch { /* not ready: patch */ } }
  return appType('l2-bridge') ? 'bridge' : 'patch';
}

type Offloads = { superFramesIn: number; superFramesOut?: number; segmented: number; checksumsCompleted: number; errors: Record<string, number> };
type Extra = { state: string; reason?: string; ifindex: number; offloads: Offloads };
function extra(sw: Switch, port: string): Extra {
  return sw.engine.stats().apps[port]!.extra as unknown as Extra;
}

async function until(cond: () => boolean, ms = 5000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) { if (cond()) return true; await new Promise((r) => setTimeout(r, 50)); }
  return cond();
}

// Offloads stay at the kernel's defaults: the namespaces send 64 KiB TSO super-frames with
// partial checksums, which the ports segment and finish in software.
test('two namespaces ping and TCP through Sluice over AF_PACKET, offloads on', { timeout: 60_000 }, async (t) => {
  if (skipUnlessNetns(t, ['nc'])) return;
  const mode = await withBridgeIfAvailable();
  const ns1 = lab.ns('1'), ns2 = lab.ns('2');
  const a = lab.veth(ns1, `${lab.tag}a`, '10.201.0.1/24');
  const b = lab.veth(ns2, `${lab.tag}b`, '10.201.0.2/24');
  const sw = new Switch({ mode, poolSize: 4096 });
  try {
    sw.addPort(`af-packet:${a.host}`);
    sw.addPort(`af-packet:${b.host}`);
    sw.start();
    assert.equal(extra(sw, 'p0').state, 'up');
    assert.equal(await ping(ns1, '10.201.0.2', 3), 3, 'ping ns1 → ns2');
    const bytes = 50 << 20; // the 50 MB, compared by hash
    const r = await tcpTransfer(lab, ns1, ns2, '10.201.0.2', bytes);
    assert.equal(r.received, bytes);
    assert.ok(r.same, 'received bytes differ from sent bytes');
    const s = sw.summary().ports;
    const x0 = extra(sw, 'p0').offloads;
    console.log(`# mode=${mode} p0 rx=${s[0]!.rx.packets} tx=${s[0]!.tx.packets} p1 rx=${s[1]!.rx.packets} tx=${s[1]!.tx.packets} csum=${x0.checksumsCompleted} superFrames=${x0.superFramesIn} segments=${x0.segmented}`);
    assert.ok(x0.superFramesIn > 0, 'the sender\'s TSO super-frames arrived whole');
    // Port to port (bridge or patch) they stay whole: the other port hands them to the kernel with their GSO header.
    assert.ok((extra(sw, 'p1').offloads.superFramesOut ?? 0) > 0, 'super-frames left whole');
    assert.deepEqual(x0.errors, {});
    assert.equal(sw.engine.stats().apps.p0!.drops.bad_offload ?? 0, 0);
    assert.ok(s[0]!.rx.packets > 500 && s[1]!.tx.packets >= s[0]!.rx.packets - 10, 'ns1 → ns2 traffic went through Sluice');
  } finally {
    await sw.stop();
    sw.close();
  }
});

test('AF_PACKET port state: missing interface, down, deleted and re-created', { timeout: 60_000 }, async (t) => {
  if (skipUnlessNetns(t)) return;
  await loadBuiltins();
  const ns3 = lab.ns('3');
  const name = `${lab.tag}c`;
  const sw = new Switch({ mode: 'patch', poolSize: 4096 });
  try {
    assert.throws(() => sw.addPort('af-packet:bad/name'), /'\/'/);
    assert.throws(() => sw.addPort('af-packet:waytoolongname0123'), /limit is 15/);
    sw.addPort(`af-packet:${name}`); // does not exist yet: the port is down, not an error
    sw.addPort('gen:size=60,rate=2000,flows=1');
    sw.start();
    let x = extra(sw, 'p0');
    assert.equal(x.state, 'down');
    assert.match(x.reason!, new RegExp(`no interface named ${name}`));
    await until(() => (sw.engine.stats().apps.p0!.drops.port_down ?? 0) > 0);
    assert.ok((sw.engine.stats().apps.p0!.drops.port_down ?? 0) > 0, 'packets sent to a down port count as port_down');

    await runAsync('ip', ['link', 'add', name, 'type', 'veth', 'peer', 'name', `${name}p`]);
    lab.track(name);
    await runAsync('ip', ['link', 'set', `${name}p`, 'netns', ns3]);
    await runAsync('ip', ['netns', 'exec', ns3, 'ip', 'link', 'set', `${name}p`, 'up']);
    assert.ok(await until(() => extra(sw, 'p0').state === 'up'), `port did not come up: ${JSON.stringify(extra(sw, 'p0'))}`);
    const firstIndex = extra(sw, 'p0').ifindex;
    const tx0 = sw.summary().ports[0]!.tx.packets;
    assert.ok(await until(() => sw.summary().ports[0]!.tx.packets > tx0 + 10), 'traffic flows once up');

    await runAsync('ip', ['link', 'set', name, 'down']);
    assert.ok(await until(() => extra(sw, 'p0').state === 'down'));
    assert.match(extra(sw, 'p0').reason!, /administratively down/);
    await runAsync('ip', ['link', 'set', name, 'up']);
    assert.ok(await until(() => extra(sw, 'p0').state === 'up'));

    await runAsync('ip', ['link', 'del', name]);
    assert.ok(await until(() => extra(sw, 'p0').state === 'down'));
    await runAsync('ip', ['link', 'add', name, 'type', 'veth', 'peer', 'name', `${name}p`]);
    await runAsync('ip', ['link', 'set', `${name}p`, 'netns', ns3]);
    await runAsync('ip', ['netns', 'exec', ns3, 'ip', 'link', 'set', `${name}p`, 'up']);
    assert.ok(await until(() => extra(sw, 'p0').state === 'up'), `port did not resume: ${JSON.stringify(extra(sw, 'p0'))}`);
    assert.notEqual(extra(sw, 'p0').ifindex, firstIndex, 'reopened on the new interface index');
    const tx1 = sw.summary().ports[0]!.tx.packets;
    assert.ok(await until(() => sw.summary().ports[0]!.tx.packets > tx1 + 10), 'traffic resumes after re-creation');
  } finally {
    await sw.stop();
    sw.close();
    try { run('ip', ['link', 'del', name]); } catch { /* gone */ }
  }
});

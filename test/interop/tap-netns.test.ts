/**
 * TAP ports against the kernel: Sluice creates two TAP devices (one multi-queue), each is
 * moved into its own network namespace (the fds stay attached) and the namespaces exchange
 * ping and a TCP transfer through Sluice. Then: a TAP set down inside its namespace makes
 * the port go down (write EIO → port_down drops) and it resumes when set up again; opening
 * a TUN-type device name or a bad name fails clearly.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { loadBuiltins } from '../../src/runtime/builtin.js';
import { Switch } from '../../src/switch/switch.js';
import { appType } from '../../src/core/registry.js';
import { NetnsLab, skipUnlessNetns, ping, tcpTransfer, runAsync, run } from './af-packet-netns.js';

const lab = new NetnsLab('st');
after(() => lab.cleanup());

type Offloads = { enabled: boolean; superFramesIn: number; superFramesOut?: number; segmented: number; checksumsCompleted: number; errors: Record<string, number> };
type Extra = { state: string; reason?: string; queues: number; multiQueue: boolean; offloads: Offloads };
const extra = (sw: Switch, port: string) => sw.engine.stats().apps[port]!.extra as unknown as Extra;

async function until(cond: () => boolean, ms = 5000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) { if (cond()) return true; await new Promise((r) => setTimeout(r, 50)); }
  return cond();
}

async function intoNs(ns: string, dev: string, cidr: string): Promise<void> {
  await runAsync('ip', ['link', 'set', dev, 'netns', ns]);
  await runAsync('ip', ['netns', 'exec', ns, 'ip', 'addr', 'add', cidr, 'dev', dev]);
  await runAsync('ip', ['netns', 'exec', ns, 'ip', 'link', 'set', dev, 'up']);
}

test('two namespaces ping and TCP through Sluice over TAP ports', { timeout: 60_000 }, async (t) => {
  if (skipUnlessNetns(t, ['nc'])) return;
  if (!existsSync('/dev/net/tun')) { if (process.env.CI === 'true') throw new Error('no /dev/net/tun'); t.skip('no /dev/net/tun'); return; }
  await loadBuiltins();
  const l2 = new URL('../../src/apps/l2-bridge/index.js', import.meta.url);
  if (!appType('l2-bridge') && existsSync(l2)) { try { await import(l2.href); } catch { /* patch */ } }
  const mode = appType('l2-bridge') ? 'bridge' : 'patch';
  const ns1 = lab.ns('1'), ns2 = lab.ns('2');
  const t1 = `${lab.tag}t1`, t2 = `${lab.tag}t2`;
  const sw = new Switch({ mode, poolSize: 4096 });
  try {
    sw.addPort(`tap:${t1}`);
    sw.addPort(`tap:${t2},queues=2`);
    assert.equal(extra(sw, 'p1').queues, 2);
    assert.equal(extra(sw, 'p1').multiQueue, true);
    sw.start();
    await intoNs(ns1, t1, '10.202.0.1/24');
    await intoNs(ns2, t2, '10.202.0.2/24');
    assert.equal(await ping(ns1, '10.202.0.2', 3), 3, 'ping ns1 → ns2 over TAP');
    // TAP ports take TSO and checksum offload: the sender's stack hands Sluice super-frames.
    const bytes = 50 << 20; // the 50 MB, compared by hash
    const r = await tcpTransfer(lab, ns2, ns1, '10.202.0.1', bytes);
    assert.equal(r.received, bytes);
    assert.ok(r.same, 'received bytes differ');
    const s = sw.summary().ports;
    const x1 = extra(sw, 'p1').offloads;
    console.log(`# mode=${mode} p0 rx=${s[0]!.rx.packets} tx=${s[0]!.tx.packets} p1 rx=${s[1]!.rx.packets} tx=${s[1]!.tx.packets} superFrames=${x1.superFramesIn} segments=${x1.segmented} csum=${x1.checksumsCompleted}`);
    assert.ok(s[1]!.rx.packets > 500 && s[0]!.tx.packets > 500, 'the transfer went through Sluice');
    assert.equal(x1.enabled, true);
    assert.ok(x1.superFramesIn > 0, 'super-frames arrived whole');
    assert.ok((extra(sw, 'p0').offloads.superFramesOut ?? 0) > 0, 'and left whole (the kernel segments them)');
    assert.deepEqual(x1.errors, {});

    // Down inside the namespace: writes fail with EIO, the port reports down and drops.
    await runAsync('ip', ['netns', 'exec', ns1, 'ip', 'link', 'set', t1, 'down']);
    await ping(ns2, '10.202.0.1', 2);
    assert.ok(await until(() => extra(sw, 'p0').state === 'down'), 'port goes down');
    assert.match(extra(sw, 'p0').reason!, /down/);
    assert.ok((sw.engine.stats().apps.p0!.drops.port_down ?? 0) > 0);
    await runAsync('ip', ['netns', 'exec', ns1, 'ip', 'link', 'set', t1, 'up']);
    // Neighbour entries may have gone stale: allow a few tries for the first reply.
    let got = 0;
    for (let i = 0; i < 5 && got === 0; i++) got = await ping(ns2, '10.202.0.1', 2);
    assert.ok(got > 0, 'traffic resumes after the TAP is set up again');
    assert.equal(extra(sw, 'p0').state, 'up');
  } finally {
    await sw.stop();
    sw.close();
  }
});

test('TAP port errors: bad names are config errors; a non-TAP device leaves the port down', { timeout: 30_000 }, async (t) => {
  if (skipUnlessNetns(t)) return;
  await loadBuiltins();
  const tun = `${lab.tag}u`;
  run('ip', ['tuntap', 'add', 'dev', tun, 'mode', 'tun']); // persistent TUN (not TAP)
  lab.track(tun);
  const sw = new Switch({ mode: 'patch', poolSize: 1024 });
  try {
    assert.throws(() => sw.addPort('tap:has space'), /whitespace/);
    assert.throws(() => sw.addPort('tap:x,queues=0'), /queues must be an integer/);
    sw.addPort(`tap:${tun}`);
    const x = extra(sw, 'p0');
    assert.equal(x.state, 'down');
    assert.match(x.reason!, /TUNSETIFF.*not a TAP device|EINVAL/);
  } finally {
    await sw.stop();
    sw.close();
  }
});

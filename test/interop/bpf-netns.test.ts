/**
 * The `bpf` app on a port with kernel namespaces as peers: a clang-built responder program on
 * p0 (ns1's port) answers pings to 10.217.0.99 itself (XDP_TX back out of p0), drops UDP to
 * port 9 (counted as `filtered` on p0), redirects UDP to port 7 through its devmap to p2
 * (ns3), and passes the rest (ns1 ↔ ns2 ping). Its maps are read and written from outside.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { loadBuiltins } from '../../src/runtime/builtin.js';
import { Switch } from '../../src/switch/switch.js';
import type { BpfApp } from '../../src/apps/bpf/bpf-app.js';
import { u32le } from '../../src/lib/bpf/maps.js';
import { NetnsLab, skipUnlessNetns, ping, which } from './af-packet-netns.js';
import { buildPrograms } from '../bpf/build.js';

const lab = new NetnsLab('sb');
after(() => lab.cleanup());

async function udp(from: string, to: string, toNs: string, port: number, text: string): Promise<string> {
  const listener = lab.spawn(toNs, ['nc', '-u', '-l', '-p', String(port)]);
  let got = '';
  listener.stdout!.on('data', (c: Buffer) => { got += c.toString(); });
  await new Promise((r) => setTimeout(r, 300));
  for (let i = 0; i < 3; i++) {
    const s = lab.spawn(from, ['sh', '-c', `printf '%s\\n' '${text}' | nc -u -w 1 ${to} ${port}`]);
    await new Promise<void>((r) => s.on('close', () => r()));
  }
  await new Promise((r) => setTimeout(r, 300));
  listener.kill('SIGKILL');
  return got;
}

test('bpf app on a port: XDP_TX answers pings, XDP_DROP filters, XDP_REDIRECT through a devmap, XDP_PASS forwards', { timeout: 90_000 }, async (t) => {
  if (skipUnlessNetns(t, ['nc', 'clang'])) return;
  if (!which('clang')) return;
  await loadBuiltins();
  const obj = buildPrograms(['responder']).get('responder')!;
  const ns1 = lab.ns('1'), ns2 = lab.ns('2'), ns3 = lab.ns('3');
  const a = lab.veth(ns1, `${lab.tag}a`, '10.217.0.1/24');
  const b = lab.veth(ns2, `${lab.tag}b`, '10.217.0.2/24');
  const c = lab.veth(ns3, `${lab.tag}c`, '10.217.0.3/24');
  const mac3 = (JSON.parse(lab.exec(ns3, ['ip', '-j', 'link', 'show', c.peer])) as { address: string }[])[0]!.address;
  lab.exec(ns1, ['ip', 'neigh', 'replace', '10.217.0.99', 'lladdr', '02:00:00:00:00:99', 'dev', a.peer]);
  lab.exec(ns1, ['ip', 'neigh', 'replace', '10.217.0.3', 'lladdr', mac3, 'dev', a.peer]);
  const sw = new Switch({ mode: 'patch', poolSize: 4096 });
  try {
    sw.addPort(`af-packet:${a.host}`);
    sw.addPort(`af-packet:${b.host}`);
    sw.addPort(`af-packet:${c.host}`);
    sw.addBpf({ port: '0', file: obj });
    const app = sw.engine.apps.get('bpf_p0') as BpfApp;
    assert.equal(app.map('ports').update(u32le(0), 0, u32le(3), 0, 0), 0); // redirect entry 0 -> port 3 (p2)
    sw.start();
    assert.equal(await ping(ns1, '10.217.0.99', 3), 3, 'the XDP program answered the pings (XDP_TX)');
    assert.equal(await ping(ns1, '10.217.0.2', 2), 2, 'ns1 → ns2 passes (XDP_PASS)');
    assert.equal(await udp(ns1, '10.217.0.2', ns2, 9, 'discard me'), '', 'UDP to port 9 was dropped');
    assert.match(await udp(ns1, '10.217.0.3', ns3, 7, 'to ns3 by redirect'), /to ns3 by redirect/);
    const s = sw.summary();
    const report = (s as { bpf?: { actions: Record<string, number>; port: string }[] }).bpf![0]!;
    assert.equal(report.port, 'p0');
    assert.ok(report.actions.tx! >= 3 && report.actions.drop! >= 3 && report.actions.redirect! >= 3 && report.actions.pass! >= 2, JSON.stringify(report.actions));
    assert.equal(s.ports[0]!.drops.filtered, report.actions.drop, 'XDP_DROP counted as filtered on the port');
    // The program's own counters agree with the app's.
    const counted = (k: number) => Number(new DataView(app.map('actions').get(u32le(k))!.buffer).getBigUint64(0, true));
    assert.equal(counted(3), report.actions.tx);
    assert.equal(counted(1), report.actions.drop);
  } finally {
    await sw.stop();
    sw.close();
  }
});

/**
 * AF_XDP ports against the kernel: ns1 ↔ veth ↔ Sluice af-xdp ↔ af-xdp ↔ veth ↔ ns2.
 *   - ping and a TCP transfer pass (the namespaces keep checksum offload on: partial checksums
 *     arrive without metadata and are completed, counted);
 *   - Sluice's rx count equals what ns1's veth sent minus the drops the kernel reports;
 *   - a requested zero-copy mode falls back to copy mode on veth, with a log line;
 *   - `ip -d link` shows Sluice's XDP program while it runs and not after SIGTERM or SIGKILL
 *     (the BPF link dies with the process).
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadBuiltins } from '../../src/runtime/builtin.js';
import { Switch } from '../../src/switch/switch.js';
import { NetnsLab, skipUnlessNetns, ping, tcpTransfer, run, runAsync } from './af-packet-netns.js';

const lab = new NetnsLab('sx');
after(() => lab.cleanup());
const SLUICE = fileURLToPath(new URL('../../../bin/sluice.js', import.meta.url));

type Extra = { state: string; mode: string; program: { id: number } | null; checksumsCompleted: number; xdpStatistics: Record<string, number>; syscalls: { per32Packets: number } };
const extra = (sw: Switch, port: string) => sw.engine.stats().apps[port]!.extra as unknown as Extra;

function txPackets(ns: string, dev: string): number {
  const j = JSON.parse(lab.exec(ns, ['ip', '-j', '-s', 'link', 'show', dev])) as { stats64: { tx: { packets: number } } }[];
  return j[0]!.stats64.tx.packets;
}

function xdpProg(dev: string): string {
  return /prog\/xdp id \d+ name \w+/.exec(run('ip', ['-d', 'link', 'show', dev]))?.[0] ?? '';
}

async function until(cond: () => boolean, ms = 8000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) { if (cond()) return true; await new Promise((r) => setTimeout(r, 50)); }
  return cond();
}

test('two namespaces ping and TCP through Sluice over AF_XDP; rx count matches the sender', { timeout: 90_000 }, async (t) => {
  if (skipUnlessNetns(t, ['nc'])) return;
  await loadBuiltins();
  const ns1 = lab.ns('1'), ns2 = lab.ns('2');
  const a = lab.veth(ns1, `${lab.tag}a`, '10.215.0.1/24');
  const b = lab.veth(ns2, `${lab.tag}b`, '10.215.0.2/24');
  const logs: string[] = [];
  const origError = console.error;
  console.error = (...m: unknown[]) => { logs.push(m.join(' ')); };
  const sw = new Switch({ mode: 'patch', poolSize: 4096 });
  try {
    sw.addPort(`af-xdp:${a.host}`);
    sw.addPort(`af-xdp:${b.host},mode=zerocopy`);
    console.error = origError;
    sw.start();
    assert.equal(extra(sw, 'p0').state, 'up');
    assert.equal(extra(sw, 'p1').mode, 'copy');
    assert.ok(logs.some((l) => /zero-copy not available .* using copy mode/.test(l)), `fallback logged: ${logs.join(' | ')}`);
    assert.match(xdpProg(a.host), new RegExp(`prog/xdp id ${extra(sw, 'p0').program!.id} name sluice_xsk`));
    const kernelDropsOf = (p: { drops: Record<string, number> }) => (p.drops.peer_no_buffer ?? 0) + (p.drops.bad_descriptor ?? 0);
    const sentBefore = txPackets(ns1, a.peer);
    const before = sw.summary().ports[0]!;
    const rxBefore = before.rx.packets, dropsBefore = kernelDropsOf(before);
    assert.equal(await ping(ns1, '10.215.0.2', 3), 3, 'ping ns1 → ns2');
    const bytes = 8 << 20;
    const r = await tcpTransfer(lab, ns1, ns2, '10.215.0.2', bytes);
    assert.equal(r.received, bytes);
    assert.ok(r.same, 'received bytes differ from sent bytes');
    await new Promise((res) => setTimeout(res, 500));
    const sent = txPackets(ns1, a.peer) - sentBefore;
    const p0 = sw.summary().ports[0]!;
    const x0 = extra(sw, 'p0');
    const kernelDrops = kernelDropsOf(p0) - dropsBefore;
    console.log(`# ns1 sent ${sent}, p0 rx ${p0.rx.packets - rxBefore}, kernel drops ${kernelDrops}, checksums completed ${x0.checksumsCompleted}, syscalls/32 packets ${x0.syscalls.per32Packets.toFixed(2)}`);
    assert.equal(p0.rx.packets - rxBefore, sent - kernelDrops, 'Sluice rx = ns1 tx - kernel drops');
    assert.ok(x0.checksumsCompleted > 0, 'partial checksums from ns1 were completed');
  } finally {
    console.error = origError;
    await sw.stop();
    sw.close();
  }
  assert.equal(xdpProg(a.host), '', 'program gone after stop');
});

for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
  test(`the XDP program is gone after ${signal}`, { timeout: 60_000 }, async (t) => {
    if (skipUnlessNetns(t)) return;
    const ns = lab.ns(signal === 'SIGTERM' ? 't' : 'k');
    const v = lab.veth(ns, `${lab.tag}${signal === 'SIGTERM' ? 't' : 'k'}`, '10.216.0.1/24');
    const child = spawn(process.execPath, [SLUICE, 'switch', '--port', `af-xdp:${v.host}`, '--port', 'sink'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr!.on('data', (c: Buffer) => { err += c.toString(); });
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    try {
      assert.ok(await until(() => /up/.test(err) && xdpProg(v.host) !== ''), `program attached while running (stderr: ${err})`);
      assert.match(xdpProg(v.host), /name sluice_xsk/);
      child.kill(signal);
      await exited;
      await until(() => xdpProg(v.host) === '', 5000);
      assert.equal(xdpProg(v.host), '', `no XDP program on ${v.host} after ${signal}`);
      const out = await runAsync('ip', ['-d', 'link', 'show', v.host]);
      assert.doesNotMatch(out, /prog\/xdp/);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
}

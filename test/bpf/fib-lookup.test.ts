/**
 * bpf_fib_lookup answered by Sluice's router, with the kernel as the oracle. The same router
 * (interfaces, MACs, MTUs, routes, resolved and unresolved neighbours) is built twice:
 *
 *   Sluice: an l3-router app on ports p0..p2, the program fib.c on p0 (applyBpf wires the
 *           lookup to the router; the neighbours are learned from ARP and NS the hosts send);
 *   kernel: veth devices d0..d2 (their peers e0..e2 up beside them) in a network namespace with the same addresses, routes and
 *           permanent neighbours, the program run by BPF_PROG_TEST_RUN with d0 as ingress.
 *
 * Packets to every kind of destination (connected, via gateways, default route, unresolved,
 * local, multicast, broadcast, too big for p1's MTU), IPv4 and IPv6, under several lookup
 * flags: the return code, the whole filled struct (the ifindex mapped between Sluice port
 * numbers and the namespace's devices), the program's action, the port a forwarded packet
 * leaves by and its bytes must be the same.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Engine } from '../../src/core/engine.js';
import { App } from '../../src/core/app.js';
import { registerApp } from '../../src/core/registry.js';
import { RX_PACKETS, TX_PACKETS } from '../../src/core/counters.js';
import { DropReason } from '../../src/core/drop-reasons.js';
import { makePool } from '../../src/apps/l2-bridge/testkit.js';
import '../../src/apps/l3-router/index.js';
import { L3Router } from '../../src/apps/l3-router/router.js';
import { applyBpf, BpfApp } from '../../src/apps/bpf/index.js';
import { u32le } from '../../src/lib/bpf/maps.js';
import {
  buildUdpPacket, buildEthernet, buildArp, buildIpv6, buildIcmpv6Nd, parseMac, parseIpv4, parseIpv6, macHi16, macLo32, ipv6WriteSolicitedNode,
} from '../../src/lib/proto/index.js';
import { NetnsLab, skipUnlessNetns } from '../interop/af-packet-netns.js';
import { buildPrograms } from './build.js';
import { Rng } from './packets.js';

/** A port for the test: frames queued by send() leave on `output`; what arrives on `input` is kept. */
class FibPort extends App {
  readonly queue: Uint8Array[] = [];
  readonly frames: Uint8Array[] = [];
  send(f: Uint8Array): void { this.queue.push(f); }
  override pull(): void {
    const o = this.output.output;
    while (o && this.queue.length > 0 && !o.full()) {
      const f = this.queue.shift()!, p = this.pool.alloc();
      if (p < 0) { this.refuse(DropReason.NO_BUFFER); continue; }
      this.pool.data.set(f, this.pool.start(p));
      this.pool.len[p] = f.length;
      this.counters[RX_PACKETS]++;
      o.transmit(p);
    }
  }
  override push(): void {
    const l = this.input.input;
    while (l && !l.empty()) {
      const p = l.receive(), s = this.pool.start(p);
      this.frames.push(this.pool.data.slice(s, s + this.pool.len[p]!));
      this.counters[TX_PACKETS]++;
      this.pool.free(p);
    }
  }
}
registerApp('test-fib-port', FibPort, {});

const IFACES = [
  { mac: '02:00:00:00:0f:00', v4: '10.1.0.1/24', v6: '2001:db8::1/64', mtu: 1500 },
  { mac: '02:00:00:00:0f:01', v4: '10.1.1.1/24', v6: '2001:db8:1::1/64', mtu: 1400 },
  { mac: '02:00:00:00:0f:02', v4: '10.1.2.1/24', v6: '2001:db8:2::1/64', mtu: 1500 },
];
const ROUTES = [
  { prefix: '10.9.0.0/16', via: '10.1.1.254' },
  { prefix: '10.8.0.0/16', via: '10.1.0.254' },
  { prefix: '0.0.0.0/0', via: '10.1.2.254' },
  { prefix: '2001:db8:9::/48', via: '2001:db8:1::fe' },
  { prefix: '::/0', via: '2001:db8:2::fe' },
];
/** Neighbours both sides know (Sluice learns them from the host's ARP request / NS); 10.1.2.254, 10.1.0.254 and 2001:db8:2::fe stay unresolved. */
const NEIGHBOURS = [
  { port: 1, ip: '10.1.1.254', mac: '02:00:00:00:aa:01' },
  { port: 0, ip: '10.1.0.5', mac: '02:00:00:00:aa:00' },
  { port: 2, ip: '10.1.2.7', mac: '02:00:00:00:aa:02' },
  { port: 1, ip: '2001:db8:1::fe', mac: '02:00:00:00:bb:01' },
  { port: 0, ip: '2001:db8::5', mac: '02:00:00:00:bb:00' },
];
const FLAGS = [0, 1 /* DIRECT */, 4 /* SKIP_NEIGH */, 16 /* SRC */];
const PACKETS_PER_FLAGS = 250;

function arpRequest(srcMac: string, spa: string, tpa: string): Uint8Array {
  const b = new Uint8Array(60), s = parseMac(srcMac);
  buildEthernet(b, 0, 0xffff, 0xffffffff, macHi16(s), macLo32(s), 0x0806);
  buildArp(b, 14, 1, macHi16(s), macLo32(s), parseIpv4(spa), 0, 0, parseIpv4(tpa));
  return b;
}

function solicit(srcMac: string, src: string, target: string): Uint8Array {
  const b = new Uint8Array(14 + 40 + 32), s = parseMac(srcMac), tgt = parseIpv6(target), dst = new Uint8Array(16);
  ipv6WriteSolicitedNode(dst, 0, tgt, 0);
  buildEthernet(b, 0, 0x3333, (0xff000000 | (tgt[13]! << 16) | (tgt[14]! << 8) | tgt[15]!) >>> 0, macHi16(s), macLo32(s), 0x86dd);
  buildIpv6(b, 14, parseIpv6(src), 0, dst, 0, 58, 32, 255);
  buildIcmpv6Nd(b, 54, 14, 135, 0, tgt, 0, macHi16(s), macLo32(s));
  return b;
}

/** Destinations of every kind, drawn at random. */
function destination(r: Rng): string {
  const b = () => r.int(256), h = () => (1 + r.int(0xfffe)).toString(16);
  const v4 = ['10.1.0.5', '10.1.0.' + (2 + r.int(250)), '10.1.1.254', '10.1.1.' + (2 + r.int(250)), '10.1.2.7', '10.1.2.' + (2 + r.int(250)),
    `10.9.${b()}.${b()}`, `10.8.${b()}.${b()}`, `8.8.${b()}.${b()}`, `192.168.${b()}.${1 + r.int(254)}`,
    '10.1.0.1', '10.1.1.1', '10.1.2.1', '224.0.0.5', '239.1.2.3', '255.255.255.255', '10.1.0.255', '10.1.1.255', '10.1.2.0', '127.0.0.1', '0.0.0.0'];
  const v6 = ['2001:db8::5', `2001:db8::${h()}`, '2001:db8:1::fe', `2001:db8:1::${h()}`, `2001:db8:2::${h()}`, `2001:db8:9:${h()}::${h()}`,
    `2001:db8:7::${h()}`, `2400:${h()}::${h()}`, '2001:db8::1', '2001:db8:1::1', 'ff02::1', 'ff05::1:3', '::1'];
  return r.int(2) === 0 ? v4[r.int(v4.length)]! : v6[r.int(v6.length)]!;
}

function casePacket(r: Rng, dst: string): Uint8Array {
  const v6 = dst.includes(':');
  const size = r.int(4) === 0 ? 1380 + r.int(160) : 64 + r.int(400); // some above p1's MTU of 1400
  return buildUdpPacket({
    srcMac: '02:00:00:00:aa:00', dstMac: IFACES[0]!.mac, srcIp: v6 ? '2001:db8::5' : '10.1.0.5', dstIp: dst,
    srcPort: 1000 + r.int(60000), dstPort: 1 + r.int(65000), size, ttl: 2 + r.int(62), tos: r.int(256),
  } as never);
}

const lab = new NetnsLab('fib');
after(() => lab.cleanup());

test('bpf_fib_lookup: Sluice\'s router answers as the kernel\'s FIB and neighbour table do', (t) => {
  if (skipUnlessNetns(t, ['clang'])) return;
  const obj = buildPrograms(['fib']).get('fib')!;

  // --- the kernel's router: devices in a namespace ---
  const ns = lab.ns('k');
  for (const s of ['net.ipv4.ip_forward=1', 'net.ipv6.conf.all.forwarding=1', 'net.ipv6.conf.default.forwarding=1', 'net.ipv6.conf.default.accept_dad=0']) lab.exec(ns, ['sysctl', '-qw', s]);
  IFACES.forEach((f, i) => {
    lab.exec(ns, ['ip', 'link', 'add', `d${i}`, 'type', 'veth', 'peer', 'name', `e${i}`]);
    lab.exec(ns, ['ip', 'link', 'set', `e${i}`, 'up']);
    lab.exec(ns, ['ip', 'link', 'set', `d${i}`, 'address', f.mac, 'mtu', String(f.mtu), 'up']);
    lab.exec(ns, ['ip', 'addr', 'add', f.v4, 'dev', `d${i}`]);
    lab.exec(ns, ['ip', '-6', 'addr', 'add', f.v6, 'dev', `d${i}`, 'nodad']);
  });
  for (const rt of ROUTES) lab.exec(ns, ['ip', ...(rt.prefix.includes(':') ? ['-6'] : []), 'route', 'add', rt.prefix, 'via', rt.via]);
  for (const n of NEIGHBOURS) lab.exec(ns, ['ip', 'neigh', 'add', n.ip, 'lladdr', n.mac, 'dev', `d${n.port}`, 'nud', 'permanent']);
  const links = JSON.parse(lab.exec(ns, ['ip', '-j', 'link', 'show'])) as { ifname: string; ifindex: number }[];
  const kernelIfindex = IFACES.map((_, i) => links.find((l) => l.ifname === `d${i}`)!.ifindex);
  const portOfKernel = (ifindex: number) => kernelIfindex.indexOf(ifindex) + 1; // 0: none

  // --- Sluice's router: ports p0..p2, the program on p0 ---
  const ports = IFACES.map((_, i) => `p${i}`);
  const apps: Record<string, { type: string; args?: unknown }> = {
    r: { type: 'l3-router', args: { interfaces: Object.fromEntries(IFACES.map((f, i) => [`p${i}`, { mac: f.mac, ipv4: f.v4, ipv6: f.v6, mtu: f.mtu }])), routes: ROUTES } },
  };
  const graphLinks: string[] = [];
  for (const p of ports) { apps[p] = { type: 'test-fib-port' }; graphLinks.push(`${p}.output -> r.${p}`, `r.${p} -> ${p}.input`); }
  const graph = applyBpf({ apps, links: graphLinks }, [{ port: 'p0', file: obj }], ports);
  const bpfArgs = graph.apps['bpf_p0']!.args as { fib?: unknown[] };
  assert.equal(bpfArgs.fib?.length, 3, 'applyBpf found the router interfaces in the graph');
  // The router learns its neighbours first (fib.c drops ARP and ND), then the program is attached.
  const engine = new Engine(makePool(2048));
  engine.configure({ apps, links: graphLinks });
  const port = (i: number) => engine.apps.get(`p${i}`) as FibPort;
  const router = engine.apps.get('r') as L3Router;
  const run = () => { for (let i = 0; i < 4; i++) engine.breathe(performance.now()); };
  for (const n of NEIGHBOURS) {
    const me = n.ip.includes(':') ? IFACES[n.port]!.v6.split('/')[0]! : IFACES[n.port]!.v4.split('/')[0]!;
    port(n.port).send(n.ip.includes(':') ? solicit(n.mac, n.ip, me) : arpRequest(n.mac, n.ip, me));
  }
  run();
  assert.deepEqual(router.neighbors().filter((n) => n.state === 'reachable').map((n) => n.ip).sort(), NEIGHBOURS.map((n) => n.ip).sort());
  for (let i = 0; i < 3; i++) port(i).frames.length = 0; // the router's ARP replies and NAs
  engine.configure(graph);
  assert.equal(engine.apps.get('r'), router, 'attaching the program left the router (and its neighbours) alone');
  const bpf = engine.apps.get('bpf_p0') as BpfApp;

  // --- the same packets through both ---
  const r = new Rng(0xf1b);
  const cases = FLAGS.flatMap((flags) => Array.from({ length: PACKETS_PER_FLAGS }, () => ({ flags, pkt: casePacket(r, destination(r)) })));
  const child = fileURLToPath(new URL('./fib-kernel-child.js', import.meta.url));
  const kernel = JSON.parse(execFileSync('ip', ['netns', 'exec', ns, process.execPath, child, obj], {
    input: JSON.stringify({ ifindex: kernelIfindex[0], cases: cases.map((c) => ({ flags: c.flags, pkt: Buffer.from(c.pkt).toString('hex') })) }),
    encoding: 'utf8', maxBuffer: 64 << 20,
  })) as { retval: number; data: string; res: string }[];

  const cfg = bpf.map('cfg'), res = bpf.map('res');
  const seen = new Map<string, number>();
  cases.forEach((c, i) => {
    cfg.update(u32le(0), 0, u32le(c.flags), 0, 0);
    res.update(u32le(0), 0, new Uint8Array(72), 0, 0);
    const before = [...bpf.actions];
    port(0).send(c.pkt);
    run();
    const action = bpf.actions.findIndex((n, a) => n !== before[a]);
    const ours = res.get(u32le(0))!;
    const k = kernel[i]!;
    const theirs = Uint8Array.from(Buffer.from(k.res, 'hex'));
    const rc = new DataView(theirs.buffer).getInt32(0, true);
    // The kernel's ifindex in the struct, as a Sluice port number.
    const dv = new DataView(theirs.buffer);
    dv.setUint32(8 + 8, portOfKernel(dv.getUint32(8 + 8, true)), true);
    const what = `case ${i} (flags ${c.flags}, ${Buffer.from(c.pkt.subarray(0, 14 + 40)).toString('hex')}, ${c.pkt.length} bytes)`;
    assert.equal(Buffer.from(ours).toString('hex'), Buffer.from(theirs).toString('hex'), `${what}: rc and struct bpf_fib_lookup (kernel rc ${rc})`);
    assert.equal(action, k.retval, `${what}: action`);
    seen.set(`flags ${c.flags} rc ${rc}`, (seen.get(`flags ${c.flags} rc ${rc}`) ?? 0) + 1);
    const out = [0, 1, 2].flatMap((p) => port(p).frames.splice(0).map((f) => ({ p, f })));
    if (k.retval === 4) {
      assert.equal(out.length, 1, `${what}: one frame forwarded`);
      assert.equal(out[0]!.p + 1, new DataView(ours.buffer).getUint32(8 + 8, true), `${what}: egress port`);
      assert.equal(Buffer.from(out[0]!.f).toString('hex'), k.data, `${what}: forwarded bytes`);
    } else {
      assert.equal(out.length, 0, `${what}: nothing forwarded`);
    }
  });
  console.log(`fib_lookup: ${cases.length} lookups, same as the kernel's: ${[...seen].sort().map(([k, n]) => `${k}: ${n}`).join(', ')}`);
  // Every answer the router can give was exercised: SUCCESS, NOT_FWDED, NO_NEIGH, FRAG_NEEDED.
  for (const rc of [0, 4, 7, 8]) assert.ok([...seen.keys()].some((k) => k.endsWith(`rc ${rc}`)), `rc ${rc} seen`);
  engine.stop();
});

/**
 * Switching benchmarks: Mpps on one core for the l2-bridge and the flow-table apps between
 * in-memory ports, plus the router's IPv4 forwarding rate.
 *
 * Run: `npx tsc -p . && node dist/bench/switching.bench.js` (about 40 s; BENCH_SECONDS=N per
 * measurement, default 3). Two numbers per app:
 *
 *   app-only   the app's push() alone: its input links are refilled from a reservoir of
 *              prepared frames between calls and its outputs drained back into it, outside
 *              the timed region. This is the app's own per-packet cost (what the targets of
 *              issue 4 are about: bridge >= 15 Mpps, flow table >= 10 Mpps).
 *   end-to-end gen -> app -> null through the engine's breathe loop on one core, i.e.
 *              including the generator (alloc + 60-byte copy + stamp per frame), the sink
 *              (free) and engine overhead. The generator alone with a null sink is printed
 *              as the ceiling of this set-up.
 *
 * Set-ups: bridge with 2 access ports, one station per port sending to the other (so every
 * frame is known unicast after the first) and a variant with 1,000 stations per port (2,000
 * MACs: the per-port caches miss, every frame costs two hash lookups); flow table with 1,000
 * rules (999 /32 nw_src rules at 7 priorities + a default drop) and 10,000 active flows
 * (distinct 5-tuples) through the exact-match cache; router with 100k IPv4 routes, 1,000
 * flows to resolved neighbours.
 * `node dist/bench/switching.bench.js flow-scaling` (issue 13, costs as work grows): the flow
 * table with 1k, 100k and 1M configured /32 rules and as many active flows (every frame a
 * different flow in turn, so beyond the EMC's 16k entries most frames go to the classifier):
 * ns and TSC cycles per packet of the app, and the memory the rules and their flows took
 * (RSS and JS heap + array buffers, per rule).
 * Lookup-table speeds (LPM 100k IPv4 / 10k IPv6 routes, exact match 1M entries) next to
 * DPDK's lpm_perf_autotest / hash_perf_autotest are in bench/lookup.bench.ts
 * (BENCH_DPDK=1 runs DPDK's tests in the same run).
 */
import { Engine } from '../src/core/engine.js';
import { PacketPool } from '../src/core/packet.js';
import { Link } from '../src/core/link.js';
import type { App } from '../src/core/app.js';
import '../src/apps/index.js';
import { L2Bridge } from '../src/apps/l2-bridge/bridge.js';
import { FlowTable } from '../src/apps/flow-table/flow-table.js';
import { L3Router } from '../src/apps/l3-router/router.js';
import { buildUdpPacket, buildEthernet, buildArp, parseIpv4 } from '../src/lib/proto/index.js';
import { tscHz } from './tsc.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);

function pool(n: number): PacketPool {
  return new PacketPool(new ArrayBuffer(PacketPool.bytesFor(n, 2048)), n, 2048);
}

function load(p: PacketPool, frame: Uint8Array): number {
  const h = p.alloc();
  if (h < 0) throw new Error('bench pool empty');
  p.data.set(frame, p.start(h));
  p.len[h] = frame.length;
  return h;
}

/** A queue of packet handles (no Array.shift copying). */
class Fifo {
  private readonly q = new Uint32Array(1 << 16);
  private head = 0;
  private tail = 0;
  constructor(init: number[]) { for (const h of init) this.push(h); }
  get length(): number { return (this.tail - this.head) & 0xffff; }
  push(h: number): void { this.q[this.tail] = h; this.tail = (this.tail + 1) & 0xffff; }
  shift(): number { const h = this.q[this.head]!; this.head = (this.head + 1) & 0xffff; return h; }
}

/**
 * Times `app.push()` alone. `feeds[i]` are the handles queued for input link i; each output
 * link's packets go back to `back[o]`'s reservoir. Returns Mpps.
 */
function appOnly(app: App, ins: Link[], outs: Link[], feeds: number[][], back: number[]): { mpps: number; lost: number } {
  const total = feeds.reduce((s, f) => s + f.length, 0);
  let moved = 0, busyNs = 0;
  // FIFO reservoirs, so every prepared frame (every flow, every MAC) takes its turn.
  const reservoirs = feeds.map((f) => new Fifo(f));
  const round = () => {
    for (let i = 0; i < ins.length; i++) {
      const r = reservoirs[i]!, l = ins[i]!;
      while (r.length > 0 && l.nwritable() > 0) l.transmit(r.shift());
    }
    const t0 = process.hrtime.bigint();
    app.push!();
    busyNs += Number(process.hrtime.bigint() - t0);
    for (let o = 0; o < outs.length; o++) {
      const l = outs[o]!, r = reservoirs[back[o]!]!;
      while (!l.empty()) { r.push(l.receive()); moved++; }
    }
  };
  for (let i = 0; i < 2000; i++) round(); // warm-up (JIT, caches)
  moved = 0; busyNs = 0;
  const end = performance.now() + SECONDS * 1000;
  while (performance.now() < end) round();
  const left = reservoirs.reduce((s, r) => s + r.length, 0) + ins.reduce((s, l) => s + l.nreadable(), 0);
  return { mpps: moved / busyNs * 1000, lost: total - left };
}

function wire(app: App, inNames: string[], outNames: string[], p: PacketPool): { ins: Link[]; outs: Link[] } {
  const ins = inNames.map((n) => { const l = new Link(`x.o -> ${app.name}.${n}`, p); app.input[n] = l; return l; });
  const outs = outNames.map((n) => { const l = new Link(`${app.name}.${n} -> y.i`, p); app.output[n] = l; return l; });
  app.inputs = ins;
  app.outputs = outs;
  app.linked?.();
  return { ins, outs };
}

function endToEnd(cfg: Parameters<Engine['configure']>[0], sinks: string[], n = 16384): number {
  const e = new Engine(pool(n));
  e.configure(cfg);
  const count = () => sinks.reduce((s, k) => s + e.stats().apps[k]!.tx.packets, 0);
  e.runFor(1000);
  const c0 = count(), t0 = performance.now();
  e.runFor(SECONDS * 1000);
  const mpps = (count() - c0) / (performance.now() - t0) / 1000;
  e.stop();
  return mpps;
}

const macOf = (side: number, i: number) => `02:00:0${side}:00:${((i >> 8) & 255).toString(16).padStart(2, '0')}:${(i & 255).toString(16).padStart(2, '0')}`;

function bridgeOnly(stations: number): { mpps: number; lost: number } {
  const p = pool(8192);
  const br = new L2Bridge({ name: 'br', pool: p }, { ports: { p0: {}, p1: {} } });
  const { ins, outs } = wire(br, ['p0', 'p1'], ['p0', 'p1'], p);
  const feeds: number[][] = [[], []];
  for (let side = 0; side < 2; side++) {
    for (let k = 0; k < 2048; k++) {
      const i = k % stations;
      const f = buildUdpPacket({ srcMac: macOf(side, i), dstMac: macOf(1 - side, i), srcIp: '10.0.0.1', dstIp: '10.0.0.2', srcPort: 1, dstPort: 2, size: 60, checksum: false });
      feeds[side]!.push(load(p, f));
    }
  }
  // Teach the bridge every station first (one frame each way), as a running bridge would know them.
  for (let side = 0; side < 2; side++) for (let i = 0; i < stations; i++) {
    const h = load(p, buildUdpPacket({ srcMac: macOf(side, i), dstMac: 'ff:ff:ff:ff:ff:ff', srcIp: '10.0.0.1', dstIp: '10.0.0.2', srcPort: 1, dstPort: 2, size: 60, checksum: false }));
    ins[side]!.transmit(h);
    br.push();
    for (const o of outs) while (!o.empty()) p.free(o.receive());
  }
  // Frames entering p0 leave on p1 and are fed to p0 again (and vice versa).
  return appOnly(br, ins, [outs[0]!, outs[1]!], feeds, [1, 0]);
}

function flowRules(): string[] {
  const flows: string[] = [];
  for (let i = 0; i < 999; i++) flows.push(`priority=${100 + (i % 7)},in_port=g,udp,nw_src=10.0.${i >> 8}.${i & 255}/32,actions=output:o`);
  flows.push('priority=1,actions=drop');
  return flows;
}

function flowTableOnly(nflows: number): { mpps: number; lost: number; emc: unknown } {
  const p = pool(16384);
  const ft = new FlowTable({ name: 'ft', pool: p }, { ports: ['g', 'o'], flows: flowRules() });
  const { ins, outs } = wire(ft, ['g'], ['o'], p);
  const feed: number[] = [];
  for (let f = 0; f < nflows; f++) {
    const src = ((10 << 24) | (f % 999)) >>> 0;
    feed.push(load(p, buildUdpPacket({ srcMac: 2, dstMac: 3, srcIp: src, dstIp: '10.1.0.1', srcPort: 1024 + Math.floor(f / 999), dstPort: 5001, size: 60, checksum: false })));
  }
  const r = appOnly(ft, ins, outs, [feed], [0]);
  return { ...r, emc: (ft.report() as { emc: unknown }).emc };
}

/**
 * The flow table with `rules` exact /32 nw_src rules (one subtable, as OVS's dpcls would hold
 * them) plus a default drop, and `flows` active flows (5-tuples: flow j comes from rule
 * j % rules' address and UDP source port 1024 + j / rules). The reservoir's frames are
 * restamped (untimed) with the next flow of a stride permutation, so consecutive frames never
 * share one; beyond the EMC's 16k entries most frames go to the classifier. Returns the
 * app-only rate and the memory the table took.
 */
function flowScaling(rules: number, flows: number, emcInsertInvProb?: number): { mpps: number; lost: number; rss: number; heap: number; buildMs: number; emcHitPct: number } {
  const p = pool(8192);
  globalThis.gc?.();
  const m0 = process.memoryUsage();
  const t0 = performance.now();
  const lines: string[] = [];
  const ip = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
  for (let i = 0; i < rules; i++) lines.push(`priority=100,in_port=g,udp,nw_src=${ip(i)},actions=output:o`);
  lines.push('priority=1,actions=drop');
  const ft = new FlowTable({ name: 'ft', pool: p }, { ports: ['g', 'o'], flows: lines, maxFlows: Math.max(65536, rules + 1), emcInsertInvProb });
  lines.length = 0;
  const buildMs = performance.now() - t0;
  globalThis.gc?.();
  const m1 = process.memoryUsage();
  const { ins, outs } = wire(ft, ['g'], ['o'], p);
  const feed: number[] = [];
  for (let k = 0; k < 4096; k++) feed.push(load(p, buildUdpPacket({ srcMac: 2, dstMac: 3, srcIp: '10.0.0.0', dstIp: '10.200.0.1', srcPort: 1024, dstPort: 5001, size: 60, checksum: false })));
  const stride = 7919; // odd and co-prime with the powers of ten used here
  let next = 0;
  const restamp = (h: number) => {
    const j = next, i = j % rules, port = 1024 + Math.floor(j / rules);
    next = (next + stride) % flows;
    const o = p.start(h), d = p.data;
    d[o + 26] = 10; d[o + 27] = (i >> 16) & 255; d[o + 28] = (i >> 8) & 255; d[o + 29] = i & 255; // IPv4 source
    d[o + 34] = port >> 8; d[o + 35] = port & 255; // UDP source port
  };
  const r = new Fifo(feed);
  const input = ins[0]!, output = outs[0]!;
  let moved = 0, busyNs = 0;
  const round = () => {
    while (r.length > 0 && input.nwritable() > 0) { const h = r.shift(); restamp(h); input.transmit(h); }
    const t = process.hrtime.bigint();
    ft.push();
    busyNs += Number(process.hrtime.bigint() - t);
    while (!output.empty()) { r.push(output.receive()); moved++; }
  };
  // Warm-up: every flow at least once (JIT, EMC, classifier), then time.
  while (moved < flows + 20_000) round();
  moved = 0; busyNs = 0;
  const h0 = ft.emcHits, x0 = ft.emcMisses;
  const end = performance.now() + SECONDS * 1000;
  while (performance.now() < end) round();
  const lost = feed.length - r.length - input.nreadable();
  const emcHitPct = 100 * (ft.emcHits - h0) / (ft.emcHits - h0 + ft.emcMisses - x0);
  return { mpps: moved / busyNs * 1000, lost, buildMs, emcHitPct, rss: m1.rss - m0.rss, heap: m1.heapUsed + m1.arrayBuffers - m0.heapUsed - m0.arrayBuffers };
}

function flowScalingMain(): void {
  const hz = tscHz();
  const mb = (b: number) => (b / 1048576).toFixed(1);
  console.log(`# flow-table scaling, node ${process.version}, ${SECONDS}s per measurement, one core, TSC ${hz ? (hz / 1e6).toFixed(0) + ' MHz' : 'unknown'}${globalThis.gc ? '' : ' (run with --expose-gc for exact memory figures)'}`);
  const rate: number[] = [];
  for (const flows of [1_000, 100_000, 1_000_000]) {
    const f = flowScaling(1000, flows);
    const ns = 1000 / f.mpps;
    rate.push(f.mpps);
    console.log(`flow-table rules=1000 active_flows=${flows} mpps=${f.mpps.toFixed(2)} ns_per_pkt=${ns.toFixed(1)}${hz ? ` cyc_per_pkt=${(ns * hz / 1e9).toFixed(0)}` : ''} emc_hit=${f.emcHitPct.toFixed(0)}% lost=${f.lost}`);
  }
  for (const inv of [1, 100]) {
    const f = flowScaling(1000, 100_000, inv);
    console.log(`flow-table rules=1000 active_flows=100000 emc_insert_inv_prob=${inv} mpps=${f.mpps.toFixed(2)} emc_hit=${f.emcHitPct.toFixed(0)}%`);
  }
  console.log(`flow-table rate 1k -> 100k active flows ${((rate[1]! / rate[0]! - 1) * 100).toFixed(0)}%, 1k -> 1M ${((rate[2]! / rate[0]! - 1) * 100).toFixed(0)}%`);
  const mem: { rules: number; rss: number; heap: number }[] = [];
  for (const rules of [1_000, 100_000, 1_000_000]) {
    const f = flowScaling(rules, rules);
    mem.push({ rules, rss: f.rss, heap: f.heap });
    console.log(`flow-table rules=${rules} build_ms=${f.buildMs.toFixed(0)} rss_mb=${mb(f.rss)} heap_and_buffers_mb=${mb(f.heap)} mpps=${f.mpps.toFixed(2)}`);
  }
  const per = (a: number, b: number) => ((mem[b]!.heap - mem[a]!.heap) / (mem[b]!.rules - mem[a]!.rules)).toFixed(0);
  console.log(`flow-table memory per added rule (heap + buffers): 1k -> 100k ${per(0, 1)} B, 100k -> 1M ${per(1, 2)} B (linear when these agree)`);
}

function routerOnly(): { mpps: number; lost: number } {
  const p = pool(8192);
  const routes = [];
  for (let i = 0; i < 100_000; i++) routes.push({ prefix: `${20 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}.0/24`, via: '10.0.1.2' });
  const r = new L3Router({ name: 'r', pool: p }, {
    interfaces: { e0: { mac: '02:00:00:00:01:00', ipv4: '10.0.0.1/24' }, e1: { mac: '02:00:00:00:01:01', ipv4: '10.0.1.1/24' } }, routes,
  });
  const { ins, outs } = wire(r, ['e0', 'e1'], ['e0', 'e1'], p);
  // Resolve the gateway once (its ARP reply), then drain the router's own ARP traffic.
  const arp = new Uint8Array(60);
  buildEthernet(arp, 0, 0x0200, 0x00000101, 0x0200, 0x0000b001, 0x0806);
  buildArp(arp, 14, 2, 0x0200, 0x0000b001, parseIpv4('10.0.1.2'), 0x0200, 0x00000101, parseIpv4('10.0.1.1'));
  ins[1]!.transmit(load(p, arp));
  r.push();
  for (const o of outs) while (!o.empty()) p.free(o.receive());
  const feed: number[] = [];
  const frames = new Map<number, Uint8Array>();
  for (let f = 0; f < 2048; f++) {
    const i = (f * 48) % 100_000;
    const dst = `${20 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}.9`;
    const frame = buildUdpPacket({ srcMac: '02:00:00:00:00:a0', dstMac: '02:00:00:00:01:00', srcIp: '10.0.0.2', dstIp: dst, srcPort: 1, dstPort: 2, size: 60 });
    const h = load(p, frame);
    frames.set(h, frame);
    feed.push(h);
  }
  return appOnlyRouter(r, ins[0]!, outs[1]!, feed, frames, p);
}

/** Like appOnly for the router: each frame's original bytes (MACs, TTL) are restored before it is fed again (untimed). */
function appOnlyRouter(app: App, input: Link, output: Link, feed: number[], frames: Map<number, Uint8Array>, p: PacketPool): { mpps: number; lost: number } {
  const r = new Fifo(feed);
  let moved = 0, busyNs = 0;
  const round = () => {
    while (r.length > 0 && input.nwritable() > 0) {
      const h = r.shift();
      p.data.set(frames.get(h)!, p.start(h));
      input.transmit(h);
    }
    const t0 = process.hrtime.bigint();
    app.push!();
    busyNs += Number(process.hrtime.bigint() - t0);
    while (!output.empty()) { r.push(output.receive()); moved++; }
  };
  for (let i = 0; i < 100; i++) round();
  moved = 0; busyNs = 0;
  const end = performance.now() + SECONDS * 1000;
  while (performance.now() < end && r.length + input.nreadable() === feed.length) round();
  return { mpps: moved / busyNs * 1000, lost: feed.length - r.length - input.nreadable() };
}

function main(): void {
  const line = (s: string) => console.log(s);
  line(`# switching bench, node ${process.version}, ${SECONDS}s per measurement, one core`);
  const b1 = bridgeOnly(1);
  line(`bridge app-only ports=2 macs=2 mpps=${b1.mpps.toFixed(2)} lost=${b1.lost}`);
  const b1k = bridgeOnly(1000);
  line(`bridge app-only ports=2 macs=2000 mpps=${b1k.mpps.toFixed(2)} lost=${b1k.lost}`);
  const ft = flowTableOnly(10_000);
  line(`flow-table app-only rules=1000 flows=10000 mpps=${ft.mpps.toFixed(2)} lost=${ft.lost} emc=${JSON.stringify(ft.emc)}`);
  const rt = routerOnly();
  line(`router app-only routes=100000 mpps=${rt.mpps.toFixed(2)} lost=${rt.lost}`);
  const gen = endToEnd({ apps: { g0: { type: 'gen' }, g1: { type: 'gen' }, s0: { type: 'null' }, s1: { type: 'null' } }, links: ['g0.output -> s0.input', 'g1.output -> s1.input'] }, ['s0', 's1']);
  line(`gen->null end-to-end (ceiling) mpps=${gen.toFixed(2)}`);
  const be = endToEnd({
    apps: {
      g0: { type: 'gen', args: { srcMac: '02:00:00:00:00:0a', dstMac: '02:00:00:00:00:0b' } },
      g1: { type: 'gen', args: { srcMac: '02:00:00:00:00:0b', dstMac: '02:00:00:00:00:0a' } },
      br: { type: 'l2-bridge', args: { ports: { p0: {}, p1: {} } } },
      s0: { type: 'null' }, s1: { type: 'null' },
    },
    links: ['g0.output -> br.p0', 'g1.output -> br.p1', 'br.p0 -> s0.input', 'br.p1 -> s1.input'],
  }, ['s0', 's1']);
  line(`bridge end-to-end gen->bridge->null ports=2 mpps=${be.toFixed(2)}`);
  const fe = endToEnd({
    apps: { g: { type: 'gen', args: { flows: 10000 } }, ft: { type: 'flow-table', args: { ports: ['g', 'o'], flows: flowRules() } }, s: { type: 'null' } },
    links: ['g.output -> ft.g', 'ft.o -> s.input'],
  }, ['s']);
  line(`flow-table end-to-end gen->ft->null rules=1000 flows=10000 mpps=${fe.toFixed(2)}`);
  line('# targets (issue 4): bridge >= 15 Mpps, flow table >= 10 Mpps (app-only lines); lookups: node dist/bench/lookup.bench.js [BENCH_DPDK=1]');
}

if (process.argv[2] === 'flow-scaling') flowScalingMain();
else main();

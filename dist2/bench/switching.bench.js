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
 * Lookup-table speeds (LPM 100k IPv4 / 10k IPv6 routes, exact match 1M entries) next to
 * DPDK's lpm_perf_autotest / hash_perf_autotest are in bench/lookup.bench.ts
 * (BENCH_DPDK=1 runs DPDK's tests in the same run).
 */
import { Engine } from '../src/core/engine.js';
import { PacketPool } from '../src/core/packet.js';
import { Link } from '../src/core/link.js';
import '../src/apps/index.js';
import { L2Bridge } from '../src/apps/l2-bridge/bridge.js';
import { FlowTable } from '../src/apps/flow-table/flow-table.js';
import { L3Router } from '../src/apps/l3-router/router.js';
import { buildUdpPacket, buildEthernet, buildArp, parseIpv4 } from '../src/lib/proto/index.js';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
function pool(n) {
    return new PacketPool(new ArrayBuffer(PacketPool.bytesFor(n, 2048)), n, 2048);
}
function load(p, frame) {
    const h = p.alloc();
    if (h < 0)
        throw new Error('bench pool empty');
    p.data.set(frame, p.start(h));
    p.len[h] = frame.length;
    return h;
}
/** A queue of packet handles (no Array.shift copying). */
class Fifo {
    q = new Uint32Array(1 << 16);
    head = 0;
    tail = 0;
    constructor(init) { for (const h of init)
        this.push(h); }
    get length() { return (this.tail - this.head) & 0xffff; }
    push(h) { this.q[this.tail] = h; this.tail = (this.tail + 1) & 0xffff; }
    shift() { const h = this.q[this.head]; this.head = (this.head + 1) & 0xffff; return h; }
}
/**
 * Times `app.push()` alone. `feeds[i]` are the handles queued for input link i; each output
 * link's packets go back to `back[o]`'s reservoir. Returns Mpps.
 */
function appOnly(app, ins, outs, feeds, back) {
    const total = feeds.reduce((s, f) => s + f.length, 0);
    let moved = 0, busyNs = 0;
    // FIFO reservoirs, so every prepared frame (every flow, every MAC) takes its turn.
    const reservoirs = feeds.map((f) => new Fifo(f));
    const round = () => {
        for (let i = 0; i < ins.length; i++) {
            const r = reservoirs[i], l = ins[i];
            while (r.length > 0 && l.nwritable() > 0)
                l.transmit(r.shift());
        }
        const t0 = process.hrtime.bigint();
        app.push();
        busyNs += Number(process.hrtime.bigint() - t0);
        for (let o = 0; o < outs.length; o++) {
            const l = outs[o], r = reservoirs[back[o]];
            while (!l.empty()) {
                r.push(l.receive());
                moved++;
            }
        }
    };
    for (let i = 0; i < 2000; i++)
        round(); // warm-up (JIT, caches)
    moved = 0;
    busyNs = 0;
    const end = performance.now() + SECONDS * 1000;
    while (performance.now() < end)
        round();
    const left = reservoirs.reduce((s, r) => s + r.length, 0) + ins.reduce((s, l) => s + l.nreadable(), 0);
    return { mpps: moved / busyNs * 1000, lost: total - left };
}
function wire(app, inNames, outNames, p) {
    const ins = inNames.map((n) => { const l = new Link(`x.o -> ${app.name}.${n}`, p); app.input[n] = l; return l; });
    const outs = outNames.map((n) => { const l = new Link(`${app.name}.${n} -> y.i`, p); app.output[n] = l; return l; });
    app.inputs = ins;
    app.outputs = outs;
    app.linked?.();
    return { ins, outs };
}
function endToEnd(cfg, sinks, n = 16384) {
    const e = new Engine(pool(n));
    e.configure(cfg);
    const count = () => sinks.reduce((s, k) => s + e.stats().apps[k].tx.packets, 0);
    e.runFor(1000);
    const c0 = count(), t0 = performance.now();
    e.runFor(SECONDS * 1000);
    const mpps = (count() - c0) / (performance.now() - t0) / 1000;
    e.stop();
    return mpps;
}
const macOf = (side, i) => `02:00:0${side}:00:${((i >> 8) & 255).toString(16).padStart(2, '0')}:${(i & 255).toString(16).padStart(2, '0')}`;
function bridgeOnly(stations) {
    const p = pool(8192);
    const br = new L2Bridge({ name: 'br', pool: p }, { ports: { p0: {}, p1: {} } });
    const { ins, outs } = wire(br, ['p0', 'p1'], ['p0', 'p1'], p);
    const feeds = [[], []];
    for (let side = 0; side < 2; side++) {
        for (let k = 0; k < 2048; k++) {
            const i = k % stations;
            const f = buildUdpPacket({ srcMac: macOf(side, i), dstMac: macOf(1 - side, i), srcIp: '10.0.0.1', dstIp: '10.0.0.2', srcPort: 1, dstPort: 2, size: 60, checksum: false });
            feeds[side].push(load(p, f));
        }
    }
    // Teach the bridge every station first (one frame each way), as a running bridge would know them.
    for (let side = 0; side < 2; side++)
        for (let i = 0; i < stations; i++) {
            const h = load(p, buildUdpPacket({ srcMac: macOf(side, i), dstMac: 'ff:ff:ff:ff:ff:ff', srcIp: '10.0.0.1', dstIp: '10.0.0.2', srcPort: 1, dstPort: 2, size: 60, checksum: false }));
            ins[side].transmit(h);
            br.push();
            for (const o of outs)
                while (!o.empty())
                    p.free(o.receive());
        }
    // Frames entering p0 leave on p1 and are fed to p0 again (and vice versa).
    return appOnly(br, ins, [outs[0], outs[1]], feeds, [1, 0]);
}
function flowRules() {
    const flows = [];
    for (let i = 0; i < 999; i++)
        flows.push(`priority=${100 + (i % 7)},in_port=g,udp,nw_src=10.0.${i >> 8}.${i & 255}/32,actions=output:o`);
    flows.push('priority=1,actions=drop');
    return flows;
}
function flowTableOnly(nflows) {
    const p = pool(16384);
    const ft = new FlowTable({ name: 'ft', pool: p }, { ports: ['g', 'o'], flows: flowRules() });
    const { ins, outs } = wire(ft, ['g'], ['o'], p);
    const feed = [];
    for (let f = 0; f < nflows; f++) {
        const src = ((10 << 24) | (f % 999)) >>> 0;
        feed.push(load(p, buildUdpPacket({ srcMac: 2, dstMac: 3, srcIp: src, dstIp: '10.1.0.1', srcPort: 1024 + Math.floor(f / 999), dstPort: 5001, size: 60, checksum: false })));
    }
    const r = appOnly(ft, ins, outs, [feed], [0]);
    return { ...r, emc: ft.report().emc };
}
function routerOnly() {
    const p = pool(8192);
    const routes = [];
    for (let i = 0; i < 100_000; i++)
        routes.push({ prefix: `${20 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}.0/24`, via: '10.0.1.2' });
    const r = new L3Router({ name: 'r', pool: p }, {
        interfaces: { e0: { mac: '02:00:00:00:01:00', ipv4: '10.0.0.1/24' }, e1: { mac: '02:00:00:00:01:01', ipv4: '10.0.1.1/24' } }, routes,
    });
    const { ins, outs } = wire(r, ['e0', 'e1'], ['e0', 'e1'], p);
    // Resolve the gateway once (its ARP reply), then drain the router's own ARP traffic.
    const arp = new Uint8Array(60);
    buildEthernet(arp, 0, 0x0200, 0x00000101, 0x0200, 0x0000b001, 0x0806);
    buildArp(arp, 14, 2, 0x0200, 0x0000b001, parseIpv4('10.0.1.2'), 0x0200, 0x00000101, parseIpv4('10.0.1.1'));
    ins[1].transmit(load(p, arp));
    r.push();
    for (const o of outs)
        while (!o.empty())
            p.free(o.receive());
    const feed = [];
    const frames = new Map();
    for (let f = 0; f < 2048; f++) {
        const i = (f * 48) % 100_000;
        const dst = `${20 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}.9`;
        const frame = buildUdpPacket({ srcMac: '02:00:00:00:00:a0', dstMac: '02:00:00:00:01:00', srcIp: '10.0.0.2', dstIp: dst, srcPort: 1, dstPort: 2, size: 60 });
        const h = load(p, frame);
        frames.set(h, frame);
        feed.push(h);
    }
    return appOnlyRouter(r, ins[0], outs[1], feed, frames, p);
}
/** Like appOnly for the router: each frame's original bytes (MACs, TTL) are restored before it is fed again (untimed). */
function appOnlyRouter(app, input, output, feed, frames, p) {
    const r = new Fifo(feed);
    let moved = 0, busyNs = 0;
    const round = () => {
        while (r.length > 0 && input.nwritable() > 0) {
            const h = r.shift();
            p.data.set(frames.get(h), p.start(h));
            input.transmit(h);
        }
        const t0 = process.hrtime.bigint();
        app.push();
        busyNs += Number(process.hrtime.bigint() - t0);
        while (!output.empty()) {
            r.push(output.receive());
            moved++;
        }
    };
    for (let i = 0; i < 100; i++)
        round();
    moved = 0;
    busyNs = 0;
    const end = performance.now() + SECONDS * 1000;
    while (performance.now() < end && r.length + input.nreadable() === feed.length)
        round();
    return { mpps: moved / busyNs * 1000, lost: feed.length - r.length - input.nreadable() };
}
function main() {
    const line = (s) => console.log(s);
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
main();
//# sourceMappingURL=switching.bench.js.map
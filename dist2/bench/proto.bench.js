/**
 * Protocol-header microbenchmark: parsePacket over a mixed pool, TTL decrement with
 * incremental checksum, VLAN push+pop, UDP checksum, raw onesSum throughput, and the
 * number of GC events seen while parsing (should be 0: the parser must not allocate).
 * Run: npx tsc -p . && node dist/bench/proto.bench.js
 * Prints one line per measurement: `<name> mpps=<million ops/s>` (onesSum also gbps).
 */
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { ParsedHeaders, parsePacket, buildUdpPacket, ipv4DecTtl, vlanPush, vlanPop, udpSetChecksumV4, onesSum, } from '../src/lib/proto/index.js';
const SLOT = 2048;
const HEADROOM = 128;
const N = 256;
const pool = new Uint8Array(N * SLOT);
const starts = new Int32Array(N);
const lens = new Int32Array(N);
const frames = [
    buildUdpPacket({ srcMac: 1, dstMac: 2, srcIp: '10.0.0.1', dstIp: '10.0.0.2', srcPort: 1, dstPort: 2, size: 60 }),
    buildUdpPacket({ srcMac: 1, dstMac: 2, vlan: 10, srcIp: '10.0.0.1', dstIp: '10.0.0.2', srcPort: 1, dstPort: 2, size: 64 }),
    buildUdpPacket({ srcMac: 1, dstMac: 2, srcIp: '2001:db8::1', dstIp: '2001:db8::2', srcPort: 1, dstPort: 2, size: 78 }),
    buildUdpPacket({ srcMac: 1, dstMac: 2, srcIp: '10.0.0.3', dstIp: '10.0.0.4', srcPort: 3, dstPort: 4, size: 1514 }),
];
for (let i = 0; i < N; i++) {
    const f = frames[i % frames.length];
    starts[i] = i * SLOT + HEADROOM;
    lens[i] = f.length;
    pool.set(f, starts[i]);
}
function report(name, ops, ns, bytes = 0) {
    const s = Number(ns) / 1e9;
    const extra = bytes ? ` gbps=${((bytes * 8) / s / 1e9).toFixed(2)}` : '';
    console.log(`${name} mpps=${(ops / s / 1e6).toFixed(2)}${extra}`);
}
const h = new ParsedHeaders();
function parseLoop(rounds) {
    let acc = 0;
    for (let r = 0; r < rounds; r++) {
        for (let i = 0; i < N; i++)
            acc = (acc + parsePacket(pool, starts[i], lens[i], h) + h.dstPort) | 0;
    }
    return acc;
}
// Count only GCs that started inside the timed loop (reporting itself allocates).
let gcCount = 0;
let loopStart = 0;
let loopEnd = 0;
const obs = new PerformanceObserver((list) => {
    for (const e of list.getEntries())
        if (e.startTime >= loopStart && e.startTime <= loopEnd)
            gcCount++;
});
parseLoop(2000); // warm up
obs.observe({ entryTypes: ['gc'] });
let t0 = process.hrtime.bigint();
loopStart = performance.now();
const sink = parseLoop(20000);
loopEnd = performance.now();
report('parsePacket', 20000 * N, process.hrtime.bigint() - t0);
await new Promise((r) => setTimeout(r, 50)); // let the observer deliver
obs.disconnect();
console.log(`parsePacket gc-events=${gcCount}${sink === -1 ? ' ' : ''}`);
const ipOff = starts[0] + 14;
function ttlLoop(n) {
    for (let i = 0; i < n; i++) {
        if (ipv4DecTtl(pool, ipOff) <= 0)
            pool[ipOff + 8] = 255; // speed only: the checksum goes stale here
    }
}
ttlLoop(100000);
t0 = process.hrtime.bigint();
ttlLoop(5_000_000);
report('ipv4DecTtl', 5_000_000, process.hrtime.bigint() - t0);
function vlanLoop(n) {
    const s = starts[0];
    const l = lens[0];
    for (let i = 0; i < n; i++)
        vlanPop(pool, vlanPush(pool, s, l, 100, 0), l + 4);
}
vlanLoop(100000);
t0 = process.hrtime.bigint();
vlanLoop(5_000_000);
report('vlanPush+vlanPop', 5_000_000, process.hrtime.bigint() - t0);
function udpLoop(n, k) {
    const s = starts[k];
    for (let i = 0; i < n; i++)
        udpSetChecksumV4(pool, s + 14, s + 34);
}
udpLoop(100000, 0);
t0 = process.hrtime.bigint();
udpLoop(3_000_000, 0);
report('udpSetChecksumV4-60B', 3_000_000, process.hrtime.bigint() - t0);
function sumLoop(n, len) {
    let acc = 0;
    const s = starts[3];
    for (let i = 0; i < n; i++)
        acc = (acc + onesSum(pool, s, len, 0)) | 0;
    return acc;
}
sumLoop(20000, 1500);
t0 = process.hrtime.bigint();
sumLoop(300_000, 1500);
report('onesSum-1500B', 300_000, process.hrtime.bigint() - t0, 300_000 * 1500);
//# sourceMappingURL=proto.bench.js.map
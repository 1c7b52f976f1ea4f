/**
 * Fixed-work driver for instruction counting (no timing): run one foundation scenario a
 * given number of times, so `valgrind --tool=callgrind` totals of two runs differ only by
 * the extra iterations. Per-packet instructions = (Ir(2N) - Ir(N)) / packets(N).
 *
 *   node dist/bench/icount.js SCENARIO N     SCENARIO: ring-spsc | ring-mpmc | pool | pool-burst | gen-sink | pcap
 *   bench/icount.sh SCENARIO N               does the two valgrind runs and prints Ir per packet
 *
 * Prints `packets=<count>` for the measured part (warm-up excluded).
 */
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ring } from '../src/core/ring.js';
import { PacketPool } from '../src/core/packet.js';
import { Engine } from '../src/core/engine.js';
import { loadBuiltins } from '../src/runtime/builtin.js';
import { buildPcap } from '../src/lib/pcap/testkit.js';
import { buildUdpPacket } from '../src/lib/proto/index.js';
const scenario = process.argv[2] ?? 'gen-sink';
const n = Number(process.argv[3] ?? 1000);
const WARM = 20_000; // enough iterations for TurboFan to have optimized the hot functions
function ring(mode, iters) {
    const r = new Ring(new SharedArrayBuffer(Ring.bytesFor(4096)), 0, 4096, mode, true);
    const b = new Uint32Array(32);
    let moved = 0;
    for (let i = 0; i < iters; i++) {
        moved += r.enqueueBurst(b, 0, 32);
        r.dequeueBurst(b, 0, 32);
    }
    return moved;
}
const pool = new PacketPool(new ArrayBuffer(PacketPool.bytesFor(16384, 2048)), 16384, 2048);
const hs = new Uint32Array(32);
function poolLoop(iters) {
    for (let i = 0; i < iters; i++) {
        for (let j = 0; j < 32; j++)
            hs[j] = pool.alloc();
        for (let j = 0; j < 32; j++)
            pool.free(hs[j]);
    }
    return iters * 32;
}
function poolBurstLoop(iters) {
    for (let i = 0; i < iters; i++) {
        pool.allocBurst(hs, 32);
        pool.freeBurst(hs, 32);
    }
    return iters * 32;
}
async function engineLoop(kind, breaths) {
    await loadBuiltins();
    const e = new Engine(new PacketPool(new ArrayBuffer(PacketPool.bytesFor(16384)), 16384));
    if (kind === 'gen-sink') {
        e.configure({ apps: { gen: { type: 'gen', args: { size: 64, flows: 16 } }, sink: { type: 'sink' } }, links: ['gen.output -> sink.input'] });
    }
    else {
        const file = join(mkdtempSync(join(tmpdir(), 'sluice-icount-')), 'replay.pcap');
        const frame = buildUdpPacket({ srcMac: 1, dstMac: 2, srcIp: '10.0.0.1', dstIp: '10.0.0.2', srcPort: 1, dstPort: 2, size: 64 });
        writeFileSync(file, buildPcap({ records: Array.from({ length: 10_000 }, () => ({ data: frame })) }));
        e.configure({ apps: { pcap: { type: 'pcap', args: { in: file, loop: 0 } }, sink: { type: 'null' } }, links: ['pcap.output -> sink.input'] });
    }
    const sink = e.apps.get('sink');
    for (let i = 0; i < 2000; i++)
        e.breathe(0); // warm-up; now=0 keeps ticks out of the count
    const before = sink.counters[2];
    for (let i = 0; i < breaths; i++)
        e.breathe(0);
    return sink.counters[2] - before;
}
let packets = 0;
switch (scenario) {
    case 'ring-spsc':
    case 'ring-mpmc': {
        const mode = scenario === 'ring-spsc' ? 'spsc' : 'mpmc';
        ring(mode, WARM);
        packets = ring(mode, n);
        break;
    }
    case 'pool':
        poolLoop(WARM);
        packets = poolLoop(n);
        break;
    case 'pool-burst':
        poolBurstLoop(WARM);
        packets = poolBurstLoop(n);
        break;
    case 'gen-sink':
    case 'pcap':
        packets = await engineLoop(scenario, n);
        break;
    default: throw new Error(`unknown scenario ${scenario}`);
}
console.log(`packets=${packets}`);
//# sourceMappingURL=icount.js.map
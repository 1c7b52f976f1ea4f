/**
 * `npm run bench`: the foundation layer's figures, next to DPDK's from the same run.
 *
 *   ring   burst-32 enqueue+dequeue, ns per packet (SPSC, MPMC; one thread, and two threads)
 *   pool   alloc+free ns per buffer (per-thread cache over an MPMC ring), one by one and in bursts
 *
 * Wall-clock figures swing ±30% on a shared machine; decide with instruction counts
 * (bench/icount.sh: callgrind on a fixed-work driver) and use this run to confirm.
 *   gen→sink Mpps through one link on one core; pcap replay Mpps
 *
 * Where `dpdk-test` exists, DPDK's ring_perf_autotest runs in the same run (about 10 s) and
 * each figure is printed with `ratio=` ours/theirs, converting DPDK's TSC cycles to ns with
 * the TSC rate. DPDK's mempool_perf_autotest takes minutes and is not run: the pool is
 * compared against DPDK's MP/MC ring burst, which is what a cache-less mempool costs.
 * Other benchmarks: bench/*.bench.ts (lookups, switching, pcap, proto, kernel ports, memif),
 * bench/vhost-perfbench.sh; fuzz campaigns: bench/fuzz.ts (test/fuzz/README.md).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, existsSync, writeFileSync, mkdtempSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ring } from '../src/core/ring.js';
import { PacketPool } from '../src/core/packet.js';
import { Engine } from '../src/core/engine.js';
import { loadBuiltins } from '../src/runtime/builtin.js';
import { buildPcap } from '../src/lib/pcap/testkit.js';
import { buildUdpPacket } from '../src/lib/proto/index.js';
import { tscHz } from './tsc.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);

function time(fn: () => number): { ns: number; ops: number } {
  fn(); // warm up / optimize
  const t0 = process.hrtime.bigint();
  let ops = 0;
  const end = performance.now() + SECONDS * 1000;
  while (performance.now() < end) ops += fn();
  return { ns: Number(process.hrtime.bigint() - t0), ops };
}

function ringSingleThread(mode: 'spsc' | 'mpmc'): number {
  const size = 4096; // as DPDK's test
  const r = new Ring(new SharedArrayBuffer(Ring.bytesFor(size)), 0, size, mode, true);
  const burst = new Uint32Array(32);
  const { ns, ops } = time(() => {
    for (let i = 0; i < 100_000; i++) { r.enqueueBurst(burst, 0, 32); r.dequeueBurst(burst, 0, 32); }
    return 100_000 * 32;
  });
  return ns / ops;
}

async function ringTwoThreads(mode: 'spsc' | 'mpmc'): Promise<number> {
  const size = 4096;
  const buf = new SharedArrayBuffer(Ring.bytesFor(size));
  new Ring(buf, 0, size, mode, true);
  const ringUrl = new URL('../src/core/ring.js', import.meta.url).href;
  const n = 20_000_000;
  const code = `
    import { workerData, parentPort } from 'node:worker_threads';
    const { Ring } = await import(workerData.ringUrl);
    const r = new Ring(workerData.buf, 0, 4096, workerData.mode);
    const b = new Uint32Array(32);
    let done = 0;
    const t0 = process.hrtime.bigint();
    if (workerData.role === 'p') while (done < workerData.n) done += r.enqueueBurst(b, 0, 32);
    else while (done < workerData.n) done += r.dequeueBurst(b, 0, 32);
    parentPort.postMessage(Number(process.hrtime.bigint() - t0));`;
  const run = (role: string) => new Promise<number>((res, rej) => {
    const w = new Worker(code, { eval: true, workerData: { ringUrl, buf, mode, role, n } });
    w.once('message', (ns: number) => { void w.terminate(); res(ns); });
    w.once('error', rej);
  });
  const [, c] = await Promise.all([run('p'), run('c')]);
  return c / n;
}

function pool(): number {
  const count = 16384;
  const p = new PacketPool(new ArrayBuffer(PacketPool.bytesFor(count, 2048)), count, 2048);
  const hs = new Uint32Array(32);
  const { ns, ops } = time(() => {
    for (let i = 0; i < 100_000; i++) {
      for (let j = 0; j < 32; j++) hs[j] = p.alloc();
      for (let j = 0; j < 32; j++) p.free(hs[j]!);
    }
    return 100_000 * 32;
  });
  return ns / ops;
}

/** The same with allocBurst/freeBurst (what gen, sink and the pcap port use). */
function poolBurst(): number {
  const count = 16384;
  const p = new PacketPool(new ArrayBuffer(PacketPool.bytesFor(count, 2048)), count, 2048);
  const hs = new Uint32Array(32);
  const { ns, ops } = time(() => {
    for (let i = 0; i < 100_000; i++) { p.allocBurst(hs, 32); p.freeBurst(hs, 32); }
    return 100_000 * 32;
  });
  return ns / ops;
}

function engineMpps(config: Parameters<Engine['configure']>[0], counter: () => number, engine: Engine): number {
  engine.configure(config);
  engine.runFor(300);
  const before = counter();
  const t0 = performance.now();
  engine.runFor(SECONDS * 1000);
  const mpps = (counter() - before) / ((performance.now() - t0) * 1000);
  engine.stop();
  return mpps;
}

function newPool(): PacketPool {
  const count = 16384;
  return new PacketPool(new ArrayBuffer(PacketPool.bytesFor(count)), count);
}


interface DpdkRing { spscBurst32?: number; mpmcBurst32?: number; spscTwoCores32?: number; mpmcTwoCores32?: number }

/** DPDK ring_perf_autotest: single-core burst lines are cycles per (enq 32 + deq 32) iteration; two-core lines are per element. */
function dpdkRingPerf(): DpdkRing | undefined {
  if (!existsSync('/usr/bin/dpdk-test') && spawnSync('which', ['dpdk-test']).status !== 0) return undefined;
  const r = spawnSync('dpdk-test', ['--no-pci', '-l', '0-1', '--no-huge', '-m', '256', '--file-prefix', `sluice-bench-${process.pid}`], { input: 'ring_perf_autotest\n', encoding: 'utf8', timeout: 120_000 });
  const out = r.stdout ?? '';
  const num = (re: RegExp) => { const m = re.exec(out); return m ? Number(m[1]) : undefined; };
  const res: DpdkRing = {};
  const spsc = num(/legacy APIs: SP\/SC: burst \(size: 32\): ([\d.]+)/);
  const mpmc = num(/legacy APIs: MP\/MC: burst \(size: 32\): ([\d.]+)/);
  const two = out.split('Testing using two physical cores')[1] ?? '';
  const two1 = /legacy APIs: SP\/SC: bulk \(size: 32\): ([\d.]+)/.exec(two);
  const two2 = /legacy APIs: MP\/MC: bulk \(size: 32\): ([\d.]+)/.exec(two);
  if (spsc !== undefined) res.spscBurst32 = spsc / 32;
  if (mpmc !== undefined) res.mpmcBurst32 = mpmc / 32;
  if (two1) res.spscTwoCores32 = Number(two1[1]);
  if (two2) res.mpmcTwoCores32 = Number(two2[1]);
  return Object.keys(res).length ? res : undefined;
}

function line(name: string, ns: number, unit: string, dpdkCycles: number | undefined, hz: number | undefined, what: string): void {
  let s = `${name} ${unit}=${ns.toFixed(2)}`;
  if (dpdkCycles !== undefined && hz) {
    const theirs = (dpdkCycles / hz) * 1e9;
    s += ` dpdk_${unit}=${theirs.toFixed(2)} (${dpdkCycles.toFixed(2)} cycles, ${what}) ratio=${(ns / theirs).toFixed(2)}`;
  }
  console.log(s);
}

await loadBuiltins();
console.log(`# sluice foundation bench (${SECONDS} s per figure; node ${process.version})`);
const dpdk = process.env.BENCH_NO_DPDK ? undefined : dpdkRingPerf();
const hz = tscHz();
if (dpdk) console.log(`# dpdk-test ring_perf_autotest ran in this run; TSC ${(hz! / 1e6).toFixed(0)} MHz`);
else console.log('# dpdk-test not available: no ratios (install Debian package dpdk-dev)');

line('ring spsc burst32 enq+deq (1 thread)', ringSingleThread('spsc'), 'ns_per_pkt', dpdk?.spscBurst32, hz, 'SP/SC burst 32');
line('ring mpmc burst32 enq+deq (1 thread)', ringSingleThread('mpmc'), 'ns_per_pkt', dpdk?.mpmcBurst32, hz, 'MP/MC burst 32');
line('ring spsc burst32 (2 threads)', await ringTwoThreads('spsc'), 'ns_per_pkt', dpdk?.spscTwoCores32, hz, 'SP/SC bulk 32, two cores');
line('ring mpmc burst32 (2 threads)', await ringTwoThreads('mpmc'), 'ns_per_pkt', dpdk?.mpmcTwoCores32, hz, 'MP/MC bulk 32, two cores');
line('pool alloc+free (cached, burst 32)', pool(), 'ns_per_buf', dpdk?.mpmcBurst32, hz, 'vs DPDK MP/MC ring burst 32: mempool_perf_autotest takes minutes');
line('pool allocBurst+freeBurst (cached, burst 32)', poolBurst(), 'ns_per_buf', dpdk?.mpmcBurst32, hz, 'vs DPDK MP/MC ring burst 32');

{
  const e = new Engine(newPool());
  const mpps = engineMpps({ apps: { gen: { type: 'gen', args: { size: 64, flows: 16 } }, sink: { type: 'sink' } }, links: ['gen.output -> sink.input'] },
    () => e.apps.get('sink')?.counters[2] ?? 0, e);
  console.log(`gen->sink one core mpps=${mpps.toFixed(2)} (64-byte frames, sequence verified; target 30)`);
}
{
  const dir = mkdtempSync(join(tmpdir(), 'sluice-bench-'));
  const file = join(dir, 'replay.pcap');
  const frame = buildUdpPacket({ srcMac: 1, dstMac: 2, srcIp: '10.0.0.1', dstIp: '10.0.0.2', srcPort: 1, dstPort: 2, size: 64 });
  writeFileSync(file, buildPcap({ records: Array.from({ length: 100_000 }, () => ({ data: frame })) }));
  const e = new Engine(newPool());
  const mpps = engineMpps({ apps: { pcap: { type: 'pcap', args: { in: file, loop: 0 } }, sink: { type: 'null' } }, links: ['pcap.output -> sink.input'] },
    () => e.apps.get('sink')?.counters[2] ?? 0, e);
  console.log(`pcap replay one core mpps=${mpps.toFixed(2)} (64-byte frames, looping a 100k-packet file into null)`);
}

/**
 * vhost-user data path microbenchmark: ns per packet of the single-copy guest→guest patch,
 * with no QEMU, testpmd or sockets. Two simulated guests (one ArrayBuffer of "guest memory"
 * each, holding an RX and a TX split queue with descriptor i bound to buffer i, as DPDK's
 * virtio-user does) send 64-byte frames to each other through Sluice, both directions, like
 * the perfbench loop (bench/vhost-perfbench.sh).
 *
 * Levels (each adds the layer above the previous one):
 *   netio   NetIo.forwardGuestToGuest on the two DeviceQueues
 *   port    VhostUserPort.forwardTo (ring lists, refresh, notification toggling)
 *   engine  Engine.breathe with two `vhost-user` apps patched, as `sluice switch --mode patch`
 *   bridge  Engine.breathe with the two apps joined by an `l2-bridge`, as `sluice switch --mode
 *           bridge` (guest TX into the pool, the bridge, pool into guest RX: two copies)
 * The guests' own work (recycling used buffers into the avail ring) runs outside the timed
 * region; only the switch calls are timed, and the median step is reported.
 *
 * Run: `npx tsc -p . && node dist/bench/vhost-netio.bench.js [netio|port|engine ...]`
 * (BENCH_SECONDS per level, default 2; BENCH_RUNS repetitions, default 3; FRAME bytes, default 64;
 * BENCH_INFLIGHT TX buffers per guest, default 256: 32 gives small bursts, so per-poll costs show;
 * BENCH_EVENT_IDX=1 negotiates EVENT_IDX; BENCH_STEPS=N runs N untimed steps after the warm-up,
 * e.g. under --cpu-prof).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GuestMemory } from '../src/mem/guest-memory.js';
import { DeviceQueue } from '../src/virtio/split/device-queue.js';
import { NetIo } from '../src/drivers/vhost-user/net-io.js';
import { VhostUserPort } from '../src/drivers/vhost-user/port.js';
import type { VhostUserApp } from '../src/drivers/vhost-user/app.js';
import { Engine } from '../src/core/engine.js';
import { PacketPool } from '../src/core/packet.js';
import { VRING_DESC_F_WRITE, VIRTIO_F_VERSION_1, VHOST_USER_F_PROTOCOL_FEATURES, VIRTIO_RING_F_EVENT_IDX, featureBits } from '../src/virtio/constants.js';
import { VIRTIO_NET_F_MRG_RXBUF } from '../src/virtio/net/net.js';
import '../src/drivers/vhost-user/index.js';
import '../src/apps/l2-bridge/index.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const FRAME = Number(process.env.FRAME ?? 64);
const EVENT_IDX = process.env.BENCH_EVENT_IDX === '1';
/** BENCH_STEPS=N: run exactly N steps after the warm-up and print the packet count. */
const STEPS = Number(process.env.BENCH_STEPS ?? 0);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 20000);
const QSIZE = 256;
/** TX buffers each guest keeps in flight (BENCH_INFLIGHT): 256 = full rings, big bursts; 32 = one generator burst per poll. */
const INFLIGHT = Math.min(QSIZE, Number(process.env.BENCH_INFLIGHT ?? QSIZE));
const HDR = 12;
const BUF = 2048;
const GPA = 0x100000000;

/** One simulated guest: RX queue (ring 0) and TX queue (ring 1) plus 2×QSIZE buffers. */
class Guest {
  readonly buf = new ArrayBuffer(4 << 20);
  readonly mem: GuestMemory;
  readonly u16 = new Uint16Array(this.buf);
  readonly u32 = new Uint32Array(this.buf);
  readonly rxLayout: { size: number; descGpa: number; availGpa: number; usedGpa: number };
  readonly txLayout: { size: number; descGpa: number; availGpa: number; usedGpa: number };
  private rxLastUsed = 0;
  private txLastUsed = 0;
  rxAvail = 0;
  txAvail = 0;
  received = 0;

  /** `side` 0 or 1: frames go from 02:00:00:00:00:0<side+1> to the other side's MAC (what a bridge learns). */
  constructor(side = 0) {
    this.mem = new GuestMemory([{ gpa: GPA, size: this.buf.byteLength, frontendVa: 0x7f0000000000, buffer: this.buf, bufferOffset: 0 }]);
    this.rxLayout = { size: QSIZE, descGpa: GPA, availGpa: GPA + 0x1000 * 4, usedGpa: GPA + 0x2000 * 4 };
    this.txLayout = { size: QSIZE, descGpa: GPA + 0x10000, availGpa: GPA + 0x14000, usedGpa: GPA + 0x18000 };
    const data = 0x20000;
    // As DPDK's virtio PMD: the header sits just before the frame, which starts 128 bytes
    // (the mbuf headroom) into a cache-aligned buffer.
    for (let i = 0; i < QSIZE; i++) {
      this.desc(this.rxLayout.descGpa, i, data + i * BUF + 128 - HDR, BUF - 128 + HDR, VRING_DESC_F_WRITE);
      const txOff = data + (QSIZE + i) * BUF + 128 - HDR;
      this.desc(this.txLayout.descGpa, i, txOff, HDR + FRAME, 0);
      const f = new Uint8Array(this.buf, txOff + HDR, FRAME);
      f.fill(0x5a);
      f.set([2, 0, 0, 0, 0, 2 - side, 2, 0, 0, 0, 0, 1 + side]);
    }
    for (let i = 0; i < QSIZE; i++) this.availPut(this.rxLayout, this.rxAvail++, i);
    for (let i = 0; i < INFLIGHT; i++) this.availPut(this.txLayout, this.txAvail++, i);
    this.publish();
  }

  private desc(table: number, i: number, off: number, len: number, flags: number): void {
    const w = (table - GPA) / 4 + i * 4;
    const gpa = GPA + off;
    this.u32[w] = gpa >>> 0;
    this.u32[w + 1] = Math.floor(gpa / 2 ** 32);
    this.u32[w + 2] = len;
    this.u32[w + 3] = flags;
  }

  private availPut(l: { availGpa: number }, idx: number, head: number): void {
    this.u16[(l.availGpa - GPA) / 2 + 2 + (idx & (QSIZE - 1))] = head;
  }

  private publish(): void {
    Atomics.store(this.u16, (this.rxLayout.availGpa - GPA) / 2 + 1, this.rxAvail & 0xffff);
    Atomics.store(this.u16, (this.txLayout.availGpa - GPA) / 2 + 1, this.txAvail & 0xffff);
  }

  /** Recycle every used buffer of both rings (received frames are counted and dropped). */
  recycle(): void {
    const rxU = (this.rxLayout.usedGpa - GPA) / 2;
    let idx = Atomics.load(this.u16, rxU + 1);
    while (this.rxLastUsed !== idx) {
      const id = this.u32[(this.rxLayout.usedGpa - GPA) / 4 + 1 + (this.rxLastUsed & (QSIZE - 1)) * 2]!;
      this.availPut(this.rxLayout, this.rxAvail++, id);
      this.rxLastUsed = (this.rxLastUsed + 1) & 0xffff;
      this.received++;
    }
    const txU = (this.txLayout.usedGpa - GPA) / 2;
    idx = Atomics.load(this.u16, txU + 1);
    while (this.txLastUsed !== idx) {
      const id = this.u32[(this.txLayout.usedGpa - GPA) / 4 + 1 + (this.txLastUsed & (QSIZE - 1)) * 2]!;
      this.availPut(this.txLayout, this.txAvail++, id);
      this.txLastUsed = (this.txLastUsed + 1) & 0xffff;
    }
    this.publish();
  }
}

const FEATURES = featureBits([VIRTIO_F_VERSION_1, VIRTIO_NET_F_MRG_RXBUF, VHOST_USER_F_PROTOCOL_FEATURES, ...(EVENT_IDX ? [VIRTIO_RING_F_EVENT_IDX] : [])]);

/** Attach a simulated guest to a port's device without a socket (what SET_MEM_TABLE/VRING_* would do). */
function attach(port: VhostUserPort, g: Guest): void {
  const d = port.device;
  d.setFeatures(FEATURES);
  d.memory = g.mem;
  for (const [i, l] of [[0, g.rxLayout], [1, g.txLayout]] as const) {
    const r = d.rings[i]!;
    r.queue.setBase(0);
    const err = r.queue.setup(g.mem, l, EVENT_IDX, true);
    if (err) throw new Error(err);
    r.num = QSIZE;
    r.started = true;
    r.enabled = true;
  }
  d.generation++;
}

/**
 * Median ns per packet over many timed steps: a step is ~25 µs, so the few that a preemption
 * on this shared machine lands in do not move the median (a mean over wall time would).
 */
function measure(step: () => number, guests: Guest[]): number {
  for (let w = 0; w < WARMUP; w++) { step(); for (const g of guests) g.recycle(); } // warm up
  if (STEPS > 0) {
    // Fixed work (profiles): no timing at all.
    let pkts = 0;
    for (let k = 0; k < STEPS; k++) { pkts += step(); guests[0]!.recycle(); guests[1]!.recycle(); }
    console.log(`packets=${pkts}`);
    return 0;
  }
  const samples = new Float64Array(1 << 20);
  let ns = 0;
  const end = performance.now() + SECONDS * 1000;
  while (performance.now() < end && ns < samples.length - 200) {
    for (let k = 0; k < 200; k++) {
      const t0 = performance.now();
      const n = step();
      const dt = (performance.now() - t0) * 1e6;
      if (n > 0) samples[ns++] = dt / n;
      guests[0]!.recycle();
      guests[1]!.recycle();
    }
  }
  const s = samples.subarray(0, ns).sort();
  return s[ns >> 1]!;
}

function levelNetio(): number {
  const a = new Guest(), b = new Guest();
  const qa = [new DeviceQueue(), new DeviceQueue()], qb = [new DeviceQueue(), new DeviceQueue()];
  for (const [q, g] of [[qa, a], [qb, b]] as const) {
    if (q[0]!.setup(g.mem, g.rxLayout, EVENT_IDX, true) || q[1]!.setup(g.mem, g.txLayout, EVENT_IDX, true)) throw new Error('setup');
  }
  const ia = new NetIo(9230), ib = new NetIo(9230);
  ia.mergeable = ib.mergeable = true;
  return measure(() => ia.forwardGuestToGuest(qa[1]!, a.mem, ib, qb[0]!, b.mem, 128) + ib.forwardGuestToGuest(qb[1]!, b.mem, ia, qa[0]!, a.mem, 128), [a, b]);
}

function levelPort(): number {
  const a = new Guest(), b = new Guest();
  const pa = new VhostUserPort({ path: '/nonexistent-a' }), pb = new VhostUserPort({ path: '/nonexistent-b' });
  attach(pa, a);
  attach(pb, b);
  return measure(() => pa.forwardTo(pb, 128) + pb.forwardTo(pa, 128), [a, b]);
}

function levelEngine(): number {
  return engineWith({}, ['p0.output -> p1.input', 'p1.output -> p0.input']);
}

function levelBridge(): number {
  return engineWith({ br: { type: 'l2-bridge', args: { ports: { p0: {}, p1: {} } } } },
    ['p0.output -> br.p0', 'br.p0 -> p0.input', 'p1.output -> br.p1', 'br.p1 -> p1.input']);
}

/** Two vhost-user apps (p0, p1) with simulated guests, plus `apps`, joined by `links`. */
function engineWith(apps: Record<string, { type: string; args?: unknown }>, links: string[]): number {
  const dir = mkdtempSync(join(tmpdir(), 'vhost-bench-'));
  const count = 16384;
  const pool = new PacketPool(new ArrayBuffer(PacketPool.bytesFor(count)), count);
  const engine = new Engine(pool);
  try {
    engine.configure({
      apps: { p0: { type: 'vhost-user', args: { path: join(dir, 's0') } }, p1: { type: 'vhost-user', args: { path: join(dir, 's1') } }, ...apps },
      links,
    });
    const a = new Guest(0), b = new Guest(1);
    attach((engine.apps.get('p0') as VhostUserApp).port, a);
    attach((engine.apps.get('p1') as VhostUserApp).port, b);
    let last = a.received + b.received;
    return measure(() => {
      engine.breathe(performance.now());
      // Packets are counted by the receiving guests after recycle(); count what the previous step delivered.
      const now = a.received + b.received;
      const n = now - last;
      last = now;
      return n;
    }, [a, b]);
  } finally {
    engine.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const levels: Record<string, () => number> = { netio: levelNetio, port: levelPort, engine: levelEngine, bridge: levelBridge };
const pick = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(levels);
for (const name of pick) {
  const fn = levels[name];
  if (!fn) throw new Error(`unknown level ${name} (${Object.keys(levels).join(', ')})`);
  const r: string[] = [];
  for (let i = 0; i < RUNS; i++) r.push(fn().toFixed(1));
  console.log(`vhost ${name.padEnd(6)} frame=${FRAME} inflight=${INFLIGHT} ns/pkt=${r.join(' ')}`);
}

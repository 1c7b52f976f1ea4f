/**
 * Runs a validated RunConfig until a signal or its duration, then drains and returns the
 * summary: `{ ports: [...], apps: {...} }` (ports in the `sluice switch` JSON shape; apps
 * with their counters and reports). One engine on the main thread by default; with
 * `engines:`, one pinned worker per engine sharing one pool, joined by rings.
 */
import { closeFd } from '../sys/index.js';
import { createSharedPool } from '../core/shared-pool.js';
import { Ring } from '../core/ring.js';
import { PacketPool, DEFAULT_BUF_SIZE } from '../core/packet.js';
import { Engine, loadAppModules, type EngineStats } from '../core/engine.js';
import { EngineRunner } from '../core/runner.js';
import { EngineWorker } from '../core/worker.js';
import { createSharedRing, type SharedRing } from '../core/interlink.js';
import { expandGraph, splitEngines, type RunConfig, type EnginePlan } from './load.js';

export interface RunSummary {
  ports: { name: string; spec: string; rx: { packets: number; bytes: number }; tx: { packets: number; bytes: number }; drops: Record<string, number> }[];
  apps: EngineStats['apps'];
}

const RING_SIZE = 4096;

function summarize(cfg: RunConfig, apps: EngineStats['apps']): RunSummary {
  const ports = Object.entries(cfg.ports ?? {}).map(([name, spec]) => {
    const a = apps[name]!;
    return { name, spec, rx: a.rx, tx: a.tx, drops: a.drops };
  });
  return { ports, apps };
}

function waitForEnd(duration: number | undefined): Promise<void> {
  return new Promise((resolve) => {
    const done = () => { process.off('SIGINT', done); process.off('SIGTERM', done); clearTimeout(t); resolve(); };
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
    const t = duration !== undefined ? setTimeout(done, duration * 1000) : undefined;
  });
}

function printStats(apps: EngineStats['apps']): void {
  for (const [name, a] of Object.entries(apps)) {
    const drops = Object.entries(a.drops).map(([k, v]) => `${k}=${v}`).join(' ') || '-';
    console.error(`${name.padEnd(10)} rx ${a.rx.packets}  tx ${a.tx.packets}  drops ${drops}`);
  }
}

/** Engine indices with every engine after the engines that feed it through rings. */
function stopOrder(plans: EnginePlan[]): number[] {
  const owner = new Map<string, number>();
  plans.forEach((p, i) => { for (const [name, a] of Object.entries(p.graph.apps)) if (a.type === 'ring-tx') owner.set((a.args as { ring: string }).ring, i); });
  const feeds = plans.map(() => new Set<number>());
  plans.forEach((p, i) => { for (const a of Object.values(p.graph.apps)) if (a.type === 'ring-rx') { const from = owner.get((a.args as { ring: string }).ring); if (from !== undefined && from !== i) feeds[i]!.add(from); } });
  const order: number[] = [];
  const done = new Set<number>();
  while (order.length < plans.length) {
    const next = plans.findIndex((_, i) => !done.has(i) && [...feeds[i]!].every((f) => done.has(f)));
    const pick = next >= 0 ? next : plans.findIndex((_, i) => !done.has(i)); // a cycle: any order
    done.add(pick);
    order.push(pick);
  }
  return order;
}

export async function runConfig(cfg: RunConfig, opts: { duration?: number; stats?: number; name: string }): Promise<RunSummary> {
  const graph = expandGraph(cfg);
  await loadAppModules(graph);
  const count = cfg.pool?.buffers ?? 16384;
  const bufSize = cfg.pool?.bufferSize ?? DEFAULT_BUF_SIZE;
  const { region, pool } = createSharedPool(count, bufSize, { hugepages: cfg.pool?.hugepages ?? 'auto' });
  try {
    if (!cfg.engines) {
      const engine = new Engine(pool);
      engine.configure(graph);
      const runner = new EngineRunner(engine, cfg.idleSpellMs !== undefined ? { idleSpellMs: cfg.idleSpellMs } : {});
      runner.start();
      const timer = opts.stats ? setInterval(() => printStats(engine.stats().apps), opts.stats * 1000) : undefined;
      await waitForEnd(opts.duration);
      if (timer) clearInterval(timer);
      await runner.stop();
      engine.drain();
      const s = summarize(cfg, engine.stats().apps);
      engine.stop();
      return s;
    }
    const { plans, rings } = splitEngines(graph, cfg.engines);
    const ringBuffers: Record<string, SharedRing> = {};
    for (const r of rings) ringBuffers[r] = createSharedRing(RING_SIZE);
    const workers = plans.map((p) => new EngineWorker({
      name: p.name, pool: { fd: region.fd, size: region.size, count, bufSize }, rings: ringBuffers,
      modules: [new URL('../runtime/builtin-register.js', import.meta.url).href],
      ...(p.cpu !== undefined ? { cpu: p.cpu } : {}),
      ...(cfg.idleSpellMs !== undefined ? { idleSpellMs: cfg.idleSpellMs } : {}),
    }));
    await Promise.all(workers.map((w, i) => w.configure(plans[i]!.graph)));
    const collect = async () => Object.assign({}, ...(await Promise.all(workers.map((w) => w.stats()))).map((s) => s.apps)) as EngineStats['apps'];
    const timer = opts.stats ? setInterval(() => { void collect().then(printStats); }, opts.stats * 1000) : undefined;
    await waitForEnd(opts.duration);
    if (timer) clearInterval(timer);
    // Stop upstream engines first so packets in flight reach the engines downstream.
    const finals: EngineStats[] = [];
    for (const i of stopOrder(plans)) { if (process.env.SLUICE_DEBUG) console.error("stopping", plans[i]!.name); finals.push(await workers[i]!.stop()); }
    const apps = Object.assign({}, ...finals.map((s) => s.apps)) as EngineStats['apps'];
    // Anything still in a ring (a cycle of engines has no safe order) is freed and counted.
    for (const r of rings) {
      const ring = new Ring(ringBuffers[r]!.buffer, 0, RING_SIZE, 'spsc');
      const b = new Uint32Array(64);
      let n: number;
      while ((n = ring.dequeueBurst(b, 0, 64)) > 0) {
        for (let i = 0; i < n; i++) pool.free(b[i]!);
        const d = apps[`${r}_rx`]!.drops;
        d.shutdown = (d.shutdown ?? 0) + n;
      }
      closeFd(ringBuffers[r]!.doorbell);
    }
    return summarize(cfg, apps);
  } finally {
    region.close();
  }
}

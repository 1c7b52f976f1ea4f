/**
 * The one runtime: a Host owns the packet pool (shared memory), the main engine and its
 * runner (cooperative, on the main thread), the worker engines (threads) and the rings
 * between them. `sluice switch`, `sluice run` and the daemon each turn their input into a
 * desired state (state.ts) and hand it to `apply`; the host derives the graph (derive.ts),
 * places it on engines (place.ts) and reconfigures only what changed.
 *
 * `apply` configures the main engine in two steps so a new app whose constructor fails (a
 * socket path in use, a missing file) leaves the running graph as it was: step 1 only adds
 * the new apps (nothing stopped or unlinked); if one throws, the apps it did create are
 * stopped and removed and ApplyError names the port. Step 2 applies the rest (stops,
 * reconfigs, links). Worker engines follow asynchronously, in order (`ready()` waits).
 *
 * Worker engines are made at the first `apply`, with the rings that placement needs; their
 * number and names are fixed for the host's life.
 */
import type { SharedRegion } from '../sys/index.js';
import { closeFd } from '../sys/index.js';
import { createSharedPool, type SharedPool } from '../core/shared-pool.js';
import { PacketPool, DEFAULT_BUF_SIZE } from '../core/packet.js';
import { Engine, loadAppModules, type EngineStats } from '../core/engine.js';
import { EngineRunner, type RunnerOptions } from '../core/runner.js';
import { EngineWorker } from '../core/worker.js';
import { Ring } from '../core/ring.js';
import { createSharedRing, type SharedRing } from '../core/interlink.js';
import type { GraphConfig } from '../core/config.js';
import { deriveGraph } from './derive.js';
import { place, workerGraphs, type Placement } from './place.js';
import { ApplyError, StateError, type DataPlaneState } from './state.js';

export type Logger = (e: Record<string, unknown>) => void;

export interface HostOptions {
  /** Packet buffers in the pool, and their size. */
  poolSize?: number;
  bufSize?: number;
  hugepages?: 'auto' | 'never' | 'require';
  /** No memfd-fallback notice on stderr (the daemon logs the pool as JSON instead). */
  quietPool?: boolean;
  /** A pool made earlier (`daemon --handover` makes it before the old daemon stops); used when it has poolSize × bufSize buffers, else closed. */
  madePool?: SharedPool;
  tickHz?: number;
  runner?: RunnerOptions;
  /** Worker engines: names and CPUs (see engineList). */
  engines?: { name: string; cpu?: number }[];
  log?: Logger;
}

const RING_SIZE = 4096;

/** Worker engines a state asks for: its named `engines`, or `engine.workers` anonymous ones on `workerCpus`. */
export function engineList(s: DataPlaneState): { name: string; cpu?: number }[] {
  if (s.engines?.length) {
    if (s.engine?.workers) throw new StateError('engine.workers: engines are either named (engines:) or counted (engine.workers), not both');
    return s.engines.map((e) => ({ name: e.name, ...(e.cpu !== undefined ? { cpu: e.cpu } : {}) }));
  }
  const cpus = s.engine?.workerCpus ?? [];
  return Array.from({ length: s.engine?.workers ?? 0 }, (_, k) => ({ name: `worker${k}`, ...(cpus.length ? { cpu: cpus[k % cpus.length]! } : {}) }));
}

/** Host options a state's engine settings ask for (front ends add logging and runner details). */
export function hostOptions(s: DataPlaneState): HostOptions {
  const e = s.engine ?? {};
  return {
    ...(e.poolSize !== undefined ? { poolSize: e.poolSize } : {}),
    ...(e.tickHz !== undefined ? { tickHz: e.tickHz } : {}),
    runner: { ...(e.idleSpellMs !== undefined ? { idleSpellMs: e.idleSpellMs } : {}), ...(e.maxSleepMs !== undefined ? { maxSleepMs: e.maxSleepMs } : {}) },
    engines: engineList(s),
  };
}

/** Engine indices with every engine after the engines that feed it through rings. */
function stopOrder(graphs: GraphConfig[]): number[] {
  const owner = new Map<string, number>();
  graphs.forEach((g, i) => { for (const a of Object.values(g.apps)) if (a.type === 'ring-tx') owner.set((a.args as { ring: string }).ring, i); });
  const feeds = graphs.map(() => new Set<number>());
  graphs.forEach((g, i) => { for (const a of Object.values(g.apps)) if (a.type === 'ring-rx') { const from = owner.get((a.args as { ring: string }).ring); if (from !== undefined && from !== i) feeds[i]!.add(from); } });
  const order: number[] = [];
  const done = new Set<number>();
  while (order.length < graphs.length) {
    const next = graphs.findIndex((_, i) => !done.has(i) && [...feeds[i]!].every((f) => done.has(f)));
    const pick = next >= 0 ? next : graphs.findIndex((_, i) => !done.has(i)); // a cycle: any order
    done.add(pick);
    order.push(pick);
  }
  return order;
}

export class Host {
  readonly region: SharedRegion;
  readonly pool: PacketPool;
  readonly engine: Engine;
  readonly runner: EngineRunner;
  /** Whether the pool is locked in memory (mlock). */
  readonly locked: boolean;
  readonly workers: EngineWorker[] = [];
  readonly workerNames: string[];
  private readonly opts: HostOptions;
  private readonly rings = new Map<string, SharedRing>();
  private workerConfigs: GraphConfig[] = [];
  private workersMade = false;
  /** The workers' configuration, applied in order after each change of the main graph. */
  private sync: Promise<void> = Promise.resolve();
  private syncError: Error | null = null;
  private closed = false;

  constructor(opts: HostOptions = {}) {
    this.opts = opts;
    const count = opts.poolSize ?? 16384;
    const made = opts.madePool;
    const fits = made !== undefined && made.pool.count === count && made.pool.bufSize === (opts.bufSize ?? DEFAULT_BUF_SIZE);
    if (made !== undefined && !fits) made.region.close();
    ({ region: this.region, pool: this.pool, locked: this.locked } = fits ? made : createSharedPool(count, opts.bufSize ?? DEFAULT_BUF_SIZE, {
      ...(opts.hugepages ? { hugepages: opts.hugepages } : {}), ...(opts.quietPool ? { quiet: true } : {}),
    }));
    this.engine = new Engine(this.pool, { ...(opts.tickHz !== undefined ? { tickHz: opts.tickHz } : {}), ...(opts.log ? { log: opts.log } : {}) });
    this.runner = new EngineRunner(this.engine, opts.runner);
    this.workerNames = (opts.engines ?? []).map((e) => e.name);
  }

  /** The graph `s` derives to and its placement on the engines (throws StateError naming the field). */
  plan(s: DataPlaneState): Placement {
    return place(deriveGraph(s), s.engines ?? [], this.workerNames);
  }

  /** Load the modules of user apps (`apps: {x: {module}}`) before `apply`. */
  async load(s: DataPlaneState): Promise<void> {
    await loadAppModules({ apps: s.apps ?? {}, links: [] });
  }

  /** Reconfigure every engine to `s` (or to a plan of it already made). Throws StateError or ApplyError; nothing changes then. */
  apply(s: DataPlaneState, planned: Placement = this.plan(s)): void {
    if (!this.workersMade) this.makeWorkers(planned.rings);
    const missing = planned.rings.find((r) => !this.rings.has(r));
    if (missing !== undefined) throw new StateError(`engines: a link between engines needs ring ${missing}, but rings are made when the engines start`);
    this.configureMain(planned.main, s);
    this.workerConfigs = workerGraphs(planned, this.workerNames, (n) => this.engine.apps.get(n)?.spread?.());
    const graphs = this.workerConfigs;
    this.sync = this.sync.then(async () => {
      await Promise.all(this.workers.map((w, k) => w.configure(graphs[k]!)));
    }).catch((e: Error) => {
      this.syncError = e;
      console.error(`sluice: configuring the worker engines failed: ${e.message}`);
    });
  }

  private makeWorkers(rings: string[]): void {
    this.workersMade = true;
    for (const r of rings) this.rings.set(r, createSharedRing(RING_SIZE));
    const ringMap = Object.fromEntries(this.rings);
    const idle = this.opts.runner?.idleSpellMs;
    for (const e of this.opts.engines ?? []) {
      this.workers.push(new EngineWorker({
        name: e.name, pool: { fd: this.region.fd, size: this.region.size, count: this.pool.count, bufSize: this.pool.bufSize }, rings: ringMap,
        modules: [new URL('./builtin-register.js', import.meta.url).href],
        ...(e.cpu !== undefined ? { cpu: e.cpu } : {}),
        ...(idle !== undefined ? { idleSpellMs: idle } : {}),
        ...(this.opts.log ? { log: this.opts.log } : {}),
      }));
    }
  }

  /** Two-step configure of the main engine (see header). */
  private configureMain(graph: GraphConfig, s: DataPlaneState): void {
    const engine = this.engine;
    const cur = engine.currentConfig();
    const added = Object.keys(graph.apps).filter((n) => !(n in cur.apps));
    try {
      if (added.length > 0) {
        const step1: GraphConfig = { apps: { ...cur.apps }, links: cur.links };
        for (const n of added) step1.apps[n] = graph.apps[n]!;
        const before = new Set(engine.apps.keys());
        try {
          engine.configure(step1);
        } catch (e) {
          // Name the port whose app could not be made (a socket directory missing, a file...).
          const failed = added.find((n) => !engine.apps.has(n));
          const named = failed !== undefined && s.ports?.[failed] !== undefined && !(e as Error).message.includes(failed);
          for (const [n, app] of [...engine.apps]) {
            if (before.has(n)) continue;
            try { app.stop?.(); } catch { /* best effort */ }
            engine.apps.delete(n);
          }
          throw new ApplyError(named ? `ports.${failed}.spec` : undefined, e as Error);
        }
      }
      try { engine.configure(graph); } catch (e) { throw new ApplyError(undefined, e as Error); }
    } finally {
      this.runner.refresh();
      this.runner.kick();
    }
  }

  /** Resolves when the worker engines run the current graph (rejects if configuring them failed). */
  async ready(): Promise<void> {
    await this.sync;
    if (this.syncError) throw this.syncError;
  }

  start(): void { this.runner.start(); }

  /** Every engine's stats as one (app names are unique across engines). */
  async stats(): Promise<EngineStats> {
    const all = [this.engine.stats(), ...(await Promise.all(this.workers.map((w) => w.stats())))];
    return merge(all);
  }

  /**
   * Stop polling, stop the workers (upstream engines first, so packets in flight reach the
   * engines downstream), push out what the main engine holds, stop every app. Returns the
   * final stats of every engine; the host can then only be closed.
   */
  async stop(): Promise<EngineStats> {
    await this.runner.stop();
    await this.sync;
    const finals: EngineStats[] = [];
    if (this.workers.length > 0) {
      const byIndex: EngineStats[] = [];
      for (const i of stopOrder(this.workerConfigs.length ? this.workerConfigs : this.workers.map(() => ({ apps: {}, links: [] })))) {
        byIndex[i] = await this.workers[i]!.stop().catch(() => emptyStats());
      }
      finals.push(...byIndex);
    }
    this.engine.drain();
    const main = this.engine.stats();
    this.engine.stop();
    const all = merge([main, ...finals]);
    // Anything still in a ring (a cycle of engines has no safe order) is freed and counted.
    for (const [r, shared] of this.rings) {
      const ring = new Ring(shared.buffer, 0, RING_SIZE, 'spsc');
      const b = new Uint32Array(64);
      let n: number;
      while ((n = ring.dequeueBurst(b, 0, 64)) > 0) {
        for (let i = 0; i < n; i++) this.pool.free(b[i]!);
        const d = all.apps[`${r}_rx`]?.drops;
        if (d) d.shutdown = (d.shutdown ?? 0) + n;
      }
      closeFd(shared.doorbell);
    }
    this.rings.clear();
    return all;
  }

  /**
   * After a full stop every buffer must be back in the pool; any still allocated was leaked
   * by an app. Reported on stderr; with SLUICE_DEBUG=1 the handles are listed.
   */
  reportLeaks(): number {
    const { inUse } = this.pool.audit();
    if (inUse > 0) {
      let detail = '';
      if (process.env.SLUICE_DEBUG === '1') {
        const held: number[] = [];
        for (let p = 0; p < this.pool.count && held.length < 32; p++) if (this.pool.state[p] === 1) held.push(p);
        detail = ` (handles ${held.join(', ')}${inUse > held.length ? ', ...' : ''})`;
      }
      console.error(`sluice: ${inUse} packet buffer(s) leaked: still allocated after every app stopped${detail}`);
    }
    return inUse;
  }

  /** Unmap the pool (after stop). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.region.close();
  }
}

function emptyStats(): EngineStats { return { breaths: 0, busyBreaths: 0, apps: {}, links: {}, shutdownDrops: 0 }; }

/** Engines' stats as one, the main engine's first. */
function merge(all: EngineStats[]): EngineStats {
  const m = emptyStats();
  for (const s of all) {
    m.breaths += s.breaths;
    m.busyBreaths += s.busyBreaths;
    m.shutdownDrops += s.shutdownDrops;
    // A spread port has an app of its name on the main engine and on each worker: the main
    // engine's reports the whole port (its placement lists what each worker moved).
    for (const [k, v] of Object.entries(s.apps)) if (!(k in m.apps)) m.apps[k] = v;
    for (const [k, v] of Object.entries(s.links)) if (!(k in m.links)) m.links[k] = v;
  }
  return m;
}

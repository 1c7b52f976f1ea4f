/**
 * Worker engines for the queue pairs of multiqueue ports (OVS-DPDK's PMD threads, VPP's
 * workers), shared by `sluice switch --workers` and the daemon (`engine.workers`).
 *
 * The main engine keeps every port app (and so the ports' control: the vhost-user protocol).
 * `markSpread` gives each end of a cross-connect between two vhost-user ports the `workers`
 * arg; such a port app then says in `spread()` what runs on each worker (pair q on worker
 * q mod N). `apply` builds each worker's graph from those specs plus the links between two
 * spread apps, so a patch of two multiqueue ports forwards pair q to pair q on worker q mod N
 * in one copy. Bridges, routers, captures and other port kinds stay on the main engine.
 */
import type { SharedRegion } from '../sys/index.js';
import type { Engine } from '../core/engine.js';
import { EngineWorker } from '../core/worker.js';
import { parseLink, type GraphConfig } from '../core/config.js';

/** App types whose queue pairs can be served by workers. */
const SPREADABLE = new Set(['vhost-user']);

/** Give both ends of every cross-connect (A.output -> B.input and back) of spreadable ports `workers: n`. */
export function markSpread(g: GraphConfig, n: number): GraphConfig {
  if (n <= 0) return g;
  const links = new Set(g.links.map((l) => { const e = parseLink(l); return `${e.from}.${e.output}>${e.to}.${e.input}`; }));
  const apps = { ...g.apps };
  for (const l of g.links) {
    const e = parseLink(l);
    const a = apps[e.from], b = apps[e.to];
    if (e.output !== 'output' || e.input !== 'input' || e.from === e.to || !a || !b) continue;
    if (!SPREADABLE.has(a.type) || !SPREADABLE.has(b.type) || !links.has(`${e.to}.output>${e.from}.input`)) continue;
    apps[e.from] = { ...a, args: { ...(a.args as object), workers: n } };
  }
  return { apps, links: g.links };
}

export interface SpreadOptions {
  region: SharedRegion;
  count: number;
  bufSize: number;
  workers: number;
  /** CPUs to pin the workers to, one each (round robin when fewer). */
  cpus?: number[];
  idleSpellMs?: number;
  log?: (e: Record<string, unknown>) => void;
}

export class WorkerSpread {
  readonly workers: EngineWorker[] = [];
  /** The workers' configuration, applied in order after each change of the main graph. */
  private sync: Promise<void> = Promise.resolve();
  private error: Error | null = null;

  constructor(opts: SpreadOptions) {
    const cpus = opts.cpus ?? [];
    for (let k = 0; k < opts.workers; k++) {
      this.workers.push(new EngineWorker({
        name: `worker${k}`, pool: { fd: opts.region.fd, size: opts.region.size, count: opts.count, bufSize: opts.bufSize },
        modules: [new URL('../runtime/builtin-register.js', import.meta.url).href],
        ...(cpus.length ? { cpu: cpus[k % cpus.length]! } : {}),
        ...(opts.idleSpellMs !== undefined ? { idleSpellMs: opts.idleSpellMs } : {}),
        ...(opts.log ? { log: opts.log } : {}),
      }));
    }
  }

  /** Each worker's graph: the spread apps' specs for it, and the links between them. */
  graphs(engine: Engine, g: GraphConfig): GraphConfig[] {
    const spread = new Map<string, GraphConfig['apps'][string][]>();
    for (const name of Object.keys(g.apps)) {
      const specs = engine.apps.get(name)?.spread?.();
      if (specs && specs.length > 0) spread.set(name, specs);
    }
    return this.workers.map((_, k) => {
      const apps: GraphConfig['apps'] = {};
      for (const [name, specs] of spread) if (specs[k]) apps[name] = specs[k]!;
      const links = g.links.filter((l) => { const e = parseLink(l); return e.from in apps && e.to in apps; });
      return { apps, links };
    });
  }

  /** After the main engine runs `g`: reconfigure the workers to match (in order, asynchronously). */
  apply(engine: Engine, g: GraphConfig): void {
    if (this.workers.length === 0) return;
    const graphs = this.graphs(engine, g);
    this.sync = this.sync.then(async () => {
      await Promise.all(this.workers.map((w, k) => w.configure(graphs[k]!)));
    }).catch((e: Error) => {
      this.error = e;
      console.error(`sluice: configuring the worker engines failed: ${e.message}`);
    });
  }

  /** Resolves when the workers run the current graph (rejects if configuring them failed). */
  async ready(): Promise<void> {
    await this.sync;
    if (this.error) throw this.error;
  }

  /** Stop the workers: their apps give the rings back and publish final counters. */
  async stop(): Promise<void> {
    await this.sync;
    await Promise.all(this.workers.map((w) => w.stop()));
  }
}

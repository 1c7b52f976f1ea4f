/**
 * A running switch: a packet pool, an engine on the main thread (cooperative runner), and
 * a list of ports joined in `patch` mode (p0↔p1, p2↔p3…) or through an L2 learning bridge.
 * Used by `sluice switch`, `sluice run` and the daemon. Adding or removing a port
 * reconfigures the engine, which touches only the apps and links that changed.
 *
 * With `workers: N`, N worker engines (pinned to `cpus` if given) serve the queue pairs of
 * patched multiqueue vhost-user ports (spread.ts), as OVS-DPDK places rx queues on its PMD
 * threads. Ports of other kinds, and bridge mode, stay on the main engine.
 */
import type { SharedRegion } from '../sys/index.js';
import { createSharedPool } from '../core/shared-pool.js';
import { PacketPool, DEFAULT_BUF_SIZE } from '../core/packet.js';
import { Engine, type EngineStats } from '../core/engine.js';
import { EngineRunner, type RunnerOptions } from '../core/runner.js';
import type { GraphConfig } from '../core/config.js';
import { parsePortSpec, PortSpecError, type PortSpec } from '../core/port-spec.js';
import { portApp } from '../core/port-kinds.js';
import { appType } from '../core/registry.js';
import { applyCaptures, type CaptureSpec } from '../apps/capture/graph.js';
import { WorkerSpread, markSpread } from './spread.js';

export type SwitchMode = 'patch' | 'bridge';

export interface SwitchOptions {
  mode?: SwitchMode;
  /** Packet buffers in the pool. */
  poolSize?: number;
  bufSize?: number;
  runner?: RunnerOptions;
  log?: (e: Record<string, unknown>) => void;
  /** Worker engines for the queue pairs of multiqueue vhost-user ports (0: all on the main engine). */
  workers?: number;
  /** CPUs to pin the workers to, one each (round robin when fewer). */
  cpus?: number[];
}

export interface PortEntry { name: string; spec: PortSpec }

export interface PortSummary {
  name: string;
  spec: string;
  rx: { packets: number; bytes: number };
  tx: { packets: number; bytes: number };
  drops: Record<string, number>;
  /** Which engine serves which queue pairs, and what each moved (ports that report it). */
  placement?: unknown[];
}

const BRIDGE = 'br0';

export class Switch {
  readonly region: SharedRegion;
  readonly pool: PacketPool;
  readonly engine: Engine;
  readonly runner: EngineRunner;
  readonly ports: PortEntry[] = [];
  /** Packet captures (see apps/capture): applied on top of the port graph. */
  readonly captures: CaptureSpec[] = [];
  mode: SwitchMode;
  readonly spread: WorkerSpread;

  constructor(opts: SwitchOptions = {}) {
    this.mode = opts.mode ?? 'patch';
    const count = opts.poolSize ?? 16384;
    const bufSize = opts.bufSize ?? DEFAULT_BUF_SIZE;
    ({ region: this.region, pool: this.pool } = createSharedPool(count, bufSize));
    this.engine = new Engine(this.pool, opts.log ? { log: opts.log } : {});
    this.runner = new EngineRunner(this.engine, opts.runner);
    this.spread = new WorkerSpread({
      region: this.region, count, bufSize, workers: opts.workers ?? 0,
      ...(opts.cpus ? { cpus: opts.cpus } : {}),
      ...(opts.runner?.idleSpellMs !== undefined ? { idleSpellMs: opts.runner.idleSpellMs } : {}),
      ...(opts.log ? { log: opts.log } : {}),
    });
  }

  /** Add a port from its spec; `name` defaults to p<N>. Reconfigures the running engine. */
  addPort(specText: string, name?: string): PortEntry {
    const spec = parsePortSpec(specText);
    const given = typeof spec.options.name === 'string' ? spec.options.name : name;
    delete spec.options.name;
    let n = given;
    if (n === undefined) { let i = 0; while (this.ports.some((p) => p.name === `p${i}`)) i++; n = `p${i}`; }
    if (!/^[A-Za-z_][\w-]*$/.test(n) || n === BRIDGE) throw new PortSpecError(`bad port name "${n}"`);
    if (this.ports.some((p) => p.name === n)) throw new PortSpecError(`port "${n}" already exists`);
    portApp(spec); // validate the options before changing anything
    const entry = { name: n, spec };
    this.ports.push(entry);
    try { this.apply(); } catch (e) { this.ports.pop(); throw e; }
    return entry;
  }

  removePort(name: string): void {
    const i = this.ports.findIndex((p) => p.name === name);
    if (i < 0) throw new PortSpecError(`no port named "${name}"`);
    const [removed] = this.ports.splice(i, 1);
    const caps = this.captures.filter((c) => c.port === name);
    for (const c of caps) this.captures.splice(this.captures.indexOf(c), 1);
    try { this.apply(); } catch (e) { this.ports.splice(i, 0, removed!); this.captures.push(...caps); throw e; }
  }

  /** Capture a port's rx and/or tx into a pcapng file or FIFO; `port` is a name or an index. */
  addCapture(spec: CaptureSpec): CaptureSpec {
    const byIndex = /^\d+$/.test(spec.port) ? this.ports[Number(spec.port)] : undefined;
    const port = this.ports.some((p) => p.name === spec.port) ? spec.port : byIndex?.name;
    if (port === undefined) throw new PortSpecError(`capture: no port named or numbered "${spec.port}" (ports: ${this.ports.map((p) => p.name).join(', ') || 'none'})`);
    const c = { ...spec, port };
    this.captures.push(c);
    try { this.apply(); } catch (e) { this.captures.pop(); throw e; }
    return c;
  }

  /** The engine graph for the current ports and mode. */
  graph(): GraphConfig {
    const apps: GraphConfig['apps'] = {};
    const links: string[] = [];
    for (const p of this.ports) apps[p.name] = portApp(p.spec);
    if (this.mode === 'patch') {
      for (let i = 0; i + 1 < this.ports.length; i += 2) {
        const a = this.ports[i]!.name, b = this.ports[i + 1]!.name;
        links.push(`${a}.output -> ${b}.input`, `${b}.output -> ${a}.input`);
      }
    } else {
      if (!appType('l2-bridge')) throw new PortSpecError('bridge mode needs the l2-bridge app, which is not available');
      const ports: Record<string, object> = {};
      for (const p of this.ports) {
        ports[p.name] = {};
        links.push(`${p.name}.output -> ${BRIDGE}.${p.name}`, `${BRIDGE}.${p.name} -> ${p.name}.input`);
      }
      apps[BRIDGE] = { type: 'l2-bridge', args: { ports } };
    }
    const g = this.captures.length ? applyCaptures({ apps, links }, this.captures) : { apps, links };
    return markSpread(g, this.spread.workers.length);
  }

  private apply(): void {
    const g = this.graph();
    this.engine.configure(g);
    this.runner.refresh();
    this.runner.kick();
    this.spread.apply(this.engine, g);
  }

  /** Resolves when the worker engines run the current graph (rejects if configuring them failed). */
  workersReady(): Promise<void> { return this.spread.ready(); }

  start(): void { this.runner.start(); }

  /** Stop polling, push out what is queued, stop every app; returns the final summary. */
  async stop(): Promise<{ ports: PortSummary[] }> {
    await this.runner.stop();
    // Workers first: their apps give the rings back and publish their final counters.
    await this.spread.stop();
    this.engine.drain();
    const summary = this.summary();
    this.engine.stop();
    this.reportLeaks();
    return summary;
  }

  /**
   * After a full stop every buffer must be back in the pool; any still allocated was leaked
   * by an app. Always reported on stderr; with SLUICE_DEBUG=1 the handles are listed.
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

  /** Per-port counters in the documented JSON shape. */
  summary(stats: EngineStats = this.engine.stats()): { ports: PortSummary[] } {
    return {
      ports: this.ports.map((p) => {
        const a = stats.apps[p.name]!;
        const x = a.extra as { placement?: unknown[]; offloads?: object } | undefined;
        return {
          name: p.name, spec: p.spec.text, rx: a.rx, tx: a.tx, drops: a.drops,
          ...(x?.placement ? { placement: x.placement } : {}), ...(x?.offloads ? { offloads: x.offloads } : {}),
        };
      }),
    };
  }

  close(): void { this.region.close(); }
}

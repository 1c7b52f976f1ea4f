/**
 * The `sluice switch` front end: a list of ports joined in `patch` mode (p0↔p1, p2↔p3…) or
 * through one L2 learning bridge, plus captures, kept as a desired state (runtime/state.ts)
 * that a Host runs. Adding or removing a port applies the new state: the host reconfigures
 * only the apps and links that changed.
 *
 * With `workers: N`, N worker engines (pinned to `cpus` if given) serve the queue pairs of
 * patched multiqueue vhost-user ports (runtime/place.ts), as OVS-DPDK places rx queues on
 * its PMD threads. Ports of other kinds, and bridge mode, stay on the main engine.
 */
import type { EngineStats } from '../core/engine.js';
import type { Balance } from '../core/accounting.js';
import type { RunnerOptions } from '../core/runner.js';
import { parsePortSpec, specWithout, PortSpecError, type PortSpec } from '../core/port-spec.js';
import { portApp } from '../core/port-kinds.js';
import { appType } from '../core/registry.js';
import type { CaptureSpec } from '../apps/capture/graph.js';
import { Host, engineList } from '../runtime/host.js';
import type { DataPlaneState } from '../runtime/state.js';
import type { BpfHook } from '../apps/bpf/graph.js';
import { bondMembers } from '../apps/bond/index.js';

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

/** What `sluice switch` prints on exit: the ports, and where every packet went (core/accounting.ts). */
export interface SwitchSummary {
  ports: PortSummary[];
  accounting: Balance & { unbalanced: string[] };
}

const BRIDGE = 'br0';

export class Switch {
  readonly host: Host;
  readonly ports: PortEntry[] = [];
  /** Packet captures (see apps/capture). */
  readonly captures: CaptureSpec[] = [];
  /** XDP programs on ports' receive side (see apps/bpf). */
  readonly bpf: BpfHook[] = [];
  mode: SwitchMode;
  private readonly workers: number;
  private readonly cpus: number[] | undefined;

  constructor(opts: SwitchOptions = {}) {
    this.mode = opts.mode ?? 'patch';
    this.workers = opts.workers ?? 0;
    this.cpus = opts.cpus;
    this.host = new Host({
      ...(opts.poolSize !== undefined ? { poolSize: opts.poolSize } : {}), ...(opts.bufSize !== undefined ? { bufSize: opts.bufSize } : {}),
      ...(opts.runner ? { runner: opts.runner } : {}), ...(opts.log ? { log: opts.log } : {}),
      engines: engineList({ engine: { workers: this.workers, ...(opts.cpus ? { workerCpus: opts.cpus } : {}) } }),
    });
  }

  get engine() { return this.host.engine; }
  get pool() { return this.host.pool; }
  get runner() { return this.host.runner; }

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
    const hooks = this.bpf.filter((h) => h.port === name);
    for (const h of hooks) this.bpf.splice(this.bpf.indexOf(h), 1);
    try { this.apply(); } catch (e) { this.ports.splice(i, 0, removed!); this.captures.push(...caps); this.bpf.push(...hooks); throw e; }
  }

  /** A port's name from a name or an index (as --capture and --bpf take them). */
  private portName(what: string, port: string): string {
    const byIndex = /^\d+$/.test(port) ? this.ports[Number(port)] : undefined;
    const name = this.ports.some((p) => p.name === port) ? port : byIndex?.name;
    if (name === undefined) throw new PortSpecError(`${what}: no port named or numbered "${port}" (ports: ${this.ports.map((p) => p.name).join(', ') || 'none'})`);
    return name;
  }

  /** Run an XDP program on a port's received packets; `port` is a name or an index. */
  addBpf(hook: BpfHook): BpfHook {
    const h = { ...hook, port: this.portName('bpf', hook.port) };
    if (this.bpf.some((b) => b.port === h.port)) throw new PortSpecError(`bpf: port ${h.port} already has a program`);
    this.bpf.push(h);
    try { this.apply(); } catch (e) { this.bpf.pop(); throw e; }
    return h;
  }

  /** Capture a port's rx and/or tx into a pcapng file or FIFO; `port` is a name or an index. */
  addCapture(spec: CaptureSpec): CaptureSpec {
    const c = { ...spec, port: this.portName('capture', spec.port) };
    this.captures.push(c);
    try { this.apply(); } catch (e) { this.captures.pop(); throw e; }
    return c;
  }

  /** The switch as a desired state: patch pairs as patch bridges, or one learning bridge. */
  state(): DataPlaneState {
    const ports: NonNullable<DataPlaneState['ports']> = {};
    for (const p of this.ports) ports[p.name] = { spec: specWithout(p.spec.text, 'name') };
    const bridges: NonNullable<DataPlaneState['bridges']> = {};
    // A bond's member ports are joined to the bond (runtime/derive.ts), not patched or bridged.
    const bonded = new Set(this.ports.flatMap((p) => (p.spec.kind === 'bond' ? bondMembers(p.spec) : [])));
    const joined = this.ports.filter((p) => !bonded.has(p.name));
    if (this.mode === 'patch') {
      for (let i = 0; i < joined.length; i += 2) {
        const pair = joined.slice(i, i + 2);
        bridges[`patch${i / 2}`] = { type: 'patch', ports: Object.fromEntries(pair.map((p) => [p.name, {}])) };
      }
    } else {
      if (!appType('l2-bridge')) throw new PortSpecError('bridge mode needs the l2-bridge app, which is not available');
      bridges[BRIDGE] = { type: 'learning', ports: Object.fromEntries(joined.map((p) => [p.name, {}])) };
    }
    return {
      engine: { workers: this.workers, ...(this.cpus ? { workerCpus: this.cpus } : {}) },
      ports, bridges,
      ...(this.captures.length ? { captures: this.captures.map((c) => ({ port: c.port, file: c.file, dir: c.dir, ...(c.filter !== undefined ? { filter: c.filter } : {}) })) } : {}),
      ...(this.bpf.length ? { bpf: this.bpf.map((h) => ({ ...h })) } : {}),
    };
  }

  private apply(): void { this.host.apply(this.state()); }

  /** Resolves when the worker engines run the current graph (rejects if configuring them failed). */
  workersReady(): Promise<void> { return this.host.ready(); }

  start(): void { this.host.start(); }

  /** Stop polling, push out what is queued, stop every app; returns the final summary. */
  async stop(): Promise<SwitchSummary> {
    const final = await this.host.stop();
    const b = this.engine.balance();
    const summary = { ...this.summary(final), accounting: { ...b.total, unbalanced: Object.keys(b.unbalanced) } };
    this.reportLeaks();
    return summary;
  }

  reportLeaks(): number { return this.host.reportLeaks(); }

  /** Per-port counters in the documented JSON shape. */
  summary(stats: EngineStats = this.engine.stats()): { ports: PortSummary[]; bpf?: unknown[] } {
    const bpf = Object.values(stats.apps).map((a) => (a.extra as { bpf?: unknown } | undefined)?.bpf).filter((x) => x !== undefined);
    return {
      ...(bpf.length ? { bpf } : {}),
      ports: this.ports.map((p) => {
        const a = stats.apps[p.name]!;
        const x = a.extra as { placement?: unknown[]; offloads?: object; syscalls?: object } | undefined;
        // What a port's XDP program dropped counts as the port's drops (reason filtered).
        const drops = { ...a.drops };
        for (const b of Object.values(stats.apps)) {
          if ((b.extra as { bpf?: { port?: string } } | undefined)?.bpf?.port !== p.name) continue;
          for (const [k, v] of Object.entries(b.drops)) drops[k] = (drops[k] ?? 0) + v;
        }
        return {
          name: p.name, spec: p.spec.text, rx: a.rx, tx: a.tx, drops,
          ...(x?.placement ? { placement: x.placement } : {}), ...(x?.offloads ? { offloads: x.offloads } : {}), ...(x?.syscalls ? { syscalls: x.syscalls } : {}),
        };
      }),
    };
  }

  close(): void { this.host.close(); }
}

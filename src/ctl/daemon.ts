/**
 * The Sluice daemon: a Host (runtime/host.ts: pool, engines, runner) running a desired state
 * (model.ts), a management API on a unix socket (api-server.ts) and Prometheus metrics over
 * HTTP (metrics.ts).
 *
 * Every change — an API verb such as `port.add` or a whole `config.apply` — is:
 * build the next state → validate it (errors name the field) → diff (printed for dry runs)
 * → the host applies it, touching only apps and links whose derivation changed, so traffic
 * on other ports is not disturbed (an app that cannot be made changes nothing). Each applied
 * change is logged as one JSON line.
 *
 * Durable state (state-store.ts): with a store, every change is saved (temp file, fsync,
 * rename, fsync the directory) before the API answers, so an answered change survives a
 * crash. Saves run one at a time; a save that fails undoes every change not yet saved
 * (engine included) and the callers that made them get an error instead of an answer.
 *
 * API methods (params → result) are listed in `methods` below; `sluice <verb>` maps onto them.
 */
import type { Server } from 'node:http';
import { diffConfig } from '../core/config.js';
import type { SharedPool } from '../core/shared-pool.js';
import type { Ajv, ValidateFunction } from 'ajv';
import { lazyRequire } from '../lib/lazy-require.js';
import { loadBuiltins } from '../runtime/builtin.js';
import { Host, hostOptions } from '../runtime/host.js';
import { portAppSpec } from '../runtime/derive.js';
import { ApplyError } from '../runtime/state.js';
import type { Placement } from '../runtime/place.js';
import { validateState, printState, parseState, resolveApplied, mergeApplied, cloneState, StateError, NAME_RE, bridgeOfports, type DesiredState, type BridgeType, type BridgeModel, type RouterModel } from './model.js';
import { flowMod, type FlowModResult } from '../apps/flow-table/flow-mod.js';
import type { PortMap } from '../apps/flow-table/flow-parser.js';

/** What the flow and fdb verbs use of a bridge's app (flow-table or l2-bridge). */
interface BridgeApp {
  expiredLines?(): string[];
  flowEntries?(match: string, names: boolean): unknown[];
  trace?(flow: string): object;
  macTable?(): { port: number | string; name?: string; vlan: number; mac: string; age?: number; ageSec?: number }[];
  flushMacs?(): number;
}

/** What the bond and lacp verbs use of a bond port's app (apps/bond). */
interface BondApp {
  bondShow(): Record<string, unknown>;
  lacpShow(): Record<string, unknown>;
  setMemberEnabled(member: string, enabled: boolean): boolean;
  rebalanceNow(): number;
  readonly mode: string;
}

/** A bridge's ports with their OpenFlow numbers, as the flow parser takes them. */
function portMapOf(b: BridgeModel): PortMap {
  const of = bridgeOfports(b);
  const names = Object.keys(b.ports).sort();
  return { names, ofports: names.map((n) => of[n]!) };
}
import { fileClaims, holderOf, missingArgument } from './claims.js';
import { StateStoreError, type StateStore } from './state-store.js';
import { diffState, formatChanges, type Change } from './diff.js';
import { Tracer } from './trace.js';
import { FilterError } from './trace-filter.js';
import { collectStats, type DaemonStats } from './stats.js';
import { ApiServer, ApiError, type Caller } from './api-server.js';
import { bpfShow, bpfMapDump, bpfMapUpdate, bpfMapDelete, BPF_FLAGS } from './bpf-api.js';
import { FileAccess, nextOwners } from './access.js';
import { recordProfile } from './profile.js';
import type { Registry } from 'prom-client';

export const DEFAULT_METRICS = '127.0.0.1:9469';
export type Logger = (e: Record<string, unknown>) => void;

/**
 * Milliseconds since this process started: start-up milestones in the log (state-loaded,
 * took-over, pool, applied, engine-started, api-listen, started) carry it as upMs, so a
 * restart's time can be followed from the process's start (ts - upMs).
 */
export function upMs(): number {
  return +performance.now().toFixed(1);
}

/** JSON-lines logger on stderr (systemd's journal keeps one entry per line). */
export function jsonLogger(stream: NodeJS.WritableStream = process.stderr): Logger {
  return (e) => { stream.write(JSON.stringify({ ts: new Date().toISOString(), ...e }) + '\n'); };
}

export interface DaemonOptions {
  log?: Logger;
  /** Override the runner's slice (tests). */
  sliceMs?: number;
  apiIdleTimeoutMs?: number;
  /** Where the desired state is saved on every change (absent: nothing is saved). */
  store?: StateStore;
  /** A packet pool made earlier (`--handover` makes it before the old daemon stops); used when its size is the state's. */
  pool?: SharedPool;
  /** The API socket and metrics address are listened on after this (`--handover`: the old daemon's exit frees them). */
  listenAfter?: Promise<void>;
}

// ajv loads with the first API call that has params to check, not at start.
const ajvModule = lazyRequire<typeof import('ajv')>('ajv');
let ajv: Ajv | undefined;
const name = { type: 'string', pattern: NAME_RE.source };
type Params = Record<string, unknown>;
interface Method { schema: object; run(d: Daemon, p: any): unknown }
const compiled = new Map<string, ValidateFunction>();

function obj(props: Record<string, object>, required: string[] = []): object {
  return { type: 'object', additionalProperties: false, properties: props, required };
}

export class Daemon {
  state: DesiredState = { version: 1 };
  /** Pool, main and worker engines (engine.workers), runner. */
  readonly host: Host;
  readonly tracer = new Tracer();
  /** Prometheus metrics, made when first served (prom-client loads then, off a restart's critical path). */
  private registry: Registry | undefined;
  readonly log: Logger;
  private api: ApiServer | undefined;
  private metricsServer: Server | undefined;
  private metricsListen = 'off';
  private readonly opts: DaemonOptions;
  private running = false;
  /** Which files callers other than root may name (api.allowDirs; fixed at start). */
  readonly access: FileAccess;
  /** The caller of the request being run (set only while its synchronous part runs). */
  private caller: Caller | undefined;
  /** The first apply, of the saved state: its owned objects are checked again (access.ts). */
  private starting = false;
  /** Address the metrics server listens on (host:port), or undefined. */
  metricsAddress: string | undefined;
  // Durability bookkeeping: `gen` counts changes, `savedGen` the last one on disk;
  // `undone` counts rollbacks so a caller can tell its change was undone.
  private gen = 1; // the starting state, saved by create()
  private savedGen = 0;
  private savedState: DesiredState = { version: 1 };
  private undone = 0;
  private saving: Promise<void> = Promise.resolve();

  private constructor(initial: DesiredState, opts: DaemonOptions) {
    this.opts = opts;
    this.log = opts.log ?? jsonLogger();
    const h = hostOptions(initial);
    this.host = new Host({
      ...h, quietPool: true, ...(opts.pool ? { madePool: opts.pool } : {}), log: (e) => this.log({ level: 'debug', ...e }),
      runner: { idleSpellMs: 5, maxSleepMs: 200, ...h.runner, ...(opts.sliceMs ? { sliceMs: opts.sliceMs } : {}) },
    });
    this.log({ level: 'info', event: 'pool', buffers: this.host.pool.count, backing: this.host.region.backing, bytes: this.host.region.size, locked: this.host.locked, upMs: upMs() });
    this.runner.probe = this.tracer;
    this.access = new FileAccess(initial.api?.allowDirs ?? []);
  }

  /** Build a daemon and apply `initial` (settings fixed at start come from it); start() saves it and runs it. */
  static async create(initial: DesiredState, opts: DaemonOptions = {}): Promise<Daemon> {
    await loadBuiltins();
    const s = validateState(initial);
    const d = new Daemon(s, opts);
    d.state = { version: 1, ...(s.engine ? { engine: s.engine } : {}), ...(s.api ? { api: s.api } : {}), ...(s.metrics ? { metrics: s.metrics } : {}) };
    try {
      d.starting = true;
      d.state.owners = s.owners;
      try { d.apply(resolveApplied(d.state, s)); } finally { d.starting = false; }
      await d.host.ready();
      d.log({ event: 'applied', ports: Object.keys(d.state.ports ?? {}).length, upMs: upMs() });
    } catch (e) {
      // Ports already made (their sockets, files) go too: a failed start leaves nothing behind.
      await d.host.stop().catch((x: Error) => d.log({ level: 'error', event: 'stop-failed', error: x.message }));
      d.host.close();
      throw e;
    }
    return d;
  }

  /**
   * Start the engine, save the state as started, then serve the API (if the state names a
   * socket) and metrics. The engine goes first: guests whose rings were adopted or
   * reconnected move again while the rest starts (a restart's gap). If the save or either
   * listener fails, everything started so far is stopped (ports' sockets removed, no API
   * socket left) and the error names the file (StateStoreError) or the field (ApiError,
   * code "unavailable").
   */
  async start(): Promise<void> {
    this.running = true;
    this.runner.start();
    this.log({ event: 'engine-started', upMs: upMs() });
    const api = this.state.api;
    try {
      // The state as started (seeded from --config, start flags applied) is the first save.
      const store = this.opts.store;
      if (store) await this.save().catch((e: NodeJS.ErrnoException) => { throw new StateStoreError(`cannot save the state to ${store.file}: ${e.code ?? e.message}`); });
      await this.opts.listenAfter;
      if (api?.socket) {
        this.api = new ApiServer({
          path: api.socket, ...(api.mode ? { mode: api.mode } : {}), ...(api.group !== undefined ? { group: api.group } : {}),
          ...(this.opts.apiIdleTimeoutMs ? { idleTimeoutMs: this.opts.apiIdleTimeoutMs } : {}), log: this.log,
        }, (m, p, caller) => this.handle(m, p, caller));
        await this.api.listen();
        this.log({ event: 'api-listen', socket: api.socket, mode: api.mode ?? '0600', ...(api.group !== undefined ? { group: api.group } : {}), allowDirs: this.access.dirs, upMs: upMs() });
      }
      try {
        await this.syncMetrics();
      } catch (e) {
        const c = (e as NodeJS.ErrnoException).code;
        throw new ApiError('unavailable', `metrics.listen: cannot listen on ${this.metricsListen}: ${c ?? (e as Error).message}${c === 'EADDRINUSE' ? ' (address in use: --metrics HOST:PORT, or off)' : ''}`);
      }
    } catch (e) {
      await this.stop();
      throw e;
    }
    this.log({ event: 'started', pid: process.pid, ports: Object.keys(this.state.ports ?? {}).length, ...(this.opts.store ? { stateDir: this.opts.store.dir } : {}), upMs: upMs() });
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.saving; // a save under way finishes (its callers were not answered yet)
    await this.api?.close();
    if (this.metricsServer) await new Promise<void>((r) => this.metricsServer!.close(() => r()));
    this.metricsServer = undefined;
    await this.host.stop();
    this.host.close();
    this.log({ event: 'stopped' });
  }

  private async syncMetrics(): Promise<void> {
    const want = this.state.metrics?.listen ?? DEFAULT_METRICS;
    if (want === this.metricsListen) return;
    if (this.metricsServer) {
      const s = this.metricsServer;
      this.metricsServer = undefined;
      this.metricsAddress = undefined;
      await new Promise<void>((r) => s.close(() => r()));
    }
    this.metricsListen = want;
    if (want === 'off') return;
    const { buildRegistry, serveMetrics } = await import('./metrics.js');
    this.registry ??= buildRegistry(() => this.stats());
    this.metricsServer = await serveMetrics(this.registry, want);
    const a = this.metricsServer.address();
    this.metricsAddress = a && typeof a === 'object' ? `${a.address.includes(':') ? `[${a.address}]` : a.address}:${a.port}` : want;
    this.log({ event: 'metrics-listen', address: this.metricsAddress });
  }

  stats(): DaemonStats { return collectStats(this.state, this.engine, this.runner); }

  get engine() { return this.host.engine; }
  get runner() { return this.host.runner; }

  /**
   * Reconcile to `next` (a full state). Returns the model changes and engine actions; with
   * `dryRun` nothing changes. Throws ApiError (code "invalid") naming the field.
   */
  apply(nextIn: unknown, dryRun = false): { changes: Change[]; actions: ReturnType<typeof diffConfig> } {
    let next: DesiredState, planned: Placement;
    try {
      next = validateState(nextIn);
      // Owners are the daemon's record, never a document's (see access.ts).
      const owners = nextOwners(this.starting ? { ...next, owners: this.state.owners } : this.state, next, this.caller, this.access.trusted(this.caller));
      if (owners) next.owners = owners; else delete next.owners;
      for (const k of ['poolSize', 'tickHz', 'workers', 'workerCpus'] as const) {
        if (this.running && JSON.stringify(next.engine?.[k]) !== JSON.stringify(this.state.engine?.[k])) {
          throw new StateError(`engine.${k}: fixed at start (restart the daemon to change it)`);
        }
      }
      if (this.running && JSON.stringify(next.api ?? {}) !== JSON.stringify(this.state.api ?? {})) throw new StateError('api: fixed at start (restart the daemon to change it)');
      planned = this.host.plan(next);
    } catch (e) {
      if (e instanceof StateError || e instanceof FilterError) throw new ApiError('invalid', e.message);
      throw e;
    }
    const changes = diffState(this.state, next);
    const actions = diffConfig(this.engine.currentConfig(), planned.main);
    if (dryRun && !this.starting) this.access.prepare(this.state, next, this.caller, true); // refused as the apply would be
    if (dryRun || changes.length === 0) return { changes, actions };
    const made = this.starting ? this.access.recheck(next) : this.access.prepare(this.state, next, this.caller);
    try {
      this.configure(next, planned);
    } catch (e) {
      this.access.undo(made);
      throw e;
    }
    this.access.finish(made, this.log);
    this.state = next;
    this.gen++;
    if (next.engine?.idleSpellMs !== undefined) this.runner.idleSpellMs = next.engine.idleSpellMs;
    if (next.engine?.maxSleepMs !== undefined) this.runner.maxSleepMs = next.engine.maxSleepMs;
    for (const c of changes) this.log({ event: 'state-change', op: c.op, path: c.path, ...(c.to !== undefined ? { to: c.to } : {}) });
    if (this.running) void this.syncMetrics().catch((e: Error) => this.log({ level: 'error', event: 'metrics-error', error: e.message }));
    return { changes, actions };
  }

  /** The host applies `state` (an app that cannot be made changes nothing: ApiError invalid). */
  private configure(state: DesiredState, planned?: Placement): void {
    try {
      this.host.apply(state, planned);
    } catch (e) {
      if (e instanceof ApplyError || e instanceof StateError) throw new ApiError('invalid', e.message);
      throw e;
    }
  }

  /** Apply a mutation of a copy of the state. */
  private mutate(f: (s: DesiredState) => void): { changes: Change[] } {
    const next = cloneState(this.state);
    f(next);
    for (const k of ['ports', 'bridges', 'routers'] as const) if (next[k] && Object.keys(next[k]!).length === 0) delete next[k];
    if (next.captures && next.captures.length === 0) delete next.captures;
    if (next.bpf && next.bpf.length === 0) delete next.bpf;
    return { changes: this.apply(next).changes };
  }

  private port(n: string): void {
    if (!this.state.ports?.[n]) throw new ApiError('not-found', `no port named "${n}"`);
  }

  private bridge(n: string): NonNullable<DesiredState['bridges']>[string] {
    const b = this.state.bridges?.[n];
    if (!b) throw new ApiError('not-found', `no bridge named "${n}"`);
    return b;
  }

  private routerName(given: string | undefined, create: boolean): string {
    if (given !== undefined) {
      if (!create && !this.state.routers?.[given]) throw new ApiError('not-found', `no router named "${given}"`);
      return given;
    }
    const names = Object.keys(this.state.routers ?? {});
    if (names.length === 1) return names[0]!;
    if (names.length === 0) { if (create) return 'r0'; throw new ApiError('not-found', 'no router (add an interface first: sluice route iface add PORT mac=... ipv4=...)'); }
    throw new ApiError('invalid', `several routers (${names.join(', ')}): say which with router=NAME`);
  }

  private owner(port: string): string | undefined {
    for (const [b, m] of Object.entries(this.state.bridges ?? {})) if (port in m.ports) return `bridge ${b}`;
    for (const [r, m] of Object.entries(this.state.routers ?? {})) if (port in m.interfaces) return `router ${r}`;
    return undefined;
  }

  portList(only?: string): Record<string, unknown>[] {
    if (only !== undefined) this.port(only);
    const st = this.stats();
    return Object.entries(this.state.ports ?? {}).filter(([n]) => only === undefined || n === only).map(([n, p]) => ({
      ...(st.ports.find((x) => x.name === n) ?? {}), name: n, spec: p.spec, ...(this.owner(n) ? { attached: this.owner(n) } : {}),
    }));
  }

  /** The API dispatcher: validate params against the method's schema, run it. */
  async handle(method: string, params: Params, caller?: Caller): Promise<unknown> {
    const m = Object.hasOwn(methods, method) ? methods[method] : undefined; // not "__proto__", "toString"…
    if (!m) throw new ApiError('unknown-method', `unknown method "${method}" (known: ${Object.keys(methods).sort().join(', ')})`);
    let v = compiled.get(method);
    if (!v) { v = (ajv ??= new (ajvModule().Ajv)({ allErrors: false, strict: false })).compile(m.schema); compiled.set(method, v); }
    if (!v(params)) {
      const e = v.errors![0]!;
      const p = e.params as Record<string, unknown>;
      const field = `${e.instancePath.replace(/^\//, '').replace(/\//g, '.')}${p.missingProperty ? String(p.missingProperty) : p.additionalProperty ? String(p.additionalProperty) : ''}`;
      const msg = e.keyword === 'additionalProperties' ? 'unknown parameter' : e.keyword === 'required' ? 'required' : e.message;
      throw new ApiError('bad-request', `${method}: params${field ? '.' + field : ''}: ${msg}`);
    }
    const gen = this.gen, undone = this.undone;
    // Changes are made in the synchronous part of a method: the caller is known there only.
    this.caller = caller;
    let pending: unknown;
    try { pending = m.run(this, params); } finally { this.caller = undefined; }
    const r = await pending;
    if (this.gen !== gen) await this.commit(undone);
    return r;
  }

  /** Apply `doc` as `apply` without --prune does (SIGHUP) and save it. */
  async reload(doc: DesiredState): Promise<{ changes: Change[]; kept: Change[] }> {
    const undone = this.undone;
    const exact = resolveApplied(this.state, doc);
    const next = mergeApplied(this.state, doc);
    const r = this.apply(next);
    if (r.changes.length) await this.commit(undone);
    return { changes: r.changes, kept: diffState(next, exact).filter((c) => c.op === '-') };
  }

  /** Save every change made so far; the answer waits for this (see header). */
  async commit(undoneBefore = this.undone): Promise<void> {
    if (!this.opts.store) return;
    try {
      await this.save();
    } catch (e) {
      const msg = `cannot save the state to ${this.opts.store.file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;
      if (this.undone === undoneBefore) this.undo(msg);
      throw new ApiError('internal', `${msg} (the change was undone)`);
    }
    if (this.undone !== undoneBefore) throw new ApiError('internal', `cannot save the state to ${this.opts.store.file} (the change was undone)`);
  }

  /** Queue a save of the current state behind any save in flight (one at a time). */
  private save(): Promise<void> {
    const job = this.saving.then(async () => {
      if (this.savedGen >= this.gen) return; // a later save took this change along
      const gen = this.gen, snap = cloneState(this.state);
      await this.opts.store!.save(snap);
      this.savedGen = gen;
      this.savedState = snap;
    });
    this.saving = job.catch(() => {});
    return job;
  }

  /** Go back to the last saved state after a failed save (best effort on the engine). */
  private undo(reason: string): void {
    this.undone++;
    this.log({ level: 'error', event: 'state-undo', reason, changes: this.gen - this.savedGen });
    try {
      this.configure(this.savedState);
    } catch (e) {
      this.log({ level: 'error', event: 'state-undo-failed', error: (e as Error).message });
    }
    this.state = cloneState(this.savedState);
    this.gen = this.savedGen;
  }

  // Methods below are reached through `handle`.
  static methods(): Record<string, Method> { return methods; }

  _portAdd(p: { name: string; spec: string }): unknown {
    if (this.state.ports?.[p.name]) throw new ApiError('exists', `port "${p.name}" already exists`);
    if (this.state.bridges?.[p.name] || this.state.routers?.[p.name]) throw new ApiError('exists', `name "${p.name}" is used by a bridge or router`);
    const missing = missingArgument(p.spec);
    if (missing) throw new ApiError('bad-request', `port.add: params.spec: ${missing}`);
    const held = holderOf(this.state, p.spec);
    if (held) throw new ApiError('exists', `port "${p.name}": ${held.what} is already held by ${held.holder}`);
    try { portAppSpec(p.name, p.spec); } catch (e) { throw new ApiError('invalid', (e as Error).message); }
    const r = this.mutate((s) => { (s.ports ??= {})[p.name] = { spec: p.spec }; });
    this.log({ event: 'port-add', port: p.name, spec: p.spec });
    return r;
  }

  _portDel(p: { name: string }): unknown {
    this.port(p.name);
    const r = this.mutate((s) => {
      delete s.ports![p.name];
      for (const b of Object.values(s.bridges ?? {})) delete b.ports[p.name];
      for (const rt of Object.values(s.routers ?? {})) {
        delete rt.interfaces[p.name];
        rt.routes = (rt.routes ?? []).filter((x) => x.dev !== p.name);
        if (rt.routes.length === 0) delete rt.routes;
      }
      s.captures = (s.captures ?? []).filter((c) => c.port !== p.name);
      s.bpf = (s.bpf ?? []).filter((b) => b.port !== p.name);
    });
    this.log({ event: 'port-del', port: p.name });
    return r;
  }

  _bridgeAdd(p: { name: string; type?: BridgeType; ports?: string[] }): unknown {
    if (this.state.bridges?.[p.name]) throw new ApiError('exists', `bridge "${p.name}" already exists`);
    if (this.state.ports?.[p.name] || this.state.routers?.[p.name]) throw new ApiError('exists', `name "${p.name}" is used by a port or router`);
    for (const port of p.ports ?? []) { this.port(port); const o = this.owner(port); if (o) throw new ApiError('exists', `port "${port}" is already attached to ${o}`); }
    return this.mutate((s) => {
      const members: Record<string, object> = {};
      (p.ports ?? []).forEach((port, i) => { members[port] = { ofport: i + 1 }; });
      (s.bridges ??= {})[p.name] = { ...(p.type ? { type: p.type } : {}), ports: members };
    });
  }

  _bridgeDel(p: { name: string }): unknown {
    this.bridge(p.name);
    return this.mutate((s) => { delete s.bridges![p.name]; });
  }

  _bridgeAddIf(p: { bridge: string; port: string; vlan?: number; trunk?: number[]; ofport?: number }): unknown {
    const b = this.bridge(p.bridge);
    this.port(p.port);
    const o = this.owner(p.port);
    if (o) throw new ApiError('exists', `port "${p.port}" is already attached to ${o}`);
    // OpenFlow numbers in the order ports join (the lowest free one), fixed while the port stays.
    const used = new Set(Object.values(bridgeOfports(b)));
    if (p.ofport !== undefined && used.has(p.ofport)) throw new ApiError('exists', `ofport ${p.ofport} is already used in bridge ${p.bridge}`);
    let ofport = p.ofport ?? 1;
    while (p.ofport === undefined && used.has(ofport)) ofport++;
    return this.mutate((s) => {
      const bm = s.bridges![p.bridge]!;
      for (const [n, m] of Object.entries(bridgeOfports(bm))) bm.ports[n]!.ofport = m;
      bm.ports[p.port] = { ...(p.vlan !== undefined ? { vlan: p.vlan } : {}), ...(p.trunk ? { trunk: p.trunk } : {}), ofport };
    });
  }

  /** A member's VLAN settings change in place (the port stays, and so does what it learned). */
  _bridgeSetIf(p: { bridge: string; port: string; vlan?: number; trunk?: number[] }): unknown {
    const b = this.bridge(p.bridge);
    if (!(p.port in b.ports)) throw new ApiError('not-found', `port "${p.port}" is not in bridge ${p.bridge}`);
    return this.mutate((s) => {
      const m = s.bridges![p.bridge]!.ports[p.port]!;
      delete m.vlan; delete m.trunk;
      if (p.vlan !== undefined) m.vlan = p.vlan;
      if (p.trunk) m.trunk = p.trunk;
    });
  }

  _bridgeDelIf(p: { bridge: string; port: string }): unknown {
    const b = this.bridge(p.bridge);
    if (!(p.port in b.ports)) throw new ApiError('not-found', `port "${p.port}" is not in bridge ${p.bridge}`);
    return this.mutate((s) => { delete s.bridges![p.bridge]!.ports[p.port]; });
  }

  _bridgeShow(p: { name?: string }): unknown {
    if (p.name !== undefined) this.bridge(p.name);
    return Object.entries(this.state.bridges ?? {}).filter(([n]) => p.name === undefined || n === p.name).map(([n, b]) => {
      const app = this.engine.apps.get(n);
      const of = bridgeOfports(b);
      const ports = Object.entries(b.ports).map(([port, m]) => ({ name: port, ...m, ofport: of[port]! }));
      return { name: n, type: b.type ?? 'learning', ports, ...(b.flows ? { flowCount: b.flows.length } : {}), ...(app?.report ? { info: app.report() } : {}) };
    });
  }

  _routeAdd(p: { router?: string; prefix: string; via?: string; dev?: string }): unknown {
    const r = this.routerName(p.router, false);
    const route = { prefix: p.prefix, ...(p.via ? { via: p.via } : {}), ...(p.dev ? { dev: p.dev } : {}) };
    if ((this.state.routers![r]!.routes ?? []).some((x) => x.prefix === p.prefix)) throw new ApiError('exists', `route ${p.prefix} already exists in ${r} (del it first)`);
    return this.mutate((s) => { (s.routers![r]!.routes ??= []).push(route); });
  }

  _routeDel(p: { router?: string; prefix: string }): unknown {
    const r = this.routerName(p.router, false);
    if (!(this.state.routers![r]!.routes ?? []).some((x) => x.prefix === p.prefix)) throw new ApiError('not-found', `no route ${p.prefix} in ${r}`);
    return this.mutate((s) => {
      const rt = s.routers![r]!;
      rt.routes = rt.routes!.filter((x) => x.prefix !== p.prefix);
      if (rt.routes.length === 0) delete rt.routes;
    });
  }

  _ifaceAdd(p: { router?: string; port: string; mac: string; ipv4?: string; ipv6?: string; mtu?: number }): unknown {
    const r = this.routerName(p.router, true);
    this.port(p.port);
    const o = this.owner(p.port);
    if (o) throw new ApiError('exists', `port "${p.port}" is already attached to ${o}`);
    if (!this.state.routers?.[r] && (this.state.ports?.[r] || this.state.bridges?.[r])) throw new ApiError('exists', `name "${r}" is used by a port or bridge`);
    return this.mutate((s) => {
      const rt: RouterModel = ((s.routers ??= {})[r] ??= { interfaces: {} });
      rt.interfaces[p.port] = { mac: p.mac, ...(p.ipv4 ? { ipv4: p.ipv4 } : {}), ...(p.ipv6 ? { ipv6: p.ipv6 } : {}), ...(p.mtu ? { mtu: p.mtu } : {}) };
    });
  }

  _ifaceDel(p: { router?: string; port: string }): unknown {
    const r = this.routerName(p.router, false);
    if (!(p.port in this.state.routers![r]!.interfaces)) throw new ApiError('not-found', `port "${p.port}" is not an interface of ${r}`);
    return this.mutate((s) => {
      const rt = s.routers![r]!;
      delete rt.interfaces[p.port];
      rt.routes = (rt.routes ?? []).filter((x) => x.dev !== p.port);
      if (rt.routes.length === 0) delete rt.routes;
      if (Object.keys(rt.interfaces).length === 0) delete s.routers![r];
    });
  }

  _routeShow(p: { router?: string }): unknown {
    const names = p.router !== undefined ? [this.routerName(p.router, false)] : Object.keys(this.state.routers ?? {});
    return names.map((n) => {
      const app = this.engine.apps.get(n);
      const r = this.state.routers![n]!;
      const interfaces = Object.entries(r.interfaces).map(([port, i]) => ({ port, ...i }));
      return { name: n, interfaces, routes: r.routes ?? [], ...(app?.report ? { info: app.report() } : {}) };
    });
  }

  private flowBridge(n: string): void {
    const b = this.bridge(n);
    if ((b.type ?? 'learning') !== 'flow') throw new ApiError('invalid', `bridge "${n}" is of type ${b.type ?? 'learning'}; flows need a bridge of type flow`);
  }

  /** The flow-table or l2-bridge app of a bridge, as the flow and fdb verbs use it. */
  private bridgeApp(n: string): BridgeApp | undefined {
    return this.engine.apps.get(n) as BridgeApp | undefined;
  }

  /** add-flow / mod-flows / del-flows (ovs-ofctl semantics, flow-mod.ts) on the state's flow lines. */
  _flowMod(op: 'add' | 'mod' | 'del', p: { bridge: string; flow?: string; strict?: boolean }): unknown {
    this.flowBridge(p.bridge);
    // Rules that timed out leave the state first, so a flow added again is really new.
    const gone = this.bridgeApp(p.bridge)?.expiredLines?.() ?? [];
    const changes: Change[] = [];
    if (gone.length > 0) changes.push(...this.setFlows(p.bridge, (this.state.bridges![p.bridge]!.flows ?? []).filter((l) => !gone.includes(l))));
    const b = this.state.bridges![p.bridge]!;
    let r: FlowModResult;
    try { r = flowMod(b.flows ?? [], portMapOf(b), { op, flow: p.flow ?? '', strict: p.strict === true }); } catch (e) { throw new ApiError('invalid', (e as Error).message); }
    // add-flow over a flow with the same match and priority replaces it: counters restart.
    if (r.replaced !== undefined) changes.push(...this.setFlows(p.bridge, (b.flows ?? []).filter((l) => l !== r.replaced)));
    changes.push(...this.setFlows(p.bridge, r.lines));
    return { changes, count: r.count };
  }

  private setFlows(bridge: string, lines: string[]): Change[] {
    return this.mutate((s) => {
      const b = s.bridges![bridge]!;
      if (lines.length === 0) delete b.flows; else b.flows = lines;
    }).changes;
  }

  _flowDump(p: { bridge: string; match?: string; names?: boolean }): unknown {
    this.flowBridge(p.bridge);
    // A flow bridge without member ports has no app yet: its flows (in the state) have no counters.
    const app = this.bridgeApp(p.bridge);
    try { return { bridge: p.bridge, flows: app?.flowEntries?.(p.match ?? '', p.names === true) ?? [] }; } catch (e) { throw new ApiError('invalid', (e as Error).message); }
  }

  _flowTrace(p: { bridge: string; flow: string }): unknown {
    this.flowBridge(p.bridge);
    const app = this.bridgeApp(p.bridge);
    if (!app?.trace) throw new ApiError('invalid', `bridge "${p.bridge}" has no ports yet: nothing to trace`);
    try { return { bridge: p.bridge, ...app.trace(p.flow) }; } catch (e) { throw new ApiError('invalid', (e as Error).message); }
  }

  _fdb(p: { bridge: string; flush?: boolean }): unknown {
    this.bridge(p.bridge);
    const app = this.bridgeApp(p.bridge);
    if (p.flush) return { bridge: p.bridge, flushed: app?.flushMacs?.() ?? 0 };
    const ofs = bridgeOfports(this.state.bridges![p.bridge]!);
    return { bridge: p.bridge, macs: (app?.macTable?.() ?? []).map((e) => ({ port: e.name ?? e.port, ofport: ofs[String(e.name ?? e.port)] ?? e.port, vlan: e.vlan, mac: e.mac, age: Math.floor(e.age ?? e.ageSec ?? 0) })) };
  }

  /** The bond apps of the daemon's ports (all, or the one named). */
  private bonds(name?: string): BondApp[] {
    const names = name !== undefined ? [name] : Object.keys(this.state.ports ?? {}).sort();
    const bonds = names.map((n) => this.engine.apps.get(n) as BondApp | undefined).filter((a): a is BondApp => typeof a?.bondShow === 'function');
    if (name !== undefined && bonds.length === 0) throw new ApiError('not-found', `no bond named "${name}"`);
    return bonds;
  }

  _bondShow(p: { name?: string }): unknown { return this.bonds(p.name).map((b) => b.bondShow()); }

  _lacpShow(p: { name?: string }): unknown { return this.bonds(p.name).map((b) => b.lacpShow()); }

  /** ovs-appctl bond/enable-member, bond/disable-member: not kept in the state, as in OVS. */
  _bondMember(p: { bond: string; member: string; enabled: boolean }): unknown {
    const [b] = this.bonds(p.bond);
    if (!b!.setMemberEnabled(p.member, p.enabled)) throw new ApiError('not-found', `bond ${p.bond} has no member "${p.member}"`);
    this.runner.kick();
    this.log({ event: p.enabled ? 'bond-enable-member' : 'bond-disable-member', bond: p.bond, member: p.member });
    return { bond: p.bond, member: p.member, enabled: p.enabled };
  }

  /** ovs-appctl bond/rebalance's equivalent: a load rebalance now instead of at the interval. */
  _bondRebalance(p: { bond: string }): unknown {
    const [b] = this.bonds(p.bond);
    if (b!.mode === 'active-backup') throw new ApiError('invalid', `bond ${p.bond} is active-backup: it has no hash buckets to rebalance`);
    const moved = b!.rebalanceNow();
    this.runner.kick();
    return { bond: p.bond, moved };
  }

  _captureAdd(p: { port: string; file: string; dir?: 'rx' | 'tx' | 'both'; filter?: string }): unknown {
    this.port(p.port);
    if ((this.state.captures ?? []).some((c) => c.port === p.port && c.file === p.file)) throw new ApiError('exists', `port ${p.port} is already captured to ${p.file}`);
    const held = holderOf(this.state, fileClaims(p.file));
    if (held) throw new ApiError('exists', `capture of port ${p.port}: ${held.what} is already held by ${held.holder}`);
    return this.mutate((s) => { (s.captures ??= []).push({ port: p.port, file: p.file, ...(p.dir ? { dir: p.dir } : {}), ...(p.filter ? { filter: p.filter } : {}) }); });
  }

  _captureDel(p: { port: string; file?: string }): unknown {
    const match = (c: { port: string; file: string }) => c.port === p.port && (p.file === undefined || c.file === p.file);
    if (!(this.state.captures ?? []).some(match)) throw new ApiError('not-found', `no capture on ${p.port}${p.file ? ` to ${p.file}` : ''}`);
    return this.mutate((s) => { s.captures = s.captures!.filter((c) => !match(c)); });
  }

  _bpfAttach(p: { port: string; file: string; section?: string; program?: string }): unknown {
    this.port(p.port);
    if ((this.state.bpf ?? []).some((b) => b.port === p.port)) throw new ApiError('exists', `port ${p.port} already has an XDP program (sluice bpf detach ${p.port})`);
    return this.mutate((s) => { (s.bpf ??= []).push({ port: p.port, file: p.file, ...(p.section ? { section: p.section } : {}), ...(p.program ? { program: p.program } : {}) }); });
  }

  _bpfDetach(p: { port: string }): unknown {
    if (!(this.state.bpf ?? []).some((b) => b.port === p.port)) throw new ApiError('not-found', `no XDP program on port ${p.port}`);
    return this.mutate((s) => { s.bpf = s.bpf!.filter((b) => b.port !== p.port); if (s.bpf.length === 0) delete s.bpf; });
  }

  _traceAdd(p: { port: string; count: number; filter?: string }): unknown {
    this.port(p.port);
    let id: number;
    try { id = this.tracer.add(p.port, p.count, p.filter ?? ''); } catch (e) { throw new ApiError('invalid', (e as Error).message); }
    this.runner.kick();
    this.log({ event: 'trace-add', id, port: p.port, count: p.count, filter: p.filter ?? '' });
    return { id };
  }

  _traceShow(p: { id?: number }): unknown {
    if (p.id !== undefined && !this.tracer.has(p.id)) throw new ApiError('not-found', `no trace ${p.id}`);
    return this.tracer.info(p.id);
  }

  _traceDel(p: { id?: number }): unknown {
    if (p.id !== undefined && !this.tracer.has(p.id)) throw new ApiError('not-found', `no trace ${p.id}`);
    return { deleted: this.tracer.del(p.id) };
  }

  async _profile(p: { seconds: number }): Promise<unknown> {
    this.log({ event: 'profile-start', seconds: p.seconds });
    try { return await recordProfile(p.seconds); } catch (e) { throw new ApiError('busy', (e as Error).message); }
  }

  /**
   * `apply`: objects in the document are created or replaced; objects it does not list are
   * kept and reported (`kept`) unless `prune` removes them (mergeApplied vs resolveApplied).
   */
  _configApply(p: { state?: unknown; yaml?: string; dryRun?: boolean; prune?: boolean }): unknown {
    let doc: DesiredState;
    if (p.yaml !== undefined) {
      try { doc = parseState(p.yaml, 'config'); } catch (e) { throw new ApiError('invalid', (e as Error).message); }
    } else if (p.state !== undefined) {
      try { doc = validateState(p.state); } catch (e) { throw new ApiError('invalid', (e as Error).message); }
    } else throw new ApiError('bad-request', 'config.apply: params.state or params.yaml is required');
    const exact = resolveApplied(this.state, doc);
    const next = p.prune === true ? exact : mergeApplied(this.state, doc);
    const kept = p.prune === true ? [] : diffState(next, exact).filter((c) => c.op === '-');
    const r = this.apply(next, p.dryRun === true);
    const keptText = kept.length ? `\nnot in the document, kept (apply --prune removes them):\n${formatChanges(kept)}` : '';
    return { dryRun: p.dryRun === true, prune: p.prune === true, changes: r.changes, kept, text: formatChanges(r.changes) + keptText, actions: r.actions };
  }
}

const methods: Record<string, Method> = {
  'ping': { schema: obj({}), run: (d) => ({ pong: true, pid: process.pid, version: 1, ports: Object.keys(d.state.ports ?? {}).length, metrics: d.metricsAddress ?? null }) },
  'config.get': { schema: obj({}), run: (d) => ({ state: d.state, yaml: printState(d.state) }) },
  'config.apply': { schema: obj({ state: { type: 'object' }, yaml: { type: 'string' }, dryRun: { type: 'boolean' }, prune: { type: 'boolean' } }), run: (d, p) => d._configApply(p) },
  'port.add': { schema: obj({ name, spec: { type: 'string', minLength: 1 } }, ['name', 'spec']), run: (d, p) => d._portAdd(p) },
  'port.del': { schema: obj({ name }, ['name']), run: (d, p) => d._portDel(p) },
  'port.show': { schema: obj({ name }), run: (d, p) => d.portList(p.name) },
  'bridge.add': { schema: obj({ name, type: { enum: ['learning', 'flow', 'patch'] }, ports: { type: 'array', items: name, uniqueItems: true } }, ['name']), run: (d, p) => d._bridgeAdd(p) },
  'bridge.del': { schema: obj({ name }, ['name']), run: (d, p) => d._bridgeDel(p) },
  'bridge.addif': { schema: obj({ bridge: name, port: name, vlan: { type: 'integer', minimum: 0, maximum: 4095 }, trunk: { type: 'array', items: { type: 'integer', minimum: 0, maximum: 4095 } }, ofport: { type: 'integer', minimum: 1, maximum: 0xfeff } }, ['bridge', 'port']), run: (d, p) => d._bridgeAddIf(p) },
  'bridge.delif': { schema: obj({ bridge: name, port: name }, ['bridge', 'port']), run: (d, p) => d._bridgeDelIf(p) },
  'bridge.show': { schema: obj({ name }), run: (d, p) => d._bridgeShow(p) },
  'route.add': { schema: obj({ router: name, prefix: { type: 'string', minLength: 1 }, via: { type: 'string' }, dev: name }, ['prefix']), run: (d, p) => d._routeAdd(p) },
  'route.del': { schema: obj({ router: name, prefix: { type: 'string', minLength: 1 } }, ['prefix']), run: (d, p) => d._routeDel(p) },
  'route.show': { schema: obj({ router: name }), run: (d, p) => d._routeShow(p) },
  'route.iface.add': { schema: obj({ router: name, port: name, mac: { type: 'string' }, ipv4: { type: 'string' }, ipv6: { type: 'string' }, mtu: { type: 'integer', minimum: 576, maximum: 65535 } }, ['port', 'mac']), run: (d, p) => d._ifaceAdd(p) },
  'route.iface.del': { schema: obj({ router: name, port: name }, ['port']), run: (d, p) => d._ifaceDel(p) },
  'flow.add': { schema: obj({ bridge: name, flow: { type: 'string', minLength: 1 } }, ['bridge', 'flow']), run: (d, p) => d._flowMod('add', p) },
  'flow.mod': { schema: obj({ bridge: name, flow: { type: 'string', minLength: 1 }, strict: { type: 'boolean' } }, ['bridge', 'flow']), run: (d, p) => d._flowMod('mod', p) },
  'flow.del': { schema: obj({ bridge: name, flow: { type: 'string' }, strict: { type: 'boolean' } }, ['bridge']), run: (d, p) => d._flowMod('del', p) },
  'flow.dump': { schema: obj({ bridge: name, match: { type: 'string' }, names: { type: 'boolean' } }, ['bridge']), run: (d, p) => d._flowDump(p) },
  'flow.trace': { schema: obj({ bridge: name, flow: { type: 'string', minLength: 1 } }, ['bridge', 'flow']), run: (d, p) => d._flowTrace(p) },
  'fdb.show': { schema: obj({ bridge: name }, ['bridge']), run: (d, p) => d._fdb(p) },
  'fdb.flush': { schema: obj({ bridge: name }, ['bridge']), run: (d, p) => d._fdb({ ...p, flush: true }) },
  'bridge.setif': { schema: obj({ bridge: name, port: name, vlan: { type: 'integer', minimum: 0, maximum: 4095 }, trunk: { type: 'array', items: { type: 'integer', minimum: 0, maximum: 4095 } } }, ['bridge', 'port']), run: (d, p) => d._bridgeSetIf(p) },
  'bond.show': { schema: obj({ name }), run: (d, p) => d._bondShow(p) },
  'bond.member': { schema: obj({ bond: name, member: name, enabled: { type: 'boolean' } }, ['bond', 'member', 'enabled']), run: (d, p) => d._bondMember(p) },
  'bond.rebalance': { schema: obj({ bond: name }, ['bond']), run: (d, p) => d._bondRebalance(p) },
  'lacp.show': { schema: obj({ name }), run: (d, p) => d._lacpShow(p) },
  'capture.add': { schema: obj({ port: name, file: { type: 'string', minLength: 1 }, dir: { enum: ['rx', 'tx', 'both'] }, filter: { type: 'string' } }, ['port', 'file']), run: (d, p) => d._captureAdd(p) },
  'capture.del': { schema: obj({ port: name, file: { type: 'string' } }, ['port']), run: (d, p) => d._captureDel(p) },
  'capture.show': { schema: obj({}), run: (d) => (d.state.captures ?? []).map((c) => ({ ...c, dir: c.dir ?? 'both' })) },
  'bpf.attach': { schema: obj({ port: name, file: { type: 'string', minLength: 1 }, section: { type: 'string', minLength: 1 }, program: { type: 'string', minLength: 1 } }, ['port', 'file']), run: (d, p) => d._bpfAttach(p) },
  'bpf.detach': { schema: obj({ port: name }, ['port']), run: (d, p) => d._bpfDetach(p) },
  'bpf.show': { schema: obj({}), run: (d) => bpfShow(d.engine) },
  'bpf.map.dump': { schema: obj({ port: name, map: { type: 'string', minLength: 1 } }, ['port', 'map']), run: (d, p) => bpfMapDump(d.engine, p) },
  'bpf.map.update': { schema: obj({ port: name, map: { type: 'string', minLength: 1 }, key: { type: 'string' }, value: { type: 'string' }, flags: { enum: Object.keys(BPF_FLAGS) } }, ['port', 'map', 'key', 'value']), run: (d, p) => bpfMapUpdate(d.engine, p) },
  'bpf.map.delete': { schema: obj({ port: name, map: { type: 'string', minLength: 1 }, key: { type: 'string' } }, ['port', 'map', 'key']), run: (d, p) => bpfMapDelete(d.engine, p) },
  'stats': { schema: obj({}), run: (d) => d.stats() },
  'trace.add': { schema: obj({ port: name, count: { type: 'integer', minimum: 1, maximum: 1000 }, filter: { type: 'string' } }, ['port', 'count']), run: (d, p) => d._traceAdd(p) },
  'trace.show': { schema: obj({ id: { type: 'integer' } }), run: (d, p) => d._traceShow(p) },
  'trace.del': { schema: obj({ id: { type: 'integer' } }), run: (d, p) => d._traceDel(p) },
  'profile': { schema: obj({ seconds: { type: 'number', exclusiveMinimum: 0, maximum: 600 } }, ['seconds']), run: (d, p) => d._profile(p) },
};

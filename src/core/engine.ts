/**
 * The engine: owns a set of apps and the links between them, and breathes.
 *
 * A breath (Snabb): every pull-app pulls (bounded by PULL_NPACKETS each), then every
 * push-app pushes, in topological order of the links. Ticks run at `tickHz`. A breath that
 * moved no packet is idle; after an idle spell the runner (runner.ts) may sleep on the
 * apps' wake fds.
 *
 * This is the only breath loop. A breath may be handed a probe (Snabb's app_events): it is
 * called around every app call of that breath, with the packets the call moved. The runner
 * uses probes for sampled per-app cost (probes.ts) and packet traces (ctl/trace.ts); a
 * breath without a probe pays one null check.
 *
 * `configure(next)` applies only the difference from the running config (G2): unchanged
 * apps keep running with their state and links, so traffic on them is not disturbed.
 */
import { App, type AppClass } from './app.js';
import { Link } from './link.js';
import type { PacketPool } from './packet.js';
import { appType } from './registry.js';
import { checkConfig, diffConfig, parseLink, linkKey, type GraphConfig, type AppSpec } from './config.js';
import { BUSY_POLLS, COUNTER_COUNT, IDLE_POLLS, counterReport, type CounterReport } from './counters.js';
import { balanceLine, engineBalance, retireApp, retireLink, type EngineBalance } from './accounting.js';
import { DROP_REASON_NAMES, DropReason } from './drop-reasons.js';
import type { Ajv, ValidateFunction } from 'ajv';
import { lazyRequire } from '../lib/lazy-require.js';
import { byType as precompiled } from './app-validators.gen.js';

export interface EngineOptions {
  tickHz?: number;
  /**
   * At every tick (a snapshot between breaths, at most tickHz a second) check that every
   * app's packets add up (core/accounting.ts) and throw naming the apps when they do not.
   * Default: on when SLUICE_CHECK_ACCOUNTING=1 (the test runner sets it, so every test that
   * moves packets checks the identity).
   */
  checkAccounting?: boolean;
  /** Called with one JSON-able object per configuration action (G2 logging). */
  log?: (event: Record<string, unknown>) => void;
}

/**
 * Observer of one breath, called around each app call. `moved` is what the call moved:
 * packets put on (or dropped at) the app's outputs for a pull, taken off its inputs for a push.
 */
export interface BreathProbe {
  begin(engine: Engine, now: number): void;
  beforePull(app: App, i: number): void;
  afterPull(app: App, i: number, moved: number): void;
  beforePush(app: App, i: number): void;
  afterPush(app: App, i: number, moved: number): void;
  end(): void;
}

export interface EngineStats {
  breaths: number;
  busyBreaths: number;
  apps: Record<string, CounterReport & { type: string; extra?: Record<string, unknown> }>;
  links: Record<string, { txPackets: number; txBytes: number; txDrop: number; rxPackets: number; queued: number }>;
  /** Packets freed when links were torn down by a reconfiguration. */
  shutdownDrops: number;
}

const validators = new WeakMap<object, ValidateFunction>();
const ajvModule = lazyRequire<typeof import('ajv')>('ajv');
let ajv: Ajv | undefined;

/**
 * An app type's args validator: the one compiled at build time (scripts/gen-validators.mjs)
 * while the type's schema is still the one it was made from, else compiled now.
 */
function argsValidator(type: string, schema: object): ValidateFunction {
  let v = validators.get(schema);
  if (!v) {
    const pre = (precompiled as unknown as Record<string, [ValidateFunction, string] | undefined>)[type];
    v = pre && pre[1] === JSON.stringify(schema) ? pre[0] : (ajv ??= new (ajvModule().Ajv)({ allErrors: true, useDefaults: true })).compile(schema);
    validators.set(schema, v);
  }
  return v;
}

/** Resolve an app class from the registry or from a module loaded by `loadAppModules`. */
const moduleClasses = new Map<string, AppClass>();

/** Load the modules named by user apps in `config` (call before configure). */
export async function loadAppModules(config: GraphConfig, base?: string): Promise<void> {
  for (const [name, spec] of Object.entries(config.apps)) {
    if (!spec.module) continue;
    const key = `${spec.module}#${spec.type}`;
    if (moduleClasses.has(key)) continue;
    const url = /^[a-z]+:/.test(spec.module) ? spec.module : new URL(spec.module, base ?? `file://${process.cwd()}/`).href;
    const mod = (await import(url)) as Record<string, unknown>;
    const cls = (mod[spec.type] ?? mod.default) as AppClass | undefined;
    if (typeof cls !== 'function') throw new Error(`app "${name}": module ${spec.module} exports no class "${spec.type}" or default`);
    moduleClasses.set(key, cls);
  }
}

/** The class for an app spec, with its args validated against the type's schema (throws naming the field). */
export function resolveClass(name: string, spec: AppSpec): AppClass {
  if (spec.module) {
    const cls = moduleClasses.get(`${spec.module}#${spec.type}`);
    if (!cls) throw new Error(`app "${name}": module ${spec.module} not loaded (call loadAppModules first)`);
    return cls;
  }
  const t = appType(spec.type);
  if (!t) throw new Error(`app "${name}": unknown type "${spec.type}"`);
  if (t.schema) {
    const v = argsValidator(spec.type, t.schema);
    if (!v(spec.args ?? {})) {
      const e = v.errors![0]!;
      throw new Error(`app "${name}" (${spec.type}): args${e.instancePath.replace(/\//g, '.')} ${e.message}`);
    }
  }
  return t.cls;
}

function outputTotal(app: App): number {
  let n = 0;
  const outs = app.outputs;
  for (let i = 0; i < outs.length; i++) n += outs[i]!.txPackets + outs[i]!.txDrop;
  return n;
}

function inputTotal(app: App): number {
  let n = 0;
  const ins = app.inputs;
  for (let i = 0; i < ins.length; i++) n += ins[i]!.rxPackets;
  return n;
}

export class Engine {
  readonly apps = new Map<string, App>();
  readonly links = new Map<string, Link>();
  private config: GraphConfig = { apps: {}, links: [] };
  private pullApps: App[] = [];
  private pushApps: App[] = [];
  private tickApps: App[] = [];
  private allLinks: Link[] = [];
  private readonly tickMs: number;
  private nextTick = 0;
  private readonly log: (e: Record<string, unknown>) => void;
  breaths = 0;
  busyBreaths = 0;
  shutdownDrops = 0;
  /** Bumped whenever the pull/push order changes (probes keep per-index state). */
  orderVersion = 0;
  /** The counters of apps since stopped (so the engine's packets still add up). */
  readonly retired = new Float64Array(COUNTER_COUNT);

  private readonly checkAccounting: boolean;

  constructor(readonly pool: PacketPool, opts: EngineOptions = {}) {
    this.tickMs = 1000 / (opts.tickHz ?? 1000);
    this.checkAccounting = opts.checkAccounting ?? process.env.SLUICE_CHECK_ACCOUNTING === '1';
    this.log = opts.log ?? (() => {});
  }

  /** The running config (a copy). */
  currentConfig(): GraphConfig { return structuredClone(this.config); }

  /** Move to `next`, changing only what differs. Throws (changing nothing) if `next` is invalid. */
  configure(next: GraphConfig): void {
    checkConfig(next);
    // Validate and resolve every new or changed app before touching the running graph.
    const classes = new Map<string, AppClass>();
    for (const [name, spec] of Object.entries(next.apps)) classes.set(name, resolveClass(name, spec));
    const declined = new Set<string>();
    for (const name of diffConfig(this.config, next).reconfig) {
      const app = this.apps.get(name)!;
      if (app.reconfig?.(next.apps[name]!.args ?? {})) this.log({ event: 'app-reconfig', app: name });
      else declined.add(name);
    }
    const d = diffConfig(this.config, next, declined);
    const build = (name: string): App => {
      const spec = next.apps[name]!;
      const app = new (classes.get(name)!)({ name, pool: this.pool, peer: (n) => this.apps.get(n) }, spec.args ?? {});
      this.log({ event: 'app-start', app: name, type: spec.type });
      return app;
    };
    // Apps that are entirely new are built before anything running is touched, so a
    // constructor that throws (bad path, busy socket…) leaves the running graph as it was.
    const fresh = new Map<string, App>();
    try {
      for (const name of d.start) if (!this.apps.has(name)) fresh.set(name, build(name));
    } catch (e) {
      for (const app of fresh.values()) app.stop?.();
      throw e;
    }
    for (const k of d.unlink) {
      const l = this.links.get(k)!;
      const e = parseLink(k);
      const from = this.apps.get(e.from), to = this.apps.get(e.to);
      retireLink(l, from, to);
      this.shutdownDrops += l.drain();
      if (from) delete from.output[e.output];
      if (to) delete to.input[e.input];
      this.links.delete(k);
      this.log({ event: 'unlink', link: k });
    }
    for (const name of d.stop) {
      const app = this.apps.get(name)!;
      app.report?.(); // apps that publish counters lazily bring them up to date first
      app.stop?.();
      retireApp(app, this.retired);
      this.apps.delete(name);
      this.log({ event: 'app-stop', app: name });
    }
    for (const [name, app] of fresh) this.apps.set(name, app);
    // Restarted apps are built after their old instance let go of what it held.
    for (const name of d.start) {
      if (fresh.has(name)) continue;
      try {
        this.apps.set(name, build(name));
      } catch (e) {
        this.recover(next, new Set(d.start));
        throw e;
      }
    }
    for (const k of d.link) {
      const e = parseLink(k);
      const l = new Link(k, this.pool);
      this.links.set(k, l);
      l.sender = this.apps.get(e.from)!;
      this.apps.get(e.from)!.output[e.output] = l;
      this.apps.get(e.to)!.input[e.input] = l;
      this.log({ event: 'link', link: k });
    }
    this.config = structuredClone({ apps: next.apps, links: next.links.map((s) => linkKey(parseLink(s))) });
    const touched = new Set<string>([...d.start]);
    for (const k of [...d.link, ...d.unlink]) { const e = parseLink(k); touched.add(e.from); touched.add(e.to); }
    for (const name of touched) {
      const app = this.apps.get(name);
      if (!app) continue;
      app.inputs = Object.keys(app.input).sort().map((n) => app.input[n]!);
      app.outputs = Object.keys(app.output).sort().map((n) => app.output[n]!);
      app.linked?.();
    }
    this.computeOrder();
  }

  /**
   * A restarted app failed to build half-way through a reconfiguration: record what is
   * actually running, then reconfigure back to the previous config (which rebuilds the
   * failed app with its old args). If even that fails, the recorded config stays true.
   */
  private recover(next: GraphConfig, startedFromNext: Set<string>): void {
    const prev = this.config;
    const apps: GraphConfig['apps'] = {};
    for (const name of this.apps.keys()) apps[name] = startedFromNext.has(name) ? next.apps[name]! : prev.apps[name]!;
    this.config = { apps, links: [...this.links.keys()] };
    this.log({ event: 'configure-rollback' });
    try { this.configure(prev); } catch (e) { this.log({ event: 'configure-rollback-failed', error: (e as Error).message }); this.refreshAll(); }
  }

  /** Recompute every app's link arrays and the breathe order (after a partial change). */
  private refreshAll(): void {
    for (const app of this.apps.values()) {
      app.inputs = Object.keys(app.input).sort().map((n) => app.input[n]!);
      app.outputs = Object.keys(app.output).sort().map((n) => app.output[n]!);
      app.linked?.();
    }
    this.computeOrder();
  }

  private computeOrder(): void {
    const names = [...this.apps.keys()].sort();
    this.pullApps = names.map((n) => this.apps.get(n)!).filter((a) => typeof a.pull === 'function');
    this.tickApps = names.map((n) => this.apps.get(n)!).filter((a) => typeof a.tick === 'function');
    this.allLinks = [...this.links.values()];
    // Push in topological order of links (Kahn); members of cycles follow by name.
    const indeg = new Map(names.map((n) => [n, 0]));
    const succ = new Map(names.map((n) => [n, [] as string[]]));
    for (const k of this.links.keys()) {
      const e = parseLink(k);
      if (e.from === e.to) continue;
      succ.get(e.from)!.push(e.to);
      indeg.set(e.to, indeg.get(e.to)! + 1);
    }
    const order: string[] = [];
    const ready = names.filter((n) => indeg.get(n) === 0);
    const seen = new Set<string>();
    while (order.length < names.length) {
      const n = ready.shift() ?? names.find((x) => !seen.has(x))!;
      if (seen.has(n)) continue;
      seen.add(n);
      order.push(n);
      for (const s of succ.get(n)!) {
        indeg.set(s, indeg.get(s)! - 1);
        if (indeg.get(s) === 0 && !seen.has(s)) ready.push(s);
      }
    }
    this.pushApps = order.map((n) => this.apps.get(n)!).filter((a) => typeof a.push === 'function');
    superFrameLinks(this.apps.values());
    this.orderVersion++;
  }

  /** Names of apps in pull and push order (for tests and `stats`). */
  order(): { pull: string[]; push: string[] } {
    return { pull: this.pullApps.map((a) => a.name), push: this.pushApps.map((a) => a.name) };
  }

  private moved(): number {
    let n = 0;
    const links = this.allLinks;
    for (let i = 0; i < links.length; i++) n += links[i]!.txPackets + links[i]!.txDrop;
    return n;
  }

  /** One breath, observed by `probe` if given; returns true if any packet moved. */
  breathe(now: number, probe: BreathProbe | null = null): boolean {
    if (probe !== null) return this.probedBreath(now, probe);
    const before = this.moved();
    const pulls = this.pullApps;
    for (let i = 0; i < pulls.length; i++) {
      const app = pulls[i]!;
      const m = outputTotal(app);
      app.pull!();
      app.counters[outputTotal(app) !== m ? BUSY_POLLS : IDLE_POLLS]++;
    }
    const pushes = this.pushApps;
    for (let i = 0; i < pushes.length; i++) pushes[i]!.push!();
    this.tick(now);
    this.breaths++;
    const busy = this.moved() !== before;
    if (busy) this.busyBreaths++;
    return busy;
  }

  /** The same breath with `probe` called around each app call. */
  private probedBreath(now: number, probe: BreathProbe): boolean {
    probe.begin(this, now);
    let moved = 0;
    const pulls = this.pullApps;
    for (let i = 0; i < pulls.length; i++) {
      const app = pulls[i]!;
      const m = outputTotal(app);
      probe.beforePull(app, i);
      app.pull!();
      const d = outputTotal(app) - m;
      app.counters[d !== 0 ? BUSY_POLLS : IDLE_POLLS]++;
      probe.afterPull(app, i, d);
      moved += d;
    }
    const pushes = this.pushApps;
    for (let i = 0; i < pushes.length; i++) {
      const app = pushes[i]!;
      const m = inputTotal(app);
      probe.beforePush(app, i);
      app.push!();
      const d = inputTotal(app) - m;
      probe.afterPush(app, i, d);
      moved += d;
    }
    probe.end();
    this.tick(now);
    this.breaths++;
    if (moved !== 0) this.busyBreaths++;
    return moved !== 0;
  }

  private tick(now: number): void {
    if (now >= this.nextTick) {
      this.nextTick = now + this.tickMs;
      const ticks = this.tickApps;
      for (let i = 0; i < ticks.length; i++) ticks[i]!.tick!(now);
      if (this.checkAccounting) this.assertBalanced();
    }
  }

  /** Throws when the engine's packets do not add up (see checkAccounting). */
  assertBalanced(): void {
    const b = this.balance();
    const names = Object.keys(b.unbalanced);
    if (b.total.off === 0 && names.length === 0) return;
    const apps = names.map((n) => `${n}: ${balanceLine(b.unbalanced[n]!)}`).join('; ');
    throw new Error(`accounting: packets do not add up after breath ${this.breaths}: ${balanceLine(b.total, names)}${apps ? `; ${apps}` : ''}`);
  }

  /** Breathe synchronously for `ms` milliseconds (benchmarks, tests). */
  runFor(ms: number): void {
    const end = performance.now() + ms;
    let now = performance.now();
    while (now < end) { this.breathe(now); now = performance.now(); }
  }

  /** Breathe until `done()` or `maxMs` passed; returns whether done() became true. */
  runUntil(done: () => boolean, maxMs = 10_000): boolean {
    const end = performance.now() + maxMs;
    for (;;) {
      const now = performance.now();
      this.breathe(now);
      if (done()) return true;
      if (now > end) return false;
    }
  }

  /** Push queued packets onward without pulling new ones, until every link is empty. */
  drain(maxBreaths = 1000): void {
    for (let b = 0; b < maxBreaths; b++) {
      let queued = 0;
      for (const l of this.allLinks) queued += l.nreadable();
      if (queued === 0) return;
      for (const a of this.pushApps) a.push!();
    }
  }

  /** Eventfds apps want to be woken by when the engine sleeps. */
  wakeFds(): number[] {
    const fds: number[] = [];
    for (const a of this.apps.values()) if (a.wakeFds) fds.push(...a.wakeFds());
    return fds;
  }

  /** Tell apps the engine goes to sleep (true) or woke (false): e.g. re-enable guest kicks. */
  notifyIdle(sleeping: boolean): void {
    for (const a of this.apps.values()) a.idle?.(sleeping);
  }

  /** Stop every app, draining links (drained packets count as shutdown drops). */
  stop(): void {
    this.configure({ apps: {}, links: [] });
    this.pool.flushCache();
    if (this.checkAccounting) this.assertBalanced();
  }

  /** Where every packet of this engine went, and the apps whose packets do not add up. */
  balance(): EngineBalance {
    return engineBalance(this.apps.values(), this.links.values(), this.shutdownDrops, this.retired);
  }

  stats(): EngineStats {
    const apps: EngineStats['apps'] = {};
    for (const [name, a] of this.apps) {
      // report() first: apps that publish their counters in tick() bring them up to date
      // there, so packets moved since the last tick (a final drain) are in the counts.
      const extra = a.report?.();
      // Packets a full input link refused are drops of the app they were headed for.
      let linkFull = 0;
      for (const l of Object.values(a.input)) linkFull += l.txDrop;
      apps[name] = { type: this.config.apps[name]!.type, ...counterReport(a.counters, { [DROP_REASON_NAMES[DropReason.LINK_FULL]!]: linkFull }) };
      if (extra) apps[name]!.extra = extra;
    }
    const links: EngineStats['links'] = {};
    for (const [k, l] of this.links) {
      links[k] = { txPackets: l.txPackets, txBytes: l.txBytes, txDrop: l.txDrop, rxPackets: l.rxPackets, queued: l.nreadable() };
    }
    return { breaths: this.breaths, busyBreaths: this.busyBreaths, apps, links, shutdownDrops: this.shutdownDrops };
  }
}

/**
 * Mark each link that may carry super-frames: its receiver sends them (`superFrames: 'send'`)
 * or forwards them (`'forward'`) onto links that may all carry them. A greatest fixed point:
 * start from every receiver that says it can, then take back links into forwarders with an
 * output that cannot, until nothing changes (cycles through forwarders stay marked when every
 * way out of them can take super-frames).
 */
export function superFrameLinks(apps: Iterable<App>): void {
  const all = [...apps];
  for (const a of all) for (const l of a.inputs) l.superFrames = a.superFrames !== undefined;
  for (let changed = true; changed;) {
    changed = false;
    for (const a of all) {
      if (a.superFrames !== 'forward' || !a.inputs.some((l) => l.superFrames)) continue;
      if (a.outputs.every((l) => l.superFrames)) continue;
      for (const l of a.inputs) l.superFrames = false;
      changed = true;
    }
  }
}

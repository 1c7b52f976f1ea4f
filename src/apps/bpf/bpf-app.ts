/**
 * The `bpf` app: runs a compiled XDP program on every packet a port receives.
 *
 *   input ──► program ──► PASS      → output
 *                    └──► DROP/ABORTED → dropped as `filtered` (counted per action)
 *                    └──► TX        → to_<this port> (back out of the ingress port)
 *                    └──► REDIRECT  → to_<port> the redirect map names
 *
 * Redirect maps (devmap) hold Sluice port numbers counted from 1 (the `ingress_ifindex` a
 * program sees on port k is k+1, in the order of the switch's ports); an entry naming no port
 * drops the packet as `no_route`. bpf_fib_lookup asks the router whose interface the port in
 * the lookup is (fib.ts; `fib` lists them, applyBpf finds them in the graph). The packet is the pool buffer itself: data/data_end are
 * offsets into the pool's data array, xdp_adjust_head/tail may move them within the buffer.
 * Counters per action, runs and time per run are in `report()` (`sluice bpf show`).
 */
import { readFileSync } from 'node:fs';
import { App, type AppContext } from '../../core/app.js';
import type { Link } from '../../core/link.js';
import { DropReason } from '../../core/drop-reasons.js';
import { loadObject, XdpProgram, XdpBuff, BpfError, type ProgramSpec, type HelperEnv, defaultEnv, type BpfMap, createMap, ArrayMap, type MapHandle } from '../../lib/bpf/index.js';
import type { AppSpec } from '../../core/config.js';
import { RouterFib, type FibWire } from './fib.js';

export interface BpfAppArgs {
  /** ELF object (clang -target bpf). */
  file: string;
  /** Program section (default: the first `xdp*` section) or function name. */
  section?: string;
  program?: string;
  /** The hooked port's name and its number from 1 (ingress_ifindex). */
  port: string;
  ifindex: number;
  /** All ports in order: redirect target k goes to `to_<ports[k-1]>`. */
  ports: string[];
  rxQueue?: number;
  /** Ports that are routers' interfaces: bpf_fib_lookup asks those routers (fib.ts). */
  fib?: FibWire[];
  /** Spread with its ports over that many worker engines (place.ts markSpread): see spread(). */
  workers?: number;
  /** On worker engine `engine` (from 0): the program, maps and counters of the main engine's app. */
  engine?: number;
  shared?: SharedProgram;
}

/** What the main engine's app hands the copies on worker engines (shared memory: one program, one set of maps). */
export interface SharedProgram {
  /** Names this instance: a restarted main app gives its workers new copies. */
  id: string;
  program: ProgramSpec;
  maps: MapHandle[];
  /** Per engine (main, then worker k at k+1): packets per action (0..5), runs, ns. */
  counters: SharedArrayBuffer;
}
const SLOT = 8, RUNS = 6, NS = 7;
let instances = 0;

export const bpfAppSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['file', 'port', 'ifindex', 'ports'],
  properties: {
    file: { type: 'string', minLength: 1 },
    section: { type: 'string', minLength: 1 },
    program: { type: 'string', minLength: 1 },
    port: { type: 'string', minLength: 1 },
    ifindex: { type: 'integer', minimum: 1, maximum: 65535 },
    ports: { type: 'array', items: { type: 'string' } },
    rxQueue: { type: 'integer', minimum: 0 },
    workers: { type: 'integer', minimum: 0, maximum: 64 },
    engine: { type: 'integer', minimum: 0, maximum: 63 },
    shared: { type: 'object' },
    fib: {
      type: 'array',
      items: { type: 'object', additionalProperties: false, required: ['port', 'router', 'iface'], properties: { port: { type: 'string' }, router: { type: 'string' }, iface: { type: 'string' } } },
    },
  },
};

/** Pick a program of an object: by section, by function name, or the first XDP one. */
export function selectProgram(file: string, section?: string, program?: string): ProgramSpec {
  let bytes: Uint8Array;
  try { bytes = readFileSync(file); } catch (e) { throw new BpfError(`${file}: ${(e as Error).message}`); }
  const obj = loadObject(bytes);
  const pick = section === undefined && program === undefined
    ? (obj.programs.find((p) => p.section.startsWith('xdp')) ?? obj.programs[0])
    : obj.programs.find((p) => (section === undefined || p.section === section) && (program === undefined || p.name === program));
  if (!pick) throw new BpfError(`${file}: no program${section ? ` in section ${section}` : ''}${program ? ` named ${program}` : ''} (has: ${obj.programs.map((p) => `${p.name} in ${p.section}`).join(', ')})`);
  return pick;
}

export class BpfApp extends App {
  readonly program: XdpProgram;
  readonly args: BpfAppArgs;
  private readonly x = new XdpBuff();
  private in: Link | undefined;
  private pass: Link | undefined;
  /** Output link per port number (index 1..n); undefined where none. */
  private to: (Link | undefined)[] = [];
  private readonly self: number;
  /** This engine's packets per XDP action (0..4) and unknown return values (5). */
  readonly actions: Float64Array;
  /** Every engine's counters (SLOT per engine), this engine's slot. */
  private readonly counters8: Float64Array;
  private readonly mine: Float64Array;
  private readonly shared: SharedProgram;

  constructor(ctx: AppContext, args: BpfAppArgs, env: HelperEnv = defaultEnv()) {
    super(ctx);
    this.args = args;
    if (args.fib?.length && ctx.peer && env.fib === null) env = { ...env, fib: new RouterFib(ctx.peer, args.fib, args.ports) };
    // Spread: per-CPU maps get a copy per worker engine (worker k: CPU k; the main engine's
    // app, idle while its ports' queues are on the workers, shares CPU 0).
    const from = args.shared, cpus = Math.max(1, args.workers ?? 0);
    const spec = from ? from.program : selectProgram(args.file, args.section, args.program);
    const maps = spec.maps.map((m, i) => createMap(m, cpus, from?.maps[i]));
    for (const m of maps) if (m instanceof ArrayMap) m.cpu = Math.min(args.engine ?? 0, m.cpus - 1);
    this.program = new XdpProgram(spec, env, maps, from !== undefined || (args.workers ?? 0) > 0);
    this.shared = from ?? { id: `${ctx.name}#${process.pid}.${++instances}`, program: spec, maps: maps.map((m) => m.handle()), counters: new SharedArrayBuffer(8 * SLOT * (1 + cpus)) };
    this.counters8 = new Float64Array(this.shared.counters);
    const slot = from ? 1 + (args.engine ?? 0) : 0;
    this.mine = this.counters8.subarray(slot * SLOT, slot * SLOT + SLOT);
    this.actions = this.mine.subarray(0, 6);
    this.self = args.ifindex;
    this.x.attach(ctx.pool.data);
    this.x.ingressIfindex = args.ifindex;
    this.x.rxQueue = args.rxQueue ?? 0;
  }

  override linked(): void {
    this.in = this.input.input;
    this.pass = this.output.output;
    this.to = [undefined, ...this.args.ports.map((p) => this.output[`to_${p}`])];
  }

  override push(): void {
    const l = this.in;
    if (!l || l.empty()) return;
    const pool = this.pool, x = this.x, run = this.program.run, bufSize = pool.bufSize, acts = this.actions;
    const t0 = performance.now();
    let n = 0;
    while (!l.empty()) {
      const p = l.receive();
      const base = p * bufSize;
      const start = pool.start(p);
      x.frame(start, start + pool.len[p]!, base, base + bufSize);
      const a = run(x);
      n++;
      pool.off[p] = x.start - base;
      pool.len[p] = x.end - x.start;
      if (a === 2 /* PASS */) { acts[2]++; this.send(this.pass, p); continue; }
      if (a === 3 /* TX */) { acts[3]++; this.send(this.to[this.self], p); continue; }
      if (a === 4 /* REDIRECT */) {
        acts[4]++;
        const t = x.redirectTarget;
        const out = t > 0 && t < this.to.length ? this.to[t] : undefined;
        if (out) this.send(out, p); else this.drop(p, DropReason.NO_ROUTE);
        continue;
      }
      acts[a >= 0 && a <= 1 ? a : 5]++;
      this.drop(p, DropReason.FILTERED);
    }
    this.mine[RUNS] += n;
    this.mine[NS] += (performance.now() - t0) * 1e6;
  }

  /** Runs and ns on this engine. */
  get runs(): number { return this.mine[RUNS]!; }
  get ns(): number { return this.mine[NS]!; }

  /**
   * With `workers` (its ports' queues served by worker engines): for worker k, this program
   * with the same maps (shared memory) and a counter slot of its own; API map reads and
   * writes through this app see what the copies do.
   */
  override spread(): AppSpec[] {
    const n = this.args.workers ?? 0;
    const { workers: _w, ...rest } = this.args;
    return Array.from({ length: n }, (_, k) => ({ type: 'bpf', args: { ...rest, engine: k, shared: this.shared } }));
  }

  private send(out: Link | undefined, p: number): void {
    if (!out) { this.drop(p, DropReason.NO_DESTINATION); return; }
    if (out.full()) { this.drop(p, DropReason.LINK_FULL); return; }
    out.transmit(p); // counted by the link (not a port: no rx/tx of its own)
  }

  map(name: string): BpfMap { return this.program.map(name); }

  /** Every engine's counters summed (the main engine's app: its own and its workers' copies'). */
  override report(): Record<string, unknown> {
    const a = new Float64Array(SLOT), all = this.args.shared ? this.mine : this.counters8;
    for (let i = 0; i < all.length; i++) a[i % SLOT] += all[i]!;
    const runs = a[RUNS]!, ns = a[NS]!;
    return {
      bpf: {
        program: this.program.name, section: this.program.spec.section, file: this.args.file, port: this.args.port,
        insns: this.program.insnCount, runs, nsPerRun: runs ? Math.round(ns / runs) : 0,
        ...(this.args.workers ? { engines: 1 + this.args.workers } : {}),
        actions: { aborted: a[0], drop: a[1], pass: a[2], tx: a[3], redirect: a[4], unknown: a[5] },
        maps: this.program.maps.map((m) => ({ name: m.name, type: m.typeName, keySize: m.spec.keySize, valueSize: m.spec.valueSize, maxEntries: m.spec.maxEntries })),
      },
    };
  }
}

/** `merge`: every input onto `output` (the front of a port that a bpf app may send to). */
export class MergeApp extends App {
  private out: Link | undefined;
  constructor(ctx: AppContext, private readonly args: { workers?: number } = {}) { super(ctx); }
  /** Spread with its port: one on every worker engine. */
  override spread(): AppSpec[] { return Array.from({ length: this.args.workers ?? 0 }, () => ({ type: 'merge' })); }
  override linked(): void { this.out = this.output.output; }
  override push(): void {
    const out = this.out;
    for (const l of this.inputs) {
      while (!l.empty()) {
        const p = l.receive();
        if (!out) this.drop(p, DropReason.NO_DESTINATION);
        else if (out.full()) this.drop(p, DropReason.LINK_FULL);
        else out.transmit(p);
      }
    }
  }
}



/**
 * The one placement of work on engines. A host has a main engine (on the main thread, with
 * the control plane) and worker engines (threads, pinned to CPUs when given). Each app of the
 * derived graph gets a home:
 *
 *  - an engine named in the state's `engines:` list (run configs: a pipeline over pinned
 *    engines; then every app must be named in exactly one engine);
 *  - otherwise the main engine, and if the host has worker engines, a cross-connect between
 *    two spreadable ports (vhost-user) is also spread: the port apps stay on the main engine
 *    (they keep the vhost-user protocol) and get the `workers` arg; each then says in
 *    `spread()` what runs on each worker (queue pair q on worker q mod N), and the worker
 *    graphs hold those apps plus the links between them (OVS-DPDK's rx queues on PMD threads).
 *    Spreadable ports with XDP programs between them go whole: each worker runs the bpf and
 *    merge apps too, as the kernel runs one XDP program on every queue's CPU.
 *
 * A link between apps on two engines becomes a shared ring: `ring-tx` on the sending engine,
 * `ring-rx` on the receiving one (core/interlink.ts). Rings are made when the engines start.
 */
import { parseLink, type GraphConfig, type AppSpec } from '../core/config.js';
import { StateError, type EnginePlacement } from './state.js';
import { getThreadAffinity } from '../sys/index.js';

/** App types whose queue pairs can be served by worker engines. */
const SPREADABLE = new Set(['vhost-user']);
/** App types that go along onto every worker with spread ports: XDP programs on them and their merge fronts (apps/bpf). */
const ALONG = new Set(['bpf', 'merge']);

export const MAIN = 'main';

export interface Placement {
  /** The main engine's graph (spread ports marked with `workers`). */
  main: GraphConfig;
  /** Worker engines' graphs before spreading, by engine name (apps placed there and ring ends). */
  engines: Map<string, GraphConfig>;
  /** Rings joining engines, by name. */
  rings: string[];
}

/** Home engine of each app: named engines for listed apps, main for the rest. */
function homes(g: GraphConfig, named: readonly EnginePlacement[]): Map<string, string> {
  const home = new Map<string, string>();
  named.forEach((e, i) => {
    if (e.name === MAIN) throw new StateError(`engines.${i}.name: "${MAIN}" is the main engine's name`);
    for (const a of e.apps) {
      if (!(a in g.apps)) throw new StateError(`engines.${i}: engine "${e.name}": unknown app "${a}"`);
      if (home.has(a)) throw new StateError(`engines.${i}: app "${a}" is in engines "${home.get(a)}" and "${e.name}"`);
      home.set(a, e.name);
    }
  });
  for (const a of Object.keys(g.apps)) {
    if (home.has(a)) continue;
    if (named.length > 0) throw new StateError(`engines: app "${a}" is not assigned to any engine`);
    home.set(a, MAIN);
  }
  return home;
}

/**
 * Give both ends of every cross-connect (A.output -> B.input and back) of spreadable ports
 * `workers: n`; and every app of a linked group of spreadable ports with XDP programs between
 * them (applyBpf's shape: nothing in the group but such ports, bpf and merge apps), so each
 * worker runs the whole group for its queues (the bpf apps' maps shared between them).
 */
function markSpread(apps: GraphConfig['apps'], links: string[], n: number): void {
  for (const group of linkedGroups(Object.keys(apps), links)) {
    const types = group.map((a) => apps[a]!.type);
    if (!types.includes('bpf') || !types.some((t) => SPREADABLE.has(t)) || !types.every((t) => SPREADABLE.has(t) || ALONG.has(t))) continue;
    for (const a of group) apps[a] = { ...apps[a]!, args: { ...(apps[a]!.args as object), workers: n } };
  }
  const has = new Set(links.map((l) => { const e = parseLink(l); return `${e.from}.${e.output}>${e.to}.${e.input}`; }));
  for (const l of links) {
    const e = parseLink(l);
    const a = apps[e.from], b = apps[e.to];
    if (e.output !== 'output' || e.input !== 'input' || e.from === e.to || !a || !b) continue;
    if (!SPREADABLE.has(a.type) || !SPREADABLE.has(b.type) || !has.has(`${e.to}.output>${e.from}.input`)) continue;
    apps[e.from] = { ...a, args: { ...(a.args as object), workers: n } };
  }
}

/** Apps joined by links (either direction), group by group. */
function linkedGroups(names: string[], links: string[]): string[][] {
  const up = new Map(names.map((a) => [a, a]));
  const root = (a: string): string => { let r = a; while (up.get(r) !== r) r = up.get(r)!; return r; };
  for (const s of links) { const l = parseLink(s); if (up.has(l.from) && up.has(l.to)) up.set(root(l.from), root(l.to)); }
  const groups = new Map<string, string[]>();
  for (const a of names) { const r = root(a); if (!groups.has(r)) groups.set(r, []); groups.get(r)!.push(a); }
  return [...groups.values()];
}

/** Place `g` on the main engine and `workers` (named ones listed in `named`). */
export function place(g: GraphConfig, named: readonly EnginePlacement[], workers: readonly string[]): Placement {
  const home = homes(g, named);
  for (const e of named) if (!workers.includes(e.name)) throw new StateError(`engines: "${e.name}": no such engine (engines are fixed at start)`);
  const graphs = new Map<string, GraphConfig>([[MAIN, { apps: {}, links: [] }], ...workers.map((w) => [w, { apps: {}, links: [] }] as [string, GraphConfig])]);
  for (const [name, a] of Object.entries(g.apps)) graphs.get(home.get(name)!)!.apps[name] = a;
  const rings: string[] = [];
  for (const s of g.links) {
    const l = parseLink(s);
    const from = home.get(l.from)!, to = home.get(l.to)!;
    if (from === to) { graphs.get(from)!.links.push(s); continue; }
    const ring = `${l.from}_${l.output}__${l.to}_${l.input}`;
    rings.push(ring);
    const tx = graphs.get(from)!, rx = graphs.get(to)!;
    tx.apps[`${ring}_tx`] = { type: 'ring-tx', args: { ring } };
    tx.links.push(`${l.from}.${l.output} -> ${ring}_tx.input`);
    rx.apps[`${ring}_rx`] = { type: 'ring-rx', args: { ring } };
    rx.links.push(`${ring}_rx.output -> ${l.to}.${l.input}`);
  }
  const main = graphs.get(MAIN)!;
  graphs.delete(MAIN);
  if (workers.length > 0 && named.length === 0) markSpread(main.apps, main.links, workers.length);
  return { main, engines: graphs, rings };
}

/**
 * Worker graphs once the main engine runs `main`: each engine's placed graph plus, for
 * worker k, what each spread app runs there (`spread()[k]`) and the links between those.
 */
export function workerGraphs(p: Placement, workers: readonly string[], spreadOf: (app: string) => AppSpec[] | undefined): GraphConfig[] {
  const spread = new Map<string, AppSpec[]>();
  for (const name of Object.keys(p.main.apps)) {
    const specs = spreadOf(name);
    if (specs && specs.length > 0) spread.set(name, specs);
  }
  return workers.map((w, k) => {
    const base = p.engines.get(w)!;
    const apps: GraphConfig['apps'] = { ...base.apps };
    const mine = new Set<string>();
    for (const [name, specs] of spread) if (specs[k]) { apps[name] = specs[k]!; mine.add(name); }
    const links = [...base.links, ...p.main.links.filter((l) => { const e = parseLink(l); return mine.has(e.from) && mine.has(e.to); })];
    return { apps, links };
  });
}

/** Why one of `cpus` cannot be used by this process (sched_getaffinity), or undefined. */
export function unavailableCpu(cpus: readonly number[]): string | undefined {
  if (cpus.length === 0) return undefined;
  const allowed = getThreadAffinity();
  const bad = cpus.find((c) => !allowed.includes(c));
  return bad === undefined ? undefined : `CPU ${bad} is not available to this process (it may run on CPUs ${allowed.join(',')})`;
}

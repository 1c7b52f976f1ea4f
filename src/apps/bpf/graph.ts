/**
 * `applyBpf(graph, hooks, ports)`: a pure graph transform that puts a `bpf` app on the
 * receive side of each hooked port and a `merge` front on every port's input, so that a
 * program can send a packet back out of its port (XDP_TX) or out of any other (XDP_REDIRECT).
 *
 *   P.output -> X.in          becomes  P.output -> bpf_P.input, bpf_P.output -> X.in
 *   Y.out -> Q.input          becomes  Y.out -> in_Q.input, in_Q.output -> Q.input
 *   for every hook P, port Q: bpf_P.to_Q -> in_Q.from_bpf_P
 *
 * Applied before captures, so a capture's rx side still sees what the port received.
 * Ports linked to an `l3-router` (P.output -> R.IFACE or R.IFACE -> P.input) are listed in
 * every bpf app's `fib` arg: bpf_fib_lookup on such a port asks that router (fib.ts).
 */
import type { GraphConfig } from '../../core/config.js';
import type { FibWire } from './fib.js';
import { parseLink, linkKey } from '../../core/config.js';
import './register.js';

export interface BpfHook {
  /** App name of the port. */
  port: string;
  file: string;
  section?: string;
  program?: string;
}

export function applyBpf(graph: GraphConfig, hooks: readonly BpfHook[], ports: readonly string[]): GraphConfig {
  if (hooks.length === 0) return graph;
  const apps: GraphConfig['apps'] = { ...graph.apps };
  let links = graph.links.map((s) => linkKey(parseLink(s)));
  const fresh = (base: string) => { let n = base; for (let k = 2; n in apps; k++) n = `${base}_${k}`; return n; };
  const fib = routerWires(graph, ports);
  const fronts = new Map<string, string>();
  for (const q of ports) {
    const front = fresh(`in_${q}`);
    fronts.set(q, front);
    apps[front] = { type: 'merge' };
    const i = links.findIndex((k) => { const l = parseLink(k); return l.to === q && l.input === 'input'; });
    if (i >= 0) {
      const l = parseLink(links[i]!);
      links.splice(i, 1, `${l.from}.${l.output} -> ${front}.input`);
    }
    links.push(`${front}.output -> ${q}.input`);
  }
  for (const h of hooks) {
    const k = ports.indexOf(h.port);
    if (k < 0) throw new Error(`bpf: no port named "${h.port}"`);
    const name = fresh(`bpf_${h.port}`);
    apps[name] = {
      type: 'bpf',
      args: { file: h.file, port: h.port, ifindex: k + 1, ports: [...ports], ...(h.section ? { section: h.section } : {}), ...(h.program ? { program: h.program } : {}), ...(fib.length ? { fib } : {}) },
    };
    const i = links.findIndex((s) => { const l = parseLink(s); return l.from === h.port && l.output === 'output'; });
    if (i >= 0) {
      const l = parseLink(links[i]!);
      links.splice(i, 1, `${h.port}.output -> ${name}.input`, `${name}.output -> ${l.to}.${l.input}`);
    } else {
      links.push(`${h.port}.output -> ${name}.input`);
    }
    for (const q of ports) links.push(`${name}.to_${q} -> ${fronts.get(q)}.from_${name}`);
  }
  return { apps, links };
}

/** Ports that are a router's interface, from the links between them. */
function routerWires(graph: GraphConfig, ports: readonly string[]): FibWire[] {
  const out: FibWire[] = [];
  const isRouter = (a: string) => graph.apps[a]?.type === 'l3-router';
  for (const s of graph.links) {
    const l = parseLink(s);
    const w = isRouter(l.to) && l.output === 'output' && ports.includes(l.from) ? { port: l.from, router: l.to, iface: l.input }
      : isRouter(l.from) && l.input === 'input' && ports.includes(l.to) ? { port: l.to, router: l.from, iface: l.output } : null;
    if (w && !out.some((x) => x.port === w.port)) out.push(w);
  }
  return out;
}

/** The CLI form `PORT:FILE[,section=NAME][,program=NAME]` (PORT a name or an index, resolved by the caller). */
export function parseBpfOption(text: string): BpfHook {
  const colon = text.indexOf(':');
  if (colon <= 0) throw new Error(`--bpf "${text}": expected PORT:FILE.o[,section=NAME][,program=NAME]`);
  const [file, ...opts] = text.slice(colon + 1).split(',');
  if (!file) throw new Error(`--bpf "${text}": FILE is empty`);
  const hook: BpfHook = { port: text.slice(0, colon), file };
  for (const o of opts) {
    const m = /^(section|program)=(.+)$/.exec(o);
    if (!m) throw new Error(`--bpf "${text}": unknown option "${o}" (expected section=NAME or program=NAME)`);
    hook[m[1] as 'section' | 'program'] = m[2]!;
  }
  return hook;
}

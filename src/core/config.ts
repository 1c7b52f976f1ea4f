/**
 * A graph config is data (Snabb's config): apps by name with their type and args, and links
 * as "from.output -> to.input" strings. `diffConfig` computes what must change to go from
 * one config to the next, so a reconfiguration touches only what changed.
 */
export interface AppSpec {
  type: string;
  args?: unknown;
  /** Module URL/path exporting the app class (user apps); the export is `type` or default. */
  module?: string;
}

export interface GraphConfig {
  apps: Record<string, AppSpec>;
  links: string[];
}

export interface LinkEnds { from: string; output: string; to: string; input: string }

const NAME = '[A-Za-z_][\\w-]*';
const LINK_RE = new RegExp(`^\\s*(${NAME})\\.(${NAME})\\s*->\\s*(${NAME})\\.(${NAME})\\s*$`);

/** Parse "a.out -> b.in"; throws naming the bad link. */
export function parseLink(spec: string): LinkEnds {
  const m = LINK_RE.exec(spec);
  if (!m) throw new Error(`bad link "${spec}": expected "app.output -> app.input"`);
  return { from: m[1]!, output: m[2]!, to: m[3]!, input: m[4]! };
}

/** Canonical spelling of a link spec. */
export function linkKey(l: LinkEnds): string {
  return `${l.from}.${l.output} -> ${l.to}.${l.input}`;
}

/** Structural checks a config must pass before any app is built. */
export function checkConfig(c: GraphConfig): void {
  if (typeof c !== 'object' || c === null || typeof c.apps !== 'object' || c.apps === null || !Array.isArray(c.links)) {
    throw new Error('config must have "apps" (a map) and "links" (a list)');
  }
  for (const [name, a] of Object.entries(c.apps)) {
    if (!new RegExp(`^${NAME}$`).test(name)) throw new Error(`app name "${name}" must match ${NAME}`);
    if (typeof a?.type !== 'string' || a.type === '') throw new Error(`app "${name}": "type" is required`);
  }
  const outs = new Set<string>(), ins = new Set<string>();
  for (const s of c.links) {
    const l = parseLink(s);
    if (!(l.from in c.apps)) throw new Error(`link "${s}": unknown app "${l.from}"`);
    if (!(l.to in c.apps)) throw new Error(`link "${s}": unknown app "${l.to}"`);
    const o = `${l.from}.${l.output}`, i = `${l.to}.${l.input}`;
    if (outs.has(o)) throw new Error(`link "${s}": output ${o} is already linked`);
    if (ins.has(i)) throw new Error(`link "${s}": input ${i} is already linked`);
    outs.add(o); ins.add(i);
  }
}

export interface ConfigDiff {
  /** Apps to stop and remove (includes apps to restart). */
  stop: string[];
  /** Apps to create (includes apps to restart). */
  start: string[];
  /** Apps kept whose args changed: try reconfig() first, restart if it declines. */
  reconfig: string[];
  unlink: string[];
  link: string[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** `restart` names kept apps that must be rebuilt anyway (they declined reconfig). */
export function diffConfig(prev: GraphConfig, next: GraphConfig, restart: ReadonlySet<string> = new Set()): ConfigDiff {
  const d: ConfigDiff = { stop: [], start: [], reconfig: [], unlink: [], link: [] };
  for (const name of Object.keys(prev.apps)) {
    const a = prev.apps[name]!, b = next.apps[name];
    if (!b || a.type !== b.type || a.module !== b.module || restart.has(name)) d.stop.push(name);
    else if (!same(a.args, b.args)) d.reconfig.push(name);
  }
  for (const name of Object.keys(next.apps)) {
    const a = prev.apps[name], b = next.apps[name]!;
    if (!a || a.type !== b.type || a.module !== b.module || restart.has(name)) d.start.push(name);
  }
  const restarted = new Set(d.stop);
  const prevLinks = new Set(prev.links.map((s) => linkKey(parseLink(s))));
  const nextLinks = new Set(next.links.map((s) => linkKey(parseLink(s))));
  for (const k of prevLinks) {
    const l = parseLink(k);
    if (!nextLinks.has(k) || restarted.has(l.from) || restarted.has(l.to)) d.unlink.push(k);
  }
  for (const k of nextLinks) {
    const l = parseLink(k);
    if (!prevLinks.has(k) || restarted.has(l.from) || restarted.has(l.to)) d.link.push(k);
  }
  return d;
}

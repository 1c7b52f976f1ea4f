/**
 * Loads a run config from YAML: parse, validate against the schema, and report errors as
 * `FILE:LINE: field: message` using the YAML node positions. Then expands it into a graph:
 * `ports` (name → port spec) become port apps, `mode` joins them (patch/bridge), `apps` and
 * `links` add anything else, and `engines` (optional) splits the graph over worker threads.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve as resolvePath } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseDocument, LineCounter, isMap, isSeq, visit, type Document, type Node as YamlNode } from 'yaml';
import { Ajv } from 'ajv';
import { runConfigSchema } from './schema.js';
import type { GraphConfig } from '../core/config.js';
import { checkConfig, parseLink } from '../core/config.js';
import { parsePortSpec } from '../core/port-spec.js';
import { portApp } from '../core/port-kinds.js';
import { appType, appTypeNames } from '../core/registry.js';
import { resolveClass } from '../core/engine.js';
import { getThreadAffinity } from '../sys/index.js';

export interface RunConfig {
  pool?: { buffers?: number; bufferSize?: number; hugepages?: 'auto' | 'never' | 'require' };
  ports?: Record<string, string>;
  mode?: 'patch' | 'bridge' | 'none';
  apps?: GraphConfig['apps'];
  links?: string[];
  engines?: { name: string; cpu?: number; apps: string[] }[];
  idleSpellMs?: number;
  duration?: number;
}

export class ConfigError extends Error {}

const ajv = new Ajv({ allErrors: false, strict: false });
const validate = ajv.compile(runConfigSchema);

/** Find the YAML node at a JSON-pointer-like path to get its line. */
function nodeAt(root: YamlNode | null, path: string[]): YamlNode | null {
  let n: unknown = root;
  for (const key of path) {
    if (isMap(n)) n = n.items.find((it) => String((it.key as { value?: unknown })?.value ?? it.key) === key)?.value ?? n;
    else if (isSeq(n)) n = n.items[Number(key)] ?? n;
    else break;
  }
  return (n as YamlNode) ?? null;
}

function lineOf(lc: LineCounter, node: YamlNode | null): number {
  const off = node?.range?.[0];
  return off === undefined ? 1 : lc.linePos(off).line;
}

/** Parse and validate `text` (named `file` in errors). */
export function parseRunConfig(text: string, file: string): RunConfig {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true, stringKeys: true }); // collection keys: an error, not a warning
  if (doc.errors.length || doc.warnings.length) {
    const e = doc.errors[0] ?? doc.warnings[0]!; // a warning (unknown tag, ambiguous alias) is refused too
    throw new ConfigError(`${file}:${lc.linePos(e.pos[0]).line}: ${e.message.split('\n')[0]}`);
  }
  let data: unknown;
  try {
    data = doc.toJS();
  } catch (e) {
    // toJS resolves aliases: an alias to no anchor (or an alias bomb) throws a ReferenceError.
    throw new ConfigError(`${file}:${aliasLine(doc, lc)}: ${(e as Error).message.split('\n')[0]}`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new ConfigError(`${file}:1: the config must be a mapping (ports:, apps:, links:…)`);
  if (!validate(data)) {
    const err = validate.errors![0]!;
    const path = err.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    let field = path.join('.') || '(top level)';
    let msg = err.message ?? 'is invalid';
    if (err.keyword === 'additionalProperties') { const extra = (err.params as { additionalProperty: string }).additionalProperty; field = [...path, extra].join('.'); msg = 'is not a known field'; path.push(extra); }
    if (err.keyword === 'enum') msg += `: ${(err.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
    const badName = (err as { propertyName?: string }).propertyName;
    if (badName !== undefined) msg = `has a bad name ${JSON.stringify(badName)} (${msg})`;
    if (err.keyword === 'propertyNames') msg = `has a bad name ${JSON.stringify((err.params as { propertyName: string }).propertyName)}`;
    throw new ConfigError(`${file}:${lineOf(lc, nodeAt(doc.contents, path))}: ${field}: ${msg}`);
  }
  const cfg = data as RunConfig;
  // Semantic checks that need the whole document, still reported with a line.
  try { expandGraph(cfg); } catch (e) {
    const m = /"([^"]+)"/.exec((e as Error).message);
    const where = m ? findLine(text, m[1]!) : 1;
    throw new ConfigError(`${file}:${where}: ${(e as Error).message}`);
  }
  // A CPU this process may not run on fails here, naming the field, not in a worker's pinning.
  (cfg.engines ?? []).forEach((e, i) => {
    const bad = unavailableCpu(e.cpu === undefined ? [] : [e.cpu]);
    if (bad) throw new ConfigError(`${file}:${lineOf(lc, nodeAt(doc.contents, ['engines', String(i), 'cpu']))}: engines.${i}.cpu: ${bad}`);
  });
  return cfg;
}

/** Why one of `cpus` cannot be used by this process (sched_getaffinity), or undefined. */
export function unavailableCpu(cpus: readonly number[]): string | undefined {
  if (cpus.length === 0) return undefined;
  const allowed = getThreadAffinity();
  const bad = cpus.find((c) => !allowed.includes(c));
  return bad === undefined ? undefined : `CPU ${bad} is not available to this process (it may run on CPUs ${allowed.join(',')})`;
}

/** Line of the first alias that resolves to no anchor (1 when every alias resolves). */
function aliasLine(doc: Document, lc: LineCounter): number {
  let line = 1;
  visit(doc, {
    Alias(_, node) {
      if (node.resolve(doc) !== undefined) return undefined;
      line = lineOf(lc, node);
      return visit.BREAK;
    },
  });
  return line;
}

function findLine(text: string, needle: string): number {
  const i = text.indexOf(needle);
  return i < 0 ? 1 : text.slice(0, i).split('\n').length;
}

export function loadRunConfig(path: string): RunConfig {
  let text: string;
  try { text = readFileSync(path, 'utf8'); } catch (e) { throw new ConfigError(`${path}: cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`); }
  const cfg = parseRunConfig(text, path);
  // User app modules are named relative to the config file; make them absolute URLs so any
  // thread (worker engines included) can import them.
  for (const a of Object.values(cfg.apps ?? {})) {
    if (a.module && !/^[a-z]+:/.test(a.module)) a.module = pathToFileURL(resolvePath(dirname(resolvePath(path)), a.module)).href;
  }
  return cfg;
}

/** The whole graph (before splitting over engines). */
export function expandGraph(cfg: RunConfig): GraphConfig {
  const apps: GraphConfig['apps'] = {};
  const links: string[] = [];
  const ports = Object.entries(cfg.ports ?? {});
  for (const [name, spec] of ports) apps[name] = portApp(parsePortSpec(spec));
  const mode = cfg.mode ?? (ports.length ? 'patch' : 'none');
  if (mode === 'patch') {
    if (ports.length % 2) throw new Error(`mode patch needs an even number of ports; "${ports[ports.length - 1]![0]}" has no partner`);
    for (let i = 0; i < ports.length; i += 2) {
      const a = ports[i]![0], b = ports[i + 1]![0];
      links.push(`${a}.output -> ${b}.input`, `${b}.output -> ${a}.input`);
    }
  } else if (mode === 'bridge') {
    const members: Record<string, object> = {};
    for (const [name] of ports) {
      members[name] = {};
      links.push(`${name}.output -> br0.${name}`, `br0.${name} -> ${name}.input`);
    }
    apps.br0 = { type: 'l2-bridge', args: { ports: members } };
  }
  for (const [name, a] of Object.entries(cfg.apps ?? {})) {
    if (name in apps) throw new Error(`app "${name}" has the same name as a port`);
    apps[name] = a;
  }
  links.push(...(cfg.links ?? []));
  const g = { apps, links };
  checkConfig(g);
  for (const [name, a] of Object.entries(apps)) {
    if (!a.module && !appType(a.type)) throw new Error(`app "${name}": unknown type "${a.type}" (known: ${appTypeNames().join(', ')})`);
    if (!a.module) resolveClass(name, a); // validates args against the app's schema
    // Only `sluice switch --workers` runs the worker side of a spread port (Switch.workerGraphs).
    if (a.type === 'vhost-user' && (a.args as { workers?: number } | undefined)?.workers) {
      throw new Error(`app "${name}": "workers" is set by \`sluice switch --workers N\`; configs cannot spread queue pairs yet`);
    }
  }
  if (cfg.engines) splitEngines(g, cfg.engines);
  return g;
}

export interface EnginePlan { name: string; cpu?: number; graph: GraphConfig }

/**
 * Split a graph over engines: each app runs in exactly one engine; a link between engines
 * becomes a shared ring with `ring-tx` on one side and `ring-rx` on the other.
 */
export function splitEngines(g: GraphConfig, engines: NonNullable<RunConfig['engines']>): { plans: EnginePlan[]; rings: string[] } {
  const home = new Map<string, string>();
  for (const e of engines) for (const a of e.apps) {
    if (!(a in g.apps)) throw new Error(`engine "${e.name}": unknown app "${a}"`);
    if (home.has(a)) throw new Error(`app "${a}" is in engines "${home.get(a)}" and "${e.name}"`);
    home.set(a, e.name);
  }
  for (const a of Object.keys(g.apps)) if (!home.has(a)) throw new Error(`app "${a}" is not assigned to any engine`);
  const plans = new Map(engines.map((e) => [e.name, { name: e.name, ...(e.cpu !== undefined ? { cpu: e.cpu } : {}), graph: { apps: {}, links: [] } as GraphConfig }]));
  for (const [name, a] of Object.entries(g.apps)) plans.get(home.get(name)!)!.graph.apps[name] = a;
  const rings: string[] = [];
  for (const s of g.links) {
    const l = parseLink(s);
    const from = home.get(l.from)!, to = home.get(l.to)!;
    if (from === to) { plans.get(from)!.graph.links.push(s); continue; }
    const ring = `${l.from}_${l.output}__${l.to}_${l.input}`;
    rings.push(ring);
    plans.get(from)!.graph.apps[`${ring}_tx`] = { type: 'ring-tx', args: { ring } };
    plans.get(from)!.graph.links.push(`${l.from}.${l.output} -> ${ring}_tx.input`);
    plans.get(to)!.graph.apps[`${ring}_rx`] = { type: 'ring-rx', args: { ring } };
    plans.get(to)!.graph.links.push(`${ring}_rx.output -> ${l.to}.${l.input}`);
  }
  return { plans: [...plans.values()], rings };
}

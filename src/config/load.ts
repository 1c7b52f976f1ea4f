/**
 * Loads a run config from YAML: parse, validate against the schema, and report errors as
 * `FILE:LINE: field: message` using the YAML node positions. `runState` turns it into the
 * desired state that the runtime derives and places like any other front end's: `ports`
 * (name → port spec), joined by `mode` (patch/bridge), `apps` and `links` as given, and
 * `engines` (optional) placing the apps on pinned worker engines.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve as resolvePath } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseDocument, LineCounter, isMap, isSeq, visit, type Document, type Node as YamlNode } from 'yaml';
import { Ajv } from 'ajv';
import { runConfigSchema } from './schema.js';
import type { GraphConfig } from '../core/config.js';
import type { DataPlaneState } from '../runtime/state.js';
import { deriveGraph } from '../runtime/derive.js';
import { place, unavailableCpu } from '../runtime/place.js';
import { engineList } from '../runtime/host.js';

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
// Compiled on first use, not when the module loads.
let compiled: ReturnType<typeof ajv.compile> | undefined;
const validator = () => (compiled ??= ajv.compile(runConfigSchema));

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
  const validate = validator();
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
  try { checkRunConfig(cfg); } catch (e) {
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

/**
 * The config as a desired state (runtime/state.ts): `ports` joined by `mode` (patch: pairs in
 * the order given, as patch bridges; bridge: one learning bridge br0), `apps`, `links` and
 * the `engines` placement as given. Throws naming the port or app.
 */
export function runState(cfg: RunConfig): DataPlaneState {
  const ports = Object.entries(cfg.ports ?? {});
  const mode = cfg.mode ?? (ports.length ? 'patch' : 'none');
  const bridges: NonNullable<DataPlaneState['bridges']> = {};
  if (mode === 'patch') {
    if (ports.length % 2) throw new Error(`mode patch needs an even number of ports; "${ports[ports.length - 1]![0]}" has no partner`);
    for (let i = 0; i < ports.length; i += 2) bridges[`patch${i / 2}`] = { type: 'patch', ports: { [ports[i]![0]]: {}, [ports[i + 1]![0]]: {} } };
  } else if (mode === 'bridge') {
    bridges.br0 = { type: 'learning', ports: Object.fromEntries(ports.map(([n]) => [n, {}])) };
  }
  return {
    engine: {
      ...(cfg.pool?.buffers !== undefined ? { poolSize: cfg.pool.buffers } : {}),
      ...(cfg.idleSpellMs !== undefined ? { idleSpellMs: cfg.idleSpellMs } : {}),
    },
    ports: Object.fromEntries(ports.map(([n, spec]) => [n, { spec }])),
    bridges,
    ...(cfg.apps ? { apps: cfg.apps } : {}),
    ...(cfg.links ? { links: cfg.links } : {}),
    ...(cfg.engines ? { engines: cfg.engines } : {}),
  };
}

/** Check that the config derives and places (the run's engines are those it names). */
export function checkRunConfig(cfg: RunConfig): void {
  const s = runState(cfg);
  place(deriveGraph(s), s.engines ?? [], engineList(s).map((e) => e.name));
}

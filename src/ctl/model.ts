/**
 * The daemon's desired state as data (what `sluice apply` reads and `sluice show config`
 * prints): ports by spec, bridges with member ports, routers with interfaces and routes,
 * captures, and engine/API/metrics settings. The engine graph is derived from it
 * (runtime/derive.ts), so every change is: validate → diff → configure.
 *
 *   version: 1
 *   engine:  {idleSpellMs, maxSleepMs, poolSize, tickHz, workers, workerCpus}   settings: absent = unchanged
 *   api:     {socket, mode: "0660", group, allowDirs: [DIR]}     (fixed at start; allowDirs: see access.ts)
 *   metrics: {listen: "127.0.0.1:9469" | "off"}
 *   ports:   {NAME: {spec: "KIND:ARG,k=v,flag"}}                collections: absent = empty
 *   bridges: {NAME: {type: learning|flow|patch, ports: {PORT: {vlan?, trunk?}}, flows?: [..]}}
 *   routers: {NAME: {interfaces: {PORT: {mac, ipv4?, ipv6?}}, routes?: [{prefix, via?, dev?}]}}
 *   captures: [{port, file, dir: rx|tx|both, filter?}]
 *   bpf:     [{port, file, section?, program?}]   an XDP program on a port's receive side (apps/bpf)
 *   owners:  {"ports.NAME" | "captures.PORT FILE": {uid, gid, what}}  kept by the daemon (access.ts):
 *            objects made by callers other than root, re-checked at start; never taken from a document
 *
 * Contract: `validateState(x)` returns a checked `DesiredState` or throws `StateError`
 * whose message names the field (`ports.p0.spec: ...`). The model is kept exactly as given
 * (no defaults filled in), so printing it and reading it back is lossless.
 */
import { lazyRequire } from '../lib/lazy-require.js';
import { findConflict, missingArgument } from './claims.js';
import { NAME } from './state-schema.js';
import { validate as checkGenerated } from './state-validator.gen.js';
import { StateError, type DataPlaneState, type BridgeModel, type RouterModel, type CaptureModel } from '../runtime/state.js';

export type { PortModel, BridgeType, BridgeMember, BridgeModel, RouterInterface, RouteModel, RouterModel, CaptureModel, BpfModel, EngineSettings } from '../runtime/state.js';
export { StateError, bridgeOfports } from '../runtime/state.js';
export { NAME_RE, stateSchema } from './state-schema.js';

// Loaded when a document is first parsed or printed: a daemon starting from its state file
// (JSON) never needs it. Node resolves `yaml` to its CommonJS build for import and require alike.
const yaml = lazyRequire<typeof import('yaml')>('yaml');
export interface ApiSettings { socket?: string; mode?: string; group?: string | number; allowDirs?: string[] }
export interface MetricsSettings { listen?: string }
/** Who (other than root) made an object, and what it named then (its spec or file). */
export interface Owner { uid: number; gid: number; what: string }

/** The daemon's state: the data plane (runtime/state.ts; no free-form apps or engines) plus how it is served. */
export interface DesiredState extends Omit<DataPlaneState, 'apps' | 'links' | 'engines'> {
  version?: 1;
  api?: ApiSettings;
  metrics?: MetricsSettings;
  owners?: Record<string, Owner>;
}


/** The state schema compiled at build time (ajv standalone): no schema compile at start. */
const check = checkGenerated as ((x: unknown) => boolean) & { errors?: import('ajv').ErrorObject[] | null };

/** `a/b/c` → `a.b.c` (the way users name a field in YAML). */
function fieldName(instancePath: string, extra?: string): string {
  const parts = instancePath.split('/').filter(Boolean).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (extra) parts.push(extra);
  return parts.join('.') || '(top level)';
}

/** Validate a parsed document; returns it typed or throws StateError naming the field. */
export function validateState(x: unknown): DesiredState {
  if (x === null || x === undefined) x = {};
  if (!check(x)) {
    const e = check.errors![0]!;
    const p = e.params as Record<string, unknown>;
    const bad = (e as { propertyName?: string }).propertyName ?? p.propertyName;
    if (bad !== undefined) throw new StateError(`${fieldName(e.instancePath, String(bad))}: bad name (must match ${NAME})`);
    if (e.keyword === 'additionalProperties') throw new StateError(`${fieldName(e.instancePath, String(p.additionalProperty))}: unknown field`);
    if (e.keyword === 'required') throw new StateError(`${fieldName(e.instancePath, String(p.missingProperty))}: required`);
    if (e.keyword === 'enum') throw new StateError(`${fieldName(e.instancePath)}: must be one of ${(p.allowedValues as unknown[]).join(', ')}`);
    throw new StateError(`${fieldName(e.instancePath)}: ${e.message}`);
  }
  const s = x as DesiredState;
  checkReferences(s);
  return s;
}

/** Cross-references the schema cannot express: names unique, members exist, one owner per port, one port per socket/interface/file (claims.ts). */
function checkReferences(s: DesiredState): void {
  const ports = s.ports ?? {};
  const owner = new Map<string, string>();
  const claim = (port: string, by: string, field: string) => {
    if (!(port in ports)) throw new StateError(`${field}: no port named "${port}"`);
    const prev = owner.get(port);
    if (prev) throw new StateError(`${field}: port "${port}" is already attached to ${prev}`);
    owner.set(port, by);
  };
  const taken = new Set(Object.keys(ports));
  for (const [name, b] of Object.entries(s.bridges ?? {})) {
    if (taken.has(name)) throw new StateError(`bridges.${name}: name already used by a port`);
    taken.add(name);
    const members = Object.keys(b.ports);
    for (const p of members) claim(p, `bridge "${name}"`, `bridges.${name}.ports.${p}`);
    const type = b.type ?? 'learning';
    if (type === 'patch' && members.length > 2) throw new StateError(`bridges.${name}.ports: a patch joins at most 2 ports, got ${members.length}`);
    if (type !== 'flow' && b.flows !== undefined) throw new StateError(`bridges.${name}.flows: only bridges of type flow have flows`);
    if (type !== 'learning') {
      for (const [p, m] of Object.entries(b.ports)) {
        if (m.vlan !== undefined || m.trunk !== undefined) throw new StateError(`bridges.${name}.ports.${p}: vlan/trunk apply to learning bridges only`);
      }
    }
    const ofports = new Map<number, string>();
    for (const [p, m] of Object.entries(b.ports)) {
      if (m.ofport !== undefined && ofports.has(m.ofport)) throw new StateError(`bridges.${name}.ports.${p}.ofport: ${m.ofport} is already port ${ofports.get(m.ofport)}'s`);
      if (m.ofport !== undefined) ofports.set(m.ofport, p);
      if (m.vlan !== undefined && m.trunk !== undefined) throw new StateError(`bridges.${name}.ports.${p}: a port is either access (vlan) or trunk, not both`);
    }
  }
  for (const [name, r] of Object.entries(s.routers ?? {})) {
    if (taken.has(name)) throw new StateError(`routers.${name}: name already used by a port or bridge`);
    taken.add(name);
    for (const p of Object.keys(r.interfaces)) claim(p, `router "${name}"`, `routers.${name}.interfaces.${p}`);
    (r.routes ?? []).forEach((rt, i) => {
      if (rt.dev !== undefined && !(rt.dev in r.interfaces)) throw new StateError(`routers.${name}.routes.${i}.dev: "${rt.dev}" is not an interface of ${name}`);
      if (rt.via === undefined && rt.dev === undefined) throw new StateError(`routers.${name}.routes.${i}: needs via or dev`);
    });
  }
  (s.captures ?? []).forEach((c, i) => {
    if (!(c.port in ports)) throw new StateError(`captures.${i}.port: no port named "${c.port}"`);
  });
  (s.bpf ?? []).forEach((b, i) => {
    if (!(b.port in ports)) throw new StateError(`bpf.${i}.port: no port named "${b.port}"`);
    if ((s.bpf ?? []).findIndex((x) => x.port === b.port) !== i) throw new StateError(`bpf.${i}.port: port ${b.port} already has a program`);
  });
  for (const [n, p] of Object.entries(ports)) {
    const missing = missingArgument(p.spec);
    if (missing) throw new StateError(`ports.${n}.spec: ${missing}`);
  }
  const c = findConflict(s);
  if (c) throw new StateError(`${c.field}: ${c.what} is already held by ${c.holder}`);
}

/** Parse YAML (or JSON) text into a validated state; YAML syntax errors name the line. */
export function parseState(text: string, source = 'config'): DesiredState {
  let doc: unknown;
  try {
    const d = yaml().parseDocument(text, { prettyErrors: true, uniqueKeys: true, stringKeys: true }); // a collection as a key is an error
    // A warning (an unknown tag, an ambiguous alias) is refused like an error: it names the line.
    const first = d.errors[0] ?? d.warnings[0];
    if (first) throw first;
    doc = d.toJS();
  } catch (e) {
    throw new StateError(`${source}: ${(e as Error).message.split('\n')[0]}`);
  }
  try {
    return validateState(doc);
  } catch (e) {
    throw new StateError(`${source}: ${(e as Error).message}`);
  }
}

/** Print a state as YAML, sections in a fixed order (what `sluice show config` prints). */
export function printState(s: DesiredState): string {
  const order: (keyof DesiredState)[] = ['version', 'engine', 'api', 'metrics', 'ports', 'bridges', 'routers', 'captures', 'bpf', 'owners'];
  const out: Record<string, unknown> = {};
  for (const k of order) if (s[k] !== undefined) out[k] = s[k];
  return yaml().stringify(out, { lineWidth: 0 });
}

/** Deep copy (the model is plain JSON data). */
export function cloneState(s: DesiredState): DesiredState { return structuredClone(s); }

/**
 * The state `next` describes when applied on top of `current`: settings sections missing
 * from `next` keep their current value; collections missing from `next` become empty.
 */
export function resolveApplied(current: DesiredState, next: DesiredState): DesiredState {
  const r: DesiredState = { version: 1 };
  for (const k of ['engine', 'api', 'metrics'] as const) {
    const v = next[k] ?? current[k];
    if (v !== undefined) (r as Record<string, unknown>)[k] = structuredClone(v);
  }
  for (const k of ['ports', 'bridges', 'routers', 'captures', 'bpf'] as const) {
    const v = next[k];
    if (v !== undefined && (Array.isArray(v) ? v.length > 0 : Object.keys(v).length > 0)) (r as Record<string, unknown>)[k] = structuredClone(v);
  }
  return r;
}

/**
 * What `apply` without --prune (and SIGHUP) makes of `doc`: every object in it is created
 * or replaced, and objects only in `current` stay — ports, bridges with their members and
 * flows, routers with their interfaces and routes, captures. Nothing made through the API
 * disappears because a file does not list it; `resolveApplied` (--prune) is the exact form.
 */
export function mergeApplied(current: DesiredState, doc: DesiredState): DesiredState {
  const r = resolveApplied(current, doc);
  const cur = cloneState(current);
  // The file's objects first, in its order, then those only the current state has.
  const ports = { ...r.ports, ...cur.ports, ...r.ports };
  const bridges: Record<string, BridgeModel> = { ...r.bridges, ...cur.bridges };
  for (const [n, b] of Object.entries(r.bridges ?? {})) {
    const old = cur.bridges?.[n];
    if (!old || (old.type ?? 'learning') !== (b.type ?? 'learning')) { bridges[n] = b; continue; }
    const flows = [...(old.flows ?? []), ...(b.flows ?? []).filter((f) => !(old.flows ?? []).includes(f))];
    bridges[n] = { ...b, ports: { ...b.ports, ...old.ports, ...b.ports }, ...(flows.length ? { flows } : {}) };
  }
  const routers: Record<string, RouterModel> = { ...r.routers, ...cur.routers };
  for (const [n, rt] of Object.entries(r.routers ?? {})) {
    const old = cur.routers?.[n];
    if (!old) { routers[n] = rt; continue; }
    const mine = new Set((rt.routes ?? []).map((x) => x.prefix));
    const routes = [...(old.routes ?? []).filter((x) => !mine.has(x.prefix)), ...(rt.routes ?? [])];
    routers[n] = { interfaces: { ...rt.interfaces, ...old.interfaces, ...rt.interfaces }, ...(routes.length ? { routes } : {}) };
  }
  const key = (c: CaptureModel) => `${c.port}\n${c.file}`;
  const fromDoc = new Set((r.captures ?? []).map(key));
  const captures = [...(cur.captures ?? []).filter((c) => !fromDoc.has(key(c))), ...(r.captures ?? [])];
  if (Object.keys(ports).length) r.ports = ports;
  if (Object.keys(bridges).length) r.bridges = bridges;
  if (Object.keys(routers).length) r.routers = routers;
  if (captures.length) r.captures = captures;
  const bpf = [...(cur.bpf ?? []).filter((b) => !(r.bpf ?? []).some((x) => x.port === b.port)), ...(r.bpf ?? [])];
  if (bpf.length) r.bpf = bpf;
  return r;
}


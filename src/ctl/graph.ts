/**
 * Derive the engine graph from the desired state (model.ts). Pure: the same state always
 * gives the same graph, so the engine's own diff (Engine.configure) touches only apps and
 * links whose derivation changed — adding a port to one bridge leaves every other bridge,
 * port and link alone.
 *
 * App names: each port is an app named after the port; each bridge and router is an app
 * named after it. Links, by bridge type:
 *   learning (l2-bridge):  PORT.output -> BR.PORT,  BR.PORT -> PORT.input
 *   flow (flow-table):     the same, args {ports: [...], flows: [...]}
 *   patch (no app):        A.output -> B.input, B.output -> A.input (cross-connect)
 * A bridge with no member ports derives to nothing (it exists in the state only).
 *   router (l3-router):    PORT.output -> R.PORT,  R.PORT -> PORT.input
 * Captures are applied last by the capture module's pure `applyCaptures` transform when the
 * build has it (passed in, so this module has no hard dependency on it).
 */
import type { GraphConfig, AppSpec } from '../core/config.js';
import { parsePortSpec } from '../core/port-spec.js';
import { portApp } from '../core/port-kinds.js';
import { StateError, type DesiredState, type CaptureModel } from './model.js';

export type CaptureTransform = (g: GraphConfig, captures: { port: string; file: string; dir: 'rx' | 'tx' | 'both'; filter?: string }[]) => GraphConfig;

/** The app a port spec stands for; throws StateError naming the port. */
export function portAppSpec(name: string, spec: string): AppSpec {
  try {
    return portApp(parsePortSpec(spec));
  } catch (e) {
    throw new StateError(`ports.${name}.spec: ${(e as Error).message}`);
  }
}

export function deriveGraph(s: DesiredState, captures?: CaptureTransform): GraphConfig {
  const apps: Record<string, AppSpec> = {};
  const links: string[] = [];
  for (const [name, p] of Object.entries(s.ports ?? {})) apps[name] = portAppSpec(name, p.spec);
  for (const [name, b] of Object.entries(s.bridges ?? {})) {
    const members = Object.keys(b.ports).sort();
    const type = b.type ?? 'learning';
    // A bridge without members has nothing to run yet (the apps need at least one port).
    if (members.length === 0) continue;
    if (type === 'patch') {
      if (members.length === 2) {
        const [a, c] = members as [string, string];
        links.push(`${a}.output -> ${c}.input`, `${c}.output -> ${a}.input`);
      }
      continue;
    }
    if (type === 'learning') {
      const ports: Record<string, unknown> = {};
      for (const m of members) ports[m] = structuredClone(b.ports[m]!);
      apps[name] = { type: 'l2-bridge', args: { ports } };
    } else {
      apps[name] = { type: 'flow-table', args: { ports: members, flows: [...(b.flows ?? [])] } };
    }
    for (const m of members) links.push(`${m}.output -> ${name}.${m}`, `${name}.${m} -> ${m}.input`);
  }
  for (const [name, r] of Object.entries(s.routers ?? {})) {
    const members = Object.keys(r.interfaces).sort();
    const interfaces: Record<string, unknown> = {};
    for (const m of members) interfaces[m] = structuredClone(r.interfaces[m]!);
    apps[name] = { type: 'l3-router', args: { interfaces, routes: structuredClone(r.routes ?? []) } };
    for (const m of members) links.push(`${m}.output -> ${name}.${m}`, `${name}.${m} -> ${m}.input`);
  }
  let g: GraphConfig = { apps, links };
  const caps = s.captures ?? [];
  if (caps.length > 0) {
    if (!captures) throw new StateError('captures: this build has no capture module (src/apps/capture)');
    g = captures(g, caps.map((c: CaptureModel) => ({ port: c.port, file: c.file, dir: c.dir ?? 'both', ...(c.filter !== undefined ? { filter: c.filter } : {}) })));
  }
  return g;
}

/**
 * The one derivation: desired state (state.ts) → engine graph. Pure: the same state always
 * gives the same graph, so the engine's own diff (Engine.configure) touches only apps and
 * links whose derivation changed — adding a port to one bridge leaves every other bridge,
 * port and link alone. Every front end (switch flags, run YAML, daemon state) goes through it.
 *
 * App names: each port is an app named after the port; each bridge and router is an app
 * named after it; `apps` keep their names. Links, by bridge type:
 *   learning (l2-bridge):  PORT.output -> BR.PORT,  BR.PORT -> PORT.input
 *   flow (flow-table):     the same, args {ports: [...], ofports: [...], flows: [...]}
 *   patch (no app):        A.output -> B.input, B.output -> A.input (cross-connect)
 * A bridge with no member ports derives to nothing (it exists in the state only).
 *   router (l3-router):    PORT.output -> R.PORT,  R.PORT -> PORT.input
 * Bonds (a port of kind bond, apps/bond):  MEMBER.output -> BOND.MEMBER,  BOND.MEMBER -> MEMBER.input;
 * a member port joins nothing else (no bridge, router or second bond).
 * `links` are added as given; XDP programs are applied next (apps/bpf applyBpf: bpf apps on
 * the ports' receive side, merge fronts on their inputs; ports numbered from 1 in `ports`
 * order), captures last (apps/capture applyCaptures).
 * Errors are StateError naming the field.
 */
import { checkConfig, type GraphConfig, type AppSpec } from '../core/config.js';
import { parsePortSpec } from '../core/port-spec.js';
import { portApp } from '../core/port-kinds.js';
import { appType, appTypeNames } from '../core/registry.js';
import { resolveClass } from '../core/engine.js';
import { applyCaptures } from '../apps/capture/graph.js';
import { applyBpf } from '../apps/bpf/graph.js';
import { parseFlow } from '../apps/flow-table/flow-parser.js';
import { StateError, bridgeOfports, type DataPlaneState } from './state.js';

/** The app a port spec stands for; throws StateError naming the port. */
export function portAppSpec(name: string, spec: string): AppSpec {
  try {
    return portApp(parsePortSpec(spec));
  } catch (e) {
    throw new StateError(`ports.${name}.spec: ${(e as Error).message}`);
  }
}

/** Link each bond's member ports to it; returns member → bond. Throws StateError naming the bond. */
function linkBondMembers(apps: Record<string, AppSpec>, links: string[]): Map<string, string> {
  const bondOf = new Map<string, string>();
  for (const [name, app] of Object.entries(apps)) {
    if (app.type !== 'bond') continue;
    for (const m of (app.args as { members: string[] }).members) {
      const field = `ports.${name}.spec`;
      if (!(m in apps)) throw new StateError(`${field}: member "${m}" is not a port`);
      if (apps[m]!.type === 'bond') throw new StateError(`${field}: member "${m}" is a bond itself`);
      const other = bondOf.get(m);
      if (other !== undefined) throw new StateError(`${field}: member "${m}" is already in bond ${other}`);
      bondOf.set(m, name);
      links.push(`${m}.output -> ${name}.${m}`, `${name}.${m} -> ${m}.input`);
    }
  }
  return bondOf;
}

export function deriveGraph(s: DataPlaneState): GraphConfig {
  const apps: Record<string, AppSpec> = {};
  const links: string[] = [];
  for (const [name, p] of Object.entries(s.ports ?? {})) apps[name] = portAppSpec(name, p.spec);
  const bondOf = linkBondMembers(apps, links);
  const notBonded = (field: string, port: string) => {
    const bond = bondOf.get(port);
    if (bond !== undefined) throw new StateError(`${field}: port "${port}" is a member of bond ${bond}; use the bond instead`);
  };
  for (const [name, b] of Object.entries(s.bridges ?? {})) {
    const members = Object.keys(b.ports).sort();
    for (const m of members) notBonded(`bridges.${name}.ports.${m}`, m);
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
      for (const m of members) { const { ofport: _n, ...member } = b.ports[m]!; ports[m] = structuredClone(member); }
      apps[name] = { type: 'l2-bridge', args: { ports } };
    } else {
      // Flow text is checked here, naming the flow: a flow-table app that failed to build
      // would leave a reconfiguration half done.
      const of = bridgeOfports(b);
      const pm = { names: members, ofports: members.map((m) => of[m]!) };
      (b.flows ?? []).forEach((f, i) => {
        try { parseFlow(f, pm); } catch (e) { throw new StateError(`bridges.${name}.flows.${i}: ${(e as Error).message}`); }
      });
      apps[name] = { type: 'flow-table', args: { ports: members, ofports: pm.ofports, flows: [...(b.flows ?? [])] } };
    }
    for (const m of members) links.push(`${m}.output -> ${name}.${m}`, `${name}.${m} -> ${m}.input`);
  }
  for (const [name, r] of Object.entries(s.routers ?? {})) {
    const members = Object.keys(r.interfaces).sort();
    for (const m of members) notBonded(`routers.${name}.interfaces.${m}`, m);
    const interfaces: Record<string, unknown> = {};
    for (const m of members) interfaces[m] = structuredClone(r.interfaces[m]!);
    apps[name] = { type: 'l3-router', args: { interfaces, routes: structuredClone(r.routes ?? []) } };
    for (const m of members) links.push(`${m}.output -> ${name}.${m}`, `${name}.${m} -> ${m}.input`);
  }
  for (const [name, a] of Object.entries(s.apps ?? {})) {
    if (name in apps) throw new StateError(`apps.${name}: app "${name}" has the same name as a ${s.ports?.[name] ? 'port' : 'bridge or router'}`);
    if (!a.module && !appType(a.type)) throw new StateError(`apps.${name}: app "${name}": unknown type "${a.type}" (known: ${appTypeNames().join(', ')})`);
    if ((a.args as { workers?: number } | undefined)?.workers) throw new StateError(`apps.${name}: app "${name}": "workers" is set by \`sluice switch --workers N\` (the daemon: engine.workers), which places queue pairs on worker engines; not by hand`);
    if (!a.module) {
      try { resolveClass(name, a); } catch (e) { throw new StateError(`apps.${name}: ${(e as Error).message}`); } // args against the app's schema
    }
    apps[name] = a;
  }
  links.push(...(s.links ?? []));
  let g: GraphConfig = { apps, links };
  try { checkConfig(g); } catch (e) { throw new StateError(`links: ${(e as Error).message}`); }
  try { g = applyBpf(g, s.bpf ?? [], Object.keys(s.ports ?? {})); } catch (e) { throw new StateError((e as Error).message); }
  const caps = s.captures ?? [];
  if (caps.length > 0) {
    try {
      g = applyCaptures(g, caps.map((c) => ({ port: c.port, file: c.file, dir: c.dir ?? 'both', ...(c.filter !== undefined ? { filter: c.filter } : {}) })));
    } catch (e) {
      if ((e as Error).name === 'FilterError') throw e; // names the bad token; callers say where
      throw new StateError((e as Error).message); // names the port
    }
  }
  return g;
}

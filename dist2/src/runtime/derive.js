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
 * `links` are added as given; captures are applied last (apps/capture applyCaptures).
 * Errors are StateError naming the field.
 */
import { checkConfig } from '../core/config.js';
import { parsePortSpec } from '../core/port-spec.js';
import { portApp } from '../core/port-kinds.js';
import { appType, appTypeNames } from '../core/registry.js';
import { resolveClass } from '../core/engine.js';
import { applyCaptures } from '../apps/capture/graph.js';
import { parseFlow } from '../apps/flow-table/flow-parser.js';
import { StateError, bridgeOfports } from './state.js';
/** The app a port spec stands for; throws StateError naming the port. */
export function portAppSpec(name, spec) {
    try {
        return portApp(parsePortSpec(spec));
    }
    catch (e) {
        throw new StateError(`ports.${name}.spec: ${e.message}`);
    }
}
export function deriveGraph(s) {
    const apps = {};
    const links = [];
    for (const [name, p] of Object.entries(s.ports ?? {}))
        apps[name] = portAppSpec(name, p.spec);
    for (const [name, b] of Object.entries(s.bridges ?? {})) {
        const members = Object.keys(b.ports).sort();
        const type = b.type ?? 'learning';
        // A bridge without members has nothing to run yet (the apps need at least one port).
        if (members.length === 0)
            continue;
        if (type === 'patch') {
            if (members.length === 2) {
                const [a, c] = members;
                links.push(`${a}.output -> ${c}.input`, `${c}.output -> ${a}.input`);
            }
            continue;
        }
        if (type === 'learning') {
            const ports = {};
            for (const m of members) {
                const { ofport: _n, ...member } = b.ports[m];
                ports[m] = structuredClone(member);
            }
            apps[name] = { type: 'l2-bridge', args: { ports } };
        }
        else {
            // Flow text is checked here, naming the flow: a flow-table app that failed to build
            // would leave a reconfiguration half done.
            const of = bridgeOfports(b);
            const pm = { names: members, ofports: members.map((m) => of[m]) };
            (b.flows ?? []).forEach((f, i) => {
                try {
                    parseFlow(f, pm);
                }
                catch (e) {
                    throw new StateError(`bridges.${name}.flows.${i}: ${e.message}`);
                }
            });
            apps[name] = { type: 'flow-table', args: { ports: members, ofports: pm.ofports, flows: [...(b.flows ?? [])] } };
        }
        for (const m of members)
            links.push(`${m}.output -> ${name}.${m}`, `${name}.${m} -> ${m}.input`);
    }
    for (const [name, r] of Object.entries(s.routers ?? {})) {
        const members = Object.keys(r.interfaces).sort();
        const interfaces = {};
        for (const m of members)
            interfaces[m] = structuredClone(r.interfaces[m]);
        apps[name] = { type: 'l3-router', args: { interfaces, routes: structuredClone(r.routes ?? []) } };
        for (const m of members)
            links.push(`${m}.output -> ${name}.${m}`, `${name}.${m} -> ${m}.input`);
    }
    for (const [name, a] of Object.entries(s.apps ?? {})) {
        if (name in apps)
            throw new StateError(`apps.${name}: app "${name}" has the same name as a ${s.ports?.[name] ? 'port' : 'bridge or router'}`);
        if (!a.module && !appType(a.type))
            throw new StateError(`apps.${name}: app "${name}": unknown type "${a.type}" (known: ${appTypeNames().join(', ')})`);
        if (a.args?.workers)
            throw new StateError(`apps.${name}: app "${name}": "workers" is set by \`sluice switch --workers N\` (the daemon: engine.workers), which places queue pairs on worker engines; not by hand`);
        if (!a.module) {
            try {
                resolveClass(name, a);
            }
            catch (e) {
                throw new StateError(`apps.${name}: ${e.message}`);
            } // args against the app's schema
        }
        apps[name] = a;
    }
    links.push(...(s.links ?? []));
    let g = { apps, links };
    try {
        checkConfig(g);
    }
    catch (e) {
        throw new StateError(`links: ${e.message}`);
    }
    const caps = s.captures ?? [];
    if (caps.length > 0) {
        try {
            g = applyCaptures(g, caps.map((c) => ({ port: c.port, file: c.file, dir: c.dir ?? 'both', ...(c.filter !== undefined ? { filter: c.filter } : {}) })));
        }
        catch (e) {
            if (e.name === 'FilterError')
                throw e; // names the bad token; callers say where
            throw new StateError(e.message); // names the port
        }
    }
    return g;
}
//# sourceMappingURL=derive.js.map
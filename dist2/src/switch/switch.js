import { parsePortSpec, specWithout, PortSpecError } from '../core/port-spec.js';
import { portApp } from '../core/port-kinds.js';
import { appType } from '../core/registry.js';
import { Host, engineList } from '../runtime/host.js';
const BRIDGE = 'br0';
export class Switch {
    host;
    ports = [];
    /** Packet captures (see apps/capture). */
    captures = [];
    mode;
    workers;
    cpus;
    constructor(opts = {}) {
        this.mode = opts.mode ?? 'patch';
        this.workers = opts.workers ?? 0;
        this.cpus = opts.cpus;
        this.host = new Host({
            ...(opts.poolSize !== undefined ? { poolSize: opts.poolSize } : {}), ...(opts.bufSize !== undefined ? { bufSize: opts.bufSize } : {}),
            ...(opts.runner ? { runner: opts.runner } : {}), ...(opts.log ? { log: opts.log } : {}),
            engines: engineList({ engine: { workers: this.workers, ...(opts.cpus ? { workerCpus: opts.cpus } : {}) } }),
        });
    }
    get engine() { return this.host.engine; }
    get pool() { return this.host.pool; }
    get runner() { return this.host.runner; }
    /** Add a port from its spec; `name` defaults to p<N>. Reconfigures the running engine. */
    addPort(specText, name) {
        const spec = parsePortSpec(specText);
        const given = typeof spec.options.name === 'string' ? spec.options.name : name;
        delete spec.options.name;
        let n = given;
        if (n === undefined) {
            let i = 0;
            while (this.ports.some((p) => p.name === `p${i}`))
                i++;
            n = `p${i}`;
        }
        if (!/^[A-Za-z_][\w-]*$/.test(n) || n === BRIDGE)
            throw new PortSpecError(`bad port name "${n}"`);
        if (this.ports.some((p) => p.name === n))
            throw new PortSpecError(`port "${n}" already exists`);
        portApp(spec); // validate the options before changing anything
        const entry = { name: n, spec };
        this.ports.push(entry);
        try {
            this.apply();
        }
        catch (e) {
            this.ports.pop();
            throw e;
        }
        return entry;
    }
    removePort(name) {
        const i = this.ports.findIndex((p) => p.name === name);
        if (i < 0)
            throw new PortSpecError(`no port named "${name}"`);
        const [removed] = this.ports.splice(i, 1);
        const caps = this.captures.filter((c) => c.port === name);
        for (const c of caps)
            this.captures.splice(this.captures.indexOf(c), 1);
        try {
            this.apply();
        }
        catch (e) {
            this.ports.splice(i, 0, removed);
            this.captures.push(...caps);
            throw e;
        }
    }
    /** Capture a port's rx and/or tx into a pcapng file or FIFO; `port` is a name or an index. */
    addCapture(spec) {
        const byIndex = /^\d+$/.test(spec.port) ? this.ports[Number(spec.port)] : undefined;
        const port = this.ports.some((p) => p.name === spec.port) ? spec.port : byIndex?.name;
        if (port === undefined)
            throw new PortSpecError(`capture: no port named or numbered "${spec.port}" (ports: ${this.ports.map((p) => p.name).join(', ') || 'none'})`);
        const c = { ...spec, port };
        this.captures.push(c);
        try {
            this.apply();
        }
        catch (e) {
            this.captures.pop();
            throw e;
        }
        return c;
    }
    /** The switch as a desired state: patch pairs as patch bridges, or one learning bridge. */
    state() {
        const ports = {};
        for (const p of this.ports)
            ports[p.name] = { spec: specWithout(p.spec.text, 'name') };
        const bridges = {};
        if (this.mode === 'patch') {
            for (let i = 0; i < this.ports.length; i += 2) {
                const pair = this.ports.slice(i, i + 2);
                bridges[`patch${i / 2}`] = { type: 'patch', ports: Object.fromEntries(pair.map((p) => [p.name, {}])) };
            }
        }
        else {
            if (!appType('l2-bridge'))
                throw new PortSpecError('bridge mode needs the l2-bridge app, which is not available');
            bridges[BRIDGE] = { type: 'learning', ports: Object.fromEntries(this.ports.map((p) => [p.name, {}])) };
        }
        return {
            engine: { workers: this.workers, ...(this.cpus ? { workerCpus: this.cpus } : {}) },
            ports, bridges,
            ...(this.captures.length ? { captures: this.captures.map((c) => ({ port: c.port, file: c.file, dir: c.dir, ...(c.filter !== undefined ? { filter: c.filter } : {}) })) } : {}),
        };
    }
    apply() { this.host.apply(this.state()); }
    /** Resolves when the worker engines run the current graph (rejects if configuring them failed). */
    workersReady() { return this.host.ready(); }
    start() { this.host.start(); }
    /** Stop polling, push out what is queued, stop every app; returns the final summary. */
    async stop() {
        const final = await this.host.stop();
        const summary = this.summary(final);
        this.reportLeaks();
        return summary;
    }
    reportLeaks() { return this.host.reportLeaks(); }
    /** Per-port counters in the documented JSON shape. */
    summary(stats = this.engine.stats()) {
        return {
            ports: this.ports.map((p) => {
                const a = stats.apps[p.name];
                const x = a.extra;
                return {
                    name: p.name, spec: p.spec.text, rx: a.rx, tx: a.tx, drops: a.drops,
                    ...(x?.placement ? { placement: x.placement } : {}), ...(x?.offloads ? { offloads: x.offloads } : {}),
                };
            }),
        };
    }
    close() { this.host.close(); }
}
//# sourceMappingURL=switch.js.map
import { closeFd } from '../sys/index.js';
import { createSharedPool } from '../core/shared-pool.js';
import { DEFAULT_BUF_SIZE } from '../core/packet.js';
import { Engine, loadAppModules } from '../core/engine.js';
import { EngineRunner } from '../core/runner.js';
import { EngineWorker } from '../core/worker.js';
import { Ring } from '../core/ring.js';
import { createSharedRing } from '../core/interlink.js';
import { deriveGraph } from './derive.js';
import { place, workerGraphs } from './place.js';
import { ApplyError, StateError } from './state.js';
const RING_SIZE = 4096;
/** Worker engines a state asks for: its named `engines`, or `engine.workers` anonymous ones on `workerCpus`. */
export function engineList(s) {
    if (s.engines?.length) {
        if (s.engine?.workers)
            throw new StateError('engine.workers: engines are either named (engines:) or counted (engine.workers), not both');
        return s.engines.map((e) => ({ name: e.name, ...(e.cpu !== undefined ? { cpu: e.cpu } : {}) }));
    }
    const cpus = s.engine?.workerCpus ?? [];
    return Array.from({ length: s.engine?.workers ?? 0 }, (_, k) => ({ name: `worker${k}`, ...(cpus.length ? { cpu: cpus[k % cpus.length] } : {}) }));
}
/** Host options a state's engine settings ask for (front ends add logging and runner details). */
export function hostOptions(s) {
    const e = s.engine ?? {};
    return {
        ...(e.poolSize !== undefined ? { poolSize: e.poolSize } : {}),
        ...(e.tickHz !== undefined ? { tickHz: e.tickHz } : {}),
        runner: { ...(e.idleSpellMs !== undefined ? { idleSpellMs: e.idleSpellMs } : {}), ...(e.maxSleepMs !== undefined ? { maxSleepMs: e.maxSleepMs } : {}) },
        engines: engineList(s),
    };
}
/** Engine indices with every engine after the engines that feed it through rings. */
function stopOrder(graphs) {
    const owner = new Map();
    graphs.forEach((g, i) => { for (const a of Object.values(g.apps))
        if (a.type === 'ring-tx')
            owner.set(a.args.ring, i); });
    const feeds = graphs.map(() => new Set());
    graphs.forEach((g, i) => { for (const a of Object.values(g.apps))
        if (a.type === 'ring-rx') {
            const from = owner.get(a.args.ring);
            if (from !== undefined && from !== i)
                feeds[i].add(from);
        } });
    const order = [];
    const done = new Set();
    while (order.length < graphs.length) {
        const next = graphs.findIndex((_, i) => !done.has(i) && [...feeds[i]].every((f) => done.has(f)));
        const pick = next >= 0 ? next : graphs.findIndex((_, i) => !done.has(i)); // a cycle: any order
        done.add(pick);
        order.push(pick);
    }
    return order;
}
export class Host {
    region;
    pool;
    engine;
    runner;
    /** Whether the pool is locked in memory (mlock). */
    locked;
    workers = [];
    workerNames;
    opts;
    rings = new Map();
    workerConfigs = [];
    workersMade = false;
    /** The workers' configuration, applied in order after each change of the main graph. */
    sync = Promise.resolve();
    syncError = null;
    closed = false;
    constructor(opts = {}) {
        this.opts = opts;
        const count = opts.poolSize ?? 16384;
        ({ region: this.region, pool: this.pool, locked: this.locked } = createSharedPool(count, opts.bufSize ?? DEFAULT_BUF_SIZE, {
            ...(opts.hugepages ? { hugepages: opts.hugepages } : {}), ...(opts.quietPool ? { quiet: true } : {}),
        }));
        this.engine = new Engine(this.pool, { ...(opts.tickHz !== undefined ? { tickHz: opts.tickHz } : {}), ...(opts.log ? { log: opts.log } : {}) });
        this.runner = new EngineRunner(this.engine, opts.runner);
        this.workerNames = (opts.engines ?? []).map((e) => e.name);
    }
    /** The graph `s` derives to and its placement on the engines (throws StateError naming the field). */
    plan(s) {
        return place(deriveGraph(s), s.engines ?? [], this.workerNames);
    }
    /** Load the modules of user apps (`apps: {x: {module}}`) before `apply`. */
    async load(s) {
        await loadAppModules({ apps: s.apps ?? {}, links: [] });
    }
    /** Reconfigure every engine to `s` (or to a plan of it already made). Throws StateError or ApplyError; nothing changes then. */
    apply(s, planned = this.plan(s)) {
        if (!this.workersMade)
            this.makeWorkers(planned.rings);
        const missing = planned.rings.find((r) => !this.rings.has(r));
        if (missing !== undefined)
            throw new StateError(`engines: a link between engines needs ring ${missing}, but rings are made when the engines start`);
        this.configureMain(planned.main, s);
        this.workerConfigs = workerGraphs(planned, this.workerNames, (n) => this.engine.apps.get(n)?.spread?.());
        const graphs = this.workerConfigs;
        this.sync = this.sync.then(async () => {
            await Promise.all(this.workers.map((w, k) => w.configure(graphs[k])));
        }).catch((e) => {
            this.syncError = e;
            console.error(`sluice: configuring the worker engines failed: ${e.message}`);
        });
    }
    makeWorkers(rings) {
        this.workersMade = true;
        for (const r of rings)
            this.rings.set(r, createSharedRing(RING_SIZE));
        const ringMap = Object.fromEntries(this.rings);
        const idle = this.opts.runner?.idleSpellMs;
        for (const e of this.opts.engines ?? []) {
            this.workers.push(new EngineWorker({
                name: e.name, pool: { fd: this.region.fd, size: this.region.size, count: this.pool.count, bufSize: this.pool.bufSize }, rings: ringMap,
                modules: [new URL('./builtin-register.js', import.meta.url).href],
                ...(e.cpu !== undefined ? { cpu: e.cpu } : {}),
                ...(idle !== undefined ? { idleSpellMs: idle } : {}),
                ...(this.opts.log ? { log: this.opts.log } : {}),
            }));
        }
    }
    /** Two-step configure of the main engine (see header). */
    configureMain(graph, s) {
        const engine = this.engine;
        const cur = engine.currentConfig();
        const added = Object.keys(graph.apps).filter((n) => !(n in cur.apps));
        try {
            if (added.length > 0) {
                const step1 = { apps: { ...cur.apps }, links: cur.links };
                for (const n of added)
                    step1.apps[n] = graph.apps[n];
                const before = new Set(engine.apps.keys());
                try {
                    engine.configure(step1);
                }
                catch (e) {
                    // Name the port whose app could not be made (a socket directory missing, a file...).
                    const failed = added.find((n) => !engine.apps.has(n));
                    const named = failed !== undefined && s.ports?.[failed] !== undefined && !e.message.includes(failed);
                    for (const [n, app] of [...engine.apps]) {
                        if (before.has(n))
                            continue;
                        try {
                            app.stop?.();
                        }
                        catch { /* best effort */ }
                        engine.apps.delete(n);
                    }
                    throw new ApplyError(named ? `ports.${failed}.spec` : undefined, e);
                }
            }
            try {
                engine.configure(graph);
            }
            catch (e) {
                throw new ApplyError(undefined, e);
            }
        }
        finally {
            this.runner.refresh();
            this.runner.kick();
        }
    }
    /** Resolves when the worker engines run the current graph (rejects if configuring them failed). */
    async ready() {
        await this.sync;
        if (this.syncError)
            throw this.syncError;
    }
    start() { this.runner.start(); }
    /** Every engine's stats as one (app names are unique across engines). */
    async stats() {
        const all = [this.engine.stats(), ...(await Promise.all(this.workers.map((w) => w.stats())))];
        return merge(all);
    }
    /**
     * Stop polling, stop the workers (upstream engines first, so packets in flight reach the
     * engines downstream), push out what the main engine holds, stop every app. Returns the
     * final stats of every engine; the host can then only be closed.
     */
    async stop() {
        await this.runner.stop();
        await this.sync;
        const finals = [];
        if (this.workers.length > 0) {
            const byIndex = [];
            for (const i of stopOrder(this.workerConfigs.length ? this.workerConfigs : this.workers.map(() => ({ apps: {}, links: [] })))) {
                byIndex[i] = await this.workers[i].stop().catch(() => emptyStats());
            }
            finals.push(...byIndex);
        }
        this.engine.drain();
        const main = this.engine.stats();
        this.engine.stop();
        const all = merge([main, ...finals]);
        // Anything still in a ring (a cycle of engines has no safe order) is freed and counted.
        for (const [r, shared] of this.rings) {
            const ring = new Ring(shared.buffer, 0, RING_SIZE, 'spsc');
            const b = new Uint32Array(64);
            let n;
            while ((n = ring.dequeueBurst(b, 0, 64)) > 0) {
                for (let i = 0; i < n; i++)
                    this.pool.free(b[i]);
                const d = all.apps[`${r}_rx`]?.drops;
                if (d)
                    d.shutdown = (d.shutdown ?? 0) + n;
            }
            closeFd(shared.doorbell);
        }
        this.rings.clear();
        return all;
    }
    /**
     * After a full stop every buffer must be back in the pool; any still allocated was leaked
     * by an app. Reported on stderr; with SLUICE_DEBUG=1 the handles are listed.
     */
    reportLeaks() {
        const { inUse } = this.pool.audit();
        if (inUse > 0) {
            let detail = '';
            if (process.env.SLUICE_DEBUG === '1') {
                const held = [];
                for (let p = 0; p < this.pool.count && held.length < 32; p++)
                    if (this.pool.state[p] === 1)
                        held.push(p);
                detail = ` (handles ${held.join(', ')}${inUse > held.length ? ', ...' : ''})`;
            }
            console.error(`sluice: ${inUse} packet buffer(s) leaked: still allocated after every app stopped${detail}`);
        }
        return inUse;
    }
    /** Unmap the pool (after stop). */
    close() {
        if (this.closed)
            return;
        this.closed = true;
        this.region.close();
    }
}
function emptyStats() { return { breaths: 0, busyBreaths: 0, apps: {}, links: {}, shutdownDrops: 0 }; }
/** Engines' stats as one, the main engine's first. */
function merge(all) {
    const m = emptyStats();
    for (const s of all) {
        m.breaths += s.breaths;
        m.busyBreaths += s.busyBreaths;
        m.shutdownDrops += s.shutdownDrops;
        // A spread port has an app of its name on the main engine and on each worker: the main
        // engine's reports the whole port (its placement lists what each worker moved).
        for (const [k, v] of Object.entries(s.apps))
            if (!(k in m.apps))
                m.apps[k] = v;
        for (const [k, v] of Object.entries(s.links))
            if (!(k in m.links))
                m.links[k] = v;
    }
    return m;
}
//# sourceMappingURL=host.js.map
/**
 * Runs a validated RunConfig until a signal or its duration, then drains and returns the
 * summary: `{ ports: [...], apps: {...} }` (ports in the `sluice switch` JSON shape; apps
 * with their counters and reports). The config becomes a desired state (load.ts runState)
 * that a Host runs: on the main engine, or with `engines:` on pinned worker engines joined
 * by rings (runtime/place.ts).
 */
import { DEFAULT_BUF_SIZE } from '../core/packet.js';
import { Host, hostOptions } from '../runtime/host.js';
import { runState } from './load.js';
function summarize(cfg, apps) {
    const ports = Object.entries(cfg.ports ?? {}).map(([name, spec]) => {
        const a = apps[name];
        return { name, spec, rx: a.rx, tx: a.tx, drops: a.drops };
    });
    return { ports, apps: Object.entries(apps).map(([name, { extra, ...a }]) => ({ name, ...a, ...(extra ? { info: extra } : {}) })) };
}
function waitForEnd(duration) {
    return new Promise((resolve) => {
        const done = () => { process.off('SIGINT', done); process.off('SIGTERM', done); clearTimeout(t); resolve(); };
        process.once('SIGINT', done);
        process.once('SIGTERM', done);
        const t = duration !== undefined ? setTimeout(done, duration * 1000) : undefined;
    });
}
function printStats(apps) {
    for (const [name, a] of Object.entries(apps)) {
        const drops = Object.entries(a.drops).map(([k, v]) => `${k}=${v}`).join(' ') || '-';
        console.error(`${name.padEnd(10)} rx ${a.rx.packets}  tx ${a.tx.packets}  drops ${drops}`);
    }
}
export async function runConfig(cfg, opts) {
    const state = runState(cfg);
    const host = new Host({ ...hostOptions(state), bufSize: cfg.pool?.bufferSize ?? DEFAULT_BUF_SIZE, hugepages: cfg.pool?.hugepages ?? 'auto' });
    try {
        try {
            await host.load(state);
            host.apply(state);
            await host.ready();
        }
        catch (e) {
            await host.stop().catch(() => { }); // the worker threads end, the ports made go
            throw e;
        }
        host.start();
        const timer = opts.stats ? setInterval(() => { void host.stats().then((s) => printStats(s.apps)); }, opts.stats * 1000) : undefined;
        await waitForEnd(opts.duration);
        if (timer)
            clearInterval(timer);
        return summarize(cfg, (await host.stop()).apps);
    }
    finally {
        host.close();
    }
}
//# sourceMappingURL=run.js.map
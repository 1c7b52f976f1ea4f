export function collectStats(state, engine, runner) {
    const s = engine.stats();
    const ports = [];
    const apps = [];
    const drops = {};
    const addDrops = (d) => { for (const [k, v] of Object.entries(d))
        drops[k] = (drops[k] ?? 0) + v; };
    let inP = 0, outP = 0, queued = 0;
    for (const [name, a] of Object.entries(s.apps)) {
        const cost = runner.costs.get(name);
        apps.push({
            name, type: a.type, rx: a.rx, tx: a.tx, polls: a.polls, drops: a.drops,
            cost: { ns: Math.round(cost?.ns ?? 0), packets: cost?.packets ?? 0, nsPerPacket: cost && cost.packets > 0 ? Math.round((cost.ns / cost.packets) * 10) / 10 : null },
        });
        addDrops(a.drops);
    }
    for (const [name, p] of Object.entries(state.ports ?? {})) {
        const a = s.apps[name];
        if (!a)
            continue;
        const kind = p.spec.split(':', 1)[0];
        const ps = { name, kind, spec: p.spec, rx: a.rx, tx: a.tx, polls: a.polls, drops: a.drops };
        if (a.extra) {
            const { queues, ...info } = a.extra;
            if (queues !== undefined)
                ps.queues = queues;
            if (Object.keys(info).length)
                ps.info = info;
        }
        ports.push(ps);
        inP += a.rx.packets;
        outP += a.tx.packets;
    }
    for (const l of Object.values(s.links))
        queued += l.queued;
    if (s.shutdownDrops > 0)
        drops.shutdown = (drops.shutdown ?? 0) + s.shutdownDrops;
    let dropped = 0;
    for (const v of Object.values(drops))
        dropped += v;
    const audit = engine.pool.audit();
    return {
        time: new Date().toISOString(),
        ports, apps, links: Object.entries(s.links).map(([link, l]) => ({ link, ...l })),
        engine: {
            breaths: s.breaths, busyBreaths: s.busyBreaths, busyMs: Math.round(runner.busyMs * 1000) / 1000, idleMs: Math.round(runner.idleMs * 1000) / 1000,
            sleeps: runner.sleeps, fdWakeups: runner.fdWakeups, idleSpellMs: runner.idleSpellMs, maxSleepMs: runner.maxSleepMs,
        },
        pool: { count: audit.count, free: audit.free + audit.cached, inUse: audit.inUse, allocFail: audit.allocFail, doubleFree: audit.doubleFree, badFree: audit.badFree },
        drops,
        accounting: { in: inP, out: outP, dropped, queued },
    };
}
//# sourceMappingURL=stats.js.map
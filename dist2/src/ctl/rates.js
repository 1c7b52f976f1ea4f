const tenth = (x) => Math.round(x * 10) / 10;
function byName(list) { return new Map(list.map((x) => [x.name, x])); }
function dropRates(cur, prev, dt) {
    const out = {};
    for (const [k, v] of Object.entries(cur)) {
        const d = v - (prev?.[k] ?? 0);
        if (d > 0)
            out[k] = tenth(d / dt);
    }
    return out;
}
export function rates(prev, cur) {
    const dt = Math.max(1e-3, Math.round(Date.parse(cur.time) - Date.parse(prev.time)) / 1000);
    const prevPorts = byName(prev.ports), prevApps = byName(prev.apps);
    const ports = cur.ports.map((p) => {
        const q = prevPorts.get(p.name);
        return {
            name: p.name,
            rxPps: Math.round((p.rx.packets - (q?.rx.packets ?? 0)) / dt), txPps: Math.round((p.tx.packets - (q?.tx.packets ?? 0)) / dt),
            rxBps: Math.round(((p.rx.bytes - (q?.rx.bytes ?? 0)) * 8) / dt), txBps: Math.round(((p.tx.bytes - (q?.tx.bytes ?? 0)) * 8) / dt),
            drops: dropRates(p.drops, q?.drops, dt),
        };
    });
    const busy = cur.engine.busyMs - prev.engine.busyMs, idle = cur.engine.idleMs - prev.engine.idleMs;
    const apps = cur.apps.map((a) => {
        const b = prevApps.get(a.name);
        const dn = a.cost.ns - (b?.cost.ns ?? 0), dp = a.cost.packets - (b?.cost.packets ?? 0);
        const moved = a.rx.packets + a.tx.packets - (b ? b.rx.packets + b.tx.packets : 0);
        return { name: a.name, type: a.type, pps: Math.round(moved / dt), nsPerPacket: dp > 0 ? tenth(dn / dp) : a.cost.nsPerPacket };
    });
    return {
        dt, ports, drops: dropRates(cur.drops, prev.drops, dt), apps,
        engine: { busyPct: busy + idle > 0 ? tenth((busy / (busy + idle)) * 100) : 0, breathsPerSec: Math.round((cur.engine.breaths - prev.engine.breaths) / dt) },
    };
}
/** 1234567 → "1.23M" (SI, for pps and bps columns). */
export function si(n) {
    const a = Math.abs(n);
    if (a >= 1e9)
        return `${(n / 1e9).toFixed(2)}G`;
    if (a >= 1e6)
        return `${(n / 1e6).toFixed(2)}M`;
    if (a >= 1e3)
        return `${(n / 1e3).toFixed(1)}k`;
    return n.toFixed(a > 0 && a < 10 ? 1 : 0);
}
//# sourceMappingURL=rates.js.map
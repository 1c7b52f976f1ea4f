/**
 * Prometheus exposition of the daemon's counters: a prom-client Registry whose metrics are
 * read from a fresh `collectStats()` snapshot on every scrape (no per-packet work, nothing
 * cached between scrapes), served by node:http at `GET /metrics` on a configurable local
 * address (default 127.0.0.1:9469; "off" disables it).
 *
 * Counters: sluice_port_{rx,tx}_{packets,bytes}_total{port,kind},
 *   sluice_port_queue_{rx,tx}_packets_total{port,queue} (ports that report queues),
 *   sluice_app_{rx,tx}_packets_total{app,type}, sluice_drops_total{app,reason},
 *   sluice_engine_{busy,idle}_seconds_total, sluice_engine_breaths_total,
 *   sluice_engine_sleeps_total, sluice_pool_alloc_fail_total.
 * Gauges: sluice_pool_buffers{state=free|in_use}, sluice_pool_size,
 *   sluice_engine_load (busy share since the previous scrape, 0..1),
 *   sluice_app_ns_per_packet{app}, sluice_link_queued{link}, sluice_ports.
 */
import { createServer } from 'node:http';
import { Registry } from 'prom-client';
/** A metric whose samples come from a snapshot function (prom-client's Registry calls get()). */
class SnapshotMetric {
    name;
    help;
    type;
    read;
    snap;
    constructor(name, help, type, read, snap) {
        this.name = name;
        this.help = help;
        this.type = type;
        this.read = read;
        this.snap = snap;
    }
    async get() {
        return { name: this.name, help: this.help, type: this.type, values: this.read(this.snap()), aggregator: 'sum' };
    }
    reset() { }
}
export function buildRegistry(snapshot) {
    const reg = new Registry();
    // One snapshot per scrape, shared by every metric of that scrape.
    let cached;
    let cachedAt = -1;
    const snap = () => {
        const now = performance.now();
        if (!cached || now - cachedAt > 50) {
            cached = snapshot();
            cachedAt = now;
        }
        return cached;
    };
    const add = (name, help, type, read) => {
        reg.registerMetric(new SnapshotMetric(name, help, type, read, snap));
    };
    const ports = (s) => s.ports.map((p) => [p.name, p]);
    for (const dir of ['rx', 'tx']) {
        for (const unit of ['packets', 'bytes']) {
            add(`sluice_port_${dir}_${unit}_total`, `${unit} ${dir === 'rx' ? 'received from' : 'sent to'} the port's peer`, 'counter', (s) => ports(s).map(([port, p]) => ({ labels: { port, kind: p.kind }, value: p[dir][unit] })));
        }
        add(`sluice_port_queue_${dir}_packets_total`, `packets per queue ${dir === 'rx' ? 'received from' : 'sent to'} the peer (ports that report queues)`, 'counter', (s) => {
            const out = [];
            for (const [port, p] of ports(s)) {
                if (!Array.isArray(p.queues))
                    continue;
                p.queues.forEach((q, i) => {
                    const v = q?.[dir]?.packets;
                    if (typeof v === 'number')
                        out.push({ labels: { port, queue: i }, value: v });
                });
            }
            return out;
        });
        add(`sluice_app_${dir}_packets_total`, `packets counted as ${dir} by each app`, 'counter', (s) => s.apps.map((a) => ({ labels: { app: a.name, type: a.type }, value: a[dir].packets })));
    }
    add('sluice_drops_total', 'packets dropped, by app (or port) and reason', 'counter', (s) => {
        const out = [];
        for (const a of s.apps)
            for (const [reason, v] of Object.entries(a.drops))
                out.push({ labels: { app: a.name, reason }, value: v });
        if (s.drops.shutdown)
            out.push({ labels: { app: '', reason: 'shutdown' }, value: s.drops.shutdown });
        return out;
    });
    add('sluice_app_ns_per_packet', 'sampled processing time per packet of each app (nanoseconds)', 'gauge', (s) => s.apps.filter((a) => a.cost.nsPerPacket !== null).map((a) => ({ labels: { app: a.name }, value: a.cost.nsPerPacket })));
    add('sluice_link_queued', 'packets queued on each link', 'gauge', (s) => s.links.map((l) => ({ labels: { link: l.link }, value: l.queued })));
    add('sluice_ports', 'number of ports', 'gauge', (s) => [{ labels: {}, value: s.ports.length }]);
    add('sluice_pool_size', 'packet buffers in the pool', 'gauge', (s) => [{ labels: {}, value: s.pool.count }]);
    add('sluice_pool_buffers', 'packet buffers by state', 'gauge', (s) => [{ labels: { state: 'free' }, value: s.pool.free }, { labels: { state: 'in_use' }, value: s.pool.inUse }]);
    add('sluice_pool_alloc_fail_total', 'allocations that found the pool empty', 'counter', (s) => [{ labels: {}, value: s.pool.allocFail }]);
    add('sluice_engine_busy_seconds_total', 'engine time spent on breaths that moved packets', 'counter', (s) => [{ labels: { engine: 'main' }, value: s.engine.busyMs / 1000 }]);
    add('sluice_engine_idle_seconds_total', 'engine time spent idle (idle breaths and sleeping)', 'counter', (s) => [{ labels: { engine: 'main' }, value: s.engine.idleMs / 1000 }]);
    add('sluice_engine_breaths_total', 'engine breaths', 'counter', (s) => [{ labels: { engine: 'main' }, value: s.engine.breaths }]);
    add('sluice_engine_sleeps_total', 'times the engine slept on wake fds (adaptive polling)', 'counter', (s) => [{ labels: { engine: 'main' }, value: s.engine.sleeps }]);
    let prevBusy = 0, prevIdle = 0;
    add('sluice_engine_load', 'engine busy share since the previous scrape (0..1)', 'gauge', (s) => {
        const b = s.engine.busyMs - prevBusy, i = s.engine.idleMs - prevIdle;
        prevBusy = s.engine.busyMs;
        prevIdle = s.engine.idleMs;
        return [{ labels: { engine: 'main' }, value: b + i > 0 ? Math.round((b / (b + i)) * 1e4) / 1e4 : 0 }];
    });
    return reg;
}
/** Parse "HOST:PORT" ("[::1]:9469" for IPv6); throws naming the value. */
export function parseListen(s) {
    const m = /^(?:\[([^\]]+)\]|([^:\s]+)):(\d{1,5})$/.exec(s);
    const port = m ? Number(m[3]) : NaN;
    if (!m || port > 65535)
        throw new Error(`metrics.listen: expected HOST:PORT or "off", got "${s}"`);
    return { host: (m[1] ?? m[2]), port };
}
/** Serve `GET /metrics` from `reg`; resolves once listening (port 0 picks a free port). */
export async function serveMetrics(reg, listen) {
    const { host, port } = parseListen(listen);
    const server = createServer((req, res) => {
        if (req.method !== 'GET' || (req.url !== '/metrics' && req.url !== '/')) {
            res.writeHead(404, { 'content-type': 'text/plain' }).end('not found: try /metrics\n');
            return;
        }
        reg.metrics().then((text) => res.writeHead(200, { 'content-type': reg.contentType }).end(text), (e) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`${e.message}\n`));
    });
    server.requestTimeout = 5000;
    server.headersTimeout = 5000;
    server.maxConnections = 32;
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => { server.off('error', reject); resolve(); });
    });
    return server;
}
//# sourceMappingURL=metrics.js.map
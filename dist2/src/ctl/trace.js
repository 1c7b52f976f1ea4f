import { LINK_MAX } from '../core/link.js';
import { TX_PACKETS, DROP_BASE, COUNTER_COUNT } from '../core/counters.js';
import { DROP_REASON_NAMES, DROP_REASON_COUNT } from '../core/drop-reasons.js';
import { compileFilter } from './trace-filter.js';
/** Bit in `pool.flags` marking a traced packet (alloc clears flags; clone copies them). */
export const TRACE_FLAG = 0x8000;
const MAX_EVENTS = 64;
const MAX_PACKETS = 1000;
class Trace {
    id;
    port;
    count;
    filter;
    packets = [];
    pred;
    constructor(id, port, count, filter) {
        this.id = id;
        this.port = port;
        this.count = count;
        this.filter = filter;
        this.pred = compileFilter(filter);
    }
}
function summarize(buf, s, len) {
    if (len < 14)
        return `${len} bytes`;
    const mac = (o) => Array.from(buf.subarray(s + o, s + o + 6), (b) => b.toString(16).padStart(2, '0')).join(':');
    let et = (buf[s + 12] << 8) | buf[s + 13], o = 14;
    let vlan = '';
    if ((et === 0x8100 || et === 0x88a8) && len >= 18) {
        vlan = ` vlan ${((buf[s + 14] << 8) | buf[s + 15]) & 0xfff}`;
        et = (buf[s + 16] << 8) | buf[s + 17];
        o = 18;
    }
    let l3 = `ethertype 0x${et.toString(16).padStart(4, '0')}`;
    if (et === 0x0800 && len >= o + 20) {
        const ip = (x) => `${buf[x]}.${buf[x + 1]}.${buf[x + 2]}.${buf[x + 3]}`;
        const proto = buf[s + o + 9], ihl = (buf[s + o] & 15) * 4;
        const l4 = s + o + ihl;
        const ports = (proto === 6 || proto === 17) && len >= o + ihl + 4 ? [(buf[l4] << 8) | buf[l4 + 1], (buf[l4 + 2] << 8) | buf[l4 + 3]] : undefined;
        const pn = proto === 17 ? 'udp' : proto === 6 ? 'tcp' : proto === 1 ? 'icmp' : `proto ${proto}`;
        l3 = ports ? `${ip(s + o + 12)}:${ports[0]} > ${ip(s + o + 16)}:${ports[1]} ${pn}` : `${ip(s + o + 12)} > ${ip(s + o + 16)} ${pn}`;
    }
    else if (et === 0x86dd)
        l3 = 'ipv6';
    else if (et === 0x0806)
        l3 = 'arp';
    return `${mac(6)} > ${mac(0)}${vlan} ${l3}, len ${len}`;
}
/** Marked packets sitting on a link, with their ring positions. */
function markedOn(l, flags, out) {
    for (let i = l.read; i !== l.write; i = (i + 1) & LINK_MAX) {
        const p = l.ring[i];
        if ((flags[p] & TRACE_FLAG) !== 0)
            out.push(p);
    }
}
function onLink(l, p) {
    for (let i = l.read; i !== l.write; i = (i + 1) & LINK_MAX)
        if (l.ring[i] === p)
            return true;
    return false;
}
export class Tracer {
    nextId = 1;
    traces = new Map();
    live = new Map();
    armedPorts = new Map();
    active = false;
    drops0 = new Float64Array(COUNTER_COUNT);
    /** Arm a trace; throws on a bad filter or count. */
    add(port, count, filter = '') {
        if (!Number.isInteger(count) || count < 1 || count > MAX_PACKETS)
            throw new Error(`count must be an integer in [1, ${MAX_PACKETS}]`);
        const t = new Trace(this.nextId++, port, count, filter);
        this.traces.set(t.id, t);
        this.rearm();
        return t.id;
    }
    del(id) {
        const ids = id === undefined ? [...this.traces.keys()] : [id];
        let n = 0;
        for (const i of ids)
            if (this.traces.delete(i))
                n++;
        for (const [p, l] of this.live) {
            l.recs = l.recs.filter((r) => this.traces.has(r.trace.id));
            if (l.recs.length === 0)
                this.live.delete(p);
        }
        this.rearm();
        return n;
    }
    info(id) {
        const list = id === undefined ? [...this.traces.values()] : [this.traces.get(id)].filter((t) => t !== undefined);
        return list.map((t) => ({
            id: t.id, port: t.port, count: t.count, filter: t.filter, captured: t.packets.length,
            done: t.packets.length >= t.count && t.packets.every((p) => p.done), packets: structuredClone(t.packets),
        }));
    }
    has(id) { return this.traces.has(id); }
    rearm() {
        this.armedPorts = new Map();
        for (const t of this.traces.values()) {
            if (t.packets.length < t.count) {
                const l = this.armedPorts.get(t.port) ?? [];
                l.push(t);
                this.armedPorts.set(t.port, l);
            }
        }
        this.active = this.armedPorts.size > 0 || this.live.size > 0;
    }
    event(l, e, now) {
        const done = e.action !== 'forwarded' && e.action !== 'received' && e.action !== 'queued' && e.action !== 'held';
        for (const { rec } of l.recs) {
            if (rec.events.length < MAX_EVENTS)
                rec.events.push({ ...e, at: Math.round((now - l.t0) * 1000) / 1000 });
            if (done)
                rec.done = true;
        }
    }
    // Per-call scratch between a before* and its after* hook.
    pool;
    now = 0;
    t0 = 0;
    armed;
    w0 = [];
    drop0 = [];
    marked = [];
    begin(engine, now) { this.pool = engine.pool; this.now = now; }
    beforePull(a) {
        this.armed = this.armedPorts.get(a.name);
        if (this.armed !== undefined)
            this.w0 = a.outputs.map((l) => l.write);
        this.t0 = performance.now();
    }
    afterPull(a, _i, d) {
        const ns = Math.round((performance.now() - this.t0) * 1e6);
        const armed = this.armed;
        if (armed === undefined || d === 0)
            return;
        const pool = this.pool, flags = pool.flags, now = this.now;
        const outs = a.outputs;
        for (let k = 0; k < outs.length; k++) {
            const l = outs[k];
            for (let j = this.w0[k]; j !== l.write; j = (j + 1) & LINK_MAX) {
                const p = l.ring[j];
                // Every armed trace on this port with room left takes the packets its filter matches.
                const open = armed.filter((x) => x.packets.length < x.count);
                if (open.length === 0)
                    break;
                const s = pool.start(p), len = pool.len[p];
                const takers = open.filter((t) => t.pred(pool.data, s, len));
                if (takers.length === 0)
                    continue;
                flags[p] = flags[p] | TRACE_FLAG;
                const summary = summarize(pool.data, s, len);
                const recs = takers.map((t) => {
                    const rec = { id: String(t.packets.length + 1), len, summary, done: false, events: [] };
                    t.packets.push(rec);
                    return { trace: t, rec, copies: 0 };
                });
                const live = { recs, t0: now };
                this.live.set(p, live);
                this.event(live, { app: a.name, action: 'received', link: l.spec, ns, batch: d }, now);
            }
        }
    }
    beforePush(a) {
        const marked = this.marked = [];
        for (const l of a.inputs)
            markedOn(l, this.pool.flags, marked);
        if (marked.length === 0)
            return;
        const outs = a.outputs;
        this.w0 = outs.map((l) => l.write);
        this.drop0 = outs.map((l) => l.txDrop);
        this.drops0.set(a.counters);
        this.t0 = performance.now();
    }
    afterPush(a, _i, r) {
        const marked = this.marked;
        if (marked.length === 0)
            return;
        const t1 = performance.now();
        const pool = this.pool, flags = pool.flags;
        const ins = a.inputs, outs = a.outputs;
        const ns = Math.round((t1 - this.t0) * 1e6);
        const seen = new Set();
        let parent;
        for (const p of marked) {
            parent = this.live.get(p);
            if (parent)
                break;
        }
        for (let k = 0; k < outs.length; k++) {
            const l = outs[k];
            for (let j = this.w0[k]; j !== l.write; j = (j + 1) & LINK_MAX) {
                const p = l.ring[j];
                if ((flags[p] & TRACE_FLAG) === 0)
                    continue;
                let lv = this.live.get(p);
                if (lv === undefined || seen.has(p)) {
                    if (parent === undefined)
                        continue;
                    // A copy made by this app (flood/mirror): trace it as its own record.
                    const recs = parent.recs.map((x) => {
                        const rec = { id: `${x.rec.id}.${++x.copies}`, len: pool.len[p], summary: x.rec.summary, done: false, events: structuredClone(x.rec.events) };
                        x.trace.packets.push(rec);
                        return { trace: x.trace, rec, copies: 0 };
                    });
                    lv = { recs, t0: parent.t0 };
                    this.live.set(p, lv);
                }
                seen.add(p);
                this.event(lv, { app: a.name, action: 'forwarded', link: l.spec, ns, batch: r }, t1);
            }
        }
        // Reasons the app (or its full outputs) counted during this call, in reason order.
        const reasons = [];
        const c = a.counters;
        for (let k = 0; k < DROP_REASON_COUNT; k++) {
            const n = c[DROP_BASE + k] - this.drops0[DROP_BASE + k];
            for (let q = 0; q < n && reasons.length < marked.length; q++)
                reasons.push(DROP_REASON_NAMES[k]);
        }
        let fullLink;
        for (let k = 0; k < outs.length; k++)
            if (outs[k].txDrop !== this.drop0[k])
                fullLink = outs[k].spec;
        const sent = c[TX_PACKETS] !== this.drops0[TX_PACKETS];
        for (const p of marked) {
            if (seen.has(p))
                continue;
            const lv = this.live.get(p);
            if (lv === undefined)
                continue;
            let stillQueued = false;
            for (const l of ins)
                if (onLink(l, p)) {
                    stillQueued = true;
                    break;
                }
            if (stillQueued) {
                this.event(lv, { app: a.name, action: 'queued', ns, batch: r }, t1);
                continue;
            }
            if (pool.state[p] === 1 && (flags[p] & TRACE_FLAG) !== 0) {
                this.event(lv, { app: a.name, action: 'held', ns, batch: r }, t1);
                continue;
            }
            this.live.delete(p);
            const reason = reasons.shift();
            if (reason !== undefined)
                this.event(lv, { app: a.name, action: 'dropped', reason, ns, batch: r }, t1);
            else if (fullLink !== undefined)
                this.event(lv, { app: a.name, action: 'dropped', reason: 'link_full', link: fullLink, ns, batch: r }, t1);
            else if (sent)
                this.event(lv, { app: a.name, action: 'sent', ns, batch: r }, t1);
            else
                this.event(lv, { app: a.name, action: 'consumed', ns, batch: r }, t1);
        }
    }
    end() {
        const pool = this.pool, flags = pool.flags;
        // Packets freed later by an app that held them, or whose handle was recycled.
        for (const [p, lv] of this.live) {
            if (pool.state[p] !== 1 || (flags[p] & TRACE_FLAG) === 0) {
                this.live.delete(p);
                const rec = lv.recs[0].rec;
                if (!rec.done)
                    this.event(lv, { app: rec.events[rec.events.length - 1]?.app ?? '?', action: 'consumed', ns: 0, batch: 0 }, performance.now());
            }
        }
        this.rearm();
    }
}
//# sourceMappingURL=trace.js.map
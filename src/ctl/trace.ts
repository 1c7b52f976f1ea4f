/**
 * Packet trace (`sluice trace add PORT N [FILTER]`): follow the next N real packets that
 * enter at PORT (and match FILTER) through every app they pass, recording per app the
 * decision it took and the time it spent.
 *
 * How: a trace is armed on a port; while any trace is armed or a traced packet is in
 * flight, the EngineRunner hands each breath the Tracer as its probe (engine.ts
 * BreathProbe; the untraced path pays one field check per breath). Around each app call:
 *  - at an armed ingress port, marks the first matching new packets on its outputs with
 *    TRACE_FLAG (bit 15 of `pool.flags`) and opens a record for each;
 *  - for each app whose input links hold marked packets, snapshots its output link cursors
 *    and counters, times the call, then finds where each marked packet went.
 *
 * Decisions (what `action` says):
 *   received      entered at the traced port, put on link X
 *   forwarded     put on output link X (a packet seen on several outputs is flooded;
 *                 copies made by the app, e.g. a bridge flood, are traced as their own
 *                 records named "N.k")
 *   sent          left the switch: freed by a port app whose tx counter rose
 *   dropped       freed with a drop reason (the app's drop counter that rose, or link_full
 *                 when its output link was full); with several marked packets dropped by one
 *                 app in one call for different reasons, reasons are assigned in order
 *   consumed      freed without tx or drop (e.g. answered ARP)
 *   queued        still on the app's input link after its push (link busy; followed on)
 *   held          taken off the link but kept by the app (e.g. waiting for ARP)
 * `ns` is the duration of the app's whole call and `batch` the packets it handled in that
 * call, so ns/batch is the per-packet cost at that stage.
 * Not visible: packets that bypass links (vhost-user single-copy patch between two guests).
 */
import type { Engine } from '../core/engine.js';
import type { App } from '../core/app.js';
import type { Link } from '../core/link.js';
import { LINK_MAX } from '../core/link.js';
import { TX_PACKETS, DROP_BASE, COUNTER_COUNT } from '../core/counters.js';
import { DROP_REASON_NAMES, DROP_REASON_COUNT } from '../core/drop-reasons.js';
import { compileFilter, type PacketPredicate } from './trace-filter.js';
import type { ActiveProbe } from '../core/runner.js';

/** Bit in `pool.flags` marking a traced packet (alloc clears flags; clone copies them). */
export const TRACE_FLAG = 0x8000;
const MAX_EVENTS = 64;
const MAX_PACKETS = 1000;

export interface TraceEvent { app: string; action: string; link?: string; reason?: string; at: number; ns: number; batch: number }
export interface TracedPacket { id: string; len: number; summary: string; done: boolean; events: TraceEvent[] }
export interface TraceInfo { id: number; port: string; count: number; filter: string; captured: number; done: boolean; packets: TracedPacket[] }

class Trace {
  readonly packets: TracedPacket[] = [];
  readonly pred: PacketPredicate;
  constructor(readonly id: number, readonly port: string, readonly count: number, readonly filter: string) {
    this.pred = compileFilter(filter);
  }
}

/** One traced packet as seen by each trace that took it (several traces may arm one port). */
interface Rec { trace: Trace; rec: TracedPacket; copies: number }
interface Live { recs: Rec[]; t0: number }

function summarize(buf: Uint8Array, s: number, len: number): string {
  if (len < 14) return `${len} bytes`;
  const mac = (o: number) => Array.from(buf.subarray(s + o, s + o + 6), (b) => b.toString(16).padStart(2, '0')).join(':');
  let et = (buf[s + 12]! << 8) | buf[s + 13]!, o = 14;
  let vlan = '';
  if ((et === 0x8100 || et === 0x88a8) && len >= 18) { vlan = ` vlan ${((buf[s + 14]! << 8) | buf[s + 15]!) & 0xfff}`; et = (buf[s + 16]! << 8) | buf[s + 17]!; o = 18; }
  let l3 = `ethertype 0x${et.toString(16).padStart(4, '0')}`;
  if (et === 0x0800 && len >= o + 20) {
    const ip = (x: number) => `${buf[x]}.${buf[x + 1]}.${buf[x + 2]}.${buf[x + 3]}`;
    const proto = buf[s + o + 9]!, ihl = (buf[s + o]! & 15) * 4;
    const l4 = s + o + ihl;
    const ports = (proto === 6 || proto === 17) && len >= o + ihl + 4 ? [(buf[l4]! << 8) | buf[l4 + 1]!, (buf[l4 + 2]! << 8) | buf[l4 + 3]!] : undefined;
    const pn = proto === 17 ? 'udp' : proto === 6 ? 'tcp' : proto === 1 ? 'icmp' : `proto ${proto}`;
    l3 = ports ? `${ip(s + o + 12)}:${ports[0]} > ${ip(s + o + 16)}:${ports[1]} ${pn}` : `${ip(s + o + 12)} > ${ip(s + o + 16)} ${pn}`;
  } else if (et === 0x86dd) l3 = 'ipv6';
  else if (et === 0x0806) l3 = 'arp';
  return `${mac(6)} > ${mac(0)}${vlan} ${l3}, len ${len}`;
}

/** Marked packets sitting on a link, with their ring positions. */
function markedOn(l: Link, flags: Uint16Array, out: number[]): void {
  for (let i = l.read; i !== l.write; i = (i + 1) & LINK_MAX) {
    const p = l.ring[i]!;
    if ((flags[p]! & TRACE_FLAG) !== 0) out.push(p);
  }
}

function onLink(l: Link, p: number): boolean {
  for (let i = l.read; i !== l.write; i = (i + 1) & LINK_MAX) if (l.ring[i] === p) return true;
  return false;
}

export class Tracer implements ActiveProbe {
  private nextId = 1;
  private readonly traces = new Map<number, Trace>();
  private readonly live = new Map<number, Live>();
  private armedPorts = new Map<string, Trace[]>();
  active = false;
  private readonly drops0 = new Float64Array(COUNTER_COUNT);

  /** Arm a trace; throws on a bad filter or count. */
  add(port: string, count: number, filter = ''): number {
    if (!Number.isInteger(count) || count < 1 || count > MAX_PACKETS) throw new Error(`count must be an integer in [1, ${MAX_PACKETS}]`);
    const t = new Trace(this.nextId++, port, count, filter);
    this.traces.set(t.id, t);
    this.rearm();
    return t.id;
  }

  del(id?: number): number {
    const ids = id === undefined ? [...this.traces.keys()] : [id];
    let n = 0;
    for (const i of ids) if (this.traces.delete(i)) n++;
    for (const [p, l] of this.live) {
      l.recs = l.recs.filter((r) => this.traces.has(r.trace.id));
      if (l.recs.length === 0) this.live.delete(p);
    }
    this.rearm();
    return n;
  }

  info(id?: number): TraceInfo[] {
    const list = id === undefined ? [...this.traces.values()] : [this.traces.get(id)].filter((t): t is Trace => t !== undefined);
    return list.map((t) => ({
      id: t.id, port: t.port, count: t.count, filter: t.filter, captured: t.packets.length,
      done: t.packets.length >= t.count && t.packets.every((p) => p.done), packets: structuredClone(t.packets),
    }));
  }

  has(id: number): boolean { return this.traces.has(id); }

  private rearm(): void {
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

  private event(l: Live, e: Omit<TraceEvent, 'at'>, now: number): void {
    const done = e.action !== 'forwarded' && e.action !== 'received' && e.action !== 'queued' && e.action !== 'held';
    for (const { rec } of l.recs) {
      if (rec.events.length < MAX_EVENTS) rec.events.push({ ...e, at: Math.round((now - l.t0) * 1000) / 1000 });
      if (done) rec.done = true;
    }
  }

  // Per-call scratch between a before* and its after* hook.
  private pool!: Engine['pool'];
  private now = 0;
  private t0 = 0;
  private armed: Trace[] | undefined;
  private w0: number[] = [];
  private drop0: number[] = [];
  private marked: number[] = [];

  begin(engine: Engine, now: number): void { this.pool = engine.pool; this.now = now; }

  beforePull(a: App): void {
    this.armed = this.armedPorts.get(a.name);
    if (this.armed !== undefined) this.w0 = a.outputs.map((l) => l.write);
    this.t0 = performance.now();
  }

  afterPull(a: App, _i: number, d: number): void {
    const ns = Math.round((performance.now() - this.t0) * 1e6);
    const armed = this.armed;
    if (armed === undefined || d === 0) return;
    const pool = this.pool, flags = pool.flags, now = this.now;
    const outs = a.outputs;
    for (let k = 0; k < outs.length; k++) {
      const l = outs[k]!;
      for (let j = this.w0[k]!; j !== l.write; j = (j + 1) & LINK_MAX) {
        const p = l.ring[j]!;
        // Every armed trace on this port with room left takes the packets its filter matches.
        const open = armed.filter((x) => x.packets.length < x.count);
        if (open.length === 0) break;
        const s = pool.start(p), len = pool.len[p]!;
        const takers = open.filter((t) => t.pred(pool.data, s, len));
        if (takers.length === 0) continue;
        flags[p] = flags[p]! | TRACE_FLAG;
        const summary = summarize(pool.data, s, len);
        const recs = takers.map((t) => {
          const rec: TracedPacket = { id: String(t.packets.length + 1), len, summary, done: false, events: [] };
          t.packets.push(rec);
          return { trace: t, rec, copies: 0 };
        });
        const live: Live = { recs, t0: now };
        this.live.set(p, live);
        this.event(live, { app: a.name, action: 'received', link: l.spec, ns, batch: d }, now);
      }
    }
  }

  beforePush(a: App): void {
    const marked: number[] = this.marked = [];
    for (const l of a.inputs) markedOn(l, this.pool.flags, marked);
    if (marked.length === 0) return;
    const outs = a.outputs;
    this.w0 = outs.map((l) => l.write);
    this.drop0 = outs.map((l) => l.txDrop);
    this.drops0.set(a.counters);
    this.t0 = performance.now();
  }

  afterPush(a: App, _i: number, r: number): void {
    const marked = this.marked;
    if (marked.length === 0) return;
    const t1 = performance.now();
    const pool = this.pool, flags = pool.flags;
    const ins = a.inputs, outs = a.outputs;
    const ns = Math.round((t1 - this.t0) * 1e6);
    const seen = new Set<number>();
    let parent: Live | undefined;
    for (const p of marked) { parent = this.live.get(p); if (parent) break; }
    for (let k = 0; k < outs.length; k++) {
      const l = outs[k]!;
      for (let j = this.w0[k]!; j !== l.write; j = (j + 1) & LINK_MAX) {
        const p = l.ring[j]!;
        if ((flags[p]! & TRACE_FLAG) === 0) continue;
        let lv = this.live.get(p);
        if (lv === undefined || seen.has(p)) {
          if (parent === undefined) continue;
          // A copy made by this app (flood/mirror): trace it as its own record.
          const recs = parent.recs.map((x) => {
            const rec: TracedPacket = { id: `${x.rec.id}.${++x.copies}`, len: pool.len[p]!, summary: x.rec.summary, done: false, events: structuredClone(x.rec.events) };
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
    const reasons: string[] = [];
    const c = a.counters;
    for (let k = 0; k < DROP_REASON_COUNT; k++) {
      const n = c[DROP_BASE + k]! - this.drops0[DROP_BASE + k]!;
      for (let q = 0; q < n && reasons.length < marked.length; q++) reasons.push(DROP_REASON_NAMES[k]!);
    }
    let fullLink: string | undefined;
    for (let k = 0; k < outs.length; k++) if (outs[k]!.txDrop !== this.drop0[k]) fullLink = outs[k]!.spec;
    const sent = c[TX_PACKETS]! !== this.drops0[TX_PACKETS]!;
    for (const p of marked) {
      if (seen.has(p)) continue;
      const lv = this.live.get(p);
      if (lv === undefined) continue;
      let stillQueued = false;
      for (const l of ins) if (onLink(l, p)) { stillQueued = true; break; }
      if (stillQueued) { this.event(lv, { app: a.name, action: 'queued', ns, batch: r }, t1); continue; }
      if (pool.state[p] === 1 && (flags[p]! & TRACE_FLAG) !== 0) { this.event(lv, { app: a.name, action: 'held', ns, batch: r }, t1); continue; }
      this.live.delete(p);
      const reason = reasons.shift();
      if (reason !== undefined) this.event(lv, { app: a.name, action: 'dropped', reason, ns, batch: r }, t1);
      else if (fullLink !== undefined) this.event(lv, { app: a.name, action: 'dropped', reason: 'link_full', link: fullLink, ns, batch: r }, t1);
      else if (sent) this.event(lv, { app: a.name, action: 'sent', ns, batch: r }, t1);
      else this.event(lv, { app: a.name, action: 'consumed', ns, batch: r }, t1);
    }
  }

  end(): void {
    const pool = this.pool, flags = pool.flags;
    // Packets freed later by an app that held them, or whose handle was recycled.
    for (const [p, lv] of this.live) {
      if (pool.state[p] !== 1 || (flags[p]! & TRACE_FLAG) === 0) {
        this.live.delete(p);
        const rec = lv.recs[0]!.rec;
        if (!rec.done) this.event(lv, { app: rec.events[rec.events.length - 1]?.app ?? '?', action: 'consumed', ns: 0, batch: 0 }, performance.now());
      }
    }
    this.rearm();
  }
}

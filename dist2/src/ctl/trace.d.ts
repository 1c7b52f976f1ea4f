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
import type { ActiveProbe } from '../core/runner.js';
/** Bit in `pool.flags` marking a traced packet (alloc clears flags; clone copies them). */
export declare const TRACE_FLAG = 32768;
export interface TraceEvent {
    app: string;
    action: string;
    link?: string;
    reason?: string;
    at: number;
    ns: number;
    batch: number;
}
export interface TracedPacket {
    id: string;
    len: number;
    summary: string;
    done: boolean;
    events: TraceEvent[];
}
export interface TraceInfo {
    id: number;
    port: string;
    count: number;
    filter: string;
    captured: number;
    done: boolean;
    packets: TracedPacket[];
}
export declare class Tracer implements ActiveProbe {
    private nextId;
    private readonly traces;
    private readonly live;
    private armedPorts;
    active: boolean;
    private readonly drops0;
    /** Arm a trace; throws on a bad filter or count. */
    add(port: string, count: number, filter?: string): number;
    del(id?: number): number;
    info(id?: number): TraceInfo[];
    has(id: number): boolean;
    private rearm;
    private event;
    private pool;
    private now;
    private t0;
    private armed;
    private w0;
    private drop0;
    private marked;
    begin(engine: Engine, now: number): void;
    beforePull(a: App): void;
    afterPull(a: App, _i: number, d: number): void;
    beforePush(a: App): void;
    afterPush(a: App, _i: number, r: number): void;
    end(): void;
}

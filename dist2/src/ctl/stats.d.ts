/**
 * The daemon's counters as one JSON document (what `sluice stats -j` prints, what `top`
 * samples and what the Prometheus collector reads):
 *
 *   time:   ISO 8601 (when the counters were read)
 *   ports:  [{name, kind, spec, rx:{packets,bytes}, tx:{...}, polls, drops:{reason: n}, queues?, info?}]
 *   apps:   [{name, type, rx, tx, polls, drops, cost:{ns, packets, nsPerPacket}}]   (every app)
 *   links:  [{link: "a.x -> b.y", txPackets, txBytes, txDrop, rxPackets, queued}]
 *   engine: {breaths, busyBreaths, busyMs, idleMs, sleeps, fdWakeups, idleSpellMs, maxSleepMs}
 *   pool:   {count, free, inUse, allocFail, doubleFree, badFree}
 *   drops:  {reason: n}         every drop in the switch, one shared reason list
 *   accounting: {in, out, dropped, queued}
 *
 * Directions are the port's: rx = received from the peer into the switch, tx = sent to
 * the peer. Per-queue counters appear when a port app reports `queues` in report().
 * `accounting` answers "where did my packets go": packets that came in at ports (`in`)
 * either left at ports (`out`), were dropped (`dropped`, by reason in `drops`, including
 * packets freed when links were torn down, as `shutdown`), or are still queued on links.
 * in = out + dropped + queued holds when no app copies packets (floods add copies) and no
 * app holds packets between breaths.
 */
import type { Engine } from '../core/engine.js';
import type { CounterReport } from '../core/counters.js';
import type { EngineRunner } from '../core/runner.js';
import type { DesiredState } from './model.js';
export interface PortStats extends CounterReport {
    name: string;
    kind: string;
    spec: string;
    queues?: unknown;
    info?: Record<string, unknown>;
}
export interface AppStats extends CounterReport {
    name: string;
    type: string;
    cost: {
        ns: number;
        packets: number;
        nsPerPacket: number | null;
    };
}
export interface LinkStats {
    link: string;
    txPackets: number;
    txBytes: number;
    txDrop: number;
    rxPackets: number;
    queued: number;
}
export interface DaemonStats {
    time: string;
    ports: PortStats[];
    apps: AppStats[];
    links: LinkStats[];
    engine: {
        breaths: number;
        busyBreaths: number;
        busyMs: number;
        idleMs: number;
        sleeps: number;
        fdWakeups: number;
        idleSpellMs: number;
        maxSleepMs: number;
    };
    pool: {
        count: number;
        free: number;
        inUse: number;
        allocFail: number;
        doubleFree: number;
        badFree: number;
    };
    drops: Record<string, number>;
    accounting: {
        in: number;
        out: number;
        dropped: number;
        queued: number;
    };
}
export declare function collectStats(state: DesiredState, engine: Engine, runner: EngineRunner): DaemonStats;

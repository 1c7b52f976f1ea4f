/**
 * Rates between two stats snapshots (what `sluice top` shows and `stats --plot` charts):
 * per-port rx/tx packets and bits per second, drop rates by reason, engine busy %, and
 * per-app ns/packet over the interval (from the runner's sampled breaths). Rates are
 * rounded: packets and bits per second to integers, drop rates and busy % to one decimal.
 */
import type { DaemonStats } from './stats.js';
export interface PortRates {
    name: string;
    rxPps: number;
    txPps: number;
    rxBps: number;
    txBps: number;
    drops: Record<string, number>;
}
export interface AppRates {
    name: string;
    type: string;
    pps: number;
    nsPerPacket: number | null;
}
export interface Rates {
    /** Seconds between the two snapshots (to the millisecond). */
    dt: number;
    ports: PortRates[];
    drops: Record<string, number>;
    engine: {
        busyPct: number;
        breathsPerSec: number;
    };
    apps: AppRates[];
}
export declare function rates(prev: DaemonStats, cur: DaemonStats): Rates;
/** 1234567 → "1.23M" (SI, for pps and bps columns). */
export declare function si(n: number): string;

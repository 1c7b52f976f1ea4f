export declare const RX_PACKETS = 0, RX_BYTES = 1, TX_PACKETS = 2, TX_BYTES = 3, BUSY_POLLS = 4, IDLE_POLLS = 5;
export declare const DROP_BASE = 6;
export declare const COUNTER_COUNT: number;
export interface CounterReport {
    rx: {
        packets: number;
        bytes: number;
    };
    tx: {
        packets: number;
        bytes: number;
    };
    polls: {
        busy: number;
        idle: number;
    };
    drops: Record<string, number>;
}
/** Control path: turn a counter array into the JSON shape (only nonzero drops are listed). */
export declare function counterReport(c: Float64Array, extraDrops?: Record<string, number>): CounterReport;
export declare function totalDrops(c: Float64Array): number;

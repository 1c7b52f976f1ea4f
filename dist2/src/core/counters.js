/**
 * Per-app counter layout: one Float64Array per app (exact to 2^53), incremented with plain
 * stores on the hot path and copied out for reporting. Port apps use rx/tx (rx = from the
 * peer into the switch, tx = from the switch to the peer); every app uses the drop slots.
 */
import { DROP_REASON_COUNT, DROP_REASON_NAMES } from './drop-reasons.js';
export const RX_PACKETS = 0, RX_BYTES = 1, TX_PACKETS = 2, TX_BYTES = 3, BUSY_POLLS = 4, IDLE_POLLS = 5;
export const DROP_BASE = 6;
export const COUNTER_COUNT = DROP_BASE + DROP_REASON_COUNT;
/** Control path: turn a counter array into the JSON shape (only nonzero drops are listed). */
export function counterReport(c, extraDrops) {
    const drops = {};
    for (let i = 0; i < DROP_REASON_COUNT; i++)
        if (c[DROP_BASE + i] > 0)
            drops[DROP_REASON_NAMES[i]] = c[DROP_BASE + i];
    for (const [k, v] of Object.entries(extraDrops ?? {}))
        if (v > 0)
            drops[k] = (drops[k] ?? 0) + v;
    return {
        rx: { packets: c[RX_PACKETS], bytes: c[RX_BYTES] },
        tx: { packets: c[TX_PACKETS], bytes: c[TX_BYTES] },
        polls: { busy: c[BUSY_POLLS], idle: c[IDLE_POLLS] },
        drops,
    };
}
export function totalDrops(c) {
    let n = 0;
    for (let i = 0; i < DROP_REASON_COUNT; i++)
        n += c[DROP_BASE + i];
    return n;
}
//# sourceMappingURL=counters.js.map
/**
 * Per-app counter layout: one Float64Array per app (exact to 2^53), incremented with plain
 * stores on the hot path and copied out for reporting. Port apps use rx/tx (rx = from the
 * peer into the switch, tx = from the switch to the peer); every app uses the drop slots.
 *
 * The accounting slots make every app's packets add up (core/accounting.ts):
 *   GENERATED  packets the app made itself (ARP/ICMP replies, generator frames)
 *   COPIED     extra packets made from one it had (flood copies, a super-frame's segments)
 *   HANDLED    packets consumed on purpose (an ARP request or echo the app answered)
 *   REFUSED    frames a peer offered that never became packets (no buffer, malformed
 *              descriptor, too big): also counted under their drop reason
 *   LINKS_IN / LINKS_OUT  what links since torn down had delivered to / taken from the app
 *   ON_WORKERS what a port's queues served by worker engines took in net of what they gave
 *              out (their rx and tx are in this app's; their engines account for the rest)
 */
import { DROP_REASON_COUNT, DROP_REASON_NAMES } from './drop-reasons.js';

export const RX_PACKETS = 0, RX_BYTES = 1, TX_PACKETS = 2, TX_BYTES = 3, BUSY_POLLS = 4, IDLE_POLLS = 5;
export const GENERATED = 6, COPIED = 7, HANDLED = 8, REFUSED = 9, LINKS_IN = 10, LINKS_OUT = 11, ON_WORKERS = 12;
export const DROP_BASE = 13;
export const COUNTER_COUNT = DROP_BASE + DROP_REASON_COUNT;

export interface CounterReport {
  rx: { packets: number; bytes: number };
  tx: { packets: number; bytes: number };
  polls: { busy: number; idle: number };
  drops: Record<string, number>;
  /** Packets made, copied and consumed on purpose by the app (see the layout above). */
  generated: number;
  copied: number;
  handled: number;
}

/** Control path: turn a counter array into the JSON shape (only nonzero drops are listed). */
export function counterReport(c: Float64Array, extraDrops?: Record<string, number>): CounterReport {
  const drops: Record<string, number> = {};
  for (let i = 0; i < DROP_REASON_COUNT; i++) if (c[DROP_BASE + i]! > 0) drops[DROP_REASON_NAMES[i]!] = c[DROP_BASE + i]!;
  for (const [k, v] of Object.entries(extraDrops ?? {})) if (v > 0) drops[k] = (drops[k] ?? 0) + v;
  return {
    rx: { packets: c[RX_PACKETS]!, bytes: c[RX_BYTES]! },
    tx: { packets: c[TX_PACKETS]!, bytes: c[TX_BYTES]! },
    polls: { busy: c[BUSY_POLLS]!, idle: c[IDLE_POLLS]! },
    drops,
    generated: c[GENERATED]!,
    copied: c[COPIED]!,
    handled: c[HANDLED]!,
  };
}

export function totalDrops(c: Float64Array): number {
  let n = 0;
  for (let i = 0; i < DROP_REASON_COUNT; i++) n += c[DROP_BASE + i]!;
  return n;
}

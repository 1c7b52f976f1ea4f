/**
 * Rates between two stats snapshots (what `sluice top` shows and `stats --plot` charts):
 * per-port rx/tx packets and bits per second, drop rates by reason, engine busy %, and
 * per-app ns/packet over the interval (from the runner's sampled breaths).
 */
import type { DaemonStats } from './stats.js';

export interface PortRates { rxPps: number; txPps: number; rxBps: number; txBps: number; drops: Record<string, number> }
export interface Rates {
  dt: number;
  ports: Record<string, PortRates>;
  drops: Record<string, number>;
  engine: { busyPct: number; breathsPerSec: number };
  apps: Record<string, { type: string; pps: number; nsPerPacket: number | null }>;
}

export function rates(prev: DaemonStats, cur: DaemonStats): Rates {
  const dt = Math.max(1e-3, (cur.time - prev.time) / 1000);
  const ports: Record<string, PortRates> = {};
  for (const [n, p] of Object.entries(cur.ports)) {
    const q = prev.ports[n];
    const drops: Record<string, number> = {};
    for (const [k, v] of Object.entries(p.drops)) { const d = v - (q?.drops[k] ?? 0); if (d > 0) drops[k] = d / dt; }
    ports[n] = {
      rxPps: (p.rx.packets - (q?.rx.packets ?? 0)) / dt, txPps: (p.tx.packets - (q?.tx.packets ?? 0)) / dt,
      rxBps: ((p.rx.bytes - (q?.rx.bytes ?? 0)) * 8) / dt, txBps: ((p.tx.bytes - (q?.tx.bytes ?? 0)) * 8) / dt, drops,
    };
  }
  const drops: Record<string, number> = {};
  for (const [k, v] of Object.entries(cur.drops)) { const d = v - (prev.drops[k] ?? 0); if (d > 0) drops[k] = d / dt; }
  const busy = cur.engine.busyMs - prev.engine.busyMs, idle = cur.engine.idleMs - prev.engine.idleMs;
  const apps: Rates['apps'] = {};
  for (const [n, a] of Object.entries(cur.apps)) {
    const b = prev.apps[n];
    const dn = a.cost.ns - (b?.cost.ns ?? 0), dp = a.cost.packets - (b?.cost.packets ?? 0);
    const moved = a.rx.packets + a.tx.packets - (b ? b.rx.packets + b.tx.packets : 0);
    apps[n] = { type: a.type, pps: moved / dt, nsPerPacket: dp > 0 ? Math.round((dn / dp) * 10) / 10 : a.cost.nsPerPacket };
  }
  return {
    dt, ports, drops, apps,
    engine: { busyPct: busy + idle > 0 ? Math.round((busy / (busy + idle)) * 1000) / 10 : 0, breathsPerSec: (cur.engine.breaths - prev.engine.breaths) / dt },
  };
}

/** 1234567 → "1.23M" (SI, for pps and bps columns). */
export function si(n: number): string {
  const a = Math.abs(n);
  if (a >= 1e9) return `${(n / 1e9).toFixed(2)}G`;
  if (a >= 1e6) return `${(n / 1e6).toFixed(2)}M`;
  if (a >= 1e3) return `${(n / 1e3).toFixed(1)}k`;
  return n.toFixed(a > 0 && a < 10 ? 1 : 0);
}

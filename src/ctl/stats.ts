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
 *   accounting: {in, generated, copied, refused, out, dropped, held, handled, off, unbalanced}
 *
 * Directions are the port's: rx = received from the peer into the switch, tx = sent to
 * the peer. Per-queue counters appear when a port app reports `queues` in report().
 * `accounting` answers "where did my packets go" (core/accounting.ts): packets that came in
 * at ports (`in`), that apps made (`generated`: ARP/ICMP replies), copied (`copied`: floods)
 * or saw refused before they became packets (`refused`: no buffer, too big; also in
 * `dropped`) either left at ports (`out`), were dropped (`dropped`, by reason in `drops`,
 * including packets freed when links were torn down, as `shutdown`), wait on links or in
 * apps (`held`), or were consumed on purpose (`handled`: an answered ARP request). `off` is
 * what does not add up (0 unless Sluice has a bug) and `unbalanced` names the apps where.
 */
import type { Engine } from '../core/engine.js';
import type { Balance } from '../core/accounting.js';
import type { CounterReport } from '../core/counters.js';
import type { EngineRunner } from '../core/runner.js';
import type { DesiredState } from './model.js';

export interface PortStats extends CounterReport { name: string; kind: string; spec: string; queues?: unknown; info?: Record<string, unknown> }
export interface AppStats extends CounterReport { name: string; type: string; cost: { ns: number; packets: number; nsPerPacket: number | null } }
export interface LinkStats { link: string; txPackets: number; txBytes: number; txDrop: number; rxPackets: number; queued: number }
export interface DaemonStats {
  time: string;
  ports: PortStats[];
  apps: AppStats[];
  links: LinkStats[];
  engine: { breaths: number; busyBreaths: number; busyMs: number; idleMs: number; sleeps: number; fdWakeups: number; idleSpellMs: number; maxSleepMs: number };
  pool: { count: number; free: number; inUse: number; allocFail: number; doubleFree: number; badFree: number };
  drops: Record<string, number>;
  accounting: Balance & { unbalanced: string[] };
}

export function collectStats(state: DesiredState, engine: Engine, runner: EngineRunner): DaemonStats {
  const s = engine.stats();
  const ports: PortStats[] = [];
  const apps: AppStats[] = [];
  const drops: Record<string, number> = {};
  const addDrops = (d: Record<string, number>) => { for (const [k, v] of Object.entries(d)) drops[k] = (drops[k] ?? 0) + v; };
  for (const [name, a] of Object.entries(s.apps)) {
    const cost = runner.costs.get(name);
    apps.push({
      name, type: a.type, rx: a.rx, tx: a.tx, polls: a.polls, drops: a.drops, generated: a.generated, copied: a.copied, handled: a.handled,
      cost: { ns: Math.round(cost?.ns ?? 0), packets: cost?.packets ?? 0, nsPerPacket: cost && cost.packets > 0 ? Math.round((cost.ns / cost.packets) * 10) / 10 : null },
    });
    addDrops(a.drops);
  }
  for (const [name, p] of Object.entries(state.ports ?? {})) {
    const a = s.apps[name];
    if (!a) continue;
    const kind = p.spec.split(':', 1)[0]!;
    const ps: PortStats = { name, kind, spec: p.spec, rx: a.rx, tx: a.tx, polls: a.polls, drops: a.drops, generated: a.generated, copied: a.copied, handled: a.handled };
    if (a.extra) {
      const { queues, ...info } = a.extra as Record<string, unknown>;
      if (queues !== undefined) ps.queues = queues;
      if (Object.keys(info).length) ps.info = info;
    }
    ports.push(ps);
  }
  if (s.shutdownDrops > 0) drops.shutdown = (drops.shutdown ?? 0) + s.shutdownDrops;
  let dropped = 0;
  for (const v of Object.values(drops)) dropped += v;
  const audit = engine.pool.audit();
  const balance = engine.balance();
  return {
    time: new Date().toISOString(),
    ports, apps, links: Object.entries(s.links).map(([link, l]) => ({ link, ...l })),
    engine: {
      breaths: s.breaths, busyBreaths: s.busyBreaths, busyMs: Math.round(runner.busyMs * 1000) / 1000, idleMs: Math.round(runner.idleMs * 1000) / 1000,
      sleeps: runner.sleeps, fdWakeups: runner.fdWakeups, idleSpellMs: runner.idleSpellMs, maxSleepMs: runner.maxSleepMs,
    },
    pool: { count: audit.count, free: audit.free + audit.cached, inUse: audit.inUse, allocFail: audit.allocFail, doubleFree: audit.doubleFree, badFree: audit.badFree },
    drops,
    accounting: { ...balance.total, unbalanced: Object.keys(balance.unbalanced) },
  };
}

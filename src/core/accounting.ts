/**
 * Where every packet went, per app and per engine: the identity that says nothing vanished.
 *
 * For one app, between breaths:
 *   in + generated + copied + refused  =  out + dropped + held + handled
 * where `in` is what its input links delivered (live links, and links since torn down:
 * LINKS_IN) plus what a port received from its peer (rx); `out` is what it put on its output
 * links, queued or refused by a full link (plus LINKS_OUT), plus what a port sent to its peer
 * (tx), plus what its queues on worker engines handed to those engines (ON_WORKERS); `dropped` is every drop reason of the app; `held` what it keeps between breaths
 * (App.held); `refused` the frames a peer offered that never became packets (they are in
 * `dropped` too, under their reason).
 *
 * For one engine (each link's tx = rx + queued, and a full link's refusals are the
 * receiving app's link_full drops):
 *   rx at ports + generated + copied + refused  =  tx at ports + dropped (apps, full links,
 *   links torn down) + held (apps and links) + handled
 *
 * Control path only (allocates). Counters an app publishes lazily are brought up to date by
 * its report() (as stats() does) before they are read.
 */
import type { App } from './app.js';
import type { Link } from './link.js';
import {
  COPIED, DROP_BASE, GENERATED, HANDLED, LINKS_IN, LINKS_OUT, ON_WORKERS, REFUSED, RX_PACKETS, TX_PACKETS,
} from './counters.js';
import { DROP_REASON_COUNT, DropReason } from './drop-reasons.js';

export interface Balance {
  in: number;
  generated: number;
  copied: number;
  refused: number;
  out: number;
  dropped: number;
  held: number;
  handled: number;
  /** (in + generated + copied + refused) − (out + dropped + held + handled): 0 when it adds up. */
  off: number;
}

export function appBalance(app: App): Balance {
  const c = app.counters;
  let inp = c[RX_PACKETS]! + c[LINKS_IN]!, out = c[TX_PACKETS]! + c[LINKS_OUT]! + c[ON_WORKERS]!, dropped = 0;
  for (const l of app.inputs) inp += l.rxPackets;
  for (const l of app.outputs) out += l.txPackets + l.txDrop;
  for (let i = 0; i < DROP_REASON_COUNT; i++) dropped += c[DROP_BASE + i]!;
  const held = app.held?.() ?? 0;
  const b = { in: inp, generated: c[GENERATED]!, copied: c[COPIED]!, refused: c[REFUSED]!, out, dropped, held, handled: c[HANDLED]!, off: 0 };
  b.off = b.in + b.generated + b.copied + b.refused - (b.out + b.dropped + b.held + b.handled);
  return b;
}

export interface EngineBalance {
  /** The engine's packets as a whole (ports, drops, links, holds). */
  total: Balance;
  /** Apps whose own identity does not hold, with their balance. */
  unbalanced: Record<string, Balance>;
}

/**
 * The identity for every app of an engine and for the engine as a whole. `shutdownDrops`
 * are packets freed when links were torn down (Engine.shutdownDrops); `retired` the summed
 * counters of apps since stopped (retireApp).
 */
export function engineBalance(apps: Iterable<App>, links: Iterable<Link>, shutdownDrops: number, retired: Float64Array): EngineBalance {
  const r = retired;
  let retiredDrops = 0;
  for (let i = 0; i < DROP_REASON_COUNT; i++) retiredDrops += r[DROP_BASE + i]!;
  const total: Balance = {
    in: r[RX_PACKETS]!, generated: r[GENERATED]!, copied: r[COPIED]!, refused: r[REFUSED]!,
    out: r[TX_PACKETS]!, dropped: shutdownDrops + retiredDrops, held: 0, handled: r[HANDLED]!, off: 0,
  };
  const unbalanced: Record<string, Balance> = {};
  for (const a of apps) {
    a.report?.();
    const b = appBalance(a);
    if (b.off !== 0) unbalanced[a.name] = b;
    total.in += a.counters[RX_PACKETS]!;
    total.out += a.counters[TX_PACKETS]! + a.counters[ON_WORKERS]!;
    total.generated += b.generated;
    total.copied += b.copied;
    total.refused += b.refused;
    total.dropped += b.dropped;
    total.held += b.held;
    total.handled += b.handled;
  }
  // What sits on links, and what full links refused (the receiving app's link_full drops).
  for (const l of links) {
    total.held += l.nreadable();
    total.dropped += l.txDrop;
  }
  total.off = total.in + total.generated + total.copied + total.refused - (total.out + total.dropped + total.held + total.handled);
  return { total, unbalanced };
}

/**
 * A link is being torn down: fold its counts into the apps at its ends so their identities
 * keep holding. The receiver is credited with what the link refused as its own link_full
 * drops (as stats show them while the link lives); packets still queued are the caller's
 * shutdown drops.
 */
export function retireLink(l: Link, from: App | undefined, to: App | undefined): void {
  if (from) from.counters[LINKS_OUT] += l.txPackets + l.txDrop;
  if (to) {
    to.counters[LINKS_IN] += l.rxPackets + l.txDrop;
    to.counters[DROP_BASE + DropReason.LINK_FULL] += l.txDrop;
  }
}

/** An app stopped (after its stop() freed what it held): keep its counts in `retired`. */
export function retireApp(app: App, retired: Float64Array): void {
  const c = app.counters;
  for (let i = 0; i < c.length; i++) retired[i] += c[i]!;
}

/** One line for operators: the identity with its numbers, and a loud mark when it fails. */
export function balanceLine(b: Balance, unbalanced: readonly string[] = []): string {
  const line = `in ${b.in} + generated ${b.generated} + copied ${b.copied} + refused ${b.refused} = ` +
    `out ${b.out} + dropped ${b.dropped} + held ${b.held} + handled ${b.handled}`;
  if (b.off === 0 && unbalanced.length === 0) return line;
  return `${line}  DOES NOT ADD UP: off by ${b.off}${unbalanced.length ? ` (in ${unbalanced.join(', ')})` : ''}`;
}

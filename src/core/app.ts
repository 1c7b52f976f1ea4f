/**
 * App: the unit of composition (Snabb's app). Sluice's public library API: subclass `App`,
 * implement some of the hooks, register the class, and name it in a graph config.
 *
 *   pull()   bring packets in from outside (a port's peer, a file, a generator) onto outputs
 *   push()   move packets from inputs to outputs (process, forward, drop)
 *   tick()   periodic work at the engine's tick rate (timers, aging, flushing)
 *   linked() called after links were added/removed: cache `this.input.x` in fields
 *   stop()   release resources; packets still held must be freed
 *   wakeFds() eventfds the engine may sleep on when idle (kicks, interrupts, readiness)
 *   idle(s)  before sleeping (true: re-enable kicks, drain doorbells) and after waking (false)
 *   report() extra JSON for `stats`
 *   spread() the app's share of work for each worker engine (multiqueue ports), see runtime/place.ts
 *
 * Links are named by the app: `this.input.input`, `this.output.output`, etc. Port apps use
 * output `output` for packets received from the peer and input `input` for packets to
 * send to it; counters rx = from the peer, tx = to the peer.
 *
 *   held()   packets the app keeps between breaths (hold queues, pending batches)
 *   carrier() a port: whether its peer is there to exchange frames (absent: always); bonds
 *            take a member out when it is false (control path, not per packet)
 *
 * Super-frames (TSO/GSO frames up to 64 KiB in super buffers, packet.ts) reach an app's
 * inputs only when it says it handles them: `superFrames = 'send'` (a port that sends one
 * whole or cuts it itself at the last moment) or `'forward'` (passes it on unchanged, as the
 * bridge does; then its outputs must lead to such apps too). Every other app only ever sees
 * wire frames: the producer checks `Link.superFrames` and cuts first.
 *
 * Rules for hooks (they run per breath): no allocation, no closures, integer math; count
 * every drop with `this.drop(p, reason)` (or `refuse(reason)` for a frame that never became
 * a packet), a packet consumed on purpose with `handle(p)`, and packets made with
 * `counters[GENERATED]` / `counters[COPIED]`, so that the app's packets add up
 * (core/accounting.ts).
 */
import type { PacketPool } from './packet.js';
import type { Link } from './link.js';
import { COUNTER_COUNT, DROP_BASE, HANDLED, REFUSED } from './counters.js';
import type { DropReason } from './drop-reasons.js';
import type { AppSpec } from './config.js';

export interface AppContext {
  name: string;
  pool: PacketPool;
  /** Another app of the same engine by name, as it is now (absent outside an engine). */
  peer?: (name: string) => App | undefined;
}

export abstract class App {
  readonly name: string;
  readonly pool: PacketPool;
  /** Input links by name (set by the engine). */
  input: Record<string, Link> = Object.create(null) as Record<string, Link>;
  /** Output links by name (set by the engine). */
  output: Record<string, Link> = Object.create(null) as Record<string, Link>;
  /** The same links as arrays, in name order. */
  inputs: Link[] = [];
  outputs: Link[] = [];
  /** What the app does with super-frames on its inputs (see above); absent: never given any. */
  superFrames?: 'send' | 'forward';
  /** rx/tx/poll/drop counters (see counters.ts). */
  readonly counters = new Float64Array(COUNTER_COUNT);

  constructor(ctx: AppContext) {
    this.name = ctx.name;
    this.pool = ctx.pool;
  }

  pull?(): void;
  push?(): void;
  tick?(nowMs: number): void;
  linked?(): void;
  stop?(): void;
  wakeFds?(): number[];
  /** The engine is about to sleep (true: enable peer notifications) or woke up (false). */
  idle?(sleeping: boolean): void;
  report?(): Record<string, unknown>;
  /**
   * A port whose queues are served by worker engines: for worker k, the app spec to run
   * there under this app's name (the switch builds the workers' graphs from them).
   */
  spread?(): AppSpec[];
  /** Apply new args without restarting (return false to be restarted instead). */
  reconfig?(args: unknown): boolean;
  /** Packets the app keeps between breaths (absent: none). */
  held?(): number;
  /** A port's link state: its peer is connected and ready (absent: always up). */
  carrier?(): boolean;

  /** Free p and count it under `reason`. */
  drop(p: number, reason: DropReason): void {
    this.pool.free(p);
    this.counters[DROP_BASE + reason]++;
  }

  /** Count a frame the peer offered that never became a packet (no buffer, too big…). */
  refuse(reason: DropReason): void {
    this.counters[DROP_BASE + reason]++;
    this.counters[REFUSED]++;
  }

  /** Free p, consumed on purpose (an ARP request or echo the app answered). */
  handle(p: number): void {
    this.pool.free(p);
    this.counters[HANDLED]++;
  }
}

/** A class that can be named in a config: `new (ctx, args)`. */
export type AppClass = new (ctx: AppContext, args: any) => App;

/**
 * Interlinks (Snabb): apps that carry packets between engines on different threads through
 * a shared SPSC Ring. `ring-tx` moves its input link into the ring; `ring-rx` moves the
 * ring into its output link. Rings are named; every thread that uses one calls
 * `attachRing(name, buffer, size)` with the same SharedArrayBuffer before configuring.
 * A full ring drops (link_full) and counts; packet handles are valid in every thread
 * because all engines share one pool region.
 */
import { App, type AppContext } from './app.js';
import type { Link } from './link.js';
import { Ring } from './ring.js';
import { DROP_BASE, RX_BYTES, RX_PACKETS, TX_BYTES, TX_PACKETS } from './counters.js';
import { DropReason } from './drop-reasons.js';
import { registerApp } from './registry.js';

const BURST = 32;
const rings = new Map<string, { buffer: SharedArrayBuffer; size: number }>();

/** Allocate the bytes for a named ring (control thread). */
export function createRingBuffer(size: number): SharedArrayBuffer {
  const b = new SharedArrayBuffer(Ring.bytesFor(size));
  new Ring(b, 0, size, 'spsc', true);
  return b;
}

/** Make a named ring known to this thread. */
export function attachRing(name: string, buffer: SharedArrayBuffer, size: number): void {
  rings.set(name, { buffer, size });
}

function ringNamed(app: string, name: unknown): Ring {
  const r = typeof name === 'string' ? rings.get(name) : undefined;
  if (!r) throw new Error(`app "${app}": no shared ring named ${JSON.stringify(name)} (attachRing first)`);
  return new Ring(r.buffer, 0, r.size, 'spsc');
}

const ringSchema = { type: 'object', required: ['ring'], additionalProperties: false, properties: { ring: { type: 'string' } } };

export class RingTx extends App {
  private readonly ring: Ring;
  private readonly burst = new Uint32Array(BURST);
  private in: Link | undefined;
  constructor(ctx: AppContext, args: { ring: string }) {
    super(ctx);
    this.ring = ringNamed(ctx.name, args.ring);
  }
  override linked(): void { this.in = this.input.input; }
  override push(): void {
    const l = this.in;
    if (l === undefined) return;
    const b = this.burst, pool = this.pool, c = this.counters;
    while (!l.empty()) {
      let n = 0;
      while (n < BURST && !l.empty()) b[n++] = l.receive();
      const m = this.ring.enqueueBurst(b, 0, n);
      for (let i = 0; i < m; i++) { c[TX_PACKETS]++; c[TX_BYTES] += pool.len[b[i]!]!; }
      for (let i = m; i < n; i++) { pool.free(b[i]!); c[DROP_BASE + DropReason.LINK_FULL]++; }
    }
  }
}

export class RingRx extends App {
  private readonly ring: Ring;
  private readonly burst = new Uint32Array(BURST);
  private out: Link | undefined;
  constructor(ctx: AppContext, args: { ring: string }) {
    super(ctx);
    this.ring = ringNamed(ctx.name, args.ring);
  }
  override linked(): void { this.out = this.output.output; }
  override pull(): void {
    const o = this.out;
    if (o === undefined) return;
    const b = this.burst, pool = this.pool, c = this.counters;
    for (let rounds = 0; rounds < 4; rounds++) {
      const room = o.nwritable();
      const n = this.ring.dequeueBurst(b, 0, room < BURST ? room : BURST);
      for (let i = 0; i < n; i++) { c[RX_PACKETS]++; c[RX_BYTES] += pool.len[b[i]!]!; o.transmit(b[i]!); }
      if (n < BURST) break;
    }
  }
}

registerApp('ring-tx', RingTx, { schema: ringSchema, description: 'sends its input into a shared ring (to another engine)' });
registerApp('ring-rx', RingRx, { schema: ringSchema, description: 'receives from a shared ring onto its output' });

/**
 * `vhost-user-queues`: the queue pairs of a vhost-user port that one worker engine serves
 * (multiqueue spread over engines). The port itself (socket, protocol, memory table) stays
 * with its `vhost-user` app on the main thread; this app gets the rings through a share
 * (queue-share.ts) and runs only their data path, with the same links and counters as the
 * port app:
 *
 *        guest TX (its pairs) ──► pull() ──► output "output"
 *        guest RX (its pairs) ◄── push() ◄── input  "input"
 *
 * When `output` leads straight into another `vhost-user-queues` app on the same engine (a
 * patch of two multiqueue ports), pull() forwards guest to guest in one copy, as the port
 * app does. The switch builds these apps from `VhostUserApp.spread()`; they are not meant to
 * be written by hand in configs.
 */
import { App, type AppContext } from '../../core/app.js';
import type { Link } from '../../core/link.js';
import { RX_BYTES, RX_PACKETS, TX_BYTES, TX_PACKETS, DROP_BASE } from '../../core/counters.js';
import { DropReason } from '../../core/drop-reasons.js';
import { parseLink } from '../../core/config.js';
import { eventfdRead } from '../../sys/index.js';
import { QueueShareWorker, type ShareHandle } from './queue-share.js';

export const vhostUserQueuesSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['share'],
  properties: { share: { type: 'object', required: ['sab', 'wakeFd', 'rings', 'maxFrame', 'id'] } },
};

const BURST = 32;
/** Apps of this type on this thread by name (patch partners). */
const byName = new Map<string, VhostUserQueuesApp>();

export class VhostUserQueuesApp extends App {
  readonly share: QueueShareWorker;
  private out: Link | undefined;
  private in: Link | undefined;
  private direct: VhostUserQueuesApp | null = null;
  private readonly burst = new Uint32Array(BURST);

  constructor(ctx: AppContext, args: { share: ShareHandle }) {
    super(ctx);
    if (!(args.share.sab instanceof SharedArrayBuffer)) throw new Error(`app "${ctx.name}": share.sab must be a SharedArrayBuffer (built by the switch)`);
    this.share = new QueueShareWorker(args.share, (m) => console.error(`sluice: ${ctx.name} (vhost-user queues ${args.share.rings.join(',')}): ${m}`));
    byName.set(ctx.name, this);
  }

  override linked(): void {
    this.out = this.output.output;
    this.in = this.input.input;
    this.direct = null;
    if (this.out && process.env.SLUICE_VHOST_SINGLE_COPY !== '0') {
      const ends = parseLink(this.out.spec);
      const peer = byName.get(ends.to);
      if (peer && peer !== this && ends.input === 'input') this.direct = peer;
    }
  }

  override pull(): void {
    const out = this.out;
    if (out === undefined || !this.share.own()) return;
    const set = this.share.set;
    const d = this.direct;
    if (d !== null) {
      // Without its rings (not connected, or with the main thread for a moment) the peer's
      // set is empty: the frames are drained and counted as peer_no_buffer, as on one engine.
      d.share.own();
      const b0 = set.io.fromGuestBytes;
      const n = set.forwardTo(d.share.set, BURST * 4);
      if (n > 0) {
        const db = set.io.fromGuestBytes - b0;
        out.txPackets += n;
        out.rxPackets += n;
        out.txBytes += db;
        out.rxBytes += db;
      }
      return;
    }
    const room = out.nwritable();
    const n = set.dequeue(this.pool, this.burst, room < BURST ? room : BURST);
    for (let i = 0; i < n; i++) out.transmit(this.burst[i]!);
  }

  override push(): void {
    const l = this.in;
    if (l === undefined) return;
    this.share.own(); // answers a pause first; without rings, enqueue drops and counts
    const b = this.burst;
    while (!l.empty()) {
      let n = 0;
      while (n < BURST && !l.empty()) b[n++] = l.receive();
      this.share.set.enqueue(this.pool, b, n);
    }
  }

  override tick(): void {
    const s = this.share;
    s.own();
    s.checkQuarantine();
    s.publishCounters();
    const io = s.io, c = this.counters;
    c[RX_PACKETS] = io.fromGuestPackets;
    c[RX_BYTES] = io.fromGuestBytes;
    c[TX_PACKETS] = io.toGuestPackets;
    c[TX_BYTES] = io.toGuestBytes;
    c[DROP_BASE + DropReason.PEER_NO_BUFFER] = io.noGuestBuffer;
    c[DROP_BASE + DropReason.TOO_BIG] = io.tooBig;
    c[DROP_BASE + DropReason.NO_BUFFER] = io.noPoolBuffer;
  }

  /** The share's doorbell (publish/pause) and the guests' kicks on the TX rings held now. */
  override wakeFds(): number[] {
    return [this.share.wakeFd, ...this.share.set.kickFds()];
  }

  override idle(sleeping: boolean): void {
    if (!sleeping) return;
    this.share.own();
    this.share.set.enableKicks();
    // Stale kicks and doorbells: the engine breathes once more before it sleeps.
    for (const fd of this.wakeFds()) { try { eventfdRead(fd); } catch { /* a frontend's odd fd */ } }
  }

  override report(): Record<string, unknown> {
    this.tick();
    return { rings: this.share.handle.rings, singleCopy: this.direct !== null };
  }

  override stop(): void {
    this.share.detach();
    if (byName.get(this.name) === this) byName.delete(this.name);
  }
}

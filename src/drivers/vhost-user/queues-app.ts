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
 * patch of two multiqueue ports), pull() forwards guest to guest in one copy, and super-frames
 * cross whole, as the port app does (both are RingsApps, rings-app.ts). The switch builds these apps from `VhostUserApp.spread()`; they are not meant to
 * be written by hand in configs.
 */
import type { AppContext } from '../../core/app.js';
import { RingsApp } from './rings-app.js';
import type { RingSet } from './ring-set.js';
import { eventfdRead } from '../../sys/index.js';
import { QueueShareWorker, type ShareHandle } from './queue-share.js';

export const vhostUserQueuesSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['share'],
  properties: { share: { type: 'object', required: ['sab', 'wakeFd', 'rings', 'maxFrame', 'id'] } },
};

/** Apps of this type on this thread by name (patch partners). */
const byName = new Map<string, VhostUserQueuesApp>();

export class VhostUserQueuesApp extends RingsApp<VhostUserQueuesApp> {
  readonly share: QueueShareWorker;

  constructor(ctx: AppContext, args: { share: ShareHandle }) {
    super(ctx);
    if (!(args.share.sab instanceof SharedArrayBuffer)) throw new Error(`app "${ctx.name}": share.sab must be a SharedArrayBuffer (built by the switch)`);
    this.share = new QueueShareWorker(args.share, (m) => console.error(`sluice: ${ctx.name} (vhost-user queues ${args.share.rings.join(',')}): ${m}`));
    byName.set(ctx.name, this);
  }

  protected override peers(): ReadonlyMap<string, VhostUserQueuesApp> { return byName; }

  /** Answers a pause first; without the rings the set is empty (enqueue drops and counts). */
  override readyRings(): RingSet {
    this.share.own();
    return this.share.set;
  }

  override pull(): void {
    const out = this.out;
    if (out === undefined || !this.share.own()) return;
    this.fromGuest(this.share.set, out);
  }

  override push(): void {
    if (this.in !== undefined) this.toGuest(this.readyRings());
  }

  override tick(): void {
    const s = this.share;
    s.own();
    s.checkQuarantine();
    s.publishCounters();
    s.io.publish(this.counters);
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

/**
 * What both vhost-user apps do with their rings (a RingSet): the port app on the main engine
 * (app.ts) and the queues app a worker engine runs for its queue pairs (queues-app.ts).
 *
 *        guest TX ──► fromGuest() ──► output "output"
 *        guest RX ◄── toGuest()   ◄── input  "input"
 *
 * When `output` leads straight into a partner of the same kind (a patch), guest TX goes into
 * the partner's guest RX in one copy (single-copy.ts); else into the pool. Super-frames
 * (net-io.ts): a guest's go whole into the pool when the output link can carry them, and a
 * pool super-frame goes whole to a guest that negotiated the offload, else is cut here — so
 * every app on a RingSet says `send`, wherever it runs.
 */
import { App } from '../../core/app.js';
import type { Link } from '../../core/link.js';
import { patchPeer, forwardOnLink } from './single-copy.js';
import type { RingSet } from './ring-set.js';

const BURST = 32;

export abstract class RingsApp<Peer extends RingsApp<Peer>> extends App {
  override superFrames = 'send' as const;
  protected out: Link | undefined;
  protected in: Link | undefined;
  /** The patch partner for the single-copy path, if our output goes straight to it. */
  protected direct: Peer | null = null;
  private readonly burst = new Uint32Array(BURST);

  /** Apps of this kind on this thread by name (patch partners; control path). */
  protected abstract peers(): ReadonlyMap<string, Peer>;
  /** The rings, brought up to date for a burst (the port's refresh, a share's ownership). */
  abstract readyRings(): RingSet;

  override linked(): void {
    this.out = this.output.output;
    this.in = this.input.input;
    this.direct = patchPeer<RingsApp<Peer>>(this, this.out, this.peers()) as Peer | null;
  }

  /** Guest TX (`rings`, ready) onto `out`: straight into the partner's guest RX, or into the pool. */
  protected fromGuest(rings: RingSet, out: Link): void {
    const d = this.direct;
    if (d !== null) {
      // Without its rings (not connected, or with another thread for a moment) the peer's
      // set is empty: the frames are drained and counted as peer_no_buffer.
      forwardOnLink(rings, d.readyRings(), out, BURST * 4);
      return;
    }
    rings.dequeueLink(this.pool, out);
  }

  /** Everything on `input` into guest RX (`rings`, ready). */
  protected toGuest(rings: RingSet): void {
    const l = this.in;
    if (l !== undefined) rings.enqueueLink(this.pool, l, this.burst);
  }
}

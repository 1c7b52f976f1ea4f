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
import { App } from '../../core/app.js';
import { patchPeer, forwardOnLink } from './single-copy.js';
import { eventfdRead } from '../../sys/index.js';
import { QueueShareWorker } from './queue-share.js';
export const vhostUserQueuesSchema = {
    type: 'object',
    additionalProperties: false,
    required: ['share'],
    properties: { share: { type: 'object', required: ['sab', 'wakeFd', 'rings', 'maxFrame', 'id'] } },
};
const BURST = 32;
/** Apps of this type on this thread by name (patch partners). */
const byName = new Map();
export class VhostUserQueuesApp extends App {
    share;
    out;
    in;
    direct = null;
    burst = new Uint32Array(BURST);
    constructor(ctx, args) {
        super(ctx);
        if (!(args.share.sab instanceof SharedArrayBuffer))
            throw new Error(`app "${ctx.name}": share.sab must be a SharedArrayBuffer (built by the switch)`);
        this.share = new QueueShareWorker(args.share, (m) => console.error(`sluice: ${ctx.name} (vhost-user queues ${args.share.rings.join(',')}): ${m}`));
        byName.set(ctx.name, this);
    }
    linked() {
        this.out = this.output.output;
        this.in = this.input.input;
        this.direct = patchPeer(this, this.out, byName);
    }
    pull() {
        const out = this.out;
        if (out === undefined || !this.share.own())
            return;
        const set = this.share.set;
        const d = this.direct;
        if (d !== null) {
            // Without its rings (not connected, or with the main thread for a moment) the peer's
            // set is empty: the frames are drained and counted as peer_no_buffer, as on one engine.
            d.share.own();
            forwardOnLink(set, d.share.set, out, BURST * 4);
            return;
        }
        set.dequeueLink(this.pool, out);
    }
    push() {
        const l = this.in;
        if (l === undefined)
            return;
        this.share.own(); // answers a pause first; without rings, enqueue drops and counts
        this.share.set.enqueueLink(this.pool, l, this.burst);
    }
    tick() {
        const s = this.share;
        s.own();
        s.checkQuarantine();
        s.publishCounters();
        s.io.publish(this.counters);
    }
    /** The share's doorbell (publish/pause) and the guests' kicks on the TX rings held now. */
    wakeFds() {
        return [this.share.wakeFd, ...this.share.set.kickFds()];
    }
    idle(sleeping) {
        if (!sleeping)
            return;
        this.share.own();
        this.share.set.enableKicks();
        // Stale kicks and doorbells: the engine breathes once more before it sleeps.
        for (const fd of this.wakeFds()) {
            try {
                eventfdRead(fd);
            }
            catch { /* a frontend's odd fd */ }
        }
    }
    report() {
        this.tick();
        return { rings: this.share.handle.rings, singleCopy: this.direct !== null };
    }
    stop() {
        this.share.detach();
        if (byName.get(this.name) === this)
            byName.delete(this.name);
    }
}
//# sourceMappingURL=queues-app.js.map
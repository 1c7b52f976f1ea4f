/**
 * Interlinks (Snabb): apps that carry packets between engines on different threads through
 * a shared SPSC Ring. `ring-tx` moves its input link into the ring; `ring-rx` moves the
 * ring into its output link. Rings are named; every thread that uses one calls
 * `attachRing(name, buffer, size)` with the same SharedArrayBuffer before configuring.
 * A full ring drops (link_full) and counts; packet handles are valid in every thread
 * because all engines share one pool region.
 */
import { App } from './app.js';
import { Ring } from './ring.js';
import { DROP_BASE, RX_BYTES, RX_PACKETS, TX_BYTES, TX_PACKETS } from './counters.js';
import { DropReason } from './drop-reasons.js';
import { registerApp } from './registry.js';
import { eventfd, eventfdRead, eventfdWrite } from '../sys/index.js';
const BURST = 32;
const rings = new Map();
/** Allocate a ring and its doorbell (control thread). */
export function createSharedRing(size) {
    const buffer = new SharedArrayBuffer(Ring.bytesFor(size));
    new Ring(buffer, 0, size, 'spsc', true);
    return { buffer, size, doorbell: eventfd() };
}
/** Make a named ring known to this thread. */
export function attachRing(name, r) {
    rings.set(name, r);
}
function ringNamed(app, name) {
    const r = typeof name === 'string' ? rings.get(name) : undefined;
    if (!r)
        throw new Error(`app "${app}": no shared ring named ${JSON.stringify(name)} (attachRing first)`);
    return { ring: new Ring(r.buffer, 0, r.size, 'spsc'), doorbell: r.doorbell };
}
const ringSchema = { type: 'object', required: ['ring'], additionalProperties: false, properties: { ring: { type: 'string' } } };
export class RingTx extends App {
    ring;
    doorbell;
    burst = new Uint32Array(BURST);
    in;
    constructor(ctx, args) {
        super(ctx);
        const r = ringNamed(ctx.name, args.ring);
        this.ring = r.ring;
        this.doorbell = r.doorbell;
    }
    linked() { this.in = this.input.input; }
    push() {
        const l = this.in;
        if (l === undefined)
            return;
        const b = this.burst, pool = this.pool, c = this.counters;
        while (!l.empty()) {
            let n = 0;
            while (n < BURST && !l.empty())
                b[n++] = l.receive();
            const m = this.ring.enqueueBurst(b, 0, n);
            for (let i = 0; i < m; i++) {
                c[TX_PACKETS]++;
                c[TX_BYTES] += pool.len[b[i]];
            }
            for (let i = m; i < n; i++) {
                pool.free(b[i]);
                c[DROP_BASE + DropReason.LINK_FULL]++;
            }
            if (m > 0 && this.ring.consumerSleeping())
                eventfdWrite(this.doorbell); // pairs with idle(true) in RingRx
        }
    }
}
export class RingRx extends App {
    ring;
    doorbell;
    burst = new Uint32Array(BURST);
    out;
    constructor(ctx, args) {
        super(ctx);
        const r = ringNamed(ctx.name, args.ring);
        this.ring = r.ring;
        this.doorbell = r.doorbell;
    }
    wakeFds() { return [this.doorbell]; }
    /** Going to sleep: ask producers to ring; waking: stop asking and clear the bell. */
    idle(sleeping) {
        this.ring.setConsumerSleeping(sleeping);
        if (!sleeping)
            eventfdRead(this.doorbell);
    }
    linked() { this.out = this.output.output; }
    pull() {
        const o = this.out;
        if (o === undefined)
            return;
        const b = this.burst, pool = this.pool, c = this.counters;
        for (let rounds = 0; rounds < 4; rounds++) {
            const room = o.nwritable();
            const n = this.ring.dequeueBurst(b, 0, room < BURST ? room : BURST);
            for (let i = 0; i < n; i++) {
                c[RX_PACKETS]++;
                c[RX_BYTES] += pool.len[b[i]];
                o.transmit(b[i]);
            }
            if (n < BURST)
                break;
        }
    }
    /** Packets still in the ring when this end stops are freed and counted (shutdown). */
    stop() {
        const b = this.burst;
        for (;;) {
            const n = this.ring.dequeueBurst(b, 0, BURST);
            if (n === 0)
                break;
            for (let i = 0; i < n; i++)
                this.drop(b[i], DropReason.SHUTDOWN);
        }
    }
}
registerApp('ring-tx', RingTx, { schema: ringSchema, description: 'sends its input into a shared ring (to another engine)' });
registerApp('ring-rx', RingRx, { schema: ringSchema, description: 'receives from a shared ring onto its output' });
//# sourceMappingURL=interlink.js.map
/**
 * In-process ring port (`ring:NAME`): a virtual wire. The first port named NAME takes one
 * end, the second the other; what one end is sent comes out of the other end's output, through
 * a pair of shared SPSC rings (so the two ends may sit in different switches or engines of
 * one process). A full ring drops (`link_full`); packets sent while no peer end exists are
 * dropped as `port_down`.
 *
 *   input ──► ring a→b ──► output of the other end
 */
import { App } from '../../core/app.js';
import { Ring } from '../../core/ring.js';
import { DROP_BASE, RX_BYTES, RX_PACKETS, TX_BYTES, TX_PACKETS } from '../../core/counters.js';
import { DropReason } from '../../core/drop-reasons.js';
const SIZE = 1024, BURST = 32;
const wires = new Map();
export class RingPort extends App {
    wire;
    end;
    txRing;
    rxRing;
    burst = new Uint32Array(BURST);
    in;
    out;
    constructor(ctx, args) {
        super(ctx);
        let w = wires.get(args.name);
        if (!w) {
            const mk = () => { const b = new SharedArrayBuffer(Ring.bytesFor(SIZE)); new Ring(b, 0, SIZE, 'spsc', true); return b; };
            w = { rings: [mk(), mk()], ends: [null, null] };
            wires.set(args.name, w);
        }
        if (w.ends[0] !== null && w.ends[1] !== null)
            throw new Error(`ring port "${args.name}" already has two ends`);
        const end = w.ends[0] === null ? 0 : 1;
        this.wire = w;
        this.end = end;
        w.ends[end] = this;
        this.txRing = new Ring(w.rings[end], 0, SIZE, 'spsc');
        this.rxRing = new Ring(w.rings[end === 0 ? 1 : 0], 0, SIZE, 'spsc');
    }
    linked() { this.in = this.input.input; this.out = this.output.output; }
    pull() {
        const o = this.out;
        if (o === undefined)
            return;
        const room = o.nwritable();
        const n = this.rxRing.dequeueBurst(this.burst, 0, room < BURST ? room : BURST);
        const pool = this.pool, c = this.counters, b = this.burst;
        for (let i = 0; i < n; i++) {
            c[RX_PACKETS]++;
            c[RX_BYTES] += pool.len[b[i]];
            o.transmit(b[i]);
        }
    }
    push() {
        const l = this.in;
        if (l === undefined)
            return;
        const peer = this.wire.ends[1 - this.end] !== null;
        const pool = this.pool, c = this.counters, b = this.burst;
        while (!l.empty()) {
            let n = 0;
            while (n < BURST && !l.empty())
                b[n++] = l.receive();
            if (!peer) {
                for (let i = 0; i < n; i++)
                    this.drop(b[i], DropReason.PORT_DOWN);
                continue;
            }
            const m = this.txRing.enqueueBurst(b, 0, n);
            for (let i = 0; i < m; i++) {
                c[TX_PACKETS]++;
                c[TX_BYTES] += pool.len[b[i]];
            }
            for (let i = m; i < n; i++) {
                pool.free(b[i]);
                c[DROP_BASE + DropReason.LINK_FULL]++;
            }
        }
    }
    stop() {
        // Packets the peer never collected from our tx ring go back to the pool, counted.
        let n;
        while ((n = this.txRing.dequeueBurst(this.burst, 0, BURST)) > 0)
            for (let i = 0; i < n; i++)
                this.drop(this.burst[i], DropReason.SHUTDOWN);
        this.wire.ends[this.end] = null;
        if (this.wire.ends[0] === null && this.wire.ends[1] === null)
            for (const [k, v] of wires)
                if (v === this.wire)
                    wires.delete(k);
    }
}
//# sourceMappingURL=ring-port.js.map
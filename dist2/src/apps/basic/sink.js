/**
 * Sink (`sink`): consumes everything on `input`, counting it as transmitted to this port,
 * and verifies generator stamps: per packet it reads the sequence number where the
 * generator wrote it and counts in-order, lost (gaps), and late/duplicate packets.
 * `null` is the same without verification.
 */
import { App } from '../../core/app.js';
import { TX_BYTES, TX_PACKETS } from '../../core/counters.js';
import { STAMP_MAGIC } from './stamp.js';
export const sinkSchema = {
    type: 'object',
    additionalProperties: false,
    properties: { stampOffset: { type: 'integer', minimum: 0, maximum: 9000 }, verify: { type: 'boolean' } },
};
export class Sink extends App {
    in;
    verify;
    stampOffset;
    expected = 0;
    inOrder = 0;
    lost = 0;
    late = 0;
    unstamped = 0;
    burst = new Uint32Array(128);
    view;
    constructor(ctx, args) {
        super(ctx);
        this.verify = args.verify ?? true;
        this.stampOffset = args.stampOffset ?? 42;
        const d = this.pool.data;
        this.view = new DataView(d.buffer, d.byteOffset, d.byteLength);
    }
    linked() { this.in = this.input.input; }
    push() {
        const l = this.in;
        if (l === undefined)
            return;
        const pool = this.pool, burst = this.burst, c = this.counters;
        let n = 0, bytes = 0;
        for (;;) {
            const m = l.receiveBurst(burst, 128);
            if (m === 0)
                break;
            if (this.verify)
                this.check(m);
            pool.freeBurst(burst, m);
            n += m;
            bytes += l.burstBytes;
        }
        c[TX_PACKETS] += n;
        c[TX_BYTES] += bytes;
    }
    /** Verify the stamps of burst[0..m): in order, lost (gaps), late/duplicate, unstamped. */
    check(m) {
        const pool = this.pool, burst = this.burst, dv = this.view, lens = pool.len, offs = pool.off;
        const so = this.stampOffset, bufSize = pool.bufSize, magic = STAMP_MAGIC;
        let expected = this.expected, inOrder = 0, lost = 0, late = 0, unstamped = 0;
        for (let i = 0; i < m; i++) {
            const p = burst[i];
            const o = p * bufSize + offs[p] + so;
            // Stamp = magic "SLC1" then a big-endian u32 sequence (stamp.ts); DataView reads are one load each.
            if (lens[p] < so + 8 || dv.getUint32(o) !== magic) {
                unstamped++;
                continue;
            }
            const seq = dv.getUint32(o + 4);
            if (seq === expected) {
                inOrder++;
                expected = seq + 1;
            }
            else if (seq > expected) {
                lost += seq - expected;
                inOrder++;
                expected = seq + 1;
            }
            else {
                late++;
                lost--;
            }
        }
        this.expected = expected;
        this.inOrder += inOrder;
        this.lost += lost;
        this.late += late;
        this.unstamped += unstamped;
    }
    report() {
        return this.verify ? { inOrder: this.inOrder, lost: this.lost, late: this.late, unstamped: this.unstamped, nextExpected: this.expected } : {};
    }
}
/** `null`: discard everything given to it (counted as tx), produce nothing. */
export class NullPort extends Sink {
    constructor(ctx, _args) { super(ctx, { verify: false }); }
}
//# sourceMappingURL=sink.js.map
import { HEADROOM } from '../../core/packet.js';
import { DROP_BASE, RX_BYTES, RX_PACKETS } from '../../core/counters.js';
import { DropReason } from '../../core/drop-reasons.js';
import { GsoPlan, planGso, writeSegment } from '../../lib/offload/gso.js';
import { VnetHdr, OffloadError, OFFLOAD_ERROR_NAMES } from '../../lib/offload/vnet-hdr.js';
export class OffloadRx {
    pool;
    data32;
    counters;
    /** The header of the frame at hand (the port decodes into it). */
    vh = new VnetHdr();
    plan = new GsoPlan();
    /** Partial checksums finished, super-frames received, segments made from them. */
    checksumsCompleted = 0;
    superFramesIn = 0;
    segmented = 0;
    /** Refused headers by OffloadError. */
    errors = new Float64Array(OFFLOAD_ERROR_NAMES.length);
    constructor(pool, data32, counters) {
        this.pool = pool;
        this.data32 = data32;
        this.counters = counters;
    }
    /** Count a refused frame of `bytes`: one packet in, dropped as bad_offload. */
    refuse(err, bytes) {
        const c = this.counters;
        c[RX_PACKETS]++;
        c[RX_BYTES] += bytes;
        this.errors[err]++;
        c[DROP_BASE + DropReason.BAD_OFFLOAD]++;
    }
    /**
     * Plan the super-frame at `src[st, st+len)` (header `vh` already passed `checkVnetHdr`).
     * Returns its segment count, or 0 when refused (counted).
     */
    planSuper(src, st, len) {
        const err = planGso(src, st, len, this.vh, this.pool.maxLen, this.plan);
        if (err !== OffloadError.OK) {
            this.refuse(err, len);
            return 0;
        }
        return this.plan.segs;
    }
    /**
     * Write the planned super-frame's segments into new pool packets on `out`. A segment that
     * finds no pool buffer or no room on the link is dropped with that reason.
     */
    emit(src, src32, st, out) {
        const pool = this.pool, c = this.counters, plan = this.plan, data = pool.data, data32 = this.data32;
        this.superFramesIn++;
        for (let i = 0; i < plan.segs; i++) {
            c[RX_PACKETS]++;
            if (out.nwritable() === 0) {
                c[DROP_BASE + DropReason.LINK_FULL]++;
                continue;
            }
            const p = pool.alloc();
            if (p < 0) {
                c[DROP_BASE + DropReason.NO_BUFFER]++;
                continue;
            }
            // Same alignment mod 4 as the source: the copies run in words.
            pool.off[p] = HEADROOM - 4 + (st & 3);
            const n = writeSegment(src, src32, st, plan, i, data, data32, pool.start(p));
            pool.len[p] = n;
            c[RX_BYTES] += n;
            this.segmented++;
            out.transmit(p);
        }
    }
    /** The port report's `offloads` object (same names as the vhost-user port's). */
    report() {
        const errors = {};
        for (let i = 1; i < this.errors.length; i++)
            if (this.errors[i] > 0)
                errors[OFFLOAD_ERROR_NAMES[i]] = this.errors[i];
        return { superFramesIn: this.superFramesIn, segmented: this.segmented, checksumsCompleted: this.checksumsCompleted, errors };
    }
}
//# sourceMappingURL=offload-rx.js.map
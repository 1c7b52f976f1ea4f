import { LONG_COPY, copyBytes, wordsOf } from './copy.js';
import { RX_BYTES, RX_PACKETS, TX_BYTES, TX_PACKETS, DROP_BASE } from '../../core/counters.js';
import { DropReason } from '../../core/drop-reasons.js';
import { VnetHdr, readVnetHdr, checkVnetHdr, OffloadError, VNET_F_NEEDS_CSUM, GSO_NONE, GSO_TCPV4, GSO_TCPV6, GSO_ECN, } from '../../lib/offload/vnet-hdr.js';
import { GsoPlan, GSO_MAX_FRAME, planGso, writeSegment, completePartialChecksum } from '../../lib/offload/gso.js';
import { OFF_CSUM, OFF_TSO4, OFF_TSO6, OFF_ECN } from '../../virtio/net/net.js';
import { CutResult, cutIntoPool } from '../offload/into-pool.js';
/** Scatter entries one mergeable frame may use (DPDK BUF_VECTOR_MAX is 256). */
const MAX_MERGE = 256;
const EMPTY8 = new Uint8Array(0);
const EMPTY32 = new Uint32Array(0);
export class NetIo {
    /** virtio-net header bytes (12 with VERSION_1/MRG_RXBUF, else 10). */
    hdrLen = 12;
    mergeable = false;
    /** Largest frame accepted from a guest / pool buffer room. */
    maxFrame;
    notifyNeeded = false;
    // counters (plain numbers, published by the port)
    fromGuestPackets = 0;
    fromGuestBytes = 0;
    toGuestPackets = 0;
    toGuestBytes = 0;
    noGuestBuffer = 0;
    tooBig = 0;
    noPoolBuffer = 0;
    /** Offload headers refused; super-frames taken whole from / given whole to the guest; software work. */
    badOffload = 0;
    superFramesIn = 0;
    superFramesOut = 0;
    segmented = 0;
    checksumsCompleted = 0;
    /** Offloads the guest may send (device side) and may receive (driver side); OFF_* bits. */
    hostOffloads = 0;
    guestOffloads = 0;
    vh = new VnetHdr();
    plan = new GsoPlan();
    cut = new CutResult();
    /** A whole frame with its header (slow path) and one segment cut from it. */
    big = EMPTY8;
    big32 = EMPTY32;
    seg = EMPTY8;
    seg32 = EMPTY32;
    /** When set, the next RX header is copied from here (10 bytes) instead of zeros. */
    rxHdr = null;
    poolData = new Uint8Array(0);
    poolWords = new Uint32Array(0);
    mergeHead = new Uint32Array(MAX_MERGE);
    mergeLen = new Uint32Array(MAX_MERGE);
    /** Publish the counters into an app's counter array (rx = from the guest, tx = to it). */
    publish(c) {
        c[RX_PACKETS] = this.fromGuestPackets;
        c[RX_BYTES] = this.fromGuestBytes;
        c[TX_PACKETS] = this.toGuestPackets;
        c[TX_BYTES] = this.toGuestBytes;
        c[DROP_BASE + DropReason.PEER_NO_BUFFER] = this.noGuestBuffer;
        c[DROP_BASE + DropReason.TOO_BIG] = this.tooBig;
        c[DROP_BASE + DropReason.NO_BUFFER] = this.noPoolBuffer;
        c[DROP_BASE + DropReason.BAD_OFFLOAD] = this.badOffload;
    }
    /** Set the negotiated offloads (control path); the slow-path buffers come with them. */
    setOffloads(host, guest) {
        this.hostOffloads = host;
        this.guestOffloads = guest;
        if (host !== 0 && this.big.length === 0) {
            this.big = new Uint8Array((GSO_MAX_FRAME + 16 + 3) & ~3);
            this.big32 = new Uint32Array(this.big.buffer);
            this.seg = new Uint8Array((this.maxFrame + 3) & ~3);
            this.seg32 = new Uint32Array(this.seg.buffer);
        }
    }
    /** Whether the chain just popped has a header asking for work (flags or gso_type set). */
    wantsWork(q, mem) {
        if (q.segLen[0] < 2)
            return true; // header split oddly: the slow path gathers it
        const u8 = mem.u8[q.segRegion[0]], o = q.segOff[0];
        return (u8[o] | u8[o + 1]) !== 0;
    }
    /** Gather the chain just popped, header included, into `big`; false (counted) when too long or malformed. */
    gatherWhole(q, mem) {
        const frameLen = q.readBytes - this.hdrLen;
        if (frameLen > GSO_MAX_FRAME) {
            this.tooBig++;
            return false;
        }
        gatherChain(q, mem, 0, this.big, this.big32, 0);
        readVnetHdr(this.big, 0, this.vh);
        const bad = frameLen < 14 ? OffloadError.BAD_HEADERS : checkVnetHdr(this.vh, frameLen);
        if (bad !== OffloadError.OK) {
            this.badOffload++;
            return false;
        }
        return true;
    }
    /**
     * Slow path of guest TX into the pool: the chain just popped is gathered, checked, and
     * segmented or finished into pool packets at out[at..]. Returns the packets written, or
     * -1 when `room` cannot take every segment (the caller un-pops the chain).
     */
    dequeueOffload(q, mem, pool, dst32, out, at, room) {
        if (!this.gatherWhole(q, mem))
            return 0;
        const vh = this.vh, hl = this.hdrLen, frameLen = q.readBytes - hl;
        let segs = 1;
        if (vh.gsoType !== GSO_NONE) {
            const err = planGso(this.big, hl, frameLen, vh, this.maxFrame, this.plan);
            if (err !== OffloadError.OK) {
                this.badOffload++;
                return 0;
            }
            segs = this.plan.segs;
            if (segs > room)
                return -1;
        }
        else if (frameLen > this.maxFrame) {
            this.tooBig++;
            return 0;
        }
        const res = this.cut;
        cutIntoPool(this.big, this.big32, hl, frameLen, vh, this.plan, pool, dst32, out, at, res);
        const k = res.packets;
        this.noPoolBuffer += segs - k;
        this.fromGuestBytes += res.bytes;
        if (vh.gsoType !== GSO_NONE) {
            this.superFramesIn++;
            this.segmented += k;
        }
        else if (k === 1 && (vh.flags & VNET_F_NEEDS_CSUM) !== 0)
            this.checksumsCompleted++;
        return k;
    }
    constructor(maxFrame) {
        this.maxFrame = maxFrame;
    }
    /** u32 view of the pool's data (built once per pool). */
    words(pool) {
        if (pool.data !== this.poolData) {
            this.poolData = pool.data;
            this.poolWords = wordsOf(pool.data);
        }
        return this.poolWords;
    }
    /**
     * Guest TX → pool packets in `out`; returns how many. Takes chains while fewer than `max`
     * packets are out; a super-frame cut into segments may go up to `cap` (≤ out.length), else
     * it waits in the ring for a burst with room for all of it.
     */
    dequeueFromGuest(q, mem, pool, out, max, cap = max) {
        const hdrLen = this.hdrLen;
        const dst32 = this.words(pool);
        let n = 0;
        let used = 0;
        while (n < max) {
            const head = q.popChain(mem);
            if (head < 0)
                break;
            const frameLen = q.readBytes - hdrLen;
            if (this.hostOffloads !== 0 && (frameLen > this.maxFrame || this.wantsWork(q, mem))) {
                const got = this.dequeueOffload(q, mem, pool, dst32, out, n, cap - n);
                if (got < 0) {
                    q.unpop(1);
                    break;
                }
                q.addUsed(head, 0);
                used++;
                n += got;
                continue;
            }
            if (frameLen <= 0 || frameLen > this.maxFrame) {
                this.tooBig++;
                q.addUsed(head, 0);
                used++;
                continue;
            }
            const p = pool.alloc();
            if (p < 0) {
                this.noPoolBuffer++;
                q.unpop(1);
                break;
            }
            const dst = pool.data;
            gatherChain(q, mem, hdrLen, dst, dst32, pool.start(p));
            pool.len[p] = frameLen;
            q.addUsed(head, 0);
            used++;
            out[n++] = p;
            this.fromGuestBytes += frameLen;
        }
        this.fromGuestPackets += n;
        if (used > 0) {
            q.publishUsed();
            this.notifyNeeded = q.needsNotification();
        }
        else {
            this.notifyNeeded = false;
        }
        return n;
    }
    /**
     * Pool packets → guest RX. Every packet in pkts[0..n) is consumed (delivered or dropped)
     * and freed. Returns how many were delivered.
     */
    enqueueToGuest(q, mem, pool, pkts, n) {
        let delivered = 0;
        let k = 0;
        const src32 = this.words(pool);
        for (; k < n; k++) {
            const p = pkts[k];
            const ok = this.mergeable
                ? this.putMergeable(q, mem, pool.data, src32, pool.start(p), pool.len[p])
                : this.putSingle(q, mem, pool.data, src32, pool.start(p), pool.len[p]);
            pool.free(p);
            if (!ok) {
                k++;
                break;
            }
            delivered++;
        }
        // Out of guest buffers: the rest of the burst is dropped too.
        for (; k < n; k++) {
            pool.free(pkts[k]);
            this.noGuestBuffer++;
        }
        if (delivered > 0) {
            q.publishUsed();
            this.notifyNeeded = q.needsNotification();
        }
        else {
            this.notifyNeeded = false;
        }
        return delivered;
    }
    /** One frame into one chain. Returns false (counted) when no chain was available. */
    putSingle(q, mem, src, src32, srcOff, len) {
        const head = q.popChain(mem);
        if (head < 0) {
            this.noGuestBuffer++;
            return false;
        }
        const total = this.hdrLen + len;
        if (q.writeBytes < total || q.segLen[q.nReadable] < this.hdrLen) {
            // Too small for this frame: return the buffer unused, drop the frame.
            q.addUsed(head, 0);
            this.tooBig++;
            return true;
        }
        this.writeHeader(q, mem, 1);
        this.fill(q, mem, src, src32, srcOff, len, this.hdrLen);
        q.addUsed(head, total);
        this.toGuestPackets++;
        this.toGuestBytes += len;
        return true;
    }
    /**
     * One frame over as many chains as needed (MRG_RXBUF). Kept small so it inlines into the
     * burst loops: the common case is handled here, everything else in putMergeableFrom.
     */
    putMergeable(q, mem, src, src32, srcOff, len) {
        const head = q.popChain(mem);
        if (head < 0) {
            this.noGuestBuffer++;
            return false;
        }
        // Fast path: the frame fits the chain's one writable buffer, both sides 4-byte aligned
        // (DPDK and Linux buffers): the 12-byte header as three word stores, an inline word copy.
        if (q.nSegs === 1 && q.nReadable === 0 && this.hdrLen === 12 && len <= LONG_COPY && q.segLen[0] - 12 >= len) {
            const r = q.segRegion[0];
            const o = q.segOff[0];
            const d32 = mem.u32[r];
            if (((o | srcOff) & 3) === 0 && d32.length !== 0 && src32.length !== 0) {
                // TRUST: [o, o + 12 + len) is inside the region (popChain checked the whole buffer)
                // and [srcOff, srcOff + len) inside the source (checked by the caller), so every
                // word index below is inside its u32 view.
                const k = o >>> 2;
                d32[k] = 0;
                d32[k + 1] = 0;
                d32[k + 2] = 0x10000; // num_buffers = 1 (u16 LE at byte 10)
                const d = k + 3;
                const sw = srcOff >>> 2;
                const words = len >>> 2;
                const w4 = words & ~3;
                let w = 0;
                for (; w < w4; w += 4) {
                    d32[d + w] = src32[sw + w];
                    d32[d + w + 1] = src32[sw + w + 1];
                    d32[d + w + 2] = src32[sw + w + 2];
                    d32[d + w + 3] = src32[sw + w + 3];
                }
                for (; w < words; w++)
                    d32[d + w] = src32[sw + w];
                if ((len & 3) !== 0) {
                    const d8 = mem.u8[r];
                    for (let b = words << 2; b < len; b++)
                        d8[o + 12 + b] = src[srcOff + b];
                }
                q.addUsed(head, 12 + len);
                this.toGuestPackets++;
                this.toGuestBytes += len;
                return true;
            }
        }
        return this.putMergeableFrom(q, mem, head, src, src32, srcOff, len);
    }
    /** putMergeable's general path, with the first chain (`head`) already popped. */
    putMergeableFrom(q, mem, head, src, src32, srcOff, len) {
        const hdrLen = this.hdrLen;
        // General path: header in the first chain's first writable segment, the frame over as
        // many chains as it needs; `cur` is the chain in hand.
        if (q.nSegs === q.nReadable || q.segLen[q.nReadable] < hdrLen) {
            q.unpop(1);
            this.noGuestBuffer++;
            return false;
        }
        const hdrRegion = q.segRegion[q.nReadable];
        const hdrOff = q.segOff[q.nReadable];
        this.writeHeader(q, mem, 0);
        let remaining = len;
        let nbufs = 0;
        let skipHdr = hdrLen;
        let cur = head;
        for (;;) {
            const room = q.writeBytes - skipHdr;
            const chunk = remaining < room ? remaining : room;
            this.fill(q, mem, src, src32, srcOff + (len - remaining), chunk, skipHdr);
            remaining -= chunk;
            this.mergeHead[nbufs] = cur;
            this.mergeLen[nbufs] = chunk + skipHdr;
            nbufs++;
            if (remaining === 0)
                break;
            if (nbufs === MAX_MERGE) {
                q.unpop(nbufs);
                this.tooBig++;
                return true;
            }
            cur = q.popChain(mem);
            if (cur < 0) {
                q.unpop(nbufs);
                this.noGuestBuffer++;
                return false;
            }
            skipHdr = 0;
        }
        // num_buffers (u16 LE at header offset 10).
        const h = mem.u8[hdrRegion];
        h[hdrOff + 10] = nbufs & 0xff;
        h[hdrOff + 11] = nbufs >>> 8;
        for (let i = 0; i < nbufs; i++)
            q.addUsed(this.mergeHead[i], this.mergeLen[i]);
        this.toGuestPackets++;
        this.toGuestBytes += len;
        return true;
    }
    /** Header (zeros, or `rxHdr` passed through) with num_buffers into the current chain's first writable segment. */
    writeHeader(q, mem, numBuffers) {
        const s = q.nReadable;
        const u8 = mem.u8[q.segRegion[s]];
        const o = q.segOff[s];
        const h = this.rxHdr;
        if (h === null)
            for (let i = 0; i < this.hdrLen; i++)
                u8[o + i] = 0;
        else {
            // flags: only NEEDS_CSUM crosses (DATA_VALID and the rest are not the sender's to set).
            u8[o] = h[0] & VNET_F_NEEDS_CSUM;
            for (let i = 1; i < 10; i++)
                u8[o + i] = h[i];
            if (this.hdrLen >= 12)
                u8[o + 11] = 0;
        }
        if (this.hdrLen >= 12)
            u8[o + 10] = numBuffers;
    }
    /** One frame into guest RX with header `hdr` (offloads passed through); false when no chain. */
    putWithHeader(q, mem, hdr, src, src32, srcOff, len) {
        this.rxHdr = hdr;
        let ok;
        if (this.mergeable) {
            const head = q.popChain(mem);
            if (head < 0) {
                this.noGuestBuffer++;
                ok = false;
            }
            else
                ok = this.putMergeableFrom(q, mem, head, src, src32, srcOff, len);
        }
        else
            ok = this.putSingle(q, mem, src, src32, srcOff, len);
        this.rxHdr = null;
        return ok;
    }
    /** Whether this guest takes the work `vh` describes as it is (its GUEST_* offloads). */
    takes(vh) {
        const g = this.guestOffloads;
        if ((vh.flags & VNET_F_NEEDS_CSUM) !== 0 && (g & OFF_CSUM) === 0)
            return false;
        const t = vh.gsoType & ~GSO_ECN;
        if (t === GSO_NONE)
            return true;
        if ((vh.gsoType & GSO_ECN) !== 0 && (g & OFF_ECN) === 0)
            return false;
        return t === GSO_TCPV4 ? (g & OFF_TSO4) !== 0 : t === GSO_TCPV6 && (g & OFF_TSO6) !== 0;
    }
    /**
     * Slow path guest → guest: the chain just popped from this guest asks for offload work.
     * Passed whole when `d` takes it, else cut / finished here. Returns frames delivered; adds
     * the extra wire frames a cut made to `fromGuestPackets`.
     */
    forwardOffload(sq, smem, d, dq, dmem) {
        if (!this.gatherWhole(sq, smem))
            return 0;
        const vh = this.vh, hl = this.hdrLen, frameLen = sq.readBytes - hl, big = this.big, big32 = this.big32;
        if (d.takes(vh)) {
            if (!d.putWithHeader(dq, dmem, big, big, big32, hl, frameLen))
                return 0;
            if (vh.gsoType !== GSO_NONE) {
                this.superFramesIn++;
                d.superFramesOut++;
            }
            return 1;
        }
        if (vh.gsoType === GSO_NONE) {
            if (frameLen > d.maxFrame) {
                d.tooBig++;
                return 0;
            }
            completePartialChecksum(big, hl, frameLen, vh.csumStart, vh.csumOffset);
            this.checksumsCompleted++;
            return d.mergeable ? (d.putMergeable(dq, dmem, big, big32, hl, frameLen) ? 1 : 0) : (d.putSingle(dq, dmem, big, big32, hl, frameLen) ? 1 : 0);
        }
        const plan = this.plan;
        if (planGso(big, hl, frameLen, vh, this.seg.length, plan) !== OffloadError.OK) {
            this.badOffload++;
            return 0;
        }
        this.superFramesIn++;
        this.segmented += plan.segs;
        this.fromGuestPackets += plan.segs - 1;
        let delivered = 0;
        for (let i = 0; i < plan.segs; i++) {
            const len = writeSegment(big, big32, hl, plan, i, this.seg, this.seg32, 0);
            const ok = d.mergeable ? d.putMergeable(dq, dmem, this.seg, this.seg32, 0, len) : d.putSingle(dq, dmem, this.seg, this.seg32, 0, len);
            if (!ok) {
                d.noGuestBuffer += plan.segs - i - 1;
                break;
            } // out of guest buffers: the rest too
            delivered++;
        }
        return delivered;
    }
    /** Copy `len` bytes into the current chain's writable segments, starting `skip` bytes in. */
    fill(q, mem, src, src32, srcOff, len, skip) {
        const ns = q.nSegs;
        for (let s = q.nReadable; s < ns && len > 0; s++) {
            let off = q.segOff[s];
            let room = q.segLen[s];
            if (skip > 0) {
                const k = skip < room ? skip : room;
                skip -= k;
                off += k;
                room -= k;
            }
            const c = len < room ? len : room;
            if (c > 0) {
                const r = q.segRegion[s];
                copyBytes(mem.u8[r], mem.u32[r], off, src, src32, srcOff, c);
                srcOff += c;
                len -= c;
            }
        }
    }
    /**
     * Single-copy path: up to `max` frames from `src` guest TX straight into `dst` guest RX
     * (`dstIo` holds the destination's header size, mergeable flag and counters). Frames that
     * find no destination buffer are dropped and counted on `dstIo.noGuestBuffer`. Returns the
     * number of frames taken from the source.
     */
    forwardGuestToGuest(sq, smem, dstIo, dq, dmem, max) {
        const hdrLen = this.hdrLen;
        let n = 0;
        let delivered = 0;
        while (n < max) {
            const head = sq.popChain(smem);
            if (head < 0)
                break;
            n++;
            const frameLen = sq.readBytes - hdrLen;
            if (this.hostOffloads !== 0 && (frameLen > this.maxFrame || this.wantsWork(sq, smem))) {
                delivered += this.forwardOffload(sq, smem, dstIo, dq, dmem);
                sq.addUsed(head, 0);
                this.fromGuestBytes += frameLen > 0 ? frameLen : 0;
                continue;
            }
            if (frameLen <= 0 || frameLen > this.maxFrame || sq.nReadable !== 1 || sq.segLen[0] < sq.readBytes) {
                // Multi-segment TX chains take the generic path: gather into a contiguous copy.
                if (frameLen > 0 && frameLen <= this.maxFrame && dstIo.forwardScattered(sq, smem, hdrLen, frameLen, dq, dmem))
                    delivered++;
                else if (frameLen <= 0 || frameLen > this.maxFrame)
                    this.tooBig++;
                sq.addUsed(head, 0);
                this.fromGuestBytes += frameLen > 0 ? frameLen : 0;
                continue;
            }
            // Common case: header + frame in one readable descriptor; copy from where it lies.
            const sr = sq.segRegion[0];
            const ok = dstIo.mergeable
                ? dstIo.putMergeable(dq, dmem, smem.u8[sr], smem.u32[sr], sq.segOff[0] + hdrLen, frameLen)
                : dstIo.putSingle(dq, dmem, smem.u8[sr], smem.u32[sr], sq.segOff[0] + hdrLen, frameLen);
            sq.addUsed(head, 0);
            this.fromGuestBytes += frameLen;
            if (ok)
                delivered++;
        }
        this.fromGuestPackets += n;
        if (n > 0) {
            sq.publishUsed();
            this.notifyNeeded = sq.needsNotification();
        }
        else {
            this.notifyNeeded = false;
        }
        if (delivered > 0) {
            dq.publishUsed();
            dstIo.notifyNeeded = dq.needsNotification();
        }
        else {
            dstIo.notifyNeeded = false;
        }
        return n;
    }
    /** Consume up to `max` TX chains without copying (no destination); returns how many. */
    dequeueDrop(q, mem, max) {
        let n = 0;
        while (n < max) {
            const head = q.popChain(mem);
            if (head < 0)
                break;
            q.addUsed(head, 0);
            n++;
        }
        this.fromGuestPackets += n;
        if (n > 0) {
            q.publishUsed();
            this.notifyNeeded = q.needsNotification();
        }
        else {
            this.notifyNeeded = false;
        }
        return n;
    }
    // Bounce buffer for scattered source chains (rare: Linux and DPDK send header+frame together
    // or header + one data descriptor).
    bounce = new Uint8Array(0);
    bounce32 = new Uint32Array(0);
    forwardScattered(sq, smem, sHdr, frameLen, dq, dmem) {
        if (this.bounce.length < this.maxFrame) { // once
            this.bounce = new Uint8Array((this.maxFrame + 3) & ~3);
            this.bounce32 = new Uint32Array(this.bounce.buffer);
        }
        gatherChain(sq, smem, sHdr, this.bounce, this.bounce32, 0);
        return this.mergeable ? this.putMergeable(dq, dmem, this.bounce, this.bounce32, 0, frameLen) : this.putSingle(dq, dmem, this.bounce, this.bounce32, 0, frameLen);
    }
}
/**
 * Copy the readable segments of the chain `q` just popped into `dst` at `d`, skipping the
 * first `skip` bytes (the virtio-net header); returns the byte offset after the last copied.
 * TRUST: segOff/segLen/segRegion were bounds-checked against guest memory by popChain.
 */
function gatherChain(q, mem, skip, dst, dst32, d) {
    const nr = q.nReadable;
    for (let s = 0; s < nr; s++) {
        let off = q.segOff[s];
        let len = q.segLen[s];
        if (skip > 0) {
            const k = skip < len ? skip : len;
            skip -= k;
            off += k;
            len -= k;
        }
        if (len > 0) {
            const r = q.segRegion[s];
            copyBytes(dst, dst32, d, mem.u8[r], mem.u32[r], off, len);
            d += len;
        }
    }
    return d;
}
//# sourceMappingURL=net-io.js.map
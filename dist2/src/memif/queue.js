/**
 * memif rings and the per-burst data path, over typed-array views of the shared regions.
 * Pure: no fds, no syscalls, no engine imports; the packet pool is a structural `PoolView`.
 *
 * Who writes what (DPDK net_memif, non-zero-copy, which libmemif matches):
 *   C2S ring (client produces): client writes descriptors and `head`; server reads
 *     descriptors from its `tail` cursor up to `head`, then publishes `tail`.
 *   S2C ring (server produces): client (the receiver) owns `head` and posts empty buffers
 *     (descriptor length = buffer size); server fills descriptors from `tail` up to `head`,
 *     writing length/flags, and publishes `tail`; client reads up to `tail`.
 *   `flags` bit MASK_INT is set by the ring's consumer: "I poll, don't write my eventfd".
 *
 * Trust (ARCHITECTURE T1–T4): every index and descriptor the peer can write is read once
 * into a local and checked before use. A producer index more than the ring size away from
 * our cursor is a structural violation: the burst returns -1 with `fault` set and the
 * driver disconnects. A descriptor whose (region, offset, length) is outside the region
 * table drops one packet (`stats.badDesc`). Descriptors we post (client) are rewritten from
 * our own layout each time, never read back. Buffer chains (DESC_FLAG_NEXT) are bounded by
 * the slots available and by `pool.maxLen`.
 *
 * Hot path rules: no allocation, integer math, monomorphic `MemifRing` (all fields set in
 * the constructor); head/tail are published with Atomics.store after the descriptor and
 * data stores (seq-cst: pairs with the peer's acquire load of the index) and read with
 * Atomics.load (pairs with the peer's release store).
 */
import { DESC_FLAG_NEXT, DESC_SIZE, MEMIF_COOKIE, RING_COOKIE, RING_DESC, RING_FLAGS, RING_FLAG_MASK_INT, RING_HEAD, RING_TAIL, ringBytes, } from './wire.js';
/** The regions of one connection, as views (index = memif region index). */
export class RegionTable {
    u8 = [];
    u16 = [];
    u32 = [];
    size = [];
    count = 0;
    /** Control path: add region `count` over `buf` (the whole mapping, `size` bytes usable). */
    add(buf, size) {
        this.u8.push(new Uint8Array(buf, 0, size));
        this.u16.push(new Uint16Array(buf, 0, size >>> 1));
        this.u32.push(new Uint32Array(buf, 0, size >>> 2));
        this.size.push(size);
        this.count++;
    }
    clear() {
        this.u8 = [];
        this.u16 = [];
        this.u32 = [];
        this.size = [];
        this.count = 0;
    }
}
/** Counters shared by the rings of one port (plain numbers, published by the app). */
export class QueueStats {
    rxPackets = 0;
    rxBytes = 0;
    txPackets = 0;
    txBytes = 0;
    /** Descriptors outside the region table (one packet dropped each). */
    badDesc = 0;
    /** Our pool was empty when a packet arrived (it stays in the ring). */
    noBuffer = 0;
    /** The peer's ring had no room: packets dropped on transmit. */
    peerNoBuffer = 0;
    /** Frames longer than a pool buffer (rx) were dropped. */
    tooBig = 0;
}
/** Region 0 layout: [C2S rings][S2C rings][buffers: ring by ring, slot by slot]. */
export function clientLayout(numC2s, numS2c, log2RingSize, bufferSize) {
    const rb = ringBytes(log2RingSize);
    const ringSize = 1 << log2RingSize;
    const bufferOffset = (numC2s + numS2c) * rb;
    const size = bufferOffset + bufferSize * ringSize * (numC2s + numS2c);
    if (size > 0xffffffff)
        throw new RangeError(`memif region would be ${size} bytes; offsets are 32-bit (reduce queues, ring-size or buffer-size)`);
    return {
        ringBytes: rb, bufferOffset, size,
        ringOffset: (c2s, i) => (c2s ? i : numC2s + i) * rb,
        bufferFor: (c2s, i, slot) => bufferOffset + ((c2s ? i : numC2s + i) * ringSize + slot) * bufferSize,
    };
}
/** Control path: write a fresh ring header and descriptors (client, before ADD_RING). */
export function initRing(region, offset, log2RingSize, descBuffer, bufferSize) {
    const v = new DataView(region.buffer, region.byteOffset + offset, ringBytes(log2RingSize));
    v.setUint32(RING_COOKIE, MEMIF_COOKIE, true);
    v.setUint16(RING_FLAGS, 0, true);
    v.setUint16(RING_HEAD, 0, true);
    v.setUint16(RING_TAIL, 0, true);
    for (let s = 0; s < 1 << log2RingSize; s++) {
        const d = RING_DESC + s * DESC_SIZE;
        v.setUint16(d, 0, true);
        v.setUint16(d + 2, 0, true);
        v.setUint32(d + 4, bufferSize, true);
        v.setUint32(d + 8, descBuffer(s), true);
        v.setUint32(d + 12, 0, true);
    }
}
/** Role of one ring from Sluice's side. */
export const RingRole = {
    /** Sluice server receiving on a C2S ring. */
    SERVER_RX: 0,
    /** Sluice server transmitting on an S2C ring. */
    SERVER_TX: 1,
    /** Sluice client receiving on an S2C ring (owns head, posts buffers). */
    CLIENT_RX: 2,
    /** Sluice client transmitting on a C2S ring. */
    CLIENT_TX: 3,
};
const LONG_COPY = 512;
/**
 * One ring of a connection. Built at connect time (control path); `receive`/`transmit`
 * run per burst. Views are of the region holding the ring; packet buffers are looked up
 * in `regions` by the descriptor's region index.
 */
export class MemifRing {
    regions;
    stats;
    u16;
    u32;
    cookieIdx;
    headIdx;
    tailIdx;
    flagsIdx;
    descBase;
    size;
    mask;
    role;
    /** Our private cursor: next slot to consume (rx) or to produce (tx). */
    cursor = 0;
    /** CLIENT_RX: our head (next slot to post a buffer into). */
    head = 0;
    /** Client rings: region and first-buffer offset of our own buffers. */
    ownRegion;
    ownBufBase;
    bufferSize;
    /** Eventfd for this ring (interrupt mode), -1 if none. */
    fd;
    /** Set (with -1 returned) on a structural violation. */
    fault = '';
    poolData32;
    constructor(regions, ringRegion, ringOffset, log2RingSize, role, fd, stats, pool, ownBufBase = 0, bufferSize = 0) {
        this.regions = regions;
        this.stats = stats;
        if ((ringOffset & 3) !== 0)
            throw new RangeError(`ring offset ${ringOffset} is not 4-byte aligned`);
        this.u16 = regions.u16[ringRegion];
        this.u32 = regions.u32[ringRegion];
        this.cookieIdx = (ringOffset + RING_COOKIE) >>> 2;
        this.headIdx = (ringOffset + RING_HEAD) >>> 1;
        this.tailIdx = (ringOffset + RING_TAIL) >>> 1;
        this.flagsIdx = (ringOffset + RING_FLAGS) >>> 1;
        this.descBase = (ringOffset + RING_DESC) >>> 2;
        this.size = 1 << log2RingSize;
        this.mask = this.size - 1;
        this.role = role;
        this.ownRegion = ringRegion;
        this.ownBufBase = ownBufBase;
        this.bufferSize = bufferSize;
        this.fd = fd;
        const d = pool.data;
        this.poolData32 = d.byteOffset % 4 === 0 ? new Uint32Array(d.buffer, d.byteOffset, d.length >>> 2) : new Uint32Array(0);
    }
    /** Cookie check (server, at CONNECT). */
    cookieOk() {
        return this.u32[this.cookieIdx] === MEMIF_COOKIE;
    }
    /** Control path at connect: both sides start from head = tail = 0 (DPDK memif_connect). */
    reset() {
        Atomics.store(this.u16, this.headIdx, 0);
        Atomics.store(this.u16, this.tailIdx, 0);
        this.cursor = 0;
        this.head = 0;
    }
    /** As consumer: ask the producer to interrupt us (false) or not (true, polling). */
    setMaskInt(masked) {
        Atomics.store(this.u16, this.flagsIdx, masked ? RING_FLAG_MASK_INT : 0);
    }
    /** As producer: does the consumer want an eventfd write after we publish? */
    interruptWanted() {
        return (Atomics.load(this.u16, this.flagsIdx) & RING_FLAG_MASK_INT) === 0 && this.fd >= 0;
    }
    /**
     * Receive up to `max` packets into `out`; returns how many, or -1 on a structural
     * violation (`fault`). Consumes every slot it looks at except an incomplete chain.
     */
    receive(pool, out, max) {
        const u32 = this.u32;
        const mask = this.mask;
        const regions = this.regions;
        const stats = this.stats;
        // The producer's index: head on C2S (we are the server), tail on S2C (we are the client).
        const prod = Atomics.load(this.u16, this.role === RingRole.SERVER_RX ? this.headIdx : this.tailIdx);
        const avail = (prod - this.cursor) & 0xffff;
        if (avail > this.size) {
            this.fault = `${this.role === RingRole.SERVER_RX ? 'head' : 'tail'} ${prod} is ${avail} slots ahead of our cursor ${this.cursor}, ring size ${this.size}`;
            return -1;
        }
        let cur = this.cursor;
        let left = avail;
        let n = 0;
        const maxLen = pool.maxLen;
        while (left > 0 && n < max) {
            const p = pool.alloc();
            if (p < 0) {
                stats.noBuffer++;
                break;
            }
            const dst = pool.start(p);
            let total = 0;
            let used = 0;
            let bad = false;
            let big = false;
            let complete = false;
            while (used < left) {
                const d = this.descBase + (((cur + used) & mask) << 2);
                // T2: each peer-written field read once into a local.
                const w0 = u32[d];
                const length = u32[d + 1];
                const offset = u32[d + 2];
                used++;
                const region = w0 >>> 16;
                if (!bad && !big) {
                    if (region >= regions.count)
                        bad = true;
                    else {
                        const rsize = regions.size[region];
                        if (length > rsize || offset > rsize - length)
                            bad = true;
                        else if (total + length > maxLen)
                            big = true;
                        else {
                            // TRUST: [offset, offset+length) ⊂ region (checked above); dst+total+length ≤ maxLen.
                            copyIn(pool.data, this.poolData32, dst + total, regions.u8[region], regions.u32[region], offset, length);
                            total += length;
                        }
                    }
                }
                if ((w0 & DESC_FLAG_NEXT) === 0) {
                    complete = true;
                    break;
                }
            }
            if (!complete) {
                pool.free(p);
                break;
            } // chain continues past what the producer published
            cur = (cur + used) & 0xffff;
            left -= used;
            if (bad) {
                pool.free(p);
                stats.badDesc++;
                continue;
            }
            if (big) {
                pool.free(p);
                stats.tooBig++;
                continue;
            }
            pool.len[p] = total;
            out[n++] = p;
            stats.rxPackets++;
            stats.rxBytes += total;
        }
        this.cursor = cur;
        if (this.role === RingRole.SERVER_RX) {
            // Publishes the consumed slots back to the client; pairs with its load of tail.
            Atomics.store(this.u16, this.tailIdx, cur);
        }
        else {
            this.refill();
        }
        return n;
    }
    /** CLIENT_RX: post our own empty buffers into every free slot, then publish head. */
    refill() {
        const u32 = this.u32;
        const mask = this.mask;
        let head = this.head;
        const room = this.size - ((head - this.cursor) & 0xffff);
        const w0 = this.ownRegion << 16;
        for (let k = 0; k < room; k++) {
            const slot = head & mask;
            const d = this.descBase + (slot << 2);
            u32[d] = w0;
            u32[d + 1] = this.bufferSize;
            u32[d + 2] = this.ownBufBase + slot * this.bufferSize;
            head = (head + 1) & 0xffff;
        }
        this.head = head;
        // Publishes the posted buffers; pairs with the server's load of head.
        Atomics.store(this.u16, this.headIdx, head);
    }
    /**
     * Transmit `n` packets from `pkts`; consumes (frees) all of them. Returns how many were
     * sent, or -1 on a structural violation (`fault`; the packets are freed and counted).
     */
    transmit(pool, pkts, n) {
        const u32 = this.u32;
        const mask = this.mask;
        const stats = this.stats;
        const regions = this.regions;
        const client = this.role === RingRole.CLIENT_TX;
        let free;
        if (client) {
            const tail = Atomics.load(this.u16, this.tailIdx);
            const inFlight = (this.cursor - tail) & 0xffff;
            if (inFlight > this.size) {
                this.fault = `tail ${tail} is ${inFlight} slots behind our head ${this.cursor}, ring size ${this.size}`;
                return this.dropAll(pool, pkts, 0, n);
            }
            free = this.size - inFlight;
        }
        else {
            const head = Atomics.load(this.u16, this.headIdx);
            free = (head - this.cursor) & 0xffff;
            if (free > this.size) {
                this.fault = `head ${head} is ${free} slots ahead of our tail ${this.cursor}, ring size ${this.size}`;
                return this.dropAll(pool, pkts, 0, n);
            }
        }
        let cur = this.cursor;
        let sent = 0;
        let i = 0;
        for (; i < n; i++) {
            const p = pkts[i];
            let left = pool.len[p];
            const total = left;
            let src = pool.start(p);
            let used = 0;
            let bad = false;
            let fits = true;
            do {
                if (used === free) {
                    fits = false;
                    break;
                }
                const slot = (cur + used) & mask;
                const d = this.descBase + (slot << 2);
                let region, off, cap;
                if (client) {
                    region = this.ownRegion;
                    off = this.ownBufBase + slot * this.bufferSize;
                    cap = this.bufferSize;
                }
                else {
                    // T2: the client posted this buffer; read once, check against the region table.
                    const w0 = u32[d];
                    cap = u32[d + 1];
                    off = u32[d + 2];
                    region = w0 >>> 16;
                    if (region >= regions.count || cap === 0 || cap > regions.size[region] || off > regions.size[region] - cap) {
                        bad = true;
                        u32[d] = region << 16; // hand the slot back empty
                        u32[d + 1] = 0;
                        used++;
                        break;
                    }
                }
                const c = left < cap ? left : cap;
                // TRUST: [off, off+c) ⊂ region (own layout, or checked above).
                copyOut(regions.u8[region], regions.u32[region], off, pool.data, this.poolData32, src, c);
                src += c;
                left -= c;
                used++;
                u32[d] = (region << 16) | (left > 0 ? DESC_FLAG_NEXT : 0);
                u32[d + 1] = c;
                if (client)
                    u32[d + 2] = off;
            } while (left > 0);
            if (!fits)
                break; // ring full: this packet and the rest are dropped below
            cur = (cur + used) & 0xffff;
            free -= used;
            if (bad) {
                stats.badDesc++;
                pool.free(p);
                continue;
            }
            stats.txPackets++;
            stats.txBytes += total;
            sent++;
            pool.free(p);
        }
        this.cursor = cur;
        // Publishes descriptors and data written above; pairs with the consumer's load.
        Atomics.store(this.u16, client ? this.headIdx : this.tailIdx, cur);
        if (i < n) {
            stats.peerNoBuffer += n - i;
            for (; i < n; i++)
                pool.free(pkts[i]);
        }
        return sent;
    }
    dropAll(pool, pkts, from, n) {
        for (let i = from; i < n; i++)
            pool.free(pkts[i]);
        this.stats.peerNoBuffer += n - from;
        return -1;
    }
}
/** region → pool copy; word loop when both sides are 4-byte aligned (H6). */
function copyIn(dst8, dst32, dstOff, src8, src32, srcOff, len) {
    if (len > LONG_COPY) {
        dst8.set(src8.subarray(srcOff, srcOff + len), dstOff);
        return;
    }
    let i = 0;
    if (((dstOff | srcOff) & 3) === 0 && dst32.length !== 0) {
        const words = len >>> 2;
        const dw = dstOff >>> 2, sw = srcOff >>> 2;
        for (let w = 0; w < words; w++)
            dst32[dw + w] = src32[sw + w];
        i = words << 2;
    }
    for (; i < len; i++)
        dst8[dstOff + i] = src8[srcOff + i];
}
/** pool → region copy (same shape as copyIn, kept separate so each stays monomorphic). */
function copyOut(dst8, dst32, dstOff, src8, src32, srcOff, len) {
    if (len > LONG_COPY) {
        dst8.set(src8.subarray(srcOff, srcOff + len), dstOff);
        return;
    }
    let i = 0;
    if (((dstOff | srcOff) & 3) === 0 && src32.length !== 0) {
        const words = len >>> 2;
        const dw = dstOff >>> 2, sw = srcOff >>> 2;
        for (let w = 0; w < words; w++)
            dst32[dw + w] = src32[sw + w];
        i = words << 2;
    }
    for (; i < len; i++)
        dst8[dstOff + i] = src8[srcOff + i];
}
//# sourceMappingURL=queue.js.map
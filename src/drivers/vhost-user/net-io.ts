/**
 * virtio-net data path of a vhost-user port (device side): bursts between split queues in
 * guest memory and the packet pool, plus the single-copy guest→guest path.
 *
 * - `dequeueFromGuest` (guest TX): pops chains, strips the virtio-net header, copies the
 *   frame into a pool packet, returns the chain with used len 0. One used.idx publish per burst.
 * - `enqueueToGuest` (guest RX): writes a zero header (no offloads negotiated) and the frame
 *   into guest buffers; with VIRTIO_NET_F_MRG_RXBUF a frame spans as many chains as it needs
 *   and num_buffers says how many (jumbo frames). Without enough guest buffers the frame is
 *   dropped and counted (`noGuestBuffer`); the chains already taken are put back.
 * - `forwardGuestToGuest`: copies straight from the source guest's TX buffers into the
 *   destination guest's RX buffers (one copy instead of two through the pool).
 * After each burst `notifyNeeded` says whether the caller must signal the call eventfd.
 * Nothing here allocates or throws; a quarantined queue just moves nothing (the port reports it).
 */
import type { GuestMemory } from '../../mem/guest-memory.js';
import type { DeviceQueue } from '../../virtio/split/device-queue.js';
import { LONG_COPY, copyBytes, wordsOf } from './copy.js';
import { RX_BYTES, RX_PACKETS, TX_BYTES, TX_PACKETS, DROP_BASE } from '../../core/counters.js';
import { DropReason } from '../../core/drop-reasons.js';

/** The slice of core's PacketPool this module uses. */
export interface PoolView {
  readonly data: Uint8Array;
  readonly len: { [i: number]: number };
  start(p: number): number;
  alloc(): number;
  free(p: number): void;
}

/** Scatter entries one mergeable frame may use (DPDK BUF_VECTOR_MAX is 256). */
const MAX_MERGE = 256;

export class NetIo {
  /** virtio-net header bytes (12 with VERSION_1/MRG_RXBUF, else 10). */
  hdrLen = 12;
  mergeable = false;
  /** Largest frame accepted from a guest / pool buffer room. */
  maxFrame: number;
  notifyNeeded = false;
  // counters (plain numbers, published by the port)
  fromGuestPackets = 0;
  fromGuestBytes = 0;
  toGuestPackets = 0;
  toGuestBytes = 0;
  noGuestBuffer = 0;
  tooBig = 0;
  noPoolBuffer = 0;
  private poolData: Uint8Array = new Uint8Array(0);
  private poolWords: Uint32Array = new Uint32Array(0);
  private readonly mergeHead = new Uint32Array(MAX_MERGE);
  private readonly mergeLen = new Uint32Array(MAX_MERGE);

  /** Publish the counters into an app's counter array (rx = from the guest, tx = to it). */
  publish(c: Float64Array): void {
    c[RX_PACKETS] = this.fromGuestPackets;
    c[RX_BYTES] = this.fromGuestBytes;
    c[TX_PACKETS] = this.toGuestPackets;
    c[TX_BYTES] = this.toGuestBytes;
    c[DROP_BASE + DropReason.PEER_NO_BUFFER] = this.noGuestBuffer;
    c[DROP_BASE + DropReason.TOO_BIG] = this.tooBig;
    c[DROP_BASE + DropReason.NO_BUFFER] = this.noPoolBuffer;
  }

  constructor(maxFrame: number) {
    this.maxFrame = maxFrame;
  }

  /** u32 view of the pool's data (built once per pool). */
  private words(pool: PoolView): Uint32Array {
    if (pool.data !== this.poolData) {
      this.poolData = pool.data;
      this.poolWords = wordsOf(pool.data);
    }
    return this.poolWords;
  }

  /** Guest TX → pool packets in `out`; returns how many. */
  dequeueFromGuest(q: DeviceQueue, mem: GuestMemory, pool: PoolView, out: Uint32Array, max: number): number {
    const hdrLen = this.hdrLen;
    const dst32 = this.words(pool);
    let n = 0;
    let used = 0;
    while (n < max) {
      const head = q.popChain(mem);
      if (head < 0) break;
      const frameLen = q.readBytes - hdrLen;
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
    } else {
      this.notifyNeeded = false;
    }
    return n;
  }

  /**
   * Pool packets → guest RX. Every packet in pkts[0..n) is consumed (delivered or dropped)
   * and freed. Returns how many were delivered.
   */
  enqueueToGuest(q: DeviceQueue, mem: GuestMemory, pool: PoolView, pkts: Uint32Array, n: number): number {
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
    } else {
      this.notifyNeeded = false;
    }
    return delivered;
  }

  /** One frame into one chain. Returns false (counted) when no chain was available. */
  private putSingle(q: DeviceQueue, mem: GuestMemory, src: Uint8Array, src32: Uint32Array, srcOff: number, len: number): boolean {
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
  private putMergeable(q: DeviceQueue, mem: GuestMemory, src: Uint8Array, src32: Uint32Array, srcOff: number, len: number): boolean {
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
        for (; w < words; w++) d32[d + w] = src32[sw + w];
        if ((len & 3) !== 0) {
          const d8 = mem.u8[r];
          for (let b = words << 2; b < len; b++) d8[o + 12 + b] = src[srcOff + b];
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
  private putMergeableFrom(q: DeviceQueue, mem: GuestMemory, head: number, src: Uint8Array, src32: Uint32Array, srcOff: number, len: number): boolean {
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
      if (remaining === 0) break;
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
    for (let i = 0; i < nbufs; i++) q.addUsed(this.mergeHead[i], this.mergeLen[i]);
    this.toGuestPackets++;
    this.toGuestBytes += len;
    return true;
  }

  /** Zero header with num_buffers into the first writable segment of the current chain. */
  private writeHeader(q: DeviceQueue, mem: GuestMemory, numBuffers: number): void {
    const s = q.nReadable;
    const u8 = mem.u8[q.segRegion[s]];
    const o = q.segOff[s];
    for (let i = 0; i < this.hdrLen; i++) u8[o + i] = 0;
    if (this.hdrLen >= 12) u8[o + 10] = numBuffers;
  }

  /** Copy `len` bytes into the current chain's writable segments, starting `skip` bytes in. */
  private fill(q: DeviceQueue, mem: GuestMemory, src: Uint8Array, src32: Uint32Array, srcOff: number, len: number, skip: number): void {
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
  forwardGuestToGuest(sq: DeviceQueue, smem: GuestMemory, dstIo: NetIo, dq: DeviceQueue, dmem: GuestMemory, max: number): number {
    const hdrLen = this.hdrLen;
    let n = 0;
    let delivered = 0;
    while (n < max) {
      const head = sq.popChain(smem);
      if (head < 0) break;
      n++;
      const frameLen = sq.readBytes - hdrLen;
      if (frameLen <= 0 || frameLen > this.maxFrame || sq.nReadable !== 1 || sq.segLen[0] < sq.readBytes) {
        // Multi-segment TX chains take the generic path: gather into a contiguous copy.
        if (frameLen > 0 && frameLen <= this.maxFrame && dstIo.forwardScattered(sq, smem, hdrLen, frameLen, dq, dmem)) delivered++;
        else if (frameLen <= 0 || frameLen > this.maxFrame) this.tooBig++;
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
      if (ok) delivered++;
    }
    this.fromGuestPackets += n;
    if (n > 0) {
      sq.publishUsed();
      this.notifyNeeded = sq.needsNotification();
    } else {
      this.notifyNeeded = false;
    }
    if (delivered > 0) {
      dq.publishUsed();
      dstIo.notifyNeeded = dq.needsNotification();
    } else {
      dstIo.notifyNeeded = false;
    }
    return n;
  }

  /** Consume up to `max` TX chains without copying (no destination); returns how many. */
  dequeueDrop(q: DeviceQueue, mem: GuestMemory, max: number): number {
    let n = 0;
    while (n < max) {
      const head = q.popChain(mem);
      if (head < 0) break;
      q.addUsed(head, 0);
      n++;
    }
    this.fromGuestPackets += n;
    if (n > 0) {
      q.publishUsed();
      this.notifyNeeded = q.needsNotification();
    } else {
      this.notifyNeeded = false;
    }
    return n;
  }

  // Bounce buffer for scattered source chains (rare: Linux and DPDK send header+frame together
  // or header + one data descriptor).
  private bounce = new Uint8Array(0);
  private bounce32 = new Uint32Array(0);

  private forwardScattered(sq: DeviceQueue, smem: GuestMemory, sHdr: number, frameLen: number, dq: DeviceQueue, dmem: GuestMemory): boolean {
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
function gatherChain(q: DeviceQueue, mem: GuestMemory, skip: number, dst: Uint8Array, dst32: Uint32Array, d: number): number {
  const nr = q.nReadable;
  for (let s = 0; s < nr; s++) {
    let off = q.segOff[s]!;
    let len = q.segLen[s]!;
    if (skip > 0) {
      const k = skip < len ? skip : len;
      skip -= k;
      off += k;
      len -= k;
    }
    if (len > 0) {
      const r = q.segRegion[s]!;
      copyBytes(dst, dst32, d, mem.u8[r]!, mem.u32[r]!, off, len);
      d += len;
    }
  }
  return d;
}

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
 *
 * Offloads (`hostOffloads`: what the guest may send, from CSUM/HOST_TSO4/6/HOST_ECN;
 * `guestOffloads`: what it takes, from GUEST_CSUM/GUEST_TSO4/6/GUEST_ECN). A guest TX header
 * that asks for work (partial checksum, GSO) or a frame beyond a pool buffer takes the slow
 * path: the chain is gathered whole (up to 64 KiB) and checked. Into the pool, a super-frame
 * beyond an ordinary buffer goes whole into a super buffer with its offload state when the
 * output link may carry one (`keepWhole`, from Link.superFrames); otherwise, and for frames
 * that fit an ordinary buffer, it is segmented / its checksum finished on arrival. A
 * super-frame from the pool (handle ≥ pool.count) goes to a guest that takes it whole with a
 * header made from its offload state, else it is cut here, at the last moment.
 * Guest to guest, a super-frame goes whole, header and all, when the destination negotiated
 * that offload (as DPDK's vhost and OVS-DPDK's userspace TSO do), else it is cut or finished
 * in software for it. A header that does not match its frame is dropped as `bad_offload`.
 * After each burst `notifyNeeded` says whether the caller must signal the call eventfd.
 * Nothing here allocates or throws; a quarantined queue just moves nothing (the port reports it).
 */
import { sourceMacIs } from './mac-lock.js';
import type { DirtyLog } from './dirty-log.js';
import type { GuestMemory } from '../../mem/guest-memory.js';
import type { DeviceQueue } from '../../virtio/split/device-queue.js';
import { LONG_COPY, copyBytes, wordsOf } from './copy.js';
import { RX_BYTES, RX_PACKETS, TX_BYTES, TX_PACKETS, DROP_BASE, REFUSED } from '../../core/counters.js';
import { DropReason } from '../../core/drop-reasons.js';
import {
  VnetHdr, readVnetHdr, checkVnetHdr, OffloadError, VNET_F_NEEDS_CSUM, GSO_NONE, GSO_TCPV4, GSO_TCPV6, GSO_ECN,
} from '../../lib/offload/vnet-hdr.js';
import { GsoPlan, GSO_MAX_FRAME, planGso, writeSegment, writeGsoHdr, completePartialChecksum } from '../../lib/offload/gso.js';
import { OFF_CSUM, OFF_TSO4, OFF_TSO6, OFF_ECN } from '../../virtio/net/net.js';
import { CutResult, cutIntoPool, setSuperState } from '../offload/into-pool.js';
import { peerTakes } from '../offload/offload-tx.js';

/** The slice of core's PacketPool this module uses. */
export interface PoolView {
  readonly data: Uint8Array;
  readonly len: { [i: number]: number };
  start(p: number): number;
  alloc(): number;
  free(p: number): void;
  /** As alloc()/free() for out[at..at+n) (core/packet.ts: per four handles, not per handle). */
  allocBurst(out: Uint32Array, n: number, at: number): number;
  freeBurst(handles: Uint32Array, n: number, at: number): void;
  /** Handles at or above it are super buffers, with offload state (core/packet.ts). */
  readonly count: number;
  allocSuper(): number;
  readonly gsoType: { [i: number]: number };
  readonly gsoSize: { [i: number]: number };
  readonly csumStart: { [i: number]: number };
  readonly csumOffset: { [i: number]: number };
}

/** Scatter entries one mergeable frame may use (DPDK BUF_VECTOR_MAX is 256). */
const MAX_MERGE = 256;
/** Frames per stage of the guest→guest burst path (forwardGuestToGuest). */
const FWD_BATCH = 32;

const EMPTY8 = new Uint8Array(0);
const EMPTY32 = new Uint32Array(0);

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
  /** Guest TX frames dropped before they became packets (too big, bad offload header, no pool buffer). */
  refused = 0;
  /** Offload headers refused; super-frames taken whole from / given whole to the guest; software work. */
  badOffload = 0;
  superFramesIn = 0;
  superFramesOut = 0;
  segmented = 0;
  checksumsCompleted = 0;
  /** Segments of pool super-frames cut for this guest that found no guest buffer (the super-frame itself counts as delivered when any segment was). */
  segmentsLost = 0;
  /** Whether guest TX super-frames may go whole into the pool (the output link can carry them: Link.superFrames). */
  keepWhole = false;
  /** While the frontend migrates: where RX writes into guest memory are logged (dirty-log.ts). */
  dirty: DirtyLog | null = null;
  /** Anti-spoofing (mac-lock.ts): when set, guest frames from another source MAC are dropped. */
  macLock = false;
  macHi = 0;
  macLo = 0;
  spoofed = 0;
  /** Offloads the guest may send (device side) and may receive (driver side); OFF_* bits. */
  hostOffloads = 0;
  guestOffloads = 0;
  private readonly vh = new VnetHdr();
  private readonly plan = new GsoPlan();
  private readonly cut = new CutResult();
  /** A whole frame with its header (slow path) and one segment cut from it. */
  private big = EMPTY8;
  private big32 = EMPTY32;
  private seg = EMPTY8;
  private seg32 = EMPTY32;
  /** The virtio-net header made for a pool super-frame passed whole. */
  private readonly superHdr = new Uint8Array(12);
  /** When set, the next RX header is copied from here (10 bytes) instead of zeros. */
  private rxHdr: Uint8Array | null = null;
  private poolData: Uint8Array = new Uint8Array(0);
  private poolWords: Uint32Array = new Uint32Array(0);
  private readonly mergeHead = new Uint32Array(MAX_MERGE);
  private readonly mergeLen = new Uint32Array(MAX_MERGE);
  /** Burst path scratch (forwardGuestToGuest, enqueueToGuest). */
  private readonly run = new Run();
  /** The pool's byte and word views as one-region lists (the burst path's source for enqueueToGuest). */
  private poolData1: Uint8Array[] = [EMPTY8];
  private poolWords1: Uint32Array[] = [EMPTY32];
  /** Sink of the touch stage's loads (kept so the compiler cannot drop them). */
  touched = 0;

  /** Publish the counters into an app's counter array (rx = from the guest, tx = to it). */
  publish(c: Float64Array): void {
    c[RX_PACKETS] = this.fromGuestPackets;
    c[RX_BYTES] = this.fromGuestBytes;
    c[TX_PACKETS] = this.toGuestPackets;
    c[TX_BYTES] = this.toGuestBytes;
    c[DROP_BASE + DropReason.PEER_NO_BUFFER] = this.noGuestBuffer;
    c[DROP_BASE + DropReason.TOO_BIG] = this.tooBig;
    c[DROP_BASE + DropReason.NO_BUFFER] = this.noPoolBuffer;
    c[DROP_BASE + DropReason.BAD_OFFLOAD] = this.badOffload;
    c[REFUSED] = this.refused;
    c[DROP_BASE + DropReason.SPOOFED] = this.spoofed;
  }

  /** Whether the chain just popped must be dropped by the MAC lock (counted: spoofed, refused). */
  private spoof(q: DeviceQueue, mem: GuestMemory): boolean {
    if (sourceMacIs(q, mem, this.hdrLen, this.macHi, this.macLo)) return false;
    this.spoofed++;
    this.refused++;
    return true;
  }

  /** Set the negotiated offloads (control path); the slow-path buffers come with them. */
  setOffloads(host: number, guest: number): void {
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
  private wantsWork(q: DeviceQueue, mem: GuestMemory): boolean {
    if (q.segLen[0] < 2) return true; // header split oddly: the slow path gathers it
    const u8 = mem.u8[q.segRegion[0]], o = q.segOff[0];
    return (u8[o] | u8[o + 1]) !== 0;
  }

  /** Gather the chain just popped, header included, into `big`; false (counted) when too long or malformed. */
  private gatherWhole(q: DeviceQueue, mem: GuestMemory): boolean {
    const frameLen = q.readBytes - this.hdrLen;
    if (frameLen > GSO_MAX_FRAME) { this.tooBig++; this.refused++; return false; }
    gatherChain(q, mem, 0, this.big, this.big32, 0);
    readVnetHdr(this.big, 0, this.vh);
    const bad = frameLen < 14 ? OffloadError.BAD_HEADERS : checkVnetHdr(this.vh, frameLen);
    if (bad !== OffloadError.OK) { this.badOffload++; this.refused++; return false; }
    return true;
  }

  /**
   * Slow path of guest TX into the pool: the chain just popped is gathered, checked, and
   * segmented or finished into pool packets at out[at..]. Returns the packets written, or
   * -1 when `room` cannot take every segment (the caller un-pops the chain).
   */
  private dequeueOffload(q: DeviceQueue, mem: GuestMemory, pool: PoolView, dst32: Uint32Array, out: Uint32Array, at: number, room: number): number {
    if (!this.gatherWhole(q, mem)) return 0;
    const vh = this.vh, hl = this.hdrLen, frameLen = q.readBytes - hl;
    let segs = 1;
    if (vh.gsoType !== GSO_NONE) {
      const err = planGso(this.big, hl, frameLen, vh, this.maxFrame, this.plan);
      if (err !== OffloadError.OK) { this.badOffload++; this.refused++; return 0; }
      segs = this.plan.segs;
      if (segs > room) return -1;
    } else if (frameLen > this.maxFrame) { this.tooBig++; this.refused++; return 0; }
    const res = this.cut;
    cutIntoPool(this.big, this.big32, hl, frameLen, vh, this.plan, pool, dst32, out, at, res);
    const k = res.packets;
    this.noPoolBuffer += segs - k;
    this.refused += segs - k;
    this.fromGuestBytes += res.bytes;
    if (vh.gsoType !== GSO_NONE) { this.superFramesIn++; this.segmented += k; }
    else if (k === 1 && (vh.flags & VNET_F_NEEDS_CSUM) !== 0) this.checksumsCompleted++;
    return k;
  }

  constructor(maxFrame: number) {
    this.maxFrame = maxFrame;
  }

  /**
   * Guest TX of a frame beyond an ordinary buffer into a super buffer, whole: the chain (its
   * header into the headroom) is gathered there in one copy and checked as a GSO frame; the
   * packet carries gso type/size and the checksum offsets found by parsing it. Returns 1 (at
   * out[at]), 0 when refused (counted), or -2 when no super buffer is free or the frame is
   * beyond one (the caller cuts it instead).
   */
  private dequeueSuper(q: DeviceQueue, mem: GuestMemory, pool: PoolView, dst32: Uint32Array, out: Uint32Array, at: number): number {
    const hl = this.hdrLen, frameLen = q.readBytes - hl;
    if (frameLen > 65535) return -2;
    const p = pool.allocSuper();
    if (p < 0) return -2;
    const d = pool.start(p), data = pool.data, vh = this.vh, plan = this.plan;
    gatherChain(q, mem, 0, data, dst32, d - hl);
    readVnetHdr(data, d - hl, vh);
    let bad = checkVnetHdr(vh, frameLen);
    if (bad === OffloadError.OK && vh.gsoType === GSO_NONE) { pool.free(p); this.tooBig++; this.refused++; return 0; }
    if (bad === OffloadError.OK) bad = planGso(data, d, frameLen, vh, this.maxFrame, plan);
    if (bad !== OffloadError.OK) { pool.free(p); this.badOffload++; this.refused++; return 0; }
    setSuperState(pool, p, frameLen, vh, plan);
    out[at] = p;
    this.superFramesIn++;
    this.fromGuestBytes += frameLen;
    return 1;
  }

  /**
   * A pool super-frame (handle ≥ pool.count) into this guest's RX: whole, with a virtio-net
   * header from its offload state, when the guest takes that offload; else cut here into
   * wire frames. Counts one packet to the guest when any of it was delivered (segments
   * without a guest buffer: `segmentsLost`), else one `noGuestBuffer` drop. The caller frees p.
   */
  private putSuper(q: DeviceQueue, mem: GuestMemory, pool: PoolView, src32: Uint32Array, p: number): boolean {
    const vh = this.vh, plan = this.plan, data = pool.data, st = pool.start(p), len = pool.len[p];
    vh.flags = VNET_F_NEEDS_CSUM;
    vh.gsoType = pool.gsoType[p];
    vh.gsoSize = pool.gsoSize[p];
    vh.csumStart = pool.csumStart[p];
    vh.csumOffset = pool.csumOffset[p];
    if (this.seg.length === 0) { // once per port, the first time it must cut
      this.seg = new Uint8Array((this.maxFrame + 3) & ~3);
      this.seg32 = new Uint32Array(this.seg.buffer);
    }
    // Checked on arrival; parsed again because a forwarder may have moved the headers (VLAN).
    // Consumed either way: a refusal is a bad_offload drop, not a full guest ring.
    if (planGso(data, st, len, vh, this.seg.length, plan) !== OffloadError.OK) { this.badOffload++; return true; }
    if (this.takes(vh)) {
      writeGsoHdr(this.superHdr, 0, vh.gsoType, vh.gsoSize, plan);
      if (!this.putWithHeader(q, mem, this.superHdr, data, src32, st, len)) return false;
      this.superFramesOut++;
      return true;
    }
    const pk0 = this.toGuestPackets, nb0 = this.noGuestBuffer;
    let delivered = 0, i = 0;
    for (; i < plan.segs; i++) {
      const n = writeSegment(data, src32, st, plan, i, this.seg, this.seg32, 0);
      const ok = this.mergeable ? this.putMergeable(q, mem, this.seg, this.seg32, 0, n) : this.putSingle(q, mem, this.seg, this.seg32, 0, n);
      if (!ok) break; // out of guest buffers: the rest too
      delivered++;
    }
    this.segmented += delivered;
    this.segmentsLost += plan.segs - delivered;
    // One pool packet: delivered once, or dropped once (the put counted each segment).
    this.toGuestPackets = pk0 + (delivered > 0 ? 1 : 0);
    this.noGuestBuffer = nb0 + (delivered > 0 ? 0 : 1);
    return delivered > 0;
  }

  /** u32 view of the pool's data (built once per pool). */
  private words(pool: PoolView): Uint32Array {
    if (pool.data !== this.poolData) {
      this.poolData = pool.data;
      this.poolWords = wordsOf(pool.data);
      this.poolData1 = [this.poolData];
      this.poolWords1 = [this.poolWords];
    }
    return this.poolWords;
  }

  /**
   * Guest TX → pool packets in `out`; returns how many. Takes chains while fewer than `max`
   * packets are out; a super-frame cut into segments may go up to `cap` (≤ out.length), else
   * it waits in the ring for a burst with room for all of it.
   */
  dequeueFromGuest(q: DeviceQueue, mem: GuestMemory, pool: PoolView, out: Uint32Array, max: number, cap = max): number {
    const hdrLen = this.hdrLen;
    const dst32 = this.words(pool);
    let n = 0;
    let used = 0;
    while (n < max) {
      // Burst path first (see forwardGuestToGuest): runs of chains in the common shape.
      const want = max - n < FWD_BATCH ? max - n : FWD_BATCH;
      // With a MAC lock every chain takes the per-frame path, which checks the source.
      const k = this.macLock ? 0 : this.popFastRun(q, mem, want);
      if (k > 0) {
        const got = this.runIntoPool(q, mem, pool, dst32, out, n, k);
        n += got;
        used += got;
        if (got < k) break; // the pool ran dry: the rest went back to the ring
        if (k === want) continue;
      }
      const head = q.popChain(mem);
      if (head < 0) break;
      if (this.macLock && this.spoof(q, mem)) { q.addUsed(head, 0); used++; continue; }
      const frameLen = q.readBytes - hdrLen;
      if (this.hostOffloads !== 0 && (frameLen > this.maxFrame || this.wantsWork(q, mem))) {
        let got = frameLen > this.maxFrame && this.keepWhole ? this.dequeueSuper(q, mem, pool, dst32, out, n) : -2;
        if (got === -2) got = this.dequeueOffload(q, mem, pool, dst32, out, n, cap - n);
        if (got < 0) { q.unpop(1); break; }
        q.addUsed(head, 0);
        used++;
        n += got;
        continue;
      }
      if (frameLen <= 0 || frameLen > this.maxFrame) {
        this.tooBig++;
        this.refused++;
        q.addUsed(head, 0);
        used++;
        continue;
      }
      const p = pool.alloc();
      if (p < 0) {
        this.noPoolBuffer++;
        this.refused++;
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
    // Burst path first (see forwardGuestToGuest): runs of frames whose chain takes them whole.
    if (this.hdrLen === 12 && src32.length !== 0 && this.dirty === null) { // logging: per frame, logged
      while (k < n) {
        const want = n - k < FWD_BATCH ? n - k : FWD_BATCH;
        const d = this.popRunFor(q, mem, pool, pkts, k, want);
        if (d > 0) {
          this.toGuestBytes += writeRun(this.run, q, mem, this.poolData1, this.poolWords1, d);
          this.toGuestPackets += d;
          delivered += d;
          pool.freeBurst(pkts, d, k);
          k += d;
        }
        if (d < want) break;
      }
    }
    const superBase = pool.count;
    for (; k < n; k++) {
      const p = pkts[k];
      // A super-frame (super buffers hold only frames beyond LONG_COPY, so never the burst path's).
      const ok = p >= superBase ? this.putSuper(q, mem, pool, src32, p) : this.mergeable
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

  /**
   * Pop destination chains for pool packets pkts[at..at+want) while each takes its frame whole
   * in one aligned writable buffer (the burst path's shape) into `run`; returns how many. The
   * first chain of another shape is left in the ring for the per-frame path.
   */
  private popRunFor(q: DeviceQueue, mem: GuestMemory, pool: PoolView, pkts: Uint32Array, at: number, want: number): number {
    const ra = this.run.a, du32 = mem.u32;
    let d = 0;
    for (; d < want; d++) {
      const p = pkts[at + d], len = pool.len[p], so = pool.start(p);
      const head = q.popChain(mem);
      if (head < 0) break;
      const o = q.segOff[0];
      if (q.nSegs !== 1 || q.nReadable !== 0 || q.segLen[0] - 12 < len || ((o | so) & 3) !== 0 || len > LONG_COPY ||
          du32[q.segRegion[0]].length === 0) {
        q.unpop(1);
        break;
      }
      ra[(d << 3) + 1] = 0;
      ra[(d << 3) + 2] = so;
      ra[(d << 3) + 3] = len;
      ra[(d << 3) + 4] = head;
      ra[(d << 3) + 5] = q.segRegion[0];
      ra[(d << 3) + 6] = o;
    }
    return d;
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
    if (this.dirty !== null) this.dirty.chain(q, mem, total);
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
        if (this.dirty !== null) this.dirty.chain(q, mem, 12 + len);
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
      if (this.dirty !== null) this.dirty.chain(q, mem, chunk + skipHdr);
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
    // Marked again: the header's page may have been logged (and synced) before this write.
    if (this.dirty !== null) this.dirty.mark(mem.gpaStart[hdrRegion]! + hdrOff + 10, 2);
    for (let i = 0; i < nbufs; i++) q.addUsed(this.mergeHead[i], this.mergeLen[i]);
    this.toGuestPackets++;
    this.toGuestBytes += len;
    return true;
  }

  /** Header (zeros, or `rxHdr` passed through) with num_buffers into the current chain's first writable segment. */
  private writeHeader(q: DeviceQueue, mem: GuestMemory, numBuffers: number): void {
    const s = q.nReadable;
    const u8 = mem.u8[q.segRegion[s]];
    const o = q.segOff[s];
    const h = this.rxHdr;
    if (h === null) for (let i = 0; i < this.hdrLen; i++) u8[o + i] = 0;
    else {
      // flags: only NEEDS_CSUM crosses (DATA_VALID and the rest are not the sender's to set).
      u8[o] = h[0] & VNET_F_NEEDS_CSUM;
      for (let i = 1; i < 10; i++) u8[o + i] = h[i];
      if (this.hdrLen >= 12) u8[o + 11] = 0;
    }
    if (this.hdrLen >= 12) u8[o + 10] = numBuffers;
  }

  /** One frame into guest RX with header `hdr` (offloads passed through); false when no chain. */
  private putWithHeader(q: DeviceQueue, mem: GuestMemory, hdr: Uint8Array, src: Uint8Array, src32: Uint32Array, srcOff: number, len: number): boolean {
    this.rxHdr = hdr;
    let ok: boolean;
    if (this.mergeable) {
      const head = q.popChain(mem);
      if (head < 0) { this.noGuestBuffer++; ok = false; } else ok = this.putMergeableFrom(q, mem, head, src, src32, srcOff, len);
    } else ok = this.putSingle(q, mem, src, src32, srcOff, len);
    this.rxHdr = null;
    return ok;
  }

  /** Whether this guest takes the work `vh` describes as it is (its GUEST_* offloads). */
  private takes(vh: VnetHdr): boolean {
    return peerTakes(this.guestOffloads, vh.flags, vh.gsoType);
  }

  /**
   * Slow path guest → guest: the chain just popped from this guest asks for offload work.
   * Passed whole when `d` takes it, else cut / finished here. Returns frames delivered; adds
   * the extra wire frames a cut made to `fromGuestPackets`.
   */
  private forwardOffload(sq: DeviceQueue, smem: GuestMemory, d: NetIo, dq: DeviceQueue, dmem: GuestMemory): number {
    if (!this.gatherWhole(sq, smem)) return 0;
    const vh = this.vh, hl = this.hdrLen, frameLen = sq.readBytes - hl, big = this.big, big32 = this.big32;
    if (d.takes(vh)) {
      if (!d.putWithHeader(dq, dmem, big, big, big32, hl, frameLen)) return 0;
      if (vh.gsoType !== GSO_NONE) { this.superFramesIn++; d.superFramesOut++; }
      return 1;
    }
    if (vh.gsoType === GSO_NONE) {
      if (frameLen > d.maxFrame) { d.tooBig++; return 0; }
      completePartialChecksum(big, hl, frameLen, vh.csumStart, vh.csumOffset);
      this.checksumsCompleted++;
      return d.mergeable ? (d.putMergeable(dq, dmem, big, big32, hl, frameLen) ? 1 : 0) : (d.putSingle(dq, dmem, big, big32, hl, frameLen) ? 1 : 0);
    }
    const plan = this.plan;
    if (planGso(big, hl, frameLen, vh, this.seg.length, plan) !== OffloadError.OK) { this.badOffload++; this.refused++; return 0; }
    this.superFramesIn++;
    this.segmented += plan.segs;
    this.fromGuestPackets += plan.segs - 1;
    let delivered = 0;
    for (let i = 0; i < plan.segs; i++) {
      const len = writeSegment(big, big32, hl, plan, i, this.seg, this.seg32, 0);
      const ok = d.mergeable ? d.putMergeable(dq, dmem, this.seg, this.seg32, 0, len) : d.putSingle(dq, dmem, this.seg, this.seg32, 0, len);
      if (!ok) { d.noGuestBuffer += plan.segs - i - 1; break; } // out of guest buffers: the rest too
      delivered++;
    }
    return delivered;
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
   *
   * Frames in the common shape (one readable descriptor, no offload work) go in stages, as
   * DPDK's vhost does: pop a run of source chains, then the destination chains, touch every
   * source frame and claim every destination buffer, copy them all, then write the used
   * entries. The cache lines the other core has just written (avail entries, descriptors,
   * frames) are then loaded by independent loads that the CPU overlaps, instead of one miss
   * per packet behind the previous packet's copy. Any other frame takes
   * the per-frame path in its place in the sequence.
   */
  forwardGuestToGuest(sq: DeviceQueue, smem: GuestMemory, dstIo: NetIo, dq: DeviceQueue, dmem: GuestMemory, max: number): number {
    const hdrLen = this.hdrLen, refused0 = this.refused;
    let n = 0;
    let delivered = 0;
    while (n < max) {
      const want = max - n < FWD_BATCH ? max - n : FWD_BATCH;
      // A MAC lock here or a dirty log there: the per-frame path, which checks and logs.
      const k = this.macLock || dstIo.dirty !== null ? 0 : this.popFastRun(sq, smem, want);
      if (k > 0) {
        delivered += this.forwardRun(sq, smem, dstIo, dq, dmem, k);
        n += k;
        if (k === want) continue;
      }
      // The next chain is empty (done) or not in the common shape: one frame the general way.
      const head = sq.popChain(smem);
      if (head < 0) break;
      n++;
      if (this.macLock && this.spoof(sq, smem)) { sq.addUsed(head, 0); continue; }
      const frameLen = sq.readBytes - hdrLen;
      if (this.hostOffloads !== 0 && (frameLen > this.maxFrame || this.wantsWork(sq, smem))) {
        delivered += this.forwardOffload(sq, smem, dstIo, dq, dmem);
        sq.addUsed(head, 0);
        this.fromGuestBytes += frameLen > 0 ? frameLen : 0;
        continue;
      }
      if (frameLen <= 0 || frameLen > this.maxFrame || sq.nReadable !== 1 || sq.segLen[0] < sq.readBytes) {
        // Multi-segment TX chains take the generic path: gather into a contiguous copy.
        if (frameLen > 0 && frameLen <= this.maxFrame && dstIo.forwardScattered(sq, smem, hdrLen, frameLen, dq, dmem)) delivered++;
        else if (frameLen <= 0 || frameLen > this.maxFrame) { this.tooBig++; this.refused++; }
        sq.addUsed(head, 0);
        this.fromGuestBytes += frameLen > 0 ? frameLen : 0;
        continue;
      }
      // One readable descriptor that popFastRun did not take (unaligned, or a destination quirk).
      const sr = sq.segRegion[0];
      const ok = dstIo.mergeable
        ? dstIo.putMergeable(dq, dmem, smem.u8[sr], smem.u32[sr], sq.segOff[0] + hdrLen, frameLen)
        : dstIo.putSingle(dq, dmem, smem.u8[sr], smem.u32[sr], sq.segOff[0] + hdrLen, frameLen);
      sq.addUsed(head, 0);
      this.fromGuestBytes += frameLen;
      if (ok) delivered++;
    }
    // Frames refused on this side (too big, bad offload header) never reached the link.
    this.fromGuestPackets += n - (this.refused - refused0);
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

  /**
   * Stage 1 of the burst path: pop up to `want` source chains in the common shape (header and
   * frame in one readable descriptor, 4-byte aligned frame, no offload work) into runHead/
   * runReg/runOff/runLen. Stops before the first other chain (left in the ring).
   */
  private popFastRun(sq: DeviceQueue, smem: GuestMemory, want: number): number {
    const hdrLen = this.hdrLen, maxFrame = this.maxFrame, offl = this.hostOffloads;
    const ra = this.run.a;
    let k = 0;
    while (k < want) {
      const head = sq.popChain(smem);
      if (head < 0) break;
      const frameLen = sq.readBytes - hdrLen;
      const off = sq.segOff[0] + hdrLen;
      if (frameLen <= 0 || frameLen > maxFrame || sq.nReadable !== 1 || sq.segLen[0] < sq.readBytes ||
          (off & 3) !== 0 || (offl !== 0 && this.wantsWork(sq, smem))) {
        sq.unpop(1);
        break;
      }
      ra[k << 3] = head;
      ra[(k << 3) + 1] = sq.segRegion[0];
      ra[(k << 3) + 2] = off;
      ra[(k << 3) + 3] = frameLen;
      k++;
    }
    return k;
  }

  /**
   * The k chains popFastRun took → pool packets at out[at..]: allocate, touch every source
   * frame, copy, return the chains. When the pool runs dry the chains not copied go back to
   * the ring (counted once, as the per-frame path does). Returns the packets written.
   */
  private runIntoPool(q: DeviceQueue, mem: GuestMemory, pool: PoolView, dst32: Uint32Array, out: Uint32Array, at: number, k: number): number {
    const ra = this.run.a, su8 = mem.u8, su32 = mem.u32;
    const m = pool.allocBurst(out, k, at);
    if (m < k) {
      this.noPoolBuffer++;
      this.refused++;
      q.unpop(k - m);
    }
    let t = 0;
    for (let i = 0; i < m; i++) t ^= su8[ra[(i << 3) + 1]][ra[(i << 3) + 2]];
    this.touched = t;
    const dst = pool.data;
    let bytes = 0;
    for (let i = 0; i < m; i++) {
      const p = out[at + i], r = ra[(i << 3) + 1], len = ra[(i << 3) + 3];
      copyBytes(dst, dst32, pool.start(p), su8[r], su32[r], ra[(i << 3) + 2], len);
      pool.len[p] = len;
      bytes += len;
    }
    for (let i = 0; i < m; i++) q.addUsed(ra[i << 3], 0);
    this.fromGuestBytes += bytes;
    return m;
  }

  /**
   * Stages 2-4 of the burst path for the k source frames popFastRun took: pop destination
   * chains that take a frame whole in one aligned buffer, touch the source frames, copy
   * header + frame for each, then write the used entries. Frames whose destination chain is
   * not of that shape (or missing) go through putMergeable/putSingle in order. Returns the
   * frames delivered.
   */
  private forwardRun(sq: DeviceQueue, smem: GuestMemory, dio: NetIo, dq: DeviceQueue, dmem: GuestMemory, k: number): number {
    const ra = this.run.a;
    const su8 = smem.u8, su32 = smem.u32, du32 = dmem.u32;
    // Stage 2: destination chains (12-byte header, one writable buffer holding header + frame).
    let d = 0;
    if (dio.hdrLen === 12) {
      for (; d < k; d++) {
        const head = dq.popChain(dmem);
        if (head < 0) break;
        const o = dq.segOff[0];
        if (dq.nSegs !== 1 || dq.nReadable !== 0 || dq.segLen[0] - 12 < ra[(d << 3) + 3] || (o & 3) !== 0 ||
            ra[(d << 3) + 3] > LONG_COPY || du32[dq.segRegion[0]].length === 0 || su32[ra[(d << 3) + 1]].length === 0) {
          dq.unpop(1);
          break;
        }
        ra[(d << 3) + 4] = head;
        ra[(d << 3) + 5] = dq.segRegion[0];
        ra[(d << 3) + 6] = o;
      }
    }
    // Stage 3: touch each source frame (independent loads: their misses overlap).
    let t = 0;
    for (let i = 0; i < d; i++) t ^= su8[ra[(i << 3) + 1]][ra[(i << 3) + 2]];
    this.touched = t;
    const bytes0 = writeRun(this.run, dq, dmem, su8, su32, d);
    let bytes = bytes0;
    dio.toGuestPackets += d;
    dio.toGuestBytes += bytes;
    let delivered = d;
    // The rest of the run, one frame at a time (drops counted there).
    for (let i = d; i < k; i++) {
      const r = ra[(i << 3) + 1];
      const ok = dio.mergeable
        ? dio.putMergeable(dq, dmem, su8[r], su32[r], ra[(i << 3) + 2], ra[(i << 3) + 3])
        : dio.putSingle(dq, dmem, su8[r], su32[r], ra[(i << 3) + 2], ra[(i << 3) + 3]);
      bytes += ra[(i << 3) + 3];
      if (ok) delivered++;
    }
    for (let i = 0; i < k; i++) sq.addUsed(ra[i << 3], 0);
    this.fromGuestBytes += bytes;
    return delivered;
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

/**
 * Scratch of the burst path: per frame i of a run, eight u32 at i << 3: +0 source chain head,
 * +1 source region, +2 frame offset, +3 length, +4 destination chain head, +5 its region,
 * +6 its offset (+7 unused). One typed array, not seven: TurboFan re-checks every typed array
 * it touches after each loop back-edge (vhost-netio netio: 73 -> 67 ns/packet).
 */
class Run {
  readonly a = new Uint32Array(FWD_BATCH * 8);
}

/**
 * The write stages of the burst path for run entries [0, d): each destination chain (one
 * aligned writable buffer, room checked) gets the 12-byte header (num_buffers = 1) and its
 * frame from su8/su32[reg][off..off+len). Returns the frame bytes written.
 */
function writeRun(run: Run, dq: DeviceQueue, dmem: GuestMemory, su8: Uint8Array[], su32: Uint32Array[], d: number): number {
  const ra = run.a;
  const du32 = dmem.u32;
  // Stage 3b: one store into the first and the last line of each destination buffer, so the
  // requests for ownership of all of them are in flight together (a load first, as DPDK's
  // rte_prefetch0, gained nothing in the loop: it fetches the line shared and the store must
  // still claim it). Stage 4 then stores into lines mostly owned already.
  for (let i = 0; i < d; i++) {
    const d32 = du32[ra[(i << 3) + 5]], kw = ra[(i << 3) + 6] >>> 2, last = kw + 2 + (ra[(i << 3) + 3] >>> 2);
    d32[kw + 2] = 0x10000;
    if (last > kw + 2) d32[last] = su32[ra[(i << 3) + 1]][(ra[(i << 3) + 2] >>> 2) + (last - kw - 3)];
  }
  // Stage 4: header (three words, num_buffers = 1) and the frame as a word copy. copy.ts's
  // copyBytes does the same copy, but calling it here cost 3-5 ns a packet (netio bench 67-70
  // vs 71-74 ns/pkt), so the loop stays inline.
  let bytes = 0;
  for (let i = 0; i < d; i++) {
    // TRUST: popChain checked both buffers whole against their regions; the word ranges lie
    // inside them (offsets 4-byte aligned, lengths checked above).
    const d32 = du32[ra[(i << 3) + 5]], s32 = su32[ra[(i << 3) + 1]];
    const kw = ra[(i << 3) + 6] >>> 2;
    d32[kw] = 0;
    d32[kw + 1] = 0;
    d32[kw + 2] = 0x10000;
    const dw = kw + 3, sw = ra[(i << 3) + 2] >>> 2, len = ra[(i << 3) + 3];
    const words = len >>> 2, w4 = words & ~3;
    let w = 0;
    for (; w < w4; w += 4) {
      d32[dw + w] = s32[sw + w];
      d32[dw + w + 1] = s32[sw + w + 1];
      d32[dw + w + 2] = s32[sw + w + 2];
      d32[dw + w + 3] = s32[sw + w + 3];
    }
    for (; w < words; w++) d32[dw + w] = s32[sw + w];
    if ((len & 3) !== 0) {
      const d8 = dmem.u8[ra[(i << 3) + 5]], s8 = su8[ra[(i << 3) + 1]], o8 = ra[(i << 3) + 6] + 12, so = ra[(i << 3) + 2];
      for (let b = words << 2; b < len; b++) d8[o8 + b] = s8[so + b];
    }
    bytes += len;
  }
  // Used entries in one pass after the copies: the other core polls the used ring's first
  // line, so writing it between copies would hand that line back and forth.
  for (let i = 0; i < d; i++) dq.addUsed(ra[(i << 3) + 4], 12 + ra[(i << 3) + 3]);
  return bytes;
}

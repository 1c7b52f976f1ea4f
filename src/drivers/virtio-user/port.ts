/**
 * virtio-user port: Sluice as the virtio driver. It allocates one shared region (rings and
 * packet buffers), connects to a vhost-user backend (DPDK net_vhost, OVS, another Sluice),
 * negotiates features, sends the memory table and ring addresses, and then moves frames.
 *
 * Address space: the region is announced with guest_phys_addr = userspace_addr = BASE_GPA, so
 * descriptors carry BASE_GPA + offset and the backend never needs our real virtual addresses.
 * Descriptor i of every ring is bound to buffer i of that ring for the port's lifetime.
 *
 * Data path (same thread as control, between bursts): `dequeue` (backend → us, RX ring 0 of
 * each pair) copies used buffers into pool packets and re-posts them; `enqueue` (us → backend,
 * TX ring 1) reclaims completed TX buffers, copies packets in, publishes once per burst and
 * kicks only when the backend asks (EVENT_IDX or used.flags). Everything the backend writes
 * into the used rings is validated by DriverQueue; a bad entry quarantines that queue.
 *
 * Offloads (`offloads`): with MRG_RXBUF, asks for GUEST_CSUM and GUEST_TSO4/6 (+ECN), so a
 * backend passes super-frames and partial checksums through (as a TSO-capable guest takes
 * them); they are gathered whole, checked, and kept whole in a pool super buffer when the
 * output link may carry them (`keepWhole`), else cut / finished into pool packets
 * (lib/offload), like every other port that reads virtio-net headers. It also asks for CSUM and
 * HOST_TSO4/6 (+ECN): a pool super-frame (handle ≥ pool.count) then goes to the backend whole,
 * with a virtio-net header made from its offload state (`superTx`, drivers/offload), as a
 * descriptor chain over as many 2 KB buffers as it needs; to a backend that did not take the
 * offload it is cut here, at the last moment, one chain per segment. Frames beyond one buffer
 * (jumbo) go as chains too.
 *
 * Reconnect: `connect()` keeps the port attached: a backend that is not there yet, goes away
 * or breaks the protocol is retried with backoff (100 ms → 2 s), with a fresh region and
 * rings each time (a restarted switch knows nothing of the old ones). Frames queued to a
 * backend that left before taking them are taken back out of `txPackets` and counted in
 * `txLost`; while detached, the owner drops and counts what it is given (port_down).
 */
import { GuestMemory } from '../../mem/guest-memory.js';
import {
  createSharedRegion, eventfd, eventfdWrite, closeFd, unixConnect, type SharedRegion,
} from '../../sys/index.js';
import { DriverQueue } from '../../virtio/split/driver-queue.js';
import { QueueError, QUEUE_ERROR_NAMES } from '../../virtio/split/queue-errors.js';
import {
  VHOST_USER_F_PROTOCOL_FEATURES, VIRTIO_F_VERSION_1, VIRTIO_RING_F_EVENT_IDX, VRING_DESC_F_NEXT, VRING_DESC_F_WRITE, featureBits, hasFeature,
} from '../../virtio/constants.js';
import {
  VIRTIO_NET_F_MQ, VIRTIO_NET_F_MRG_RXBUF, VIRTIO_NET_F_GUEST_CSUM, VIRTIO_NET_F_GUEST_TSO4, VIRTIO_NET_F_GUEST_TSO6, VIRTIO_NET_F_GUEST_ECN,
  VIRTIO_NET_F_CSUM, VIRTIO_NET_F_HOST_TSO4, VIRTIO_NET_F_HOST_TSO6, VIRTIO_NET_F_HOST_ECN, netHeaderSize, offloadsOf,
} from '../../virtio/net/net.js';
import { VnetHdr, readVnetHdr, checkVnetHdr, OffloadError, GSO_NONE, VNET_F_NEEDS_CSUM } from '../../lib/offload/vnet-hdr.js';
import { GsoPlan, GSO_MAX_FRAME, GSO_MAX_SEGS, planGso } from '../../lib/offload/gso.js';
import { CutResult, cutIntoPool, setSuperState } from '../offload/into-pool.js';
import { type OffloadTx, peerTakes } from '../offload/offload-tx.js';
import { Frontend } from '../../vhost-user/frontend.js';
import {
  FrontendReq, VHOST_USER_PROTOCOL_F_MQ, VHOST_USER_PROTOCOL_F_REPLY_ACK, encodeMemTable, encodeU64,
  encodeVringAddr, encodeVringState,
} from '../../vhost-user/message.js';
import { copyBytes, wordsOf } from '../vhost-user/copy.js';
import type { PoolView } from '../vhost-user/net-io.js';

/** Where the shared region appears in the (virtual) guest-physical space we announce. */
export const BASE_GPA = 0x100000000;
/** Bytes per packet buffer: header + a 1518-byte frame fits; bigger frames use MRG_RXBUF chains. */
export const BUF_SIZE = 2048;

export interface VirtioUserPortOptions {
  path: string;
  queuePairs?: number;
  queueSize?: number;
  /** Ask for GUEST_CSUM/GUEST_TSO4/6 and CSUM/HOST_TSO4/6 (default false). */
  offloads?: boolean;
  /** Sends pool super-frames (the owner's pool): needed once a super-frame can be enqueued. */
  superTx?: OffloadTx;
  log?: (msg: string) => void;
}

/** Largest frame put into one pool packet. */
const MAX_FRAME = 9216 + 14;

/** Features we want when the backend offers them. */
const WANTED = featureBits([VIRTIO_F_VERSION_1, VIRTIO_NET_F_MRG_RXBUF, VIRTIO_RING_F_EVENT_IDX, VHOST_USER_F_PROTOCOL_FEATURES, VIRTIO_NET_F_MQ]);
const WANTED_PROTOCOL = featureBits([VHOST_USER_PROTOCOL_F_MQ, VHOST_USER_PROTOCOL_F_REPLY_ACK]);
/** Receive offloads; they need MRG_RXBUF here (2 KB buffers). */
const WANTED_OFFLOADS = featureBits([VIRTIO_NET_F_GUEST_CSUM, VIRTIO_NET_F_GUEST_TSO4, VIRTIO_NET_F_GUEST_TSO6, VIRTIO_NET_F_GUEST_ECN]);
/** Transmit offloads (super-frames and partial checksums to the backend); TX chains need no MRG_RXBUF. */
const WANTED_TX_OFFLOADS = featureBits([VIRTIO_NET_F_CSUM, VIRTIO_NET_F_HOST_TSO4, VIRTIO_NET_F_HOST_TSO6, VIRTIO_NET_F_HOST_ECN]);

interface RingSet {
  q: DriverQueue;
  kickFd: number;
  callFd: number;
  bufBase: number; // byte offset in the region of buffer 0
  /** TX: stack of free descriptor ids. */
  free: Uint16Array;
  nfree: number;
  /** TX chains (frames beyond one buffer), kept here, not in the shared descriptor table a backend could rewrite: next id, descriptors per chain at its head, 1 for a chain's non-head member; chains in flight. */
  next: Uint16Array;
  chainLen: Uint16Array;
  member: Uint8Array;
  chains: number;
  /** 1 at the head of a cut super-frame's second and later segments (the packet is counted at the first); how many are in flight. */
  extra: Uint8Array;
  extras: number;
}

export class VirtioUserPort {
  readonly log: (m: string) => void;
  private frontend: Frontend | null = null;
  private region: SharedRegion | null = null;
  private mem: GuestMemory | null = null;
  private u8 = new Uint8Array(0);
  private u32 = new Uint32Array(0);
  private poolData: Uint8Array = new Uint8Array(0);
  private poolWords: Uint32Array = new Uint32Array(0);
  private rx: RingSet[] = [];
  private tx: RingSet[] = [];
  private txNext = 0;
  hdrLen = 12;
  mergeable = false;
  features = 0n;
  protocolFeatures = 0n;
  ready = false;
  // counters: rx = from peer, tx = to peer
  rxPackets = 0;
  rxBytes = 0;
  txPackets = 0;
  txBytes = 0;
  txFull = 0;
  rxTooBig = 0;
  quarantined = 0;
  /** Offload bits negotiated for receiving (offloadsOf(features).guest); what they did. */
  rxOffloads = 0;
  rxBadOffload = 0;
  superFramesIn = 0;
  segmented = 0;
  /** Offload bits the backend takes from us (offloadsOf(features).host); pool super-frames sent whole / cut here; segments that found no TX buffer. */
  txOffloads = 0;
  superFramesOut = 0;
  segmentsLost = 0;
  /** Pool super-frames whose headers no longer parse (dropped as bad_offload). */
  txBadOffload = 0;
  private readonly superHdr = new Uint8Array(12);
  /** Whether a super-frame beyond MAX_FRAME may go whole into a pool super buffer (the output link can carry it: Link.superFrames). */
  keepWhole = false;
  checksumsCompleted = 0;
  private readonly vh = new VnetHdr();
  private readonly plan = new GsoPlan();
  private readonly cut = new CutResult();
  private big = new Uint8Array(0);
  private big32 = new Uint32Array(0);
  /** Frames queued to a backend that went away before taking them. */
  txLost = 0;
  /** Successful attaches (a reconnect adds one). */
  connects = 0;
  private stopped = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private backoffMs = 100;
  private failing = false;

  constructor(readonly opts: VirtioUserPortOptions) {
    this.log = opts.log ?? ((m) => console.error(`sluice: virtio-user ${opts.path}: ${m}`));
  }

  /** Connect and set up all rings (control path). Rejects with a clear error on failure. */
  async start(): Promise<void> {
    const qp = this.opts.queuePairs ?? 1;
    const size = this.opts.queueSize ?? 256;
    const fe = new Frontend(unixConnect(this.opts.path, 'stream'));
    this.frontend = fe;
    fe.onClose = (reason) => {
      if (this.frontend !== fe) return;
      this.log(`backend connection lost: ${reason}; reconnecting`);
      this.teardown();
      this.schedule();
    };
    const offered = await fe.getU64(FrontendReq.GET_FEATURES);
    const wanted = !this.opts.offloads ? WANTED : WANTED | WANTED_TX_OFFLOADS | (hasFeature(offered, VIRTIO_NET_F_MRG_RXBUF) ? WANTED_OFFLOADS : 0n);
    this.features = offered & wanted;
    if (hasFeature(this.features, VHOST_USER_F_PROTOCOL_FEATURES)) {
      const pf = await fe.getU64(FrontendReq.GET_PROTOCOL_FEATURES);
      this.protocolFeatures = pf & WANTED_PROTOCOL;
      await fe.setU64(FrontendReq.SET_PROTOCOL_FEATURES, this.protocolFeatures);
    }
    let pairs = 1;
    if (hasFeature(this.protocolFeatures, VHOST_USER_PROTOCOL_F_MQ)) {
      const n = Number(await fe.getU64(FrontendReq.GET_QUEUE_NUM));
      pairs = Math.max(1, Math.min(qp, n));
      if (pairs < qp) this.log(`backend supports ${n} queue pairs; using ${pairs}`);
    } else if (qp > 1) {
      this.log('backend has no MQ; using 1 queue pair');
    }
    if (pairs === 1) this.features &= ~(1n << BigInt(VIRTIO_NET_F_MQ));
    const ack = hasFeature(this.protocolFeatures, VHOST_USER_PROTOCOL_F_REPLY_ACK);
    await fe.request(FrontendReq.SET_OWNER, undefined, [], { ack });
    await fe.setU64(FrontendReq.SET_FEATURES, this.features, ack);
    this.mergeable = hasFeature(this.features, VIRTIO_NET_F_MRG_RXBUF);
    this.hdrLen = netHeaderSize(hasFeature(this.features, VIRTIO_F_VERSION_1), this.mergeable);
    this.rxOffloads = offloadsOf(this.features).guest;
    this.txOffloads = offloadsOf(this.features).host;
    if (this.rxOffloads !== 0 && this.big.length === 0) {
      this.big = new Uint8Array((GSO_MAX_FRAME + 3) & ~3);
      this.big32 = new Uint32Array(this.big.buffer);
    }
    const eventIdx = hasFeature(this.features, VIRTIO_RING_F_EVENT_IDX);

    // Layout: per ring [rings | size × BUF_SIZE buffers], rings first.
    const nrings = pairs * 2;
    const ringBytes = DriverQueue.layout(0, size).end;
    const perRing = ringBytes + size * BUF_SIZE;
    const region = createSharedRegion(perRing * nrings, `virtio-user-${process.pid}`, { quiet: true });
    this.region = region;
    this.u8 = new Uint8Array(region.buffer, 0, region.size);
    this.u32 = new Uint32Array(region.buffer, 0, region.size >>> 2);
    this.mem = new GuestMemory([{ gpa: BASE_GPA, size: region.size, frontendVa: BASE_GPA, buffer: region.buffer, bufferOffset: 0 }]);
    await fe.request(FrontendReq.SET_MEM_TABLE, encodeMemTable([{ gpa: BASE_GPA, size: region.size, frontendVa: BASE_GPA, mmapOffset: 0 }]), [region.fd], { ack });

    for (let i = 0; i < nrings; i++) {
      const base = i * perRing;
      const lay = DriverQueue.layout(BASE_GPA + base, size);
      const q = new DriverQueue(this.mem, lay, eventIdx);
      const set: RingSet = {
        q, kickFd: eventfd(), callFd: eventfd(), bufBase: base + ringBytes, free: new Uint16Array(size), nfree: 0,
        next: new Uint16Array(size), chainLen: new Uint16Array(size), member: new Uint8Array(size), chains: 0, extra: new Uint8Array(size), extras: 0,
      };
      const isTx = (i & 1) === 1;
      for (let d = 0; d < size; d++) {
        q.setDesc(d, BASE_GPA + set.bufBase + d * BUF_SIZE, BUF_SIZE, isTx ? 0 : VRING_DESC_F_WRITE, 0);
        if (isTx) set.free[set.nfree++] = size - 1 - d;
        else q.pushAvail(d);
      }
      q.publishAvail();
      q.disableInterrupts(); // we poll
      await fe.request(FrontendReq.SET_VRING_NUM, encodeVringState(i, size), [], { ack });
      await fe.request(FrontendReq.SET_VRING_BASE, encodeVringState(i, 0), [], { ack });
      await fe.request(FrontendReq.SET_VRING_ADDR, encodeVringAddr({ index: i, flags: 0, descVa: lay.descGpa, usedVa: lay.usedGpa, availVa: lay.availGpa }), [], { ack });
      await fe.request(FrontendReq.SET_VRING_KICK, encodeU64(i), [set.kickFd], { ack });
      await fe.request(FrontendReq.SET_VRING_CALL, encodeU64(i), [set.callFd], { ack });
      (isTx ? this.tx : this.rx).push(set);
    }
    if (hasFeature(this.features, VHOST_USER_F_PROTOCOL_FEATURES)) {
      for (let i = 0; i < nrings; i++) await fe.request(FrontendReq.SET_VRING_ENABLE, encodeVringState(i, 1), [], { ack });
    }
    for (const r of this.rx) eventfdWrite(r.kickFd); // buffers are posted: tell the backend
    this.ready = true;
  }

  /** Call eventfds (an idle engine may sleep on them). */
  callFds(): number[] {
    return this.rx.map((r) => r.callFd);
  }

  private checkQueue(r: RingSet, which: string): void {
    if (r.q.error !== QueueError.NONE) {
      this.quarantined++;
      this.log(`${which} queue quarantined: ${QUEUE_ERROR_NAMES[r.q.error]} (${r.q.errorDetail})`);
      this.ready = false;
    }
  }

  private words(pool: PoolView): Uint32Array {
    if (pool.data !== this.poolData) {
      this.poolData = pool.data;
      this.poolWords = wordsOf(pool.data);
    }
    return this.poolWords;
  }

  /**
   * Backend → pool packets (our RX). Returns how many were written to `out`. With receive
   * offloads, a frame is only taken while `cap` (≤ out.length) has room for a whole
   * super-frame's segments beyond `max`.
   */
  dequeue(pool: PoolView, out: Uint32Array, max: number, cap = max): number {
    if (!this.ready) return 0;
    const off0 = this.rxOffloads !== 0;
    const u8 = this.u8;
    const u32 = this.u32;
    const p32 = this.words(pool);
    const hdrLen = this.hdrLen;
    let n = 0;
    for (let ri = 0; ri < this.rx.length && n < max; ri++) {
      const r = this.rx[ri]!;
      const q = r.q;
      let avail = q.usedCount();
      let reposted = 0;
      while (avail > 0 && n < max && (!off0 || cap - n >= GSO_MAX_SEGS)) {
        const id = q.popUsed();
        avail--;
        if (id < 0) break;
        let len = q.usedLen;
        let off = r.bufBase + id * BUF_SIZE;
        if (len > BUF_SIZE || len < hdrLen) len = hdrLen; // bogus length: deliver nothing
        const nb = this.mergeable ? u8[off + 10]! | (u8[off + 11]! << 8) : 1;
        // A header asking for work: gather the whole frame, then check and cut or finish it.
        const work = off0 && (u8[off]! | u8[off + 1]!) !== 0;
        if (work) readVnetHdr(u8, off, this.vh);
        const limit = work ? this.big.length : MAX_FRAME;
        const p = work ? -2 : pool.alloc();
        const dst = work ? this.big : pool.data, dst32 = work ? this.big32 : p32;
        let d = p >= 0 ? pool.start(p) : 0;
        let total = 0;
        let bad = p === -1 || nb === 0 || nb - 1 > avail;
        let k = 0;
        let bid = id;
        for (;;) {
          const skip = k === 0 ? hdrLen : 0;
          const c = len - skip;
          if (!bad && c > 0) {
            if (total + c > limit) bad = true;
            else {
              copyBytes(dst, dst32, d, u8, u32, off + skip, c);
              d += c;
              total += c;
            }
          }
          q.pushAvail(bid); // re-post the buffer
          reposted++;
          k++;
          if (k >= nb || avail === 0) break;
          bid = q.popUsed();
          avail--;
          if (bid < 0) break;
          len = q.usedLen;
          if (len > BUF_SIZE) len = 0;
          off = r.bufBase + bid * BUF_SIZE;
        }
        if (bad || total === 0) {
          if (p >= 0) pool.free(p);
          this.rxTooBig++;
          continue;
        }
        if (work) { n += this.takeOffload(pool, p32, total, out, n); continue; }
        pool.len[p] = total;
        out[n++] = p;
        this.rxBytes += total;
      }
      if (reposted > 0) {
        q.publishAvail();
        if (q.needsKick()) eventfdWrite(r.kickFd);
      }
      this.checkQueue(r, 'rx');
    }
    this.rxPackets += n;
    return n;
  }

  /** A gathered frame (in `big`) whose header asks for work → pool packets at out[at..]; returns how many. */
  private takeOffload(pool: PoolView, p32: Uint32Array, len: number, out: Uint32Array, at: number): number {
    const vh = this.vh, big = this.big, big32 = this.big32;
    let err = checkVnetHdr(vh, len);
    let segs = 1;
    if (err === OffloadError.OK && vh.gsoType !== GSO_NONE) {
      err = planGso(big, 0, len, vh, MAX_FRAME, this.plan);
      segs = this.plan.segs;
    } else if (err === OffloadError.OK && len > MAX_FRAME) err = OffloadError.TOO_BIG;
    if (err !== OffloadError.OK) { this.rxBadOffload++; return 0; }
    if (this.keepWhole && vh.gsoType !== GSO_NONE && len > MAX_FRAME && len <= 65535) {
      const p = pool.allocSuper();
      if (p >= 0) {
        copyBytes(pool.data, p32, pool.start(p), big, big32, 0, len);
        setSuperState(pool, p, len, vh, this.plan);
        out[at] = p;
        this.rxBytes += len;
        this.superFramesIn++;
        return 1;
      }
    }
    const res = this.cut;
    cutIntoPool(big, big32, 0, len, vh, this.plan, pool, p32, out, at, res);
    const k = res.packets;
    this.rxTooBig += segs - k; // as a plain frame that finds no pool buffer is counted here
    this.rxBytes += res.bytes;
    if (vh.gsoType !== GSO_NONE) { this.superFramesIn++; this.segmented += k; }
    else if (k === 1 && (vh.flags & VNET_F_NEEDS_CSUM) !== 0) this.checksumsCompleted++;
    return k;
  }

  /** Pool packets → backend (our TX). Consumes and frees all `n`; returns how many were queued. */
  enqueue(pool: PoolView, pkts: Uint32Array, n: number): number {
    if (!this.ready || this.tx.length === 0) {
      for (let i = 0; i < n; i++) pool.free(pkts[i]!);
      this.txFull += n;
      return 0;
    }
    const r = this.tx.length === 1 ? this.tx[0]! : this.tx[this.txNext++ % this.tx.length]!;
    const q = r.q;
    // Reclaim completed buffers (and the rest of each chain, while any is in flight).
    let done = q.usedCount();
    const chained = r.chains + r.extras !== 0;
    while (done-- > 0) {
      const id = q.popUsed();
      if (id < 0) break;
      r.free[r.nfree++] = id;
      if (chained) this.unchain(r, id);
    }
    const u8 = this.u8;
    const u32 = this.u32;
    const p32 = this.words(pool);
    const hdrLen = this.hdrLen;
    let sent = 0;
    for (let i = 0; i < n; i++) {
      const p = pkts[i]!;
      const len = pool.len[p];
      if (r.nfree === 0 || len + hdrLen > BUF_SIZE) {
        // Beyond one buffer (a super-frame always is): a chain, off the 64-byte path.
        const k = r.nfree === 0 ? 0 : p >= pool.count ? this.sendSuper(r, pool, p32, p) : this.sendLong(r, pool, p32, p, len);
        pool.free(p);
        if (k > 0) sent++;
        else if (k === 0) this.txFull++;
        continue;
      }
      const id = r.free[--r.nfree]!;
      const off = r.bufBase + id * BUF_SIZE;
      for (let h = 0; h < hdrLen; h++) u8[off + h] = 0;
      copyBytes(u8, u32, off + hdrLen, pool.data, p32, pool.start(p), len);
      q.setDescLen(id, hdrLen + len);
      q.pushAvail(id);
      pool.free(p);
      sent++;
      this.txBytes += len;
    }
    if (sent > 0) {
      q.publishAvail();
      if (q.needsKick()) eventfdWrite(r.kickFd);
    }
    this.txPackets += sent;
    this.checkQueue(r, 'tx');
    return sent;
  }

  /** A jumbo frame into TX ring r as a chain: 1 when sent, 0 when the ring has too few buffers. */
  private sendLong(r: RingSet, pool: PoolView, p32: Uint32Array, p: number, len: number): number {
    if (this.putChain(r, pool.data, p32, pool.start(p), len, null) < 0) return 0;
    this.txBytes += len;
    return 1;
  }

  /**
   * Pool super-frame p into TX ring r: whole with its header when the backend takes the
   * offload, else cut here, a chain per segment. 1 when sent (one packet, however many
   * segments), 0 when no segment found room (peer_no_buffer), -1 when refused (bad_offload).
   */
  private sendSuper(r: RingSet, pool: PoolView, p32: Uint32Array, p: number): number {
    const tx = this.opts.superTx!;
    const segs = tx.planSuper(p, MAX_FRAME);
    if (segs === 0) { this.txBadOffload++; return -1; }
    const len = pool.len[p];
    if (peerTakes(this.txOffloads, VNET_F_NEEDS_CSUM, pool.gsoType[p])) {
      tx.header(p, this.superHdr, 0);
      if (this.putChain(r, pool.data, p32, pool.start(p), len, this.superHdr) < 0) return 0;
      this.superFramesOut++;
      tx.superFramesOut++;
      this.txBytes += len;
      return 1;
    }
    let i = 0;
    for (; i < segs; i++) {
      const n = tx.cut(p, i);
      const h = this.putChain(r, tx.seg, tx.seg32, 0, n, null);
      if (h < 0) break; // out of TX buffers: the rest too
      if (i > 0) { r.extra[h] = 1; r.extras++; }
      this.txBytes += n;
    }
    this.segmentsLost += segs - i;
    return i > 0 ? 1 : 0;
  }

  /**
   * One frame (src[srcOff..+len]) as a descriptor chain over as many TX buffers as it needs,
   * behind a header (`hdr`'s 10 bytes, or zeros). Its head, or -1 when the ring has too few free.
   */
  private putChain(r: RingSet, src: Uint8Array, src32: Uint32Array, srcOff: number, len: number, hdr: Uint8Array | null): number {
    const hl = this.hdrLen, k = Math.ceil((hl + len) / BUF_SIZE);
    if (r.nfree < k) return -1;
    const q = r.q, u8 = this.u8;
    const head = r.free[--r.nfree]!;
    let id = head, done = 0;
    for (let j = 0; j < k; j++) {
      const off = r.bufBase + id * BUF_SIZE;
      let o = off;
      if (j === 0) {
        for (let h = 0; h < hl; h++) u8[off + h] = hdr !== null && h < 10 ? hdr[h]! : 0;
        o += hl;
      }
      const c = Math.min(BUF_SIZE - (o - off), len - done);
      copyBytes(u8, this.u32, o, src, src32, srcOff + done, c);
      done += c;
      const last = j === k - 1;
      const nx = last ? 0 : r.free[--r.nfree]!;
      q.setDesc(id, BASE_GPA + off, o - off + c, last ? 0 : VRING_DESC_F_NEXT, nx);
      if (!last) { r.next[id] = nx; r.member[nx] = 1; }
      id = nx;
    }
    r.chainLen[head] = k;
    if (k > 1) r.chains++;
    q.pushAvail(head);
    return head;
  }

  /** A used head came back: free the rest of its chain and make its descriptors single again. */
  private unchain(r: RingSet, head: number): void {
    if (r.extra[head] === 1) { r.extra[head] = 0; r.extras--; }
    const k = r.chainLen[head]!;
    if (k < 2) return;
    r.chainLen[head] = 1;
    r.chains--;
    const q = r.q;
    let id = head;
    for (let j = 1; j < k; j++) {
      const nx = r.next[id]!;
      q.setDesc(id, BASE_GPA + r.bufBase + id * BUF_SIZE, BUF_SIZE, 0, 0);
      r.member[nx] = 0;
      r.free[r.nfree++] = nx;
      id = nx;
    }
    q.setDesc(id, BASE_GPA + r.bufBase + id * BUF_SIZE, BUF_SIZE, 0, 0);
  }

  /** Stay attached: connect now, and again with backoff whenever the backend is away. */
  connect(): void {
    this.retryTimer = null;
    if (this.stopped) return;
    this.start().then(() => {
      if (this.stopped) { this.teardown(); return; }
      this.connects++;
      this.backoffMs = 100;
      if (this.failing) this.log('attached');
      this.failing = false;
    }, (e: Error) => {
      this.teardown();
      if (!this.failing) this.log(`cannot attach (${e.message}); retrying every ≤ 2 s`);
      this.failing = true;
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.stopped || this.retryTimer !== null) return;
    this.retryTimer = setTimeout(() => this.connect(), this.backoffMs);
    this.backoffMs = Math.min(this.backoffMs * 2, 2000);
  }

  /** Disconnect and free everything; stays stopped. */
  stop(): void {
    this.stopped = true;
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.teardown();
  }

  /** Drop the connection, the rings and the region (control path; idempotent). */
  private teardown(): void {
    this.ready = false;
    this.frontend?.close();
    this.frontend = null;
    for (const r of this.tx) this.takeBackUnsent(r);
    for (const r of [...this.rx, ...this.tx]) {
      closeFd(r.kickFd);
      closeFd(r.callFd);
    }
    this.rx = [];
    this.tx = [];
    this.mem = null;
    this.u8 = new Uint8Array(0);
    this.u32 = new Uint32Array(0);
    this.region?.close();
    this.region = null;
  }

  /** TX buffers the backend never returned: uncount them as sent, count them as lost. */
  private takeBackUnsent(r: RingSet): void {
    const q = r.q;
    for (let done = q.usedCount(); done > 0; done--) {
      const id = q.popUsed();
      if (id < 0) break;
      r.free[r.nfree++] = id;
    }
    const isFree = new Uint8Array(q.size);
    for (let i = 0; i < r.nfree; i++) isFree[r.free[i]!] = 1;
    for (let id = 0; id < q.size; id++) {
      if (isFree[id] === 1 || r.member[id] === 1) continue; // a chain counts once, at its head
      let bytes = 0;
      for (let j = 0, d = id; j < Math.max(1, r.chainLen[id]!); j++, d = r.next[d]!) bytes += q.desc[d * 4 + 2]!;
      this.txBytes -= bytes - this.hdrLen;
      if (r.extra[id] === 1) continue; // a later segment of a cut super-frame: its packet counts at the first
      this.txPackets--;
      this.txLost++;
    }
  }
}

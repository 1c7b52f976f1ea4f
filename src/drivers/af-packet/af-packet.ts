/**
 * AF_PACKET port (`af-packet:IFNAME[,fanout=N]`): a kernel network interface (veth end,
 * NIC, bridge port…) joined to the switch through memory-mapped TPACKET_V3 rings.
 *
 *   interface ──RX ring (blocks)──► copy into pool packets ──► output
 *   input ──► copy into TX ring frames ──► one sendto() kick per burst ──► interface
 *
 * RX walks blocks the kernel has handed over (block_status & TP_STATUS_USER), copies each
 * frame into a pool packet (re-inserting the VLAN tag the kernel moved to metadata, and
 * completing checksums of CSUMNOTREADY frames), and returns the block with
 * TP_STATUS_KERNEL. A block may be consumed across several pulls (cursor kept in
 * `RxQueue`). TX fills AVAILABLE frames with SEND_REQUEST and kicks once; when the next
 * frame is still owned by the kernel the packets stay on the input link (back-pressure).
 * No syscall per packet, except for super-frames (virtio-net headers, PACKET_VNET_HDR): one
 * from the kernel is kept whole in a pool super buffer when the output link may carry it
 * (else cut on arrival), and one from the pool is written whole on a ring-less sender socket
 * for the kernel to segment (README "Offloads").
 *
 * With `fanout=N`, N sockets join one PACKET_FANOUT group (hash by flow) and are polled in
 * turn; TX uses the first. State: `up`, or `down` with a reason (no such interface,
 * permission denied, interface down, no carrier, send error). While down, packets sent to
 * the port are dropped as `port_down`; `tick()` re-checks once a second and reopens the
 * sockets when the interface (possibly re-created with a new index) is back.
 *
 * Ring memory is written by the kernel; every offset read from it is bounds-checked
 * against its block before use (a bad frame skips the rest of its block, counted).
 */
import { App, type AppContext } from '../../core/app.js';
import type { Link } from '../../core/link.js';
import { DROP_BASE, RX_BYTES, RX_PACKETS, TX_BYTES, TX_PACKETS } from '../../core/counters.js';
import { DropReason } from '../../core/drop-reasons.js';
import { HEADROOM, SUPER_MAX_LEN } from '../../core/packet.js';
import {
  checkIfName, ifMtu, setIfUp, SysError, addressOf, writevAt, closeFd, IoVecs,
  openPacketSocket, openPacketSender, kickTx, readStats, type PacketSocket, type FanoutMode,
} from '../../sys/index.js';
import { allocNative } from '../../sys/libc.js';
import {
  BLOCK_STATUS, BLOCK_NUM_PKTS, BLOCK_FIRST_PKT, TP_NEXT_OFFSET, TP_SNAPLEN, TP_LEN, TP_STATUS, TP_MAC,
  TP_VLAN_TCI, TP_VLAN_TPID, TPACKET3_HDRLEN, TP_STATUS_KERNEL, TP_STATUS_USER,
  TP_STATUS_VLAN_VALID, TP_STATUS_VLAN_TPID_VALID, TP_STATUS_SEND_REQUEST, TP_STATUS_SENDING,
} from '../../sys/packet-socket.js';
import { copyWords, words } from '../../lib/offload/copy-words.js';
import {
  VNET_HDR_LEN, VNET_F_NEEDS_CSUM, GSO_NONE, OffloadError, readVnetHdr, writeVnetHdrNone, checkVnetHdr,
} from '../../lib/offload/vnet-hdr.js';
import { GSO_MAX_FRAME, completePartialChecksum } from '../../lib/offload/gso.js';
import { OffloadRx } from '../offload/offload-rx.js';
import { OffloadTx } from '../offload/offload-tx.js';
import { PortState, followInterface, reasonOf } from './port-state.js';

export interface AfPacketArgs {
  /** Interface name in Sluice's network namespace. */
  ifname: string;
  /** Sockets in one PACKET_FANOUT group (default 1: no fanout). */
  fanout?: number;
  fanoutMode?: FanoutMode;
  /** Promiscuous mode while open (default true: a switch port sees every frame). */
  promisc?: boolean;
  /** Set the interface up when opening it (default true). */
  up?: boolean;
  /** RX block size in bytes (default 262144) and count (default 16) per socket. */
  blockSize?: number;
  blocks?: number;
  /** RX block retire timeout, ms (default 1: bounds the latency at low rates). */
  retireMs?: number;
  /** TX ring frames per socket (default 1024); frame size follows the MTU. */
  txFrames?: number;
  /** Bypass the qdisc layer on transmit (default false). */
  qdiscBypass?: boolean;
  /** Packets per pull (default 256, at most the output link's room). */
  burst?: number;
}

export const afPacketSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['ifname'],
  properties: {
    ifname: { type: 'string', minLength: 1, maxLength: 15 },
    fanout: { type: 'integer', minimum: 1, maximum: 64 },
    fanoutMode: { enum: ['hash', 'lb', 'cpu', 'rollover', 'rnd', 'qm'] },
    promisc: { type: 'boolean' },
    up: { type: 'boolean' },
    blockSize: { type: 'integer', minimum: 4096, maximum: 1 << 24 },
    blocks: { type: 'integer', minimum: 2, maximum: 4096 },
    retireMs: { type: 'integer', minimum: 0, maximum: 1000 },
    txFrames: { type: 'integer', minimum: 8, maximum: 1 << 16 },
    qdiscBypass: { type: 'boolean' },
    burst: { type: 'integer', minimum: 1, maximum: 1023 },
  },
};

const ENETDOWN = 100, ENXIO = 6, ENODEV = 19, EAGAIN = 11, ENOBUFS = 105, EINTR = 4;
/** sizeof(struct tpacket3_hdr): the virtio-net header sits between it and the frame. */
const TP3_HDR_SIZE = 48;
/** TX frames start with a virtio-net header (PACKET_VNET_HDR), then the Ethernet frame. */
const TX_DATA = TPACKET3_HDRLEN + VNET_HDR_LEN;
const CHECK_MS = 1000;
let fanoutGroups = 0;

/** One socket's rings and RX cursor. Monomorphic: all fields set here. */
class RxQueue {
  readonly u8: Uint8Array;
  readonly u16: Uint16Array;
  readonly u32: Uint32Array;
  /** Block being consumed, and whether we own it (USER seen, not yet returned). */
  block = 0;
  owned = false;
  /** Packets left in the owned block and byte offset of the next one. */
  left = 0;
  next = 0;
  txNext = 0;
  constructor(readonly sock: PacketSocket) {
    const buf = sock.mapping.buffer;
    this.u8 = new Uint8Array(buf);
    this.u16 = new Uint16Array(buf, 0, buf.byteLength >>> 1);
    this.u32 = new Uint32Array(buf, 0, buf.byteLength >>> 2);
  }
}

export class AfPacketPort extends App {
  readonly ifname: string;
  readonly state: PortState;
  private readonly args: AfPacketArgs;
  private readonly burst: number;
  private queues: RxQueue[] = [];
  private rr = 0;
  private out: Link | undefined;
  private in: Link | undefined;
  private readonly data32: Uint32Array;
  private nextCheck = 0;
  private ifindex = 0;
  /** Frames the kernel dropped because the RX ring was full (PACKET_STATISTICS). */
  ringDrops = 0;
  /** Frames whose ring header was inconsistent (rest of block skipped). */
  badFrames = 0;
  /** Virtio-net headers: partial checksums, super-frames cut in software, refusals. */
  private readonly offload: OffloadRx;
  /** A super-frame, VLAN tag restored, on its way to segmentation. */
  private readonly scratch = new Uint8Array((GSO_MAX_FRAME + 16) & ~3);
  private readonly scratch32 = new Uint32Array(this.scratch.buffer);
  /** Frames the kernel truncated (larger than a ring block, e.g. GRO/GSO super-frames). */
  truncated = 0;
  /** sendto() kicks and their failures. */
  kicks = 0;
  kickErrors = 0;
  /** Frames that waited on the input link because the TX ring was full. */
  txRingFull = 0;
  /**
   * Super-frames from the pool (bridge mode, from a guest with TSO) are too big for a TX ring
   * frame: each goes whole in one writev of [GSO header, frame] on a ring-less sender socket,
   * after a kick that sends the ring frames queued before it (order kept); the kernel
   * segments it (offload-tx.ts).
   */
  override superFrames = 'send' as const;
  private readonly offloadTx: OffloadTx;
  private sender = -1;
  private readonly base: number;
  private readonly superIov = new IoVecs(2);
  private readonly superHdr: Uint8Array;

  constructor(ctx: AppContext, args: AfPacketArgs) {
    super(ctx);
    checkIfName(args.ifname); // a malformed name is a config error, not a port state
    this.ifname = args.ifname;
    this.args = args;
    this.burst = args.burst ?? 256;
    this.state = new PortState(`${ctx.name} (af-packet ${args.ifname})`);
    this.data32 = words(this.pool.data);
    this.offload = new OffloadRx(this.pool, this.data32, this.counters);
    this.offloadTx = new OffloadTx(this.pool, this.data32);
    this.base = addressOf(this.pool.data);
    const h = allocNative(16);
    this.superHdr = h.u8;
    this.superIov.set(0, Number(h.address), VNET_HDR_LEN);
    this.check(); // a missing or unusable interface leaves the port down, retried in tick()
  }

  /** Open the sockets (control path); on failure the port is down with the reason. */
  private open(index: number): void {
    const a = this.args;
    const n = a.fanout ?? 1;
    let mtu = 1500;
    try { mtu = ifMtu(this.ifname); } catch { /* keep the default */ }
    let frame = 2048;
    while (frame - TX_DATA < Math.min(mtu + 22, this.pool.maxLen) && frame < 65536) frame <<= 1;
    const group = n > 1 ? ((process.pid * 7 + fanoutGroups++) & 0xffff) : undefined;
    const qs: RxQueue[] = [];
    try {
      if (a.up ?? true) setIfUp(this.ifname, true);
      for (let i = 0; i < n; i++) {
        const s = openPacketSocket({
          ifname: this.ifname, ifindex: index, rxBlockSize: a.blockSize ?? 1 << 18, rxBlockCount: a.blocks ?? 16,
          retireMs: a.retireMs ?? 1, txFrameSize: frame, txFrameCount: a.txFrames ?? 1024, promisc: a.promisc ?? true,
          ...(group !== undefined ? { fanoutGroup: group, fanoutMode: a.fanoutMode ?? 'hash' } : {}), qdiscBypass: a.qdiscBypass ?? false,
          vnetHdr: true,
        });
        qs.push(new RxQueue(s));
      }
      this.sender = openPacketSender(this.ifname, index, a.qdiscBypass ?? false);
    } catch (e) {
      for (const q of qs) q.sock.close();
      if (!(e instanceof SysError) && !(e instanceof RangeError)) throw e;
      this.state.setDown(reasonOf(e));
      return;
    }
    this.queues = qs;
    this.ifindex = index;
  }

  private close(): void {
    for (const q of this.queues) {
      try { this.ringDrops += readStats(q.sock.fd).drops; } catch { /* socket already broken */ }
      q.sock.close();
    }
    this.queues = [];
    this.ifindex = 0;
    if (this.sender >= 0) { closeFd(this.sender); this.sender = -1; }
  }

  /** Re-evaluate the interface: (re)open, or go down with a reason. Control path. */
  private check(): void {
    followInterface(this.ifname, this.state, this.queues.length > 0 ? this.ifindex : 0,
      (index) => { this.open(index); return this.queues.length > 0; }, () => this.close());
  }

  override linked(): void { this.out = this.output.output; this.in = this.input.input; }

  override pull(): void {
    const out = this.out;
    const qs = this.queues;
    if (out === undefined || qs.length === 0) return;
    let budget = out.nwritable();
    if (budget > this.burst) budget = this.burst;
    const n = qs.length;
    for (let i = 0; i < n && budget > 0; i++) {
      const q = qs[(this.rr + i) % n]!;
      budget -= this.rxBurst(q, out, budget);
    }
    this.rr = (this.rr + 1) % n;
  }

  /** Move up to `max` frames from q's RX ring to `out`; returns frames taken off the ring. */
  private rxBurst(q: RxQueue, out: Link, max: number): number {
    const u8 = q.u8, u16 = q.u16, u32 = q.u32;
    const bs = q.sock.rxBlockSize;
    const pool = this.pool, data = pool.data, data32 = this.data32, c = this.counters;
    let n = 0;
    while (n < max) {
      const b = q.block * bs;
      if (!q.owned) {
        // Pairs with the kernel's smp_wmb before it sets TP_STATUS_USER on a retired block.
        if ((Atomics.load(u32, (b + BLOCK_STATUS) >>> 2) & TP_STATUS_USER) === 0) break;
        q.owned = true;
        q.left = u32[(b + BLOCK_NUM_PKTS) >>> 2]!;
        q.next = b + u32[(b + BLOCK_FIRST_PKT) >>> 2]!;
      }
      if (q.left === 0) {
        // Hand the block back; the kernel reads block_status before filling it again.
        Atomics.store(u32, (b + BLOCK_STATUS) >>> 2, TP_STATUS_KERNEL);
        q.owned = false;
        q.block = q.block + 1 === q.sock.rxBlockCount ? 0 : q.block + 1;
        continue;
      }
      const h = q.next;
      const end = b + bs;
      // TRUST: h is checked against this block before any field is read.
      if ((h & 3) !== 0 || h < b || h + TPACKET3_HDRLEN > end) { this.badFrames++; q.left = 0; continue; }
      const snap = u32[(h + TP_SNAPLEN) >>> 2]!;
      const wire = u32[(h + TP_LEN) >>> 2]!;
      const status = u32[(h + TP_STATUS) >>> 2]!;
      const mac = h + u16[(h + TP_MAC) >>> 1]!;
      if (mac + snap > end || snap < 14 || mac - VNET_HDR_LEN < h + TP3_HDR_SIZE) { this.badFrames++; q.left = 0; continue; }
      const rx = this.offload, vh = rx.vh;
      readVnetHdr(u8, mac - VNET_HDR_LEN, vh);
      const vlan = (status & TP_STATUS_VLAN_VALID) !== 0 ? 4 : 0;
      if (vh.gsoType !== GSO_NONE && snap === wire && checkVnetHdr(vh, snap) === OffloadError.OK) {
        // A super-frame: segmented into pool packets, if the output has room for all of them.
        const took = this.rxSuper(q, h, mac, snap, vlan, status, out, max - n);
        if (took < 0) break; // no room now: the frame stays on the ring for the next pull
        q.left--;
        q.next = h + u32[(h + TP_NEXT_OFFSET) >>> 2]!;
        n += took;
        continue;
      }
      q.left--;
      q.next = h + u32[(h + TP_NEXT_OFFSET) >>> 2]!;
      n++;
      const bad = checkVnetHdr(vh, snap);
      if (bad !== OffloadError.OK && snap === wire) { rx.refuse(bad, snap); continue; }
      c[RX_PACKETS]++;
      c[RX_BYTES] += wire;
      if (snap < wire) { this.truncated++; c[DROP_BASE + DropReason.TOO_BIG]++; continue; }
      if (snap + vlan > pool.maxLen) { c[DROP_BASE + DropReason.TOO_BIG]++; continue; }
      const p = pool.alloc();
      if (p < 0) { c[DROP_BASE + DropReason.NO_BUFFER]++; continue; }
      // Headroom chosen so the packet start has the frame's alignment mod 4: word copies.
      pool.off[p] = HEADROOM - 4 + (mac & 3);
      const d = pool.start(p);
      this.copyFrame(data, data32, d, q, h, mac, snap, vlan, status);
      pool.len[p] = snap + vlan;
      if ((vh.flags & VNET_F_NEEDS_CSUM) !== 0) {
        // Sent by a local stack with checksum offload (the far end of a veth): finish it here.
        completePartialChecksum(data, d, snap + vlan, vh.csumStart + vlan, vh.csumOffset);
        rx.checksumsCompleted++;
      }
      out.transmit(p);
    }
    return n;
  }

  /** Copy the ring frame at `mac` (`snap` bytes) to dst[d..], its VLAN tag written back when the kernel moved it to metadata (`vlan` = 4). */
  private copyFrame(dst: Uint8Array, dst32: Uint32Array, d: number, q: RxQueue, h: number, mac: number, snap: number, vlan: number, status: number): void {
    if (vlan === 0) { copyWords(dst, dst32, d, q.u8, q.u32, mac, snap); return; }
    copyWords(dst, dst32, d, q.u8, q.u32, mac, 12);
    this.restoreTag(dst, d, q.u16, q.u32, h, status);
    copyWords(dst, dst32, d + 16, q.u8, q.u32, mac + 12, snap - 12);
  }

  /** The kernel moved the frame's VLAN tag to metadata: write it back after the MACs at d. */
  private restoreTag(buf: Uint8Array, d: number, u16: Uint16Array, u32: Uint32Array, h: number, status: number): void {
    const tpid = (status & TP_STATUS_VLAN_TPID_VALID) !== 0 ? u16[(h + TP_VLAN_TPID) >>> 1]! : 0x8100;
    const tci = u32[(h + TP_VLAN_TCI) >>> 2]!;
    buf[d + 12] = tpid >>> 8; buf[d + 13] = tpid & 0xff;
    buf[d + 14] = (tci >>> 8) & 0xff; buf[d + 15] = tci & 0xff;
  }

  /**
   * Segment the GSO super-frame at ring offset `mac` (header already checked) into pool
   * packets on `out`. Returns the link slots used (segments, or 1 for a refused frame), or -1
   * when `room` cannot take every segment (the caller leaves the frame on the ring).
   */
  private rxSuper(q: RxQueue, h: number, mac: number, snap: number, vlan: number, status: number, out: Link, room: number): number {
    const s8 = this.scratch, s32 = this.scratch32, rx = this.offload, pool = this.pool;
    const len = snap + vlan;
    if (len > GSO_MAX_FRAME) { rx.refuse(OffloadError.TOO_BIG, snap); return 1; }
    // Whole into a super buffer when the output may carry it (and it needs one).
    const p = out.superFrames && len > pool.maxLen && len <= SUPER_MAX_LEN ? pool.allocSuper() : -1;
    if (p >= 0) {
      pool.off[p] = HEADROOM - 4 + (mac & 3);
      this.copyFrame(pool.data, this.data32, pool.start(p), q, h, mac, snap, vlan, status);
      rx.keep(p, len, out);
      return 1;
    }
    // Same alignment mod 4 as the ring frame, so the copy runs in words.
    const st = 4 + (mac & 3);
    this.copyFrame(s8, s32, st, q, h, mac, snap, vlan, status);
    const segs = rx.planSuper(s8, st, len);
    if (segs === 0) return 1;
    if (segs > room) return -1;
    rx.emit(s8, s32, st, out);
    return segs;
  }

  override push(): void {
    const l = this.in;
    if (l === undefined || l.empty()) return;
    const pool = this.pool, c = this.counters;
    if (!this.state.up || this.queues.length === 0) {
      while (!l.empty()) this.drop(l.receive(), DropReason.PORT_DOWN);
      return;
    }
    const q = this.queues[0]!;
    const s = q.sock;
    const u8 = q.u8, u32 = q.u32, data = pool.data, data32 = this.data32;
    const fsize = s.txFrameSize, mask = s.txFrameCount - 1, base = s.txOff, room = fsize - TX_DATA;
    let queued = 0;
    while (!l.empty()) {
      const f = base + q.txNext * fsize;
      // Pairs with the kernel's release of the frame (status back to AVAILABLE after send).
      if ((Atomics.load(u32, (f + TP_STATUS) >>> 2) & (TP_STATUS_SEND_REQUEST | TP_STATUS_SENDING)) !== 0) { this.txRingFull++; break; }
      const p = l.receive();
      const len = pool.len[p]!;
      if (p >= pool.count) {
        if (queued > 0) { this.kick(s.fd); queued = 0; }
        this.sendSuper(p);
        continue;
      }
      if (len > room) { this.drop(p, DropReason.TOO_BIG); continue; }
      writeVnetHdrNone(u8, f + TPACKET3_HDRLEN); // a complete frame: no offload asked of the kernel
      copyWords(u8, u32, f + TX_DATA, data, data32, pool.start(p), len);
      u32[(f + TP_NEXT_OFFSET) >>> 2] = 0;
      u32[(f + TP_LEN) >>> 2] = len + VNET_HDR_LEN;
      u32[(f + TP_SNAPLEN) >>> 2] = len + VNET_HDR_LEN;
      // Publishes the frame to the kernel; the data stores above come first in program order.
      Atomics.store(u32, (f + TP_STATUS) >>> 2, TP_STATUS_SEND_REQUEST);
      q.txNext = (q.txNext + 1) & mask;
      c[TX_PACKETS]++;
      c[TX_BYTES] += len;
      pool.free(p);
      queued++;
    }
    if (queued > 0) this.kick(s.fd);
  }

  private kick(fd: number): void {
    this.kicks++;
    const r = kickTx(fd);
    if (r < 0 && r !== -EAGAIN && r !== -ENOBUFS && r !== -EINTR) this.kickFailed(-r);
  }

  /** A pool super-frame out whole on the sender socket (counted one packet), or dropped with a reason. */
  private sendSuper(p: number): void {
    const pool = this.pool, tx = this.offloadTx, len = pool.len[p]!;
    if (tx.planSuper(p, 65535) === 0) { this.drop(p, DropReason.BAD_OFFLOAD); return; }
    tx.header(p, this.superHdr, 0);
    this.superIov.set(1, this.base + pool.start(p), len);
    const w = writevAt(this.sender, this.superIov.address, 2);
    if (w !== len + VNET_HDR_LEN) {
      if (w < 0 && w !== -EAGAIN && w !== -ENOBUFS && w !== -EINTR) this.kickFailed(-w);
      this.drop(p, w === -EAGAIN || w === -ENOBUFS ? DropReason.PEER_NO_BUFFER : DropReason.PORT_DOWN);
      return;
    }
    tx.superFramesOut++;
    this.counters[TX_PACKETS]++;
    this.counters[TX_BYTES] += len;
    pool.free(p);
  }

  /** Control path: a kick failed; ENETDOWN/ENXIO/ENODEV mean the interface went away or down. */
  private kickFailed(e: number): void {
    this.kickErrors++;
    if (e === ENETDOWN || e === ENXIO || e === ENODEV) {
      this.state.setDown(e === ENETDOWN ? 'interface is down (send: ENETDOWN)' : 'interface went away (send failed)');
      this.nextCheck = 0; // re-check at the next tick
    }
  }

  override tick(now: number): void {
    if (now < this.nextCheck) return;
    this.nextCheck = now + CHECK_MS;
    this.check();
    for (const q of this.queues) {
      try { this.ringDrops += readStats(q.sock.fd).drops; } catch { /* reported by check() next time */ }
    }
  }

  override wakeFds(): number[] {
    return this.queues.map((q) => q.sock.fd);
  }

  override carrier(): boolean { return this.state.up; }

  override stop(): void { this.close(); }

  override reconfig(): boolean { return false; }

  override report(): Record<string, unknown> {
    return {
      ...this.state.report(), ifname: this.ifname, ifindex: this.ifindex, queues: this.queues.length,
      ringDrops: this.ringDrops, badFrames: this.badFrames, truncated: this.truncated,
      offloads: { ...this.offload.report(), ...this.offloadTx.report() }, kicks: this.kicks, kickErrors: this.kickErrors, txRingFull: this.txRingFull,
    };
  }
}

/** A short reason for a port state from a failed control-path call. */

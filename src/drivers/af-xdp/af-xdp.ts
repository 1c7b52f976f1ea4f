/**
 * AF_XDP port (`af-xdp:IFNAME[,queue=N][,mode=copy|zerocopy]`): one queue of a kernel
 * interface joined to the switch through an XDP socket. Sluice loads a small redirect
 * program (redirect-prog.ts) that sends the queue's frames to the socket, attached through a
 * BPF link so it disappears with Sluice.
 *
 *   kernel ──rx ring──► copy into pool packets ──► output      (frame back on the fill ring)
 *   input ──► copy into a free UMEM frame ──► tx ring ──► kernel (frame back via completion)
 *
 * UMEM: `frames` frames, the first half cycles between the fill and rx rings, the second half
 * between a free list, the tx ring and the completion ring. With XDP_USE_NEED_WAKEUP a
 * syscall is made only when the kernel asks (tx: sendto after a burst; rx: recvfrom when the
 * fill ring ran dry); `report()` counts them per packet. XDP_STATISTICS is read once a second
 * and folded into the port's drops: rx_dropped and rx_ring_full as peer_no_buffer (frames the
 * kernel could not place), invalid descriptors as bad_descriptor.
 * Frames a local stack sent with checksum offload arrive with partial checksums, which are
 * completed (counted as checksumsCompleted). A `mode=zerocopy` the driver cannot do falls back
 * to copy mode with a log line.
 */
import { App, type AppContext } from '../../core/app.js';
import type { Link } from '../../core/link.js';
import { DROP_BASE, REFUSED, RX_BYTES, RX_PACKETS, TX_BYTES, TX_PACKETS } from '../../core/counters.js';
import { DropReason } from '../../core/drop-reasons.js';
import {
  checkIfName, setIfUp, SysError,
  openXsk, xskKickTx, xskKickRx, xskStatistics, XDP_COPY, XDP_ZEROCOPY, XDP_RING_NEED_WAKEUP, type XskSocket,
} from '../../sys/index.js';
import { PortState, followInterface, reasonOf } from '../af-packet/port-state.js';
import { XskRedirect } from './redirect-prog.js';
import { completeIfPartial } from './checksum.js';
import { copyWords, words } from '../../lib/offload/copy-words.js';
import { HEADROOM } from '../../core/packet.js';

export interface AfXdpArgs {
  ifname: string;
  queue?: number;
  mode?: 'copy' | 'zerocopy';
  /** UMEM frames (power of two, default 4096) of frameSize bytes (2048 or 4096). */
  frames?: number;
  frameSize?: number;
  /** Ring entries (power of two, default 2048). */
  ringSize?: number;
  burst?: number;
  up?: boolean;
}

export const afXdpSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['ifname'],
  properties: {
    ifname: { type: 'string', minLength: 1, maxLength: 15 },
    queue: { type: 'integer', minimum: 0, maximum: 1023 },
    mode: { enum: ['copy', 'zerocopy'] },
    frames: { type: 'integer', minimum: 64, maximum: 1 << 18 },
    frameSize: { enum: [2048, 4096] },
    ringSize: { type: 'integer', minimum: 32, maximum: 1 << 16 },
    burst: { type: 'integer', minimum: 1, maximum: 1023 },
    up: { type: 'boolean' },
  },
};

const CHECK_MS = 1000;
const ENOBUFS = 105, EAGAIN = 11, EBUSY = 16, ENETDOWN = 100;

export class AfXdpPort extends App {
  readonly ifname: string;
  readonly state: PortState;
  private readonly args: AfXdpArgs;
  private readonly burst: number;
  private xsk: XskSocket | null = null;
  private redirect: XskRedirect | null = null;
  private umem: Uint8Array<ArrayBufferLike> = new Uint8Array(0);
  /** u32 views of the UMEM and the pool's bytes, for word copies (no view per packet). */
  private umem32: Uint32Array<ArrayBufferLike> = new Uint32Array(0);
  private data32: Uint32Array<ArrayBufferLike>;
  private out: Link | undefined;
  private in: Link | undefined;
  /** TX frames not in the kernel's hands (UMEM addresses / frameSize). */
  private txFree = new Uint32Array(0);
  private txFreeN = 0;
  private nextCheck = 0;
  private ifindex = 0;
  /** The mode the socket is bound in (copy after a zero-copy fallback). */
  boundMode: 'copy' | 'zerocopy' | 'none' = 'none';
  rxKicks = 0;
  txKicks = 0;
  kickErrors = 0;
  txRingFull = 0;
  checksumsCompleted = 0;
  badDescs = 0;
  /** Frames on the tx ring since the last kick. */
  private unkicked = 0;
  /** XDP_STATISTICS of the open socket, last read (cumulative for the socket). */
  private stats = { rxDropped: 0, rxInvalidDescs: 0, txInvalidDescs: 0, rxRingFull: 0, rxFillRingEmptyDescs: 0, txRingEmptyDescs: 0 };

  constructor(ctx: AppContext, args: AfXdpArgs) {
    super(ctx);
    checkIfName(args.ifname);
    this.ifname = args.ifname;
    this.args = args;
    this.burst = args.burst ?? 256;
    this.state = new PortState(`${ctx.name} (af-xdp ${args.ifname})`);
    this.data32 = words(this.pool.data);
    this.check();
  }

  private open(index: number): void {
    const a = this.args;
    const frames = a.frames ?? 4096, frameSize = a.frameSize ?? 2048, ringSize = a.ringSize ?? 2048, queue = a.queue ?? 0;
    const opts = { ifname: this.ifname, ifindex: index, queue, frames, frameSize, ringSize };
    let xsk: XskSocket | null = null;
    let redirect: XskRedirect | null = null;
    try {
      if (a.up ?? true) setIfUp(this.ifname, true);
      if (a.mode === 'zerocopy') {
        try {
          xsk = openXsk({ ...opts, mode: XDP_ZEROCOPY });
          this.boundMode = 'zerocopy';
        } catch (e) {
          if (!(e instanceof SysError)) throw e;
          console.error(`sluice: port ${this.name} (af-xdp ${this.ifname}): zero-copy not available (${e.message}); using copy mode`);
        }
      }
      if (!xsk) { xsk = openXsk({ ...opts, mode: XDP_COPY }); this.boundMode = 'copy'; }
      this.giveFrames(xsk, frames, frameSize);
      // Frames are redirected to the socket only once it has buffers to receive into.
      redirect = new XskRedirect(index, queue, xsk.fd, queue + 1);
    } catch (e) {
      xsk?.close();
      if (!(e instanceof SysError) && !(e instanceof RangeError)) throw e;
      this.boundMode = 'none';
      this.state.setDown((e as SysError).errno === EBUSY ? `${reasonOf(e)} (another XDP program is attached to ${this.ifname})` : reasonOf(e));
      return;
    }
    this.xsk = xsk;
    this.redirect = redirect;
    this.ifindex = index;
    this.umem = new Uint8Array(xsk.umem.buffer, 0, frames * frameSize);
    this.umem32 = words(this.umem);
  }

  /** First half of the UMEM: receive frames, all given to the kernel now. Second half: transmit frames. */
  private giveFrames(xsk: XskSocket, frames: number, frameSize: number): void {
    const half = frames >>> 1;
    const fill = xsk.fill;
    const give = Math.min(half, fill.size);
    for (let i = 0; i < give; i++) { fill.u32[fill.desc + i * 2] = i * frameSize; fill.u32[fill.desc + i * 2 + 1] = 0; }
    Atomics.store(fill.u32, fill.prod, give);
    this.txFree = new Uint32Array(frames - half);
    for (let i = 0; i < frames - half; i++) this.txFree[i] = (half + i) * frameSize;
    this.txFreeN = frames - half;
  }

  private close(): void {
    if (this.xsk) {
      this.readStats();
      this.stats = { rxDropped: 0, rxInvalidDescs: 0, txInvalidDescs: 0, rxRingFull: 0, rxFillRingEmptyDescs: 0, txRingEmptyDescs: 0 };
    }
    this.redirect?.close();
    this.redirect = null;
    this.xsk?.close();
    this.xsk = null;
    this.umem = new Uint8Array(0);
    this.umem32 = new Uint32Array(0);
    this.ifindex = 0;
  }

  private check(): void {
    followInterface(this.ifname, this.state, this.xsk ? this.ifindex : 0,
      (index) => { this.open(index); return this.xsk !== null; }, () => this.close());
  }

  override linked(): void { this.out = this.output.output; this.in = this.input.input; }

  override pull(): void {
    const x = this.xsk, out = this.out;
    if (!x || !out) return;
    const rx = x.rx, r32 = rx.u32, fill = x.fill, f32 = fill.u32;
    const prod = Atomics.load(r32, rx.prod);
    let cons = r32[rx.cons]!;
    let avail = (prod - cons) >>> 0;
    let room = out.nwritable();
    if (room > this.burst) room = this.burst;
    if (avail > room) avail = room;
    if (avail === 0) { this.refillWake(fill); return; }
    const pool = this.pool, data = pool.data, data32 = this.data32, umem = this.umem, umem32 = this.umem32, c = this.counters, limit = umem.length;
    let fprod = f32[fill.prod]!;
    for (let i = 0; i < avail; i++) {
      const d = rx.desc + ((cons & rx.mask) << 2);
      const addr = r32[d]!, len = r32[d + 2]!;
      cons = (cons + 1) >>> 0;
      // The frame goes straight back to the fill ring (its base: addr may carry an offset).
      const base = addr - (addr % x.frameSize);
      const fd = fill.desc + ((fprod & fill.mask) << 1);
      f32[fd] = base; f32[fd + 1] = 0;
      fprod = (fprod + 1) >>> 0;
      // TRUST: the kernel wrote addr/len; checked against the UMEM before use.
      if (r32[d + 1] !== 0 || addr + len > limit || len < 14) { this.badDescs++; c[REFUSED]++; c[DROP_BASE + DropReason.BAD_DESCRIPTOR]++; continue; }
      c[RX_PACKETS]++;
      c[RX_BYTES] += len;
      if (len > pool.maxLen) { c[DROP_BASE + DropReason.TOO_BIG]++; continue; }
      const p = pool.alloc();
      if (p < 0) { c[DROP_BASE + DropReason.NO_BUFFER]++; continue; }
      // Headroom chosen so the packet start has the frame's alignment mod 4: word copies.
      pool.off[p] = HEADROOM - 4 + (addr & 3);
      const s = pool.start(p);
      copyWords(data, data32, s, umem, umem32, addr, len);
      pool.len[p] = len;
      if (completeIfPartial(data, s, len)) this.checksumsCompleted++;
      out.transmit(p);
    }
    Atomics.store(r32, rx.cons, cons);
    Atomics.store(f32, fill.prod, fprod);
    this.refillWake(fill);
  }

  /** The kernel stopped receiving because the fill ring was empty: tell it there are frames again. */
  private refillWake(fill: XskSocket['fill']): void {
    if ((Atomics.load(fill.u32, fill.flags) & XDP_RING_NEED_WAKEUP) === 0) return;
    this.rxKicks++;
    const r = xskKickRx(this.xsk!.fd);
    if (r < 0 && r !== -EAGAIN && r !== -ENOBUFS) this.kickErrors++;
  }

  override push(): void {
    const l = this.in;
    if (!l || l.empty()) {
      // Nothing new this breath: hand the kernel what earlier bursts queued without a kick.
      if (this.unkicked > 0 && this.xsk) this.kick(this.xsk);
      return;
    }
    const x = this.xsk;
    if (!x || !this.state.up) {
      while (!l.empty()) this.drop(l.receive(), DropReason.PORT_DOWN);
      return;
    }
    this.reclaim(x);
    const tx = x.tx, t32 = tx.u32, pool = this.pool, data = pool.data, data32 = this.data32, umem = this.umem, umem32 = this.umem32, c = this.counters, fsize = x.frameSize;
    let prod = t32[tx.prod]!;
    const cons = Atomics.load(t32, tx.cons);
    let space = tx.size - ((prod - cons) >>> 0);
    let queued = 0;
    while (!l.empty()) {
      if (this.txFreeN === 0 || space === 0) { this.txRingFull++; break; }
      const p = l.receive();
      const len = pool.len[p]!;
      const start = pool.start(p);
      // The frame at the packet's alignment mod 4 (a descriptor may point inside its frame): word copies.
      if (len + 3 > fsize) { this.drop(p, DropReason.TOO_BIG); continue; }
      const addr = this.txFree[--this.txFreeN]! + (start & 3);
      copyWords(umem, umem32, addr, data, data32, start, len);
      const d = tx.desc + ((prod & tx.mask) << 2);
      t32[d] = addr; t32[d + 1] = 0; t32[d + 2] = len; t32[d + 3] = 0;
      prod = (prod + 1) >>> 0;
      space--;
      c[TX_PACKETS]++;
      c[TX_BYTES] += len;
      pool.free(p);
      queued++;
    }
    if (queued === 0) return;
    Atomics.store(t32, tx.prod, prod);
    // Under load, bursts are gathered over a few breaths before one kick; a small burst (light
    // traffic) or a breath with no new input (above) kicks at once, so latency stays low.
    this.unkicked += queued;
    if (queued < 32 || this.unkicked >= 128) this.kick(x);
  }

  /** sendto, when the kernel asks for it (copy mode always does): it transmits the queued frames. */
  private kick(x: XskSocket): void {
    this.unkicked = 0;
    if ((Atomics.load(x.tx.u32, x.tx.flags) & XDP_RING_NEED_WAKEUP) === 0) return;
    this.txKicks++;
    const r = xskKickTx(x.fd);
    if (r < 0 && r !== -EAGAIN && r !== -ENOBUFS) { this.kickErrors++; if (r === -ENETDOWN) this.nextCheck = 0; }
  }

  /** Frames the kernel finished sending go back to the free list. */
  private reclaim(x: XskSocket): void {
    const comp = x.comp, c32 = comp.u32;
    const prod = Atomics.load(c32, comp.prod);
    let cons = c32[comp.cons]!;
    const size = x.frameSize, limit = this.umem.length;
    while (cons !== prod) {
      const a = c32[comp.desc + ((cons & comp.mask) << 1)]!;
      cons = (cons + 1) >>> 0;
      // TRUST: only frames of the transmit half are taken back (as their base: push() may have offset them by up to 3).
      const b = a - (a % size);
      if (a - b < 4 && a < limit && this.txFreeN < this.txFree.length) this.txFree[this.txFreeN++] = b;
      else this.badDescs++;
    }
    Atomics.store(c32, comp.cons, cons);
  }

  /** Read XDP_STATISTICS and add what is new to the port's drops (control path). */
  private readStats(): void {
    if (!this.xsk) return;
    let s: typeof this.stats;
    try { s = xskStatistics(this.xsk.fd); } catch { return; /* socket broken: check() reopens */ }
    const o = this.stats, c = this.counters;
    // Frames the kernel had for us but could not place (no fill frame, rx ring full).
    // Frames that never became packets: refused (accounting) and dropped under their reason.
    const noBuf = (s.rxDropped - o.rxDropped) + (s.rxRingFull - o.rxRingFull);
    const bad = (s.rxInvalidDescs - o.rxInvalidDescs) + (s.txInvalidDescs - o.txInvalidDescs);
    c[DROP_BASE + DropReason.PEER_NO_BUFFER] += noBuf;
    c[DROP_BASE + DropReason.BAD_DESCRIPTOR] += bad;
    c[REFUSED] += noBuf + bad;
    this.stats = s;
  }

  override tick(now: number): void {
    if (this.xsk) this.reclaim(this.xsk);
    if (now < this.nextCheck) return;
    this.nextCheck = now + CHECK_MS;
    this.check();
    this.readStats();
  }

  override wakeFds(): number[] { return this.xsk ? [this.xsk.fd] : []; }

  override carrier(): boolean { return this.state.up; }

  override stop(): void { this.close(); }

  override reconfig(): boolean { return false; }

  override report(): Record<string, unknown> {
    this.readStats(); // the kernel's drops are in the counters reported alongside
    const packets = this.counters[RX_PACKETS]! + this.counters[TX_PACKETS]!;
    const syscalls = this.rxKicks + this.txKicks;
    return {
      ...this.state.report(), ifname: this.ifname, ifindex: this.ifindex, queue: this.args.queue ?? 0, mode: this.boundMode,
      program: this.redirect ? { id: this.redirect.progId } : null,
      xdpStatistics: { ...this.stats },
      syscalls: { rxKicks: this.rxKicks, txKicks: this.txKicks, per32Packets: packets ? (syscalls * 32) / packets : 0 },
      kickErrors: this.kickErrors, txRingFull: this.txRingFull, badDescs: this.badDescs, checksumsCompleted: this.checksumsCompleted,
    };
  }
}

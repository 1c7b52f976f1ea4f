/**
 * TAP port (`tap:NAME[,queues=N]`): a Linux TAP device created (or attached to, if it
 * exists) by Sluice, set up, one non-blocking fd per queue.
 *
 *   kernel stack ──tap fd read()──► pool packet ──► output
 *   input ──► write() on queue 0's fd ──► kernel stack
 *
 * A TAP device has no ring, so each frame costs one read(2) or write(2) (vhost-net would
 * remove that; out of scope). Reads go straight into the pool buffer at its native address
 * (sys/fd-io: no view per packet), in bounded bursts that stop at EAGAIN; one spare packet
 * is kept across pulls so an empty read does not cost an alloc/free pair.
 *
 * Offloads (default; `nooffloads` turns them off): the device is opened with IFF_VNET_HDR
 * and TSO + checksum offload, so the kernel stack sends one 64 KiB super-frame per read
 * instead of ~44 frames. Each read is a readv: the virtio-net header lands in the packet's
 * headroom, the frame in the packet buffer, and whatever does not fit in a 64 KiB native
 * overflow. Super-frames are kept whole in a pool super buffer when the output link may
 * carry them (Link.superFrames), else segmented, and partial checksums finished in software
 * (lib/offload) before they reach the switch; a refused header is a `bad_offload` drop.
 * Writes carry an all-zero header: frames leave complete, except super-frames from the pool
 * (bridge mode, from a guest with TSO): written whole with their GSO header, the kernel
 * segments them (offload-tx.ts); without `offloads` they are cut here, one write per segment.
 *
 * State: `up`, or `down` with a reason — open failed (permission, busy, not a TAP device),
 * interface down (seen with SIOCGIFFLAGS while the device is in Sluice's namespace, or as
 * EIO from write(2) wherever it is). Packets the device refuses while down are dropped as
 * `port_down`; the first write that succeeds brings the port back, and `tick()` re-checks
 * flags once a second and retries a device that failed to open. The fds stay valid when the device is moved to another network namespace.
 */
import { App, type AppContext } from '../../core/app.js';
import { SUPER_MAX_LEN } from '../../core/packet.js';
import type { Link } from '../../core/link.js';
import { DROP_BASE, RX_BYTES, RX_PACKETS, TX_BYTES, TX_PACKETS } from '../../core/counters.js';
import { DropReason } from '../../core/drop-reasons.js';
import {
  checkIfName, openTap, setIfUp, ifIndex, ifFlags, IFF_UP, addressOf, readAt, writeAt, readvAt, writevAt, IoVecs, closeFd, SysError,
  MAX_TAP_QUEUES,
} from '../../sys/index.js';
import { allocNative } from '../../sys/libc.js';
import { words } from '../../lib/offload/copy-words.js';
import { GSO_MAX_FRAME, completePartialChecksum } from '../../lib/offload/gso.js';
import { VNET_HDR_LEN, VNET_F_NEEDS_CSUM, GSO_NONE, OffloadError, readVnetHdr, checkVnetHdr } from '../../lib/offload/vnet-hdr.js';
import { copyWords } from '../../lib/offload/copy-words.js';
import { OffloadRx } from '../offload/offload-rx.js';
import { OffloadTx } from '../offload/offload-tx.js';
import { PortState } from '../af-packet/port-state.js';
import { reasonOf } from '../af-packet/port-state.js';

export interface TapArgs {
  /** Device name (created if absent). */
  ifname: string;
  /** Queues (fds); more than one needs a multi-queue device. Default 1. */
  queues?: number;
  /** Set the device up after opening (default true). */
  up?: boolean;
  /** Frames per pull (default 64, at most the output link's room). */
  burst?: number;
  /** IFF_VNET_HDR with TSO and checksum offload (default true). */
  offloads?: boolean;
}

export const tapSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['ifname'],
  properties: {
    ifname: { type: 'string', minLength: 1, maxLength: 15 },
    queues: { type: 'integer', minimum: 1, maximum: MAX_TAP_QUEUES },
    up: { type: 'boolean' },
    burst: { type: 'integer', minimum: 1, maximum: 1023 },
    offloads: { type: 'boolean' },
  },
};

const EAGAIN = 11, EINTR = 4, EIO = 5, EBADFD = 77, ENOBUFS = 105;
const CHECK_MS = 1000;
const DOWN = 'interface is down';

export class TapPort extends App {
  readonly ifname: string;
  readonly state: PortState;
  private readonly args: TapArgs;
  private readonly burst: number;
  private fds: number[] = [];
  private rr = 0;
  private out: Link | undefined;
  private in: Link | undefined;
  /** Native address of pool.data[0]. */
  private readonly base: number;
  /** A packet allocated for the next read, or -1. */
  private spare = -1;
  private nextCheck = 0;
  /** Device name the kernel confirmed. */
  deviceName = '';
  multiQueue = false;
  /** Reads/writes that failed with something other than EAGAIN. */
  readErrors = 0;
  writeErrors = 0;
  /** Offloads as opened (IFF_VNET_HDR). */
  offloads = false;
  /** Virtio-net headers: partial checksums, super-frames cut in software, refusals. */
  private readonly offload: OffloadRx;
  private readonly offloadTx: OffloadTx;
  /** Takes super-frames: whole with a GSO header, or cut here without IFF_VNET_HDR. */
  override superFrames = 'send' as const;
  private readonly data32: Uint32Array;
  /** readv: [header + packet buffer, overflow]; writev: [zero header, packet]. */
  private readonly rxIov = new IoVecs(2);
  private readonly txIov = new IoVecs(2);
  /** A whole super-frame: the packet buffer's part copied in front of the overflow the kernel wrote. */
  private readonly big: Uint8Array;
  private readonly big32: Uint32Array;
  private readonly bigAddr: number;
  private readonly zeroHdrAddr: number;
  /** The header of a super-frame written whole (native, for writev). */
  private readonly superHdr: Uint8Array;
  private readonly superHdrAddr: number;

  constructor(ctx: AppContext, args: TapArgs) {
    super(ctx);
    checkIfName(args.ifname);
    this.ifname = args.ifname;
    this.args = args;
    this.burst = args.burst ?? 64;
    this.base = addressOf(this.pool.data);
    this.data32 = words(this.pool.data);
    this.offload = new OffloadRx(this.pool, this.data32, this.counters);
    this.offloadTx = new OffloadTx(this.pool, this.data32);
    const big = allocNative(((GSO_MAX_FRAME + 16) & ~3) + 16);
    this.big = big.u8;
    this.big32 = new Uint32Array(big.u8.buffer, big.u8.byteOffset, big.u8.byteLength >>> 2);
    this.bigAddr = Number(big.address);
    const zero = allocNative(16);
    this.zeroHdrAddr = Number(zero.address);
    const sh = allocNative(16);
    this.superHdr = sh.u8;
    this.superHdrAddr = Number(sh.address);
    this.txIov.set(0, this.zeroHdrAddr, VNET_HDR_LEN);
    this.state = new PortState(`${ctx.name} (tap ${args.ifname})`);
    this.open();
  }

  private open(): void {
    try {
      const t = openTap(this.ifname, this.args.queues ?? 1, { offloads: this.args.offloads ?? true });
      this.fds = t.fds;
      this.offloads = t.offloads;
      this.deviceName = t.name;
      this.multiQueue = t.multiQueue;
    } catch (e) {
      if (!(e instanceof SysError) && !(e instanceof RangeError)) throw e;
      this.state.setDown(reasonOf(e));
      return;
    }
    if (this.args.up ?? true) {
      try { setIfUp(this.deviceName, true); } catch (e) { this.state.setDown(`cannot set up: ${reasonOf(e)}`); return; }
    }
    this.state.setUp();
  }

  private close(): void {
    for (const fd of this.fds) closeFd(fd);
    this.fds = [];
  }

  /** Control path: re-evaluate the device once a second. */
  private check(): void {
    if (this.fds.length === 0) { this.open(); return; }
    let visible = 0;
    try { visible = ifIndex(this.deviceName); } catch { visible = 0; }
    if (visible === 0) return; // in another namespace: write(2) results decide (EIO = down)
    let flags = 0;
    try { flags = ifFlags(this.deviceName); } catch { return; }
    if ((flags & IFF_UP) === 0) this.state.setDown(DOWN);
    else this.state.setUp();
  }

  override linked(): void { this.out = this.output.output; this.in = this.input.input; }

  override pull(): void {
    const out = this.out;
    const fds = this.fds;
    const nq = fds.length;
    if (out === undefined || nq === 0) return;
    let budget = out.nwritable();
    if (budget > this.burst) budget = this.burst;
    const pool = this.pool, c = this.counters, base = this.base, max = pool.maxLen, vnet = this.offloads;
    for (let i = 0; i < nq && budget > 0; i++) {
      const fd = fds[(this.rr + i) % nq]!;
      while (budget > 0) {
        let p = this.spare;
        if (p < 0) {
          p = pool.alloc();
          if (p < 0) { this.refuse(DropReason.NO_BUFFER); return; }
          this.spare = p;
        }
        const at = base + pool.start(p);
        let n: number;
        if (vnet) {
          // Header into the headroom, frame into the buffer, the rest of a super-frame beyond it.
          this.rxIov.set(0, at - VNET_HDR_LEN, max + VNET_HDR_LEN);
          this.rxIov.set(1, this.bigAddr + max, this.big.length - max);
          n = readvAt(fd, this.rxIov.address, 2);
        } else n = readAt(fd, at, max);
        if (n <= 0) {
          if (n !== -EAGAIN && n !== -EINTR) this.readFailed(-n);
          break;
        }
        this.spare = -1;
        if (vnet) { budget -= this.received(p, n - VNET_HDR_LEN, out); continue; }
        budget--;
        c[RX_PACKETS]++;
        c[RX_BYTES] += n;
        // TRUST: 0 < n ≤ max: read(2) never returns more than asked (a frame longer than a
        // buffer — MTU above pool.maxLen — arrives truncated; keep the MTU below it).
        pool.len[p] = n;
        out.transmit(p);
      }
    }
    this.rr = (this.rr + 1) % nq;
  }

  /**
   * A frame of `len` bytes read with its virtio-net header into packet p (and the overflow):
   * check the header, then pass it on, finish its checksum, or segment it. Returns link slots used.
   */
  private received(p: number, len: number, out: Link): number {
    const pool = this.pool, c = this.counters, rx = this.offload, vh = rx.vh, data = pool.data;
    const d = pool.start(p);
    readVnetHdr(data, d - VNET_HDR_LEN, vh);
    const bad = len < 14 ? OffloadError.BAD_HEADERS : checkVnetHdr(vh, len);
    if (bad !== OffloadError.OK) { rx.refuse(bad, len < 0 ? 0 : len); pool.free(p); return 1; }
    if (vh.gsoType === GSO_NONE) {
      if (len > pool.maxLen) { rx.refuse(OffloadError.TOO_BIG, len); pool.free(p); return 1; }
      c[RX_PACKETS]++;
      c[RX_BYTES] += len;
      pool.len[p] = len;
      if ((vh.flags & VNET_F_NEEDS_CSUM) !== 0) { completePartialChecksum(data, d, len, vh.csumStart, vh.csumOffset); rx.checksumsCompleted++; }
      out.transmit(p);
      return 1;
    }
    // A super-frame: cut from the packet buffer if it fit, else from the joined copy — or
    // joined whole in a super buffer when the output may carry it.
    let src = data, src32 = this.data32, st = d;
    if (len > pool.maxLen) {
      if (len > GSO_MAX_FRAME) { rx.refuse(OffloadError.TOO_BIG, len); pool.free(p); return 1; }
      const q = out.superFrames && len <= SUPER_MAX_LEN ? pool.allocSuper() : -1;
      if (q >= 0) {
        const e = pool.start(q);
        copyWords(data, this.data32, e, data, this.data32, d, pool.maxLen);
        copyWords(data, this.data32, e + pool.maxLen, this.big, this.big32, pool.maxLen, len - pool.maxLen);
        pool.free(p);
        rx.keep(q, len, out);
        return 1;
      }
      copyWords(this.big, this.big32, 0, data, this.data32, d, pool.maxLen);
      src = this.big; src32 = this.big32; st = 0;
    }
    // The frame is already off the device: segments beyond the link's room are dropped (link_full).
    const segs = rx.planSuper(src, st, len);
    if (segs > 0) rx.emit(src, src32, st, out);
    pool.free(p);
    return segs > 0 ? segs : 1;
  }

  private readFailed(e: number): void {
    this.readErrors++;
    if (e === EBADFD) { this.state.setDown(`read failed: errno ${e} (device detached)`); this.nextCheck = 0; }
  }

  override push(): void {
    const l = this.in;
    if (l === undefined || l.empty()) return;
    const pool = this.pool, c = this.counters, base = this.base;
    if (this.fds.length === 0) {
      while (!l.empty()) this.drop(l.receive(), DropReason.PORT_DOWN);
      return;
    }
    // Writes are attempted while down too: a write to a down TAP fails cheaply with EIO, and
    // the first one that succeeds brings the port back at once (no 1 s wait).
    const fd = this.fds[0]!;
    while (!l.empty()) {
      const p = l.receive();
      const len = pool.len[p]!;
      let n: number;
      if (p >= pool.count) {
        n = this.writeSuper(fd, p);
        if (n === 0) { this.drop(p, DropReason.BAD_OFFLOAD); continue; }
      } else if (this.offloads) {
        this.txIov.set(1, base + pool.start(p), len);
        const w = writevAt(fd, this.txIov.address, 2);
        n = w < 0 ? w : w - VNET_HDR_LEN;
      } else n = writeAt(fd, base + pool.start(p), len);
      if (n === len) {
        c[TX_PACKETS]++;
        c[TX_BYTES] += len;
        pool.free(p);
        if (!this.state.up) this.state.setUp();
        continue;
      }
      if (n === -EIO) {
        this.drop(p, DropReason.PORT_DOWN);
        if (this.state.up) this.state.setDown(DOWN);
        continue;
      }
      this.writeErrors++;
      this.drop(p, n === -EAGAIN || n === -ENOBUFS ? DropReason.PEER_NO_BUFFER : DropReason.BAD_DESCRIPTOR);
    }
  }

  /**
   * Write the pool super-frame p: whole with its GSO header when the device has
   * IFF_VNET_HDR, else cut into segments written one by one. Returns its length when all of
   * it went, 0 when it no longer parses, else what the failed write returned.
   */
  private writeSuper(fd: number, p: number): number {
    const pool = this.pool, tx = this.offloadTx, len = pool.len[p]!;
    const segs = tx.planSuper(p, this.big.length);
    if (segs === 0) return 0;
    if (this.offloads) {
      tx.header(p, this.superHdr, 0);
      this.txIov.set(0, this.superHdrAddr, VNET_HDR_LEN);
      this.txIov.set(1, this.base + pool.start(p), len);
      const w = writevAt(fd, this.txIov.address, 2);
      this.txIov.set(0, this.zeroHdrAddr, VNET_HDR_LEN);
      if (w < 0) return w;
      tx.superFramesOut++;
      return w - VNET_HDR_LEN;
    }
    for (let i = 0; i < segs; i++) {
      const m = tx.segment(p, i, this.big, this.big32, 0);
      const w = writeAt(fd, this.bigAddr, m);
      if (w !== m) return w < 0 ? w : -EAGAIN;
    }
    return len;
  }

  override tick(now: number): void {
    if (now < this.nextCheck) return;
    this.nextCheck = now + CHECK_MS;
    this.check();
  }

  override wakeFds(): number[] { return this.fds.slice(); }

  override carrier(): boolean { return this.state.up; }

  override stop(): void {
    if (this.spare >= 0) { this.pool.free(this.spare); this.spare = -1; }
    this.close();
  }

  override reconfig(): boolean { return false; }

  override report(): Record<string, unknown> {
    return {
      ...this.state.report(), ifname: this.deviceName || this.ifname, queues: this.fds.length, multiQueue: this.multiQueue,
      readErrors: this.readErrors, writeErrors: this.writeErrors, offloads: { enabled: this.offloads, ...this.offload.report(), ...this.offloadTx.report() },
    };
  }
}


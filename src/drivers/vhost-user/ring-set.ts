/**
 * The data path of one vhost-user device on one thread: the live guest TX rings (odd) and
 * RX rings (even) this thread serves, the guest memory they point into, and the NetIo that
 * moves frames (and counts them). The main thread's port has one (the queue pairs it serves
 * itself); each worker engine that serves queue pairs of the port has its own (queues-app.ts),
 * built from the owner's snapshot with its own mappings and DeviceQueues.
 *
 * Kicks: a ring that yields packets asks the guest not to kick (disableNotification), and
 * kicks stay off while the engine polls (as DPDK's vhost PMD: a kick costs the guest an
 * eventfd write per burst). The owner re-enables them before it sleeps on `kickFds()`.
 */
import { eventfdWrite } from '../../sys/index.js';
import type { DeviceQueue } from '../../virtio/split/device-queue.js';
import type { GuestMemory } from '../../mem/guest-memory.js';
import type { NetIo, PoolView } from './net-io.js';
import type { Link } from '../../core/link.js';
import { GSO_MAX_SEGS } from '../../lib/offload/gso.js';

/** Chains taken from guest TX per burst. */
const RX_BURST = 32;

/** What the data path needs of a ring. */
export interface LiveRing { readonly queue: DeviceQueue; kickFd: number; callFd: number }

export class RingSet {
  memory: GuestMemory | null = null;
  txRings: LiveRing[] = [];
  rxRings: LiveRing[] = [];
  private rxNext = 0;
  /** Guest TX burst scratch, with room for one super-frame's segments beyond the burst. */
  private readonly rxBurst = new Uint32Array(RX_BURST + GSO_MAX_SEGS);

  constructor(readonly io: NetIo) {}

  /** Replace the rings (control path); polling starts with kicks off on all of them. */
  set(memory: GuestMemory | null, tx: LiveRing[], rx: LiveRing[]): void {
    this.memory = memory;
    this.txRings = tx;
    this.rxRings = rx;
    // RX kicks are never needed (a full guest RX ring drops instead of waiting).
    for (let i = 0; i < tx.length; i++) tx[i]!.queue.disableNotification();
    for (let i = 0; i < rx.length; i++) rx[i]!.queue.disableNotification();
  }

  /** Ask the guest to kick on TX again (before the owner sleeps on kickFds()). */
  enableKicks(): void {
    for (let i = 0; i < this.txRings.length; i++) this.txRings[i]!.queue.enableNotification();
  }

  /** Kick eventfds of the TX rings (an idle engine may sleep on them). */
  kickFds(): number[] {
    const out: number[] = [];
    for (const r of this.txRings) if (r.kickFd >= 0) out.push(r.kickFd);
    return out;
  }

  private nextRx(): LiveRing {
    const rings = this.rxRings;
    return rings.length === 1 ? rings[0]! : rings[this.rxNext++ % rings.length]!;
  }

  /** Guest TX → pool packets. Returns how many were written to `out` (see NetIo.dequeueFromGuest for `cap`). */
  dequeue(pool: PoolView, out: Uint32Array, max: number, cap = max): number {
    const mem = this.memory;
    const rings = this.txRings;
    if (mem === null || rings.length === 0) return 0;
    const io = this.io;
    let n = 0;
    for (let i = 0; i < rings.length && n < max; i++) {
      const r = rings[i]!;
      const got = io.dequeueFromGuest(r.queue, mem, pool, n === 0 ? out : out.subarray(n), max - n, cap - n);
      if (io.notifyNeeded && r.callFd >= 0) eventfdWrite(r.callFd);
      if (got !== 0) r.queue.disableNotification();
      n += got;
    }
    return n;
  }

  /** Pool packets → guest RX; consumes (frees) all `n`. Returns how many were delivered. */
  enqueue(pool: PoolView, pkts: Uint32Array, n: number): number {
    const mem = this.memory;
    const io = this.io;
    if (mem === null || this.rxRings.length === 0) {
      for (let i = 0; i < n; i++) pool.free(pkts[i]!);
      io.noGuestBuffer += n;
      return 0;
    }
    const r = this.nextRx();
    const got = io.enqueueToGuest(r.queue, mem, pool, pkts, n);
    if (io.notifyNeeded && r.callFd >= 0) eventfdWrite(r.callFd);
    if (got !== 0) r.queue.disableNotification();
    return got;
  }

  /** Guest TX → a burst of pool packets onto `out` (as much as it has room for). */
  dequeueLink(pool: PoolView, out: Link): void {
    const room = out.nwritable(), burst = this.rxBurst;
    this.io.keepWhole = out.superFrames;
    const n = this.dequeue(pool, burst, room < RX_BURST ? room : RX_BURST, room < burst.length ? room : burst.length);
    if (n > 0) out.transmitBurst(burst, n);
  }

  /** Everything queued on `l` → guest RX, a burst at a time (`burst` is the caller's scratch). */
  enqueueLink(pool: PoolView, l: Link, burst: Uint32Array): void {
    for (;;) {
      const n = l.receiveBurst(burst, burst.length);
      if (n === 0) break;
      this.enqueue(pool, burst, n);
    }
  }

  /** Single-copy guest→guest: up to `max` frames from these TX rings into `dst`'s RX rings. */
  forwardTo(dst: RingSet, max: number): number {
    const smem = this.memory;
    const rings = this.txRings;
    if (smem === null || rings.length === 0) return 0;
    const dmem = dst.memory;
    const sio = this.io;
    const dio = dst.io;
    let n = 0;
    for (let i = 0; i < rings.length && n < max; i++) {
      const r = rings[i]!;
      let got: number;
      if (dmem === null || dst.rxRings.length === 0) {
        // Destination not attached: drain and drop (a switch port with no peer).
        got = sio.dequeueDrop(r.queue, smem, max - n);
        dio.noGuestBuffer += got;
      } else {
        const d = dst.nextRx();
        got = sio.forwardGuestToGuest(r.queue, smem, dio, d.queue, dmem, max - n);
        if (dio.notifyNeeded && d.callFd >= 0) eventfdWrite(d.callFd);
        if (got !== 0) d.queue.disableNotification();
      }
      if (sio.notifyNeeded && r.callFd >= 0) eventfdWrite(r.callFd);
      if (got !== 0) r.queue.disableNotification();
      n += got;
    }
    return n;
  }
}

/**
 * Queue pairs of one vhost-user port served by a worker engine (multiqueue spread over
 * engines, as OVS-DPDK's PMD rxq placement and VPP's rx-placement).
 *
 * The main thread keeps the vhost-user protocol (worker engines have no event loop); a
 * worker only runs the data path of the rings it was given. They share one
 * SharedArrayBuffer per (port, worker): an ownership word and a snapshot of everything the
 * worker needs (memory-table fds, ring layouts and indices, kick/call fds, features), plus
 * counters the worker publishes.
 *
 *   MAIN (0) ── publish ──► OFFERED (1) ── worker takes ──► WORKER (3)
 *      ▲                        │ main pauses: takes it back       │ main pauses
 *      └────────────────────────┴──◄── worker releases ◄── PAUSE (2)
 *
 * Whoever owns the rings is the only thread touching them, so nothing is locked on the
 * data path: the worker reads the word once per burst. The main thread changes device state
 * (memory table, ring addresses, fds, disconnect) only while it owns them: before a batch
 * of control messages it pauses (a blocking handshake: Atomics.wait, the worker woken by
 * the share's eventfd), after the batch it publishes again. The worker maps the memory
 * table itself from the fds the main thread keeps open, and unmaps it when it releases, so
 * neither thread can touch the other's mappings. Ring indices travel with ownership, so
 * GET_VRING_BASE after a pause returns exactly where the worker stopped.
 */
import { closeFd, dupFd, eventfd, eventfdWrite, mapFd, type MappedRegion } from '../../sys/index.js';
import { DeviceQueue } from '../../virtio/split/device-queue.js';
import { QueueError, QUEUE_ERROR_NAMES } from '../../virtio/split/queue-errors.js';
import { GuestMemory, MAX_REGIONS } from '../../mem/guest-memory.js';
import { DirtyLog } from './dirty-log.js';
import { NetIo } from './net-io.js';
import { RingSet, type LiveRing } from './ring-set.js';

export const enum ShareState { MAIN = 0, OFFERED = 1, PAUSE = 2, WORKER = 3 }

/** What crosses to the worker in its graph config (structured-clone safe). */
export interface ShareHandle {
  sab: SharedArrayBuffer;
  /** Eventfd the main thread writes to wake the worker (publish/pause). */
  wakeFd: number;
  /** Ring indices (2q = guest RX, 2q+1 = guest TX) this worker serves. */
  rings: number[];
  maxFrame: number;
  /** Unique per share, so a re-added port with the same name is a different app config. */
  id: number;
}

// Float64 layout after the 64-byte control block.
const CTL_BYTES = 64;
const H_NREG = 0, H_HDRLEN = 1, H_MERGEABLE = 2, H_EVENTIDX = 3, H_INDIRECT = 4, H_MEMGEN = 5, H_HOST_OFF = 6, H_GUEST_OFF = 7,
  H_MAC_LOCK = 8, H_MAC_HI = 9, H_MAC_LO = 10, H_LOGGING = 11, H_LOG_FD = 12, H_LOG_SIZE = 13, H_LOG_OFF = 14, H_LOG_GEN = 15;
const HEADER = 16;
const REG_FD = 0, REG_MAPLEN = 1, REG_GPA = 2, REG_SIZE = 3, REG_VA = 4, REG_OFF = 5;
const REG_WORDS = 6;
const R_LIVE = 0, R_SIZE = 1, R_DESC = 2, R_AVAIL = 3, R_USED = 4, R_NEXT_AVAIL = 5, R_NEXT_USED = 6,
  R_SIGNALLED = 7, R_KICK = 8, R_CALL = 9, R_ERROR = 10, R_ERROR_DETAIL = 11, R_LOG_GPA = 12;
const RING_WORDS = 13;
/** Counters the worker publishes (NetIo's, then quarantined rings, then what the offloads did). */
export const C_FROM_PKTS = 0, C_FROM_BYTES = 1, C_TO_PKTS = 2, C_TO_BYTES = 3, C_NO_GUEST_BUF = 4, C_TOO_BIG = 5,
  C_NO_POOL_BUF = 6, C_QUARANTINED = 7, C_BAD_OFFLOAD = 8, C_REFUSED = 9, C_SPOOFED = 10,
  C_SUPER_IN = 11, C_SUPER_OUT = 12, C_SEGMENTED = 13, C_SEGMENTS_LOST = 14, C_CSUMS = 15;
const COUNTER_WORDS = 16;

function layoutOf(nRings: number): { regions: number; rings: number; counters: number; words: number } {
  const regions = HEADER;
  const rings = regions + MAX_REGIONS * REG_WORDS;
  const counters = rings + nRings * RING_WORDS;
  return { regions, rings, counters, words: counters + COUNTER_WORDS };
}

/** A ring as the main thread's device describes it for a snapshot. */
export interface RingSnapshot {
  live: boolean;
  size: number;
  descGpa: number; availGpa: number; usedGpa: number;
  queue: DeviceQueue;
  kickFd: number;
  callFd: number;
  /** Where used-ring writes are logged while migrating (VHOST_VRING_F_LOG), else -1. */
  usedLogGpa: number;
}
/** One memory-table region with the fd the main thread keeps open for it. */
export interface RegionSnapshot { fd: number; mapLen: number; gpa: number; size: number; frontendVa: number; mmapOffset: number }
export interface DeviceSnapshot {
  regions: RegionSnapshot[];
  /** Changes whenever the memory table does (the worker keeps its mappings while it does not). */
  memGen: number;
  hdrLen: number; mergeable: boolean; eventIdx: boolean; indirect: boolean;
  /** NetIo's offload bits (what the guest may send / take). */
  hostOffloads: number; guestOffloads: number;
  /** Anti-spoofing source MAC (mac-lock.ts), when the port has one. */
  macLock: boolean; macHi: number; macLo: number;
  /** The dirty-page log while the frontend migrates (dirty-log.ts): the worker maps `fd` itself. */
  log: { fd: number; size: number; offset: number; gen: number } | null;
  ring(i: number): RingSnapshot;
}

let nextShareId = 1;

/** Main-thread side: owns the protocol state, lends the rings to one worker. */
export class QueueShareHost {
  readonly handle: ShareHandle;
  private readonly ctl: Int32Array;
  private readonly f: Float64Array;
  private readonly lay: ReturnType<typeof layoutOf>;

  constructor(readonly rings: number[], maxFrame: number, private readonly log: (m: string) => void) {
    this.lay = layoutOf(rings.length);
    const sab = new SharedArrayBuffer(CTL_BYTES + this.lay.words * 8);
    this.ctl = new Int32Array(sab, 0, CTL_BYTES / 4);
    this.f = new Float64Array(sab, CTL_BYTES, this.lay.words);
    this.handle = { sab, wakeFd: eventfd(), rings, maxFrame, id: nextShareId++ };
  }

  /**
   * Take the rings back (control path, blocking). Returns whether the snapshot holds the
   * rings' current indices (anything was published since the main thread last owned them):
   * then restoreInto() brings them back into the main thread's queues.
   */
  pause(timeoutMs = 2000): boolean {
    const c = this.ctl;
    for (;;) {
      const s = Atomics.load(c, 0);
      if (s === ShareState.MAIN) return false;
      if (s === ShareState.OFFERED) {
        // Never taken, or given back by a worker app that stopped (it wrote its indices back).
        if (Atomics.compareExchange(c, 0, ShareState.OFFERED, ShareState.MAIN) === ShareState.OFFERED) return true;
        continue;
      }
      if (s === ShareState.WORKER && Atomics.compareExchange(c, 0, ShareState.WORKER, ShareState.PAUSE) !== ShareState.WORKER) continue;
      break;
    }
    eventfdWrite(this.handle.wakeFd);
    const deadline = performance.now() + timeoutMs;
    while (Atomics.load(c, 0) === ShareState.PAUSE) {
      const left = deadline - performance.now();
      if (left <= 0) {
        // A worker that does not answer (stuck or gone): take the rings anyway. Its own
        // mappings keep its accesses safe; the fds stay open until the next table change.
        this.log(`worker engine did not release rings ${this.rings.join(',')} within ${timeoutMs} ms; taking them back`);
        Atomics.store(c, 0, ShareState.MAIN);
        return true;
      }
      Atomics.wait(c, 0, ShareState.PAUSE, Math.min(left, 50));
    }
    return true;
  }

  /** Copy the indices the worker left into the main thread's queues (after pause() → true). */
  restoreInto(queues: (i: number) => DeviceQueue): void {
    const f = this.f;
    this.rings.forEach((ri, k) => {
      const o = this.lay.rings + k * RING_WORDS;
      if (f[o + R_LIVE] !== 1) return;
      queues(ri).restore(f[o + R_NEXT_AVAIL]!, f[o + R_NEXT_USED]!, f[o + R_SIGNALLED]!, f[o + R_ERROR]!, f[o + R_ERROR_DETAIL]!);
    });
  }

  /** Offer the current device state to the worker (control path, main thread owns the rings). */
  publish(d: DeviceSnapshot | null): void {
    const f = this.f;
    const L = this.lay;
    const regions = d?.regions ?? [];
    f[H_NREG] = regions.length;
    if (d) {
      f[H_HDRLEN] = d.hdrLen;
      f[H_MERGEABLE] = d.mergeable ? 1 : 0;
      f[H_EVENTIDX] = d.eventIdx ? 1 : 0;
      f[H_INDIRECT] = d.indirect ? 1 : 0;
      f[H_MEMGEN] = d.memGen;
      f[H_HOST_OFF] = d.hostOffloads;
      f[H_GUEST_OFF] = d.guestOffloads;
      f[H_MAC_LOCK] = d.macLock ? 1 : 0;
      f[H_MAC_HI] = d.macHi;
      f[H_MAC_LO] = d.macLo;
      f[H_LOGGING] = d.log !== null ? 1 : 0;
      if (d.log !== null) { f[H_LOG_FD] = d.log.fd; f[H_LOG_SIZE] = d.log.size; f[H_LOG_OFF] = d.log.offset; f[H_LOG_GEN] = d.log.gen; }
    }
    regions.forEach((r, i) => {
      const o = L.regions + i * REG_WORDS;
      f[o + REG_FD] = r.fd; f[o + REG_MAPLEN] = r.mapLen; f[o + REG_GPA] = r.gpa;
      f[o + REG_SIZE] = r.size; f[o + REG_VA] = r.frontendVa; f[o + REG_OFF] = r.mmapOffset;
    });
    this.rings.forEach((ri, k) => {
      const o = L.rings + k * RING_WORDS;
      const r = d?.ring(ri);
      if (!r || !r.live || regions.length === 0) { f[o + R_LIVE] = 0; return; }
      const q = r.queue;
      f[o + R_LIVE] = 1; f[o + R_SIZE] = r.size; f[o + R_DESC] = r.descGpa; f[o + R_AVAIL] = r.availGpa; f[o + R_USED] = r.usedGpa;
      f[o + R_NEXT_AVAIL] = q.nextAvail; f[o + R_NEXT_USED] = q.nextUsed; f[o + R_SIGNALLED] = q.signalledUsed;
      f[o + R_KICK] = r.kickFd; f[o + R_CALL] = r.callFd; f[o + R_ERROR] = q.error; f[o + R_ERROR_DETAIL] = q.errorDetail;
      f[o + R_LOG_GPA] = r.usedLogGpa;
    });
    Atomics.store(this.ctl, 0, ShareState.OFFERED);
    eventfdWrite(this.handle.wakeFd);
  }

  /** A counter the worker published (C_*). */
  counter(i: number): number { return this.f[this.lay.counters + i]!; }

  close(): void {
    closeFd(this.handle.wakeFd);
  }
}

/**
 * Worker side: checks ownership once per burst; takes the offered rings (maps the memory,
 * sets up its own queues at the given indices) and gives them back on a pause.
 */
export class QueueShareWorker {
  readonly io: NetIo;
  readonly set: RingSet;
  private readonly ctl: Int32Array;
  private readonly f: Float64Array;
  private readonly lay: ReturnType<typeof layoutOf>;
  private readonly queues: DeviceQueue[];
  private live: Uint8Array;
  private maps: MappedRegion[] = [];
  private mem: GuestMemory | null = null;
  private memGen = -1;
  /** This thread's mapping of the dirty-page log (its generation), while the frontend migrates. */
  private logMap: MappedRegion | null = null;
  private dirty: DirtyLog | null = null;
  private logGen = -1;
  private quarantined = 0;
  private readonly reported: Uint8Array;
  /** This side's own copy of the doorbell: the main thread may close its copy first. */
  readonly wakeFd: number;

  constructor(readonly handle: ShareHandle, private readonly log: (m: string) => void) {
    this.wakeFd = dupFd(handle.wakeFd);
    this.lay = layoutOf(handle.rings.length);
    this.ctl = new Int32Array(handle.sab, 0, CTL_BYTES / 4);
    this.f = new Float64Array(handle.sab, CTL_BYTES, this.lay.words);
    this.queues = handle.rings.map(() => new DeviceQueue());
    this.live = new Uint8Array(handle.rings.length);
    this.reported = new Uint8Array(handle.rings.length);
    this.io = new NetIo(handle.maxFrame);
    this.set = new RingSet(this.io);
  }

  /** Whether this worker owns the rings now (data path: one atomic load when it does). */
  own(): boolean {
    const s = Atomics.load(this.ctl, 0);
    if (s === ShareState.WORKER) return true;
    return this.sync(s);
  }

  private sync(s: number): boolean {
    if (s === ShareState.PAUSE) {
      this.release();
      Atomics.store(this.ctl, 0, ShareState.MAIN);
      Atomics.notify(this.ctl, 0);
      return false;
    }
    if (s === ShareState.OFFERED && Atomics.compareExchange(this.ctl, 0, ShareState.OFFERED, ShareState.WORKER) === ShareState.OFFERED) {
      this.take();
      return true;
    }
    return false;
  }

  private take(): void {
    const f = this.f;
    const L = this.lay;
    const n = f[H_NREG]!;
    this.live.fill(0);
    // No memory (disconnected): let go of the old guest's memory at once.
    if (n === 0) { this.unmapAll(); this.set.set(null, [], []); return; }
    const mem = f[H_MEMGEN] === this.memGen && this.mem !== null ? this.mem : this.mapTable(n);
    if (mem === null) { this.set.set(null, [], []); return; }
    this.io.hdrLen = f[H_HDRLEN]!;
    this.io.mergeable = f[H_MERGEABLE] === 1;
    this.io.setOffloads(f[H_HOST_OFF]!, f[H_GUEST_OFF]!);
    this.io.macLock = f[H_MAC_LOCK] === 1;
    this.io.macHi = f[H_MAC_HI]!;
    this.io.macLo = f[H_MAC_LO]!;
    let log: DirtyLog | null;
    try { log = this.takeLog(); } catch { this.set.set(null, [], []); return; } // logged; writing unlogged would corrupt the migration
    this.io.dirty = log;
    const tx: LiveRing[] = [], rx: LiveRing[] = [];
    this.handle.rings.forEach((ri, k) => {
      const o = L.rings + k * RING_WORDS;
      if (f[o + R_LIVE] !== 1) return;
      const q = this.queues[k]!;
      const err = q.setup(mem, { size: f[o + R_SIZE]!, descGpa: f[o + R_DESC]!, availGpa: f[o + R_AVAIL]!, usedGpa: f[o + R_USED]! },
        f[H_EVENTIDX] === 1, f[H_INDIRECT] === 1);
      if (err !== null) { this.log(`ring ${ri}: ${err}`); return; }
      q.restore(f[o + R_NEXT_AVAIL]!, f[o + R_NEXT_USED]!, f[o + R_SIGNALLED]!, f[o + R_ERROR]!, f[o + R_ERROR_DETAIL]!);
      if (q.error !== QueueError.NONE) return;
      q.usedLog = log !== null && f[o + R_LOG_GPA]! >= 0 ? log : null;
      q.usedLogGpa = f[o + R_LOG_GPA]!;
      this.live[k] = 1;
      this.reported[k] = 0;
      const ring = { queue: q, kickFd: f[o + R_KICK]!, callFd: f[o + R_CALL]! };
      if ((ri & 1) === 1) tx.push(ring); else rx.push(ring);
    });
    this.set.set(mem, tx, rx);
  }

  /** The dirty log to write while the frontend migrates, mapped here when it is new; null when not logging. */
  private takeLog(): DirtyLog | null {
    const f = this.f;
    if (f[H_LOGGING] !== 1) { this.dropLog(); return null; }
    if (this.dirty !== null && f[H_LOG_GEN] === this.logGen) return this.dirty;
    this.dropLog();
    try {
      const off = f[H_LOG_OFF]!, size = f[H_LOG_SIZE]!;
      this.logMap = mapFd(f[H_LOG_FD]!, off + size, 0);
      this.dirty = new DirtyLog(this.logMap.buffer, off, size);
      this.logGen = f[H_LOG_GEN]!;
    } catch (e) {
      this.log(`cannot map the dirty-page log: ${(e as Error).message}; rings ${this.handle.rings.join(',')} idle while migrating`);
      this.dropLog();
      throw e;
    }
    // (the caller leaves the rings idle)
    return this.dirty;
  }

  private dropLog(): void {
    this.dirty?.flush();
    this.dirty = null;
    this.logMap?.unmap();
    this.logMap = null;
    this.logGen = -1;
  }

  /** Map the snapshot's memory table (only when it changed since the last take). */
  private mapTable(n: number): GuestMemory | null {
    const f = this.f;
    this.unmapAll();
    try {
      const specs = [];
      for (let i = 0; i < n; i++) {
        const o = this.lay.regions + i * REG_WORDS;
        const m = mapFd(f[o + REG_FD]!, f[o + REG_MAPLEN]!, 0);
        this.maps.push(m);
        specs.push({ gpa: f[o + REG_GPA]!, size: f[o + REG_SIZE]!, frontendVa: f[o + REG_VA]!, buffer: m.buffer, bufferOffset: f[o + REG_OFF]! });
      }
      this.mem = new GuestMemory(specs);
      this.memGen = f[H_MEMGEN]!;
      return this.mem;
    } catch (e) {
      // The main thread mapped the same fds a moment ago; failing here means no memory left.
      this.log(`cannot map the guest memory table: ${(e as Error).message}; rings ${this.handle.rings.join(',')} idle`);
      this.unmapAll();
      return null;
    }
  }

  private release(): void {
    const f = this.f;
    this.handle.rings.forEach((_, k) => {
      if (this.live[k] !== 1) return;
      const q = this.queues[k]!;
      const o = this.lay.rings + k * RING_WORDS;
      f[o + R_NEXT_AVAIL] = q.nextAvail; f[o + R_NEXT_USED] = q.nextUsed; f[o + R_SIGNALLED] = q.signalledUsed;
      f[o + R_ERROR] = q.error; f[o + R_ERROR_DETAIL] = q.errorDetail;
      q.reset();
    });
    this.live.fill(0);
    // The mappings stay (this thread's own, untouched until the next take, which reuses
    // them if the table did not change), so a pause for a ring change costs no remapping.
    this.set.set(null, [], []);
    this.publishCounters();
  }

  private unmapAll(): void {
    this.dropLog();
    for (const m of this.maps) m.unmap();
    this.maps = [];
    this.mem = null;
    this.memGen = -1;
  }

  /** Rings quarantined on this worker are reported once each and dropped from the set (tick). */
  checkQuarantine(): void {
    let changed = false;
    const rings = this.handle.rings;
    for (let k = 0; k < rings.length; k++) {
      const q = this.queues[k]!;
      if (this.live[k] !== 1 || q.error === QueueError.NONE || this.reported[k] === 1) continue;
      this.reported[k] = 1;
      this.quarantined++;
      changed = true;
      this.log(`ring ${rings[k]} quarantined: ${QUEUE_ERROR_NAMES[q.error]} (index ${q.errorDetail}); other rings and ports keep forwarding`);
    }
    if (changed) {
      const keep = (r: LiveRing) => r.queue.error === QueueError.NONE;
      this.set.set(this.set.memory, this.set.txRings.filter(keep), this.set.rxRings.filter(keep));
    }
  }

  /** Copy NetIo's counters where the main thread reads them (tick and release). */
  publishCounters(): void {
    const f = this.f, o = this.lay.counters, io = this.io;
    f[o + C_FROM_PKTS] = io.fromGuestPackets; f[o + C_FROM_BYTES] = io.fromGuestBytes;
    f[o + C_TO_PKTS] = io.toGuestPackets; f[o + C_TO_BYTES] = io.toGuestBytes;
    f[o + C_NO_GUEST_BUF] = io.noGuestBuffer; f[o + C_TOO_BIG] = io.tooBig; f[o + C_NO_POOL_BUF] = io.noPoolBuffer;
    f[o + C_QUARANTINED] = this.quarantined;
    f[o + C_BAD_OFFLOAD] = io.badOffload;
    f[o + C_REFUSED] = io.refused;
    f[o + C_SPOOFED] = io.spoofed;
    f[o + C_SUPER_IN] = io.superFramesIn; f[o + C_SUPER_OUT] = io.superFramesOut;
    f[o + C_SEGMENTED] = io.segmented; f[o + C_SEGMENTS_LOST] = io.segmentsLost; f[o + C_CSUMS] = io.checksumsCompleted;
  }

  /** The worker app stops: give the rings back, leaving them offered for a later taker. */
  detach(): void {
    const s = Atomics.load(this.ctl, 0);
    if (s === ShareState.WORKER || s === ShareState.PAUSE) {
      this.release();
      Atomics.store(this.ctl, 0, s === ShareState.PAUSE ? ShareState.MAIN : ShareState.OFFERED);
      Atomics.notify(this.ctl, 0);
    }
    this.unmapAll();
    this.publishCounters();
    closeFd(this.wakeFd);
  }
}

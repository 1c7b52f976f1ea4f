/**
 * The vhost-user net device behind one socket connection: implements the `BackendDevice`
 * interface (memory table, rings, features, fds) and owns everything the frontend handed
 * over. It runs on the same thread as the port's data path, so control changes happen
 * between bursts: a new memory table is mapped, every ring is re-set-up against it, and only
 * then is the old table unmapped (no use-after-unmap); `disconnect()` closes every fd and
 * unmaps everything.
 *
 * A ring moves data when: its layout was accepted against the current memory table
 * (`queue.ready`), it is enabled (SET_VRING_ENABLE 1, or implicitly without
 * VHOST_USER_F_PROTOCOL_FEATURES), and it was started by SET_VRING_KICK. GET_VRING_BASE stops
 * it and returns nextAvail; SET_VRING_BASE sets the resume point, so a restarted switch
 * resumes a running guest's rings.
 */
import { GuestMemory } from '../../mem/guest-memory.js';
import { mapFd, closeFd, fileSize, type MappedRegion, setNonBlocking } from '../../sys/index.js';
import { DeviceQueue } from '../../virtio/split/device-queue.js';
import { QueueError, QUEUE_ERROR_NAMES } from '../../virtio/split/queue-errors.js';
import {
  VHOST_USER_F_PROTOCOL_FEATURES, VIRTIO_F_VERSION_1, VIRTIO_RING_F_EVENT_IDX, VIRTIO_RING_F_INDIRECT_DESC,
  VIRTIO_F_NOTIFY_ON_EMPTY, VIRTIO_F_ANY_LAYOUT, VIRTIO_F_IN_ORDER, VHOST_F_LOG_ALL, featureBits, hasFeature,
} from '../../virtio/constants.js';
import {
  VIRTIO_NET_F_MQ, VIRTIO_NET_F_MRG_RXBUF, VIRTIO_NET_F_STATUS, VIRTIO_NET_F_GUEST_ANNOUNCE, VIRTIO_NET_F_MTU, netHeaderSize, OFFLOAD_FEATURES, offloadsOf,
} from '../../virtio/net/net.js';
import {
  VHOST_USER_PROTOCOL_F_MQ, VHOST_USER_PROTOCOL_F_REPLY_ACK, VHOST_USER_PROTOCOL_F_STATUS, VHOST_USER_PROTOCOL_F_NET_MTU,
  VHOST_USER_PROTOCOL_F_LOG_SHMFD, VHOST_USER_PROTOCOL_F_RARP, VHOST_VRING_F_LOG, VhostUserError, type MemRegion, type VringAddr,
} from '../../vhost-user/message.js';
import type { BackendDevice } from '../../vhost-user/backend-handler.js';
import { NetIo } from './net-io.js';
import { macWords } from './mac-lock.js';
import { DirtyLog } from './dirty-log.js';
import type { PortHandover } from './handover.js';
import type { DeviceSnapshot, RegionSnapshot, RingSnapshot } from './queue-share.js';

/**
 * Virtio features this backend offers. VIRTIO_F_IN_ORDER: every data path here (net-io.ts)
 * consumes chains in avail order and writes one used entry per chain in that same order
 * (chains it cannot use yet are un-popped, never skipped), which is all the feature promises;
 * DPDK's virtio PMD then takes its cheaper in-order rx/tx paths (as it does against DPDK's
 * vhost, which offers it too).
 */
export const OFFERED_FEATURES = featureBits([
  VIRTIO_F_VERSION_1, VIRTIO_NET_F_MRG_RXBUF, VIRTIO_RING_F_EVENT_IDX, VIRTIO_RING_F_INDIRECT_DESC,
  VIRTIO_NET_F_MQ, VIRTIO_NET_F_STATUS, VHOST_USER_F_PROTOCOL_FEATURES, VIRTIO_F_NOTIFY_ON_EMPTY,
  VIRTIO_F_ANY_LAYOUT, VIRTIO_F_IN_ORDER,
]);
void VIRTIO_NET_F_GUEST_ANNOUNCE;
/**
 * Protocol features this backend offers. RARP: after a migration QEMU asks the destination
 * to announce the guest (SEND_RARP) when the guest cannot (no GUEST_ANNOUNCE). NET_MTU: QEMU then sends NET_SET_MTU with its
 * `host_mtu=` (checked against the port's `mtu=`; a refusal stops QEMU starting the device).
 */
export const OFFERED_PROTOCOL_FEATURES = featureBits([
  VHOST_USER_PROTOCOL_F_RARP, VHOST_USER_PROTOCOL_F_MQ, VHOST_USER_PROTOCOL_F_REPLY_ACK, VHOST_USER_PROTOCOL_F_STATUS, VHOST_USER_PROTOCOL_F_NET_MTU,
]);

/** Offered unless the port says `migration=off`: dirty-page logging, so QEMU can live-migrate the guest. */
const MIGRATION_FEATURES = 1n << BigInt(VHOST_F_LOG_ALL);
const MIGRATION_PROTOCOL_FEATURES = 1n << BigInt(VHOST_USER_PROTOCOL_F_LOG_SHMFD);

/** What a port says about the guest's NIC (vDPA-style attributes, `vdpa dev add … mac M mtu N`). */
export interface NetAttributes {
  /** false: offer no dirty-page logging (QEMU then refuses to migrate the guest). */
  migration?: boolean;
  /** The guest's MAC: frames from another source MAC are dropped (`spoofed`). */
  mac?: string;
  /** The MTU offered to the guest (VIRTIO_NET_F_MTU, QEMU `host_mtu=`). */
  mtu?: number;
}

const HUGE = 2 << 20;

export class Ring {
  readonly queue = new DeviceQueue();
  num = 0;
  addr: VringAddr | null = null;
  /** Guest-physical ring addresses once translated against the memory table (0: not set up). */
  descGpa = 0;
  availGpa = 0;
  usedGpa = 0;
  kickFd = -1;
  callFd = -1;
  errFd = -1;
  enabled = false;
  started = false;
  /** Quarantine already reported (log once). */
  reported = false;
  /** Whether this ring moves data now. */
  get live(): boolean {
    return this.started && this.enabled && this.queue.ready && this.queue.error === QueueError.NONE;
  }
}

export class VhostNetDevice implements BackendDevice {
  readonly numRings: number;
  readonly rings: Ring[] = [];
  memory: GuestMemory | null = null;
  private mappings: MappedRegion[] = [];
  /**
   * The memory table's fds, kept open while the table is current so worker engines serving
   * queue pairs (queue-share.ts) can map it themselves; closed when the table is replaced.
   */
  private regions: RegionSnapshot[] = [];
  /** Bumped by every memory-table change (snapshots carry it). */
  private memGen = 0;
  features = 0n;
  protocolFeatures = 0n;
  /** Last negotiated values, kept across disconnects for reports. */
  lastFeatures = 0n;
  lastProtocolFeatures = 0n;
  status = 0;
  readonly io: NetIo;
  /** Bumped whenever ring liveness may have changed (the port rebuilds its active lists). */
  generation = 0;
  /** Quarantined-queue count since start (counter). */
  quarantined = 0;

  /** MTU the frontend set with NET_SET_MTU (0: none). */
  frontendMtu = 0;
  /** The dirty-page log (SET_LOG_BASE) and its mapping and fd; logging runs while LOG_ALL is set. */
  private dirtyLog: DirtyLog | null = null;
  private logMap: MappedRegion | null = null;
  private logFd = -1;
  /** SET_LOG_BASE messages taken (counter, for reports); also the log's generation for workers. */
  logBases = 0;
  private logSize = 0;
  private logOffset = 0;
  /** A RARP the port must send from this MAC (SEND_RARP), taken by the app's next pull. */
  pendingRarp: Uint8Array | null = null;
  rarpsSent = 0;

  constructor(readonly queuePairs: number, maxFrame: number, private readonly log: (m: string) => void, private readonly offloads = false,
    readonly attrs: NetAttributes = {}) {
    this.numRings = queuePairs * 2;
    for (let i = 0; i < this.numRings; i++) this.rings.push(new Ring());
    this.io = new NetIo(maxFrame);
    if (attrs.mac !== undefined) {
      const w = macWords(attrs.mac);
      this.io.macLock = true;
      this.io.macHi = w.hi;
      this.io.macLo = w.lo;
    }
  }

  /** VIRTIO_NET_F_MTU only with an `mtu`: QEMU shows `host_mtu` to the guest only when the backend offers it. */
  getFeatures(): bigint {
    let f = this.offloads ? OFFERED_FEATURES | OFFLOAD_FEATURES : OFFERED_FEATURES;
    if (this.attrs.migration !== false) f |= MIGRATION_FEATURES;
    return this.attrs.mtu !== undefined ? f | (1n << BigInt(VIRTIO_NET_F_MTU)) : f;
  }

  /**
   * SET_LOG_BASE (protocol feature LOG_SHMFD): map `size` bytes of the log at `offset` in `fd`
   * (the fd must hold them). Replaces an earlier log (QEMU resizes it as memory grows).
   */
  setLogBase(size: number, offset: number, fd: number): void {
    try {
      if (this.attrs.migration === false) throw new Error('the port offers no dirty-page logging (migration=off)');
      if (size <= 0 || size > 2 ** 40) throw new Error(`mmap_size ${size} is not in 1..2^40`);
      const have = fileSize(fd);
      if (offset + size > have) throw new Error(`mmap_offset ${offset} + mmap_size ${size} is past the end of its fd (${have} bytes)`);
      const m = mapFd(fd, offset + size, 0);
      const log = new DirtyLog(m.buffer, offset, size);
      this.dropLog();
      this.dirtyLog = log;
      this.logMap = m;
      this.logFd = fd;
      this.logSize = size;
      this.logOffset = offset;
      this.logBases++;
    } catch (e) {
      closeFd(fd);
      throw new VhostUserError('InvalidParam', `SET_LOG_BASE: ${(e as Error).message}`);
    }
    this.applyLog();
  }

  private dropLog(): void {
    this.dirtyLog?.flush();
    this.dirtyLog = null;
    this.logMap?.unmap();
    this.logMap = null;
    if (this.logFd >= 0) closeFd(this.logFd);
    this.logFd = -1;
  }

  sendRarp(mac: Uint8Array): void {
    if ((mac[0]! & 1) === 1) throw new VhostUserError('InvalidParam', 'SEND_RARP: a multicast MAC');
    this.pendingRarp = mac;
  }

  /** Whether writes into guest memory are being logged (LOG_ALL negotiated and a log mapped). */
  get logging(): boolean {
    return this.dirtyLog !== null && hasFeature(this.features, VHOST_F_LOG_ALL);
  }

  /** Point the data path at the log (or at nothing) after features, log or ring addresses changed. */
  private applyLog(): void {
    const log = this.logging ? this.dirtyLog : null;
    this.io.dirty = log;
    for (const r of this.rings) {
      // VHOST_VRING_F_LOG here is the mask (bit 0), as the kernel's 1 << VHOST_VRING_F_LOG.
      const on = log !== null && r.addr !== null && (r.addr.flags & VHOST_VRING_F_LOG) !== 0;
      r.queue.usedLog = on ? log : null;
      r.queue.usedLogGpa = on ? Number(r.addr!.logGpa) : 0;
    }
  }
  getProtocolFeatures(): bigint { return this.attrs.migration === false ? OFFERED_PROTOCOL_FEATURES : OFFERED_PROTOCOL_FEATURES | MIGRATION_PROTOCOL_FEATURES; }
  queueNum(): number { return this.queuePairs; }

  setFeatures(f: bigint): void {
    this.features = f;
    this.lastFeatures = f;
    const mrg = hasFeature(f, VIRTIO_NET_F_MRG_RXBUF);
    this.io.mergeable = mrg;
    this.io.hdrLen = netHeaderSize(hasFeature(f, VIRTIO_F_VERSION_1), mrg);
    const off = offloadsOf(f);
    this.io.setOffloads(off.host, off.guest);
    // Without protocol features rings start enabled (vhost-user spec "Ring states").
    if (!hasFeature(f, VHOST_USER_F_PROTOCOL_FEATURES)) for (const r of this.rings) r.enabled = true;
    this.resetupAll();
    this.applyLog();
  }

  setProtocolFeatures(f: bigint): void {
    this.protocolFeatures = f;
    this.lastProtocolFeatures = f;
  }
  setOwner(): void {}

  /** NET_SET_MTU: the frontend's MTU must fit the port's (`mtu=`, else the largest frame). */
  setMtu(mtu: number): void {
    const limit = this.attrs.mtu ?? this.io.maxFrame - 14;
    if (mtu < 68 || mtu > limit) throw new VhostUserError('InvalidParam', `NET_SET_MTU: ${mtu} is outside 68..${limit} (the port's mtu)`);
    this.frontendMtu = mtu;
  }
  resetOwner(): void { this.disconnect(); }

  setMemTable(regions: MemRegion[], fds: number[]): void {
    const maps: MappedRegion[] = [];
    let mem: GuestMemory;
    const kept: RegionSnapshot[] = [];
    try {
      const specs = regions.map((r, i) => {
        // Pages past the end of the file fault with SIGBUS on first touch (a guest
        // descriptor could point there): the fd must hold the whole region (rust-vmm
        // vm-memory refuses this too, as MappingPastEof).
        const have = fileSize(fds[i]!);
        if (r.mmapOffset + r.size > have) {
          throw new Error(`regions[${i}]: mmap_offset ${r.mmapOffset} + memory_size ${r.size} is past the end of its fd (${have} bytes)`);
        }
        const len = Math.ceil((r.mmapOffset + r.size) / HUGE) * HUGE;
        const m = mapFd(fds[i]!, len, 0);
        maps.push(m);
        kept.push({ fd: fds[i]!, mapLen: len, gpa: r.gpa, size: r.size, frontendVa: r.frontendVa, mmapOffset: r.mmapOffset });
        return { gpa: r.gpa, size: r.size, frontendVa: r.frontendVa, buffer: m.buffer, bufferOffset: r.mmapOffset };
      });
      mem = new GuestMemory(specs);
    } catch (e) {
      for (const m of maps) m.unmap();
      for (const fd of fds) closeFd(fd);
      throw new VhostUserError('InvalidParam', `SET_MEM_TABLE: ${(e as Error).message}`);
    }
    for (let i = regions.length; i < fds.length; i++) closeFd(fds[i]!); // TRUST: extra fds are not ours to keep
    const old = this.mappings;
    const oldRegions = this.regions;
    this.memory = mem;
    this.mappings = maps;
    this.regions = kept;
    this.memGen++;
    this.resetupAll(); // every ring now points into the new mappings...
    for (const m of old) m.unmap(); // ...so the old ones can go.
    for (const r of oldRegions) closeFd(r.fd);
    this.generation++;
  }

  private ring(i: number): Ring {
    return this.rings[i]!;
  }

  /** Re-translate ring `i` against the current memory table. */
  private setupRing(i: number): void {
    const r = this.ring(i);
    r.queue.reset();
    r.descGpa = r.availGpa = r.usedGpa = 0;
    if (!this.memory || !r.addr || r.num === 0) return;
    const mem = this.memory;
    const a = r.addr;
    const descGpa = mem.vaToGpa(a.descVa, 16 * r.num);
    const availGpa = mem.vaToGpa(a.availVa, 6 + 2 * r.num);
    const usedGpa = mem.vaToGpa(a.usedVa, 6 + 8 * r.num);
    if (descGpa < 0 || availGpa < 0 || usedGpa < 0) {
      this.log(`vhost-user: ring ${i}: ring addresses are not in the memory table (desc 0x${a.descVa.toString(16)})`);
      return;
    }
    const err = r.queue.setup(mem, { size: r.num, descGpa, availGpa, usedGpa },
      hasFeature(this.features, VIRTIO_RING_F_EVENT_IDX), hasFeature(this.features, VIRTIO_RING_F_INDIRECT_DESC));
    if (err) {
      this.log(`vhost-user: ring ${i}: ${err}`);
      return;
    }
    r.descGpa = descGpa;
    r.availGpa = availGpa;
    r.usedGpa = usedGpa;
    // DPDK does the same: trust the ring's used.idx over a stale base (e.g. after a crash).
    const usedIdx = Atomics.load(r.queue.usedU16, 1);
    if (usedIdx !== r.queue.nextUsed) {
      this.log(`vhost-user: ring ${i}: resuming at used.idx ${usedIdx} (base was ${r.queue.nextUsed})`);
      r.queue.setBase(usedIdx);
    }
    r.reported = false;
  }

  private resetupAll(): void {
    for (let i = 0; i < this.numRings; i++) this.setupRing(i);
    this.generation++;
  }

  setVringNum(i: number, num: number): void {
    if (num < 1 || num > 32768 || (num & (num - 1)) !== 0) throw new VhostUserError('InvalidParam', `SET_VRING_NUM: ring ${i} size ${num} is not a power of two ≤ 32768`);
    this.ring(i).num = num;
  }

  setVringAddr(a: VringAddr): void {
    const r = this.ring(a.index);
    r.addr = a;
    this.setupRing(a.index);
    this.applyLog();
    this.generation++;
  }

  setVringBase(i: number, base: number): void {
    this.ring(i).queue.setBase(base);
  }

  getVringBase(i: number): number {
    const r = this.ring(i);
    this.dirtyLog?.flush(); // the frontend syncs the log once the rings are stopped
    r.started = false;
    r.queue.reset();
    this.replaceFd(r, 'kickFd', -1);
    this.generation++;
    return r.queue.nextAvail;
  }

  private replaceFd(r: Ring, k: 'kickFd' | 'callFd' | 'errFd', fd: number): void {
    if (r[k] >= 0 && r[k] !== fd) closeFd(r[k]);
    r[k] = fd;
  }

  setVringKick(i: number, fd: number): void {
    const r = this.ring(i);
    // TRUST: the frontend chooses the fd; make it non-blocking so draining it can never
    // stall the thread that runs the data path (a blocking eventfd at 0 would).
    if (fd >= 0) { try { setNonBlocking(fd, true); } catch { /* not a settable fd: reads fail harmlessly */ } }
    this.replaceFd(r, 'kickFd', fd);
    r.started = true;
    if (!r.queue.ready) this.setupRing(i);
    this.generation++;
  }

  setVringCall(i: number, fd: number): void { this.replaceFd(this.ring(i), 'callFd', fd); }
  setVringErr(i: number, fd: number): void { this.replaceFd(this.ring(i), 'errFd', fd); }

  setVringEnable(i: number, on: boolean): void {
    this.ring(i).enabled = on;
    this.generation++;
  }

  setStatus(s: number): void { this.status = s; }
  getStatus(): number { return this.status; }

  /**
   * Hand-over (handover.ts): the negotiated state and the fds behind it, appended to `fds`
   * (indices in the result). The rings must be stopped (workers paused) first.
   */
  handOver(fds: number[]): Omit<PortHandover, 'path' | 'listenFd' | 'connFd'> {
    this.dirtyLog?.flush();
    const idx = (fd: number) => (fd < 0 ? -1 : fds.push(fd) - 1);
    return {
      features: `0x${this.features.toString(16)}`, protocolFeatures: `0x${this.protocolFeatures.toString(16)}`,
      status: this.status, frontendMtu: this.frontendMtu,
      regions: this.regions.map((r) => ({ gpa: r.gpa, size: r.size, frontendVa: r.frontendVa, mmapOffset: r.mmapOffset, fd: idx(r.fd) })),
      rings: this.rings.map((r) => ({
        num: r.num, addr: r.addr ? { ...r.addr, logGpa: r.addr.logGpa.toString() } : null, nextAvail: r.queue.nextAvail, nextUsed: r.queue.nextUsed,
        enabled: r.enabled, started: r.started, kickFd: idx(r.kickFd), callFd: idx(r.callFd), errFd: idx(r.errFd),
      })),
      log: this.dirtyLog !== null ? { size: this.logSize, offset: this.logOffset, fd: idx(this.logFd) } : null,
    };
  }

  /**
   * Take over a connection's state from the process that ran it (`fds` as `handOver` listed
   * them, checked by parsePortHandover). Every fd it names becomes the device's before
   * anything can fail (ring fds first; the memory table and log close theirs when they
   * refuse), so after a throw `disconnect()` leaves no fd behind.
   */
  adopt(m: PortHandover, fds: number[]): void {
    const fd = (i: number) => (i < 0 ? -1 : fds[i]!);
    this.setProtocolFeatures(BigInt(m.protocolFeatures));
    m.rings.forEach((s, i) => {
      const r = this.rings[i]!;
      this.replaceFd(r, 'kickFd', fd(s.kickFd));
      this.replaceFd(r, 'callFd', fd(s.callFd));
      this.replaceFd(r, 'errFd', fd(s.errFd));
    });
    const logFd = m.log !== null ? fd(m.log.fd) : -1;
    try {
      if (m.regions.length > 0) this.setMemTable(m.regions.map((r) => ({ gpa: r.gpa, size: r.size, frontendVa: r.frontendVa, mmapOffset: r.mmapOffset })), m.regions.map((r) => fd(r.fd)));
    } catch (e) {
      if (logFd >= 0) closeFd(logFd);
      throw e;
    }
    m.rings.forEach((s, i) => {
      const r = this.rings[i]!;
      r.num = s.num;
      r.addr = s.addr ? { ...s.addr, logGpa: BigInt(s.addr.logGpa) } : null;
      r.queue.setBase(s.nextAvail);
      r.queue.nextUsed = s.nextUsed;
      r.queue.signalledUsed = s.nextUsed;
      r.enabled = s.enabled;
      r.started = s.started;
    });
    this.setFeatures(BigInt(m.features)); // sets every ring up against the memory table
    if (m.log !== null) this.setLogBase(m.log.size, m.log.offset, logFd);
    this.status = m.status;
    this.frontendMtu = m.frontendMtu;
    this.generation++;
  }

  /** Report newly quarantined rings once each (called by the port on the control path). */
  checkQuarantine(): void {
    for (let i = 0; i < this.numRings; i++) {
      const r = this.ring(i);
      if (r.queue.error !== QueueError.NONE && !r.reported) {
        r.reported = true;
        this.quarantined++;
        this.generation++;
        this.log(`vhost-user: ring ${i} quarantined: ${QUEUE_ERROR_NAMES[r.queue.error]} (index ${r.queue.errorDetail}); other rings and ports keep forwarding`);
      }
    }
  }

  /** The state a worker engine needs to serve some of the rings (queue-share.ts). */
  snapshot(): DeviceSnapshot | null {
    if (this.memory === null) return null;
    const rings = this.rings;
    return {
      regions: this.regions,
      memGen: this.memGen,
      hdrLen: this.io.hdrLen,
      mergeable: this.io.mergeable,
      hostOffloads: this.io.hostOffloads,
      guestOffloads: this.io.guestOffloads,
      macLock: this.io.macLock, macHi: this.io.macHi, macLo: this.io.macLo,
      log: this.logging ? { fd: this.logFd, size: this.logSize, offset: this.logOffset, gen: this.logBases } : null,
      eventIdx: hasFeature(this.features, VIRTIO_RING_F_EVENT_IDX),
      indirect: hasFeature(this.features, VIRTIO_RING_F_INDIRECT_DESC),
      ring(i: number): RingSnapshot {
        const r = rings[i]!;
        return {
          live: r.live, size: r.num, descGpa: r.descGpa, availGpa: r.availGpa, usedGpa: r.usedGpa, queue: r.queue, kickFd: r.kickFd, callFd: r.callFd,
          usedLogGpa: r.queue.usedLog !== null ? r.queue.usedLogGpa : -1,
        };
      },
    };
  }

  /** Close every fd and unmap all guest memory (connection lost). Ring indices are kept. */
  disconnect(): void {
    for (const r of this.rings) {
      r.queue.reset();
      this.replaceFd(r, 'kickFd', -1);
      this.replaceFd(r, 'callFd', -1);
      this.replaceFd(r, 'errFd', -1);
      r.started = false;
      r.enabled = false;
      r.addr = null;
      r.num = 0;
    }
    this.dropLog();
    this.applyLog();
    for (const m of this.mappings) m.unmap();
    this.mappings = [];
    for (const r of this.regions) closeFd(r.fd);
    this.regions = [];
    this.memGen++;
    this.memory = null;
    this.features = 0n;
    this.protocolFeatures = 0n;
    this.status = 0;
    this.generation++;
  }
}

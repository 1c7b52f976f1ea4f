/**
 * Device side of a split virtqueue (VIRTIO 1.2 2.7): what a vhost-user backend runs.
 *
 * Contract
 * - The queue owns indices and typed views of the three ring areas; guest memory is passed
 *   to every data-path call (`popChain(mem)`), so a new memory table only needs `setup()`
 *   again before the next burst (rust-vmm style).
 * - `popChain(mem)` walks one available chain into preallocated scratch arrays (`segRegion`,
 *   `segOff`, `segLen`, counts in `nSegs`/`nReadable`/`readBytes`/`writeBytes`) and returns
 *   the head index, -1 when the ring is empty, or -2 when the queue is quarantined. Every
 *   guest-written word is read once into a local (T2), every walk is bounded (TTL = queue
 *   size, indirect tables ≤ their length/16 and never nested; T3), every buffer is checked
 *   whole against the memory table. A violation quarantines the queue: `error` holds a
 *   `QueueError`, `errorDetail` the descriptor/head index, and every later call returns -2
 *   until `setup()`/`reset()`. The chain that failed is not consumed.
 * - Used entries are written into the ring as they complete (`addUsed`) but `used.idx` is
 *   published once per burst (`publishUsed`), then `needsNotification()` applies the
 *   EVENT_IDX rule (or avail.flags without it).
 * - `enableNotification()`/`disableNotification()` ask the driver to kick or not; after
 *   enabling, callers re-check `hasAvail()` before sleeping (the usual race). Pollers disable
 *   kicks while busy and enable them only before sleeping (a kick costs the driver a syscall).
 * - No allocation, no throw on the data path. No fds, no sockets.
 *
 * Memory ordering: `avail.idx` is read with Atomics.load before the ring entries it covers
 * (pairs with the driver's store of avail.idx after writing entries). `used.idx` is published
 * with Atomics.store after the used entries, and the seq-cst store is followed by an
 * Atomics.load of used_event / avail.flags, which is the full fence vhost_vring_call_split needs.
 */
import { GuestMemory, addr64 } from '../../mem/guest-memory.js';
import {
  VRING_AVAIL_F_NO_INTERRUPT, VRING_DESC_F_INDIRECT, VRING_DESC_F_KNOWN, VRING_DESC_F_NEXT,
  VRING_DESC_F_WRITE, VRING_USED_F_NO_NOTIFY, VIRTQ_MAX_SIZE, availRingBytes, usedRingBytes,
} from '../constants.js';
import { QueueError } from './queue-errors.js';

/** Ring addresses (guest-physical) and size for `setup`. */
export interface QueueLayout {
  size: number;
  descGpa: number;
  availGpa: number;
  usedGpa: number;
}

/** Flag bits (of the flags|next<<16 word) that rule out popChain's single-descriptor fast path. */
const NOT_SINGLE = 0xffff & ~VRING_DESC_F_WRITE;

const EMPTY16 = new Uint16Array(0);
const EMPTY32 = new Uint32Array(0);

/** What records the device's used-ring writes while the frontend migrates (drivers/vhost-user/dirty-log.ts). */
export interface UsedRingLog {
  /** used.flags/idx and the entries from free-running index `from` to `to`. */
  used(usedGpa: number, size: number, from: number, to: number): void;
  availEvent(usedGpa: number, size: number): void;
  flush(): void;
}

export class DeviceQueue {
  /** Queue size (power of two) once set up; 0 before. */
  size = 0;
  mask = 0;
  /** True after a successful `setup`. */
  ready = false;
  /** VIRTIO_RING_F_EVENT_IDX negotiated. */
  eventIdx = false;
  /** VIRTIO_RING_F_INDIRECT_DESC negotiated. */
  indirect = false;
  /** Free-running index of the next avail entry to consume (u16 arithmetic). */
  nextAvail = 0;
  /** Free-running index of the next used entry to write (shadow; published by publishUsed). */
  nextUsed = 0;
  /** used.idx at the last notification decision (EVENT_IDX "old"). */
  signalledUsed = 0;
  /** avail.idx as last loaded (validated); reloaded only when nextAvail catches up (once per burst). */
  private availIdx = 0;
  /** Set when the queue is quarantined (QueueError), 0 otherwise. */
  error: number = QueueError.NONE;
  /** Descriptor or head index involved in `error`. */
  errorDetail = 0;
  /** desc table as u32 words: [addrLo, addrHi, len, flags | next<<16] per entry. */
  desc: Uint32Array = EMPTY32;
  /** avail ring as u16: [flags, idx, ring[size], used_event]. */
  avail: Uint16Array = EMPTY16;
  /** used ring as u32: [flags | idx<<16, (id, len) × size, avail_event]. */
  used: Uint32Array = EMPTY32;
  /** While migrating: the dirty-page log that records used-ring writes, at `usedLogGpa` (vhost VHOST_VRING_F_LOG). */
  usedLog: UsedRingLog | null = null;
  usedLogGpa = 0;
  /** used ring as u16, same memory. */
  usedU16: Uint16Array = EMPTY16;

  // Scratch results of popChain (sized at setup; T3 bounds nSegs by the queue size).
  segRegion: Int32Array = new Int32Array(0);
  segOff: Uint32Array = new Uint32Array(0); // region offsets: a region view is < 2^32 bytes (typed array limit)
  segLen: Uint32Array = new Uint32Array(0);
  nSegs = 0;
  nReadable = 0;
  readBytes = 0;
  writeBytes = 0;

  /**
   * Control path: validate the layout against `mem` and build the ring views. Returns null
   * or a message naming the field. Does not touch nextAvail/nextUsed (SET_VRING_BASE does).
   */
  setup(mem: GuestMemory, layout: QueueLayout, eventIdx: boolean, indirect: boolean): string | null {
    this.ready = false;
    const { size, descGpa, availGpa, usedGpa } = layout;
    if (!Number.isInteger(size) || size < 1 || size > VIRTQ_MAX_SIZE || (size & (size - 1)) !== 0) {
      return `queue size ${size} is not a power of two in [1, ${VIRTQ_MAX_SIZE}]`;
    }
    if (descGpa % 16 !== 0) return `desc table address 0x${descGpa.toString(16)} is not 16-byte aligned`;
    if (availGpa % 2 !== 0) return `avail ring address 0x${availGpa.toString(16)} is not 2-byte aligned`;
    if (usedGpa % 4 !== 0) return `used ring address 0x${usedGpa.toString(16)} is not 4-byte aligned`;
    const desc = mem.view(Uint32Array, descGpa, size * 16);
    if (!desc) return `desc table [0x${descGpa.toString(16)}, +${size * 16}) is not inside one memory region`;
    const avail = mem.view(Uint16Array, availGpa, availRingBytes(size));
    if (!avail) return `avail ring [0x${availGpa.toString(16)}, +${availRingBytes(size)}) is not inside one memory region`;
    const usedLen = usedRingBytes(size) + 2; // round up to u32 words (avail_event is u16)
    const used = mem.view(Uint32Array, usedGpa, usedLen);
    if (!used) return `used ring [0x${usedGpa.toString(16)}, +${usedLen}) is not inside one memory region`;
    this.size = size;
    this.mask = size - 1;
    this.eventIdx = eventIdx;
    this.indirect = indirect;
    this.desc = desc;
    this.avail = avail;
    this.used = used;
    this.usedU16 = new Uint16Array(used.buffer, used.byteOffset, used.length * 2);
    if (this.segLen.length !== size) {
      this.segRegion = new Int32Array(size);
      this.segOff = new Uint32Array(size);
      this.segLen = new Uint32Array(size);
    }
    this.error = QueueError.NONE;
    this.errorDetail = 0;
    this.availIdx = this.nextAvail;
    this.ready = true;
    return null;
  }

  /** Control path: forget the rings (disconnect / GET_VRING_BASE). Indices are kept. */
  reset(): void {
    this.ready = false;
    this.desc = EMPTY32;
    this.avail = EMPTY16;
    this.used = EMPTY32;
    this.usedU16 = EMPTY16;
  }

  /** Control path: set the resume point (SET_VRING_BASE). */
  setBase(nextAvail: number): void {
    this.nextAvail = nextAvail & 0xffff;
    this.availIdx = this.nextAvail;
    this.nextUsed = nextAvail & 0xffff;
    this.signalledUsed = this.nextUsed;
  }

  /**
   * Control path: take over the exact indices another owner of this ring left (a queue pair
   * handed between threads, see drivers/vhost-user/queue-share.ts). Not for SET_VRING_BASE.
   */
  restore(nextAvail: number, nextUsed: number, signalledUsed: number, error: number, errorDetail: number): void {
    this.nextAvail = nextAvail & 0xffff;
    this.availIdx = this.nextAvail;
    this.nextUsed = nextUsed & 0xffff;
    this.signalledUsed = signalledUsed & 0xffff;
    this.error = error;
    this.errorDetail = errorDetail;
  }

  /** Quarantine the queue with a reason; returns -2 so callers can `return this.fail(...)`. */
  fail(err: number, detail: number): number {
    this.error = err;
    this.errorDetail = detail;
    return -2;
  }

  /** Number of avail entries not yet consumed (0 when quarantined/not ready; may quarantine). */
  availCount(): number {
    if (!this.ready || this.error !== QueueError.NONE) return 0;
    // Pairs with the driver's store of avail.idx after its ring entries.
    const idx = Atomics.load(this.avail, 1);
    const n = (idx - this.nextAvail) & 0xffff;
    if (n > this.size) {
      this.fail(QueueError.AVAIL_IDX_JUMP, idx);
      return 0;
    }
    return n;
  }

  /** Whether at least one chain is waiting. */
  hasAvail(): boolean {
    return this.availCount() > 0;
  }

  /**
   * Walk the next available chain into the scratch arrays and consume it. Returns the head
   * index, -1 if none is available, -2 if the queue is (now) quarantined.
   */
  popChain(mem: GuestMemory): number {
    if (!this.ready || this.error !== QueueError.NONE) return -2;
    if (this.availIdx === this.nextAvail) {
      // Pairs with the driver's store of avail.idx after writing the ring entries (read once
      // per burst, like DPDK, not once per chain).
      const idx = Atomics.load(this.avail, 1);
      const pending = (idx - this.nextAvail) & 0xffff;
      if (pending === 0) return -1;
      if (pending > this.size) return this.fail(QueueError.AVAIL_IDX_JUMP, idx);
      this.availIdx = idx;
    }
    // TRUST: nextAvail & mask < size, avail has 2 + size + 1 entries.
    const head = this.avail[2 + (this.nextAvail & this.mask)];
    if (head >= this.size) return this.fail(QueueError.BAD_HEAD, head);
    // Fast path: one direct descriptor (what DPDK and Linux post for 64-byte frames: header
    // and frame in one buffer). Same checks as walk(): flags known, buffer inside one region.
    // TRUST: head < size, so the four words are inside the desc table (size*4 words).
    const desc = this.desc;
    const w = head * 4;
    const fn = desc[w + 3];
    if ((fn & NOT_SINGLE) === 0) {
      const len = desc[w + 2];
      const r = mem.translateHalves(desc[w], desc[w + 1], len);
      if (r < 0) return this.fail(QueueError.DESC_OUT_OF_MEMORY, head);
      this.segRegion[0] = r;
      this.segOff[0] = mem.regionOff;
      this.segLen[0] = len;
      this.nSegs = 1;
      if ((fn & VRING_DESC_F_WRITE) !== 0) {
        this.nReadable = 0;
        this.readBytes = 0;
        this.writeBytes = len;
      } else {
        this.nReadable = 1;
        this.readBytes = len;
        this.writeBytes = 0;
      }
      this.nextAvail = (this.nextAvail + 1) & 0xffff;
      return head;
    }
    const r = this.walk(mem, head);
    if (r < 0) return r;
    this.nextAvail = (this.nextAvail + 1) & 0xffff;
    return head;
  }

  /** Undo the last `n` popChain calls (mergeable rx ran out of buffers). */
  unpop(n: number): void {
    this.nextAvail = (this.nextAvail - n) & 0xffff;
  }

  private walk(mem: GuestMemory, head: number): number {
    let table = this.desc;
    let tableBase = 0; // u32 index of entry 0 in `table`
    let tableSize = this.size;
    let i = head;
    let ttl = this.size;
    let inIndirect = false;
    let n = 0;
    let nReadable = 0;
    let readBytes = 0;
    let writeBytes = 0;
    for (;;) {
      if (ttl === 0) return this.fail(QueueError.CHAIN_TOO_LONG, head);
      ttl--;
      // TRUST: i < tableSize (checked below for next; head checked by caller), so the
      // four words are inside `table` (direct: size*4 words; indirect: checked len/16 entries).
      const w = tableBase + i * 4;
      const lo = table[w];
      const hi = table[w + 1];
      const len = table[w + 2];
      const fn = table[w + 3];
      const flags = fn & 0xffff;
      const next = fn >>> 16;
      if ((flags & ~VRING_DESC_F_KNOWN) !== 0) return this.fail(QueueError.BAD_FLAGS, i);
      if ((flags & VRING_DESC_F_INDIRECT) !== 0) {
        const gpa = addr64(lo, hi);
        // 2.7.5.3.1: not nested, not with NEXT, only if negotiated; we also require it first.
        if (inIndirect || !this.indirect || (flags & VRING_DESC_F_NEXT) !== 0 || n !== 0) {
          return this.fail(QueueError.BAD_INDIRECT, i);
        }
        if (len === 0 || (len & 15) !== 0 || len / 16 > this.size) return this.fail(QueueError.BAD_INDIRECT, i);
        if (gpa < 0 || (gpa & 3) !== 0) return this.fail(QueueError.BAD_INDIRECT, i);
        const r = mem.translate(gpa, len);
        if (r < 0) return this.fail(QueueError.DESC_OUT_OF_MEMORY, i);
        const words = mem.u32[r];
        const base = mem.regionOff / 4;
        if (base + len / 4 > words.length) return this.fail(QueueError.BAD_INDIRECT, i);
        table = words;
        tableBase = base;
        tableSize = len / 16;
        ttl = tableSize;
        inIndirect = true;
        i = 0;
        continue;
      }
      const r = mem.translateHalves(lo, hi, len);
      if (r < 0) return this.fail(QueueError.DESC_OUT_OF_MEMORY, i);
      if ((flags & VRING_DESC_F_WRITE) !== 0) {
        writeBytes += len;
      } else {
        if (writeBytes !== 0 || n !== nReadable) return this.fail(QueueError.BAD_ORDER, i);
        readBytes += len;
        nReadable++;
      }
      if (readBytes + writeBytes > 0xffffffff) return this.fail(QueueError.CHAIN_TOO_BIG, head);
      // TRUST: n < size because ttl starts at ≤ size and n increments once per descriptor.
      this.segRegion[n] = r;
      this.segOff[n] = mem.regionOff;
      this.segLen[n] = len;
      n++;
      if ((flags & VRING_DESC_F_NEXT) === 0) break;
      if (next >= tableSize) return this.fail(QueueError.BAD_NEXT, i);
      i = next;
    }
    this.nSegs = n;
    this.nReadable = nReadable;
    this.readBytes = readBytes;
    this.writeBytes = writeBytes;
    return head;
  }

  /** Write one used entry (not yet visible to the driver: see publishUsed). */
  addUsed(head: number, len: number): void {
    // TRUST: (nextUsed & mask) < size; used has 1 + 2*size + 1 words.
    const w = 1 + (this.nextUsed & this.mask) * 2;
    this.used[w] = head;
    this.used[w + 1] = len;
    this.nextUsed = (this.nextUsed + 1) & 0xffff;
  }

  /** Publish all added used entries with one store of used.idx. */
  publishUsed(): void {
    const log = this.usedLog;
    const from = log !== null ? this.usedU16[1]! : 0;
    // Pairs with the driver's load of used.idx before it reads entries.
    Atomics.store(this.usedU16, 1, this.nextUsed);
    if (log !== null) { log.used(this.usedLogGpa, this.size, from, this.nextUsed); log.flush(); }
  }

  /**
   * After publishUsed: whether the driver wants an interrupt (call eventfd) now. With
   * EVENT_IDX: vring_need_event(used_event, new, old) from VIRTIO 1.2 2.7.10.
   */
  needsNotification(): boolean {
    const newIdx = this.nextUsed;
    const old = this.signalledUsed;
    if (newIdx === old) return false;
    this.signalledUsed = newIdx;
    if (this.eventIdx) {
      // TRUST: used_event is avail[2 + size], inside the view.
      const ev = Atomics.load(this.avail, 2 + this.size);
      return ((newIdx - ev - 1) & 0xffff) < ((newIdx - old) & 0xffff);
    }
    return (Atomics.load(this.avail, 0) & VRING_AVAIL_F_NO_INTERRUPT) === 0;
  }

  /** Ask the driver to kick on new buffers (before sleeping). */
  enableNotification(): void {
    if (!this.ready) return;
    // Seq-cst store: ordered before the caller's re-check of avail.idx (the sleep race).
    if (this.eventIdx) Atomics.store(this.usedU16, 2 + 4 * this.size, this.nextAvail);
    else Atomics.store(this.usedU16, 0, 0);
    if (this.usedLog !== null) this.logFlags();
  }

  private logFlags(): void {
    const log = this.usedLog!;
    if (this.eventIdx) log.availEvent(this.usedLogGpa, this.size);
    else log.used(this.usedLogGpa, this.size, 0, 0);
    log.flush();
  }

  /**
   * Ask the driver not to kick (while polling). Called once per busy burst on every ring the
   * burst touched: a plain store (a hint needs no fence; used.flags shares its cache line with
   * used.idx, which the burst writes anyway), repeated each time so a driver that re-zeroes
   * its rings cannot leave kicks on for a whole run.
   */
  disableNotification(): void {
    if (!this.ready) return;
    // TRUST: usedU16 has 2 + 4*size + 2 entries.
    if (!this.eventIdx) {
      this.usedU16[0] = VRING_USED_F_NO_NOTIFY;
      if (this.usedLog !== null) this.logFlags();
    }
  }
}

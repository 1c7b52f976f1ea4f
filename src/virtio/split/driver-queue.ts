/**
 * Driver side of a split virtqueue (VIRTIO 1.2 2.7): what Sluice's virtio-user port runs.
 *
 * Contract
 * - The rings live in memory Sluice allocated and shares with the backend; the backend is
 *   still untrusted, so everything it writes (used.idx, used ids and lengths, avail_event,
 *   used.flags) is read once and checked: a used.idx jump larger than the number of
 *   outstanding buffers or an id ≥ size quarantines the queue (`error`).
 * - Descriptors are managed by the caller (the virtio-user port keeps descriptor i bound to
 *   buffer i); the queue offers `setDesc`, `pushAvail` + one `publishAvail` per burst,
 *   `needsKick` (EVENT_IDX rule or used.flags), `popUsed` and interrupt suppression.
 * - No allocation or throw on the data path.
 */
import { GuestMemory } from '../../mem/guest-memory.js';
import { VRING_AVAIL_F_NO_INTERRUPT, VRING_USED_F_NO_NOTIFY, availRingBytes, usedRingBytes } from '../constants.js';
import { QueueError } from './queue-errors.js';
import type { QueueLayout } from './device-queue.js';

export class DriverQueue {
  readonly size: number;
  readonly mask: number;
  readonly eventIdx: boolean;
  readonly desc: Uint32Array;
  readonly avail: Uint16Array;
  readonly used: Uint32Array;
  readonly usedU16: Uint16Array;
  /** Free-running shadow of avail.idx. */
  availIdx = 0;
  /** avail.idx at the last kick decision (EVENT_IDX "old"). */
  kickedAvail = 0;
  /** Free-running index of the next used entry to read. */
  lastUsed = 0;
  /** Buffers posted and not yet returned through the used ring. */
  outstanding = 0;
  /** Length of the entry returned by the last popUsed. */
  usedLen = 0;
  error: number = QueueError.NONE;
  errorDetail = 0;
  /** 1 for each descriptor posted and not yet returned: a backend may return each once. */
  private readonly inFlight: Uint8Array;

  /** Control path: build ring views over `mem` (our own shared memory). Throws on a bad layout. */
  constructor(mem: GuestMemory, layout: QueueLayout, eventIdx: boolean) {
    const { size } = layout;
    if (size < 1 || size > 32768 || (size & (size - 1)) !== 0) throw new Error(`queue size ${size} is not a power of two ≤ 32768`);
    const desc = mem.view(Uint32Array, layout.descGpa, size * 16);
    const avail = mem.view(Uint16Array, layout.availGpa, availRingBytes(size));
    const used = mem.view(Uint32Array, layout.usedGpa, usedRingBytes(size) + 2);
    if (!desc || !avail || !used) throw new Error('virtqueue layout is outside the shared region or misaligned');
    this.size = size;
    this.mask = size - 1;
    this.eventIdx = eventIdx;
    this.desc = desc;
    this.avail = avail;
    this.used = used;
    this.usedU16 = new Uint16Array(used.buffer, used.byteOffset, used.length * 2);
    this.inFlight = new Uint8Array(size);
  }

  /** Control path helper: byte layout of a queue of `size` at `base` (desc, avail, used, end). */
  static layout(base: number, size: number): QueueLayout & { end: number } {
    const descGpa = base;
    const availGpa = descGpa + 16 * size;
    const usedGpa = Math.ceil((availGpa + availRingBytes(size)) / 4096) * 4096;
    const end = Math.ceil((usedGpa + usedRingBytes(size) + 2) / 4096) * 4096;
    return { size, descGpa, availGpa, usedGpa, end };
  }

  /** Write descriptor i (gpa < 2^53). */
  setDesc(i: number, gpa: number, len: number, flags: number, next: number): void {
    const w = (i & this.mask) * 4;
    this.desc[w] = gpa >>> 0;
    this.desc[w + 1] = Math.floor(gpa / 4294967296);
    this.desc[w + 2] = len;
    this.desc[w + 3] = (flags & 0xffff) | ((next & 0xffff) << 16);
  }

  /** Set only the length of descriptor i (buffer reuse). */
  setDescLen(i: number, len: number): void {
    this.desc[(i & this.mask) * 4 + 2] = len;
  }

  /** Queue chain `head` in the avail ring (visible after publishAvail). */
  pushAvail(head: number): void {
    this.avail[2 + (this.availIdx & this.mask)] = head;
    this.inFlight[head & this.mask] = 1;
    this.availIdx = (this.availIdx + 1) & 0xffff;
    this.outstanding++;
  }

  /** Make pushed entries visible with one store of avail.idx. */
  publishAvail(): void {
    // Pairs with the device's Atomics.load of avail.idx before it reads the entries.
    Atomics.store(this.avail, 1, this.availIdx);
  }

  /** After publishAvail: whether the device wants a kick (VIRTIO 1.2 2.7.10 / 2.7.7). */
  needsKick(): boolean {
    const newIdx = this.availIdx;
    const old = this.kickedAvail;
    if (newIdx === old) return false;
    this.kickedAvail = newIdx;
    if (this.eventIdx) {
      const ev = Atomics.load(this.usedU16, 2 + 4 * this.size);
      return ((newIdx - ev - 1) & 0xffff) < ((newIdx - old) & 0xffff);
    }
    return (Atomics.load(this.usedU16, 0) & VRING_USED_F_NO_NOTIFY) === 0;
  }

  /** Number of used entries ready (0 and quarantine on a jump past what is outstanding). */
  usedCount(): number {
    if (this.error !== QueueError.NONE) return 0;
    const idx = Atomics.load(this.usedU16, 1);
    const n = (idx - this.lastUsed) & 0xffff;
    if (n > this.outstanding) {
      this.error = QueueError.AVAIL_IDX_JUMP;
      this.errorDetail = idx;
      return 0;
    }
    return n;
  }

  /**
   * Take the next used entry: returns its id (length in usedLen), or -2 on an id that is not
   * in flight (≥ size, never posted, or returned already). Caller checks usedCount first.
   */
  popUsed(): number {
    const w = 1 + (this.lastUsed & this.mask) * 2;
    const id = this.used[w];
    const len = this.used[w + 1];
    // An id we never posted, or one returned twice, would hand one buffer out twice.
    if (id >= this.size || this.inFlight[id] === 0) {
      this.error = QueueError.BAD_USED_ID;
      this.errorDetail = id;
      return -2;
    }
    this.inFlight[id] = 0;
    this.lastUsed = (this.lastUsed + 1) & 0xffff;
    this.outstanding--;
    this.usedLen = len;
    return id;
  }

  /** Ask for interrupts (before sleeping); re-check usedCount afterwards. */
  enableInterrupts(): void {
    if (this.eventIdx) Atomics.store(this.avail, 2 + this.size, this.lastUsed);
    else Atomics.store(this.avail, 0, 0);
  }

  /** Suppress interrupts while polling. */
  disableInterrupts(): void {
    if (!this.eventIdx) Atomics.store(this.avail, 0, VRING_AVAIL_F_NO_INTERRUPT);
  }
}

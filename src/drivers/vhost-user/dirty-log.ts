/**
 * Dirty-page log for live migration (VHOST_F_LOG_ALL, protocol feature LOG_SHMFD): the
 * frontend shares a bitmap, one bit per 4 KiB page of guest-physical memory (bit p of the
 * log = page p, little-endian bytes), and re-sends every page whose bit it finds set. So
 * every write Sluice makes into guest memory while logging sets its pages' bits: RX buffer
 * data and the virtio-net header (including buffers that straddle pages), used-ring entries,
 * used.idx and used.flags/avail_event.
 *
 * The frontend clears bits concurrently (QEMU exchanges each word with 0 as it syncs), so
 * bits are set with Atomics.or, never a plain read-modify-write. As DPDK's log cache, marks
 * are gathered in a small per-log cache during a burst and written once per burst
 * (`flush`, called when a ring publishes used.idx, and before a ring is stopped).
 */
import type { DeviceQueue } from '../../virtio/split/device-queue.js';
import type { GuestMemory } from '../../mem/guest-memory.js';

const CACHE = 32;

export class DirtyLog {
  /** The log as 32-bit words (bit j of word w = page 32w + j). */
  private readonly words: Uint32Array;
  /** Pages the log covers (bytes × 8); pages past it are not logged (DPDK does the same). */
  readonly pages: number;
  private readonly cacheWord = new Int32Array(CACHE);
  private readonly cacheBits = new Uint32Array(CACHE);
  private cached = 0;

  /** `buffer` from the log fd's mapping, `offset`/`size` as SET_LOG_BASE gives them (bytes). */
  constructor(buffer: ArrayBufferLike, offset: number, size: number) {
    // The log is made of u64 chunks in QEMU; a size that is not a whole number of u32 words
    // loses at most the last 3 bytes' pages, which are then not logged.
    this.words = new Uint32Array(buffer, offset, size >>> 2);
    this.pages = this.words.length * 32;
  }

  /** Mark the pages of guest-physical bytes [gpa, gpa + len). */
  mark(gpa: number, len: number): void {
    if (len <= 0) return;
    let p = Math.floor(gpa / 4096);
    const last = Math.floor((gpa + len - 1) / 4096);
    for (; p <= last; p++) this.markPage(p);
  }

  private markPage(p: number): void {
    if (p >= this.pages) return;
    const w = p >>> 5;
    const bit = 1 << (p & 31);
    const n = this.cached;
    for (let i = 0; i < n; i++) {
      if (this.cacheWord[i] === w) { this.cacheBits[i] |= bit; return; }
    }
    if (n === CACHE) this.flush();
    const k = this.cached++;
    this.cacheWord[k] = w;
    this.cacheBits[k] = bit;
  }

  /** Write the cached marks into the shared log (atomically: the frontend clears bits as it syncs). */
  flush(): void {
    const n = this.cached;
    for (let i = 0; i < n; i++) Atomics.or(this.words, this.cacheWord[i]!, this.cacheBits[i]!);
    this.cached = 0;
  }

  /** The first `bytes` bytes of the writable part of the chain `q` just popped (RX data and header). */
  chain(q: DeviceQueue, mem: GuestMemory, bytes: number): void {
    const ns = q.nSegs;
    for (let s = q.nReadable; s < ns && bytes > 0; s++) {
      const len = q.segLen[s]! < bytes ? q.segLen[s]! : bytes;
      this.mark(mem.gpaStart[q.segRegion[s]!]! + q.segOff[s]!, len);
      bytes -= len;
    }
  }

  /**
   * The used ring at guest-physical `usedGpa` (size `size`): its header (flags, idx) and the
   * entries from free-running index `from` up to `to` (wrapping).
   */
  used(usedGpa: number, size: number, from: number, to: number): void {
    this.mark(usedGpa, 4);
    const n = (to - from) & 0xffff;
    if (n === 0) return;
    const first = from & (size - 1);
    const head = n < size - first ? n : size - first;
    this.mark(usedGpa + 4 + 8 * first, 8 * head);
    if (n > head) this.mark(usedGpa + 4, 8 * (n - head));
  }

  /** used->avail_event (EVENT_IDX), after the entries. */
  availEvent(usedGpa: number, size: number): void {
    this.mark(usedGpa + 4 + 8 * size, 2);
  }
}


/**
 * Packet memory: `count` fixed-size buffers and their metadata in one shared region, and a
 * pool of free buffers with a per-thread cache (DPDK mempool + VPP buffer indices + Snabb
 * headroom). A packet is a u32 handle `p`; its bytes are `data[start(p) .. start(p)+len[p])`.
 *
 * Region layout (all offsets 64-byte aligned, computed from count and bufSize alone so every
 * thread that maps the region derives the same views):
 *   header (Int32: magic, count, bufSize, doubleFree, allocFail, badFree, superAllocFail)
 *   free ring (mpmc, shared by all threads) | super free ring (mpmc)
 *   len u16[slots] | off u16[slots] | port u16[slots] | flags u16[slots] | state u8[slots]
 *   offload metadata: gsoType u8[slots] | gsoSize u16[slots] | csumStart u16[slots] | csumOffset u16[slots]
 *   data: slots × bufSize bytes (buffer p starts at p × bufSize)
 *
 * Super buffers (where TSO/GSO super-frames live, see README "Offloads"): after the `count`
 * ordinary buffers come `superCount` buffers of `superSlots` consecutive slots each, room for
 * a 64 KiB frame behind the headroom. A super buffer's handle is its first slot, so
 * `start(p)`, `len`, `off` and every link and ring work unchanged; handles ≥ `count` are super
 * buffers and only they carry offload state (gsoType/gsoSize/csumStart/csumOffset: the
 * virtio-net header's worth, csum offsets relative to the frame start). A port tells a
 * super-frame by its handle (`p >= pool.count`, no memory load), so the 64-byte path pays
 * nothing for offloads. Chained 10 KB buffers (DPDK's mbuf chains) were the alternative; they
 * would make every reader of packet bytes walk a chain, where a second size of buffer keeps
 * every frame contiguous. Super buffers have their own free ring (no per-thread cache: one
 * 64 KiB frame per alloc); when it is empty the port cuts the frame on arrival, as before.
 *
 * Ownership: a handle belongs to exactly one thread at a time; it passes between threads
 * only through a Ring (whose Atomics publish the metadata writes made before it).
 * `state[p]` is 1 while allocated, so a double free is caught and counted (always), not
 * silently corrupting the free list. Leaks show as `audit().inUse` after a drained stop.
 */
import { Ring } from './ring.js';

const MAGIC = 0x51ce9001;
const H_MAGIC = 0, H_COUNT = 1, H_BUFSIZE = 2, H_DOUBLE_FREE = 3, H_ALLOC_FAIL = 4, H_BAD_FREE = 5, H_SUPER_ALLOC_FAIL = 6;
const HEADER_BYTES = 64;
/** Per-thread cache: 512 handles, moved to/from the shared ring 256 at a time (written as literals in the hot methods). */
const CACHE_SIZE = 512;

/** Default bytes per buffer: room for a 9,216-byte jumbo frame plus headroom (Snabb uses 10 KiB too). */
export const DEFAULT_BUF_SIZE = 10240;
/** Bytes kept free in front of a fresh packet for pushing headers (VLAN, VXLAN, virtio-net). */
export const HEADROOM = 128;

const align64 = (n: number) => (n + 63) & ~63;

/** Largest frame a super buffer holds: what a 16-bit `len` can say (a 64 KiB TSO frame's IP datagram is at most 65535 bytes with its Ethernet header). */
export const SUPER_MAX_LEN = 65535;

/** How many super buffers a pool of `count` has: one per 64 ordinary buffers, 4 to 256. */
export function superCountFor(count: number): number {
  const n = count >> 6;
  return n < 4 ? 4 : n > 256 ? 256 : n;
}

function layout(count: number, bufSize: number) {
  let ringSize = 1;
  while (ringSize < count) ringSize <<= 1;
  const superCount = superCountFor(count);
  const superSlots = Math.ceil((HEADROOM + SUPER_MAX_LEN) / bufSize);
  let superRingSize = 1;
  while (superRingSize < superCount) superRingSize <<= 1;
  const slots = count + superCount * superSlots;
  const ring = HEADER_BYTES;
  const superRing = align64(ring + Ring.bytesFor(ringSize));
  const len = align64(superRing + Ring.bytesFor(superRingSize));
  const off = align64(len + slots * 2);
  const port = align64(off + slots * 2);
  const flags = align64(port + slots * 2);
  const state = align64(flags + slots * 2);
  const gsoType = align64(state + slots);
  const gsoSize = align64(gsoType + slots);
  const csumStart = align64(gsoSize + slots * 2);
  const csumOffset = align64(csumStart + slots * 2);
  const data = (csumOffset + slots * 2 + 4095) & ~4095;
  return {
    ringSize, ring, superRingSize, superRing, superCount, superSlots, slots,
    len, off, port, flags, state, gsoType, gsoSize, csumStart, csumOffset, data, total: data + slots * bufSize,
  };
}

export class PacketPool {
  /** All packet bytes; packet p starts at `start(p)`. */
  readonly data: Uint8Array;
  readonly len: Uint16Array;
  readonly off: Uint16Array;
  readonly port: Uint16Array;
  readonly flags: Uint16Array;
  readonly state: Uint8Array;
  /** Offload state of a super buffer (valid for handles ≥ count): virtio-net gso_type (ECN bit included), gso_size, and where the L4 checksum starts / its field, relative to the frame start. */
  readonly gsoType: Uint8Array;
  readonly gsoSize: Uint16Array;
  readonly csumStart: Uint16Array;
  readonly csumOffset: Uint16Array;
  /** Ordinary buffers; handles at or above it are super buffers. */
  readonly count: number;
  /** Super buffers and the slots each spans. */
  readonly superCount: number;
  readonly superSlots: number;
  readonly bufSize: number;
  /** Largest packet a buffer holds with the default headroom. */
  readonly maxLen: number;
  private readonly header: Int32Array;
  private readonly ring: Ring;
  private readonly superRing: Ring;
  private readonly slots: number;
  private readonly superOne = new Uint32Array(1);
  private readonly cache = new Uint32Array(CACHE_SIZE);
  private cacheN = 0;
  private readonly debug = process.env.SLUICE_DEBUG === '1';

  /** Bytes a region must have for `count` buffers of `bufSize`. */
  static bytesFor(count: number, bufSize = DEFAULT_BUF_SIZE): number { return layout(count, bufSize).total; }

  /**
   * Build a pool view over `buffer`. With `init`, format the region (once, by its creator);
   * other threads attach to an initialised region with `init = false`.
   */
  constructor(buffer: ArrayBufferLike, count: number, bufSize = DEFAULT_BUF_SIZE, init = true) {
    if (!Number.isInteger(count) || count < 64 || count > 1 << 22) throw new RangeError(`pool count must be in [64, 4194304], got ${count}`);
    if (!Number.isInteger(bufSize) || bufSize < 256 || bufSize % 64 !== 0 || bufSize > 65536) {
      throw new RangeError(`pool bufSize must be a multiple of 64 in [256, 65536], got ${bufSize}`);
    }
    const l = layout(count, bufSize);
    if (buffer.byteLength < l.total) throw new RangeError(`pool region is ${buffer.byteLength} bytes, needs ${l.total}`);
    this.count = count;
    this.bufSize = bufSize;
    this.maxLen = Math.min(65535, bufSize - HEADROOM);
    this.header = new Int32Array(buffer, 0, HEADER_BYTES / 4);
    this.superCount = l.superCount;
    this.superSlots = l.superSlots;
    this.slots = l.slots;
    this.ring = new Ring(buffer, l.ring, l.ringSize, 'mpmc', init);
    this.superRing = new Ring(buffer, l.superRing, l.superRingSize, 'mpmc', init);
    const slots = l.slots;
    this.len = new Uint16Array(buffer, l.len, slots);
    this.off = new Uint16Array(buffer, l.off, slots);
    this.port = new Uint16Array(buffer, l.port, slots);
    this.flags = new Uint16Array(buffer, l.flags, slots);
    this.state = new Uint8Array(buffer, l.state, slots);
    this.gsoType = new Uint8Array(buffer, l.gsoType, slots);
    this.gsoSize = new Uint16Array(buffer, l.gsoSize, slots);
    this.csumStart = new Uint16Array(buffer, l.csumStart, slots);
    this.csumOffset = new Uint16Array(buffer, l.csumOffset, slots);
    this.data = new Uint8Array(buffer, l.data, slots * bufSize);
    if (init) {
      this.header.fill(0);
      this.header[H_COUNT] = count;
      this.header[H_BUFSIZE] = bufSize;
      const all = new Uint32Array(count);
      for (let i = 0; i < count; i++) all[i] = count - 1 - i;
      this.ring.enqueueBurst(all, 0, count);
      const big = new Uint32Array(l.superCount);
      for (let i = 0; i < l.superCount; i++) big[i] = count + i * l.superSlots;
      this.superRing.enqueueBurst(big, 0, l.superCount);
      Atomics.store(this.header, H_MAGIC, MAGIC);
    } else if (Atomics.load(this.header, H_MAGIC) !== MAGIC || this.header[H_COUNT] !== count || this.header[H_BUFSIZE] !== bufSize) {
      throw new Error('pool region is not an initialised pool with this count and bufSize');
    }
  }

  /** Byte offset in `data` of packet p's first byte. */
  start(p: number): number { return p * this.bufSize + this.off[p]!; }

  /** A fresh packet (len 0, default headroom), or -1 when the pool is empty (counted). */
  alloc(): number {
    let c = this.cacheN;
    if (c === 0) {
      c = this.ring.dequeueBurst(this.cache, 0, 256 /* CACHE_MOVE */);
      if (c === 0) { Atomics.add(this.header, H_ALLOC_FAIL, 1); return -1; }
    }
    const p = this.cache[--c]!;
    this.cacheN = c;
    this.state[p] = 1;
    // Literals, not the module constants: TurboFan reads a module `const` through its context
    // cell with a TDZ check and a Smi/HeapNumber test on every use.
    this.off[p] = 128; // HEADROOM
    this.len[p] = 0;
    this.flags[p] = 0;
    return p;
  }

  /**
   * A fresh super buffer (len 0, default headroom, no offload state), or -1 when none is free
   * (counted). Its handle is ≥ count; free() takes it back like any packet.
   */
  allocSuper(): number {
    const one = this.superOne;
    if (this.superRing.dequeueBurst(one, 0, 1) === 0) { Atomics.add(this.header, H_SUPER_ALLOC_FAIL, 1); return -1; }
    const p = one[0]!;
    this.state[p] = 1;
    this.off[p] = HEADROOM;
    this.len[p] = 0;
    this.flags[p] = 0;
    this.gsoType[p] = 0;
    this.gsoSize[p] = 0;
    this.csumStart[p] = 0;
    this.csumOffset[p] = 0;
    return p;
  }

  /** Whether p is a super buffer's handle (not checked for being allocated). */
  isSuper(p: number): boolean {
    return p >= this.count && p < this.slots && (p - this.count) % this.superSlots === 0;
  }

  /**
   * Allocate up to `n` fresh packets into `out[at..)`; returns how many (fewer than `n` only
   * when the pool ran dry, counted once as an allocation failure). Each is as from alloc().
   */
  allocBurst(out: Uint32Array, n: number, at = 0): number {
    const cache = this.cache, state = this.state, off = this.off, len = this.len, flags = this.flags;
    let got = at;
    n += at;
    while (got < n) {
      let c = this.cacheN;
      if (c < n - got) {
        // Top up before splitting the burst: at most CACHE_MOVE, and never past CACHE_SIZE.
        const room = 512 /* CACHE_SIZE */ - c;
        c += this.ring.dequeueBurst(cache, c, room < 256 ? room : 256);
        if (c === 0) { this.cacheN = 0; Atomics.add(this.header, H_ALLOC_FAIL, 1); break; }
      }
      let k = n - got;
      if (k > c) k = c;
      const end = got + k;
      // Four at a time: TurboFan re-checks each typed array after every loop back-edge, so
      // one check per four packets instead of per packet (callgrind: see commit message).
      for (; got + 4 <= end; got += 4) {
        const p0 = cache[(c - 1) | 0]!, p1 = cache[(c - 2) | 0]!, p2 = cache[(c - 3) | 0]!, p3 = cache[(c - 4) | 0]!;
        c = (c - 4) | 0;
        out[got] = p0; out[(got + 1) | 0] = p1; out[(got + 2) | 0] = p2; out[(got + 3) | 0] = p3;
        state[p0] = 1; state[p1] = 1; state[p2] = 1; state[p3] = 1;
        off[p0] = 128; off[p1] = 128; off[p2] = 128; off[p3] = 128; // HEADROOM
        len[p0] = 0; len[p1] = 0; len[p2] = 0; len[p3] = 0;
        flags[p0] = 0; flags[p1] = 0; flags[p2] = 0; flags[p3] = 0;
      }
      for (; got < end; got++) {
        const p = cache[--c]!;
        out[got] = p;
        state[p] = 1;
        off[p] = 128; // HEADROOM
        len[p] = 0;
        flags[p] = 0;
      }
      this.cacheN = c;
    }
    return got - at;
  }

  /** Return p to the pool. A handle that is not allocated is counted and ignored. */
  free(p: number): void {
    if (p >>> 0 >= this.count) { this.freeSuper(p); return; }
    if (this.state[p] !== 1) { this.doubleFree(p); return; }
    this.state[p] = 0;
    let c = this.cacheN;
    // Spill before writing: the cache may be exactly full (freeBurst fills it four at a time).
    if (c === 512 /* CACHE_SIZE */) {
      this.ring.enqueueBurst(this.cache, 512 - 256, 256); // spill CACHE_MOVE to the shared ring
      c = 256;
    }
    this.cache[c++] = p;
    this.cacheN = c;
  }

  /** free() for `handles[at..at+n)`, with the same checks per handle. */
  freeBurst(handles: Uint32Array, n: number, at = 0): void {
    const cache = this.cache, state = this.state, count = this.count;
    let c = this.cacheN, i = at;
    n += at;
    // Four at a time when all four are valid and distinct (one typed-array check per four,
    // see allocBurst); any doubt sends the group through the checked loop below.
    for (; i + 4 <= n; i += 4) {
      const p0 = handles[i]!, p1 = handles[(i + 1) | 0]!, p2 = handles[(i + 2) | 0]!, p3 = handles[(i + 3) | 0]!;
      if (p0 >= count || p1 >= count || p2 >= count || p3 >= count) break;
      if (state[p0] !== 1 || state[p1] !== 1 || state[p2] !== 1 || state[p3] !== 1) break;
      if (p0 === p1 || p0 === p2 || p0 === p3 || p1 === p2 || p1 === p3 || p2 === p3) break;
      state[p0] = 0; state[p1] = 0; state[p2] = 0; state[p3] = 0;
      if (c > 508 /* CACHE_SIZE - 4 */) {
        this.ring.enqueueBurst(cache, c - 256, 256); // spill CACHE_MOVE
        c -= 256;
      }
      cache[c] = p0; cache[(c + 1) | 0] = p1; cache[(c + 2) | 0] = p2; cache[(c + 3) | 0] = p3;
      c = (c + 4) | 0;
    }
    for (; i < n; i++) {
      const p = handles[i]!;
      if (p >= count) { this.freeSuper(p); continue; }
      if (state[p] !== 1) { this.doubleFree(p); continue; }
      state[p] = 0;
      if (c === 512 /* CACHE_SIZE */) {
        this.ring.enqueueBurst(cache, 512 - 256, 256);
        c = 256;
      }
      cache[c++] = p;
    }
    this.cacheN = c;
  }

  /** Copy packet p (a super buffer into a super buffer, with its offload state) into a new packet; -1 if none is free. */
  clone(p: number): number {
    const big = p >= this.count;
    const q = big ? this.allocSuper() : this.alloc();
    if (q < 0) return -1;
    const n = this.len[p]!;
    const s = this.start(p);
    this.data.copyWithin(q * this.bufSize + HEADROOM, s, s + n);
    this.len[q] = n;
    this.port[q] = this.port[p]!;
    this.flags[q] = this.flags[p]!;
    if (big) {
      this.gsoType[q] = this.gsoType[p]!;
      this.gsoSize[q] = this.gsoSize[p]!;
      this.csumStart[q] = this.csumStart[p]!;
      this.csumOffset[q] = this.csumOffset[p]!;
    }
    return q;
  }

  /** free() of a handle at or above count: a super buffer goes back to its ring, anything else is counted. */
  private freeSuper(p: number): void {
    if (!this.isSuper(p)) { this.badFree(p); return; }
    if (this.state[p] !== 1) { this.doubleFree(p); return; }
    this.state[p] = 0;
    this.superOne[0] = p;
    this.superRing.enqueueBurst(this.superOne, 0, 1);
  }

  /** Give this thread's cached buffers back to the shared ring (at engine stop). */
  flushCache(): void {
    this.ring.enqueueBurst(this.cache, 0, this.cacheN);
    this.cacheN = 0;
  }

  private doubleFree(p: number): void {
    Atomics.add(this.header, H_DOUBLE_FREE, 1);
    if (this.debug) console.error(`sluice: double free of packet ${p}\n${new Error().stack}`);
  }

  private badFree(p: number): void {
    Atomics.add(this.header, H_BAD_FREE, 1);
    if (this.debug) console.error(`sluice: free of invalid handle ${p}\n${new Error().stack}`);
  }

  /** Control path: occupancy and error counters. `inUse` counts buffers held anywhere (apps, links, caches of running threads). */
  audit(): {
    count: number; free: number; cached: number; inUse: number; doubleFree: number; badFree: number; allocFail: number;
    superCount: number; superInUse: number; superAllocFail: number;
  } {
    const free = this.ring.count();
    const superInUse = this.superCount - this.superRing.count();
    return {
      count: this.count,
      free,
      cached: this.cacheN,
      // Super buffers held count too: a leak of either kind shows here.
      inUse: this.count - free - this.cacheN + superInUse,
      superCount: this.superCount,
      superInUse,
      superAllocFail: Atomics.load(this.header, H_SUPER_ALLOC_FAIL),
      doubleFree: Atomics.load(this.header, H_DOUBLE_FREE),
      badFree: Atomics.load(this.header, H_BAD_FREE),
      allocFail: Atomics.load(this.header, H_ALLOC_FAIL),
    };
  }
}

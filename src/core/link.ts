/**
 * A link: the fixed-size queue of packet handles between two apps of one engine (Snabb's
 * link). Single-threaded, never subclassed. A full link drops the packet and counts it
 * (ARCHITECTURE G5): no blocking, no unbounded queues.
 */
import type { PacketPool } from './packet.js';
import type { App } from './app.js';

export const LINK_SIZE = 1024; // power of two
export const LINK_MAX = LINK_SIZE - 1;
/** How many packets a pull-app should bring in per breath (Snabb: a tenth of a link). */
export const PULL_NPACKETS = Math.floor(LINK_MAX / 10);

export class Link {
  readonly ring = new Uint32Array(LINK_SIZE);
  read = 0;
  write = 0;
  txPackets = 0;
  txBytes = 0;
  txDrop = 0;
  rxPackets = 0;
  rxBytes = 0;
  /** Total length of the packets returned by the last receiveBurst(). */
  burstBytes = 0;
  /** The app that transmits on this link (set by the engine): a bond asks its members' carrier. */
  sender: App | undefined = undefined;
  /**
   * Whether super-frames (packets in super buffers with offload state, packet.ts) may be put
   * on this link: everything downstream of it sends them whole or cuts them at the last moment
   * (set by the engine from the apps' `superFrames`, see superFrameLinks). A producer that
   * finds it false cuts them first.
   */
  superFrames = false;
  constructor(readonly spec: string, readonly pool: PacketPool) {}

  // Hot methods below write LINK_SIZE/LINK_MAX as literals: TurboFan reads a module
  // `const` through its context cell with a TDZ check on every use.
  empty(): boolean { return this.read === this.write; }
  full(): boolean { return ((this.write + 1) & 1023) === this.read; }
  nreadable(): number { return (this.write - this.read) & 1023; }
  nwritable(): number { return 1023 - ((this.write - this.read) & 1023); }

  /** Next packet (caller checks `empty()` first). */
  receive(): number {
    const p = this.ring[this.read]!;
    this.read = (this.read + 1) & 1023;
    this.rxPackets++;
    this.rxBytes += this.pool.len[p]!;
    return p;
  }

  /** Queue p; when full, free it and count a drop. */
  transmit(p: number): void {
    if (((this.write + 1) & 1023) === this.read) {
      this.txDrop++;
      this.pool.free(p);
      return;
    }
    this.ring[this.write] = p;
    this.write = (this.write + 1) & 1023;
    this.txPackets++;
    this.txBytes += this.pool.len[p]!;
  }

  /**
   * Queue `src[0..n)` in order; packets that do not fit are freed and counted as drops
   * (as transmit() does one by one). Returns how many were queued. Counts once per burst.
   */
  transmitBurst(src: Uint32Array, n: number): number {
    const ring = this.ring, len = this.pool.len;
    let w = this.write;
    const room = 1023 /* LINK_MAX */ - ((w - this.read) & 1023);
    const m = n < room ? n : room;
    let bytes = 0, i = 0;
    if (w + m <= 1024 /* LINK_SIZE */) {
      // Unrolled: TurboFan re-checks typed arrays after every loop back-edge (see ring.ts).
      for (; i + 4 <= m; i += 4) {
        const a = src[i]!, b = src[(i + 1) | 0]!, c = src[(i + 2) | 0]!, d = src[(i + 3) | 0]!;
        ring[w] = a; ring[(w + 1) | 0] = b; ring[(w + 2) | 0] = c; ring[(w + 3) | 0] = d;
        bytes += len[a]! + len[b]! + len[c]! + len[d]!;
        w += 4;
      }
    }
    for (; i < m; i++) {
      const p = src[i]!;
      ring[w] = p;
      w = (w + 1) & 1023;
      bytes += len[p]!;
    }
    this.write = w & 1023;
    this.txPackets += m;
    this.txBytes += bytes;
    if (m < n) {
      this.txDrop += n - m;
      for (let j = m; j < n; j++) this.pool.free(src[j]!);
    }
    return m;
  }

  /**
   * Take up to `max` packets into `dst[0..)`; returns how many. Their total length is left in
   * `burstBytes` (so a consumer that counts bytes need not read every length again).
   */
  receiveBurst(dst: Uint32Array, max: number): number {
    const ring = this.ring, len = this.pool.len;
    let r = this.read;
    const avail = (this.write - r) & 1023;
    const m = max < avail ? max : avail;
    let bytes = 0, i = 0;
    if (r + m <= 1024) {
      for (; i + 4 <= m; i += 4) {
        const a = ring[r]!, b = ring[(r + 1) | 0]!, c = ring[(r + 2) | 0]!, d = ring[(r + 3) | 0]!;
        dst[i] = a; dst[(i + 1) | 0] = b; dst[(i + 2) | 0] = c; dst[(i + 3) | 0] = d;
        bytes += len[a]! + len[b]! + len[c]! + len[d]!;
        r += 4;
      }
    }
    for (; i < m; i++) {
      const p = ring[r]!;
      dst[i] = p;
      r = (r + 1) & 1023;
      bytes += len[p]!;
    }
    this.read = r & 1023;
    this.rxPackets += m;
    this.rxBytes += bytes;
    this.burstBytes = bytes;
    return m;
  }

  /** Free everything queued (at teardown); returns how many were freed. */
  drain(): number {
    let n = 0;
    while (this.read !== this.write) { this.pool.free(this.receive()); n++; }
    return n;
  }
}

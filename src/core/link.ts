/**
 * A link: the fixed-size queue of packet handles between two apps of one engine (Snabb's
 * link). Single-threaded, never subclassed. A full link drops the packet and counts it
 * (ARCHITECTURE G5): no blocking, no unbounded queues.
 */
import type { PacketPool } from './packet.js';

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
  constructor(readonly spec: string, readonly pool: PacketPool) {}

  empty(): boolean { return this.read === this.write; }
  full(): boolean { return ((this.write + 1) & LINK_MAX) === this.read; }
  nreadable(): number { return (this.write - this.read) & LINK_MAX; }
  nwritable(): number { return LINK_MAX - this.nreadable(); }

  /** Next packet (caller checks `empty()` first). */
  receive(): number {
    const p = this.ring[this.read]!;
    this.read = (this.read + 1) & LINK_MAX;
    this.rxPackets++;
    this.rxBytes += this.pool.len[p]!;
    return p;
  }

  /** Queue p; when full, free it and count a drop. */
  transmit(p: number): void {
    if (((this.write + 1) & LINK_MAX) === this.read) {
      this.txDrop++;
      this.pool.free(p);
      return;
    }
    this.ring[this.write] = p;
    this.write = (this.write + 1) & LINK_MAX;
    this.txPackets++;
    this.txBytes += this.pool.len[p]!;
  }

  /** Free everything queued (at teardown); returns how many were freed. */
  drain(): number {
    let n = 0;
    while (this.read !== this.write) { this.pool.free(this.receive()); n++; }
    return n;
  }
}

/**
 * The receive side of offloads, shared by every port that reads virtio-net headers from the
 * kernel (AF_PACKET with PACKET_VNET_HDR, TAP with IFF_VNET_HDR): check the header, finish a
 * partial checksum, or cut a super-frame into pool packets on the output link (or, when
 * the link may carry super-frames, keep it whole in a super buffer: `keep`). Counts what
 * it did and why it refused, for the port's report.
 *
 * Accounting: a refused frame is one packet in, dropped as `bad_offload`; a super-frame is
 * as many packets in as it has segments, each either on the link or dropped with a reason.
 */
import type { Link } from '../../core/link.js';
import type { PacketPool } from '../../core/packet.js';
import { HEADROOM } from '../../core/packet.js';
import { DROP_BASE, RX_BYTES, RX_PACKETS } from '../../core/counters.js';
import { DropReason } from '../../core/drop-reasons.js';
import { GsoPlan, planGso, writeSegment } from '../../lib/offload/gso.js';
import { setSuperState } from './into-pool.js';
import { VnetHdr, OffloadError, OFFLOAD_ERROR_NAMES } from '../../lib/offload/vnet-hdr.js';

export class OffloadRx {
  /** The header of the frame at hand (the port decodes into it). */
  readonly vh = new VnetHdr();
  private readonly plan = new GsoPlan();
  /** Partial checksums finished, super-frames received, segments made from them. */
  checksumsCompleted = 0;
  superFramesIn = 0;
  segmented = 0;
  /** Refused headers by OffloadError. */
  readonly errors = new Float64Array(OFFLOAD_ERROR_NAMES.length);

  constructor(private readonly pool: PacketPool, private readonly data32: Uint32Array, private readonly counters: Float64Array) {}

  /** Count a refused frame of `bytes`: one packet in, dropped as bad_offload. */
  refuse(err: number, bytes: number): void {
    const c = this.counters;
    c[RX_PACKETS]++;
    c[RX_BYTES] += bytes;
    this.errors[err]++;
    c[DROP_BASE + DropReason.BAD_OFFLOAD]++;
  }

  /**
   * Plan the super-frame at `src[st, st+len)` (header `vh` already passed `checkVnetHdr`).
   * Returns its segment count, or 0 when refused (counted).
   */
  planSuper(src: Uint8Array, st: number, len: number): number {
    const err = planGso(src, st, len, this.vh, this.pool.maxLen, this.plan);
    if (err !== OffloadError.OK) { this.refuse(err, len); return 0; }
    return this.plan.segs;
  }

  /**
   * Write the planned super-frame's segments into new pool packets on `out`. A segment that
   * finds no pool buffer or no room on the link is dropped with that reason.
   */
  emit(src: Uint8Array, src32: Uint32Array, st: number, out: Link): void {
    const pool = this.pool, c = this.counters, plan = this.plan, data = pool.data, data32 = this.data32;
    this.superFramesIn++;
    for (let i = 0; i < plan.segs; i++) {
      c[RX_PACKETS]++;
      if (out.nwritable() === 0) { c[DROP_BASE + DropReason.LINK_FULL]++; continue; }
      const p = pool.alloc();
      if (p < 0) { c[DROP_BASE + DropReason.NO_BUFFER]++; continue; }
      // Same alignment mod 4 as the source: the copies run in words.
      pool.off[p] = HEADROOM - 4 + (st & 3);
      const n = writeSegment(src, src32, st, plan, i, data, data32, pool.start(p));
      pool.len[p] = n;
      c[RX_BYTES] += n;
      this.segmented++;
      out.transmit(p);
    }
  }

  /**
   * Keep the super-frame copied into super buffer p (`len` bytes, header in `vh`) whole: it
   * is planned from the bytes there (refused, counted and freed when it does not parse), gets
   * its offload state, and goes on `out` as one packet in.
   */
  keep(p: number, len: number, out: Link): void {
    const pool = this.pool, c = this.counters;
    if (this.planSuper(pool.data, pool.start(p), len) === 0) { pool.free(p); return; }
    setSuperState(pool, p, len, this.vh, this.plan);
    c[RX_PACKETS]++;
    c[RX_BYTES] += len;
    this.superFramesIn++;
    out.transmit(p);
  }

  /** The port report's `offloads` object (same names as the vhost-user port's). */
  report(): Record<string, unknown> {
    const errors: Record<string, number> = {};
    for (let i = 1; i < this.errors.length; i++) if (this.errors[i]! > 0) errors[OFFLOAD_ERROR_NAMES[i]!] = this.errors[i]!;
    return { superFramesIn: this.superFramesIn, segmented: this.segmented, checksumsCompleted: this.checksumsCompleted, errors };
  }
}

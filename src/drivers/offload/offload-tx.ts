/**
 * The transmit side of offloads for ports that hand frames to the kernel (AF_PACKET with
 * PACKET_VNET_HDR, TAP with IFF_VNET_HDR): a super-frame from the pool (handle ≥ pool.count,
 * core/packet.ts) goes out whole with a virtio-net header made from its offload state, and
 * the kernel segments it (in hardware, or in software for a device without TSO); a port that
 * cannot take one cuts it here with `segment` / `cut`, at the last moment (a pcap port writes
 * the segments; a capture records them, the wire form, while forwarding the super-frame whole).
 *
 * Accounting: a super-frame is one pool packet, so it counts one packet out (or one drop)
 * however many wire frames it becomes; `segmented` counts the wire frames cut here. A port
 * that cuts it into pool packets to send them (memif: `cutToPool`) counts the extra
 * segments as `copied`, as a flood counts its clones.
 */
import type { PacketPool } from '../../core/packet.js';
import { GsoPlan, planGso, writeGsoHdr, writeSegment } from '../../lib/offload/gso.js';
import { VnetHdr, OffloadError, VNET_F_NEEDS_CSUM, GSO_NONE, GSO_ECN, GSO_TCPV4, GSO_TCPV6 } from '../../lib/offload/vnet-hdr.js';
import { OFF_CSUM, OFF_TSO4, OFF_TSO6, OFF_ECN } from '../../virtio/net/net.js';

/**
 * Whether a virtio peer that negotiated `offloads` (OFF_* bits: a guest's GUEST_*, a
 * backend's HOST_*) takes a frame with this header's work as it is (else it is cut or
 * finished for it in software).
 */
export function peerTakes(offloads: number, flags: number, gsoType: number): boolean {
  if ((flags & VNET_F_NEEDS_CSUM) !== 0 && (offloads & OFF_CSUM) === 0) return false;
  const t = gsoType & ~GSO_ECN;
  if (t === GSO_NONE) return true;
  if ((gsoType & GSO_ECN) !== 0 && (offloads & OFF_ECN) === 0) return false;
  return t === GSO_TCPV4 ? (offloads & OFF_TSO4) !== 0 : t === GSO_TCPV6 && (offloads & OFF_TSO6) !== 0;
}

export class OffloadTx {
  private readonly vh = new VnetHdr();
  private readonly plan = new GsoPlan();
  /** Super-frames sent whole, wire frames cut from super-frames here, super-frames refused. */
  superFramesOut = 0;
  segmented = 0;
  refused = 0;

  /** One segment's bytes, for ports that hand segments on from memory of their own (pcap writers, captures): `cut`. */
  readonly seg: Uint8Array;
  readonly seg32: Uint32Array;

  constructor(private readonly pool: PacketPool, private readonly data32: Uint32Array) {
    this.seg = new Uint8Array((pool.maxLen + 3) & ~3);
    this.seg32 = new Uint32Array(this.seg.buffer);
  }

  /**
   * Plan super-frame p again (a forwarder may have moved its headers since it was checked on
   * arrival) for segments of at most `maxSeg` bytes. Returns its segment count, or 0 when it
   * no longer parses (the caller drops it as bad_offload; counted in `refused`).
   */
  planSuper(p: number, maxSeg: number): number {
    const pool = this.pool, vh = this.vh;
    vh.flags = VNET_F_NEEDS_CSUM;
    vh.gsoType = pool.gsoType[p]!;
    vh.gsoSize = pool.gsoSize[p]!;
    if (planGso(pool.data, pool.start(p), pool.len[p]!, vh, maxSeg, this.plan) !== OffloadError.OK) { this.refused++; return 0; }
    return this.plan.segs;
  }

  /** The virtio-net header for the super-frame just planned, at dst[off..off+10). */
  header(p: number, dst: Uint8Array, off: number): void {
    writeGsoHdr(dst, off, this.pool.gsoType[p]!, this.pool.gsoSize[p]!, this.plan);
  }

  /** Segment i of the super-frame p just planned into dst[dOff..]; returns its length. */
  segment(p: number, i: number, dst: Uint8Array, dst32: Uint32Array, dOff: number): number {
    this.segmented++;
    return writeSegment(this.pool.data, this.data32, this.pool.start(p), this.plan, i, dst, dst32, dOff);
  }

  /**
   * Cut the super-frame p just planned (maxSeg ≤ pool.maxLen) into new ordinary pool packets
   * at out[at..], for a port that sends pool packets (memif); returns how many were made
   * (fewer than its segments when the pool ran dry). p itself is left to the caller.
   */
  cutToPool(p: number, out: Uint32Array, at: number): number {
    const pool = this.pool, segs = this.plan.segs;
    let k = 0;
    for (let i = 0; i < segs; i++) {
      const q = pool.alloc();
      if (q < 0) break;
      pool.len[q] = this.segment(p, i, pool.data, this.data32, pool.start(q));
      out[at + k++] = q;
    }
    return k;
  }

  /** Segment i of the super-frame p just planned (with maxSeg ≤ seg.length) into `seg`; returns its length. */
  cut(p: number, i: number): number {
    return this.segment(p, i, this.seg, this.seg32, 0);
  }

  /** The port report's part (merged into its `offloads`). */
  report(): Record<string, number> {
    return { superFramesOut: this.superFramesOut, segmentedOut: this.segmented, refusedOut: this.refused };
  }
}

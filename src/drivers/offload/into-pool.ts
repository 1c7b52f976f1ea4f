/**
 * The last step of the offload slow path for ports that gather a frame whole before it
 * enters the switch (vhost-user guest TX, virtio-user RX): the checked frame becomes pool
 * packets in an output array — its GSO segments, or the frame itself with a partial checksum
 * finished. (AF_PACKET and TAP put their segments straight on a link: OffloadRx.emit.)
 */
import type { PoolView } from '../vhost-user/net-io.js';
import { copyBytes } from '../vhost-user/copy.js';
import { type GsoPlan, writeSegment, completePartialChecksum } from '../../lib/offload/gso.js';
import { type VnetHdr, GSO_NONE, VNET_F_NEEDS_CSUM } from '../../lib/offload/vnet-hdr.js';

/**
 * A super-frame copied whole into super buffer p (`len` bytes; header `vh`, planned into
 * `plan` from the bytes there) gets its offload state: what a port that sends it later makes
 * its virtio-net header from (checksum offsets as parsed, not as the peer claimed).
 */
export function setSuperState(pool: PoolView, p: number, len: number, vh: VnetHdr, plan: GsoPlan): void {
  pool.len[p] = len;
  pool.gsoType[p] = vh.gsoType;
  pool.gsoSize[p] = vh.gsoSize;
  pool.csumStart[p] = plan.l4Off;
  pool.csumOffset[p] = plan.tcp ? 16 : 6;
}

/** What `cutIntoPool` wrote. Reuse one per port. */
export class CutResult {
  packets = 0;
  bytes = 0;
}

/**
 * Write the frame at src[st, st+len), whose header `vh` passed `checkVnetHdr` (and, with a
 * GSO type, `planGso` into `plan`), into pool packets at out[at..]. Fewer packets than
 * planned means the pool ran dry (the caller counts the rest).
 */
export function cutIntoPool(
  src: Uint8Array, src32: Uint32Array, st: number, len: number, vh: VnetHdr, plan: GsoPlan,
  pool: PoolView, p32: Uint32Array, out: Uint32Array, at: number, res: CutResult,
): void {
  const gso = vh.gsoType !== GSO_NONE;
  const segs = gso ? plan.segs : 1;
  res.packets = 0;
  res.bytes = 0;
  for (let i = 0; i < segs; i++) {
    const p = pool.alloc();
    if (p < 0) continue;
    const d = pool.start(p);
    let n = len;
    if (gso) n = writeSegment(src, src32, st, plan, i, pool.data, p32, d);
    else {
      copyBytes(pool.data, p32, d, src, src32, st, len);
      // csum_start/offset are only checked (and only mean something) with NEEDS_CSUM.
      if ((vh.flags & VNET_F_NEEDS_CSUM) !== 0) completePartialChecksum(pool.data, d, len, vh.csumStart, vh.csumOffset);
    }
    pool.len[p] = n;
    res.bytes += n;
    out[at + res.packets++] = p;
  }
}

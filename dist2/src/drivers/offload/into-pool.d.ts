/**
 * The last step of the offload slow path for ports that gather a frame whole before it
 * enters the switch (vhost-user guest TX, virtio-user RX): the checked frame becomes pool
 * packets in an output array — its GSO segments, or the frame itself with a partial checksum
 * finished. (AF_PACKET and TAP put their segments straight on a link: OffloadRx.emit.)
 */
import type { PoolView } from '../vhost-user/net-io.js';
import { type GsoPlan } from '../../lib/offload/gso.js';
import { type VnetHdr } from '../../lib/offload/vnet-hdr.js';
/** What `cutIntoPool` wrote. Reuse one per port. */
export declare class CutResult {
    packets: number;
    bytes: number;
}
/**
 * Write the frame at src[st, st+len), whose header `vh` passed `checkVnetHdr` (and, with a
 * GSO type, `planGso` into `plan`), into pool packets at out[at..]. Fewer packets than
 * planned means the pool ran dry (the caller counts the rest).
 */
export declare function cutIntoPool(src: Uint8Array, src32: Uint32Array, st: number, len: number, vh: VnetHdr, plan: GsoPlan, pool: PoolView, p32: Uint32Array, out: Uint32Array, at: number, res: CutResult): void;

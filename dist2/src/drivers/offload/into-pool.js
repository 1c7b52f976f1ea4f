import { copyBytes } from '../vhost-user/copy.js';
import { writeSegment, completePartialChecksum } from '../../lib/offload/gso.js';
import { GSO_NONE, VNET_F_NEEDS_CSUM } from '../../lib/offload/vnet-hdr.js';
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
export function cutIntoPool(src, src32, st, len, vh, plan, pool, p32, out, at, res) {
    const gso = vh.gsoType !== GSO_NONE;
    const segs = gso ? plan.segs : 1;
    res.packets = 0;
    res.bytes = 0;
    for (let i = 0; i < segs; i++) {
        const p = pool.alloc();
        if (p < 0)
            continue;
        const d = pool.start(p);
        let n = len;
        if (gso)
            n = writeSegment(src, src32, st, plan, i, pool.data, p32, d);
        else {
            copyBytes(pool.data, p32, d, src, src32, st, len);
            // csum_start/offset are only checked (and only mean something) with NEEDS_CSUM.
            if ((vh.flags & VNET_F_NEEDS_CSUM) !== 0)
                completePartialChecksum(pool.data, d, len, vh.csumStart, vh.csumOffset);
        }
        pool.len[p] = n;
        res.bytes += n;
        out[at + res.packets++] = p;
    }
}
//# sourceMappingURL=into-pool.js.map
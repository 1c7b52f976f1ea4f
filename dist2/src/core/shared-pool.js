/**
 * A packet pool in a shared region (hugetlbfs when free pages exist, else memfd), locked in
 * RAM where permitted, so its fd can be handed to worker engines and peers. The one way the
 * switch, `sluice run` and the daemon make their packet memory.
 */
import { createSharedRegion } from '../sys/index.js';
import { PacketPool, DEFAULT_BUF_SIZE } from './packet.js';
export function createSharedPool(count, bufSize = DEFAULT_BUF_SIZE, opts = {}) {
    const region = createSharedRegion(PacketPool.bytesFor(count, bufSize), 'pool', opts);
    const pool = new PacketPool(region.buffer, count, bufSize);
    // Locking keeps packet memory out of swap and pre-faults it, so the data path never
    // takes a page fault; without the privilege Sluice still runs.
    const locked = process.env.SLUICE_MLOCK === '0' ? false : region.mapping.lock();
    return { region, pool, locked };
}
//# sourceMappingURL=shared-pool.js.map
/**
 * A packet pool in a shared region (hugetlbfs when free pages exist, else memfd), locked in
 * RAM where permitted, so its fd can be handed to worker engines and peers. The one way the
 * switch, `sluice run` and the daemon make their packet memory.
 */
import { type SharedRegion, type RegionOptions } from '../sys/index.js';
import { PacketPool } from './packet.js';
export interface SharedPool {
    region: SharedRegion;
    pool: PacketPool;
    /** Whether mlock succeeded (needs CAP_IPC_LOCK or enough RLIMIT_MEMLOCK). */
    locked: boolean;
}
export declare function createSharedPool(count: number, bufSize?: number, opts?: RegionOptions): SharedPool;

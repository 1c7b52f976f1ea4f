/**
 * CPU affinity of the calling thread (sched_setaffinity with pid 0 = this thread), so each
 * engine worker pins itself from inside (ARCHITECTURE R5).
 */
import { availableParallelism } from 'node:os';
import { fn, errno } from './libc.js';
import { SysError } from './errors.js';
const MASK_BYTES = 128; // 1024 CPUs
/** Pin the calling thread to `cpus`. */
export function setThreadAffinity(cpus) {
    const mask = new Uint8Array(MASK_BYTES);
    for (const c of cpus) {
        if (!Number.isInteger(c) || c < 0 || c >= MASK_BYTES * 8)
            throw new RangeError(`cpu ${c} out of range`);
        mask[c >> 3] |= 1 << (c & 7);
    }
    if (fn.sched_setaffinity(0, MASK_BYTES, mask) !== 0)
        throw new SysError('sched_setaffinity', errno(), `cpus ${cpus.join(',')}`);
}
/** CPUs the calling thread may run on. */
export function getThreadAffinity() {
    const mask = new Uint8Array(MASK_BYTES);
    if (fn.sched_getaffinity(0, MASK_BYTES, mask) !== 0)
        throw new SysError('sched_getaffinity', errno());
    const out = [];
    for (let c = 0; c < MASK_BYTES * 8; c++)
        if (mask[c >> 3] & (1 << (c & 7)))
            out.push(c);
    return out;
}
/** Linux thread id of the calling thread. */
export function threadId() { return fn.gettid(); }
export function cpuCount() { return availableParallelism(); }
//# sourceMappingURL=affinity.js.map
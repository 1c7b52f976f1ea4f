/**
 * eventfd: the doorbell used for vhost-user kicks/calls, memif interrupts and waking a
 * sleeping engine. Reads and writes are 8-byte counters; the fd is non-blocking.
 */
import { fn, errno } from './libc.js';
import { SysError, EAGAIN } from './errors.js';
const EFD_NONBLOCK = 0o4000, EFD_CLOEXEC = 0o2000000;
const one = new Uint8Array(8);
one[0] = 1;
const scratch = new Uint8Array(8);
/** Create a non-blocking eventfd. */
export function eventfd(initval = 0) {
    const fd = fn.eventfd(initval, EFD_NONBLOCK | EFD_CLOEXEC);
    if (fd < 0)
        throw new SysError('eventfd', errno());
    return fd;
}
/** Add 1 to the counter (ring the bell). Returns false if the fd is invalid/closed. */
export function eventfdWrite(fd) {
    return fn.write(fd, one, 8) === 8;
}
/** Read and reset the counter; 0 when nothing was pending. */
export function eventfdRead(fd) {
    const n = fn.read(fd, scratch, 8);
    if (n !== 8) {
        const e = errno();
        if (n < 0 && e !== EAGAIN)
            throw new SysError('read(eventfd)', e, `fd ${fd}`);
        return 0;
    }
    return scratch[0] + scratch[1] * 256 + scratch[2] * 65536 + scratch[3] * 16777216;
}
//# sourceMappingURL=eventfd.js.map
/**
 * flock(2): an advisory lock on an open file. The kernel drops it when the last fd to the
 * open file closes, so a process killed with SIGKILL never leaves a stale lock behind.
 */
import { fn, errno } from './libc.js';
import { SysError, EINTR } from './errors.js';
const LOCK_EX = 2, LOCK_NB = 4;
const EWOULDBLOCK = 11;
/** Take an exclusive lock on `fd` without waiting: true if taken, false if another holds it. */
export function tryLockExclusive(fd) {
    for (;;) {
        if (fn.flock(fd, LOCK_EX | LOCK_NB) === 0)
            return true;
        const e = errno();
        if (e === EWOULDBLOCK)
            return false;
        if (e !== EINTR)
            throw new SysError('flock', e, `fd ${fd}`);
    }
}
//# sourceMappingURL=flock.js.map
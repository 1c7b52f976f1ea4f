/**
 * Syscall failures as typed errors. Every wrapper in sys/ throws `SysError` naming the call
 * and the errno, so a log line says exactly what failed ("mmap: ENOMEM (12)").
 */
import { constants } from 'node:os';
const errnoNames = [];
for (const [name, value] of Object.entries(constants.errno))
    errnoNames[value] = name;
/** Symbolic name of an errno value, e.g. 11 → "EAGAIN". */
export function errnoName(errno) {
    return errnoNames[errno] ?? `E${errno}`;
}
export class SysError extends Error {
    call;
    errno;
    /** Symbolic errno, e.g. "ECONNREFUSED". */
    code;
    constructor(call, errno, detail) {
        super(`${call}${detail ? ` (${detail})` : ''}: ${errnoName(errno)} (${errno})`);
        this.call = call;
        this.errno = errno;
        this.name = 'SysError';
        this.code = errnoName(errno);
    }
}
export const EINTR = 4;
export const EAGAIN = 11;
export const EPERM = 1;
export const ENOENT = 2;
export const ECONNREFUSED = 111;
//# sourceMappingURL=errors.js.map
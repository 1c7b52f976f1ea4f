/**
 * memfd regions with file seals, for memory shared with an untrusted peer (memif). A peer
 * that can shrink a file we have mapped can make our next access fault (SIGBUS), so:
 * regions we create are sealed against shrinking and growing before they are shared, and
 * regions we receive are accepted only when already sealed against shrinking (DPDK
 * net_memif and libmemif both add F_SEAL_SHRINK).
 */
import { fstatSync } from 'node:fs';
import { fn, errno } from './libc.js';
import { SysError } from './errors.js';
import { mapFd, SharedRegion } from './memory.js';
export const F_SEAL_SEAL = 1, F_SEAL_SHRINK = 2, F_SEAL_GROW = 4, F_SEAL_WRITE = 8;
const F_ADD_SEALS = 1033, F_GET_SEALS = 1034;
const MFD_CLOEXEC = 1, MFD_ALLOW_SEALING = 2;
/** A memfd of `size` bytes (rounded up to 4 KiB), sealed against shrink/grow, mapped read-write. */
export function createSealedMemfd(size, name) {
    if (!Number.isSafeInteger(size) || size <= 0)
        throw new RangeError(`createSealedMemfd: bad size ${size}`);
    const rounded = Math.ceil(size / 4096) * 4096;
    const fd = fn.memfd_create(name, MFD_CLOEXEC | MFD_ALLOW_SEALING);
    if (fd < 0)
        throw new SysError('memfd_create', errno(), name);
    try {
        if (fn.ftruncate(fd, rounded) !== 0)
            throw new SysError('ftruncate', errno(), `memfd ${name} ${rounded} bytes`);
        if (fn.fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_SEAL) !== 0)
            throw new SysError('fcntl(F_ADD_SEALS)', errno(), name);
        return new SharedRegion(fd, rounded, 'memfd', mapFd(fd, rounded), 4096);
    }
    catch (e) {
        fn.close(fd);
        throw e;
    }
}
/** The seals of `fd` (F_SEAL_* bits), or -1 when the fd does not support seals. */
export function fileSeals(fd) {
    const s = fn.fcntl(fd, F_GET_SEALS, 0);
    return s < 0 ? -1 : s;
}
/** Size in bytes of the file behind `fd` (fstat); throws SysError-like errors from node:fs. */
export function fileSize(fd) {
    return fstatSync(fd).size;
}
//# sourceMappingURL=memfd-seals.js.map
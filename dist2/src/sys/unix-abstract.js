/**
 * AF_UNIX sockets in the Linux abstract namespace (sun_path[0] = '\0'), which DPDK's
 * net_memif uses by default since 21.x (`socket-abstract=yes`). The address is exactly
 * '\0' + name with no trailing NUL, as DPDK computes it (sunlen = strlen + 1 + 2), so a
 * name bound here is the same address DPDK connects to and vice versa. No file is created.
 */
import { fn, errno } from './libc.js';
import { SysError } from './errors.js';
import { setNonBlocking } from './unix-socket.js';
const AF_UNIX = 1, SOCK_STREAM = 1, SOCK_SEQPACKET = 5, SOCK_CLOEXEC = 0o2000000;
function abstractAddr(name) {
    const p = Buffer.from(name);
    if (p.length === 0 || p.length > 106)
        throw new RangeError(`abstract socket name must be 1..106 bytes, got ${p.length}: ${name}`);
    const a = new Uint8Array(3 + p.length);
    a[0] = AF_UNIX; // sun_family (u16 LE), then sun_path[0] = 0
    a.set(p, 3);
    return a;
}
function newSocket(type) {
    const fd = fn.socket(AF_UNIX, (type === 'seqpacket' ? SOCK_SEQPACKET : SOCK_STREAM) | SOCK_CLOEXEC, 0);
    if (fd < 0)
        throw new SysError('socket', errno());
    return fd;
}
/** Bind and listen on the abstract name `name` (non-blocking fd). */
export function unixListenAbstract(name, type, backlog = 16) {
    const addr = abstractAddr(name);
    const fd = newSocket(type);
    try {
        if (fn.bind(fd, addr, addr.length) !== 0)
            throw new SysError('bind', errno(), `@${name}`);
        if (fn.listen(fd, backlog) !== 0)
            throw new SysError('listen', errno(), `@${name}`);
        setNonBlocking(fd, true);
    }
    catch (e) {
        fn.close(fd);
        throw e;
    }
    return fd;
}
/** Connect to the abstract name `name`; the returned fd is non-blocking. */
export function unixConnectAbstract(name, type) {
    const addr = abstractAddr(name);
    const fd = newSocket(type);
    if (fn.connect(fd, addr, addr.length) !== 0) {
        const e = errno();
        fn.close(fd);
        throw new SysError('connect', e, `@${name}`);
    }
    setNonBlocking(fd, true);
    return fd;
}
//# sourceMappingURL=unix-abstract.js.map
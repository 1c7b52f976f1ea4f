/**
 * AF_UNIX stream and seqpacket sockets with SCM_RIGHTS fd passing (vhost-user, memif,
 * management API). Control path only: each call builds a msghdr in per-thread native
 * scratch memory and copies the payload through it.
 *
 * Ownership: fds returned by `recvMsg` belong to the caller, who must close them (also
 * when the message is rejected: ARCHITECTURE T6). `sendMsg` does not close what it sends.
 */
import { readFileSync, lstatSync, unlinkSync } from 'node:fs';
import { fn, errno, allocNative } from './libc.js';
import { SysError, EAGAIN, EINTR } from './errors.js';
const EADDRINUSE = 98, EPROTOTYPE = 91;
const AF_UNIX = 1, SOCK_STREAM = 1, SOCK_SEQPACKET = 5, SOCK_NONBLOCK = 0o4000, SOCK_CLOEXEC = 0o2000000;
const SOL_SOCKET = 1, SCM_RIGHTS = 1, MSG_NOSIGNAL = 0x4000, MSG_CMSG_CLOEXEC = 0x40000000, MSG_CTRUNC = 0x8;
const F_GETFL = 3, F_SETFL = 4, O_NONBLOCK = 0o4000;
export const MAX_FDS = 32;
const MAX_DATA = 1 << 16;
const CONTROL_LEN = 16 + MAX_FDS * 4;
// Per-thread scratch: msghdr (56) | iovec (16) | control | data.
const scratch = allocNative(56 + 16 + CONTROL_LEN + MAX_DATA);
const dv = new DataView(scratch.u8.buffer, scratch.u8.byteOffset, scratch.u8.byteLength);
const IOV = 56, CTRL = 72, DATA = 72 + CONTROL_LEN;
function typeConst(type) {
    if (type === 'stream')
        return SOCK_STREAM;
    if (type === 'seqpacket')
        return SOCK_SEQPACKET;
    throw new RangeError(`socket type must be stream or seqpacket, not ${String(type)}`);
}
function sockaddr(path) {
    const p = Buffer.from(path);
    if (p.length > 107)
        throw new RangeError(`unix socket path is ${p.length} bytes, the limit is 107: ${path}`);
    const a = new Uint8Array(2 + p.length + 1);
    a[0] = AF_UNIX;
    a.set(p, 2);
    return a;
}
function newSocket(type) {
    const fd = fn.socket(AF_UNIX, typeConst(type) | SOCK_CLOEXEC, 0);
    if (fd < 0)
        throw new SysError('socket', errno());
    return fd;
}
export function setNonBlocking(fd, on) {
    const fl = fn.fcntl(fd, F_GETFL, 0);
    if (fl < 0)
        throw new SysError('fcntl(F_GETFL)', errno(), `fd ${fd}`);
    if (fn.fcntl(fd, F_SETFL, on ? fl | O_NONBLOCK : fl & ~O_NONBLOCK) < 0)
        throw new SysError('fcntl(F_SETFL)', errno(), `fd ${fd}`);
}
function groupId(group) {
    if (typeof group === 'number')
        return group;
    if (/^\d+$/.test(group))
        return Number(group);
    for (const line of readFileSync('/etc/group', 'utf8').split('\n')) {
        const f = line.split(':');
        if (f[0] === group && f[2] !== undefined)
            return Number(f[2]);
    }
    throw new RangeError(`unknown group "${group}"`);
}
/** True when a process listens on the socket file `path` (a connect is accepted or queued). */
function served(path, type) {
    const addr = sockaddr(path);
    const fd = fn.socket(AF_UNIX, typeConst(type) | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0)
        throw new SysError('socket', errno());
    const r = fn.connect(fd, addr, addr.length);
    const e = r === 0 ? 0 : errno();
    fn.close(fd);
    // EAGAIN: a full backlog; EPROTOTYPE: served with another socket type. Both are live.
    return r === 0 || e === EAGAIN || e === EPROTOTYPE;
}
/**
 * Bind and listen on `path` (non-blocking). A stale socket file left by a crashed process is
 * removed first; a socket another process still serves, or any other kind of file at `path`,
 * is an error (unlinking a live socket would cut its owner off from new peers).
 */
export function unixListen(path, type, opts = {}) {
    const addr = sockaddr(path);
    try {
        if (!lstatSync(path).isSocket())
            throw new RangeError(`${path} exists and is not a socket`);
        if (served(path, type))
            throw new SysError('bind', EADDRINUSE, `${path} is served by another process`);
        unlinkSync(path);
    }
    catch (e) {
        if (e.code !== 'ENOENT')
            throw e;
    }
    const fd = newSocket(type);
    try {
        if (fn.bind(fd, addr, addr.length) !== 0)
            throw new SysError('bind', errno(), path);
        if (opts.mode !== undefined && fn.chmod(path, opts.mode) !== 0)
            throw new SysError('chmod', errno(), path);
        if (opts.group !== undefined && fn.chown(path, -1, groupId(opts.group)) !== 0)
            throw new SysError('chown', errno(), path);
        if (fn.listen(fd, opts.backlog ?? 16) !== 0)
            throw new SysError('listen', errno(), path);
        setNonBlocking(fd, true);
    }
    catch (e) {
        fn.close(fd);
        throw e;
    }
    return fd;
}
/** Accept one connection (non-blocking); -1 when none is pending. */
export function unixAccept(listenFd) {
    const fd = fn.accept4(listenFd, null, null, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd < 0) {
        const e = errno();
        if (e === EAGAIN || e === EINTR)
            return -1;
        throw new SysError('accept4', e, `fd ${listenFd}`);
    }
    return fd;
}
/** Connect to `path`; the returned fd is non-blocking. Throws SysError (ENOENT, ECONNREFUSED…). */
export function unixConnect(path, type) {
    const addr = sockaddr(path);
    const fd = newSocket(type);
    if (fn.connect(fd, addr, addr.length) !== 0) {
        const e = errno();
        fn.close(fd);
        throw new SysError('connect', e, path);
    }
    setNonBlocking(fd, true);
    return fd;
}
/** A connected pair (both non-blocking), for tests and in-process peers. */
export function socketPair(type) {
    const sv = new Int32Array(2);
    if (fn.socketpair(AF_UNIX, typeConst(type) | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, sv) !== 0)
        throw new SysError('socketpair', errno());
    return [sv[0], sv[1]];
}
function setMsghdr(dataLen, controlLen) {
    const base = scratch.address;
    dv.setBigUint64(0, 0n, true); // msg_name
    dv.setUint32(8, 0, true);
    dv.setBigUint64(16, base + BigInt(IOV), true);
    dv.setBigUint64(24, 1n, true);
    dv.setBigUint64(32, controlLen ? base + BigInt(CTRL) : 0n, true);
    dv.setBigUint64(40, BigInt(controlLen), true);
    dv.setInt32(48, 0, true);
    dv.setBigUint64(IOV, base + BigInt(DATA), true);
    dv.setBigUint64(IOV + 8, BigInt(dataLen), true);
}
/**
 * Send `data` with `fds` attached. Returns bytes sent, or -1 if the socket would block.
 * Throws SysError on other failures (EPIPE, ECONNRESET when the peer went away).
 */
export function sendMsg(fd, data, fds = []) {
    if (data.length > MAX_DATA)
        throw new RangeError(`sendMsg: ${data.length} bytes exceeds ${MAX_DATA}`);
    if (fds.length > MAX_FDS)
        throw new RangeError(`sendMsg: ${fds.length} fds exceeds ${MAX_FDS}`);
    scratch.u8.set(data, DATA);
    let controlLen = 0;
    if (fds.length > 0) {
        controlLen = 16 + ((fds.length * 4 + 7) & ~7);
        scratch.u8.fill(0, CTRL, CTRL + controlLen);
        dv.setBigUint64(CTRL, BigInt(16 + fds.length * 4), true);
        dv.setInt32(CTRL + 8, SOL_SOCKET, true);
        dv.setInt32(CTRL + 12, SCM_RIGHTS, true);
        for (let i = 0; i < fds.length; i++)
            dv.setInt32(CTRL + 16 + i * 4, fds[i], true);
    }
    setMsghdr(data.length, controlLen);
    for (;;) {
        const n = Number(fn.sendmsg(fd, scratch.ptr, MSG_NOSIGNAL));
        if (n >= 0)
            return n;
        const e = errno();
        if (e === EINTR)
            continue;
        if (e === EAGAIN)
            return -1;
        throw new SysError('sendmsg', e, `fd ${fd}`);
    }
}
/** Receive one message into `buf` (up to buf.length bytes). */
export function recvMsg(fd, buf) {
    const want = Math.min(buf.length, MAX_DATA);
    setMsghdr(want, CONTROL_LEN);
    let n;
    for (;;) {
        n = Number(fn.recvmsg(fd, scratch.ptr, MSG_CMSG_CLOEXEC));
        if (n >= 0)
            break;
        const e = errno();
        if (e === EINTR)
            continue;
        if (e === EAGAIN)
            return { bytes: -1, fds: [], fdsTruncated: false };
        throw new SysError('recvmsg', e, `fd ${fd}`);
    }
    const fds = [];
    const controlLen = Number(dv.getBigUint64(40, true));
    let off = 0;
    while (off + 16 <= controlLen) {
        const len = Number(dv.getBigUint64(CTRL + off, true));
        if (len < 16 || off + len > controlLen)
            break;
        if (dv.getInt32(CTRL + off + 8, true) === SOL_SOCKET && dv.getInt32(CTRL + off + 12, true) === SCM_RIGHTS) {
            for (let i = 16; i + 4 <= len; i += 4)
                fds.push(dv.getInt32(CTRL + off + i, true));
        }
        off += (len + 7) & ~7;
    }
    if (n > 0)
        buf.set(scratch.u8.subarray(DATA, DATA + n), 0);
    return { bytes: n, fds, fdsTruncated: (dv.getInt32(48, true) & MSG_CTRUNC) !== 0 };
}
//# sourceMappingURL=unix-socket.js.map
/**
 * epoll for threads that may block: engine workers sleeping on kick eventfds when idle,
 * and the control-thread Poller's helper thread. Never call `wait` with a timeout on the
 * main thread: it would stall the event loop.
 */
import { fn, errno, allocNative } from './libc.js';
import { SysError, EINTR } from './errors.js';
export const EPOLLIN = 0x1, EPOLLOUT = 0x4, EPOLLERR = 0x8, EPOLLHUP = 0x10, EPOLLONESHOT = 1 << 30;
const EPOLL_CTL_ADD = 1, EPOLL_CTL_DEL = 2, EPOLL_CTL_MOD = 3, EPOLL_CLOEXEC = 0o2000000;
const EVENT_SIZE = 12; // struct epoll_event is packed on x86-64: u32 events, u64 data
export class Epoll {
    maxEvents;
    fd;
    ev = new Uint8Array(EVENT_SIZE);
    evView = new DataView(this.ev.buffer);
    out;
    outView;
    constructor(maxEvents = 64) {
        this.maxEvents = maxEvents;
        this.fd = fn.epoll_create1(EPOLL_CLOEXEC);
        if (this.fd < 0)
            throw new SysError('epoll_create1', errno());
        this.out = allocNative(maxEvents * EVENT_SIZE);
        this.outView = new DataView(this.out.u8.buffer, this.out.u8.byteOffset, this.out.u8.byteLength);
    }
    ctl(op, fd, events, data) {
        this.evView.setUint32(0, events, true);
        this.evView.setUint32(4, data >>> 0, true);
        this.evView.setUint32(8, 0, true);
        if (fn.epoll_ctl(this.fd, op, fd, this.ev) !== 0)
            throw new SysError('epoll_ctl', errno(), `op ${op} fd ${fd}`);
    }
    /** Watch `fd`; `data` (u32) is reported back by wait (usually the fd itself). */
    add(fd, events = EPOLLIN, data = fd) { this.ctl(EPOLL_CTL_ADD, fd, events, data); }
    modify(fd, events = EPOLLIN, data = fd) { this.ctl(EPOLL_CTL_MOD, fd, events, data); }
    remove(fd) {
        if (fn.epoll_ctl(this.fd, EPOLL_CTL_DEL, fd, this.ev) !== 0) {
            const e = errno();
            if (e !== 2 && e !== 9)
                throw new SysError('epoll_ctl(DEL)', e, `fd ${fd}`); // ENOENT/EBADF: already gone
        }
    }
    /**
     * Wait up to `timeoutMs` (-1 forever). Fills `outData[i]` with the data words and
     * `outEvents[i]` with event masks; returns the count (0 on timeout or EINTR).
     */
    wait(timeoutMs, outData, outEvents) {
        const max = Math.min(this.maxEvents, outData.length);
        const n = fn.epoll_wait(this.fd, this.out.ptr, max, timeoutMs);
        if (n < 0) {
            const e = errno();
            if (e === EINTR)
                return 0;
            throw new SysError('epoll_wait', e);
        }
        for (let i = 0; i < n; i++) {
            outData[i] = this.outView.getUint32(i * EVENT_SIZE + 4, true);
            if (outEvents)
                outEvents[i] = this.outView.getUint32(i * EVENT_SIZE, true);
        }
        return n;
    }
    close() { fn.close(this.fd); }
}
//# sourceMappingURL=epoll.js.map
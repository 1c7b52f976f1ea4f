/**
 * LoopWatch: have the main thread's own libuv loop watch one fd (a uv_poll handle on
 * `uv_default_loop()`, through koffi on the node executable's exported libuv symbols).
 * The thread keeps blocking in libuv's epoll_wait as usual (timers exact, no CPU while
 * idle) and the fd's readiness calls back on this thread: one thread wake, where the
 * Poller (poller.ts) takes two (its helper thread, then a message to this one).
 *
 * The callback runs from libuv's poll phase, outside Node's callback scope, so promise jobs
 * it queues would wait for the next scope: it runs them itself before returning (runJobs).
 * Main thread only; `LoopWatch.available()` says whether this Node exports what it needs
 * (else use the Poller).
 */
import { isMainThread } from 'node:worker_threads';
import { k } from './libc.js';
import { SysError } from './errors.js';
const UV_POLL = 8; // uv_handle_type
const UV_READABLE = 1;
let uv;
function bind() {
    if (uv !== undefined)
        return uv;
    uv = null;
    if (!isMainThread)
        return uv;
    try {
        const self = k.load(null); // the node executable's own symbols
        const pollCb = k.proto('void sluice_uv_poll_cb(void *handle, int status, int events)');
        const closeCb = k.proto('void sluice_uv_close_cb(void *handle)');
        uv = {
            loop: self.func('void *uv_default_loop(void)')(),
            pollSize: Number(self.func('size_t uv_handle_size(int type)')(UV_POLL)),
            init: self.func('int uv_poll_init(void *loop, void *handle, int fd)'),
            start: self.func('int uv_poll_start(void *handle, int events, sluice_uv_poll_cb *cb)'),
            stop: self.func('int uv_poll_stop(void *handle)'),
            close: self.func('void uv_close(void *handle, sluice_uv_close_cb *cb)'),
            pollCb, closeCb,
        };
        if (!(uv.pollSize > 0 && uv.pollSize < 4096))
            uv = null;
    }
    catch {
        uv = null; // a Node without exported libuv symbols
    }
    return uv;
}
const drain = () => { };
/**
 * Run the promise jobs and nextTicks the callback queued, as Node does when a native
 * callback's scope closes (process._tickCallback is that routine); where it is missing, an
 * empty setImmediate gets them run in this loop turn's check phase instead (~40 µs later).
 */
const tick = process._tickCallback;
const runJobs = typeof tick === 'function' ? () => tick.call(process) : () => { setImmediate(drain); };
export class LoopWatch {
    handle;
    cb;
    started = false;
    closed = false;
    /** Whether this thread can use LoopWatch. */
    static available() { return bind() !== null; }
    /** Watch `fd`; `onReadable` runs on this thread each time it is readable while started. */
    constructor(fd, onReadable) {
        const u = bind();
        if (u === null)
            throw new Error('LoopWatch: libuv is not reachable from this thread');
        this.handle = k.alloc('uint8_t', u.pollSize);
        const rc = u.init(u.loop, this.handle, fd);
        if (rc !== 0) {
            k.free(this.handle);
            throw new SysError('uv_poll_init', -rc, `fd ${fd}`);
        }
        this.cb = k.register(() => {
            try {
                onReadable();
            }
            finally {
                runJobs();
            }
        }, k.pointer(u.pollCb));
    }
    /** Report readability (level-triggered) until stop(). */
    start() {
        if (this.started || this.closed)
            return;
        const rc = bind().start(this.handle, UV_READABLE, this.cb);
        if (rc !== 0)
            throw new SysError('uv_poll_start', -rc);
        this.started = true;
    }
    stop() {
        if (!this.started)
            return;
        bind().stop(this.handle);
        this.started = false;
    }
    /** Stop for good; the handle's memory is freed once libuv has closed it. */
    close() {
        if (this.closed)
            return;
        this.stop();
        this.closed = true;
        const u = bind();
        const handle = this.handle, cb = this.cb;
        const onClosed = k.register(() => {
            // Not from inside a callback of its own: unregister and free on the next turn.
            setImmediate(() => { k.unregister(cb); k.unregister(onClosed); k.free(handle); });
        }, k.pointer(u.closeCb));
        u.close(handle, onClosed);
    }
}
//# sourceMappingURL=loop-watch.js.map
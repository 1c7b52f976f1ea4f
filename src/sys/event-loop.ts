/**
 * The main thread's libuv backend fd (`uv_backend_fd(uv_default_loop())`): an epoll fd that
 * is readable whenever the event loop has I/O to run. A caller that blocks in epoll_wait on
 * its own fds plus this one wakes for its fds directly (no helper-thread hop) and still
 * returns as soon as the event loop has I/O: libuv's documented way of embedding its loop in
 * another. Timers and immediates are not fds, so such a wait must be short (core/runner.ts).
 * Returns -1 off the main thread or where Node does not export the libuv symbols.
 */
import { isMainThread } from 'node:worker_threads';
import { k } from './libc.js';

let loopFd: number | undefined;

export function eventLoopFd(): number {
  if (loopFd !== undefined) return loopFd;
  loopFd = -1;
  if (!isMainThread) return loopFd;
  try {
    const self = k.load(null as unknown as string); // the node executable's own symbols
    const uvDefaultLoop = self.func('void *uv_default_loop(void)');
    const uvBackendFd = self.func('int uv_backend_fd(const void *loop)');
    const fd = uvBackendFd(uvDefaultLoop()) as number;
    if (fd >= 0) loopFd = fd;
  } catch { /* a Node without exported libuv symbols: callers use the Poller instead */ }
  return loopFd;
}

/**
 * Readiness of raw fds (sockets, eventfds) for code on the main event loop.
 *
 * Node has no public API to watch an arbitrary fd, so a small helper thread blocks in
 * epoll_wait and posts each ready fd to this thread. Registrations are one-shot: the fd is
 * re-armed only after its callback has run, so a callback never races another report of
 * the same fd, and a callback that did not drain the fd is simply called again.
 */
import { Worker } from 'node:worker_threads';
import { Epoll, EPOLLIN, EPOLLONESHOT } from './epoll.js';
import { eventfd, eventfdWrite } from './eventfd.js';
import { fn } from './libc.js';

type Callback = () => void;

export class Poller {
  private readonly epoll = new Epoll();
  private readonly stopFd = eventfd();
  private readonly callbacks = new Map<number, Callback>();
  private readonly worker: Worker;
  private closed = false;
  /** Whether the thread has loaded (its first message); see the constructor. */
  private loaded = false;

  constructor() {
    this.epoll.add(this.stopFd, EPOLLIN, this.stopFd);
    this.worker = new Worker(new URL('./poller-thread.js', import.meta.url), {
      workerData: { epfd: this.epoll.fd, stopFd: this.stopFd },
    });
    // A thread blocked in epoll_wait cannot be interrupted by Node's teardown, so wake it
    // on the way out or process exit would wait for it forever.
    process.once('exit', () => this.close());
    this.worker.on('message', (fds: number[]) => {
      if (!this.loaded) {
        // The thread's first message (empty) says it has loaded. Until then it stays referenced:
        // Node 24 aborts the whole process when a worker is torn down while it loads a native
        // addon (koffi), which a command that fails right after start-up would otherwise do.
        this.loaded = true;
        if (this.callbacks.size === 0) this.worker.unref();
      }
      for (const fd of fds) {
        const cb = this.callbacks.get(fd);
        if (cb === undefined) continue;
        try { cb(); } catch (e) { console.error('sluice: poller callback failed:', e); }
        if (!this.closed && this.callbacks.get(fd) === cb) this.epoll.modify(fd, EPOLLIN | EPOLLONESHOT, fd);
      }
    });
  }

  /** Call `onReadable` (on this thread) whenever `fd` has data or hung up. */
  add(fd: number, onReadable: Callback): void {
    if (this.callbacks.has(fd)) throw new Error(`poller: fd ${fd} already watched`);
    this.callbacks.set(fd, onReadable);
    this.epoll.add(fd, EPOLLIN | EPOLLONESHOT, fd);
    // Like a libuv handle: a watched fd keeps the process alive, an idle poller does not.
    if (this.callbacks.size === 1) this.worker.ref();
  }

  /** Stop watching `fd` (call before closing it). */
  remove(fd: number): void {
    if (!this.callbacks.delete(fd)) return;
    this.epoll.remove(fd);
    if (this.callbacks.size === 0 && this.loaded) this.worker.unref();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    eventfdWrite(this.stopFd);
    void this.worker.terminate().finally(() => {
      this.epoll.close();
      fn.close(this.stopFd);
    });
  }
}

let shared: Poller | undefined;
/** The process-wide poller (created on first use). */
export function poller(): Poller {
  if (shared === undefined) shared = new Poller();
  return shared;
}

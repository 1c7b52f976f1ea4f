/** Helper thread of Poller: blocks in epoll_wait and posts ready fds to the main thread. */
import { parentPort, workerData } from 'node:worker_threads';
import { fn, allocNative } from './libc.js';

const { epfd, stopFd } = workerData as { epfd: number; stopFd: number };
const MAX = 64, SIZE = 12; // packed struct epoll_event
const events = allocNative(MAX * SIZE); // native memory: the kernel writes it, we read it
const view = new DataView(events.u8.buffer, events.u8.byteOffset, events.u8.byteLength);
parentPort!.postMessage([]); // loaded (the main thread may now let the process exit without waiting for us)
for (;;) {
  const n = fn.epoll_wait(epfd, events.ptr, MAX, -1);
  if (n < 0) continue; // EINTR
  const ready: number[] = [];
  let stop = false;
  for (let i = 0; i < n; i++) {
    const fd = view.getUint32(i * SIZE + 4, true);
    if (fd === stopFd) stop = true;
    else ready.push(fd);
  }
  if (ready.length) parentPort!.postMessage(ready);
  if (stop) break;
}

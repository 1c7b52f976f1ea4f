/**
 * `sluice daemon --handover`: a new daemon takes the vhost-user ports of the running one
 * without the guests seeing a disconnect (drivers/vhost-user/handover.ts).
 *
 * Every daemon serves `<state-dir>/handover.sock` (seqpacket, same permissions as the state
 * directory). The new daemon, with its code loaded, connects and sends "take"; the old one
 * stops every port's rings, sends one message per port (JSON + its fds by SCM_RIGHTS),
 * releases the state directory's lock, sends "done" and exits at once without closing
 * anything gracefully (its copies of the fds go with it; the new process holds the others).
 * The rings stand still from that moment until the new daemon's engine runs, so the new one
 * does not wait for the old process to be gone: at "done" it opens the state and starts its
 * engine (each port of the same socket path adopts what was handed over instead of
 * listening or connecting); only its API socket and metrics address wait for the old
 * process's exit (`exited`), which frees them.
 */
import { join } from 'node:path';
import { unlinkSync } from 'node:fs';
import { closeFd, poller, recvMsg, sendMsg, unixAccept, unixConnect, unixListen } from '../sys/index.js';
import { receivePort, HandoverError, type PortHandover } from '../drivers/vhost-user/index.js';

const BUF = 1 << 16;

export function handoverPath(stateDir: string): string {
  return join(stateDir, 'handover.sock');
}

/**
 * Old side: answer a "take" with `ports()`, call `release` (the state directory's lock) before
 * saying "done", then `exit` (which must not return to the engine).
 */
export function serveHandover(stateDir: string, ports: () => { meta: PortHandover; fds: number[] }[], log: (o: Record<string, unknown>) => void, release: () => void, exit: () => never): { close(): void } {
  const listenFd = unixListen(handoverPath(stateDir), 'seqpacket', { mode: 0o600 });
  const buf = new Uint8Array(BUF);
  poller().add(listenFd, () => {
    for (let fd = unixAccept(listenFd); fd >= 0; fd = unixAccept(listenFd)) {
      const conn = fd;
      poller().add(conn, () => {
        const r = recvMsg(conn, buf);
        for (const f of r.fds) closeFd(f);
        if (r.bytes === -1) return;
        if (r.bytes === 0 || new TextDecoder().decode(buf.subarray(0, r.bytes)) !== 'take') { poller().remove(conn); closeFd(conn); return; }
        const t0 = performance.now();
        const all = ports();
        for (const p of all) send(conn, JSON.stringify(p.meta), p.fds);
        release();
        send(conn, 'done', []);
        log({ event: 'handed-over', ports: all.length, ms: +(performance.now() - t0).toFixed(2) });
        exit();
      });
    }
  });
  return { close() { poller().remove(listenFd); closeFd(listenFd); try { unlinkSync(handoverPath(stateDir)); } catch { /* gone */ } } };
}

function send(fd: number, text: string, fds: number[]): void {
  const data = new TextEncoder().encode(text);
  // The peer reads as fast as it can; a full socket buffer only means wait a moment.
  const nap = new Int32Array(new SharedArrayBuffer(4));
  while (sendMsg(fd, data, fds) < 0) Atomics.wait(nap, 0, 0, 1);
}

/**
 * New side: take the ports of the daemon serving `stateDir`; resolves at its "done" (its lock
 * is free then) with `exited`, which resolves once that process is gone. Throws (a line
 * naming the socket) when no daemon answers there. A port message that does not check out
 * is refused (its fds closed, the reason in `refused`): that port starts afresh.
 */
export async function takeHandover(stateDir: string, timeoutMs = 30_000): Promise<{ ports: string[]; refused: string[]; exited: Promise<void> }> {
  const path = handoverPath(stateDir);
  let fd: number;
  try { fd = unixConnect(path, 'seqpacket'); } catch (e) { throw new Error(`--handover: no daemon to take over from at ${path} (${(e as Error).message})`); }
  const buf = new Uint8Array(BUF);
  const ports: string[] = [];
  const refused: string[] = [];
  // Until "done": messages, read as soon as they come (the rings stand still meanwhile).
  const next = async (end: number, what: string): Promise<ReturnType<typeof recvMsg>> => {
    for (;;) {
      const r = recvMsg(fd, buf);
      if (r.bytes >= 0) return r;
      if (Date.now() > end) throw new Error(`--handover: the daemon at ${path} did not ${what} within ${timeoutMs / 1000} s`);
      await new Promise((res) => setTimeout(res, 1));
    }
  };
  try {
    send(fd, 'take', []);
    for (const end = Date.now() + timeoutMs; ;) {
      const r = await next(end, 'hand over');
      if (r.bytes === 0) throw new Error(`--handover: the daemon at ${path} exited before handing over`);
      if (r.fdsTruncated) throw new Error('--handover: fds were lost in transit (too many for one message)');
      const text = new TextDecoder().decode(buf.subarray(0, r.bytes));
      if (text === 'done') break;
      try { ports.push(receivePort(text, r.fds)); } catch (e) { if (!(e instanceof HandoverError)) throw e; refused.push(e.message); }
    }
  } catch (e) {
    closeFd(fd);
    throw e;
  }
  // The end of the stream is the old process's exit (its copy of the connection closes then).
  const exited = (async () => {
    try {
      for (let r = await next(Date.now() + timeoutMs, 'exit'); r.bytes !== 0; r = await next(Date.now() + timeoutMs, 'exit')) for (const f of r.fds) closeFd(f);
    } finally { closeFd(fd); }
  })();
  return { ports, refused, exited };
}

/**
 * `sluice daemon --handover`: a new daemon takes the vhost-user ports of the running one
 * without the guests seeing a disconnect (drivers/vhost-user/handover.ts).
 *
 * Every daemon serves `<state-dir>/handover.sock` (seqpacket, same permissions as the state
 * directory). The new daemon, with its code loaded, connects and sends "take"; the old one
 * stops every port's rings, sends one message per port (JSON + its fds by SCM_RIGHTS), then
 * "done", and exits at once without closing anything gracefully (its copies of the fds go
 * with it; the new process holds the others). The new daemon waits for that exit (the state
 * directory's lock is then free), opens the state and starts: each port of the same socket
 * path adopts what was handed over instead of listening or connecting.
 */
import { join } from 'node:path';
import { unlinkSync } from 'node:fs';
import { closeFd, poller, recvMsg, sendMsg, unixAccept, unixConnect, unixListen } from '../sys/index.js';
import { receivePort, HandoverError, type PortHandover } from '../drivers/vhost-user/index.js';

const BUF = 1 << 16;

export function handoverPath(stateDir: string): string {
  return join(stateDir, 'handover.sock');
}

/** Old side: answer a "take" with `ports()`, then call `exit` (which must not return to the engine). */
export function serveHandover(stateDir: string, ports: () => { meta: PortHandover; fds: number[] }[], log: (o: Record<string, unknown>) => void, exit: () => never): { close(): void } {
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
 * New side: take the ports of the daemon serving `stateDir`; resolves once it has exited.
 * Throws (a line naming the socket) when no daemon answers there. A port message that does
 * not check out is refused (its fds closed, the reason in `refused`): that port starts afresh.
 */
export async function takeHandover(stateDir: string, timeoutMs = 30_000): Promise<{ ports: string[]; refused: string[] }> {
  const path = handoverPath(stateDir);
  let fd: number;
  try { fd = unixConnect(path, 'seqpacket'); } catch (e) { throw new Error(`--handover: no daemon to take over from at ${path} (${(e as Error).message})`); }
  const buf = new Uint8Array(BUF);
  const ports: string[] = [];
  const refused: string[] = [];
  try {
    send(fd, 'take', []);
    let done = false;
    for (const end = Date.now() + timeoutMs; ;) {
      const r = recvMsg(fd, buf);
      if (r.bytes === 0) break; // the old daemon exited
      if (r.bytes < 0) {
        if (Date.now() > end) throw new Error(`--handover: the daemon at ${path} did not ${done ? 'exit' : 'hand over'} within ${timeoutMs / 1000} s`);
        await new Promise((res) => setTimeout(res, 1));
        continue;
      }
      if (r.fdsTruncated) throw new Error('--handover: fds were lost in transit (too many for one message)');
      const text = new TextDecoder().decode(buf.subarray(0, r.bytes));
      if (text === 'done') { done = true; continue; }
      try { ports.push(receivePort(text, r.fds)); } catch (e) { if (!(e instanceof HandoverError)) throw e; refused.push(e.message); }
    }
    if (!done) throw new Error(`--handover: the daemon at ${path} exited before handing over`);
  } finally {
    closeFd(fd);
  }
  return { ports, refused };
}

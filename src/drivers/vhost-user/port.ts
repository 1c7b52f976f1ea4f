/**
 * One vhost-user backend port: the socket (server: listen + accept one frontend at a time;
 * client: connect, reconnecting with exponential backoff 100 ms → 2 s), the protocol handler,
 * the net device and the per-burst data path entry points used by the App wrapper.
 *
 * Control runs on the main thread through the Poller; the data path (`dequeue`, `enqueue`,
 * `forwardTo`) runs on the same thread between control callbacks, so no locking is needed.
 * Polling vs sleeping: a ring that yields packets asks the guest not to kick
 * (disableNotification), and kicks stay off while the engine polls, even across empty polls
 * (as DPDK's vhost PMD: a kick costs the guest an eventfd write per burst). The owner
 * re-enables them before it sleeps on `kickFds()` (VhostUserApp.idle), then polls once more.
 */
import { closeFd, eventfdWrite, poller, unixAccept, unixConnect, unixListen } from '../../sys/index.js';
import { unlinkSync } from 'node:fs';
import { BackendHandler } from '../../vhost-user/backend-handler.js';
import { MessageReader, sendMessage } from '../../vhost-user/endpoint.js';
import { VhostUserError, requestName } from '../../vhost-user/message.js';
import { VhostNetDevice, type Ring } from './device.js';
import type { PoolView } from './net-io.js';

export interface VhostUserPortOptions {
  path: string;
  /** Connect to a listening frontend (QEMU server mode) instead of listening. */
  client?: boolean;
  queuePairs?: number;
  /** Socket file mode (server), e.g. 0o660, and group name or gid. */
  mode?: number;
  group?: string | number;
  /** Largest frame (bytes, without virtio-net header) accepted from or sent to a guest. */
  maxFrame?: number;
  log?: (msg: string) => void;
}

export class VhostUserPort {
  readonly device: VhostNetDevice;
  private handler: BackendHandler;
  private readonly reader = new MessageReader();
  private listenFd = -1;
  private connFd = -1;
  private stopped = false;
  private backoffMs = 100;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private seenGeneration = -1;
  /** Live rings, rebuilt when the device generation changes. */
  private txRings: Ring[] = [];
  private rxRings: Ring[] = [];
  private rxNext = 0;
  readonly log: (msg: string) => void;
  /** Connections accepted/established and lost (counters). */
  connects = 0;
  disconnects = 0;
  /** Set by the owner to learn about (dis)connections. */
  onStateChange: (connected: boolean) => void = () => {};

  constructor(readonly opts: VhostUserPortOptions) {
    this.log = opts.log ?? ((m) => console.error(`sluice: ${opts.path}: ${m}`));
    this.device = new VhostNetDevice(opts.queuePairs ?? 1, opts.maxFrame ?? 9216 + 14, this.log);
    this.handler = this.newHandler();
  }

  private newHandler(): BackendHandler {
    return new BackendHandler(this.device, closeFd, this.log);
  }

  get connected(): boolean {
    return this.connFd >= 0;
  }

  /** Start listening or connecting (control path). */
  start(): void {
    if (this.opts.client) {
      this.tryConnect();
    } else {
      this.listenFd = unixListen(this.opts.path, 'stream', { mode: this.opts.mode, group: this.opts.group });
      poller().add(this.listenFd, () => this.onAccept());
    }
  }

  private onAccept(): void {
    for (;;) {
      const fd = unixAccept(this.listenFd);
      if (fd < 0) return;
      if (this.connFd >= 0) {
        this.log('second frontend connection refused (one frontend per port)');
        closeFd(fd);
        continue;
      }
      this.attach(fd);
    }
  }

  private tryConnect(): void {
    this.reconnectTimer = null;
    if (this.stopped) return;
    let fd: number;
    try {
      fd = unixConnect(this.opts.path, 'stream');
    } catch (e) {
      if (this.backoffMs === 100 || this.backoffMs >= 2000) this.log(`connect failed (${(e as Error).message}); retrying every ≤ 2 s`);
      this.reconnectTimer = setTimeout(() => this.tryConnect(), this.backoffMs);
      this.backoffMs = Math.min(this.backoffMs * 2, 2000);
      return;
    }
    this.backoffMs = 100;
    this.attach(fd);
  }

  private attach(fd: number): void {
    this.connFd = fd;
    this.handler = this.newHandler();
    this.connects++;
    poller().add(fd, () => this.onMessage());
    this.onStateChange(true);
  }

  private onMessage(): void {
    const fd = this.connFd;
    if (fd < 0) return;
    for (;;) {
      let r;
      try {
        r = this.reader.read(fd);
        if (r === 'again') return;
        if (r === 'closed') {
          this.drop('frontend closed the connection');
          return;
        }
        const h = this.reader.header;
        const reply = this.handler.handle(h, this.reader.payload, this.reader.takeFds());
        if (reply) sendMessage(fd, reply);
      } catch (e) {
        if (e instanceof VhostUserError) this.drop(`${e.kind}: ${e.message}`);
        else this.drop(`error handling ${requestName(this.reader.header.request)}: ${(e as Error).stack}`);
        return;
      }
    }
  }

  /** Drop the connection: close fds, unmap memory; reconnect (client) or wait (server). */
  private drop(reason: string): void {
    if (this.connFd < 0) return;
    this.log(`disconnected: ${reason}`);
    poller().remove(this.connFd);
    closeFd(this.connFd);
    this.connFd = -1;
    this.reader.reset();
    this.device.disconnect();
    this.disconnects++;
    this.onStateChange(false);
    if (this.opts.client && !this.stopped) this.reconnectTimer = setTimeout(() => this.tryConnect(), this.backoffMs);
  }

  /** Stop everything; removes the socket file in server mode. */
  stop(): void {
    this.stopped = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.drop('port stopped');
    if (this.listenFd >= 0) {
      poller().remove(this.listenFd);
      closeFd(this.listenFd);
      this.listenFd = -1;
      try { unlinkSync(this.opts.path); } catch { /* already gone */ }
    }
  }

  /** Rebuild the live ring lists if control changed anything (cheap check per burst). */
  refresh(): void {
    const d = this.device;
    d.checkQuarantine();
    if (d.generation === this.seenGeneration) return;
    this.seenGeneration = d.generation;
    const tx: Ring[] = [];
    const rx: Ring[] = [];
    for (let i = 0; i < d.numRings; i++) {
      const r = d.rings[i]!;
      if (!r.live) continue;
      if ((i & 1) === 1) tx.push(r);
      else rx.push(r);
    }
    this.txRings = tx;
    this.rxRings = rx;
    // Polling: no kicks on any ring (TX rings get them back before a sleep, see above; RX
    // kicks are never needed, a full guest RX ring drops instead of waiting). Busy bursts
    // repeat the store on the rings they touch.
    for (let i = 0; i < tx.length; i++) tx[i]!.queue.disableNotification();
    for (let i = 0; i < rx.length; i++) rx[i]!.queue.disableNotification();
  }

  /** Ask the guest to kick on TX again (before the owner sleeps on kickFds()). */
  enableKicks(): void {
    this.refresh();
    for (let i = 0; i < this.txRings.length; i++) this.txRings[i]!.queue.enableNotification();
  }

  /** Kick eventfds of live TX rings (an idle engine may sleep on them). */
  kickFds(): number[] {
    this.refresh();
    const out: number[] = [];
    for (const r of this.txRings) if (r.kickFd >= 0) out.push(r.kickFd);
    return out;
  }

  /** Guest TX → pool packets. Returns how many were written to `out`. */
  dequeue(pool: PoolView, out: Uint32Array, max: number): number {
    this.refresh();
    const mem = this.device.memory;
    const rings = this.txRings;
    if (mem === null || rings.length === 0) return 0;
    const io = this.device.io;
    let n = 0;
    for (let i = 0; i < rings.length && n < max; i++) {
      const r = rings[i]!;
      const got = io.dequeueFromGuest(r.queue, mem, pool, n === 0 ? out : out.subarray(n), max - n);
      if (io.notifyNeeded && r.callFd >= 0) eventfdWrite(r.callFd);
      if (got !== 0) r.queue.disableNotification();
      n += got;
    }
    return n;
  }

  /** Pool packets → guest RX; consumes (frees) all `n`. Returns how many were delivered. */
  enqueue(pool: PoolView, pkts: Uint32Array, n: number): number {
    const mem = this.device.memory;
    const rings = this.rxRings;
    const io = this.device.io;
    if (mem === null || rings.length === 0) {
      for (let i = 0; i < n; i++) pool.free(pkts[i]!);
      io.noGuestBuffer += n;
      return 0;
    }
    const r = rings.length === 1 ? rings[0]! : rings[this.rxNext++ % rings.length]!;
    const got = io.enqueueToGuest(r.queue, mem, pool, pkts, n);
    if (io.notifyNeeded && r.callFd >= 0) eventfdWrite(r.callFd);
    if (got !== 0) r.queue.disableNotification();
    return got;
  }

  /** Single-copy guest→guest: up to `max` frames from this port's guest TX into `dst`'s guest RX. */
  forwardTo(dst: VhostUserPort, max: number): number {
    this.refresh();
    dst.refresh();
    const smem = this.device.memory;
    const dmem = dst.device.memory;
    const rings = this.txRings;
    if (smem === null || rings.length === 0) return 0;
    const sio = this.device.io;
    const dio = dst.device.io;
    const drings = dst.rxRings;
    let n = 0;
    for (let i = 0; i < rings.length && n < max; i++) {
      const r = rings[i]!;
      let got: number;
      if (dmem === null || drings.length === 0) {
        // Destination not attached: drain and drop (a switch port with no peer).
        got = sio.dequeueDrop(r.queue, smem, max - n);
        dio.noGuestBuffer += got;
      } else {
        const d = drings.length === 1 ? drings[0]! : drings[dst.rxNext++ % drings.length]!;
        got = sio.forwardGuestToGuest(r.queue, smem, dio, d.queue, dmem, max - n);
        if (dio.notifyNeeded && d.callFd >= 0) eventfdWrite(d.callFd);
        if (got !== 0) d.queue.disableNotification();
      }
      if (sio.notifyNeeded && r.callFd >= 0) eventfdWrite(r.callFd);
      if (got !== 0) r.queue.disableNotification();
      n += got;
    }
    return n;
  }
}

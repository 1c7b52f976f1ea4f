/**
 * One vhost-user backend port: the socket (server: listen + accept one frontend at a time;
 * client: connect, reconnecting with exponential backoff 100 ms → 2 s), the protocol handler,
 * the net device and the per-burst data path entry points used by the App wrapper.
 *
 * Control runs on the main thread through the Poller; the data path (`dequeue`, `enqueue`,
 * `forwardTo`, ring-set.ts) runs on the same thread between control callbacks, so no
 * locking is needed. With `workers: N` the queue pairs are served by worker engines instead
 * (pair q on worker q mod N, queue-share.ts): each batch of control messages first takes
 * the rings back from them and offers them again afterwards.
 */
import { closeFd, eventfd, eventfdWrite, poller, unixAccept, unixConnect, unixListen } from '../../sys/index.js';
import { unlinkSync } from 'node:fs';
import { BackendHandler } from '../../vhost-user/backend-handler.js';
import { MessageReader, sendMessage } from '../../vhost-user/endpoint.js';
import { FrontendReq, VhostUserError, requestName } from '../../vhost-user/message.js';
import { VhostNetDevice, type NetAttributes, type Ring } from './device.js';
import type { PoolView } from './net-io.js';
import { RingSet } from './ring-set.js';
import { QueueError } from '../../virtio/split/queue-errors.js';
import { QueueShareHost } from './queue-share.js';
import { takeAdoption, type PortHandover } from './handover.js';

/** Requests that change nothing the data path uses (no need to take the rings back from workers). */
const QUERIES: ReadonlySet<number> = new Set([
  FrontendReq.GET_FEATURES, FrontendReq.GET_PROTOCOL_FEATURES, FrontendReq.GET_QUEUE_NUM, FrontendReq.GET_STATUS,
  FrontendReq.GET_CONFIG, FrontendReq.GET_MAX_MEM_SLOTS, FrontendReq.SET_OWNER, FrontendReq.SET_PROTOCOL_FEATURES,
  FrontendReq.SEND_RARP,
]);

export interface VhostUserPortOptions {
  path: string;
  /** Connect to a listening frontend (QEMU server mode) instead of listening. */
  client?: boolean;
  queuePairs?: number;
  /** Serve the queue pairs on this many worker engines (pair q on worker q mod N) instead of here. */
  workers?: number;
  /** Socket file mode (server), e.g. 0o660, and group name or gid. */
  mode?: number;
  group?: string | number;
  /** Largest frame (bytes, without virtio-net header) accepted from or sent to a guest. */
  maxFrame?: number;
  /** Offer checksum offload and TSO (default false). */
  offloads?: boolean;
  /** The guest NIC's MAC (anti-spoofing) and MTU (VIRTIO_NET_F_MTU). */
  attrs?: NetAttributes;
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
  /** The live rings served on this thread (call refresh() first in a burst). */
  readonly rings: RingSet;
  /** Worker engines serving queue pairs (`workers` option): one share each. */
  readonly shares: QueueShareHost[] = [];
  /** 1 for rings a worker serves. */
  private readonly remote: Uint8Array;
  private pauseDepth = 0;
  readonly log: (msg: string) => void;
  /** Connections accepted/established and lost (counters). */
  connects = 0;
  disconnects = 0;
  /** Set by the owner to learn about (dis)connections. */
  onStateChange: (connected: boolean) => void = () => {};
  /**
   * Written when control changed the rings (started, stopped, moved) or asked for an
   * announce (SEND_RARP): an engine asleep on the old kick fds wakes at once (and sleeps next
   * on the new ones) instead of after its longest sleep — a reconnection's first frames, a
   * migrated guest's MAC move.
   */
  changedFd = eventfd();

  constructor(readonly opts: VhostUserPortOptions) {
    this.log = opts.log ?? ((m) => console.error(`sluice: ${opts.path}: ${m}`));
    this.device = new VhostNetDevice(opts.queuePairs ?? 1, opts.maxFrame ?? 9216 + 14, this.log, opts.offloads ?? false, opts.attrs);
    this.handler = this.newHandler();
    this.rings = new RingSet(this.device.io);
    this.remote = new Uint8Array(this.device.numRings);
    const w = Math.min(opts.workers ?? 0, this.device.queuePairs);
    for (let k = 0; k < w; k++) {
      const rings: number[] = [];
      for (let q = k; q < this.device.queuePairs; q += w) rings.push(2 * q, 2 * q + 1);
      for (const r of rings) this.remote[r] = 1;
      this.shares.push(new QueueShareHost(rings, opts.maxFrame ?? 9216 + 14, this.log));
    }
  }

  /**
   * Take the rings back from the workers before changing device state (blocking handshake,
   * nested calls count); resumeWorkers() offers them again with the new state.
   */
  private pauseWorkers(): void {
    if (this.pauseDepth++ > 0) return;
    for (const s of this.shares) {
      if (!s.pause()) continue;
      s.restoreInto((i) => this.device.rings[i]!.queue);
      // A quarantine the worker found was logged and counted there (its counters reach the
      // port's): the main thread must not report it again.
      for (const i of s.rings) if (this.device.rings[i]!.queue.error !== QueueError.NONE) this.device.rings[i]!.reported = true;
    }
  }

  private resumeWorkers(): void {
    if (--this.pauseDepth > 0) return;
    const snap = this.device.snapshot();
    for (const s of this.shares) s.publish(snap);
  }

  private newHandler(): BackendHandler {
    return new BackendHandler(this.device, closeFd, this.log);
  }

  get connected(): boolean {
    return this.connFd >= 0;
  }

  /** Start listening or connecting (control path), or take over the port another process handed over. */
  start(): void {
    const a = takeAdoption(this.opts.path);
    if (a !== undefined && this.adopt(a.meta, a.fds)) return;
    if (this.opts.client) {
      this.tryConnect();
    } else {
      this.listenFd = unixListen(this.opts.path, 'stream', { mode: this.opts.mode, group: this.opts.group });
      poller().add(this.listenFd, () => this.onAccept());
    }
  }

  /**
   * Adopt a handed-over port: its listening socket, its connection and the device state on
   * it. Returns false (fds closed) when the port changed shape since (queue pairs, role).
   */
  private adopt(m: PortHandover, fds: number[]): boolean {
    const fd = (i: number) => (i < 0 ? -1 : fds[i]!);
    if (m.rings.length !== this.device.numRings || (m.listenFd >= 0) === !!this.opts.client) {
      this.log(`hand-over: the port changed since (queue pairs or role); starting it afresh`);
      for (const f of fds) closeFd(f);
      return false;
    }
    if (m.listenFd >= 0) {
      this.listenFd = fd(m.listenFd);
      poller().add(this.listenFd, () => this.onAccept());
    }
    if (m.connFd >= 0) {
      try {
        this.device.adopt(m, fds);
      } catch (e) {
        // The frontend sees a disconnect and reconnects (or is reconnected) as after a restart.
        this.log(`hand-over: cannot take over the connection (${(e as Error).message}); dropping it`);
        closeFd(fd(m.connFd));
        this.device.disconnect();
        if (this.opts.client) this.tryConnect();
        return true;
      }
      this.attach(fd(m.connFd));
      this.handler.restore(BigInt(m.features), BigInt(m.protocolFeatures));
      const snap = this.device.snapshot();
      for (const s of this.shares) s.publish(snap);
      this.log(`hand-over: took over the connection (rings resume at ${m.rings.map((r) => r.nextAvail).join('/')})`);
    } else if (this.opts.client) {
      this.tryConnect();
    }
    return true;
  }

  /**
   * Hand this port over to another process (handover.ts): stop the rings where they are and
   * list the fds. This process must not touch the port again (it exits).
   */
  handOver(): { meta: PortHandover; fds: number[] } {
    this.pauseWorkers(); // never resumed
    this.stopped = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const fds: number[] = [];
    const idx = (f: number) => (f < 0 ? -1 : fds.push(f) - 1);
    const listenFd = idx(this.listenFd), connFd = idx(this.connFd);
    const dev = connFd >= 0 ? this.device.handOver(fds) : { features: '0x0', protocolFeatures: '0x0', status: 0, frontendMtu: 0, regions: [], rings: this.device.rings.map(() => ({ num: 0, addr: null, nextAvail: 0, nextUsed: 0, enabled: false, started: false, kickFd: -1, callFd: -1, errFd: -1 })), log: null };
    return { meta: { path: this.opts.path, listenFd, connFd, ...dev }, fds };
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
    this.log('connected');
    poller().add(fd, () => this.onMessage());
    this.onStateChange(true);
  }

  private onMessage(): void {
    const fd = this.connFd;
    if (fd < 0) return;
    // One pause of the workers for the whole batch of messages waiting on the socket, and
    // none for queries: a frontend that only asks cannot make the workers stall.
    let paused = false;
    const generation = this.device.generation;
    try {
      this.readMessages(fd, (request) => { if (!paused && !QUERIES.has(request)) { paused = true; this.pauseWorkers(); } });
    } finally {
      if (paused) this.resumeWorkers();
      if ((this.device.generation !== generation || this.device.pendingRarp !== null) && !this.stopped) eventfdWrite(this.changedFd);
    }
  }

  private readMessages(fd: number, beforeHandling: (request: number) => void): void {
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
        beforeHandling(h.request);
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
    this.pauseWorkers();
    this.device.disconnect();
    this.resumeWorkers();
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
    for (const s of this.shares) s.close();
    if (this.changedFd >= 0) closeFd(this.changedFd);
    this.changedFd = -1;
  }

  /** Rebuild the live local ring list if control changed anything (cheap check per burst). */
  refresh(): void {
    const d = this.device;
    d.checkQuarantine();
    if (d.generation === this.seenGeneration) return;
    this.seenGeneration = d.generation;
    const tx: Ring[] = [];
    const rx: Ring[] = [];
    for (let i = 0; i < d.numRings; i++) {
      const r = d.rings[i]!;
      if (!r.live || this.remote[i] === 1) continue;
      if ((i & 1) === 1) tx.push(r);
      else rx.push(r);
    }
    this.rings.set(d.memory, tx, rx);
  }

  /** Ask the guest to kick on TX again (before the owner sleeps on kickFds()). */
  enableKicks(): void {
    this.refresh();
    this.rings.enableKicks();
  }

  /** Kick eventfds of the live TX rings served here (an idle engine may sleep on them). */
  kickFds(): number[] {
    this.refresh();
    return this.rings.kickFds();
  }

  /** Guest TX → pool packets. Returns how many were written to `out`. */
  dequeue(pool: PoolView, out: Uint32Array, max: number): number {
    this.refresh();
    return this.rings.dequeue(pool, out, max);
  }

  /** Pool packets → guest RX; consumes (frees) all `n`. Returns how many were delivered. */
  enqueue(pool: PoolView, pkts: Uint32Array, n: number): number {
    return this.rings.enqueue(pool, pkts, n);
  }

  /** Single-copy guest→guest: up to `max` frames from this port's guest TX into `dst`'s guest RX. */
  forwardTo(dst: VhostUserPort, max: number): number {
    this.refresh();
    dst.refresh();
    return this.rings.forwardTo(dst.rings, max);
  }
}

/**
 * TAP port (`tap:NAME[,queues=N]`): a Linux TAP device created (or attached to, if it
 * exists) by Sluice, set up, offloads off, one non-blocking fd per queue.
 *
 *   kernel stack ──tap fd read()──► pool packet ──► output
 *   input ──► write() on queue 0's fd ──► kernel stack
 *
 * A TAP device has no ring, so each frame costs one read(2) or write(2) (vhost-net would
 * remove that; out of scope). Reads go straight into the pool buffer at its native address
 * (sys/fd-io: no view per packet), in bounded bursts that stop at EAGAIN; one spare packet
 * is kept across pulls so an empty read does not cost an alloc/free pair.
 *
 * State: `up`, or `down` with a reason — open failed (permission, busy, not a TAP device),
 * interface down (seen with SIOCGIFFLAGS while the device is in Sluice's namespace, or as
 * EIO from write(2) wherever it is). Packets the device refuses while down are dropped as
 * `port_down`; the first write that succeeds brings the port back, and `tick()` re-checks
 * flags once a second and retries a device that failed to open. The fds stay valid when the device is moved to another network namespace.
 */
import { App, type AppContext } from '../../core/app.js';
import type { Link } from '../../core/link.js';
import { DROP_BASE, RX_BYTES, RX_PACKETS, TX_BYTES, TX_PACKETS } from '../../core/counters.js';
import { DropReason } from '../../core/drop-reasons.js';
import {
  checkIfName, openTap, setIfUp, ifIndex, ifFlags, IFF_UP, addressOf, readAt, writeAt, closeFd, SysError, MAX_TAP_QUEUES,
} from '../../sys/index.js';
import { PortState } from '../af-packet/port-state.js';
import { reasonOf } from '../af-packet/af-packet.js';

export interface TapArgs {
  /** Device name (created if absent). */
  ifname: string;
  /** Queues (fds); more than one needs a multi-queue device. Default 1. */
  queues?: number;
  /** Set the device up after opening (default true). */
  up?: boolean;
  /** Frames per pull (default 64, at most the output link's room). */
  burst?: number;
}

export const tapSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['ifname'],
  properties: {
    ifname: { type: 'string', minLength: 1, maxLength: 15 },
    queues: { type: 'integer', minimum: 1, maximum: MAX_TAP_QUEUES },
    up: { type: 'boolean' },
    burst: { type: 'integer', minimum: 1, maximum: 1023 },
  },
};

const EAGAIN = 11, EINTR = 4, EIO = 5, EBADFD = 77, ENOBUFS = 105;
const CHECK_MS = 1000;
const DOWN = 'interface is down';

export class TapPort extends App {
  readonly ifname: string;
  readonly state: PortState;
  private readonly args: TapArgs;
  private readonly burst: number;
  private fds: number[] = [];
  private rr = 0;
  private out: Link | undefined;
  private in: Link | undefined;
  /** Native address of pool.data[0]. */
  private readonly base: number;
  /** A packet allocated for the next read, or -1. */
  private spare = -1;
  private nextCheck = 0;
  /** Device name the kernel confirmed. */
  deviceName = '';
  multiQueue = false;
  /** Reads/writes that failed with something other than EAGAIN. */
  readErrors = 0;
  writeErrors = 0;

  constructor(ctx: AppContext, args: TapArgs) {
    super(ctx);
    checkIfName(args.ifname);
    this.ifname = args.ifname;
    this.args = args;
    this.burst = args.burst ?? 64;
    this.base = addressOf(this.pool.data);
    this.state = new PortState(`${ctx.name} (tap ${args.ifname})`);
    this.open();
  }

  private open(): void {
    try {
      const t = openTap(this.ifname, this.args.queues ?? 1);
      this.fds = t.fds;
      this.deviceName = t.name;
      this.multiQueue = t.multiQueue;
    } catch (e) {
      if (!(e instanceof SysError) && !(e instanceof RangeError)) throw e;
      this.state.setDown(reasonOf(e));
      return;
    }
    if (this.args.up ?? true) {
      try { setIfUp(this.deviceName, true); } catch (e) { this.state.setDown(`cannot set up: ${reasonOf(e)}`); return; }
    }
    this.state.setUp();
  }

  private close(): void {
    for (const fd of this.fds) closeFd(fd);
    this.fds = [];
  }

  /** Control path: re-evaluate the device once a second. */
  private check(): void {
    if (this.fds.length === 0) { this.open(); return; }
    let visible = 0;
    try { visible = ifIndex(this.deviceName); } catch { visible = 0; }
    if (visible === 0) return; // in another namespace: write(2) results decide (EIO = down)
    let flags = 0;
    try { flags = ifFlags(this.deviceName); } catch { return; }
    if ((flags & IFF_UP) === 0) this.state.setDown(DOWN);
    else this.state.setUp();
  }

  override linked(): void { this.out = this.output.output; this.in = this.input.input; }

  override pull(): void {
    const out = this.out;
    const fds = this.fds;
    const nq = fds.length;
    if (out === undefined || nq === 0) return;
    let budget = out.nwritable();
    if (budget > this.burst) budget = this.burst;
    const pool = this.pool, c = this.counters, base = this.base, max = pool.maxLen;
    for (let i = 0; i < nq && budget > 0; i++) {
      const fd = fds[(this.rr + i) % nq]!;
      while (budget > 0) {
        let p = this.spare;
        if (p < 0) {
          p = pool.alloc();
          if (p < 0) { c[DROP_BASE + DropReason.NO_BUFFER]++; return; }
          this.spare = p;
        }
        const n = readAt(fd, base + pool.start(p), max);
        if (n <= 0) {
          if (n !== -EAGAIN && n !== -EINTR) this.readFailed(-n);
          break;
        }
        this.spare = -1;
        budget--;
        c[RX_PACKETS]++;
        c[RX_BYTES] += n;
        // TRUST: 0 < n ≤ max: read(2) never returns more than asked (a frame longer than a
        // buffer — MTU above pool.maxLen — arrives truncated; keep the MTU below it).
        pool.len[p] = n;
        out.transmit(p);
      }
    }
    this.rr = (this.rr + 1) % nq;
  }

  private readFailed(e: number): void {
    this.readErrors++;
    if (e === EBADFD) { this.state.setDown(`read failed: errno ${e} (device detached)`); this.nextCheck = 0; }
  }

  override push(): void {
    const l = this.in;
    if (l === undefined || l.empty()) return;
    const pool = this.pool, c = this.counters, base = this.base;
    if (this.fds.length === 0) {
      while (!l.empty()) this.drop(l.receive(), DropReason.PORT_DOWN);
      return;
    }
    // Writes are attempted while down too: a write to a down TAP fails cheaply with EIO, and
    // the first one that succeeds brings the port back at once (no 1 s wait).
    const fd = this.fds[0]!;
    while (!l.empty()) {
      const p = l.receive();
      const len = pool.len[p]!;
      const n = writeAt(fd, base + pool.start(p), len);
      if (n === len) {
        c[TX_PACKETS]++;
        c[TX_BYTES] += len;
        pool.free(p);
        if (!this.state.up) this.state.setUp();
        continue;
      }
      if (n === -EIO) {
        this.drop(p, DropReason.PORT_DOWN);
        if (this.state.up) this.state.setDown(DOWN);
        continue;
      }
      this.writeErrors++;
      this.drop(p, n === -EAGAIN || n === -ENOBUFS ? DropReason.PEER_NO_BUFFER : DropReason.BAD_DESCRIPTOR);
    }
  }

  override tick(now: number): void {
    if (now < this.nextCheck) return;
    this.nextCheck = now + CHECK_MS;
    this.check();
  }

  override wakeFds(): number[] { return this.fds.slice(); }

  override stop(): void {
    if (this.spare >= 0) { this.pool.free(this.spare); this.spare = -1; }
    this.close();
  }

  override reconfig(): boolean { return false; }

  override report(): Record<string, unknown> {
    return {
      ...this.state.report(), ifname: this.deviceName || this.ifname, queues: this.fds.length, multiQueue: this.multiQueue,
      readErrors: this.readErrors, writeErrors: this.writeErrors,
    };
  }
}

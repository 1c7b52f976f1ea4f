/**
 * `memif` port app: a MemifPort (control socket, regions, rings) in the engine.
 *
 *        peer ──► rx rings ──► pull() ──► output "output"   (counters rx = from the peer)
 *        peer ◄── tx rings ◄── push() ◄── input  "input"    (counters tx = to the peer)
 *
 * Sluice server = memif master (listens; maps the regions the client sends); client =
 * slave (connects; creates region 0 with rings and buffers). Rx rings are C2S as server,
 * S2C as client; tx rings the other way round.
 *
 * Args (port string `memif:PATH[,role=server|client][,id=N][,secret=S][,queues=N]
 * [,ring-size=N][,buffer-size=N][,abstract]`): path, role (default server, as DPDK),
 * id (default 0), secret (≤ 24 bytes), queues (1..255), ringSize (power of two, 2..16384,
 * default 1024), bufferSize (default 2048), abstract (PATH is a Linux abstract socket name,
 * DPDK's default `socket-abstract=yes`).
 */
import { App, type AppContext } from '../../core/app.js';
import type { Link } from '../../core/link.js';
import { RX_BYTES, RX_PACKETS, TX_BYTES, TX_PACKETS, DROP_BASE, BUSY_POLLS, IDLE_POLLS, REFUSED, COPIED } from '../../core/counters.js';
import { GSO_MAX_SEGS } from '../../lib/offload/gso.js';
import { words } from '../../lib/offload/copy-words.js';
import { OffloadTx } from '../offload/offload-tx.js';
import { DropReason } from '../../core/drop-reasons.js';
import { MemifPort } from './port.js';

export interface MemifArgs {
  path: string;
  role?: 'server' | 'client';
  id?: number;
  secret?: string;
  queues?: number;
  ringSize?: number;
  bufferSize?: number;
  abstract?: boolean;
  /** Handshake timeout in ms (default 5000). */
  handshakeMs?: number;
}

export const memifSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['path'],
  properties: {
    path: { type: 'string', minLength: 1, maxLength: 106 },
    role: { enum: ['server', 'client'] },
    id: { type: 'integer', minimum: 0, maximum: 0xffffffff },
    secret: { type: 'string', maxLength: 24 },
    queues: { type: 'integer', minimum: 1, maximum: 255 },
    ringSize: { type: 'integer', minimum: 2, maximum: 16384 },
    bufferSize: { type: 'integer', minimum: 64, maximum: 65535 },
    abstract: { type: 'boolean' },
    handshakeMs: { type: 'integer', minimum: 10, maximum: 600000 },
  },
};

const BURST = 128;
const TX_BURST = 32;

export class MemifApp extends App {
  readonly port: MemifPort;
  private out: Link | undefined;
  private in: Link | undefined;
  private readonly burst = new Uint32Array(BURST);
  /** A burst, with room for one super-frame's segments beyond it. */
  private readonly txBurst = new Uint32Array(TX_BURST + GSO_MAX_SEGS);
  /**
   * A memif peer has no offload metadata: super-frames are cut here at the last moment into
   * pool packets (the extra segments counted as `copied`; `offloads.segmentsLost` those the
   * pool had no buffer for).
   */
  override superFrames = 'send' as const;
  private readonly offloadTx: OffloadTx;
  private segmentsLost = 0;

  constructor(ctx: AppContext, args: MemifArgs) {
    super(ctx);
    const ringSize = args.ringSize ?? 1024;
    if ((ringSize & (ringSize - 1)) !== 0) throw new RangeError(`memif ringSize must be a power of two, got ${ringSize}`);
    if (args.secret !== undefined && Buffer.byteLength(args.secret) > 24) throw new RangeError('memif secret is longer than 24 bytes');
    const role = args.role ?? 'server';
    this.port = new MemifPort({
      path: args.path, role, id: args.id ?? 0, secret: args.secret ?? '', queues: args.queues ?? 1,
      log2RingSize: Math.log2(ringSize), bufferSize: args.bufferSize ?? 2048, abstract: args.abstract ?? false,
      ifName: ctx.name, handshakeMs: args.handshakeMs,
      log: (m) => console.error(`sluice: ${ctx.name} (memif ${role} ${args.abstract ? '@' : ''}${args.path}): ${m}`),
    }, ctx.pool);
    this.offloadTx = new OffloadTx(ctx.pool, words(ctx.pool.data));
    this.port.start();
  }

  override linked(): void {
    this.out = this.output.output;
    this.in = this.input.input;
  }

  override pull(): void {
    const out = this.out;
    if (out === undefined || !this.port.connected) return;
    const room = out.nwritable();
    const n = this.port.receive(this.burst, room < BURST ? room : BURST);
    for (let i = 0; i < n; i++) out.transmit(this.burst[i]!);
    if (n > 0) this.counters[BUSY_POLLS]++;
    else this.counters[IDLE_POLLS]++;
  }

  override push(): void {
    const l = this.in;
    if (l === undefined) return;
    const b = this.txBurst, count = this.pool.count;
    while (!l.empty()) {
      let n = 0;
      while (n < TX_BURST && !l.empty()) {
        const p = l.receive();
        if (p >= count) n += this.cutSuper(p, b, n);
        else b[n++] = p;
      }
      this.port.transmit(b, n);
    }
  }

  /** Super-frame p → its segments as pool packets at b[at..]; returns how many. */
  private cutSuper(p: number, b: Uint32Array, at: number): number {
    const tx = this.offloadTx;
    const segs = tx.planSuper(p, this.pool.maxLen);
    if (segs === 0) { this.drop(p, DropReason.BAD_OFFLOAD); return 0; }
    const k = tx.cutToPool(p, b, at);
    if (k === 0) { this.drop(p, DropReason.NO_BUFFER); return 0; }
    this.pool.free(p); // it became the k segments: one in, k - 1 copied, k out
    this.counters[COPIED] += k - 1;
    this.segmentsLost += segs - k;
    return k;
  }

  /** Publish the port's plain-number counters. */
  override tick(): void {
    const s = this.port.stats;
    const c = this.counters;
    c[RX_PACKETS] = s.rxPackets;
    c[RX_BYTES] = s.rxBytes;
    c[TX_PACKETS] = s.txPackets;
    c[TX_BYTES] = s.txBytes;
    c[DROP_BASE + DropReason.BAD_DESCRIPTOR] = s.badDesc;
    c[DROP_BASE + DropReason.PEER_NO_BUFFER] = s.peerNoBuffer;
    c[DROP_BASE + DropReason.TOO_BIG] = s.tooBig;
    c[DROP_BASE + DropReason.PORT_DOWN] = this.port.portDown;
    c[REFUSED] = s.refused;
  }

  override wakeFds(): number[] {
    return this.port.wakeFds();
  }

  /** Engine hook: sleeping → interrupt mode; awake → polling. */
  override idle(sleeping: boolean): void {
    this.port.setInterrupts(sleeping);
  }

  override report(): Record<string, unknown> {
    this.tick();
    const p = this.port;
    return {
      path: p.opts.path,
      offloads: { ...this.offloadTx.report(), segmentsLost: this.segmentsLost },
      role: p.opts.role,
      id: p.opts.id,
      connected: p.connected,
      connects: p.connects,
      disconnects: p.disconnects,
      lastDisconnect: p.lastDisconnect,
      remoteName: p.remoteName,
      remoteIfName: p.remoteIfName,
      rxRings: p.rxRings.length,
      txRings: p.txRings.length,
      noBuffer: p.stats.noBuffer,
    };
  }

  override stop(): void {
    this.tick();
    this.port.stop();
  }
}

/**
 * `virtio-user` port app: Sluice as the virtio driver attached to any vhost-user backend.
 *
 *        backend → us ──► pull() ──► output "output"   (counters rx = from the peer)
 *        us → backend ◄── push() ◄── input  "input"    (counters tx = to the peer)
 *
 * Args (also the port string `virtio-user:PATH[,queues=N][,offloads]`): path, queues, queueSize,
 * offloads (ask for GUEST_CSUM/GUEST_TSO4/6 and CSUM/HOST_TSO4/6: super-frames both ways, kept
 * whole when the output link can carry them, sent whole to a backend that takes them; port.ts).
 * The connection is set up asynchronously; until it is ready, packets to the peer are
 * dropped as PORT_DOWN.
 */
import { App, type AppContext } from '../../core/app.js';
import type { Link } from '../../core/link.js';
import { RX_BYTES, RX_PACKETS, TX_BYTES, TX_PACKETS, DROP_BASE, REFUSED } from '../../core/counters.js';
import { DropReason } from '../../core/drop-reasons.js';
import { VirtioUserPort } from './port.js';
import { offloadNames } from '../../virtio/net/net.js';
import { GSO_MAX_SEGS } from '../../lib/offload/gso.js';
import { OffloadTx } from '../offload/offload-tx.js';
import { wordsOf } from '../vhost-user/copy.js';

export interface VirtioUserArgs {
  path: string;
  queues?: number;
  queueSize?: number;
  offloads?: boolean;
}

export const virtioUserSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['path'],
  properties: {
    path: { type: 'string', minLength: 1, maxLength: 107 },
    queues: { type: 'integer', minimum: 1, maximum: 128 },
    queueSize: { type: 'integer', enum: [64, 128, 256, 512, 1024] },
    offloads: { type: 'boolean' },
  },
};

/** Parse `PATH[,queues=N][,offloads]`. */
export function parseVirtioUserPort(s: string): VirtioUserArgs {
  const [path, ...opts] = s.split(',');
  if (!path) throw new Error(`virtio-user port "${s}": missing socket path`);
  // sun_path holds 107 bytes and a NUL (the schema's maxLength counts characters, not bytes).
  if (Buffer.byteLength(path) > 107) throw new Error(`virtio-user port "${s}": socket path is ${Buffer.byteLength(path)} bytes, the limit is 107`);
  const a: VirtioUserArgs = { path };
  for (const o of opts) {
    const m = /^queues=(\d+)$/.exec(o);
    if (m && Number(m[1]) >= 1 && Number(m[1]) <= 128) a.queues = Number(m[1]);
    else if (o === 'offloads') a.offloads = true;
    else throw new Error(`virtio-user port "${s}": bad option "${o}" (queues=N, offloads)`);
  }
  return a;
}

const BURST = 32;

export class VirtioUserApp extends App {
  readonly port: VirtioUserPort;
  private out: Link | undefined;
  private in: Link | undefined;
  private readonly burst = new Uint32Array(BURST);
  /** Receive scratch: a burst plus one super-frame's segments. */
  private readonly rxBurst = new Uint32Array(BURST + GSO_MAX_SEGS);
  private notReady = 0;
  /** Pool super-frames go to the backend whole when it took the offload, else cut here (port.ts). */
  override superFrames = 'send' as const;

  constructor(ctx: AppContext, args: VirtioUserArgs) {
    super(ctx);
    this.port = new VirtioUserPort({
      path: args.path, queuePairs: args.queues ?? 1, queueSize: args.queueSize ?? 256, offloads: args.offloads ?? false,
      superTx: new OffloadTx(ctx.pool, wordsOf(ctx.pool.data)),
      log: (m) => console.error(`sluice: ${ctx.name} (virtio-user ${args.path}): ${m}`),
    });
    this.port.connect();
  }

  override linked(): void {
    this.out = this.output.output;
    this.in = this.input.input;
  }

  override pull(): void {
    const out = this.out;
    if (out === undefined || !this.port.ready) return;
    const room = out.nwritable(), b = this.rxBurst;
    this.port.keepWhole = out.superFrames;
    const n = this.port.dequeue(this.pool, b, room < BURST ? room : BURST, room < b.length ? room : b.length);
    for (let i = 0; i < n; i++) out.transmit(b[i]!);
  }

  override push(): void {
    const l = this.in;
    if (l === undefined) return;
    const b = this.burst;
    while (!l.empty()) {
      let n = 0;
      while (n < BURST && !l.empty()) b[n++] = l.receive();
      if (!this.port.ready) this.notReady += n;
      this.port.enqueue(this.pool, b, n);
    }
  }

  override tick(): void {
    const p = this.port;
    const c = this.counters;
    c[RX_PACKETS] = p.rxPackets;
    c[RX_BYTES] = p.rxBytes;
    c[TX_PACKETS] = p.txPackets;
    c[TX_BYTES] = p.txBytes;
    c[DROP_BASE + DropReason.PORT_DOWN] = this.notReady + p.txLost;
    c[DROP_BASE + DropReason.PEER_NO_BUFFER] = p.txFull - this.notReady;
    c[DROP_BASE + DropReason.TOO_BIG] = p.rxTooBig;
    c[DROP_BASE + DropReason.QUEUE_QUARANTINED] = p.quarantined;
    c[DROP_BASE + DropReason.BAD_OFFLOAD] = p.rxBadOffload + p.txBadOffload;
    // Frames the backend sent that never became packets, and quarantine events (not packets).
    c[REFUSED] = p.rxTooBig + p.rxBadOffload + p.quarantined;
  }

  override wakeFds(): number[] {
    return this.port.ready ? this.port.callFds() : [];
  }

  override report(): Record<string, unknown> {
    this.tick();
    return {
      path: this.port.opts.path,
      ready: this.port.ready,
      connects: this.port.connects,
      features: `0x${this.port.features.toString(16)}`,
      protocolFeatures: `0x${this.port.protocolFeatures.toString(16)}`,
      offloads: {
        fromPeer: offloadNames(this.port.rxOffloads), toPeer: offloadNames(this.port.txOffloads),
        superFramesIn: this.port.superFramesIn, segmented: this.port.segmented, checksumsCompleted: this.port.checksumsCompleted,
        superFramesOut: this.port.superFramesOut, segmentedOut: this.port.opts.superTx?.segmented ?? 0, segmentsLost: this.port.segmentsLost,
      },
    };
  }

  override stop(): void {
    this.port.stop();
  }
}

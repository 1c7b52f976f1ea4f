/**
 * `vhost-user` port app: a VhostUserPort (socket, protocol, guest memory, rings) in the engine.
 *
 *        guest TX ──► pull() ──► output "output"      (counters rx = from the guest)
 *        guest RX ◄── push() ◄── input  "input"       (counters tx = to the guest)
 *
 * Single-copy patch: when this app's `output` link leads straight into another vhost-user
 * app's `input` (a patch between two guests), pull() copies each frame from this guest's TX
 * buffer directly into the other guest's RX buffer (`VhostUserPort.forwardTo`), one copy
 * instead of two through the pool. The link then stays empty and is still honoured for
 * anything else that writes to it.
 *
 * Args (also the port string `vhost-user:PATH[,client][,queues=N][,mode=0660][,group=NAME][,offloads]`):
 *   path, client (bool), queues (queue pairs), mode (socket file mode), group;
 *   offloads (default false): offer checksum offload and TSO both ways (CSUM, GUEST_CSUM,
 *   HOST/GUEST_TSO4/6, HOST/GUEST_ECN), as DPDK's vhost library and OVS-DPDK's userspace TSO do;
 *   workers: serve the queue pairs on that many worker engines (set by `sluice switch
 *   --workers`; each runs a `vhost-user-queues` app, queues-app.ts).
 */
import { eventfdRead } from '../../sys/index.js';
import type { AppContext } from '../../core/app.js';
import type { Link } from '../../core/link.js';
import { RX_BYTES, RX_PACKETS, TX_BYTES, TX_PACKETS, DROP_BASE, GENERATED, ON_WORKERS, REFUSED } from '../../core/counters.js';
import { DropReason } from '../../core/drop-reasons.js';
import type { AppSpec } from '../../core/config.js';
import { RingsApp } from './rings-app.js';
import type { RingSet } from './ring-set.js';
import { C_BAD_OFFLOAD, C_CSUMS, C_SEGMENTED, C_SEGMENTS_LOST, C_SUPER_IN, C_SUPER_OUT, C_FROM_BYTES, C_FROM_PKTS, C_NO_GUEST_BUF, C_NO_POOL_BUF, C_QUARANTINED, C_REFUSED, C_SPOOFED, C_TOO_BIG, C_TO_BYTES, C_TO_PKTS } from './queue-share.js';
import { VhostUserPort } from './port.js';
import { offloadNames } from '../../virtio/net/net.js';
import { parseMac } from './mac-lock.js';
import type { PortHandover } from './handover.js';

export interface VhostUserArgs {
  path: string;
  client?: boolean;
  queues?: number;
  mode?: number | string;
  group?: string | number;
  workers?: number;
  offloads?: boolean;
  /** vDPA-style attributes: the guest's MAC (frames from another source MAC are dropped) and MTU. */
  mac?: string;
  mtu?: number;
  /** false: offer no dirty-page logging (QEMU then refuses to live-migrate the guest). */
  migration?: boolean;
}

export const vhostUserSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['path'],
  properties: {
    path: { type: 'string', minLength: 1, maxLength: 107 },
    client: { type: 'boolean' },
    queues: { type: 'integer', minimum: 1, maximum: 128 },
    mode: { anyOf: [{ type: 'integer', minimum: 0, maximum: 0o777 }, { type: 'string', pattern: '^0?[0-7]{3}$' }] },
    group: { anyOf: [{ type: 'string', minLength: 1 }, { type: 'integer', minimum: 0 }] },
    workers: { type: 'integer', minimum: 0, maximum: 64 },
    offloads: { type: 'boolean' },
    mac: { type: 'string', pattern: '^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$' },
    mtu: { type: 'integer', minimum: 68, maximum: 65535 },
    migration: { type: 'boolean' },
  },
};

/** Parse `PATH[,client][,queues=N][,mode=0660][,group=NAME][,offloads]` (throws naming the bad option). */
export function parseVhostUserPort(s: string): VhostUserArgs {
  const [path, ...opts] = s.split(',');
  if (!path) throw new Error(`vhost-user port "${s}": missing socket path`);
  // sun_path holds 107 bytes and a NUL (the schema's maxLength counts characters, not bytes).
  if (Buffer.byteLength(path) > 107) throw new Error(`vhost-user port "${s}": socket path is ${Buffer.byteLength(path)} bytes, the limit is 107`);
  const a: VhostUserArgs = { path };
  for (const o of opts) {
    const [k, v] = o.split('=', 2) as [string, string | undefined];
    if (k === 'client' && v === undefined) a.client = true;
    else if (k === 'server' && v === undefined) a.client = false;
    else if (k === 'queues' && v !== undefined && /^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 128) a.queues = Number(v);
    else if (k === 'mode' && v !== undefined && /^0?[0-7]{3}$/.test(v)) a.mode = parseInt(v, 8);
    else if (k === 'group' && v) a.group = v;
    else if (k === 'offloads' && v === undefined) a.offloads = true;
    else if (k === 'mac' && v !== undefined) {
      try { parseMac(v); } catch (e) { throw new Error(`vhost-user port "${s}": mac: ${(e as Error).message}`); }
      a.mac = v.toLowerCase();
    } else if (k === 'migration' && (v === 'on' || v === 'off')) a.migration = v === 'on';
    else if (k === 'mtu' && v !== undefined && /^\d+$/.test(v) && Number(v) >= 68 && Number(v) <= 65535) a.mtu = Number(v);
    else throw new Error(`vhost-user port "${s}": bad option "${o}" (client, queues=N, mode=0660, group=NAME, offloads, mac=M, mtu=68..65535, migration=on|off)`);
  }
  return a;
}

/** Apps by name, so a patch partner can be found from a link spec (control path). */
const byName = new Map<string, VhostUserApp>();

/** Every vhost-user port of this process, stopped and described for another process (handover.ts). */
export function handOverAll(): { meta: PortHandover; fds: number[] }[] {
  return [...byName.values()].map((a) => a.port.handOver());
}


export class VhostUserApp extends RingsApp<VhostUserApp> {
  readonly port: VhostUserPort;
  /**
   * toGuestPackets / fromGuestPackets when the port last (re)connected or adopted a hand-over,
   * until the first frame each way is logged (a restart's milestones); -1 after.
   */
  private awaitFirst = -1;
  private awaitFirstFrom = -1;

  constructor(ctx: AppContext, args: VhostUserArgs) {
    super(ctx);
    const mode = typeof args.mode === 'string' ? parseInt(args.mode, 8) : args.mode;
    this.port = new VhostUserPort({
      path: args.path, client: args.client, queuePairs: args.queues ?? 1, mode, group: args.group, workers: args.workers ?? 0,
      maxFrame: ctx.pool.maxLen, offloads: args.offloads ?? false, attrs: { mac: args.mac, mtu: args.mtu, migration: args.migration },
      // Timestamped: a restart's milestones (connected, first frame) line up with the daemon's log.
      log: (m) => console.error(`sluice: ${new Date().toISOString().slice(11, 23)} ${ctx.name} (vhost-user ${args.path}): ${m}`),
    });
    // After each (re)connection or hand-over, the first frame each way is logged once.
    this.port.onStateChange = (up) => {
      this.awaitFirst = up ? this.port.device.io.toGuestPackets : -1;
      this.awaitFirstFrom = up ? this.port.device.io.fromGuestPackets : -1;
    };
    this.port.start();
    byName.set(ctx.name, this);
  }

  protected override peers(): ReadonlyMap<string, VhostUserApp> { return byName; }

  override readyRings(): RingSet {
    this.port.refresh();
    return this.port.rings;
  }

  override pull(): void {
    const port = this.port;
    const out = this.out;
    if (out === undefined) return;
    if (this.awaitFirstFrom >= 0 && port.device.io.fromGuestPackets !== this.awaitFirstFrom) {
      this.awaitFirstFrom = -1;
      port.log('first frame from the guest since connecting');
    }
    if (port.device.pendingRarp !== null) this.announce(out);
    this.fromGuest(this.readyRings(), out);
  }

  /**
   * SEND_RARP after a migration: a RARP request from the guest's MAC (as QEMU's own announce
   * builds it) into the switch, so bridges learn where the guest is now.
   */
  private announce(out: Link): void {
    const d = this.port.device;
    const mac = d.pendingRarp!;
    d.pendingRarp = null;
    const p = this.pool.alloc();
    if (p < 0) return;
    const f = this.pool.data.subarray(this.pool.start(p), this.pool.start(p) + 60);
    f.fill(0);
    f.fill(0xff, 0, 6);
    f.set(mac, 6);
    f.set([0x80, 0x35, 0, 1, 0x08, 0, 6, 4, 0, 3], 12); // RARP: Ethernet/IPv4, hlen 6, plen 4, op 3
    f.set(mac, 22);
    f.set(mac, 32);
    this.pool.len[p] = 60;
    out.transmit(p);
    d.rarpsSent++;
    if (d.rarpsSent === 1) this.port.log('first RARP sent for the guest (SEND_RARP)'); // timestamped: a migration's MAC move
  }

  override push(): void {
    this.toGuest(this.port.rings);
    if (this.awaitFirst >= 0 && this.port.device.io.toGuestPackets !== this.awaitFirst) {
      this.awaitFirst = -1;
      this.port.log('first frame to the guest since connecting');
    }
  }

  /** Publish the port's counters (this thread's and its workers') into the app's counter array. */
  override tick(): void {
    const c = this.counters;
    this.port.device.io.publish(c);
    c[GENERATED] = this.port.device.rarpsSent; // the RARPs SEND_RARP asked for (announce)
    c[DROP_BASE + DropReason.QUEUE_QUARANTINED] = this.port.device.quarantined;
    c[REFUSED] += this.port.device.quarantined; // quarantine events are counted, not packets
    let onWorkers = 0;
    for (const s of this.port.shares) {
      const from = s.counter(C_FROM_PKTS), to = s.counter(C_TO_PKTS), refused = s.counter(C_REFUSED) + s.counter(C_QUARANTINED);
      const drops = s.counter(C_NO_GUEST_BUF) + s.counter(C_TOO_BIG) + s.counter(C_NO_POOL_BUF) + s.counter(C_QUARANTINED) + s.counter(C_BAD_OFFLOAD) + s.counter(C_SPOOFED);
      c[RX_PACKETS] += from;
      c[RX_BYTES] += s.counter(C_FROM_BYTES);
      c[TX_PACKETS] += to;
      c[TX_BYTES] += s.counter(C_TO_BYTES);
      c[DROP_BASE + DropReason.PEER_NO_BUFFER] += s.counter(C_NO_GUEST_BUF);
      c[DROP_BASE + DropReason.TOO_BIG] += s.counter(C_TOO_BIG);
      c[DROP_BASE + DropReason.NO_BUFFER] += s.counter(C_NO_POOL_BUF);
      c[DROP_BASE + DropReason.QUEUE_QUARANTINED] += s.counter(C_QUARANTINED);
      c[DROP_BASE + DropReason.BAD_OFFLOAD] += s.counter(C_BAD_OFFLOAD);
      c[DROP_BASE + DropReason.SPOOFED] += s.counter(C_SPOOFED);
      c[REFUSED] += refused;
      // What the queues on worker engines took in net of what they gave out went to (or came
      // from) those engines' graphs, which account for it.
      onWorkers += from + refused - to - drops;
    }
    c[ON_WORKERS] = onWorkers;
  }

  /**
   * With `workers`: the app each worker engine runs for its queue pairs (index = worker).
   * The switch puts them in the workers' graphs under this app's name.
   */
  override spread(): AppSpec[] {
    return this.port.shares.map((s) => ({ type: 'vhost-user-queues', args: { share: s.handle } }));
  }

  override wakeFds(): number[] {
    const fds = this.port.kickFds();
    return this.port.changedFd >= 0 ? [...fds, this.port.changedFd] : fds;
  }

  /** Engine hook: going to sleep (re-enable guest kicks) or waking up. */
  override idle(sleeping: boolean): void {
    if (!sleeping) return;
    this.port.enableKicks();
    // Kicks that came while we polled are stale; the engine's last breath before sleeping
    // sees any work they announced.
    for (const fd of this.port.kickFds()) { try { eventfdRead(fd); } catch { /* a frontend's odd fd: ignore */ } }
    if (this.port.changedFd >= 0) eventfdRead(this.port.changedFd);
  }

  /** Up while a frontend is connected and the first queue pair moves data both ways. */
  override carrier(): boolean {
    const r = this.port.device.rings;
    return this.port.connected && r.length >= 2 && r[0]!.live && r[1]!.live;
  }

  /** A counter (C_*) summed over the workers serving this port's queue pairs. */
  private onWorkers(c: number): number {
    let n = 0;
    for (const s of this.port.shares) n += s.counter(c);
    return n;
  }

  override report(): Record<string, unknown> {
    this.tick();
    const d = this.port.device;
    return {
      path: this.port.opts.path,
      mode: this.port.opts.client ? 'client' : 'server',
      connected: this.port.connected,
      connects: this.port.connects,
      disconnects: this.port.disconnects,
      features: `0x${d.lastFeatures.toString(16)}`,
      // What was negotiated, and what the offloads did (as `ethtool -k` names them).
      // Counts: this thread's and what the workers serving queue pairs published.
      offloads: {
        fromGuest: offloadNames(d.io.hostOffloads), toGuest: offloadNames(d.io.guestOffloads),
        superFramesIn: d.io.superFramesIn + this.onWorkers(C_SUPER_IN), superFramesOut: d.io.superFramesOut + this.onWorkers(C_SUPER_OUT),
        segmented: d.io.segmented + this.onWorkers(C_SEGMENTED), segmentsLost: d.io.segmentsLost + this.onWorkers(C_SEGMENTS_LOST),
        checksumsCompleted: d.io.checksumsCompleted + this.onWorkers(C_CSUMS),
      },
      protocolFeatures: `0x${d.lastProtocolFeatures.toString(16)}`,
      queuePairs: d.queuePairs,
      // vDPA-style attributes (`sluice vdpa dev config show`): null when not given.
      mac: this.port.opts.attrs?.mac ?? null,
      mtu: this.port.opts.attrs?.mtu ?? null,
      frontendMtu: d.frontendMtu,
      // Live migration: whether writes into guest memory are being logged, and logs taken.
      dirtyLogging: d.logging,
      rarpsSent: d.rarpsSent,
      logBases: d.logBases,
      // Per ring: descriptors taken (avail side) and given back (used side), as mlx5's vDPA
      // vstats received_desc / completed_desc. Rings a worker serves show the last hand-back.
      rings: d.rings.map((r, i) => ({ index: i, started: r.started, receivedDesc: r.queue.nextAvail, completedDesc: r.queue.nextUsed })),
      singleCopy: this.direct !== null,
      quarantinedQueues: d.quarantined,
      // Which engine serves which queue pair, and what each moved (as VPP's rx-placement).
      placement: this.port.shares.length === 0
        ? [{ engine: 'main', queuePairs: Array.from({ length: d.queuePairs }, (_, q) => q) }]
        : this.port.shares.map((s, k) => ({
          engine: `worker${k}`, queuePairs: s.rings.filter((r) => (r & 1) === 0).map((r) => r / 2),
          rx: s.counter(C_FROM_PKTS), tx: s.counter(C_TO_PKTS),
        })),
    };
  }

  override stop(): void {
    this.port.stop();
    if (byName.get(this.name) === this) byName.delete(this.name);
  }
}

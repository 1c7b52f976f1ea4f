/**
 * L2 learning bridge (`l2-bridge`): one VLAN-aware Ethernet bridge; several bridges are
 * several apps.
 *
 *            p0 ─► ┌────────────┐ ─► p0        input `<port>`: frames received on that port
 *            p1 ─► │ l2-bridge  │ ─► p1        output `<port>`: frames to send out of it
 *            p2 ─► └────────────┘ ─► p2
 *
 * Args: `{ ports: { <name>: { vlan? | trunk?, native? } }, maxMacs? = 8192, agingSec? = 300 }`
 * (see ports.ts for access/trunk semantics).
 *
 * Per frame: classify the VLAN on ingress (access: the port's VLAN, tagged frames refused;
 * trunk: the tag's VID if allowed, untagged -> native or refused), learn (VLAN, source MAC)
 * -> port unless the source is a group address, then forward: known unicast to its port
 * (never back where it came from), unknown unicast / broadcast / multicast flooded to every
 * other member of the VLAN (clones for all but the last member). On egress the 802.1Q tag
 * is pushed or popped as the output port wants it (headroom push, no copy). Super-frames
 * (packet.ts) are forwarded whole when every port can take them (App.superFrames).
 *
 * Drops, each counted with a reason: malformed (shorter than an Ethernet header, truncated
 * tag), vlan_mismatch (VLAN not allowed on the ingress port), same_port (destination learned
 * on the ingress port), no_destination (flood with no other member), port_down (output port
 * has no link), no_buffer (clone failed), too_big (no headroom for a tag).
 *
 * Control path: `macTable()` dump, `flushMacs(port?)`, `report()` with per-port counters.
 */
import { App, type AppContext } from '../../core/app.js';
import type { Link } from '../../core/link.js';
import { DropReason } from '../../core/drop-reasons.js';
import { COPIED } from '../../core/counters.js';
import { vlanPop, vlanPush } from '../../lib/proto/vlan.js';
import { compilePorts, VLAN_COUNT, type BridgePortArgs } from './ports.js';
import { MacTable } from './mac-table.js';

export interface BridgeArgs {
  ports: Record<string, BridgePortArgs>;
  /** MAC table size limit (default 8192). */
  maxMacs?: number;
  /** Seconds an unrefreshed entry lives (default 300). */
  agingSec?: number;
}

export const bridgeSchema = {
  type: 'object',
  required: ['ports'],
  additionalProperties: false,
  properties: {
    ports: {
      type: 'object',
      minProperties: 1,
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: {
          vlan: { type: 'integer', minimum: 1, maximum: 4094 },
          trunk: { type: 'array', minItems: 1, items: { type: 'integer', minimum: 1, maximum: 4094 } },
          native: { type: 'integer', minimum: 1, maximum: 4094 },
        },
      },
    },
    maxMacs: { type: 'integer', minimum: 1, maximum: 1 << 22 },
    agingSec: { type: 'number', minimum: 1, maximum: 1e6 },
  },
};

/** One MAC table entry (`port` is the port name). */
export interface BridgeMacEntry { mac: string; vlan: number; port: string; ageSec: number }

export class L2Bridge extends App {
  portNames!: string[];
  readonly macs: MacTable;
  private egress!: Uint8Array;
  private untaggedVlan!: Uint16Array;
  private access!: Uint8Array;
  private nports!: number;
  private ins: (Link | null)[] = [];
  private outs: (Link | null)[] = [];
  /** Input links whose name is not a port: drained and dropped (port_down). */
  private strays: Link[] = [];
  /** Packets taken from one input link at a time (push). */
  private readonly burst = new Uint32Array(256);
  private floodTo!: Int32Array;
  private readonly sweepPerTick: number;
  private now: number;
  /** Drops charged to each port (ingress drops to the ingress port, egress drops to the egress port). */
  portDrops!: Float64Array;
  // Per-port one-entry caches of the last source learned and the last destination looked
  // up, valid while macs.gen is unchanged: frames of a burst usually share both, and a hit
  // saves a hash lookup (about a third of the per-frame cost at 2 ports).
  private srcW0!: Int32Array;
  private srcLo!: Int32Array;
  private srcSlot!: Int32Array;
  private srcGen!: Float64Array;
  private dstW0!: Int32Array;
  private dstLo!: Int32Array;
  private dstPort!: Int32Array;
  private dstGen!: Float64Array;
  unicast = 0;
  flooded = 0;
  /** Super-frames pass through as they are (clones included); the 802.1Q push/pop moves their checksum offset. */
  override superFrames = 'forward' as const;

  constructor(ctx: AppContext, args: BridgeArgs) {
    super(ctx);
    this.macs = new MacTable(args.maxMacs ?? 8192, args.agingSec ?? 300);
    // Visit the whole table about once a second at the default 1 kHz tick.
    this.sweepPerTick = Math.max(16, Math.ceil(this.macs.capacity / 1000));
    this.now = performance.now();
    this.setPorts(compilePorts(args.ports));
  }

  private setPorts(t: ReturnType<typeof compilePorts>): void {
    this.portNames = t.names;
    this.nports = t.names.length;
    this.egress = t.egress;
    this.untaggedVlan = t.untaggedVlan;
    this.access = t.access;
    const n = this.nports;
    this.ins = new Array<Link | null>(n).fill(null);
    this.outs = new Array<Link | null>(n).fill(null);
    this.floodTo = new Int32Array(n);
    this.portDrops = new Float64Array(n);
    this.srcW0 = new Int32Array(n).fill(-1);
    this.srcLo = new Int32Array(n);
    this.srcSlot = new Int32Array(n);
    this.srcGen = new Float64Array(n).fill(-1);
    this.dstW0 = new Int32Array(n).fill(-1);
    this.dstLo = new Int32Array(n);
    this.dstPort = new Int32Array(n);
    this.dstGen = new Float64Array(n).fill(-1);
  }

  /**
   * Ports join, leave or change VLANs in place (set up by the constructor and here; hence `!`): what was learned on ports that stay is kept
   * (renumbered), entries of ports that left are flushed. A new table size restarts the app.
   */
  override reconfig(raw: unknown): boolean {
    const args = raw as BridgeArgs;
    if ((args.maxMacs ?? 8192) !== this.macs.capacity || (args.agingSec ?? 300) * 1000 !== this.macs.agingMs) return false;
    const t = compilePorts(args.ports);
    const map = new Int32Array(this.nports).fill(-1);
    this.portNames.forEach((n, i) => { map[i] = t.index.get(n) ?? -1; });
    const drops = new Map(this.portNames.map((n, i) => [n, this.portDrops[i]!]));
    this.macs.remap(map);
    this.setPorts(t);
    t.names.forEach((n, i) => { this.portDrops[i] = drops.get(n) ?? 0; });
    this.linked();
    return true;
  }

  override linked(): void {
    const ins: (Link | null)[] = [], outs: (Link | null)[] = [];
    for (let i = 0; i < this.nports; i++) {
      ins.push(this.input[this.portNames[i]!] ?? null);
      outs.push(this.output[this.portNames[i]!] ?? null);
    }
    this.ins = ins;
    this.outs = outs;
    this.strays = Object.keys(this.input).filter((n) => !this.portNames.includes(n)).map((n) => this.input[n]!);
  }

  override push(): void {
    const ins = this.ins, burst = this.burst;
    for (let i = 0; i < ins.length; i++) {
      const l = ins[i]!;
      if (l === null) continue;
      // A burst at a time: the link counts once per burst, not once per packet.
      for (let n = l.receiveBurst(burst, 256); n > 0; n = l.receiveBurst(burst, 256)) {
        for (let k = 0; k < n; k++) this.forward(burst[k]!, i);
      }
    }
    const strays = this.strays;
    for (let i = 0; i < strays.length; i++) {
      const l = strays[i]!;
      while (!l.empty()) this.drop(l.receive(), DropReason.PORT_DOWN);
    }
  }

  private dropAt(p: number, port: number, reason: DropReason): void {
    this.portDrops[port]++;
    this.drop(p, reason);
  }

  private forward(p: number, inPort: number): void {
    const pool = this.pool, data = pool.data;
    const len = pool.len[p]!;
    const s = pool.start(p);
    if (len < 14) { this.dropAt(p, inPort, DropReason.MALFORMED); return; }
    let vlan: number, tagged: number;
    // TRUST: s + 13 < s + len (len >= 14); the tag reads below need len >= 18.
    if (data[s + 12] === 0x81 && data[s + 13] === 0x00) {
      if (len < 18) { this.dropAt(p, inPort, DropReason.MALFORMED); return; }
      vlan = ((data[s + 14]! << 8) | data[s + 15]!) & 0xfff;
      if (this.access[inPort] === 1 || this.egress[inPort * VLAN_COUNT + vlan] === 0) {
        this.dropAt(p, inPort, DropReason.VLAN_MISMATCH);
        return;
      }
      tagged = 1;
    } else {
      vlan = this.untaggedVlan[inPort]!;
      if (vlan === 0) { this.dropAt(p, inPort, DropReason.VLAN_MISMATCH); return; }
      tagged = 0;
    }
    const macs = this.macs;
    // Group source addresses are invalid (802.1Q 8.7): forward but never learn them.
    if ((data[s + 6]! & 1) === 0) {
      const w0 = (vlan << 16) | (data[s + 6]! << 8) | data[s + 7]!;
      const lo = (data[s + 8]! << 24) | (data[s + 9]! << 16) | (data[s + 10]! << 8) | data[s + 11]!;
      if (w0 === this.srcW0[inPort] && lo === this.srcLo[inPort] && macs.gen === this.srcGen[inPort]) {
        macs.touch(this.srcSlot[inPort]!, this.now);
      } else {
        const slot = macs.learn(vlan, w0 & 0xffff, lo >>> 0, inPort, this.now);
        if (slot >= 0) {
          this.srcW0[inPort] = w0; this.srcLo[inPort] = lo; this.srcSlot[inPort] = slot; this.srcGen[inPort] = macs.gen;
        }
      }
    }
    if ((data[s]! & 1) === 0) {
      const w0 = (vlan << 16) | (data[s]! << 8) | data[s + 1]!;
      const lo = (data[s + 2]! << 24) | (data[s + 3]! << 16) | (data[s + 4]! << 8) | data[s + 5]!;
      let out: number;
      if (w0 === this.dstW0[inPort] && lo === this.dstLo[inPort] && macs.gen === this.dstGen[inPort]) {
        out = this.dstPort[inPort]!;
      } else {
        out = macs.lookup(vlan, w0 & 0xffff, lo >>> 0);
        if (out >= 0) { this.dstW0[inPort] = w0; this.dstLo[inPort] = lo; this.dstPort[inPort] = out; this.dstGen[inPort] = macs.gen; }
      }
      if (out >= 0) {
        if (out === inPort) { this.dropAt(p, inPort, DropReason.SAME_PORT); return; }
        const mode = this.egress[out * VLAN_COUNT + vlan]!;
        if (mode !== 0) {
          this.unicast++;
          this.send(p, out, mode, tagged, vlan);
          return;
        }
      }
    }
    this.flood(p, inPort, vlan, tagged);
  }

  private flood(p: number, inPort: number, vlan: number, tagged: number): void {
    const egress = this.egress, outs = this.outs, to = this.floodTo;
    let n = 0;
    for (let k = 0; k < this.nports; k++) {
      if (k !== inPort && egress[k * VLAN_COUNT + vlan] !== 0 && outs[k] !== null) to[n++] = k;
    }
    if (n === 0) { this.dropAt(p, inPort, DropReason.NO_DESTINATION); return; }
    this.flooded++;
    const pool = this.pool;
    // Clone before the original is re-tagged in place by send().
    for (let j = 0; j < n - 1; j++) {
      const q = pool.clone(p);
      if (q < 0) { this.refuse(DropReason.NO_BUFFER); this.portDrops[to[j]!]++; continue; }
      this.counters[COPIED]++;
      this.send(q, to[j]!, egress[to[j]! * VLAN_COUNT + vlan]!, tagged, vlan);
    }
    const last = to[n - 1]!;
    this.send(p, last, egress[last * VLAN_COUNT + vlan]!, tagged, vlan);
  }

  /** Sends p out of `port`, adding or removing the tag as the port's `mode` for the VLAN says. */
  private send(p: number, port: number, mode: number, tagged: number, vlan: number): void {
    const l = this.outs[port]!;
    if (l === null) { this.dropAt(p, port, DropReason.PORT_DOWN); return; }
    const pool = this.pool;
    // A super-frame already queued when the graph changed to one that cannot carry it.
    if (p >= pool.count && !l.superFrames) { this.dropAt(p, port, DropReason.TOO_BIG); return; }
    if (mode === 2) {
      if (tagged === 0) {
        if (pool.off[p]! < 4 || pool.len[p]! > 65531) { this.dropAt(p, port, DropReason.TOO_BIG); return; }
        const s = pool.start(p);
        vlanPush(pool.data, s, pool.len[p]!, vlan, 0);
        pool.off[p] -= 4;
        pool.len[p] += 4;
        if (p >= pool.count) pool.csumStart[p] += 4; // a super-frame's offsets follow its L4 header
      }
    } else if (tagged === 1) {
      vlanPop(pool.data, pool.start(p), pool.len[p]!);
      pool.off[p] += 4;
      pool.len[p] -= 4;
      if (p >= pool.count) pool.csumStart[p] -= 4;
    }
    l.transmit(p);
  }

  override tick(nowMs: number): void {
    this.now = nowMs;
    this.macs.sweep(nowMs, this.sweepPerTick);
  }

  /** Control path: the MAC table with port names and ages. */
  macTable(): BridgeMacEntry[] {
    return this.macs.dump(this.now).map((e) => ({ mac: e.mac, vlan: e.vlan, port: this.portNames[e.port] ?? String(e.port), ageSec: e.ageSec }));
  }

  /** Control path: forget the MACs learned on `port` (all when omitted); returns how many. */
  flushMacs(port?: string): number {
    if (port === undefined) return this.macs.flush();
    const i = this.portNames.indexOf(port);
    if (i < 0) throw new Error(`flushMacs: unknown port "${port}"`);
    return this.macs.flush(i);
  }

  override stop(): void { this.macs.flush(); }

  override report(): Record<string, unknown> {
    const ports: Record<string, unknown> = {};
    // rx/tx are the port links' own counters (they count every frame in or out).
    for (let i = 0; i < this.nports; i++) {
      const li = this.ins[i], lo = this.outs[i];
      ports[this.portNames[i]!] = {
        rx: { packets: li ? li.rxPackets : 0, bytes: li ? li.rxBytes : 0 },
        tx: { packets: lo ? lo.txPackets : 0, bytes: lo ? lo.txBytes : 0, linkFull: lo ? lo.txDrop : 0 },
        drops: this.portDrops[i],
      };
    }
    const m = this.macs;
    return {
      ports,
      macs: { size: m.size, max: m.capacity, learned: m.learned, moved: m.moved, aged: m.aged, evicted: m.evicted, tableFull: m.full },
      unicast: this.unicast,
      flooded: this.flooded,
    };
  }
}

/**
 * A bond: one port over two or more member ports, as Open vSwitch bonds them (vswitchd/
 * bond.c modes, lacp.c negotiation).
 *
 *          input ──►┌──────┐──► M1 ──► member port M1 (its input)
 *   (from a bridge) │ bond │
 *         output ◄──└──────┘◄── M1 ◄── member port M1 (its output)
 *                      ⋮   (one input and one output link per member, named after it)
 *
 * Modes:
 *   active-backup  everything leaves by the active member (the `primary` when it is enabled,
 *                  else the one in use, else the first enabled); what arrives on others is
 *                  dropped (filtered), as OVS does
 *   balance-slb    source MAC + VLAN hashed into 256 buckets, each bucket sent by one member;
 *                  without negotiated LACP, broadcast and multicast are taken only from the
 *                  active member (no loops through a switch that floods to every member)
 *   balance-tcp    L2–L4 5-tuple hashed the same way (IP: addresses, protocol, ports; else
 *                  MACs, EtherType and VLAN); needs LACP, as in OVS
 * A member whose port has no carrier, or (with LACP) whose partner is not synchronized and
 * collecting, may not be enabled; it is disabled `downdelay` ms later (enabled `updelay` ms
 * after it may be again, as OVS's bond_link_status_update): its buckets move to the enabled
 * members (only its own buckets move, so flows on the others keep their member). With
 * `lacpFallbackAb`, a bond whose LACP found no partner on any member runs as active-backup
 * over the members with carrier instead of sending nothing (OVS's lacp-fallback-ab).
 * Every `rebalanceInterval` ms the balance modes move busy buckets from the most to the
 * least loaded member (rebalance.ts, OVS's bond_rebalance).
 *
 * LACPDUs (Slow Protocols, 0x8809) taken from members are consumed (handled) or dropped as
 * malformed with the field counted; the LACPDUs the bond sends are counted as generated.
 * A Marker PDU is turned into its Marker Response in place and sent back by the member it
 * came from (802.1AX 6.5.4.2, as Linux's bonding answers it; OVS only counts them).
 */
import { App, type AppContext } from '../../core/app.js';
import type { Link } from '../../core/link.js';
import { DropReason } from '../../core/drop-reasons.js';
import { GENERATED } from '../../core/counters.js';
import { hashWords } from '../../lib/hash/hash-words.js';
import { parsePacket, ParsedHeaders, L3Kind } from '../../lib/proto/parse.js';
import { parseMac, macToString } from '../../lib/proto/addr.js';
import { rd16, rd32 } from '../../lib/proto/bytes.js';
import {
  Lacpdu, LacpduError, LACPDU_ERROR_NAMES, LACP_SUBTYPE, MARKER_SUBTYPE, MARKER_INFO_TLV, SLOW_PROTOCOLS_ETHERTYPE,
  buildLacpdu, parseLacpdu, parseMarker, markerToResponse, lacpStateWords,
} from '../../lib/proto/lacp.js';
import { LacpMember, RX_STATUS_NAMES, selectAggregator, type LacpSettings } from './lacp.js';
import { rebalanceLoad } from './rebalance.js';

export type BondMode = 'active-backup' | 'balance-slb' | 'balance-tcp';

export interface BondArgs {
  members: string[];
  mode?: BondMode;
  /** off (default), active or passive. */
  lacp?: 'off' | 'active' | 'passive';
  lacpRate?: 'fast' | 'slow';
  /** The LACP system ID (default: derived from the bond's name, locally administered). */
  systemMac?: string;
  systemPriority?: number;
  key?: number;
  /** active-backup: the member preferred when it is enabled. */
  primary?: string;
  /** ms a member must stay able to carry traffic before it is enabled (OVS bond_updelay). */
  updelay?: number;
  /** ms a member must stay unable before it is disabled (OVS bond_downdelay). */
  downdelay?: number;
  /** LACP configured but no partner: run active-backup instead of sending nothing. */
  lacpFallbackAb?: boolean;
  /** ms between load rebalances of the balance modes (default 10000; 0: never). */
  rebalanceInterval?: number;
}

const NAME = '^[A-Za-z_][\\w-]*$';
export const bondSchema = {
  type: 'object', additionalProperties: false, required: ['members'],
  properties: {
    members: { type: 'array', minItems: 2, maxItems: 32, uniqueItems: true, items: { type: 'string', pattern: NAME, not: { enum: ['input', 'output'] } } },
    mode: { enum: ['active-backup', 'balance-slb', 'balance-tcp'] },
    lacp: { enum: ['off', 'active', 'passive'] },
    lacpRate: { enum: ['fast', 'slow'] },
    systemMac: { type: 'string', pattern: '^([0-9a-fA-F]{2}:){5}[0-9a-fA-F]{2}$' },
    systemPriority: { type: 'integer', minimum: 1, maximum: 65535 },
    key: { type: 'integer', minimum: 1, maximum: 65535 },
    primary: { type: 'string', pattern: NAME },
    updelay: { type: 'integer', minimum: 0, maximum: 3_600_000 },
    downdelay: { type: 'integer', minimum: 0, maximum: 3_600_000 },
    lacpFallbackAb: { type: 'boolean' },
    rebalanceInterval: { type: 'integer', minimum: 0, maximum: 3_600_000 },
  },
} as const;

/** OVS's BOND_BUCKETS: the hash picks a bucket, the bucket a member. */
export const BOND_BUCKETS = 256;
const BURST = 64;
/** The member table (carrier, LACP timers, selection) is brought up to date this often. */
const RUN_EVERY_MS = 10;
const OVS_SYSTEM_PRIORITY = 65534;
const OVS_PORT_PRIORITY = 65535;
/** OVS's default other_config:bond-rebalance-interval. */
export const DEFAULT_REBALANCE_MS = 10_000;

/** A locally administered unicast MAC from a name (the default LACP system ID). */
export function macFromName(name: string): number {
  let h = 0x811c9dc5, g = 0x01000193;
  for (let i = 0; i < name.length; i++) { h = Math.imul(h ^ name.charCodeAt(i), 0x01000193); g = Math.imul(g ^ name.charCodeAt(i), 0x811c9dc5); }
  return 0x020000000000 + (h >>> 0) * 0x100 + (g >>> 24);
}

interface BondMember {
  name: string;
  index: number;
  inLink: Link | undefined;
  outLink: Link | undefined;
  lacp: LacpMember;
  enabled: boolean;
  /** Could carry traffic now (carrier, LACP); `enabled` follows after the up/down delay. */
  mayEnable: boolean;
  /** When `enabled` becomes `mayEnable` (Infinity: no change pending). */
  delayExpires: number;
  markersIn: number;
  markerResponses: number;
  /** Taken out by `sluice bond disable-member` (ovs-appctl bond/disable-member). */
  adminDown: boolean;
  rxDropped: number;
  lacpErrors: Float64Array;
}

export class Bond extends App {
  readonly mode: BondMode;
  readonly lacpMode: 'off' | 'active' | 'passive';
  readonly settings: LacpSettings;
  readonly members: BondMember[];
  private readonly machines: LacpMember[];
  private readonly primary: number;
  readonly updelay: number;
  readonly downdelay: number;
  readonly fallbackAb: boolean;
  readonly rebalanceInterval: number;
  /** Sending as active-backup now: the mode, or LACP fallback (data path reads this). */
  private ab: boolean;
  private nextRebalance = -1;
  /** The `now` of the last tick (bond show's "expires in"). */
  private lastNow = 0;
  /** Member index per bucket (-1: none yet). */
  readonly buckets = new Int32Array(BOND_BUCKETS).fill(-1);
  /** Bytes sent per bucket, halved at each rebalance (bond show's "load", OVS's tx_bytes). */
  readonly bucketBytes = new Float64Array(BOND_BUCKETS);
  /** The member that carries active-backup traffic, and SLB's broadcast/multicast (-1: none). */
  active = -1;
  private inLink: Link | undefined;
  private outLink: Link | undefined;
  private readonly burst = new Uint32Array(BURST);
  private readonly pdu = new Lacpdu();
  private readonly hdr = new ParsedHeaders();
  private readonly key = new Uint32Array(10);
  private readonly seed: number;
  private nextRun = 0;
  private nextBucket = 0;
  /** Times the active member changed, and bucket moves (failovers). */
  activeChanges = 0;
  bucketMoves = 0;
  /** Buckets moved by load rebalancing (part of bucketMoves), and rebalance runs. */
  loadMoves = 0;
  rebalances = 0;

  constructor(ctx: AppContext, args: BondArgs) {
    super(ctx);
    this.mode = args.mode ?? 'active-backup';
    this.lacpMode = args.lacp ?? 'off';
    if (this.mode === 'balance-tcp' && this.lacpMode === 'off') throw new Error(`bond ${ctx.name}: balance-tcp needs LACP (lacp=active or passive), as in Open vSwitch`);
    if (args.primary !== undefined && !args.members.includes(args.primary)) throw new Error(`bond ${ctx.name}: primary "${args.primary}" is not a member (${args.members.join(', ')})`);
    this.settings = {
      active: this.lacpMode === 'active', fast: (args.lacpRate ?? 'slow') === 'fast',
      system: args.systemMac !== undefined ? parseMac(args.systemMac) : macFromName(ctx.name),
      systemPriority: args.systemPriority ?? OVS_SYSTEM_PRIORITY, key: args.key ?? 1, portPriority: OVS_PORT_PRIORITY,
    };
    this.members = args.members.map((name, index) => ({
      name, index, inLink: undefined, outLink: undefined, lacp: new LacpMember(this.settings, index + 1),
      enabled: false, mayEnable: false, delayExpires: Infinity, markersIn: 0, markerResponses: 0,
      adminDown: false, rxDropped: 0, lacpErrors: new Float64Array(LACPDU_ERROR_NAMES.length),
    }));
    this.updelay = args.updelay ?? 0;
    this.downdelay = args.downdelay ?? 0;
    this.fallbackAb = args.lacpFallbackAb ?? false;
    this.rebalanceInterval = args.rebalanceInterval ?? DEFAULT_REBALANCE_MS;
    this.ab = this.mode === 'active-backup';
    this.machines = this.members.map((m) => m.lacp);
    this.primary = args.primary !== undefined ? args.members.indexOf(args.primary) : -1;
    this.seed = 0; // OVS's bond-hash-basis default: the same flow picks the same bucket on every run
  }

  override linked(): void {
    this.inLink = this.input.input;
    this.outLink = this.output.output;
    for (const m of this.members) { m.inLink = this.input[m.name]; m.outLink = this.output[m.name]; }
  }

  override push(): void {
    for (let i = 0; i < this.members.length; i++) this.fromMember(this.members[i]!);
    const l = this.inLink;
    if (l === undefined) return;
    const burst = this.burst;
    while (!l.empty()) {
      const n = l.receiveBurst(burst, BURST);
      for (let i = 0; i < n; i++) {
        const p = burst[i]!;
        const m = this.outputMember(p);
        if (m < 0) { this.drop(p, DropReason.PORT_DOWN); continue; }
        const out = this.members[m]!.outLink;
        if (out === undefined) { this.drop(p, DropReason.PORT_DOWN); continue; }
        out.transmit(p);
      }
    }
  }

  /** Frames from a member: LACPDUs to the LACP machines, the rest up if admissible. */
  private fromMember(m: BondMember): void {
    const l = m.inLink;
    if (l === undefined) return;
    const burst = this.burst, pool = this.pool, data = pool.data, out = this.outLink;
    const negotiated = this.lacpMode !== 'off';
    while (!l.empty()) {
      const n = l.receiveBurst(burst, BURST);
      for (let i = 0; i < n; i++) {
        const p = burst[i]!;
        const s = pool.start(p), len = pool.len[p]!;
        if (len >= 14 && rd16(data, s + 12) === SLOW_PROTOCOLS_ETHERTYPE) { this.slowProtocols(m, p, s, len); continue; }
        if (!m.enabled || out === undefined) { m.rxDropped++; this.drop(p, DropReason.PORT_DOWN); continue; }
        // OVS's bond_check_admissibility.
        if (m.index !== this.active && (this.ab || (!negotiated && (data[s]! & 1) !== 0))) {
          m.rxDropped++;
          this.drop(p, DropReason.FILTERED);
          continue;
        }
        out.transmit(p);
      }
    }
  }

  private slowProtocols(m: BondMember, p: number, s: number, len: number): void {
    const data = this.pool.data;
    const subtype = data[s + 14];
    if (this.lacpMode === 'off' || (subtype !== LACP_SUBTYPE && subtype !== MARKER_SUBTYPE)) { this.drop(p, DropReason.NOT_FOR_US); return; } // OAM, or LACP off
    if (subtype === MARKER_SUBTYPE) { this.marker(m, p, s, len); return; }
    const code = parseLacpdu(data, s + 14, len - 14, this.pdu);
    if (code !== LacpduError.OK) { m.lacpErrors[code]++; this.drop(p, DropReason.MALFORMED); return; }
    m.lacp.receive(this.pdu, Date.now());
    this.handle(p);
    this.nextRun = 0; // select and answer in this tick, not the next period
  }

  /**
   * A Marker PDU: a request is answered on the member it came by (the frame itself becomes
   * the response); a Marker Response is not for us (we send no requests).
   */
  private marker(m: BondMember, p: number, s: number, len: number): void {
    const data = this.pool.data;
    const code = parseMarker(data, s + 14, len - 14);
    if (code !== LacpduError.OK) { m.lacpErrors[code]++; this.drop(p, DropReason.MALFORMED); return; }
    m.markersIn++;
    const out = m.outLink;
    if (data[s + 16] !== MARKER_INFO_TLV || out === undefined || !m.lacp.carrier) { this.drop(p, DropReason.NOT_FOR_US); return; }
    this.pool.len[p] = markerToResponse(data, s, this.settings.system);
    m.markerResponses++;
    out.transmit(p);
  }

  /** The member a frame leaves by, or -1. Data path. */
  private outputMember(p: number): number {
    if (this.ab) return this.active;
    const b = this.bucketOf(p);
    this.bucketBytes[b] += this.pool.len[p]!;
    return this.buckets[b]!;
  }

  /** The frame's bucket: SLB hashes source MAC and VLAN, TCP the 5-tuple (else L2). */
  bucketOf(p: number): number {
    const pool = this.pool, data = pool.data, s = pool.start(p), len = pool.len[p]!, k = this.key;
    if (len < 14) return 0;
    const vlan = rd16(data, s + 12) === 0x8100 && len >= 18 ? rd16(data, s + 14) & 0xfff : 0;
    if (this.mode === 'balance-slb') {
      k[0] = (rd16(data, s + 6) << 16 | vlan) >>> 0;
      k[1] = rd32(data, s + 8);
      return hashWords(k, 0, 2, this.seed) & (BOND_BUCKETS - 1);
    }
    const h = this.hdr;
    parsePacket(data, s, len, h);
    let n: number;
    if (h.l3Kind === L3Kind.IPV4 && h.l4Proto >= 0) {
      k[0] = h.ipv4Src; k[1] = h.ipv4Dst; k[2] = h.l4Proto; k[3] = ((h.srcPort & 0xffff) << 16 | (h.dstPort & 0xffff)) >>> 0;
      n = 4;
    } else if (h.l3Kind === L3Kind.IPV6 && h.ipv6SrcOff >= 0) {
      for (let i = 0; i < 4; i++) { k[i] = rd32(data, h.ipv6SrcOff + 4 * i); k[4 + i] = rd32(data, h.ipv6DstOff + 4 * i); }
      k[8] = h.l4Proto; k[9] = ((h.srcPort & 0xffff) << 16 | (h.dstPort & 0xffff)) >>> 0;
      n = 10;
    } else {
      k[0] = rd32(data, s); k[1] = (rd16(data, s + 4) << 16 | rd16(data, s + 6)) >>> 0; k[2] = rd32(data, s + 8);
      k[3] = (h.etherType << 16 | vlan) >>> 0;
      n = 4;
    }
    return hashWords(k, 0, n, this.seed) & (BOND_BUCKETS - 1);
  }

  override tick(now: number): void {
    if (now < this.nextRun) return;
    this.nextRun = now + RUN_EVERY_MS;
    const wall = Date.now();
    let changed = false;
    for (const m of this.members) {
      const link = m.inLink !== undefined && m.outLink !== undefined && (m.inLink.sender?.carrier?.() ?? true);
      const carrier = link && !m.adminDown;
      if (this.lacpMode === 'off') { m.lacp.carrier = carrier; continue; }
      // Taken out by hand while the link is up: tell the partner we are out of sync first
      // (802.1AX mux DETACHED), so it stops sending here now rather than after its timeout.
      if (link && !carrier && m.lacp.carrier) { m.lacp.attached = false; m.lacp.refreshActor(); this.sendLacpdu(m); }
      if (m.lacp.expire(wall, carrier)) changed = true;
    }
    if (this.lacpMode !== 'off') {
      selectAggregator(this.machines);
      for (const m of this.members) if (m.outLink !== undefined && m.lacp.shouldTransmit(wall)) this.sendLacpdu(m);
    }
    const fallback = this.fallingBack();
    for (const m of this.members) {
      m.mayEnable = this.lacpMode === 'off' || fallback ? m.lacp.carrier : m.lacp.mayEnable;
      if (this.followDelay(m, now)) changed = true;
    }
    const ab = this.mode === 'active-backup' || fallback;
    if (ab !== this.ab) { this.ab = ab; changed = true; }
    if (changed || this.active < 0) this.rebalance(now);
    this.lastNow = now;
    if (this.rebalanceInterval > 0 && !this.ab) {
      if (this.nextRebalance < 0) this.nextRebalance = now + this.rebalanceInterval;
      else if (now >= this.nextRebalance) this.rebalanceNow(now);
    }
  }

  /** LACP is configured, no member has a partner, and lacp-fallback-ab says: run active-backup. */
  private fallingBack(): boolean {
    return this.fallbackAb && this.lacpMode !== 'off' && !this.members.some((m) => m.lacp.attached);
  }

  /**
   * OVS's bond_link_status_update: a change of mayEnable starts the up or down delay, a
   * change back cancels it; when it expires, enabled follows. Returns true when it changed.
   */
  private followDelay(m: BondMember, now: number): boolean {
    const up = m.mayEnable;
    if (m.adminDown) { // `bond disable-member` acts at once, as ovs-appctl's does
      m.delayExpires = Infinity;
      if (!m.enabled) return false;
      m.enabled = false;
      return true;
    }
    if ((up === m.enabled) !== (m.delayExpires === Infinity)) {
      m.delayExpires = up === m.enabled ? Infinity : now + (up ? this.updelay : this.downdelay);
    }
    if (now < m.delayExpires) return false;
    m.delayExpires = Infinity;
    if (m.enabled === up) return false;
    m.enabled = up;
    return true;
  }

  /**
   * Load rebalance now (OVS's bond_rebalance, also `sluice bond rebalance`): move busy
   * buckets from the most to the least loaded enabled member, then halve every bucket's
   * load. Returns the number of buckets moved.
   */
  rebalanceNow(now = this.lastNow): number {
    if (this.rebalanceInterval > 0) this.nextRebalance = now + this.rebalanceInterval;
    if (this.ab) return 0;
    const enabled = this.members.filter((m) => m.enabled).map((m) => m.index);
    const moved = rebalanceLoad(this.buckets, this.bucketBytes, enabled);
    this.rebalances++;
    this.loadMoves += moved;
    this.bucketMoves += moved;
    return moved;
  }

  private sendLacpdu(m: BondMember): void {
    const p = this.pool.alloc();
    if (p < 0) return;
    const s = this.pool.start(p);
    this.pool.len[p] = buildLacpdu(this.pool.data, s, this.settings.system, m.lacp.actor, m.lacp.partner);
    this.counters[GENERATED]++;
    m.outLink!.transmit(p);
  }

  /**
   * Pick the active member and place the buckets (control path): a member that left gives
   * its buckets to the others round robin (the rest stay, as OVS moves only a failed
   * member's hashes); a member that joined gets its even share at once (OVS would wait for
   * its next load rebalance, up to 10 s).
   */
  private rebalance(now: number): void {
    let en = this.members.filter((m) => m.enabled).map((m) => m.index);
    if (en.length === 0) {
      // OVS's bond_choose_member: no member is enabled, so the one whose updelay ends first
      // is enabled at once (the rest of its updelay is skipped).
      let best: BondMember | undefined;
      for (const m of this.members) if (m.mayEnable && m.delayExpires !== Infinity && (!best || m.delayExpires < best.delayExpires)) best = m;
      if (best) { best.enabled = true; best.delayExpires = Infinity; en = [best.index]; }
    }
    let active = this.active;
    if (this.primary >= 0 && en.includes(this.primary)) active = this.primary;
    else if (!en.includes(active)) active = en[0] ?? -1;
    if (active !== this.active) { this.active = active; this.activeChanges++; }
    const joined = en.some((i) => !this.buckets.includes(i));
    for (let b = 0; b < BOND_BUCKETS; b++) {
      const cur = this.buckets[b]!;
      let next = cur;
      if (en.length === 0) next = -1;
      else if (joined) next = en[b % en.length]!;
      else if (!en.includes(cur)) next = en[this.nextBucket++ % en.length]!; // as OVS's get_enabled_member
      if (cur >= 0 && next !== cur) this.bucketMoves++;
      this.buckets[b] = next;
    }
  }

  /** Enable or disable a member by hand (control path); false when there is no such member. */
  setMemberEnabled(name: string, enabled: boolean): boolean {
    const m = this.members.find((x) => x.name === name);
    if (!m) return false;
    m.adminDown = !enabled;
    this.nextRun = 0;
    return true;
  }

  private lacpStatus(): string {
    if (this.lacpMode === 'off') return 'off';
    return this.members.some((m) => m.lacp.attached) ? 'negotiated' : 'configured';
  }

  /** `bond show` (ovs-appctl bond/show) as fields. */
  bondShow(): Record<string, unknown> {
    const balanced = this.mode !== 'active-backup';
    return {
      name: this.name, mode: this.mode, lacpStatus: this.lacpStatus(), lacpFallbackAb: this.fallbackAb, fallingBack: this.fallingBack(),
      updelay: this.updelay, downdelay: this.downdelay, rebalanceInterval: this.rebalanceInterval,
      nextRebalance: balanced && !this.ab && this.rebalanceInterval > 0 && this.nextRebalance >= 0 ? Math.max(0, Math.round(this.nextRebalance - this.lastNow)) : null,
      primary: this.primary >= 0 ? this.members[this.primary]!.name : null,
      activeMember: this.active >= 0 ? this.members[this.active]!.name : null,
      activeChanges: this.activeChanges, bucketMoves: this.bucketMoves, loadMoves: this.loadMoves, rebalances: this.rebalances,
      members: this.members.map((m) => {
        const hashes: { bucket: number; bytes: number }[] = [];
        if (balanced) for (let b = 0; b < BOND_BUCKETS; b++) if (this.buckets[b] === m.index && this.bucketBytes[b]! > 0) hashes.push({ bucket: b, bytes: this.bucketBytes[b]! });
        const delay = m.delayExpires === Infinity ? null : { kind: m.enabled ? 'downdelay' : 'updelay', expiresIn: Math.max(0, Math.round(m.delayExpires - this.lastNow)) };
        return {
          name: m.name, enabled: m.enabled, adminDown: m.adminDown, mayEnable: m.mayEnable, carrier: m.lacp.carrier, delay,
          active: m.index === this.active, buckets: this.buckets.reduce((n, x) => n + (x === m.index ? 1 : 0), 0),
          load: hashes.reduce((n, h) => n + h.bytes, 0), hashes, rxDropped: m.rxDropped,
        };
      }),
    };
  }

  /** `lacp show` (ovs-appctl lacp/show) as fields. */
  lacpShow(): Record<string, unknown> {
    const info = (i: LacpMember['actor']) => ({
      systemId: macToString(i.system), systemPriority: i.systemPriority, portId: i.port, portPriority: i.portPriority, key: i.key,
      state: i.state, stateWords: lacpStateWords(i.state),
    });
    return {
      name: this.name, lacp: this.lacpMode, status: this.lacpStatus(), lacpFallbackAb: this.fallbackAb, fallingBack: this.fallingBack(),
      systemId: macToString(this.settings.system),
      systemPriority: this.settings.systemPriority, key: this.settings.key, lacpTime: this.settings.fast ? 'fast' : 'slow',
      members: this.members.map((m) => {
        const errors: Record<string, number> = {};
        m.lacpErrors.forEach((v, i) => { if (v > 0) errors[LACPDU_ERROR_NAMES[i]!] = v; });
        return {
          name: m.name, status: RX_STATUS_NAMES[m.lacp.status], attached: m.lacp.attached, mayEnable: m.lacp.mayEnable, carrier: m.lacp.carrier,
          rxPdus: m.lacp.rxPdus, txPdus: m.lacp.txPdus, rxMarkers: m.markersIn, txMarkerResponses: m.markerResponses, errors,
          actor: info(m.lacp.actor), partner: info(m.lacp.partner),
        };
      }),
    };
  }

  override report(): Record<string, unknown> {
    return { bond: this.bondShow() };
  }
}


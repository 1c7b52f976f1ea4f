/**
 * VXLAN tunnel port (`vxlan`, RFC 7348) over IPv4: encapsulates frames from the bridge side
 * and decapsulates frames from the underlay, so two Sluice hosts (or Sluice and a Linux
 * vxlan device) form one L2 overlay.
 *
 *   bridge ─► inner ┌───────┐ outer ─► underlay port      input/output `inner`: the overlay
 *   bridge ◄─ inner │ vxlan │ outer ◄─ underlay port      side (one VNI); extra overlay links
 *                   └───────┘                             and their VNIs via `vnis`
 *
 * Args: `{ vni, localIp, remoteIp, localMac, remoteMac?, udpPort? = 4789, vnis?: { <link>: vni },
 *          ttl? = 64 }`. Without `remoteMac` the app resolves `remoteIp` with ARP on the
 * underlay (a request per second until answered); it always answers ARP for `localIp`.
 *
 * Encapsulation prepends 50 bytes in the packet's headroom (no copy of the payload) from a
 * per-VNI template: outer Ethernet, IPv4 (DF set, checksum from a precomputed partial sum),
 * UDP (source port from a hash of the inner Ethernet header, RFC 7348 5; checksum 0, allowed
 * for IPv4), VXLAN (I flag, VNI). Decapsulation accepts only IPv4/UDP to localIp:udpPort from
 * remoteIp with a valid IPv4 header checksum, a valid UDP checksum when one is present, the
 * I flag set and a known VNI; everything else is dropped with a counted reason.
 */
import { App, type AppContext } from '../../core/app.js';
import type { Link } from '../../core/link.js';
import { DropReason } from '../../core/drop-reasons.js';
import { GENERATED } from '../../core/counters.js';
import {
  parsePacket, ParsedHeaders, L3Kind, Fragment, parseMac, parseIpv4, macHi16, macLo32, macHiAt, macLoAt, writeMacHiLo,
  buildIpv4, buildArp, arpMakeReply, ipv4ChecksumOk, udpChecksumOkV4, onesSum, csumFold, macToString, mac48, VXLAN_OVERHEAD_V4,
} from '../../lib/proto/index.js';

export interface VxlanArgs {
  vni: number;
  localIp: string;
  remoteIp: string;
  localMac: string;
  remoteMac?: string;
  udpPort?: number;
  ttl?: number;
  /** Extra overlay links (by input/output name) and their VNIs. */
  vnis?: Record<string, number>;
}

const vniSchema = { type: 'integer', minimum: 0, maximum: 0xffffff };
export const vxlanSchema = {
  type: 'object',
  required: ['vni', 'localIp', 'remoteIp', 'localMac'],
  additionalProperties: false,
  properties: {
    vni: vniSchema, localIp: { type: 'string' }, remoteIp: { type: 'string' }, localMac: { type: 'string' }, remoteMac: { type: 'string' },
    udpPort: { type: 'integer', minimum: 1, maximum: 65535 }, ttl: { type: 'integer', minimum: 1, maximum: 255 },
    vnis: { type: 'object', additionalProperties: vniSchema },
  },
};

const HDR = VXLAN_OVERHEAD_V4; // 50

export class Vxlan extends App {
  readonly linkNames: string[];
  readonly vniOf: Int32Array;
  private readonly localIp: number;
  private readonly remoteIp: number;
  private readonly localHi: number;
  private readonly localLo: number;
  private remoteHi = 0;
  private remoteLo = 0;
  private resolved: boolean;
  private readonly udpPort: number;
  /** 50-byte header template per overlay link. */
  private readonly templates: Uint8Array;
  /** Ones'-complement sum of each template's IPv4 header with total length and checksum 0. */
  private readonly ipSum: Int32Array;
  private ins: (Link | null)[] = [];
  private outs: (Link | null)[] = [];
  private outerIn: Link | null = null;
  private outerOut: Link | null = null;
  private readonly ph = new ParsedHeaders();
  private nextArp = 0;
  encapsulated = 0;
  decapsulated = 0;
  unknownVni = 0;
  arpRequests = 0;
  arpReplies = 0;

  constructor(ctx: AppContext, args: VxlanArgs) {
    super(ctx);
    const field = <T>(name: string, f: () => T): T => { try { return f(); } catch (e) { throw new Error(`${name}: ${(e as Error).message}`); } };
    this.localIp = field('localIp', () => parseIpv4(args.localIp));
    this.remoteIp = field('remoteIp', () => parseIpv4(args.remoteIp));
    const lm = field('localMac', () => parseMac(args.localMac));
    if (Math.floor(lm / 2 ** 40) & 1) throw new Error(`localMac: ${args.localMac} must be unicast`);
    this.localHi = macHi16(lm);
    this.localLo = macLo32(lm);
    this.resolved = args.remoteMac !== undefined;
    if (args.remoteMac !== undefined) {
      const rm = field('remoteMac', () => parseMac(args.remoteMac!));
      this.remoteHi = macHi16(rm);
      this.remoteLo = macLo32(rm);
    }
    this.udpPort = args.udpPort ?? 4789;
    const links: [string, number][] = [['inner', args.vni], ...Object.entries(args.vnis ?? {})];
    const seen = new Set<number>();
    for (const [name, vni] of links) {
      if (name === 'outer') throw new Error('vnis.outer: "outer" is the underlay link');
      if (seen.has(vni)) throw new Error(`vnis.${name}: VNI ${vni} is used twice`);
      seen.add(vni);
    }
    this.linkNames = links.map((l) => l[0]);
    this.vniOf = Int32Array.from(links.map((l) => l[1]));
    this.templates = new Uint8Array(HDR * links.length);
    this.ipSum = new Int32Array(links.length);
    const ttl = args.ttl ?? 64;
    for (let i = 0; i < links.length; i++) {
      const t = this.templates, o = i * HDR;
      t[o + 12] = 0x08; t[o + 13] = 0x00;
      buildIpv4(t, o + 14, this.localIp, this.remoteIp, 17, 0, ttl, 0, 0);
      t[o + 14 + 2] = 0; t[o + 14 + 3] = 0; t[o + 14 + 10] = 0; t[o + 14 + 11] = 0; // length and checksum per packet
      this.ipSum[i] = onesSum(t, o + 14, 20, 0);
      t[o + 36] = this.udpPort >>> 8; t[o + 37] = this.udpPort & 0xff;
      t[o + 42] = 0x08; // I flag
      const v = this.vniOf[i]!;
      t[o + 46] = v >>> 16; t[o + 47] = (v >>> 8) & 0xff; t[o + 48] = v & 0xff;
    }
    this.writeMacs();
  }

  private writeMacs(): void {
    for (let i = 0; i < this.linkNames.length; i++) {
      writeMacHiLo(this.templates, i * HDR, this.remoteHi, this.remoteLo);
      writeMacHiLo(this.templates, i * HDR + 6, this.localHi, this.localLo);
    }
  }

  override linked(): void {
    this.ins = this.linkNames.map((n) => this.input[n] ?? null);
    this.outs = this.linkNames.map((n) => this.output[n] ?? null);
    this.outerIn = this.input.outer ?? null;
    this.outerOut = this.output.outer ?? null;
  }

  override push(): void {
    const outer = this.outerIn;
    if (outer !== null) while (!outer.empty()) this.decap(outer.receive());
    const ins = this.ins;
    for (let i = 0; i < ins.length; i++) {
      const l = ins[i]!;
      if (l === null) continue;
      while (!l.empty()) this.encap(l.receive(), i);
    }
  }

  private encap(p: number, k: number): void {
    const pool = this.pool, data = pool.data;
    const len = pool.len[p]!;
    if (len < 14) { this.drop(p, DropReason.MALFORMED); return; }
    if (!this.resolved) { this.drop(p, DropReason.NO_NEIGHBOR); return; }
    if (pool.off[p]! < HDR || len + HDR > 65535 - 14) { this.drop(p, DropReason.TOO_BIG); return; }
    const s = pool.start(p), o = s - HDR, t = this.templates, tb = k * HDR;
    for (let i = 0; i < HDR; i++) data[o + i] = t[tb + i]!;
    const ipLen = len + HDR - 14;
    data[o + 16] = ipLen >>> 8; data[o + 17] = ipLen & 0xff;
    const c = ~csumFold(this.ipSum[k]! + ipLen) & 0xffff;
    data[o + 24] = c >>> 8; data[o + 25] = c & 0xff;
    // Entropy for underlay ECMP: hash the inner MACs and EtherType (RFC 7348 5).
    let h = 0;
    for (let i = 0; i < 14; i++) h = (Math.imul(h, 31) + data[s + i]!) | 0;
    h ^= h >>> 15;
    const sport = 49152 | (h & 0x3fff);
    data[o + 34] = sport >>> 8; data[o + 35] = sport & 0xff;
    const udpLen = len + 16;
    data[o + 38] = udpLen >>> 8; data[o + 39] = udpLen & 0xff;
    pool.off[p] -= HDR;
    pool.len[p] = len + HDR;
    const out = this.outerOut;
    if (out === null) { this.drop(p, DropReason.PORT_DOWN); return; }
    this.encapsulated++;
    out.transmit(p);
  }

  private decap(p: number): void {
    const pool = this.pool, data = pool.data, ph = this.ph;
    const s = pool.start(p);
    if (parsePacket(data, s, pool.len[p]!, ph) !== 0) { this.drop(p, DropReason.MALFORMED); return; }
    if (ph.l3Kind === L3Kind.ARP) { this.arpIn(p, s); return; }
    if (ph.l3Kind !== L3Kind.IPV4 || ph.ipv4Dst !== this.localIp || ph.l4Proto !== 17 || ph.dstPort !== this.udpPort) {
      this.drop(p, DropReason.NOT_FOR_US);
      return;
    }
    if (ph.ipv4Src !== this.remoteIp) { this.drop(p, DropReason.NOT_FOR_US); return; }
    if (ph.fragment !== Fragment.NONE) { this.drop(p, DropReason.FILTERED); return; } // no reassembly: underlay MTU must fit
    if (!ipv4ChecksumOk(data, ph.l3Off) || !udpChecksumOkV4(data, ph.l3Off, ph.l4Off)) { this.drop(p, DropReason.MALFORMED); return; }
    const vx = ph.payloadOff;
    // RFC 7348 5: the I flag must be set; the inner frame needs at least an Ethernet header.
    if (ph.payloadLen < 8 + 14 || (data[vx]! & 0x08) === 0) { this.drop(p, DropReason.MALFORMED); return; }
    const vni = (data[vx + 4]! << 16) | (data[vx + 5]! << 8) | data[vx + 6]!;
    const vnis = this.vniOf;
    let k = -1;
    for (let i = 0; i < vnis.length; i++) if (vnis[i] === vni) { k = i; break; }
    if (k < 0) { this.unknownVni++; this.drop(p, DropReason.NOT_FOR_US); return; }
    const l = this.outs[k]!;
    if (l === null) { this.drop(p, DropReason.PORT_DOWN); return; }
    pool.off[p] += vx + 8 - s;
    pool.len[p] = ph.payloadLen - 8;
    this.decapsulated++;
    l.transmit(p);
  }

  private arpIn(p: number, s: number): void {
    const data = this.pool.data, ph = this.ph, l3 = ph.l3Off;
    if (ph.arpSpa === this.remoteIp) {
      const hi = macHiAt(data, l3 + 8), lo = macLoAt(data, l3 + 8);
      if (!this.resolved || hi !== this.remoteHi || lo !== this.remoteLo) {
        this.remoteHi = hi; this.remoteLo = lo; this.resolved = true;
        this.writeMacs();
      }
    }
    if (ph.arpOp === 1 && ph.arpTpa === this.localIp && this.outerOut !== null) {
      arpMakeReply(data, l3, this.localHi, this.localLo);
      writeMacHiLo(data, s, macHiAt(data, l3 + 18), macLoAt(data, l3 + 18));
      writeMacHiLo(data, s + 6, this.localHi, this.localLo);
      this.arpReplies++;
      this.outerOut.transmit(p);
      return;
    }
    this.handle(p);
  }

  override tick(nowMs: number): void {
    if (this.resolved || nowMs < this.nextArp || this.outerOut === null) return;
    this.nextArp = nowMs + 1000;
    const pool = this.pool, q = pool.alloc();
    if (q < 0) { this.refuse(DropReason.NO_BUFFER); return; }
    this.counters[GENERATED]++;
    const data = pool.data, s = pool.start(q);
    data.fill(0, s, s + 60);
    writeMacHiLo(data, s, 0xffff, 0xffffffff);
    writeMacHiLo(data, s + 6, this.localHi, this.localLo);
    data[s + 12] = 0x08; data[s + 13] = 0x06;
    buildArp(data, s + 14, 1, this.localHi, this.localLo, this.localIp, 0, 0, this.remoteIp);
    pool.len[q] = 60;
    this.arpRequests++;
    this.outerOut.transmit(q);
  }

  override report(): Record<string, unknown> {
    return {
      vnis: Object.fromEntries(this.linkNames.map((n, i) => [n, this.vniOf[i]])),
      remoteMac: this.resolved ? macToString(mac48(this.remoteHi, this.remoteLo)) : null,
      encapsulated: this.encapsulated, decapsulated: this.decapsulated, unknownVni: this.unknownVni,
      arpRequests: this.arpRequests, arpReplies: this.arpReplies,
    };
  }
}

/**
 * IPv4/IPv6 router (`l3-router`).
 *
 *           eth0 ─► ┌───────────┐ ─► eth0     input `<iface>`: frames received on it
 *           eth1 ─► │ l3-router │ ─► eth1     output `<iface>`: frames to send out of it
 *                   └───────────┘
 *
 * Args: `{ interfaces: { <name>: { mac, ipv4?: "a.b.c.d/len", ipv6?: "x::y/len", mtu? = 1500 } },
 *          routes?: [{ prefix, via?, dev? }], neighborAgeSec? = 60, maxNeighbors? = 1024,
 *          icmpRate? = 1000 }` — each interface address adds its connected route.
 *
 * Per frame: parsePacket (malformed -> dropped), accept only frames to the interface MAC or
 * a group address, then
 *   ARP: learn the sender if on-link (RFC 826 merge), answer requests for our address.
 *   IPv4: verify the header checksum; to one of our addresses -> answer echo requests;
 *         else TTL <= 1 -> ICMP time exceeded; LPM miss -> ICMP net unreachable; else
 *         decrement TTL (incremental checksum), resolve the next hop and send with new MACs.
 *         Larger than the egress interface's MTU: with DF set, ICMP "fragmentation needed"
 *         carrying that MTU (RFC 1191) and a too_big drop; else cut into fragments (RFC 791:
 *         8-byte aligned offsets, MF on all but the last, the header copied to each).
 *   IPv6: the same with hop limit, ICMPv6, and neighbour discovery (NS answered with NA for
 *         our addresses, NA and NS source options learned; hop limit 255 required, RFC 4861).
 * Unresolved next hops: the packet waits in the neighbour's hold queue (a few packets) while
 * ARP requests / neighbour solicitations go out once a second, up to 3; then the queue is
 * dropped (no_neighbor). ICMP errors are rate limited (token bucket), never sent about ICMP
 * errors, fragments after the first, or group/unspecified sources.
 *
 * Control path: addRoute(spec), delRoute(prefix), routes(), neighbors(). XDP programs on
 * the router's ports ask its routes and neighbours through bpf_fib_lookup (apps/bpf/fib.ts).
 */
import { App, type AppContext } from '../../core/app.js';
import type { Link } from '../../core/link.js';
import { DropReason } from '../../core/drop-reasons.js';
import { GENERATED } from '../../core/counters.js';
import {
  parsePacket, ParsedHeaders, L3Kind, Fragment, parseMac, macHi16, macLo32, macHiAt, macLoAt, writeMacHiLo, macToString, mac48,
  ipv4ChecksumOk, ipv4DecTtl, ipv4SetChecksum, buildIpv4, icmpChecksumOk, icmpEchoToReply, icmpSetChecksum,
  icmpv6ChecksumOk, icmpv6EchoToReply, icmpv6SetChecksum, buildIcmpv6Nd, buildIpv6, buildArp, arpMakeReply, NdFlag,
  ipv6WriteSolicitedNode, bytesEqual, moveBytes, ipv4ToString, ipv6ToString, rd32, wr32,
} from '../../lib/proto/index.js';
import { NeighborTable, INCOMPLETE, REACHABLE, MAX_PROBES, HOLD_PACKETS } from './neighbors.js';
import { RouteTable, parseCidr, mask4, type RouteSpec, type RouteEntry, type IfaceAddr } from './routes.js';

export interface RouterIfaceArgs { mac: string; ipv4?: string; ipv6?: string; mtu?: number }
export interface RouterArgs {
  interfaces: Record<string, RouterIfaceArgs>;
  routes?: RouteSpec[];
  neighborAgeSec?: number;
  maxNeighbors?: number;
  /** ICMP errors per second (token bucket, burst = a tenth of a second's worth + 10). */
  icmpRate?: number;
}

export const routerSchema = {
  type: 'object',
  required: ['interfaces'],
  additionalProperties: false,
  properties: {
    interfaces: {
      type: 'object', minProperties: 1,
      additionalProperties: {
        type: 'object', required: ['mac'], additionalProperties: false,
        properties: { mac: { type: 'string' }, ipv4: { type: 'string' }, ipv6: { type: 'string' }, mtu: { type: 'integer', minimum: 576, maximum: 65535 } },
      },
    },
    routes: {
      type: 'array',
      items: { type: 'object', required: ['prefix'], additionalProperties: false, properties: { prefix: { type: 'string' }, via: { type: 'string' }, dev: { type: 'string' } } },
    },
    neighborAgeSec: { type: 'number', minimum: 1 },
    maxNeighbors: { type: 'integer', minimum: 1, maximum: 1 << 20 },
    icmpRate: { type: 'number', minimum: 0 },
  },
};

export interface NeighborEntry { ip: string; mac: string | null; dev: string; state: 'incomplete' | 'reachable'; ageSec: number; queued: number }

const ICMP_MAX_QUOTE_V4 = 576 - 20 - 8; // RFC 1812 4.3.2.3: error datagrams up to 576 bytes
const ICMP_MAX_QUOTE_V6 = 1280 - 40 - 8; // RFC 4443 2.4(c): up to the minimum MTU
const SWEEP_MS = 100;

export class L3Router extends App {
  readonly names: string[];
  private readonly n: number;
  /** Per interface (index into `names`): MAC, addresses, IP MTU; bpf_fib_lookup reads them too (apps/bpf/fib.ts). */
  readonly macHi: Uint16Array;
  readonly macLo: Uint32Array;
  readonly ip4: Uint32Array;
  readonly mask4: Uint32Array;
  readonly has4: Uint8Array;
  readonly ip6: Uint8Array;
  readonly has6: Uint8Array;
  /** IP MTU of each interface (largest IP packet sent out of it). */
  readonly mtu: Uint16Array;
  readonly rt: RouteTable;
  readonly arp: NeighborTable;
  readonly nd: NeighborTable;
  private ins: (Link | null)[] = [];
  private outs: (Link | null)[] = [];
  private readonly ph = new ParsedHeaders();
  private readonly key4 = new Uint32Array(1);
  private readonly key6 = new Uint32Array(4);
  private readonly addr6 = new Uint8Array(16);
  private readonly icmpRate: number;
  private icmpTokens: number;
  private lastTick: number;
  private nextSweep = 0;
  private now: number;
  forwarded = 0;
  arpReplies = 0;
  ndReplies = 0;
  echoReplies = 0;
  icmpErrors = 0;
  icmpRateLimited = 0;
  probesSent = 0;
  badChecksum = 0;
  /** IPv4 packets cut into fragments, and the fragments that made. */
  fragmented = 0;
  fragmentsOut = 0;

  constructor(ctx: AppContext, args: RouterArgs) {
    super(ctx);
    const names = Object.keys(args.interfaces).sort();
    if (names.length === 0) throw new Error('interfaces: at least one interface is required');
    const n = names.length;
    this.names = names;
    this.n = n;
    this.macHi = new Uint16Array(n);
    this.macLo = new Uint32Array(n);
    this.ip4 = new Uint32Array(n);
    this.mask4 = new Uint32Array(n);
    this.has4 = new Uint8Array(n);
    this.ip6 = new Uint8Array(16 * n);
    this.has6 = new Uint8Array(n);
    this.mtu = new Uint16Array(n);
    const addrs: IfaceAddr[] = [];
    for (let i = 0; i < n; i++) {
      const name = names[i]!, a = args.interfaces[name]!;
      let mac: number;
      try { mac = parseMac(a.mac); } catch (e) { throw new Error(`interfaces.${name}.mac: ${(e as Error).message}`); }
      if (mac === 0 || Math.floor(mac / 2 ** 40) & 1) throw new Error(`interfaces.${name}.mac: ${a.mac} must be a unicast, non-zero MAC`);
      this.macHi[i] = macHi16(mac);
      this.macLo[i] = macLo32(mac);
      this.mtu[i] = a.mtu ?? 1500;
      const ad: IfaceAddr = { name, ip4: -1, len4: 0, ip6: null, len6: 0 };
      if (a.ipv4 !== undefined) {
        const c = parseCidr(`interfaces.${name}.ipv4`, a.ipv4);
        if (c.v6 || c.len === 0 || c.len > 31) throw new Error(`interfaces.${name}.ipv4: "${a.ipv4}" must be an IPv4 address with a prefix length 1..31`);
        this.ip4[i] = c.addr4; this.mask4[i] = mask4(c.len); this.has4[i] = 1;
        ad.ip4 = c.addr4; ad.len4 = c.len;
      }
      if (a.ipv6 !== undefined) {
        const c = parseCidr(`interfaces.${name}.ipv6`, a.ipv6);
        if (!c.v6 || c.len === 0 || c.len > 127) throw new Error(`interfaces.${name}.ipv6: "${a.ipv6}" must be an IPv6 address with a prefix length 1..127`);
        this.ip6.set(c.addr6, 16 * i); this.has6[i] = 1;
        ad.ip6 = c.addr6; ad.len6 = c.len;
      }
      addrs.push(ad);
    }
    this.rt = new RouteTable(addrs);
    for (const a of addrs) {
      if (a.ip4 >= 0) this.rt.add({ prefix: `${ipv4ToString((a.ip4 & mask4(a.len4)) >>> 0)}/${a.len4}`, dev: a.name }, true);
      if (a.ip6) this.rt.add({ prefix: `${ipv6ToString(a.ip6, 0)}/${a.len6}`, dev: a.name }, true);
    }
    const routes = args.routes ?? [];
    for (let i = 0; i < routes.length; i++) {
      try { this.rt.add(routes[i]!); } catch (e) { throw new Error(`routes[${i}].${(e as Error).message}`); }
    }
    const age = (args.neighborAgeSec ?? 60) * 1000, cap = args.maxNeighbors ?? 1024;
    this.arp = new NeighborTable(1, cap, age);
    this.nd = new NeighborTable(4, cap, age);
    this.icmpRate = args.icmpRate ?? 1000;
    this.icmpTokens = this.icmpRate / 10 + 10;
    this.now = performance.now();
    this.lastTick = this.now;
  }

  override linked(): void {
    const ins: (Link | null)[] = [], outs: (Link | null)[] = [];
    for (let i = 0; i < this.n; i++) {
      ins.push(this.input[this.names[i]!] ?? null);
      outs.push(this.output[this.names[i]!] ?? null);
    }
    this.ins = ins;
    this.outs = outs;
  }

  override push(): void {
    const ins = this.ins;
    for (let i = 0; i < ins.length; i++) {
      const l = ins[i]!;
      if (l === null) continue;
      while (!l.empty()) this.receive(l.receive(), i);
    }
  }

  private receive(p: number, port: number): void {
    const pool = this.pool, data = pool.data, ph = this.ph;
    const s = pool.start(p);
    if (parsePacket(data, s, pool.len[p]!, ph) !== 0) { this.drop(p, DropReason.MALFORMED); return; }
    if (ph.vlanCount !== 0) { this.drop(p, DropReason.VLAN_MISMATCH); return; }
    if ((data[s]! & 1) === 0 && (macHiAt(data, s) !== this.macHi[port] || macLoAt(data, s) !== this.macLo[port])) {
      this.drop(p, DropReason.NOT_FOR_US);
      return;
    }
    const kind = ph.l3Kind;
    if (kind === L3Kind.IPV4) this.ipv4(p, port, s);
    else if (kind === L3Kind.IPV6) this.ipv6(p, port, s);
    else if (kind === L3Kind.ARP) this.arpIn(p, port, s);
    else this.drop(p, DropReason.FILTERED);
  }

  // ---- IPv4 ----

  private ipv4(p: number, port: number, s: number): void {
    const data = this.pool.data, ph = this.ph, l3 = ph.l3Off;
    if (!ipv4ChecksumOk(data, l3)) { this.badChecksum++; this.drop(p, DropReason.MALFORMED); return; }
    const dst = ph.ipv4Dst;
    for (let i = 0; i < this.n; i++) if (this.has4[i] === 1 && this.ip4[i] === dst) { this.local4(p, port, s); return; }
    // Link-layer group frames and IP multicast/broadcast are not routed.
    if ((data[s]! & 1) !== 0 || dst >= 0xe0000000) { this.drop(p, DropReason.NOT_FOR_US); return; }
    if (ph.ipTtl <= 1) { this.icmp4Error(p, port, 11, 0); this.drop(p, DropReason.TTL_EXPIRED); return; }
    const rt = this.rt;
    const nh = rt.lpm4.lookup(dst);
    if (nh < 0) { this.icmp4Error(p, port, 3, 0); this.drop(p, DropReason.NO_ROUTE); return; }
    const out = rt.nhPort[nh]!;
    const mtu = this.mtu[out]!;
    if (ph.l3End - l3 > mtu && (data[l3 + 6]! & 0x40) !== 0) {
      this.icmp4Error(p, port, 3, 4, mtu);
      this.drop(p, DropReason.TOO_BIG);
      return;
    }
    ipv4DecTtl(data, l3);
    this.key4[0] = rt.nhHasGw[nh] === 1 ? rt.nhGw4[nh]! : dst;
    if (ph.l3End - l3 > mtu) { this.fragment4(p, out, mtu); return; }
    this.toNeighbor(this.arp, this.key4, p, out, 0);
  }

  /**
   * Cuts the IPv4 packet p (TTL already decremented) into fragments of at most `mtu` bytes
   * and sends each to the next hop in key4 (fragments count as generated, p as handled once
   * copied). A fragment that cannot get a buffer is refused as no_buffer (the receiver's
   * reassembly then times out).
   */
  private fragment4(p: number, out: number, mtu: number): void {
    const pool = this.pool, data = pool.data, ph = this.ph, s = pool.start(p), l3 = ph.l3Off;
    const hlen = (data[l3]! & 0x0f) * 4, total = ph.l3End - l3;
    const chunk = (mtu - hlen) & ~7;
    const frag0 = ((data[l3 + 6]! << 8) | data[l3 + 7]!) & 0x1fff, mf0 = data[l3 + 6]! & 0x20;
    const l2 = l3 - s;
    this.fragmented++;
    for (let off = 0; off < total - hlen; off += chunk) {
      const len = Math.min(chunk, total - hlen - off);
      const q = pool.alloc();
      if (q < 0) { this.refuse(DropReason.NO_BUFFER); continue; }
      this.counters[GENERATED]++;
      const qs = pool.start(q), q3 = qs + l2;
      data.copyWithin(qs, s, l3 + hlen);
      data.copyWithin(q3 + hlen, l3 + hlen + off, l3 + hlen + off + len);
      const last = off + len >= total - hlen;
      const field = (frag0 + (off >> 3)) | (last && mf0 === 0 ? 0 : 0x2000);
      data[q3 + 2] = (hlen + len) >> 8; data[q3 + 3] = (hlen + len) & 0xff;
      data[q3 + 6] = field >> 8; data[q3 + 7] = field & 0xff;
      ipv4SetChecksum(data, q3);
      pool.len[q] = l2 + hlen + len;
      this.fragmentsOut++;
      this.toNeighbor(this.arp, this.key4, q, out, 0);
    }
    this.handle(p); // replaced by its fragments
  }

  /** Sends p to the neighbour `key` on port `out`, resolving it first if needed. */
  private toNeighbor(t: NeighborTable, key: Uint32Array, p: number, out: number, v6: number): void {
    let slot = t.find(key);
    if (slot >= 0 && t.state[slot] === REACHABLE) {
      this.forwarded++;
      this.emit(p, out, t.macHi[slot]!, t.macLo[slot]!);
      return;
    }
    if (slot < 0) {
      slot = t.create(key, out, this.now);
      if (slot < 0) { this.drop(p, DropReason.NO_NEIGHBOR); return; }
      t.hold(slot, p);
      if (v6 === 1) this.probe6(slot); else this.probe4(slot);
      t.probes[slot] = 1;
      t.nextProbe[slot] = this.now + 1000;
      return;
    }
    if (!t.hold(slot, p)) this.drop(p, DropReason.NO_NEIGHBOR);
  }

  private emit(p: number, port: number, dstHi: number, dstLo: number): void {
    const pool = this.pool, s = pool.start(p);
    writeMacHiLo(pool.data, s, dstHi, dstLo);
    writeMacHiLo(pool.data, s + 6, this.macHi[port]!, this.macLo[port]!);
    const l = this.outs[port]!;
    if (l === null) { this.drop(p, DropReason.PORT_DOWN); return; }
    l.transmit(p);
  }

  /** Sends p back to the sender of the frame it came in (replies): dst MAC := old src MAC. */
  private reflect(p: number, port: number): void {
    const pool = this.pool, s = pool.start(p), data = pool.data;
    this.emit(p, port, macHiAt(data, s + 6), macLoAt(data, s + 6));
  }

  private local4(p: number, port: number, s: number): void {
    const data = this.pool.data, ph = this.ph, l3 = ph.l3Off;
    if (ph.l4Proto === 1 && ph.icmpType === 8 && ph.fragment === Fragment.NONE) {
      if (!icmpChecksumOk(data, ph.l4Off, ph.l3End - ph.l4Off)) { this.drop(p, DropReason.MALFORMED); return; }
      const src = ph.ipv4Src;
      wr32(data, l3 + 12, ph.ipv4Dst);
      wr32(data, l3 + 16, src);
      data[l3 + 8] = 64;
      ipv4SetChecksum(data, l3);
      icmpEchoToReply(data, ph.l4Off);
      this.echoReplies++;
      this.reflect(p, port);
      return;
    }
    this.drop(p, DropReason.FILTERED);
  }

  private arpIn(p: number, port: number, s: number): void {
    const data = this.pool.data, ph = this.ph, l3 = ph.l3Off;
    if (this.has4[port] !== 1) { this.drop(p, DropReason.NOT_FOR_US); return; }
    const spa = ph.arpSpa, tpa = ph.arpTpa, me = this.ip4[port]!;
    const forUs = tpa === me;
    // RFC 826 merge: update a known sender; add it when the packet is for us. Off-link senders are ignored.
    if (spa !== 0 && ((spa ^ me) & this.mask4[port]!) === 0 && spa !== me) {
      this.key4[0] = spa;
      let slot = this.arp.find(this.key4);
      if (slot < 0 && forUs) slot = this.arp.create(this.key4, port, this.now);
      if (slot >= 0) {
        this.arp.resolve(slot, port, macHiAt(data, l3 + 8), macLoAt(data, l3 + 8), this.now);
        this.flush(this.arp, slot);
      }
    }
    if (ph.arpOp === 1 && forUs) {
      arpMakeReply(data, l3, this.macHi[port]!, this.macLo[port]!);
      this.arpReplies++;
      // The reply's target hardware address is the requester.
      this.emit(p, port, macHiAt(data, l3 + 18), macLoAt(data, l3 + 18));
      return;
    }
    this.handle(p);
  }

  private flush(t: NeighborTable, slot: number): void {
    const n = t.nHeld[slot]!, base = slot * HOLD_PACKETS;
    t.nHeld[slot] = 0;
    for (let i = 0; i < n; i++) {
      this.forwarded++;
      this.emit(t.held[base + i]!, t.port[slot]!, t.macHi[slot]!, t.macLo[slot]!);
    }
  }

  private probe4(slot: number): void {
    const port = this.arp.port[slot]!;
    if (this.has4[port] !== 1) return;
    const pool = this.pool, q = pool.alloc();
    if (q < 0) { this.refuse(DropReason.NO_BUFFER); return; }
    this.counters[GENERATED]++;
    const data = pool.data, s = pool.start(q);
    data.fill(0, s, s + 60);
    writeMacHiLo(data, s, 0xffff, 0xffffffff);
    writeMacHiLo(data, s + 6, this.macHi[port]!, this.macLo[port]!);
    data[s + 12] = 0x08; data[s + 13] = 0x06;
    buildArp(data, s + 14, 1, this.macHi[port]!, this.macLo[port]!, this.ip4[port]!, 0, 0, this.arp.table.keyWordAt(slot, 0));
    pool.len[q] = 60;
    this.probesSent++;
    const l = this.outs[port]!;
    if (l === null) { this.drop(q, DropReason.PORT_DOWN); return; }
    l.transmit(q);
  }

  private icmp4Error(p: number, port: number, type: number, code: number, mtu = 0): void {
    const pool = this.pool, data = pool.data, ph = this.ph;
    const src = ph.ipv4Src;
    if (this.has4[port] !== 1 || ph.fragment === Fragment.LATER || src === 0 || src >= 0xe0000000) return;
    if (ph.l4Proto === 1 && ph.icmpType !== 0 && ph.icmpType !== 8 && ph.icmpType !== 13 && ph.icmpType !== 14) return; // never about an ICMP error
    if (this.icmpTokens < 1) { this.icmpRateLimited++; return; }
    this.icmpTokens--;
    const q = pool.alloc();
    if (q < 0) { this.refuse(DropReason.NO_BUFFER); return; }
    this.counters[GENERATED]++;
    let quote = ph.l3End - ph.l3Off;
    if (quote > ICMP_MAX_QUOTE_V4) quote = ICMP_MAX_QUOTE_V4;
    const s = pool.start(p), qs = pool.start(q);
    writeMacHiLo(data, qs, macHiAt(data, s + 6), macLoAt(data, s + 6));
    writeMacHiLo(data, qs + 6, this.macHi[port]!, this.macLo[port]!);
    data[qs + 12] = 0x08; data[qs + 13] = 0x00;
    buildIpv4(data, qs + 14, this.ip4[port]!, src, 1, 8 + quote, 64, 0xc0, 0, 0);
    data[qs + 34] = type; data[qs + 35] = code;
    wr32(data, qs + 36, 0); wr32(data, qs + 38, mtu & 0xffff); // next-hop MTU for "fragmentation needed" (RFC 1191)
    data.copyWithin(qs + 42, ph.l3Off, ph.l3Off + quote);
    icmpSetChecksum(data, qs + 34, 8 + quote);
    pool.len[q] = 42 + quote;
    this.icmpErrors++;
    const l = this.outs[port]!;
    if (l === null) { this.drop(q, DropReason.PORT_DOWN); return; }
    l.transmit(q);
  }

  // ---- IPv6 ----

  private isMine6(port: number, buf: Uint8Array, off: number): boolean {
    return this.has6[port] === 1 && bytesEqual(this.ip6, 16 * port, buf, off, 16);
  }

  private ipv6(p: number, port: number, s: number): void {
    const data = this.pool.data, ph = this.ph, dstOff = ph.ipv6DstOff;
    if (data[dstOff] === 0xff) {
      // Multicast: only ND to our solicited-node group or all-nodes reaches us; nothing is routed.
      if (ph.l4Proto === 58 && this.has6[port] === 1) { this.local6(p, port); return; }
      this.drop(p, DropReason.NOT_FOR_US);
      return;
    }
    for (let i = 0; i < this.n; i++) if (this.isMine6(i, data, dstOff)) { this.local6(p, port); return; }
    if ((data[s]! & 1) !== 0) { this.drop(p, DropReason.NOT_FOR_US); return; }
    if (ph.ipTtl <= 1) { this.icmp6Error(p, port, 3, 0); this.drop(p, DropReason.TTL_EXPIRED); return; }
    const rt = this.rt;
    const nh = rt.lpm6.lookup(data, dstOff);
    if (nh < 0) { this.icmp6Error(p, port, 1, 0); this.drop(p, DropReason.NO_ROUTE); return; }
    const out = rt.nhPort[nh]!;
    data[ph.l3Off + 7]--;
    const k = this.key6;
    if (rt.nhHasGw[nh] === 1) for (let w = 0; w < 4; w++) k[w] = rd32(rt.nhGw6, nh * 16 + 4 * w);
    else for (let w = 0; w < 4; w++) k[w] = rd32(data, dstOff + 4 * w);
    this.toNeighbor(this.nd, k, p, out, 1);
  }

  /** Offset of the 6-byte link-layer address in the ND option of `type` within [off, end), or -1. */
  private ndOption(data: Uint8Array, off: number, end: number, type: number): number {
    for (let i = 0; i < 8 && off + 8 <= end; i++) {
      const olen = data[off + 1]! * 8;
      if (olen === 0 || off + olen > end) return -1; // RFC 4861 4.6: zero length is invalid
      if (data[off] === type) return off + 2;
      off += olen;
    }
    return -1;
  }

  private learn6(port: number, addrOff: number, macOff: number, create: boolean): void {
    const data = this.pool.data, k = this.key6;
    for (let w = 0; w < 4; w++) k[w] = rd32(data, addrOff + 4 * w);
    let slot = this.nd.find(k);
    if (slot < 0 && create) slot = this.nd.create(k, port, this.now);
    if (slot < 0) return;
    this.nd.resolve(slot, port, macHiAt(data, macOff), macLoAt(data, macOff), this.now);
    this.flush(this.nd, slot);
  }

  private local6(p: number, port: number): void {
    const data = this.pool.data, ph = this.ph, l3 = ph.l3Off, l4 = ph.l4Off, end = ph.l3End;
    if (ph.l4Proto !== 58 || ph.fragment !== Fragment.NONE) { this.drop(p, DropReason.FILTERED); return; }
    if (!icmpv6ChecksumOk(data, l3, l4, end - l4)) { this.drop(p, DropReason.MALFORMED); return; }
    const type = ph.icmpType;
    if (type === 135 || type === 136) {
      // RFC 4861 7.1: hop limit 255 (not forwarded), code 0, at least 24 bytes, target not multicast.
      if (ph.ipTtl !== 255 || ph.icmpCode !== 0 || end - l4 < 24 || data[l4 + 8] === 0xff) { this.drop(p, DropReason.MALFORMED); return; }
      const target = l4 + 8;
      const srcOff = ph.ipv6SrcOff;
      let unspecified = true;
      for (let i = 0; i < 16; i++) if (data[srcOff + i] !== 0) { unspecified = false; break; }
      if (type === 136) {
        const lla = this.ndOption(data, l4 + 24, end, 2);
        if (lla >= 0) this.learn6(port, target, lla, false);
        this.handle(p);
        return;
      }
      if (!this.isMine6(port, data, target)) { this.handle(p); return; }
      const lla = this.ndOption(data, l4 + 24, end, 1);
      if (lla >= 0 && !unspecified) this.learn6(port, srcOff, lla, true);
      // Answer in place: NA from our address to the soliciting node (all-nodes when it had no address yet).
      const a = this.addr6;
      if (unspecified) { a.fill(0); a[0] = 0xff; a[1] = 0x02; a[15] = 1; } else moveBytes(a, 0, data, srcOff, 16);
      const pool = this.pool, s = pool.start(p);
      const dHi = unspecified ? 0x3333 : macHiAt(data, s + 6), dLo = unspecified ? 1 : macLoAt(data, s + 6);
      data[s + 12] = 0x86; data[s + 13] = 0xdd;
      buildIpv6(data, s + 14, this.ip6, 16 * port, a, 0, 58, 32, 255);
      buildIcmpv6Nd(data, s + 54, s + 14, 136, (NdFlag.ROUTER | NdFlag.SOLICITED * (unspecified ? 0 : 1) | NdFlag.OVERRIDE) >>> 0,
        this.ip6, 16 * port, this.macHi[port]!, this.macLo[port]!);
      pool.len[p] = 14 + 40 + 32;
      this.ndReplies++;
      this.emit(p, port, dHi, dLo);
      return;
    }
    if (type === 128 && data[ph.ipv6DstOff] !== 0xff) { // echo to one of our unicast addresses
      const a = this.addr6;
      moveBytes(a, 0, data, ph.ipv6SrcOff, 16);
      moveBytes(data, ph.ipv6SrcOff, data, ph.ipv6DstOff, 16);
      moveBytes(data, ph.ipv6DstOff, a, 0, 16);
      data[l3 + 7] = 64;
      icmpv6EchoToReply(data, l4);
      this.echoReplies++;
      this.reflect(p, port);
      return;
    }
    this.handle(p);
  }

  private probe6(slot: number): void {
    const port = this.nd.port[slot]!;
    if (this.has6[port] !== 1) return;
    const pool = this.pool, q = pool.alloc();
    if (q < 0) { this.refuse(DropReason.NO_BUFFER); return; }
    this.counters[GENERATED]++;
    const data = pool.data, s = pool.start(q), t = this.addr6;
    for (let w = 0; w < 4; w++) wr32(t, 4 * w, this.nd.table.keyWordAt(slot, w));
    // Solicited-node multicast (RFC 4291 2.7.1) and its MAC 33:33:ff:xx:xx:xx (RFC 2464 7).
    writeMacHiLo(data, s, 0x3333, (0xff000000 | (t[13]! << 16) | (t[14]! << 8) | t[15]!) >>> 0);
    writeMacHiLo(data, s + 6, this.macHi[port]!, this.macLo[port]!);
    data[s + 12] = 0x86; data[s + 13] = 0xdd;
    ipv6WriteSolicitedNode(data, s + 14 + 24, t, 0);
    // buildIpv6 copies the destination from a buffer: use the bytes just written.
    buildIpv6(data, s + 14, this.ip6, 16 * port, data, s + 14 + 24, 58, 32, 255);
    buildIcmpv6Nd(data, s + 54, s + 14, 135, 0, t, 0, this.macHi[port]!, this.macLo[port]!);
    pool.len[q] = 14 + 40 + 32;
    this.probesSent++;
    const l = this.outs[port]!;
    if (l === null) { this.drop(q, DropReason.PORT_DOWN); return; }
    l.transmit(q);
  }

  private icmp6Error(p: number, port: number, type: number, code: number): void {
    const pool = this.pool, data = pool.data, ph = this.ph;
    const srcOff = ph.ipv6SrcOff;
    if (this.has6[port] !== 1 || ph.fragment === Fragment.LATER || data[srcOff] === 0xff) return;
    let unspecified = true;
    for (let i = 0; i < 16; i++) if (data[srcOff + i] !== 0) { unspecified = false; break; }
    if (unspecified) return;
    if (ph.l4Proto === 58 && ph.icmpType < 128) return; // RFC 4443 2.4(e): never about an error
    if (this.icmpTokens < 1) { this.icmpRateLimited++; return; }
    this.icmpTokens--;
    const q = pool.alloc();
    if (q < 0) { this.refuse(DropReason.NO_BUFFER); return; }
    this.counters[GENERATED]++;
    let quote = ph.l3End - ph.l3Off;
    if (quote > ICMP_MAX_QUOTE_V6) quote = ICMP_MAX_QUOTE_V6;
    const s = pool.start(p), qs = pool.start(q);
    writeMacHiLo(data, qs, macHiAt(data, s + 6), macLoAt(data, s + 6));
    writeMacHiLo(data, qs + 6, this.macHi[port]!, this.macLo[port]!);
    data[qs + 12] = 0x86; data[qs + 13] = 0xdd;
    buildIpv6(data, qs + 14, this.ip6, 16 * port, data, srcOff, 58, 8 + quote, 64);
    data[qs + 54] = type; data[qs + 55] = code;
    wr32(data, qs + 56, 0); wr32(data, qs + 58, 0);
    data.copyWithin(qs + 62, ph.l3Off, ph.l3Off + quote);
    icmpv6SetChecksum(data, qs + 14, qs + 54, 8 + quote);
    pool.len[q] = 62 + quote;
    this.icmpErrors++;
    const l = this.outs[port]!;
    if (l === null) { this.drop(q, DropReason.PORT_DOWN); return; }
    l.transmit(q);
  }

  // ---- timers and control path ----

  override tick(nowMs: number): void {
    this.now = nowMs;
    const dt = nowMs - this.lastTick;
    this.lastTick = nowMs;
    const burst = this.icmpRate / 10 + 10;
    this.icmpTokens = Math.min(burst, this.icmpTokens + (dt * this.icmpRate) / 1000);
    if (nowMs < this.nextSweep) return;
    this.nextSweep = nowMs + SWEEP_MS;
    this.sweep(this.arp, 0, nowMs);
    this.sweep(this.nd, 1, nowMs);
  }

  private sweep(t: NeighborTable, v6: number, now: number): void {
    const tbl = t.table;
    for (let s = tbl.nextSlot(0); s >= 0; s = tbl.nextSlot(s + 1)) {
      if (t.state[s] === INCOMPLETE) {
        if (now < t.nextProbe[s]!) continue;
        if (t.probes[s]! >= MAX_PROBES) {
          for (let i = 0; i < t.nHeld[s]!; i++) this.drop(t.held[s * HOLD_PACKETS + i]!, DropReason.NO_NEIGHBOR);
          t.remove(s);
          continue;
        }
        if (v6 === 1) this.probe6(s); else this.probe4(s);
        t.probes[s]++;
        t.nextProbe[s] = now + 1000;
      } else if (now - t.updated[s]! > t.maxAgeMs) {
        t.remove(s);
      }
    }
  }

  /** Packets waiting in neighbour hold queues for resolution. */
  override held(): number {
    return this.arp.heldPackets() + this.nd.heldPackets();
  }

  override stop(): void {
    for (const t of [this.arp, this.nd]) {
      for (let s = t.table.nextSlot(0); s >= 0; s = t.table.nextSlot(s + 1)) {
        for (let i = 0; i < t.nHeld[s]!; i++) this.drop(t.held[s * HOLD_PACKETS + i]!, DropReason.SHUTDOWN);
        t.nHeld[s] = 0;
      }
    }
  }

  /** Adds a static route; throws naming the bad field (prefix, via, dev). */
  addRoute(r: RouteSpec): void { this.rt.add(r); }
  /** Deletes the route for prefix; returns whether it existed. */
  delRoute(prefix: string): boolean { return this.rt.del(prefix); }
  routes(): RouteEntry[] { return this.rt.list(); }

  neighbors(): NeighborEntry[] {
    const out: NeighborEntry[] = [];
    for (const [t, v6] of [[this.arp, false], [this.nd, true]] as const) {
      const tbl = t.table;
      for (let s = tbl.nextSlot(0); s >= 0; s = tbl.nextSlot(s + 1)) {
        let ip: string;
        if (v6) { const b = new Uint8Array(16); for (let w = 0; w < 4; w++) wr32(b, 4 * w, tbl.keyWordAt(s, w)); ip = ipv6ToString(b, 0); } else ip = ipv4ToString(tbl.keyWordAt(s, 0));
        out.push({
          ip, mac: t.state[s] === REACHABLE ? macToString(mac48(t.macHi[s]!, t.macLo[s]!)) : null, dev: this.names[t.port[s]!]!,
          state: t.state[s] === REACHABLE ? 'reachable' : 'incomplete', ageSec: Math.round((this.now - t.updated[s]!) / 100) / 10, queued: t.nHeld[s]!,
        });
      }
    }
    return out;
  }

  override report(): Record<string, unknown> {
    return {
      routes: this.rt.list().length, neighbors: { arp: this.arp.size, nd: this.nd.size },
      forwarded: this.forwarded, fragmented: this.fragmented, fragmentsOut: this.fragmentsOut, arpReplies: this.arpReplies, ndReplies: this.ndReplies, echoReplies: this.echoReplies,
      icmpErrors: this.icmpErrors, icmpRateLimited: this.icmpRateLimited, probesSent: this.probesSent, badChecksum: this.badChecksum,
    };
  }
}

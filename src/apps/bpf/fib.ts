/**
 * bpf_fib_lookup answered by Sluice's routers, as the kernel answers it from its FIB and
 * neighbour tables (net/core/filter.c bpf_ipv4_fib_lookup / bpf_ipv6_fib_lookup).
 *
 * The program names a device by ifindex (a Sluice port number, from 1 in the switch's port
 * order); the router whose interface that port is (`wiring`, found by applyBpf in the graph)
 * answers from its routes (lpm4/lpm6), interface MTUs and ARP/ND tables:
 *
 *   SUCCESS      ifindex := egress port, smac := its interface MAC, dmac := the next hop's,
 *                ipv4_dst/ipv6_dst := the gateway (when the route has one), mtu_result := MTU,
 *                h_vlan_* := 0, rt_metric := 0 (IPv4) / 256 connected, 1024 via (IPv6: Linux's defaults)
 *   NO_NEIGH     the next hop is not (yet) resolved: ifindex and the gateway filled as above
 *   FRAG_NEEDED  tot_len above the egress MTU: mtu_result := MTU
 *   NOT_FWDED    no route, a local, subnet-broadcast or IPv6 multicast destination, or an interface
 *                that leads to no port
 *   FWD_DISABLED the ifindex is a port no router has; -ENODEV when it is no port at all
 *   NO_SRC_ADDR  BPF_FIB_LOOKUP_SRC and the egress interface has no address of the family
 *
 * Flags: DIRECT (one table: no rules to skip), OUTPUT (ifindex is the egress device: the
 * lookup does not depend on it here), SKIP_NEIGH, TBID (254, main, is the only table), SRC.
 * No neighbour resolution is started (XDP_PASS to the router does that, as the kernel's
 * stack does after NO_NEIGH). The router is looked up by name at each call, so a router the
 * engine restarted (new routes) answers at once; nothing is allocated per call.
 */
import type { App } from '../../core/app.js';
import { L3Router } from '../l3-router/router.js';
import { REACHABLE } from '../l3-router/neighbors.js';
import { rd32, wr32, writeMacHiLo } from '../../lib/proto/index.js';
import type { Fib } from '../../lib/bpf/index.js';

/** A port that is a router's interface. */
export interface FibWire { port: string; router: string; iface: string }

export const FIB_SUCCESS = 0, FIB_NOT_FWDED = 4, FIB_FWD_DISABLED = 5, FIB_NO_NEIGH = 7, FIB_FRAG_NEEDED = 8, FIB_NO_SRC_ADDR = 9;
const LOOKUP_DIRECT = 1, LOOKUP_OUTPUT = 2, LOOKUP_SKIP_NEIGH = 4, LOOKUP_TBID = 8, LOOKUP_SRC = 16;
const KNOWN_FLAGS = LOOKUP_DIRECT | LOOKUP_OUTPUT | LOOKUP_SKIP_NEIGH | LOOKUP_TBID | LOOKUP_SRC;
const EINVAL = -22, ENODEV = -19, EAFNOSUPPORT = -97;
const AF_INET = 2, AF_INET6 = 10;
const RT_TABLE_MAIN = 254;

/** Offsets in struct bpf_fib_lookup. */
const F_FAMILY = 0, F_TOT_LEN = 6, F_IFINDEX = 8, F_METRIC = 12, F_SRC = 16, F_DST = 32, F_VLAN = 48, F_SMAC = 52, F_DMAC = 58;

/** Per port number: which router interface it is, with the router instance it was resolved on. */
class Wire {
  router: L3Router | null = null;
  /** Interface index in `router.names`, and per router interface the port number it leads to (0: none). */
  iface = -1;
  outPort: Int32Array = new Int32Array(0);
  constructor(readonly routerName: string, readonly ifaceName: string) {}
}

export class RouterFib implements Fib {
  /** Index: port number (1..ports.length); null where the port is no router's interface. */
  private readonly wires: (Wire | null)[];
  private readonly key4 = new Uint32Array(1);
  private readonly key6 = new Uint32Array(4);

  constructor(private readonly peer: (name: string) => App | undefined, private readonly wiring: readonly FibWire[], private readonly ports: readonly string[]) {
    this.wires = [null, ...ports.map((p) => { const w = wiring.find((x) => x.port === p); return w ? new Wire(w.router, w.iface) : null; })];
  }

  /** The wire's router as the engine has it now, its tables indexed for this instance. */
  private resolve(w: Wire): L3Router | null {
    const r = this.peer(w.routerName);
    if (!(r instanceof L3Router)) return null;
    if (r !== w.router) {
      w.router = r;
      w.iface = r.names.indexOf(w.ifaceName);
      w.outPort = Int32Array.from(r.names, (n) => {
        const x = this.wiring.find((y) => y.router === w.routerName && y.iface === n);
        return x ? this.ports.indexOf(x.port) + 1 : 0;
      });
    }
    return w.iface < 0 ? null : r;
  }

  lookup(p: Uint8Array, off: number, _len: number, flags: number, _ingress: number): number {
    if ((flags & ~KNOWN_FLAGS) !== 0) return EINVAL;
    const family = p[off + F_FAMILY]!;
    if (family !== AF_INET && family !== AF_INET6) return EAFNOSUPPORT;
    const ifindex = u32(p, off + F_IFINDEX);
    if (ifindex === 0 || ifindex >= this.wires.length) return ENODEV;
    const w = this.wires[ifindex]!;
    if (w === null) return FIB_FWD_DISABLED;
    const r = this.resolve(w);
    if (r === null) return FIB_NOT_FWDED;
    if ((flags & (LOOKUP_DIRECT | LOOKUP_TBID)) === (LOOKUP_DIRECT | LOOKUP_TBID) && u32(p, off + F_VLAN) !== RT_TABLE_MAIN) return FIB_NOT_FWDED;
    return family === AF_INET ? this.v4(r, w, p, off, flags) : this.v6(r, w, p, off, flags);
  }

  private v4(r: L3Router, w: Wire, p: Uint8Array, off: number, flags: number): number {
    const dst = rd32(p, off + F_DST);
    // As in the kernel's FIB: local and subnet-broadcast addresses and 127/8 are local-table
    // entries, not unicast routes (without custom rules the kernel merges the local table into
    // main, so DIRECT sees them too); multicast and 255.255.255.255 are in no table (a default
    // route takes them).
    if (this.local4(r, dst)) return FIB_NOT_FWDED;
    const rt = r.rt, nh = rt.lpm4.lookup(dst);
    const out = this.egress(r, w, nh, p, off, 0);
    if (out < 0) return -out;
    const mtu = r.mtu[out]!;
    const next = rt.nhHasGw[nh] === 1 ? rt.nhGw4[nh]! : dst;
    wr32(p, off + F_DST, next);
    if ((flags & LOOKUP_SRC) !== 0) {
      if (r.has4[out] !== 1) return FIB_NO_SRC_ADDR;
      wr32(p, off + F_SRC, r.ip4[out]!);
    }
    if ((flags & LOOKUP_SKIP_NEIGH) !== 0) return fwdParams(p, off, mtu);
    this.key4[0] = next;
    const s = r.arp.find(this.key4);
    if (s < 0 || r.arp.state[s] !== REACHABLE) return FIB_NO_NEIGH;
    writeMacHiLo(p, off + F_DMAC, r.arp.macHi[s]!, r.arp.macLo[s]!);
    writeMacHiLo(p, off + F_SMAC, r.macHi[out]!, r.macLo[out]!);
    return fwdParams(p, off, mtu);
  }

  /**
   * Next hop nh's egress interface (its index in the router), with the MTU checked and
   * rt_metric and ifindex filled; or minus the return code (no route, a port-less
   * interface: NOT_FWDED; tot_len above the MTU: FRAG_NEEDED with mtu_result).
   */
  private egress(r: L3Router, w: Wire, nh: number, p: Uint8Array, off: number, metric: number): number {
    if (nh < 0) return -FIB_NOT_FWDED;
    const out = r.rt.nhPort[nh]!, port = w.outPort[out]!;
    if (port === 0) return -FIB_NOT_FWDED;
    const mtu = r.mtu[out]!;
    if (u16(p, off + F_TOT_LEN) > mtu) { w16(p, off + F_TOT_LEN, mtu); return -FIB_FRAG_NEEDED; }
    w32(p, off + F_METRIC, metric);
    w32(p, off + F_IFINDEX, port);
    return out;
  }

  /** In the kernel's local table: 127/8, an interface address or its subnet's broadcast address. */
  private local4(r: L3Router, dst: number): boolean {
    if (dst >>> 24 === 127) return true;
    for (let i = 0; i < r.names.length; i++) {
      if (r.has4[i] !== 1) continue;
      if (dst === r.ip4[i]) return true;
      const m = r.mask4[i]!;
      if (m !== 0xfffffffe && ((dst ^ r.ip4[i]!) & m) === 0 && ((dst | m) >>> 0) === 0xffffffff) return true;
    }
    return false;
  }

  /** An interface address (the kernel's local table). */
  private local6(r: L3Router, p: Uint8Array, d: number): boolean {
    for (let i = 0; i < r.names.length; i++) if (r.has6[i] === 1 && same16(r.ip6, 16 * i, p, d)) return true;
    return false;
  }

  private v6(r: L3Router, w: Wire, p: Uint8Array, off: number, flags: number): number {
    const d = off + F_DST;
    // Multicast and ::1 need an interface to match (the kernel's rt6_need_strict): none does.
    // IPv6 keeps its local table apart: DIRECT (the main table only) does not see it.
    if (p[d] === 0xff || isLoopback6(p, d)) return FIB_NOT_FWDED;
    if ((flags & LOOKUP_DIRECT) === 0 && this.local6(r, p, d)) return FIB_NOT_FWDED;
    const rt = r.rt, nh = rt.lpm6.lookup(p, d);
    const gw = nh >= 0 && rt.nhHasGw[nh] === 1;
    const out = this.egress(r, w, nh, p, off, gw ? 1024 : 256);
    if (out < 0) return -out;
    const mtu = r.mtu[out]!;
    if (gw) copy16(rt.nhGw6, nh * 16, p, d);
    if ((flags & LOOKUP_SRC) !== 0) {
      if (r.has6[out] !== 1) return FIB_NO_SRC_ADDR;
      copy16(r.ip6, 16 * out, p, off + F_SRC);
    }
    if ((flags & LOOKUP_SKIP_NEIGH) !== 0) return fwdParams(p, off, mtu);
    const k = this.key6;
    for (let i = 0; i < 4; i++) k[i] = rd32(p, d + 4 * i);
    const s = r.nd.find(k);
    if (s < 0 || r.nd.state[s] !== REACHABLE) return FIB_NO_NEIGH;
    writeMacHiLo(p, off + F_DMAC, r.nd.macHi[s]!, r.nd.macLo[s]!);
    writeMacHiLo(p, off + F_SMAC, r.macHi[out]!, r.macLo[out]!);
    return fwdParams(p, off, mtu);
  }
}

/** The kernel's bpf_fib_set_fwd_params: no VLAN, the MTU. */
function fwdParams(p: Uint8Array, off: number, mtu: number): number {
  w32(p, off + F_VLAN, 0);
  w16(p, off + F_TOT_LEN, mtu);
  return FIB_SUCCESS;
}

function isLoopback6(p: Uint8Array, d: number): boolean {
  for (let i = 0; i < 15; i++) if (p[d + i] !== 0) return false;
  return p[d + 15] === 1;
}

function copy16(from: Uint8Array, fo: number, to: Uint8Array, o: number): void {
  for (let i = 0; i < 16; i++) to[o + i] = from[fo + i]!;
}

function same16(a: Uint8Array, ao: number, b: Uint8Array, bo: number): boolean {
  for (let i = 0; i < 16; i++) if (a[ao + i] !== b[bo + i]) return false;
  return true;
}

/** Host-order (little-endian) fields of the struct. */
const u16 = (p: Uint8Array, o: number) => p[o]! | (p[o + 1]! << 8);
const u32 = (p: Uint8Array, o: number) => (p[o]! | (p[o + 1]! << 8) | (p[o + 2]! << 16) | (p[o + 3]! << 24)) >>> 0;
function w16(p: Uint8Array, o: number, v: number): void { p[o] = v & 0xff; p[o + 1] = (v >>> 8) & 0xff; }
function w32(p: Uint8Array, o: number, v: number): void { p[o] = v & 0xff; p[o + 1] = (v >>> 8) & 0xff; p[o + 2] = (v >>> 16) & 0xff; p[o + 3] = v >>> 24; }

/**
 * Seeded packet generator for the eBPF differential tests: Ethernet with 0-2 VLAN tags
 * (802.1Q/802.1ad), IPv4 (options, fragments, bad IHL) or IPv6, TCP/UDP/ICMP, or ARP and
 * unknown ethertypes; lengths from 14 bytes up, truncated headers and trailing padding
 * included. Deterministic per seed so a failure names a reproducible packet.
 */
export class Rng {
  private s: number;
  constructor(seed: number) { this.s = seed >>> 0 || 1; }
  u32(): number { let x = this.s; x ^= x << 13; x ^= x >>> 17; x ^= x << 5; this.s = x >>> 0; return this.s; }
  int(n: number): number { return this.u32() % n; }
  pick<T>(a: readonly T[]): T { return a[this.int(a.length)]!; }
  bytes(n: number): Uint8Array { const b = new Uint8Array(n); for (let i = 0; i < n; i++) b[i] = this.u32() & 0xff; return b; }
}

export const MAX_TEST_RUN_LEN = 3520; // 4096 - XDP_PACKET_HEADROOM - skb_shared_info

export function packet(r: Rng): Uint8Array {
  const parts: number[] = [];
  const push = (...b: number[]) => { for (const x of b) parts.push(x & 0xff); };
  const u16 = (v: number) => push(v >> 8, v);
  const mac = () => { for (let i = 0; i < 6; i++) push(r.int(4) === 0 ? 0xff : r.u32()); };
  mac(); mac();
  const tags = r.pick([0, 0, 0, 1, 1, 2]);
  for (let t = 0; t < tags; t++) { u16(t === 0 && tags === 2 ? 0x88a8 : 0x8100); u16(r.int(4096)); }
  const l3 = r.pick(['ipv4', 'ipv4', 'ipv4', 'ipv6', 'ipv6', 'arp', 'other']);
  const l4 = r.pick(['tcp', 'udp', 'udp', 'icmp', 'other']);
  const ports = () => { u16(r.pick([53, 80, 443, 9, 9, 1234, r.int(65536)])); u16(r.pick([53, 80, 9, 9, 8080, r.int(65536)])); };
  const l4hdr = (proto: string) => {
    if (proto === 'tcp') { ports(); for (let i = 0; i < 16; i++) push(r.u32()); }
    else if (proto === 'udp') { ports(); u16(8 + r.int(64)); u16(r.u32()); }
    else if (proto === 'icmp') { push(8, 0); u16(r.u32()); u16(r.u32()); u16(r.u32()); }
  };
  const proto = (p: string, v6: boolean) => (p === 'tcp' ? 6 : p === 'udp' ? 17 : p === 'icmp' ? (v6 ? 58 : 1) : r.int(256));
  if (l3 === 'ipv4') {
    u16(0x0800);
    const ihl = r.pick([5, 5, 5, 6, 8, r.int(16)]);
    push(0x40 | ihl, r.u32());
    const payload = r.int(200);
    u16(ihl * 4 + 20 + payload); u16(r.u32()); u16(r.pick([0, 0x4000, 0x2000 | r.int(100)]));
    push(r.pick([64, 1, 0, 2, r.u32()]), proto(l4, false)); u16(r.u32());
    for (let i = 0; i < 8; i++) push(r.u32());
    for (let i = 20; i < ihl * 4; i++) push(1);
    l4hdr(l4);
    for (let i = 0; i < payload; i++) push(r.u32());
  } else if (l3 === 'ipv6') {
    u16(0x86dd);
    push(0x60, 0, 0, 0); u16(r.int(300)); push(proto(l4, true), r.pick([64, 1, 0, 255]));
    for (let i = 0; i < 32; i++) push(r.u32());
    l4hdr(l4);
  } else if (l3 === 'arp') {
    u16(0x0806); u16(1); u16(0x0800); push(6, 4); u16(1);
    for (let i = 0; i < 20; i++) push(r.u32());
  } else {
    u16(r.u32());
  }
  let b = Uint8Array.from(parts);
  // Odd sizes: cut inside headers, or pad (Ethernet minimum, random tails, big frames).
  const shape = r.int(10);
  if (shape === 0) b = b.subarray(0, 14 + r.int(Math.max(1, b.length - 14)));
  else if (shape === 1 && b.length < 60) { const p = new Uint8Array(60); p.set(b); b = p; }
  else if (shape === 2) { const p = new Uint8Array(b.length + r.int(64)); p.set(b); b = p; }
  else if (shape === 3) { const p = new Uint8Array(Math.min(MAX_TEST_RUN_LEN, b.length + r.int(3000))); p.set(b.subarray(0, p.length)); b = p; }
  if (b.length < 14) { const p = new Uint8Array(14); p.set(b); b = p; }
  return b.slice(0, MAX_TEST_RUN_LEN);
}

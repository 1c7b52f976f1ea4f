/**
 * Random flow tables and packet descriptions for the OVS differential tests (seeded, so a
 * failure names a reproducible case). Values come from small pools so rules and packets
 * meet often: VLAN tagged and untagged, IPv4 TCP/UDP/ICMP with first and later fragments,
 * ARP, IPv6, outputs to the input port, resubmit and goto_table.
 */
import type { Headers } from './ovs.js';
export declare function rng(seed: number): () => number;
type Kind = 'ip' | 'tcp' | 'udp' | 'icmp' | 'arp' | 'ipv6' | 'tcp6' | 'udp6';
/** A random rule in ovs-ofctl syntax, `table` 0 or 1 with unique priorities given by the caller. */
export declare function genRule(r: () => number, table: number, priority: number, ports: number): string;
/** A packet: its ofproto/trace text and its headers. */
export interface GenPacket {
    flow: string;
    start: Headers;
    kind: Kind;
    inPort: number;
    vlan: number;
    src: string;
    dst: string;
    nwSrc: string;
    nwDst: string;
    ttl: number;
    tpSrc: number;
    tpDst: number;
    frag: 'no' | 'first' | 'later';
    arpOp: number;
    pcp: number;
}
export declare function genPacket(r: () => number, ports: number): GenPacket;
export {};

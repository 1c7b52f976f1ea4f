/**
 * The flow key: the header fields a flow rule can match, packed into KEY_WORDS u32 words so a
 * rule is a (mask, value) pair of word arrays and a match is `(key[w] & mask[w]) === value[w]`
 * for every word. The same layout keys the exact-match cache. Field meanings follow OVS's
 * `struct flow` so rule text maps onto it one to one.
 *
 *   word 0  in_port     OpenFlow port number
 *   word 1  vlan_tci << 16 | dl_type
 *           vlan_tci is OVS's: PCP << 13 | 0x1000 (tag present) | VID, 0 when untagged
 *   word 2  dl_src[0..1] << 16 | dl_dst[0..1]
 *   word 3  dl_src[2..5]          word 4  dl_dst[2..5]
 *   word 5  nw_frag << 24 | nw_ttl << 16 | nw_tos << 8 | nw_proto (IP protocol; ARP opcode)
 *           nw_frag as OVS: 1 = a fragment, 2 = not the first one
 *   word 6  tp_src << 16 | tp_dst (TCP/UDP/SCTP ports; ICMP type/code as in OVS)
 *   words 7..10   ipv6_src (big-endian words); for IPv4 and ARP word 7 is nw_src (sender IP)
 *   words 11..14  ipv6_dst; for IPv4 and ARP word 11 is nw_dst (target IP)
 * IPv4 and IPv6 addresses share words: a rule matching one also matches dl_type.
 *
 * `extractKey` fills a key from a frame already checked by `parsePacket` (data path: no
 * allocation, no throw).
 */
import { type ParsedHeaders } from '../../lib/proto/parse.js';
export declare const KEY_WORDS = 15;
export declare const W_IN_PORT = 0, W_VLAN_TYPE = 1, W_MAC_HI = 2, W_SRC_LO = 3, W_DST_LO = 4, W_PROTO = 5, W_TP = 6;
export declare const W_IP6_SRC = 7, W_IP6_DST = 11, W_NW_SRC = 7, W_NW_DST = 11;
/** vlan_tci bit meaning "a tag is present" (OVS's VLAN_CFI). */
export declare const VLAN_PRESENT = 4096;
export declare const FRAG_ANY = 1, FRAG_LATER = 2;
/** Fills key[off .. off+KEY_WORDS) for the frame at buf[ph.start..ph.end). */
export declare function extractKey(buf: Uint8Array, ph: ParsedHeaders, inPort: number, key: Uint32Array, off: number): void;

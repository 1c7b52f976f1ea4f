/**
 * The flow key: the header fields a flow rule can match, packed into KEY_WORDS u32 words so a
 * rule is a (mask, value) pair of word arrays and a match is `(key[w] & mask[w]) === value[w]`
 * for every word. The same layout keys the exact-match cache.
 *
 *   word 0  in_port     1-based port number; NORMAL_IN_PORT for frames handed back by a bridge
 *   word 1  dl_vlan << 16 | dl_type
 *           dl_vlan is 0x1000 | VID when the frame carries an 802.1Q tag, 0 when untagged
 *           (OpenFlow's OFPVID_PRESENT; `dl_vlan=0xffff` in rule text means "no tag")
 *   word 2  dl_src[0..1] << 16 | dl_dst[0..1]
 *   word 3  dl_src[2..5]          word 4  dl_dst[2..5]
 *   word 5  nw_src (IPv4 source, ARP sender IP)     word 6  nw_dst (IPv4 dest, ARP target IP)
 *   word 7  nw_proto (IP protocol; ARP opcode)
 *   word 8  tp_src << 16 | tp_dst (TCP/UDP/SCTP ports; ICMP type/code as in OVS)
 *
 * `extractKey` fills a key from a frame already checked by `parsePacket` (data path: no
 * allocation, no throw).
 */
import { L3Kind, type ParsedHeaders } from '../../lib/proto/parse.js';

export const KEY_WORDS = 9;
export const W_IN_PORT = 0, W_VLAN_TYPE = 1, W_MAC_HI = 2, W_SRC_LO = 3, W_DST_LO = 4, W_NW_SRC = 5, W_NW_DST = 6, W_PROTO = 7, W_TP = 8;
/** in_port value of frames arriving on the `normal` input (OpenFlow OFPP_NORMAL). */
export const NORMAL_IN_PORT = 0xfffa;
/** dl_vlan bit meaning "a tag is present". */
export const VLAN_PRESENT = 0x1000;

/** Fills key[off .. off+KEY_WORDS) for the frame at buf[ph.start..ph.end). */
export function extractKey(buf: Uint8Array, ph: ParsedHeaders, inPort: number, key: Uint32Array, off: number): void {
  const s = ph.start;
  key[off + W_IN_PORT] = inPort;
  // Only an 802.1Q C-tag is dl_vlan; the EtherType after all tags is dl_type.
  const vlan = ph.vlanCount > 0 && ph.vlanTpid === 0x8100 ? VLAN_PRESENT | ph.vlanId : 0;
  key[off + W_VLAN_TYPE] = ((vlan << 16) | ph.etherType) >>> 0;
  key[off + W_MAC_HI] = ((buf[s + 6]! << 24) | (buf[s + 7]! << 16) | (buf[s]! << 8) | buf[s + 1]!) >>> 0;
  key[off + W_SRC_LO] = ((buf[s + 8]! << 24) | (buf[s + 9]! << 16) | (buf[s + 10]! << 8) | buf[s + 11]!) >>> 0;
  key[off + W_DST_LO] = ((buf[s + 2]! << 24) | (buf[s + 3]! << 16) | (buf[s + 4]! << 8) | buf[s + 5]!) >>> 0;
  const kind = ph.l3Kind;
  if (kind === L3Kind.IPV4) {
    key[off + W_NW_SRC] = ph.ipv4Src;
    key[off + W_NW_DST] = ph.ipv4Dst;
  } else if (kind === L3Kind.ARP) {
    key[off + W_NW_SRC] = ph.arpSpa;
    key[off + W_NW_DST] = ph.arpTpa;
  } else {
    key[off + W_NW_SRC] = 0;
    key[off + W_NW_DST] = 0;
  }
  key[off + W_PROTO] = kind === L3Kind.ARP ? ph.arpOp & 0xff : ph.l4Proto >= 0 ? ph.l4Proto : 0;
  if (ph.srcPort >= 0) key[off + W_TP] = ((ph.srcPort << 16) | ph.dstPort) >>> 0;
  else if (ph.icmpType >= 0) key[off + W_TP] = ((ph.icmpType << 16) | ph.icmpCode) >>> 0;
  else key[off + W_TP] = 0;
}

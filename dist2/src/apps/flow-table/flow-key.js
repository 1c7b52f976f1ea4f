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
import { L3Kind } from '../../lib/proto/parse.js';
import { Fragment } from '../../lib/proto/constants.js';
import { rd32 } from '../../lib/proto/bytes.js';
export const KEY_WORDS = 15;
export const W_IN_PORT = 0, W_VLAN_TYPE = 1, W_MAC_HI = 2, W_SRC_LO = 3, W_DST_LO = 4, W_PROTO = 5, W_TP = 6;
export const W_IP6_SRC = 7, W_IP6_DST = 11, W_NW_SRC = 7, W_NW_DST = 11;
/** vlan_tci bit meaning "a tag is present" (OVS's VLAN_CFI). */
export const VLAN_PRESENT = 0x1000;
export const FRAG_ANY = 1, FRAG_LATER = 2;
/** Fills key[off .. off+KEY_WORDS) for the frame at buf[ph.start..ph.end). */
export function extractKey(buf, ph, inPort, key, off) {
    const s = ph.start;
    key[off + W_IN_PORT] = inPort;
    // Only an 802.1Q C-tag is vlan_tci; the EtherType after all tags is dl_type.
    const tci = ph.vlanCount > 0 && ph.vlanTpid === 0x8100 ? (ph.vlanPcp << 13) | VLAN_PRESENT | ph.vlanId : 0;
    key[off + W_VLAN_TYPE] = ((tci << 16) | ph.etherType) >>> 0;
    key[off + W_MAC_HI] = ((buf[s + 6] << 24) | (buf[s + 7] << 16) | (buf[s] << 8) | buf[s + 1]) >>> 0;
    key[off + W_SRC_LO] = ((buf[s + 8] << 24) | (buf[s + 9] << 16) | (buf[s + 10] << 8) | buf[s + 11]) >>> 0;
    key[off + W_DST_LO] = ((buf[s + 2] << 24) | (buf[s + 3] << 16) | (buf[s + 4] << 8) | buf[s + 5]) >>> 0;
    const kind = ph.l3Kind;
    let proto = 0;
    if (kind === L3Kind.IPV4) {
        key[off + W_NW_SRC] = ph.ipv4Src;
        key[off + W_NW_DST] = ph.ipv4Dst;
    }
    else if (kind === L3Kind.ARP) {
        key[off + W_NW_SRC] = ph.arpSpa;
        key[off + W_NW_DST] = ph.arpTpa;
        proto = ph.arpOp & 0xff;
    }
    else {
        key[off + W_NW_SRC] = 0;
        key[off + W_NW_DST] = 0;
    }
    if (kind === L3Kind.IPV6) {
        for (let i = 0; i < 4; i++) {
            key[off + W_IP6_SRC + i] = rd32(buf, ph.ipv6SrcOff + 4 * i);
            key[off + W_IP6_DST + i] = rd32(buf, ph.ipv6DstOff + 4 * i);
        }
    }
    else
        for (let i = 1; i < 4; i++) {
            key[off + W_IP6_SRC + i] = 0;
            key[off + W_IP6_DST + i] = 0;
        }
    if (kind === L3Kind.IPV4 || kind === L3Kind.IPV6) {
        const frag = ph.fragment === Fragment.NONE ? 0 : ph.fragment === Fragment.FIRST ? FRAG_ANY : FRAG_ANY | FRAG_LATER;
        proto = (ph.l4Proto & 0xff) | ((ph.ipTos & 0xff) << 8) | ((ph.ipTtl & 0xff) << 16) | (frag << 24);
    }
    key[off + W_PROTO] = proto >>> 0;
    // OVS's default fragment handling ("normal"): L4 fields are 0 in every fragment, first included.
    if (ph.fragment !== Fragment.NONE)
        key[off + W_TP] = 0;
    else if (ph.srcPort >= 0)
        key[off + W_TP] = ((ph.srcPort << 16) | ph.dstPort) >>> 0;
    else if (ph.icmpType >= 0)
        key[off + W_TP] = ((ph.icmpType << 16) | ph.icmpCode) >>> 0;
    else
        key[off + W_TP] = 0;
}
//# sourceMappingURL=flow-key.js.map
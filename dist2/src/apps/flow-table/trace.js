/**
 * Renders a compiled path program (path.ts) as OVS's `ofproto/trace` prints its verdict:
 * "Datapath actions:" with set(eth(...)), set(ipv4(...)), set(tcp(...)), push_vlan(...),
 * pop_vlan and port numbers, or `drop`. `normal` is resolved by the caller's MAC table
 * lookup (read only). Control path.
 */
import { ipv4ToString, macToString, mac48 } from '../../lib/proto/addr.js';
import { KEY_WORDS, W_DST_LO, W_MAC_HI, W_PROTO, W_SRC_LO, W_VLAN_TYPE } from './flow-key.js';
import { Op } from './path.js';
const L4 = { 6: 'tcp', 17: 'udp', 132: 'sctp' };
export function describeProgram(prog, plen, key, normalPorts) {
    const k = key.slice(0, KEY_WORDS);
    const out = [], ports = [];
    const ip6 = (k[W_VLAN_TYPE] & 0xffff) === 0x86dd;
    for (let i = 0; i < plen; i += 3) {
        const op = prog[i], a = prog[i + 1], b = prog[i + 2];
        switch (op) {
            case Op.OUT:
            case Op.OUT_LAST:
                out.push(String(a));
                ports.push(a);
                break;
            case Op.NORMAL:
            case Op.NORMAL_LAST:
                for (const p of normalPorts(a, k)) {
                    out.push(String(p));
                    ports.push(p);
                }
                break;
            case Op.PUSH_VID:
                out.push(`push_vlan(vid=${a},pcp=${b})`);
                k[W_VLAN_TYPE] = ((((b << 13) | 0x1000 | a) << 16) | (k[W_VLAN_TYPE] & 0xffff)) >>> 0;
                break;
            case Op.SET_VID:
                out.push(`set(vlan(vid=${a}))`);
                k[W_VLAN_TYPE] = (((((k[W_VLAN_TYPE] >>> 16) & 0xf000) | 0x1000 | a) << 16) | (k[W_VLAN_TYPE] & 0xffff)) >>> 0;
                break;
            case Op.SET_PCP:
                out.push(`set(vlan(pcp=${a}))`);
                break;
            case Op.POP_VLAN:
                out.push('pop_vlan');
                k[W_VLAN_TYPE] = k[W_VLAN_TYPE] & 0xffff;
                break;
            case Op.SET_DL_SRC:
                out.push(`set(eth(src=${macToString(mac48(a & 0xffff, b >>> 0))}))`);
                k[W_MAC_HI] = (((a & 0xffff) << 16) | (k[W_MAC_HI] & 0xffff)) >>> 0;
                k[W_SRC_LO] = b >>> 0;
                break;
            case Op.SET_DL_DST:
                out.push(`set(eth(dst=${macToString(mac48(a & 0xffff, b >>> 0))}))`);
                k[W_MAC_HI] = ((k[W_MAC_HI] & 0xffff0000) | (a & 0xffff)) >>> 0;
                k[W_DST_LO] = b >>> 0;
                break;
            case Op.SET_NW_SRC:
                out.push(`set(ipv4(src=${ipv4ToString(a >>> 0)}))`);
                break;
            case Op.SET_NW_DST:
                out.push(`set(ipv4(dst=${ipv4ToString(a >>> 0)}))`);
                break;
            case Op.SET_TP_SRC:
                out.push(`set(${L4[b] ?? 'tcp'}(src=${a}))`);
                break;
            case Op.SET_TP_DST:
                out.push(`set(${L4[b] ?? 'tcp'}(dst=${a}))`);
                break;
            case Op.SET_TTL:
            case Op.DEC_TTL:
                out.push(ip6 ? `set(ipv6(hlimit=${a}))` : `set(ipv4(ttl=${a}))`);
                k[W_PROTO] = ((k[W_PROTO] & 0xff00ffff) | (a << 16)) >>> 0;
                break;
            case Op.DROP:
            case Op.TTL_EXPIRED: break;
        }
    }
    return { actions: ports.length === 0 ? 'drop' : out.join(','), ports };
}
//# sourceMappingURL=trace.js.map
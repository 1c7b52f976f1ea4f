/**
 * Parser for flow rules in the `ovs-ofctl add-flow` syntax (control path; allocates).
 *
 *   [table=N,][priority=N,][cookie=N,][idle_timeout=S,][hard_timeout=S,]<match>,actions=<a>[,<a>...]
 *
 * Match fields (OVS names and aliases): in_port, dl_src/dl_dst (eth_src/eth_dst) with masks,
 * dl_type (eth_type), dl_vlan (0xffff = untagged), dl_vlan_pcp, vlan_tci[/mask],
 * nw_src/nw_dst (ip_src/ip_dst) with prefix or dotted masks, arp_spa/arp_tpa, arp_op, nw_proto
 * (ip_proto), nw_tos, ip_dscp, nw_ttl, nw_frag/ip_frag (no, yes, first, later, not_later),
 * tp_src/tp_dst (tcp_/udp_/sctp_src/dst) with masks, icmp_type/icmp_code (icmpv6_*),
 * ipv6_src/ipv6_dst with masks, and the shorthands ip, ipv6, arp, tcp, udp, sctp, icmp, icmp6,
 * tcp6, udp6, sctp6. Prerequisites are OVS's (nw_src needs ip or arp, tp_dst needs tcp/udp/
 * sctp/icmp...); where OVS silently drops a field whose prerequisite is missing, this parser
 * refuses the line naming the field. `duration`, `n_packets`, `n_bytes`, `idle_age` and
 * `hard_age` are ignored, so lines from `dump-flows` paste back (as OVS allows).
 *
 * Actions: output:<port> (or a bare port), normal, flood, all, in_port, local, drop,
 * mod_vlan_vid, mod_vlan_pcp, strip_vlan (pop_vlan), mod_dl_src/dst, mod_nw_src/dst,
 * mod_tp_src/dst, mod_nw_ttl, dec_ttl, set_field:<value>-><field> (eth_src/dst, ip_src/dst,
 * tcp_/udp_src/dst, nw_ttl), resubmit:<port>, resubmit([port],[table]), goto_table:<n>.
 *
 * Ports are OpenFlow port numbers; a name in the app's port list stands for its number. Every
 * error is a `FlowSyntaxError` whose `token` is the offending token and whose message quotes it.
 */
import { parseIpv4, parseIpv6, parseMac, macHi16, macLo32, ipv4ToString, macToString, mac48, ipv6ToString } from '../../lib/proto/addr.js';
import { KEY_WORDS, VLAN_PRESENT, W_DST_LO, W_IN_PORT, W_IP6_DST, W_IP6_SRC, W_MAC_HI, W_NW_DST, W_NW_SRC, W_PROTO, W_SRC_LO, W_TP, W_VLAN_TYPE } from './flow-key.js';
/** A rule or match text that does not parse; `token` is the offending token. */
export class FlowSyntaxError extends Error {
    token;
    constructor(token, message) {
        super(message);
        this.token = token;
        this.name = 'FlowSyntaxError';
    }
}
export const Act = {
    OUTPUT: 1, FLOOD: 2, NORMAL: 3, IN_PORT: 4, DROP: 5, SET_VID: 6, STRIP_VLAN: 7,
    SET_DL_SRC: 8, SET_DL_DST: 9, SET_NW_SRC: 10, SET_NW_DST: 11, SET_TTL: 12, DEC_TTL: 13, GOTO: 14,
    ALL: 15, SET_PCP: 16, SET_TP_SRC: 17, SET_TP_DST: 18, RESUBMIT: 19,
};
export const DEFAULT_PRIORITY = 32768;
export const MAX_TABLES = 255;
/** OpenFlow's OFPP_LOCAL: accepted in rules, never a Sluice port. */
export const OFPP_LOCAL = 0xfffe;
/** Highest OpenFlow number of a physical port (OFPP_MAX). */
export const OFPP_MAX = 0xff00;
const NUM_RE = /^(0x[0-9a-f]+|[0-9]+)$/i;
function num(tok, text, min, max, what) {
    if (!NUM_RE.test(text))
        throw new FlowSyntaxError(tok, `"${tok}": ${what} must be a number in [${min}, ${max}]`);
    const v = Number(text);
    if (!(v >= min && v <= max))
        throw new FlowSyntaxError(tok, `"${tok}": ${what} ${text} is out of range [${min}, ${max}]`);
    return v;
}
function mac(tok, text) {
    try {
        return parseMac(text);
    }
    catch {
        throw new FlowSyntaxError(tok, `"${tok}": bad MAC address "${text}"`);
    }
}
function ipv4(tok, text) {
    try {
        return parseIpv4(text);
    }
    catch {
        throw new FlowSyntaxError(tok, `"${tok}": bad IPv4 address "${text}"`);
    }
}
function ipv6(tok, text) {
    let b;
    try {
        b = parseIpv6(text);
    }
    catch {
        throw new FlowSyntaxError(tok, `"${tok}": bad IPv6 address "${text}"`);
    }
    const w = new Uint32Array(4);
    for (let i = 0; i < 4; i++)
        w[i] = ((b[4 * i] << 24) | (b[4 * i + 1] << 16) | (b[4 * i + 2] << 8) | b[4 * i + 3]) >>> 0;
    return w;
}
/** The port map of a plain name list: numbers 1, 2, ... in list order. */
export function portMap(ports) {
    return Array.isArray(ports) ? { names: ports, ofports: ports.map((_, i) => i + 1) } : ports;
}
/** Resolves a port token (name, OpenFlow number, LOCAL) to its OpenFlow number. */
export function resolvePort(tok, text, pm) {
    const i = pm.names.indexOf(text);
    if (i >= 0)
        return pm.ofports[i];
    if (text.toUpperCase() === 'LOCAL')
        return OFPP_LOCAL;
    if (/^[0-9]+$/.test(text) || /^0x[0-9a-f]+$/i.test(text))
        return num(tok, text, 0, OFPP_MAX - 1, 'port number');
    throw new FlowSyntaxError(tok, `"${tok}": unknown port "${text}" (ports: ${pm.names.join(', ')})`);
}
/** A port number as text: its name when `names` and known, else the number (LOCAL by name). */
export function portText(p, pm) {
    if (p === OFPP_LOCAL)
        return 'LOCAL';
    if (pm) {
        const i = pm.ofports.indexOf(p);
        if (i >= 0)
            return pm.names[i];
    }
    return String(p);
}
/** Splits on commas and whitespace outside parentheses; drops empty pieces. */
function split(s) {
    const out = [];
    let depth = 0, cur = '';
    for (const ch of s) {
        if (ch === '(')
            depth++;
        if (ch === ')')
            depth--;
        if (depth === 0 && (ch === ',' || ch === ' ' || ch === '\t')) {
            if (cur !== '')
                out.push(cur);
            cur = '';
        }
        else
            cur += ch;
    }
    if (cur !== '')
        out.push(cur);
    return out;
}
const SHORTHANDS = {
    ip: [0x0800, -1], ipv6: [0x86dd, -1], arp: [0x0806, -1], tcp: [0x0800, 6], udp: [0x0800, 17], sctp: [0x0800, 132],
    icmp: [0x0800, 1], icmp6: [0x86dd, 58], tcp6: [0x86dd, 6], udp6: [0x86dd, 17], sctp6: [0x86dd, 132],
};
const PROTO_NAMES = { '6': 'tcp', '17': 'udp', '132': 'sctp', '1': 'icmp', '58': 'icmp6' };
function set(m, w, fieldMask, v) {
    m.mask[w] = (m.mask[w] | fieldMask) >>> 0;
    m.value[w] = ((m.value[w] & ~fieldMask) | (v & fieldMask)) >>> 0;
}
function once(m, field, tok) {
    if (m.seen.has(field))
        throw new FlowSyntaxError(tok, `"${tok}": ${field} given twice`);
    m.seen.set(field, tok);
}
function prefixMask(tok, maskText, bits) {
    if (maskText === undefined)
        return -1;
    if (/^[0-9]+$/.test(maskText))
        return num(tok, maskText, 0, bits, 'prefix length');
    return bits === 32 ? ipv4(tok, maskText) : ipv6(tok, maskText);
}
/** Canonical OVS field name of each accepted name. */
const ALIASES = {
    eth_src: 'dl_src', eth_dst: 'dl_dst', eth_type: 'dl_type', ip_src: 'nw_src', ip_dst: 'nw_dst', ipv4_src: 'nw_src', ipv4_dst: 'nw_dst',
    ip_proto: 'nw_proto', ip_frag: 'nw_frag', tcp_src: 'tp_src', tcp_dst: 'tp_dst', udp_src: 'tp_src', udp_dst: 'tp_dst',
    sctp_src: 'tp_src', sctp_dst: 'tp_dst', icmpv6_type: 'icmp_type', icmpv6_code: 'icmp_code',
};
/** Fields OVS ignores so dump-flows output can be fed back. */
const STATS_FIELDS = new Set(['duration', 'n_packets', 'n_bytes', 'idle_age', 'hard_age']);
function matchToken(m, tok, pm, filter) {
    const eq = tok.indexOf('=');
    const raw = (eq < 0 ? tok : tok.slice(0, eq)).toLowerCase();
    const val = eq < 0 ? '' : tok.slice(eq + 1);
    if (eq < 0) {
        const sh = SHORTHANDS[raw];
        if (!sh)
            throw new FlowSyntaxError(tok, `"${tok}": unknown match field`);
        once(m, 'dl_type', tok);
        set(m, W_VLAN_TYPE, 0xffff, sh[0]);
        if (sh[1] >= 0) {
            once(m, 'nw_proto', tok);
            set(m, W_PROTO, 0xff, sh[1]);
        }
        return;
    }
    if (STATS_FIELDS.has(raw))
        return;
    if (val === '')
        throw new FlowSyntaxError(tok, `"${tok}": missing value`);
    const key = ALIASES[raw] ?? raw;
    const slash = val.indexOf('/');
    const base = slash < 0 ? val : val.slice(0, slash);
    const maskText = slash < 0 ? undefined : val.slice(slash + 1);
    const noMask = () => { if (maskText !== undefined)
        throw new FlowSyntaxError(tok, `"${tok}": ${raw} takes no mask`); };
    switch (key) {
        case 'table':
            noMask();
            once(m, key, tok);
            m.table = num(tok, val, 0, MAX_TABLES - 1, 'table');
            return;
        case 'priority':
            noMask();
            once(m, key, tok);
            m.priority = num(tok, val, 0, 65535, 'priority');
            return;
        case 'cookie': {
            once(m, key, tok);
            m.cookie = num(tok, base, 0, Number.MAX_SAFE_INTEGER, 'cookie');
            if (maskText !== undefined) {
                if (!filter)
                    throw new FlowSyntaxError(tok, `"${tok}": flow additions cannot use a cookie mask`);
                m.cookieMask = maskText === '-1' ? Number.MAX_SAFE_INTEGER : num(tok, maskText, 0, Number.MAX_SAFE_INTEGER, 'cookie mask');
            }
            return;
        }
        case 'idle_timeout':
        case 'hard_timeout': {
            noMask();
            once(m, key, tok);
            const v = num(tok, val, 0, 65535, key);
            if (key === 'idle_timeout')
                m.idle = v;
            else
                m.hard = v;
            return;
        }
        case 'out_port':
            noMask();
            once(m, key, tok);
            if (!filter)
                throw new FlowSyntaxError(tok, `"${tok}": out_port only filters mod-flows, del-flows and dump-flows`);
            m.outPort = resolvePort(tok, val, pm);
            return;
        case 'in_port':
            noMask();
            once(m, key, tok);
            set(m, W_IN_PORT, 0xffffffff, resolvePort(tok, val, pm));
            return;
        case 'dl_src':
        case 'dl_dst': {
            once(m, key, tok);
            const v = mac(tok, base);
            const mk = maskText === undefined ? 0xffff_ffff_ffff : mac(tok, maskText);
            const src = key === 'dl_src';
            set(m, W_MAC_HI, src ? (macHi16(mk) << 16) >>> 0 : macHi16(mk), src ? (macHi16(v) << 16) >>> 0 : macHi16(v));
            set(m, src ? W_SRC_LO : W_DST_LO, macLo32(mk), macLo32(v));
            return;
        }
        case 'dl_type':
            noMask();
            once(m, key, tok);
            set(m, W_VLAN_TYPE, 0xffff, num(tok, val, 0, 0xffff, key));
            return;
        case 'dl_vlan': {
            noMask();
            once(m, 'dl_vlan', tok);
            const v = num(tok, val, 0, 0xffff, key);
            // OVS: 0xffff means "no tag"; other values keep their low 12 bits.
            if (v === 0xffff)
                set(m, W_VLAN_TYPE, 0xffff0000, 0);
            else
                set(m, W_VLAN_TYPE, (0x1fff << 16) >>> 0, ((VLAN_PRESENT | (v & 0xfff)) << 16) >>> 0);
            return;
        }
        case 'dl_vlan_pcp': {
            noMask();
            once(m, key, tok);
            const v = num(tok, val, 0, 7, key);
            set(m, W_VLAN_TYPE, (0xf000 << 16) >>> 0, (((v << 13) | VLAN_PRESENT) << 16) >>> 0);
            return;
        }
        case 'vlan_tci': {
            once(m, key, tok);
            const v = num(tok, base, 0, 0xffff, key);
            const mk = maskText === undefined ? 0xffff : num(tok, maskText, 0, 0xffff, 'vlan_tci mask');
            set(m, W_VLAN_TYPE, (mk << 16) >>> 0, (v << 16) >>> 0);
            return;
        }
        case 'nw_src':
        case 'nw_dst':
        case 'arp_spa':
        case 'arp_tpa': {
            const field = key === 'arp_spa' || key === 'nw_src' ? 'nw_src' : 'nw_dst';
            once(m, field, tok);
            m.seen.set(key, tok);
            const ip = ipv4(tok, base);
            const pl = prefixMask(tok, maskText, 32);
            const mk = pl === -1 ? 0xffffffff : typeof pl === 'number' ? (maskText.includes('.') ? pl : pl === 0 ? 0 : (0xffffffff << (32 - pl)) >>> 0) : 0;
            set(m, field === 'nw_src' ? W_NW_SRC : W_NW_DST, mk, ip);
            return;
        }
        case 'ipv6_src':
        case 'ipv6_dst': {
            once(m, key, tok);
            const ip = ipv6(tok, base);
            const pl = prefixMask(tok, maskText, 128);
            let mk;
            if (pl === -1)
                mk = new Uint32Array([~0, ~0, ~0, ~0]);
            else if (typeof pl === 'number') {
                mk = new Uint32Array(4);
                for (let i = 0; i < 4; i++) {
                    const b = Math.max(0, Math.min(32, pl - 32 * i));
                    mk[i] = b === 0 ? 0 : (0xffffffff << (32 - b)) >>> 0;
                }
            }
            else
                mk = pl;
            const w0 = key === 'ipv6_src' ? W_IP6_SRC : W_IP6_DST;
            for (let i = 0; i < 4; i++)
                set(m, w0 + i, mk[i], ip[i]);
            return;
        }
        case 'nw_proto':
        case 'arp_op':
            noMask();
            once(m, 'nw_proto', tok);
            m.seen.set(key, tok);
            set(m, W_PROTO, 0xff, num(tok, val, 0, 255, key));
            return;
        case 'nw_tos':
            noMask();
            once(m, 'nw_tos', tok);
            set(m, W_PROTO, 0xfc00, num(tok, val, 0, 255, key) << 8);
            return;
        case 'ip_dscp':
            noMask();
            once(m, 'nw_tos', tok);
            set(m, W_PROTO, 0xfc00, num(tok, val, 0, 63, key) << 10);
            return;
        case 'nw_ttl':
            noMask();
            once(m, key, tok);
            set(m, W_PROTO, 0xff0000, num(tok, val, 0, 255, key) << 16);
            return;
        case 'nw_frag': {
            noMask();
            once(m, key, tok);
            const f = { no: [3, 0], yes: [1, 1], first: [3, 1], later: [3, 3], not_later: [2, 0] }[val.toLowerCase()];
            if (!f)
                throw new FlowSyntaxError(tok, `"${tok}": ${raw} must be no, yes, first, later or not_later`);
            set(m, W_PROTO, (f[0] << 24) >>> 0, (f[1] << 24) >>> 0);
            return;
        }
        case 'tp_src':
        case 'tp_dst':
        case 'icmp_type':
        case 'icmp_code': {
            const field = key === 'tp_src' || key === 'icmp_type' ? 'tp_src' : 'tp_dst';
            once(m, field, tok);
            m.seen.set(key, tok);
            const icmp = key.startsWith('icmp');
            if (icmp)
                noMask();
            const lim = icmp ? 255 : 0xffff;
            const v = num(tok, base, 0, lim, raw);
            const mk = maskText === undefined ? 0xffff : num(tok, maskText, 0, 0xffff, `${raw} mask`);
            const shift = field === 'tp_src' ? 16 : 0;
            set(m, W_TP, (mk << shift) >>> 0, (v << shift) >>> 0);
            return;
        }
        default:
            throw new FlowSyntaxError(tok, `"${tok}": unknown match field "${raw}"`);
    }
}
/** OVS's prerequisites; a field whose prerequisite is missing is refused naming the field. */
function checkPrerequisites(m) {
    const dlKnown = (m.mask[W_VLAN_TYPE] & 0xffff) === 0xffff;
    const dlType = dlKnown ? m.value[W_VLAN_TYPE] & 0xffff : -1;
    const protoKnown = (m.mask[W_PROTO] & 0xff) === 0xff;
    const proto = protoKnown ? m.value[W_PROTO] & 0xff : -1;
    const ip = dlType === 0x0800, ip6 = dlType === 0x86dd, arp = dlType === 0x0806;
    const need = (field, ok, what) => {
        const tok = m.seen.get(field);
        if (tok !== undefined && !ok)
            throw new FlowSyntaxError(tok, `"${tok}": ${field} needs ${what} in the match`);
    };
    need('nw_src', ip || arp, 'ip or arp (dl_type=0x0800 or 0x0806)');
    need('nw_dst', ip || arp, 'ip or arp (dl_type=0x0800 or 0x0806)');
    need('arp_spa', arp, 'arp');
    need('arp_tpa', arp, 'arp');
    need('arp_op', arp, 'arp');
    need('nw_proto', ip || ip6 || arp, 'ip, ipv6 or arp');
    for (const f of ['nw_tos', 'nw_ttl', 'nw_frag'])
        need(f, ip || ip6, 'ip or ipv6');
    need('ipv6_src', ip6, 'ipv6');
    need('ipv6_dst', ip6, 'ipv6');
    const l4 = (ip || ip6) && (proto === 6 || proto === 17 || proto === 132);
    const icmp = (ip && proto === 1) || (ip6 && proto === 58);
    // OVS's switch refuses L4 fields on later fragments (OFPBMC_BAD_PREREQ): they have no L4 header.
    const later = ((m.mask[W_PROTO] & m.value[W_PROTO]) >>> 24) & 2;
    for (const f of ['tp_src', 'tp_dst'])
        need(f, (l4 && !later) || icmp, 'nw_proto tcp, udp, sctp (not with nw_frag=later) or icmp');
    need('icmp_type', icmp, 'icmp or icmp6');
    need('icmp_code', icmp, 'icmp or icmp6');
}
function newState() {
    return {
        mask: new Uint32Array(KEY_WORDS), value: new Uint32Array(KEY_WORDS), seen: new Map(),
        table: 0, priority: DEFAULT_PRIORITY, cookie: 0, cookieMask: 0, idle: 0, hard: 0, outPort: -1,
    };
}
const SET_FIELDS = {
    eth_src: { op: Act.SET_DL_SRC, kind: 'mac' }, eth_dst: { op: Act.SET_DL_DST, kind: 'mac' },
    dl_src: { op: Act.SET_DL_SRC, kind: 'mac' }, dl_dst: { op: Act.SET_DL_DST, kind: 'mac' },
    ip_src: { op: Act.SET_NW_SRC, kind: 'ip', need: [0x0800, -1] }, ip_dst: { op: Act.SET_NW_DST, kind: 'ip', need: [0x0800, -1] },
    nw_src: { op: Act.SET_NW_SRC, kind: 'ip', need: [0x0800, -1] }, nw_dst: { op: Act.SET_NW_DST, kind: 'ip', need: [0x0800, -1] },
    ipv4_src: { op: Act.SET_NW_SRC, kind: 'ip', need: [0x0800, -1] }, ipv4_dst: { op: Act.SET_NW_DST, kind: 'ip', need: [0x0800, -1] },
    tcp_src: { op: Act.SET_TP_SRC, kind: 'port', need: [-1, 6] }, tcp_dst: { op: Act.SET_TP_DST, kind: 'port', need: [-1, 6] },
    udp_src: { op: Act.SET_TP_SRC, kind: 'port', need: [-1, 17] }, udp_dst: { op: Act.SET_TP_DST, kind: 'port', need: [-1, 17] },
    nw_ttl: { op: Act.SET_TTL, kind: 'ttl', need: [-2, -1] },
};
function parseActions(text, pm, m) {
    const toks = split(text);
    const out = [];
    const dlType = (m.mask[W_VLAN_TYPE] & 0xffff) === 0xffff ? m.value[W_VLAN_TYPE] & 0xffff : -1;
    const proto = (m.mask[W_PROTO] & 0xff) === 0xff ? m.value[W_PROTO] & 0xff : -1;
    const pt = (p) => portText(p, undefined);
    for (let i = 0; i < toks.length; i++) {
        const tok = toks[i];
        const c = tok.search(/[:=(]/);
        const name = (c < 0 ? tok : tok.slice(0, c)).toLowerCase();
        const arg = c < 0 ? '' : tok[c] === '(' ? tok.slice(c) : tok.slice(c + 1);
        const noArg = () => { if (c >= 0)
            throw new FlowSyntaxError(tok, `"${tok}": ${name} takes no argument`); };
        const needArg = () => { if (arg === '')
            throw new FlowSyntaxError(tok, `"${tok}": ${name} needs an argument`); };
        const push = (op, a, b, t) => out.push({ op, a, b, text: t });
        switch (name) {
            case 'output': {
                needArg();
                const p = resolvePort(tok, arg, pm);
                push(Act.OUTPUT, p, 0, p === OFPP_LOCAL ? 'LOCAL' : `output:${pt(p)}`);
                break;
            }
            case 'local':
                noArg();
                push(Act.OUTPUT, OFPP_LOCAL, 0, 'LOCAL');
                break;
            case 'flood':
                noArg();
                push(Act.FLOOD, 0, 0, 'FLOOD');
                break;
            case 'all':
                noArg();
                push(Act.ALL, 0, 0, 'ALL');
                break;
            case 'normal':
                noArg();
                push(Act.NORMAL, 0, 0, 'NORMAL');
                break;
            case 'in_port':
                noArg();
                push(Act.IN_PORT, 0, 0, 'IN_PORT');
                break;
            case 'drop':
                noArg();
                if (toks.some((t) => t.toLowerCase() !== 'drop'))
                    throw new FlowSyntaxError(tok, `"${tok}": "drop" must not be accompanied by any other action`);
                break;
            case 'mod_vlan_vid':
                needArg();
                {
                    const v = num(tok, arg, 0, 4095, name);
                    push(Act.SET_VID, v, 0, `mod_vlan_vid:${v}`);
                }
                break;
            case 'mod_vlan_pcp':
                needArg();
                {
                    const v = num(tok, arg, 0, 7, name);
                    push(Act.SET_PCP, v, 0, `mod_vlan_pcp:${v}`);
                }
                break;
            case 'strip_vlan':
            case 'pop_vlan':
                noArg();
                push(Act.STRIP_VLAN, 0, 0, 'strip_vlan');
                break;
            case 'mod_dl_src':
            case 'mod_dl_dst': {
                needArg();
                const v = mac(tok, arg);
                push(name === 'mod_dl_src' ? Act.SET_DL_SRC : Act.SET_DL_DST, macHi16(v), macLo32(v), `${name}:${macToString(v)}`);
                break;
            }
            case 'mod_nw_src':
            case 'mod_nw_dst': {
                needArg();
                const v = ipv4(tok, arg);
                push(name === 'mod_nw_src' ? Act.SET_NW_SRC : Act.SET_NW_DST, v, 0, `${name}:${ipv4ToString(v)}`);
                break;
            }
            case 'mod_tp_src':
            case 'mod_tp_dst': {
                needArg();
                const v = num(tok, arg, 0, 0xffff, name);
                push(name === 'mod_tp_src' ? Act.SET_TP_SRC : Act.SET_TP_DST, v, 0, `${name}:${v}`);
                break;
            }
            case 'mod_nw_ttl':
                needArg();
                {
                    const v = num(tok, arg, 0, 255, name);
                    push(Act.SET_TTL, v, 0, `mod_nw_ttl:${v}`);
                }
                break;
            case 'dec_ttl':
                noArg();
                push(Act.DEC_TTL, 0, 0, 'dec_ttl');
                break;
            case 'set_field': {
                needArg();
                const at = arg.indexOf('->');
                if (at < 0)
                    throw new FlowSyntaxError(tok, `"${tok}": set_field needs VALUE->FIELD`);
                const v = arg.slice(0, at), f = arg.slice(at + 2).toLowerCase();
                const sf = SET_FIELDS[f];
                if (!sf)
                    throw new FlowSyntaxError(tok, `"${tok}": set_field of "${f}" is not supported (eth_src/dst, ip_src/dst, tcp_src/dst, udp_src/dst, nw_ttl are)`);
                if (sf.need) {
                    const [t, p] = sf.need;
                    const ok = (t === -1 || dlType === t) && (p === -1 || ((dlType === 0x0800 || dlType === 0x86dd) && proto === p)) && (t !== -2 || dlType === 0x0800 || dlType === 0x86dd);
                    // OVS: an L4 field cannot be set on packets the match says are later fragments.
                    const later = ((m.mask[W_PROTO] & m.value[W_PROTO]) >>> 24) & 2;
                    if (!ok || (sf.kind === 'port' && later))
                        throw new FlowSyntaxError(tok, `"${tok}": set_field ${f} lacks its prerequisites in the match`);
                }
                // Written back as the OpenFlow 1.0 action of the same effect, as ovs-ofctl dump-flows does.
                const dir = f.endsWith('_src') ? 'src' : 'dst';
                if (sf.kind === 'mac') {
                    const x = mac(tok, v);
                    push(sf.op, macHi16(x), macLo32(x), `mod_dl_${dir}:${macToString(x)}`);
                }
                else if (sf.kind === 'ip') {
                    const x = ipv4(tok, v);
                    push(sf.op, x, 0, `mod_nw_${dir}:${ipv4ToString(x)}`);
                }
                else if (sf.kind === 'port') {
                    const x = num(tok, v, 0, 0xffff, f);
                    push(sf.op, x, 0, `mod_tp_${dir}:${x}`);
                }
                else {
                    const x = num(tok, v, 0, 255, f);
                    push(sf.op, x, 0, `mod_nw_ttl:${x}`);
                }
                break;
            }
            case 'resubmit': {
                needArg();
                let port = -1, table = -1;
                if (arg.startsWith('(')) {
                    const mm = /^\(([^,()]*),([^,()]*)\)$/.exec(arg);
                    if (!mm)
                        throw new FlowSyntaxError(tok, `"${tok}": resubmit takes ([port],[table])`);
                    if (mm[1] !== '')
                        port = mm[1].toLowerCase() === 'in_port' ? -1 : resolvePort(tok, mm[1], pm);
                    if (mm[2] !== '')
                        table = num(tok, mm[2], 0, MAX_TABLES - 1, 'table');
                    if (mm[1] === '' && mm[2] === '')
                        throw new FlowSyntaxError(tok, `"${tok}": resubmit needs a port or a table`);
                }
                else
                    port = resolvePort(tok, arg, pm);
                push(Act.RESUBMIT, port, table, table < 0 ? `resubmit:${pt(port)}` : `resubmit(${port < 0 ? '' : pt(port)},${table})`);
                break;
            }
            case 'goto_table': {
                needArg();
                const t = num(tok, arg, 0, MAX_TABLES - 1, 'goto_table');
                if (t <= m.table)
                    throw new FlowSyntaxError(tok, `"${tok}": goto_table must go to a table after ${m.table}`);
                if (i !== toks.length - 1)
                    throw new FlowSyntaxError(tok, `"${tok}": goto_table must be the last action`);
                push(Act.GOTO, t, 0, `goto_table:${t}`);
                break;
            }
            default:
                if (c < 0 && (pm.names.includes(tok) || /^[0-9]+$/.test(tok))) {
                    const p = resolvePort(tok, tok, pm);
                    push(Act.OUTPUT, p, 0, `output:${p}`);
                    break;
                }
                throw new FlowSyntaxError(tok, `"${tok}": unknown action "${name}"`);
        }
    }
    return out;
}
/** The text of actions for dump-flows; port numbers replaced by names when `pm` is given. */
export function actionsText(actions, pm) {
    if (actions.length === 0)
        return 'drop';
    return actions.map((a) => {
        if (!pm)
            return a.text;
        if (a.op === Act.OUTPUT && a.a !== OFPP_LOCAL)
            return `output:${portText(a.a, pm)}`;
        if (a.op === Act.RESUBMIT && a.a >= 0)
            return a.b < 0 ? `resubmit:${portText(a.a, pm)}` : `resubmit(${portText(a.a, pm)},${a.b})`;
        return a.text;
    }).join(',');
}
/** The match as OVS's dump-flows writes it (ports by name when `pm` is given). */
export function formatMatch(mask, value, pm) {
    const parts = [];
    const tm = mask[W_VLAN_TYPE], tv = value[W_VLAN_TYPE];
    const dlType = (tm & 0xffff) === 0xffff ? tv & 0xffff : -1;
    const pmk = mask[W_PROTO], pv = value[W_PROTO];
    const proto = (pmk & 0xff) === 0xff ? pv & 0xff : -1;
    const ip = dlType === 0x0800, ip6 = dlType === 0x86dd, arp = dlType === 0x0806;
    let protoShown = false;
    if (ip || ip6) {
        const n = PROTO_NAMES[String(proto)];
        if (n && (ip ? n !== 'icmp6' : n !== 'icmp')) {
            parts.push(ip ? n : n === 'icmp6' ? n : `${n}6`);
            protoShown = true;
        }
        else
            parts.push(ip ? 'ip' : 'ipv6');
    }
    else if (arp)
        parts.push('arp');
    if (mask[W_IN_PORT])
        parts.push(`in_port=${portText(value[W_IN_PORT], pm)}`);
    const vm = tm >>> 16, vv = tv >>> 16;
    if (vm !== 0) {
        if (vm === 0x1fff && (vv & VLAN_PRESENT))
            parts.push(`dl_vlan=${vv & 0xfff}`);
        else if (vm === 0xf000 && (vv & VLAN_PRESENT))
            parts.push(`dl_vlan_pcp=${vv >>> 13}`);
        else if (vm === 0xffff && (vv & VLAN_PRESENT))
            parts.push(`dl_vlan=${vv & 0xfff}`, `dl_vlan_pcp=${vv >>> 13}`);
        else
            parts.push(`vlan_tci=0x${vv.toString(16).padStart(4, '0')}${vm === 0xffff ? '' : `/0x${vm.toString(16).padStart(4, '0')}`}`);
    }
    const macOf = (hi, lo) => macToString(mac48(hi, lo));
    const macField = (name, hiShift, lw) => {
        const mh = (mask[W_MAC_HI] >>> hiShift) & 0xffff, ml = mask[lw];
        if (mh === 0 && ml === 0)
            return;
        const v = macOf((value[W_MAC_HI] >>> hiShift) & 0xffff, value[lw]);
        parts.push(mh === 0xffff && ml === 0xffffffff ? `${name}=${v}` : `${name}=${v}/${macOf(mh, ml)}`);
    };
    macField('dl_src', 16, W_SRC_LO);
    macField('dl_dst', 0, W_DST_LO);
    if (dlType >= 0 && !ip && !ip6 && !arp)
        parts.push(`dl_type=0x${dlType.toString(16).padStart(4, '0')}`);
    const v4 = (name, w) => {
        const mk = mask[w];
        if (mk === 0)
            return;
        const len = 32 - Math.log2((~mk >>> 0) + 1);
        const m = Number.isInteger(len) ? (len === 32 ? '' : `/${len}`) : `/${ipv4ToString(mk)}`;
        parts.push(`${name}=${ipv4ToString(value[w])}${m}`);
    };
    if (!ip6) {
        v4(arp ? 'arp_spa' : 'nw_src', W_NW_SRC);
        v4(arp ? 'arp_tpa' : 'nw_dst', W_NW_DST);
    }
    const v6 = (name, w0) => {
        let any = 0;
        for (let i = 0; i < 4; i++)
            any |= mask[w0 + i];
        if (any === 0)
            return;
        const b = new Uint8Array(16), mb = new Uint8Array(16);
        let bits = 0;
        for (let i = 0; i < 4; i++) {
            const v = value[w0 + i], mk = mask[w0 + i];
            for (let j = 0; j < 4; j++) {
                b[4 * i + j] = (v >>> (24 - 8 * j)) & 0xff;
                mb[4 * i + j] = (mk >>> (24 - 8 * j)) & 0xff;
            }
        }
        for (let i = 0; i < 4; i++) {
            const mk = mask[w0 + i];
            if (mk === 0xffffffff) {
                bits += 32;
                continue;
            }
            bits += Math.clz32(~mk);
            break;
        }
        // A prefix mask is `bits` leading ones and nothing else.
        let isPrefix = true;
        for (let i = 0; i < 4; i++) {
            const b2 = Math.max(0, Math.min(32, bits - 32 * i));
            if (mask[w0 + i] !== (b2 === 0 ? 0 : (0xffffffff << (32 - b2)) >>> 0))
                isPrefix = false;
        }
        parts.push(`${name}=${ipv6ToString(b, 0)}${isPrefix ? (bits === 128 ? '' : `/${bits}`) : `/${ipv6ToString(mb, 0)}`}`);
    };
    if (ip6) {
        v6('ipv6_src', W_IP6_SRC);
        v6('ipv6_dst', W_IP6_DST);
    }
    if ((pmk & 0xff) && !protoShown)
        parts.push(`${arp ? 'arp_op' : 'nw_proto'}=${pv & 0xff}`);
    if (pmk & 0xfc00)
        parts.push(`nw_tos=${(pv >>> 8) & 0xfc}`);
    if (pmk & 0xff0000)
        parts.push(`nw_ttl=${(pv >>> 16) & 0xff}`);
    const fm = (pmk >>> 24) & 3, fv = (pv >>> 24) & 3;
    if (fm)
        parts.push(`nw_frag=${fm === 3 ? ['no', 'first', '', 'later'][fv] : fm === 1 ? 'yes' : 'not_later'}`);
    const icmp = proto === 1 || proto === 58;
    const tpf = (name, iname, shift) => {
        const mk = (mask[W_TP] >>> shift) & 0xffff, v = (value[W_TP] >>> shift) & 0xffff;
        if (mk === 0)
            return;
        parts.push(icmp ? `${iname}=${v}` : `${name}=${v}${mk === 0xffff ? '' : `/0x${mk.toString(16)}`}`);
    };
    tpf('tp_src', 'icmp_type', 16);
    tpf('tp_dst', 'icmp_code', 0);
    return parts.join(',');
}
/** Parses one add-flow line. Throws FlowSyntaxError naming the token. */
export function parseFlow(line, ports) {
    if (typeof line !== 'string')
        throw new FlowSyntaxError(String(line), 'flow must be a string');
    const pm = portMap(ports);
    const am = /(^|[\s,])actions\s*=/i.exec(line);
    if (!am)
        throw new FlowSyntaxError(line.trim(), `"${line.trim()}": must specify an action (actions=...)`);
    const matchText = line.slice(0, am.index);
    const m = newState();
    for (const tok of split(matchText))
        matchToken(m, tok, pm, false);
    checkPrerequisites(m);
    const actions = parseActions(line.slice(am.index + am[0].length).trim(), pm, m);
    return {
        table: m.table, priority: m.priority, cookie: m.cookie, idleTimeout: m.idle, hardTimeout: m.hard,
        match: { mask: m.mask, value: m.value, text: formatMatch(m.mask, m.value) },
        actions, actionsText: actionsText(actions),
    };
}
/**
 * Parses a match for mod-flows/del-flows/dump-flows: fields plus optional table=, priority=,
 * cookie=V/MASK and out_port=. Throws FlowSyntaxError naming the token.
 */
export function parseMatch(text, ports) {
    if (typeof text !== 'string')
        throw new FlowSyntaxError(String(text), 'match must be a string');
    if (/(^|[\s,])actions\s*=/i.test(text))
        throw new FlowSyntaxError('actions=', '"actions=": a match for del-flows takes no actions');
    const pm = portMap(ports);
    const m = newState();
    for (const tok of split(text))
        matchToken(m, tok, pm, true);
    checkPrerequisites(m);
    return {
        table: m.table, tableSet: m.seen.has('table'), priority: m.priority, prioritySet: m.seen.has('priority'),
        cookie: m.cookie, cookieMask: m.cookieMask, outPort: m.outPort,
        match: { mask: m.mask, value: m.value, text: formatMatch(m.mask, m.value) },
    };
}
/** Parses the flow of `ofproto/trace` (exact field values; unnamed fields are zero) into a key. */
export function parseTraceFlow(text, ports) {
    if (typeof text !== 'string')
        throw new FlowSyntaxError(String(text), 'flow must be a string');
    const pm = portMap(ports);
    const m = newState();
    for (const tok of split(text)) {
        if (/^(table|priority|cookie|idle_timeout|hard_timeout|out_port)=/i.test(tok))
            throw new FlowSyntaxError(tok, `"${tok}": not a packet field`);
        if (tok.includes('/'))
            throw new FlowSyntaxError(tok, `"${tok}": a traced packet has exact values (no masks)`);
        matchToken(m, tok, pm, false);
    }
    checkPrerequisites(m);
    if (!m.seen.has('in_port'))
        throw new FlowSyntaxError(text, `"${text}": the flow needs in_port`);
    // As in OVS (fragment handling "normal"), a fragment's L4 fields are 0.
    if ((m.value[W_PROTO] >>> 24) & 1)
        m.value[W_TP] = 0;
    return m.value;
}
//# sourceMappingURL=flow-parser.js.map
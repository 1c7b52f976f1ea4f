/**
 * Packet filters for `sluice trace add PORT N [FILTER]`: a small tcpdump-like language,
 * terms joined by `and` (all must hold), optionally negated with `not`:
 *   ip | ip6 | arp | udp | tcp | icmp | icmp6 | vlan [ID] | [src|dst] host IPV4
 *   | [src|dst] port N | len >|<|= N
 * `compileFilter(text)` returns a predicate over (buf, start, len) or throws naming the
 * bad word. Runs on traced ports only while a trace is armed (control path cost is fine).
 */
import { parsePacket, ParsedHeaders, L3Kind } from '../lib/proto/parse.js';
import { parseIpv4 } from '../lib/proto/addr.js';
const PROTO = { udp: 17, tcp: 6, icmp: 1, icmp6: 58 };
const hdr = new ParsedHeaders();
export class FilterError extends Error {
}
export function compileFilter(text) {
    const words = (text ?? '').trim().split(/\s+/).filter(Boolean);
    if (words.length === 0)
        return () => true;
    const terms = [];
    let i = 0;
    const next = (what) => {
        const w = words[i++];
        if (w === undefined)
            throw new FilterError(`filter "${text}": expected ${what} at the end`);
        return w;
    };
    const num = (what, max) => {
        const w = next(what);
        if (!/^\d+$/.test(w) || Number(w) > max)
            throw new FilterError(`filter "${text}": "${w}" is not a valid ${what}`);
        return Number(w);
    };
    while (i < words.length) {
        let neg = false;
        let w = next('a term');
        if (w === 'not') {
            neg = true;
            w = next('a term');
        }
        let t;
        let dir;
        if (w === 'src' || w === 'dst') {
            dir = w;
            w = next('host or port');
            if (w !== 'host' && w !== 'port')
                throw new FilterError(`filter "${text}": expected host or port after ${dir}, got "${w}"`);
        }
        if (w === 'ip')
            t = (h) => h.l3Kind === L3Kind.IPV4;
        else if (w === 'ip6')
            t = (h) => h.l3Kind === L3Kind.IPV6;
        else if (w === 'arp')
            t = (h) => h.l3Kind === L3Kind.ARP;
        else if (w in PROTO) {
            const p = PROTO[w];
            t = (h) => h.l4Proto === p;
        }
        else if (w === 'vlan') {
            if (i < words.length && /^\d+$/.test(words[i])) {
                const v = num('VLAN id', 4095);
                t = (h) => h.vlanId === v;
            }
            else
                t = (h) => h.vlanCount > 0;
        }
        else if (w === 'host') {
            const a = next('an IPv4 address');
            let ip;
            try {
                ip = parseIpv4(a) >>> 0;
            }
            catch {
                throw new FilterError(`filter "${text}": "${a}" is not an IPv4 address`);
            }
            const d = dir;
            t = (h) => h.l3Kind === L3Kind.IPV4 && ((d !== 'dst' && h.ipv4Src >>> 0 === ip) || (d !== 'src' && h.ipv4Dst >>> 0 === ip));
        }
        else if (w === 'port') {
            const p = num('port', 65535);
            const d = dir;
            t = (h) => (d !== 'dst' && h.srcPort === p) || (d !== 'src' && h.dstPort === p);
        }
        else if (w === 'len') {
            const op = next('>, < or =');
            const n = num('length', 65535);
            if (op === '>')
                t = (_h, len) => len > n;
            else if (op === '<')
                t = (_h, len) => len < n;
            else if (op === '=' || op === '==')
                t = (_h, len) => len === n;
            else
                throw new FilterError(`filter "${text}": expected >, < or = after len, got "${op}"`);
        }
        else if (w === 'and') {
            throw new FilterError(`filter "${text}": "and" needs a term on each side`);
        }
        else
            throw new FilterError(`filter "${text}": unknown term "${w}" (ip, ip6, arp, udp, tcp, icmp, icmp6, vlan, host, port, len)`);
        terms.push(neg ? (h, l) => !t(h, l) : t);
        if (i < words.length) {
            const a = next('and');
            if (a !== 'and')
                throw new FilterError(`filter "${text}": expected "and" before "${a}"`);
            if (i >= words.length)
                throw new FilterError(`filter "${text}": "and" needs a term on each side`);
        }
    }
    return (buf, start, len) => {
        parsePacket(buf, start, len, hdr);
        for (let k = 0; k < terms.length; k++)
            if (!terms[k](hdr, len))
                return false;
        return true;
    };
}
//# sourceMappingURL=trace-filter.js.map
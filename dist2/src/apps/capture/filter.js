/**
 * Capture filters: a small tcpdump-like expression compiled once into a postfix program
 * of typed-array instructions, evaluated per packet over `parsePacket` output without
 * allocating.
 *
 * Grammar (keywords are case-insensitive; `and`/`&&`, `or`/`||`, `not`/`!`, parentheses):
 *   expr      := term { or term }
 *   term      := factor { and factor }
 *   factor    := not factor | ( expr ) | primitive
 *   primitive := ip | ip6 | arp | tcp | udp | icmp | icmp6 | sctp
 *              | vlan [ID]                       (outer tag; without ID: any tagged frame)
 *              | [src|dst] host A.B.C.D          (IPv4 src/dst; `host` = either)
 *              | [src|dst] net A.B.C.D/LEN
 *              | [src|dst] port N                (TCP/UDP/SCTP)
 *              | ether [src|dst|host] MAC | ether proto N   (EtherType after tags; hex 0x..)
 *              | proto N                         (IP protocol number)
 *              | len <= N | len >= N             (frame length)
 *
 *   compileFilter(text) → CaptureFilter   throws FilterError naming the token and position
 *   filter.matches(buf, start, len)        data path; true when the frame matches
 * An empty filter matches everything.
 */
import { parsePacket, ParsedHeaders, L3Kind } from '../../lib/proto/parse.js';
import { parseIpv4, parseMac, macHi16, macLo32 } from '../../lib/proto/addr.js';
export class FilterError extends Error {
    filter;
    token;
    position;
    constructor(filter, token, position, detail) {
        super(`capture filter "${filter}": ${detail} "${token}" at position ${position}`);
        this.filter = filter;
        this.token = token;
        this.position = position;
        this.name = 'FilterError';
    }
}
// Opcodes. Tests push one boolean; AND/OR pop two, NOT pops one.
const OP_AND = 1, OP_OR = 2, OP_NOT = 3, OP_TRUE = 4;
const T_L3 = 10, T_PROTO = 11, T_VLAN_ANY = 12, T_VLAN = 13, T_HOST = 14, T_NET = 15, T_PORT = 16;
const T_ETHER = 17, T_ETHERTYPE = 18, T_LEN_LE = 19, T_LEN_GE = 20;
// Direction selector for host/net/port/ether: 1 = src, 2 = dst, 3 = either.
const SRC = 1, DST = 2, EITHER = 3;
function tokenize(s) {
    const out = [];
    const re = /\s*(\(|\)|&&|\|\||!|<=|>=|[^\s()!]+)/y;
    let m;
    re.lastIndex = 0;
    while (re.lastIndex < s.length && (m = re.exec(s)) !== null) {
        if (m[1] === undefined)
            break;
        out.push({ text: m[1], pos: m.index + m[0].length - m[1].length });
    }
    return out;
}
/** A compiled filter (one per capture app; `matches` never allocates). */
export class CaptureFilter {
    text;
    code;
    empty;
    hdrs = new ParsedHeaders();
    stack = new Uint8Array(64);
    constructor(text, code, empty) {
        this.text = text;
        this.code = code;
        this.empty = empty;
    }
    matches(buf, start, len) {
        if (this.empty)
            return true;
        const h = this.hdrs;
        parsePacket(buf, start, len, h); // on error, fields of the layers parsed so far stay valid
        const code = this.code, st = this.stack;
        let sp = 0;
        for (let pc = 0; pc < code.length; pc += 4) {
            const op = code[pc], a = code[pc + 1], b = code[pc + 2], d = code[pc + 3];
            let r = false;
            switch (op) {
                case OP_AND:
                    sp--;
                    st[sp - 1] = st[sp - 1] & st[sp];
                    continue;
                case OP_OR:
                    sp--;
                    st[sp - 1] = st[sp - 1] | st[sp];
                    continue;
                case OP_NOT:
                    st[sp - 1] = st[sp - 1] ^ 1;
                    continue;
                case OP_TRUE:
                    r = true;
                    break;
                case T_L3:
                    r = h.l3Kind === a;
                    break;
                case T_PROTO:
                    r = h.l4Proto === a && (b === 0 || h.l3Kind === b);
                    break;
                case T_VLAN_ANY:
                    r = h.vlanCount > 0;
                    break;
                case T_VLAN:
                    r = h.vlanId === a;
                    break;
                case T_HOST:
                    r = h.l3Kind === L3Kind.IPV4 && (((d & SRC) !== 0 && h.ipv4Src === a) || ((d & DST) !== 0 && h.ipv4Dst === a));
                    break;
                case T_NET:
                    r = h.l3Kind === L3Kind.IPV4 && (((d & SRC) !== 0 && ((h.ipv4Src & b) >>> 0) === a) || ((d & DST) !== 0 && ((h.ipv4Dst & b) >>> 0) === a));
                    break;
                case T_PORT:
                    r = ((d & SRC) !== 0 && h.srcPort === a) || ((d & DST) !== 0 && h.dstPort === a);
                    break;
                case T_ETHER:
                    r = len >= 12 && (((d & DST) !== 0 && macHiAt(buf, start) === a && macLoAt(buf, start) === b)
                        || ((d & SRC) !== 0 && macHiAt(buf, start + 6) === a && macLoAt(buf, start + 6) === b));
                    break;
                case T_ETHERTYPE:
                    r = h.etherType === a;
                    break;
                case T_LEN_LE:
                    r = len <= a;
                    break;
                case T_LEN_GE:
                    r = len >= a;
                    break;
            }
            st[sp++] = r ? 1 : 0;
        }
        return st[0] === 1;
    }
}
function macHiAt(buf, off) { return (buf[off] << 8) | buf[off + 1]; }
function macLoAt(buf, off) {
    return ((buf[off + 2] << 24) | (buf[off + 3] << 16) | (buf[off + 4] << 8) | buf[off + 5]) >>> 0;
}
/** Compile a filter expression. Control path; throws FilterError naming the bad token. */
export function compileFilter(text) {
    const toks = tokenize(text);
    if (toks.length === 0)
        return new CaptureFilter(text, new Float64Array([OP_TRUE, 0, 0, 0]), true);
    const code = [];
    let i = 0;
    let depth = 0;
    const emit = (op, a = 0, b = 0, d = 0) => { code.push(op, a, b, d); };
    const peek = () => toks[i]?.text.toLowerCase();
    const fail = (detail, t = toks[i]) => {
        throw new FilterError(text, t?.text ?? '<end>', t?.pos ?? text.length, detail);
    };
    const value = (what) => { const t = toks[i]; if (t === undefined)
        fail(`expected ${what} after`, toks[i - 1]); i++; return t; };
    const int = (what, max) => {
        const t = value(what);
        const n = /^(0x[0-9a-f]+|\d+)$/i.test(t.text) ? Number(t.text) : NaN;
        if (!Number.isInteger(n) || n < 0 || n > max)
            fail(`expected ${what} (0..${max}), got`, t);
        return n;
    };
    const primitive = () => {
        const t = toks[i];
        if (t === undefined)
            fail('expected a test, got');
        const w = t.text.toLowerCase();
        i++;
        switch (w) {
            case 'ip':
                emit(T_L3, L3Kind.IPV4);
                return;
            case 'ip6':
                emit(T_L3, L3Kind.IPV6);
                return;
            case 'arp':
                emit(T_L3, L3Kind.ARP);
                return;
            case 'tcp':
                emit(T_PROTO, 6);
                return;
            case 'udp':
                emit(T_PROTO, 17);
                return;
            case 'sctp':
                emit(T_PROTO, 132);
                return;
            case 'icmp':
                emit(T_PROTO, 1, L3Kind.IPV4);
                return;
            case 'icmp6':
                emit(T_PROTO, 58, L3Kind.IPV6);
                return;
            case 'proto':
                emit(T_PROTO, int('an IP protocol number', 255));
                return;
            case 'vlan': {
                const n = peek();
                if (n !== undefined && /^\d+$/.test(n))
                    emit(T_VLAN, int('a VLAN ID', 4095));
                else
                    emit(T_VLAN_ANY);
                return;
            }
            case 'len': {
                const op = value('<= or >=');
                if (op.text !== '<=' && op.text !== '>=')
                    fail('expected <= or >=, got', op);
                emit(op.text === '<=' ? T_LEN_LE : T_LEN_GE, int('a length', 65535));
                return;
            }
            case 'ether': {
                const k = value('src, dst, host or proto');
                const kw = k.text.toLowerCase();
                if (kw === 'proto') {
                    emit(T_ETHERTYPE, int('an EtherType', 0xffff));
                    return;
                }
                const dir = kw === 'src' ? SRC : kw === 'dst' ? DST : kw === 'host' ? EITHER : fail('expected src, dst, host or proto, got', k);
                const m = value('a MAC address');
                let mac = 0;
                try {
                    mac = parseMac(m.text);
                }
                catch {
                    fail('bad MAC address', m);
                }
                emit(T_ETHER, macHi16(mac), macLo32(mac), dir);
                return;
            }
        }
        let dir = EITHER;
        let kw = w;
        if (w === 'src' || w === 'dst') {
            dir = w === 'src' ? SRC : DST;
            const k = value('host, net or port');
            kw = k.text.toLowerCase();
            if (kw !== 'host' && kw !== 'net' && kw !== 'port')
                fail('expected host, net or port, got', k);
        }
        if (kw === 'host') {
            const a = value('an IPv4 address');
            let ip = 0;
            try {
                ip = parseIpv4(a.text);
            }
            catch {
                fail('bad IPv4 address', a);
            }
            emit(T_HOST, ip, 0, dir);
            return;
        }
        if (kw === 'net') {
            const a = value('A.B.C.D/LEN');
            const m = /^([\d.]+)\/(\d+)$/.exec(a.text);
            if (m === null || Number(m[2]) > 32)
                fail('expected A.B.C.D/LEN, got', a);
            let ip = 0;
            try {
                ip = parseIpv4(m[1]);
            }
            catch {
                fail('bad IPv4 network', a);
            }
            const bits = Number(m[2]);
            const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
            emit(T_NET, (ip & mask) >>> 0, mask, dir);
            return;
        }
        if (kw === 'port') {
            emit(T_PORT, int('a port number', 65535), 0, dir);
            return;
        }
        fail('unknown word', t);
    };
    const factor = () => {
        const w = peek();
        if (w === 'not' || w === '!') {
            i++;
            factor();
            emit(OP_NOT);
            return;
        }
        if (w === '(') {
            i++;
            depth++;
            if (depth > 16)
                fail('parentheses nested too deep at');
            expr();
            if (peek() !== ')')
                fail('expected ")", got');
            i++;
            depth--;
            return;
        }
        primitive();
    };
    const term = () => {
        factor();
        while (peek() === 'and' || peek() === '&&') {
            i++;
            factor();
            emit(OP_AND);
        }
    };
    const expr = () => {
        term();
        while (peek() === 'or' || peek() === '||') {
            i++;
            term();
            emit(OP_OR);
        }
    };
    expr();
    if (i < toks.length)
        fail('unexpected');
    if (code.length / 4 > 256)
        throw new FilterError(text, '', 0, 'filter too long (more than 256 operations), at');
    return new CaptureFilter(text, Float64Array.from(code), false);
}
//# sourceMappingURL=filter.js.map
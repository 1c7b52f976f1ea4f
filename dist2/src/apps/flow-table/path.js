import { Act } from './flow-parser.js';
import { KEY_WORDS, VLAN_PRESENT, W_IN_PORT, W_MAC_HI, W_NW_DST, W_NW_SRC, W_PROTO, W_SRC_LO, W_DST_LO, W_TP, W_VLAN_TYPE } from './flow-key.js';
export const Op = {
    /** Drop: no output (explicit drop, table miss, or outputs only to the ingress port). */
    DROP: 0, OUT: 1, OUT_LAST: 2, PUSH_VID: 3, SET_VID: 4, POP_VLAN: 5, SET_DL_SRC: 6, SET_DL_DST: 7,
    SET_NW_SRC: 8, SET_NW_DST: 9, SET_TTL: 10, DEC_TTL: 11, SET_TP_SRC: 12, SET_TP_DST: 13, SET_PCP: 14,
    NORMAL: 15, NORMAL_LAST: 16,
    /** End: dec_ttl found TTL <= 1; the original is dropped (earlier outputs were clones). */
    TTL_EXPIRED: 17,
};
/** Rules counted per path (and stored per cache entry). */
export const MAX_DEPTH = 16;
/** Deepest resubmit/goto nesting followed (OVS: 64). */
export const MAX_RESUBMIT = 64;
export class PathCompiler {
    cls;
    max;
    key = new Uint32Array(KEY_WORDS);
    /** Scratch program (worst case grows with ports; checked against `max`). */
    prog;
    rules = new Int32Array(MAX_DEPTH);
    nRules = 0;
    /** 1 when a lookup ended in a table miss. */
    missed = 0;
    /** OpenFlow numbers of the bridge's ports, ascending. */
    ports = new Int32Array(0);
    portSet = new Uint8Array(0);
    n = 0;
    lastOut = -1;
    /** 1: over max length or depth; 2: TTL expired. */
    stop = 0;
    /** Set while tracing: every lookup is appended. */
    steps = null;
    constructor(cls, max) {
        this.cls = cls;
        this.max = max;
        this.prog = new Int32Array(max);
    }
    /** Sets the bridge's ports (OpenFlow numbers). Control path. */
    setPorts(ofports) {
        this.ports = Int32Array.from([...ofports].sort((a, b) => a - b));
        const top = ofports.length ? Math.max(...ofports) : 0;
        this.portSet = new Uint8Array(top + 1);
        for (const p of ofports)
            this.portSet[p] = 1;
    }
    /** The key after the last compile (the rewritten packet). */
    get finalKey() { return this.key; }
    /**
     * Compiles the path of key[off..] into `this.prog`; returns the program length in words,
     * or -1 when it does not fit `max` or nests too deep (the caller drops, counted).
     */
    compile(src, off) {
        const k = this.key;
        for (let w = 0; w < KEY_WORDS; w++)
            k[w] = src[off + w];
        this.n = 0;
        this.lastOut = -1;
        this.stop = 0;
        this.nRules = 0;
        this.missed = 0;
        this.table(0, 0);
        if (this.stop === 1)
            return -1;
        const prog = this.prog;
        if (this.stop === 2) {
            // Outputs so far went out as clones; the original is dropped as ttl_expired.
            this.n = emit(prog, this.n, Op.TTL_EXPIRED, 0, 0);
            return this.n;
        }
        const last = this.lastOut;
        if (last < 0) {
            prog[0] = Op.DROP;
            prog[1] = 0;
            prog[2] = 0;
            return 3;
        }
        prog[last] = prog[last] === Op.NORMAL ? Op.NORMAL_LAST : Op.OUT_LAST;
        return last + 3;
    }
    has(p) { return p < this.portSet.length && this.portSet[p] === 1; }
    out(op, port) {
        if (this.n + 3 > this.max) {
            this.stop = 1;
            return;
        }
        this.lastOut = this.n;
        this.n = emit(this.prog, this.n, op, port, 0);
    }
    op(op, a, b) {
        if (this.n + 3 > this.max) {
            this.stop = 1;
            return;
        }
        this.n = emit(this.prog, this.n, op, a, b);
    }
    table(table, depth) {
        if (depth > MAX_RESUBMIT) {
            this.stop = 1;
            return;
        }
        const k = this.key, cls = this.cls;
        const r = cls.lookup(table, k, 0);
        if (this.steps !== null)
            this.steps.push({ table, rule: r, depth });
        if (r < 0) {
            this.missed = 1;
            return;
        }
        if (this.nRules === MAX_DEPTH) {
            this.stop = 1;
            return;
        }
        this.rules[this.nRules++] = r;
        const acts = cls.rules[r].acts;
        let next = -1;
        for (let i = 0; i < acts.length && this.stop === 0; i += 3) {
            const op = acts[i], a = acts[i + 1], b = acts[i + 2];
            const inPort = k[W_IN_PORT];
            const type = k[W_VLAN_TYPE] & 0xffff;
            const isIp = type === 0x0800, isIp6 = type === 0x86dd;
            const proto = k[W_PROTO] & 0xff;
            // As OVS commits them: L4 rewrites only to unfragmented packets, IP ones only when nw_proto != 0.
            const l4 = (isIp || isIp6) && (proto === 6 || proto === 17 || proto === 132) && (k[W_PROTO] >>> 24) === 0;
            const l3 = proto !== 0;
            switch (op) {
                case Act.OUTPUT:
                    if (a !== inPort && this.has(a))
                        this.out(Op.OUT, a);
                    break;
                case Act.IN_PORT:
                    if (this.has(inPort))
                        this.out(Op.OUT, inPort);
                    break;
                case Act.NORMAL:
                    this.out(Op.NORMAL, inPort);
                    break;
                case Act.FLOOD:
                case Act.ALL: {
                    const ports = this.ports;
                    for (let p = 0; p < ports.length; p++)
                        if (ports[p] !== inPort)
                            this.out(Op.OUT, ports[p]);
                    break;
                }
                case Act.DROP: break;
                case Act.SET_VID: {
                    const tci = k[W_VLAN_TYPE] >>> 16;
                    if (tci & VLAN_PRESENT) {
                        this.op(Op.SET_VID, a, 0);
                        k[W_VLAN_TYPE] = ((((tci & 0xf000) | a) << 16) | type) >>> 0;
                    }
                    else {
                        this.op(Op.PUSH_VID, a, 0);
                        k[W_VLAN_TYPE] = (((VLAN_PRESENT | a) << 16) | type) >>> 0;
                    }
                    break;
                }
                case Act.SET_PCP: {
                    const tci = k[W_VLAN_TYPE] >>> 16;
                    if (tci & VLAN_PRESENT) {
                        this.op(Op.SET_PCP, a, 0);
                        k[W_VLAN_TYPE] = ((((tci & 0x1fff) | (a << 13)) << 16) | type) >>> 0;
                    }
                    else {
                        this.op(Op.PUSH_VID, 0, a);
                        k[W_VLAN_TYPE] = (((VLAN_PRESENT | (a << 13)) << 16) | type) >>> 0;
                    }
                    break;
                }
                case Act.STRIP_VLAN:
                    if ((k[W_VLAN_TYPE] >>> 16) & VLAN_PRESENT)
                        this.op(Op.POP_VLAN, 0, 0);
                    k[W_VLAN_TYPE] = type;
                    break;
                case Act.SET_DL_SRC:
                    this.op(Op.SET_DL_SRC, a, b);
                    k[W_MAC_HI] = (((a & 0xffff) << 16) | (k[W_MAC_HI] & 0xffff)) >>> 0;
                    k[W_SRC_LO] = b >>> 0;
                    break;
                case Act.SET_DL_DST:
                    this.op(Op.SET_DL_DST, a, b);
                    k[W_MAC_HI] = ((k[W_MAC_HI] & 0xffff0000) | (a & 0xffff)) >>> 0;
                    k[W_DST_LO] = b >>> 0;
                    break;
                case Act.SET_NW_SRC:
                    if (isIp) {
                        if (l3)
                            this.op(Op.SET_NW_SRC, a, 0);
                        k[W_NW_SRC] = a >>> 0;
                    }
                    break;
                case Act.SET_NW_DST:
                    if (isIp) {
                        if (l3)
                            this.op(Op.SET_NW_DST, a, 0);
                        k[W_NW_DST] = a >>> 0;
                    }
                    break;
                case Act.SET_TP_SRC:
                    if (l4) {
                        this.op(Op.SET_TP_SRC, a, proto);
                        k[W_TP] = ((a << 16) | (k[W_TP] & 0xffff)) >>> 0;
                    }
                    break;
                case Act.SET_TP_DST:
                    if (l4) {
                        this.op(Op.SET_TP_DST, a, proto);
                        k[W_TP] = ((k[W_TP] & 0xffff0000) | a) >>> 0;
                    }
                    break;
                case Act.SET_TTL:
                    if (isIp || isIp6) {
                        if (l3)
                            this.op(Op.SET_TTL, a, 0);
                        k[W_PROTO] = ((k[W_PROTO] & 0xff00ffff) | (a << 16)) >>> 0;
                    }
                    break;
                case Act.DEC_TTL:
                    if (isIp || isIp6) {
                        const ttl = (k[W_PROTO] >>> 16) & 0xff;
                        if (ttl <= 1) {
                            this.stop = 2;
                            break;
                        }
                        if (l3)
                            this.op(Op.DEC_TTL, ttl - 1, 0);
                        k[W_PROTO] = ((k[W_PROTO] & 0xff00ffff) | ((ttl - 1) << 16)) >>> 0;
                    }
                    break;
                case Act.RESUBMIT:
                    if (a >= 0)
                        k[W_IN_PORT] = a;
                    this.table(b >= 0 ? b : table, depth + 1);
                    k[W_IN_PORT] = inPort;
                    break;
                case Act.GOTO:
                    next = a;
                    break;
            }
        }
        if (next >= 0 && this.stop === 0)
            this.table(next, depth + 1);
    }
}
function emit(prog, n, op, a, b) {
    prog[n] = op;
    prog[n + 1] = a;
    prog[n + 2] = b;
    return n + 3;
}
//# sourceMappingURL=path.js.map
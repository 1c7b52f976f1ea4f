/**
 * VXLAN tunnel port (`vxlan`, RFC 7348) over IPv4 or IPv6: encapsulates frames from the bridge side
 * and decapsulates frames from the underlay, so two Sluice hosts (or Sluice and a Linux
 * vxlan device) form one L2 overlay.
 *
 *   bridge ─► inner ┌───────┐ outer ─► underlay port      input/output `inner`: the overlay
 *   bridge ◄─ inner │ vxlan │ outer ◄─ underlay port      side (one VNI); extra overlay links
 *                   └───────┘                             and their VNIs via `vnis`
 *
 * Args: `{ vni, localIp, remoteIp, localMac, remoteMac?, udpPort? = 4789, vnis?: { <link>: vni },
 *          ttl? = 64 }`. Without `remoteMac` the app resolves `remoteIp` with ARP on the
 * underlay (a request per second until answered); it always answers ARP for `localIp`.
 * IPv6 addresses make an IPv6 underlay: 70 bytes of headers, the UDP checksum always
 * computed (RFC 8200 8.1; Linux refuses zero-checksum VXLAN over IPv6 by default) and
 * checked, neighbour discovery instead of ARP (NS to the solicited-node group, NA answered
 * for localIp, the peer's MAC learned from its NA or NS).
 *
 * Encapsulation prepends 50 bytes in the packet's headroom (no copy of the payload) from a
 * per-VNI template: outer Ethernet, IPv4 (DF set, checksum from a precomputed partial sum),
 * UDP (source port from a hash of the inner Ethernet header, RFC 7348 5; checksum 0, allowed
 * for IPv4), VXLAN (I flag, VNI). Decapsulation accepts only IPv4/UDP to localIp:udpPort from
 * remoteIp with a valid IPv4 header checksum, a valid UDP checksum when one is present, the
 * I flag set and a known VNI; everything else is dropped with a counted reason.
 */
import { App } from '../../core/app.js';
import { DropReason } from '../../core/drop-reasons.js';
import { DROP_BASE } from '../../core/counters.js';
import { parsePacket, ParsedHeaders, L3Kind, Fragment, parseMac, parseIpv4, macHi16, macLo32, macHiAt, macLoAt, writeMacHiLo, buildIpv4, buildArp, arpMakeReply, ipv4ChecksumOk, udpChecksumOkV4, onesSum, csumFold, macToString, mac48, VXLAN_OVERHEAD_V4, VXLAN_OVERHEAD_V6, parseIpv6, buildIpv6, buildIcmpv6Nd, icmpv6ChecksumOk, ipv6WriteSolicitedNode, udpChecksumOkV6, bytesEqual, NdFlag, } from '../../lib/proto/index.js';
const vniSchema = { type: 'integer', minimum: 0, maximum: 0xffffff };
export const vxlanSchema = {
    type: 'object',
    required: ['vni', 'localIp', 'remoteIp', 'localMac'],
    additionalProperties: false,
    properties: {
        vni: vniSchema, localIp: { type: 'string' }, remoteIp: { type: 'string' }, localMac: { type: 'string' }, remoteMac: { type: 'string' },
        udpPort: { type: 'integer', minimum: 1, maximum: 65535 }, ttl: { type: 'integer', minimum: 1, maximum: 255 },
        vnis: { type: 'object', additionalProperties: vniSchema },
    },
};
export class Vxlan extends App {
    linkNames;
    vniOf;
    localIp;
    remoteIp;
    /** IPv6 underlay: the addresses (16 bytes each), else null. */
    local6;
    remote6;
    /** Header bytes prepended: 50 (IPv4) or 70 (IPv6). */
    hdr;
    /** IPv6: ones'-complement sum of the pseudo-header addresses and next header. */
    pseudo6 = 0;
    localHi;
    localLo;
    remoteHi = 0;
    remoteLo = 0;
    resolved;
    udpPort;
    /** 50-byte header template per overlay link. */
    templates;
    /** Ones'-complement sum of each template's IPv4 header with total length and checksum 0. */
    ipSum;
    ins = [];
    outs = [];
    outerIn = null;
    outerOut = null;
    ph = new ParsedHeaders();
    nextArp = 0;
    encapsulated = 0;
    decapsulated = 0;
    unknownVni = 0;
    arpRequests = 0;
    arpReplies = 0;
    constructor(ctx, args) {
        super(ctx);
        const field = (name, f) => { try {
            return f();
        }
        catch (e) {
            throw new Error(`${name}: ${e.message}`);
        } };
        const v6 = args.localIp.includes(':');
        if (v6 !== args.remoteIp.includes(':'))
            throw new Error('remoteIp: localIp and remoteIp must both be IPv4 or both IPv6');
        this.local6 = v6 ? field('localIp', () => parseIpv6(args.localIp)) : null;
        this.remote6 = v6 ? field('remoteIp', () => parseIpv6(args.remoteIp)) : null;
        this.localIp = v6 ? 0 : field('localIp', () => parseIpv4(args.localIp));
        this.remoteIp = v6 ? 0 : field('remoteIp', () => parseIpv4(args.remoteIp));
        this.hdr = v6 ? VXLAN_OVERHEAD_V6 : VXLAN_OVERHEAD_V4;
        const HDR = this.hdr, U = HDR - 16; // offset of the UDP header
        const lm = field('localMac', () => parseMac(args.localMac));
        if (Math.floor(lm / 2 ** 40) & 1)
            throw new Error(`localMac: ${args.localMac} must be unicast`);
        this.localHi = macHi16(lm);
        this.localLo = macLo32(lm);
        this.resolved = args.remoteMac !== undefined;
        if (args.remoteMac !== undefined) {
            const rm = field('remoteMac', () => parseMac(args.remoteMac));
            this.remoteHi = macHi16(rm);
            this.remoteLo = macLo32(rm);
        }
        this.udpPort = args.udpPort ?? 4789;
        const links = [['inner', args.vni], ...Object.entries(args.vnis ?? {})];
        const seen = new Set();
        for (const [name, vni] of links) {
            if (name === 'outer')
                throw new Error('vnis.outer: "outer" is the underlay link');
            if (seen.has(vni))
                throw new Error(`vnis.${name}: VNI ${vni} is used twice`);
            seen.add(vni);
        }
        this.linkNames = links.map((l) => l[0]);
        this.vniOf = Int32Array.from(links.map((l) => l[1]));
        this.templates = new Uint8Array(HDR * links.length);
        this.ipSum = new Int32Array(links.length);
        const ttl = args.ttl ?? 64;
        for (let i = 0; i < links.length; i++) {
            const t = this.templates, o = i * HDR;
            if (v6) {
                t[o + 12] = 0x86;
                t[o + 13] = 0xdd;
                buildIpv6(t, o + 14, this.local6, 0, this.remote6, 0, 17, 0, ttl); // payload length per packet
            }
            else {
                t[o + 12] = 0x08;
                t[o + 13] = 0x00;
                buildIpv4(t, o + 14, this.localIp, this.remoteIp, 17, 0, ttl, 0, 0);
                t[o + 14 + 2] = 0;
                t[o + 14 + 3] = 0;
                t[o + 14 + 10] = 0;
                t[o + 14 + 11] = 0; // length and checksum per packet
                this.ipSum[i] = onesSum(t, o + 14, 20, 0);
            }
            t[o + U + 2] = this.udpPort >>> 8;
            t[o + U + 3] = this.udpPort & 0xff;
            t[o + U + 8] = 0x08; // I flag
            const v = this.vniOf[i];
            t[o + U + 12] = v >>> 16;
            t[o + U + 13] = (v >>> 8) & 0xff;
            t[o + U + 14] = v & 0xff;
        }
        if (v6)
            this.pseudo6 = onesSum(this.templates, 14 + 8, 32, 17);
        this.writeMacs();
    }
    writeMacs() {
        for (let i = 0; i < this.linkNames.length; i++) {
            writeMacHiLo(this.templates, i * this.hdr, this.remoteHi, this.remoteLo);
            writeMacHiLo(this.templates, i * this.hdr + 6, this.localHi, this.localLo);
        }
    }
    linked() {
        this.ins = this.linkNames.map((n) => this.input[n] ?? null);
        this.outs = this.linkNames.map((n) => this.output[n] ?? null);
        this.outerIn = this.input.outer ?? null;
        this.outerOut = this.output.outer ?? null;
    }
    push() {
        const outer = this.outerIn;
        if (outer !== null)
            while (!outer.empty())
                this.decap(outer.receive());
        const ins = this.ins;
        for (let i = 0; i < ins.length; i++) {
            const l = ins[i];
            if (l === null)
                continue;
            while (!l.empty())
                this.encap(l.receive(), i);
        }
    }
    encap(p, k) {
        const pool = this.pool, data = pool.data, HDR = this.hdr, U = HDR - 16;
        const len = pool.len[p];
        if (len < 14) {
            this.drop(p, DropReason.MALFORMED);
            return;
        }
        if (!this.resolved) {
            this.drop(p, DropReason.NO_NEIGHBOR);
            return;
        }
        if (pool.off[p] < HDR || len + HDR > 65535 - 14) {
            this.drop(p, DropReason.TOO_BIG);
            return;
        }
        const s = pool.start(p), o = s - HDR, t = this.templates, tb = k * HDR;
        for (let i = 0; i < HDR; i++)
            data[o + i] = t[tb + i];
        const udpLen = len + 16;
        if (this.local6 === null) {
            const ipLen = len + HDR - 14;
            data[o + 16] = ipLen >>> 8;
            data[o + 17] = ipLen & 0xff;
            const c = ~csumFold(this.ipSum[k] + ipLen) & 0xffff;
            data[o + 24] = c >>> 8;
            data[o + 25] = c & 0xff;
        }
        else {
            data[o + 18] = udpLen >>> 8;
            data[o + 19] = udpLen & 0xff;
        }
        // Entropy for underlay ECMP: hash the inner MACs and EtherType (RFC 7348 5).
        let h = 0;
        for (let i = 0; i < 14; i++)
            h = (Math.imul(h, 31) + data[s + i]) | 0;
        h ^= h >>> 15;
        const sport = 49152 | (h & 0x3fff);
        data[o + U] = sport >>> 8;
        data[o + U + 1] = sport & 0xff;
        data[o + U + 4] = udpLen >>> 8;
        data[o + U + 5] = udpLen & 0xff;
        if (this.local6 !== null) {
            // IPv6: the UDP checksum is mandatory; pseudo-header sum precomputed, plus the length.
            const c = ~csumFold(onesSum(data, o + U, udpLen, this.pseudo6 + udpLen)) & 0xffff;
            const v = c === 0 ? 0xffff : c;
            data[o + U + 6] = v >>> 8;
            data[o + U + 7] = v & 0xff;
        }
        pool.off[p] -= HDR;
        pool.len[p] = len + HDR;
        const out = this.outerOut;
        if (out === null) {
            this.drop(p, DropReason.PORT_DOWN);
            return;
        }
        this.encapsulated++;
        out.transmit(p);
    }
    decap(p) {
        const pool = this.pool, data = pool.data, ph = this.ph;
        const s = pool.start(p);
        if (parsePacket(data, s, pool.len[p], ph) !== 0) {
            this.drop(p, DropReason.MALFORMED);
            return;
        }
        const l6 = this.local6, r6 = this.remote6;
        if (l6 === null) {
            if (ph.l3Kind === L3Kind.ARP) {
                this.arpIn(p, s);
                return;
            }
            if (ph.l3Kind !== L3Kind.IPV4 || ph.ipv4Dst !== this.localIp || ph.l4Proto !== 17 || ph.dstPort !== this.udpPort) {
                this.drop(p, DropReason.NOT_FOR_US);
                return;
            }
            if (ph.ipv4Src !== this.remoteIp) {
                this.drop(p, DropReason.NOT_FOR_US);
                return;
            }
            if (ph.fragment !== Fragment.NONE) {
                this.drop(p, DropReason.FILTERED);
                return;
            } // no reassembly: underlay MTU must fit
            if (!ipv4ChecksumOk(data, ph.l3Off) || !udpChecksumOkV4(data, ph.l3Off, ph.l4Off)) {
                this.drop(p, DropReason.MALFORMED);
                return;
            }
        }
        else {
            if (ph.l3Kind === L3Kind.IPV6 && ph.l4Proto === 58) {
                this.ndIn(p, s);
                return;
            }
            if (ph.l3Kind !== L3Kind.IPV6 || ph.l4Proto !== 17 || ph.dstPort !== this.udpPort || !bytesEqual(data, ph.ipv6DstOff, l6, 0, 16)) {
                this.drop(p, DropReason.NOT_FOR_US);
                return;
            }
            if (!bytesEqual(data, ph.ipv6SrcOff, r6, 0, 16)) {
                this.drop(p, DropReason.NOT_FOR_US);
                return;
            }
            if (ph.fragment !== Fragment.NONE) {
                this.drop(p, DropReason.FILTERED);
                return;
            }
            // A zero UDP checksum is refused over IPv6 (RFC 8200 8.1), as Linux does by default.
            if (!udpChecksumOkV6(data, ph.l3Off, ph.l4Off)) {
                this.drop(p, DropReason.MALFORMED);
                return;
            }
        }
        const vx = ph.payloadOff;
        // RFC 7348 5: the I flag must be set; the inner frame needs at least an Ethernet header.
        if (ph.payloadLen < 8 + 14 || (data[vx] & 0x08) === 0) {
            this.drop(p, DropReason.MALFORMED);
            return;
        }
        const vni = (data[vx + 4] << 16) | (data[vx + 5] << 8) | data[vx + 6];
        const vnis = this.vniOf;
        let k = -1;
        for (let i = 0; i < vnis.length; i++)
            if (vnis[i] === vni) {
                k = i;
                break;
            }
        if (k < 0) {
            this.unknownVni++;
            this.drop(p, DropReason.NOT_FOR_US);
            return;
        }
        const l = this.outs[k];
        if (l === null) {
            this.drop(p, DropReason.PORT_DOWN);
            return;
        }
        pool.off[p] += vx + 8 - s;
        pool.len[p] = ph.payloadLen - 8;
        this.decapsulated++;
        l.transmit(p);
    }
    arpIn(p, s) {
        const data = this.pool.data, ph = this.ph, l3 = ph.l3Off;
        if (ph.arpSpa === this.remoteIp) {
            const hi = macHiAt(data, l3 + 8), lo = macLoAt(data, l3 + 8);
            if (!this.resolved || hi !== this.remoteHi || lo !== this.remoteLo) {
                this.remoteHi = hi;
                this.remoteLo = lo;
                this.resolved = true;
                this.writeMacs();
            }
        }
        if (ph.arpOp === 1 && ph.arpTpa === this.localIp && this.outerOut !== null) {
            arpMakeReply(data, l3, this.localHi, this.localLo);
            writeMacHiLo(data, s, macHiAt(data, l3 + 18), macLoAt(data, l3 + 18));
            writeMacHiLo(data, s + 6, this.localHi, this.localLo);
            this.arpReplies++;
            this.outerOut.transmit(p);
            return;
        }
        this.drop(p, DropReason.CONSUMED);
    }
    /** IPv6 neighbour discovery on the underlay: learn the peer's MAC, answer NS for localIp. */
    ndIn(p, s) {
        const data = this.pool.data, ph = this.ph, l3 = ph.l3Off, l4 = ph.l4Off, end = ph.l3End;
        const type = ph.icmpType;
        // RFC 4861 7.1: hop limit 255, code 0, room for target and one option, valid checksum.
        if ((type !== 135 && type !== 136) || ph.ipTtl !== 255 || ph.icmpCode !== 0 || end - l4 < 32 || !icmpv6ChecksumOk(data, l3, l4, end - l4)) {
            this.drop(p, DropReason.NOT_FOR_US);
            return;
        }
        const target = l4 + 8, opt = l4 + 24;
        const hasLla = data[opt + 1] === 1 && data[opt] === (type === 136 ? 2 : 1);
        const fromPeer = type === 136 ? bytesEqual(data, target, this.remote6, 0, 16) : bytesEqual(data, ph.ipv6SrcOff, this.remote6, 0, 16);
        if (fromPeer && hasLla) {
            const hi = macHiAt(data, opt + 2), lo = macLoAt(data, opt + 2);
            if (!this.resolved || hi !== this.remoteHi || lo !== this.remoteLo) {
                this.remoteHi = hi;
                this.remoteLo = lo;
                this.resolved = true;
                this.writeMacs();
            }
        }
        if (type === 135 && bytesEqual(data, target, this.local6, 0, 16) && this.outerOut !== null) {
            // Answer with a solicited NA to the asker (its NS source and link-layer address).
            const qs = s, askMac = hasLla ? opt + 2 : s + 6;
            writeMacHiLo(data, qs, macHiAt(data, askMac), macLoAt(data, askMac));
            writeMacHiLo(data, qs + 6, this.localHi, this.localLo);
            data.copyWithin(qs + 14 + 24, ph.ipv6SrcOff, ph.ipv6SrcOff + 16);
            buildIpv6(data, qs + 14, this.local6, 0, data, qs + 14 + 24, 58, 32, 255);
            buildIcmpv6Nd(data, qs + 54, qs + 14, 136, NdFlag.SOLICITED | NdFlag.OVERRIDE, this.local6, 0, this.localHi, this.localLo);
            this.pool.len[p] = 86;
            this.pool.off[p] += s - qs;
            this.arpReplies++;
            this.outerOut.transmit(p);
            return;
        }
        this.drop(p, DropReason.CONSUMED);
    }
    tick(nowMs) {
        if (this.resolved || nowMs < this.nextArp || this.outerOut === null)
            return;
        this.nextArp = nowMs + 1000;
        const pool = this.pool, q = pool.alloc();
        if (q < 0) {
            this.counters[DROP_BASE + DropReason.NO_BUFFER]++;
            return;
        }
        const data = pool.data, s = pool.start(q);
        if (this.remote6 !== null) {
            // NS for the peer to its solicited-node group (RFC 4861 7.2.2), our MAC in the option.
            data.fill(0, s, s + 86);
            const dst = new Uint8Array(16);
            ipv6WriteSolicitedNode(dst, 0, this.remote6, 0);
            writeMacHiLo(data, s, 0x3333, ((0xff << 24) | (dst[13] << 16) | (dst[14] << 8) | dst[15]) >>> 0);
            writeMacHiLo(data, s + 6, this.localHi, this.localLo);
            data[s + 12] = 0x86;
            data[s + 13] = 0xdd;
            buildIpv6(data, s + 14, this.local6, 0, dst, 0, 58, 32, 255);
            buildIcmpv6Nd(data, s + 54, s + 14, 135, 0, this.remote6, 0, this.localHi, this.localLo);
            pool.len[q] = 86;
            this.arpRequests++;
            this.outerOut.transmit(q);
            return;
        }
        data.fill(0, s, s + 60);
        writeMacHiLo(data, s, 0xffff, 0xffffffff);
        writeMacHiLo(data, s + 6, this.localHi, this.localLo);
        data[s + 12] = 0x08;
        data[s + 13] = 0x06;
        buildArp(data, s + 14, 1, this.localHi, this.localLo, this.localIp, 0, 0, this.remoteIp);
        pool.len[q] = 60;
        this.arpRequests++;
        this.outerOut.transmit(q);
    }
    report() {
        return {
            vnis: Object.fromEntries(this.linkNames.map((n, i) => [n, this.vniOf[i]])),
            remoteMac: this.resolved ? macToString(mac48(this.remoteHi, this.remoteLo)) : null,
            encapsulated: this.encapsulated, decapsulated: this.decapsulated, unknownVni: this.unknownVni,
            arpRequests: this.arpRequests, arpReplies: this.arpReplies,
        };
    }
}
//# sourceMappingURL=vxlan.js.map
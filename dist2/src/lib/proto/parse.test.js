import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ParsedHeaders, parsePacket, L3Kind } from './parse.js';
import { ParseError, PARSE_ERROR_COUNT, PARSE_ERROR_NAMES, parseErrorName } from './errors.js';
import { Fragment } from './constants.js';
import { buildUdpPacket } from './packet.js';
import { buildEthernet } from './ethernet.js';
import { buildIpv4 } from './ipv4.js';
import { buildIpv6 } from './ipv6.js';
import { buildTcp } from './tcp.js';
import { buildUdp } from './udp.js';
import { parseIpv4, ipv6ToString } from './addr.js';
import { CAPTURED_UDP4, CAPTURED_UDP6, CAPTURED_TCP4_SYN, WIRESHARK_ICMP_ECHO, WIRESHARK_ICMPV6_ECHO, WIRESHARK_NS, WIRESHARK_ARP_REQUEST, WIRESHARK_VXLAN, WIRESHARK_TCP6, } from './fixtures.js';
const h = new ParsedHeaders();
function parse(b, start = 0, len = b.length - start) {
    return parsePacket(b, start, len, h);
}
test('reason code table: names, count, lookup', () => {
    assert.equal(PARSE_ERROR_NAMES.length, PARSE_ERROR_COUNT);
    assert.equal(PARSE_ERROR_NAMES[ParseError.TRUNCATED_L3], 'truncated_l3');
    assert.equal(PARSE_ERROR_NAMES[ParseError.OK], 'ok');
    assert.equal(parseErrorName(ParseError.BAD_UDP_LEN), 'bad_udp_len');
    assert.equal(parseErrorName(999), 'unknown_999');
    assert.equal(new Set(Object.values(ParseError)).size, PARSE_ERROR_COUNT, 'codes are distinct');
    for (let i = 0; i < PARSE_ERROR_COUNT; i++)
        assert.ok(PARSE_ERROR_NAMES[i].length > 0, `code ${i} named`);
});
test('ParsedHeaders: every field numeric from construction, shape unchanged by parsing', () => {
    const fresh = new ParsedHeaders();
    const keys = Object.keys(fresh);
    for (const k of keys)
        assert.equal(typeof fresh[k], 'number', k);
    parsePacket(CAPTURED_TCP4_SYN, 0, CAPTURED_TCP4_SYN.length, fresh);
    parsePacket(new Uint8Array(3), 0, 3, fresh);
    assert.deepEqual(Object.keys(fresh), keys);
});
test('captured IPv4/UDP', () => {
    assert.equal(parse(CAPTURED_UDP4), 0);
    assert.equal(h.vlanCount, 0);
    assert.equal(h.vlanId, -1);
    assert.equal(h.etherType, 0x0800);
    assert.equal(h.l3Kind, L3Kind.IPV4);
    assert.equal(h.l3Off, 14);
    assert.equal(h.l3End, 14 + 45);
    assert.equal(h.ipv4Src, 0x7f000001);
    assert.equal(h.ipv4Dst, 0x7f000001);
    assert.equal(h.ipTtl, 64);
    assert.equal(h.l4Proto, 17);
    assert.equal(h.l4Off, 34);
    assert.equal(h.srcPort, 57962);
    assert.equal(h.dstPort, 40404);
    assert.equal(h.payloadOff, 42);
    assert.equal(h.payloadLen, 17);
    assert.equal(h.fragment, Fragment.NONE);
});
test('captured IPv6/UDP', () => {
    assert.equal(parse(CAPTURED_UDP6), 0);
    assert.equal(h.l3Kind, L3Kind.IPV6);
    assert.equal(h.ipv6SrcOff, 22);
    assert.equal(h.ipv6DstOff, 38);
    assert.equal(h.ipv4Src, 0);
    assert.equal(h.l4Proto, 17);
    assert.equal(h.l4Off, 54);
    assert.equal(h.srcPort, 55280);
    assert.equal(h.payloadLen, 8);
    assert.equal(h.l3End, CAPTURED_UDP6.length);
});
test('captured TCP SYN with options', () => {
    assert.equal(parse(CAPTURED_TCP4_SYN), 0);
    assert.equal(h.l4Proto, 6);
    assert.equal(h.tcpFlags, 0x02);
    assert.equal(h.srcPort, 42928);
    assert.equal(h.dstPort, 40405);
    assert.equal(h.payloadOff, 34 + 40);
    assert.equal(h.payloadLen, 0);
});
test('ICMP, ICMPv6, NS, ARP, TCPv6 fixtures', () => {
    assert.equal(parse(WIRESHARK_ICMP_ECHO), 0);
    assert.equal(h.icmpType, 8);
    assert.equal(h.icmpCode, 0);
    assert.equal(h.srcPort, -1);
    assert.equal(parse(WIRESHARK_ICMPV6_ECHO), 0);
    assert.equal(h.icmpType, 128);
    assert.equal(parse(WIRESHARK_NS), 0);
    assert.equal(h.icmpType, 135);
    assert.equal(ipv6ToString(WIRESHARK_NS, h.ipv6DstOff), 'ff02::1:ff00:2');
    assert.equal(h.ipTtl, 255);
    assert.equal(parse(WIRESHARK_ARP_REQUEST), 0);
    assert.equal(h.l3Kind, L3Kind.ARP);
    assert.equal(h.arpOp, 1);
    assert.equal(h.arpSpa, parseIpv4('192.0.2.1'));
    assert.equal(h.arpTpa, parseIpv4('192.0.2.2'));
    assert.equal(h.l4Proto, -1);
    assert.equal(parse(WIRESHARK_TCP6), 0);
    assert.equal(h.ipTos, 0xb8);
    assert.equal(h.tcpFlags, 0x18);
    assert.equal(h.payloadLen, 5);
});
test('VXLAN: outer then inner frame at payloadOff + 8', () => {
    const b = WIRESHARK_VXLAN;
    assert.equal(parse(b), 0);
    assert.equal(h.dstPort, 4789);
    const inner = h.payloadOff + 8;
    const innerLen = h.payloadLen - 8;
    assert.equal(parsePacket(b, inner, innerLen, h), 0);
    assert.equal(h.start, inner);
    assert.equal(h.vlanId, 100);
    assert.equal(h.vlanPcp, 5);
    assert.equal(h.ipv4Src, parseIpv4('10.0.0.1'));
    assert.equal(h.srcPort, 1000);
    assert.equal(h.dstPort, 2000);
});
test('round trip: buildUdpPacket -> parsePacket for IPv4/IPv6, tagged/untagged, random fields (fast-check)', () => {
    fc.assert(fc.property(fc.boolean(), fc.option(fc.integer({ min: 0, max: 4095 }), { nil: undefined }), fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 64 }), (v6, vlan, pcp, sp, dp, plen, s4, d4, pad) => {
        const pkt = buildUdpPacket({
            srcMac: 0x020000000001, dstMac: '02:00:00:00:00:02', vlan, pcp: vlan === undefined ? undefined : pcp,
            srcIp: v6 ? '2001:db8::1' : s4, dstIp: v6 ? 'fe80::2' : d4, srcPort: sp, dstPort: dp, payload: new Uint8Array(plen),
        });
        // put it at an offset inside a bigger pool buffer with trailing padding
        const pool = new Uint8Array(pkt.length + 100 + pad);
        pool.set(pkt, 37);
        assert.equal(parsePacket(pool, 37, pkt.length + pad, h), 0);
        const l2 = 14 + (vlan === undefined ? 0 : 4);
        assert.equal(h.vlanId, vlan === undefined ? -1 : vlan);
        assert.equal(h.vlanPcp, vlan === undefined ? 0 : pcp);
        assert.equal(h.l3Off, 37 + l2);
        assert.equal(h.l3Kind, v6 ? L3Kind.IPV6 : L3Kind.IPV4);
        assert.equal(h.l3End, 37 + pkt.length, 'padding excluded');
        if (!v6) {
            assert.equal(h.ipv4Src, s4);
            assert.equal(h.ipv4Dst, d4);
        }
        else {
            assert.equal(ipv6ToString(pool, h.ipv6DstOff), 'fe80::2');
        }
        assert.equal(h.srcPort, sp);
        assert.equal(h.dstPort, dp);
        assert.equal(h.payloadLen, plen);
        assert.equal(h.payloadOff, 37 + pkt.length - plen);
    }), { numRuns: 300 });
});
test('fragments: non-first fragments carry no L4 header; first fragments do', () => {
    const b = new Uint8Array(14 + 20 + 16);
    buildEthernet(b, 0, 0, 0, 0, 0, 0x0800);
    buildIpv4(b, 14, 1, 2, 17, 16, 64, 0, 7, 0x2000 | 10); // MF, offset 80
    b[34] = 0xff; // garbage where a UDP header would be
    assert.equal(parse(b), 0);
    assert.equal(h.fragment, Fragment.LATER);
    assert.equal(h.l4Proto, 17);
    assert.equal(h.srcPort, -1);
    buildIpv4(b, 14, 1, 2, 17, 16, 64, 0, 7, 0x2000); // first fragment, UDP length says 1000
    buildUdp(b, 34, 5, 6, 992);
    assert.equal(parse(b), 0, 'UDP length is not checked against a first fragment');
    assert.equal(h.fragment, Fragment.FIRST);
    assert.equal(h.srcPort, 5);
    assert.equal(h.payloadLen, 8);
});
test('IPv6 extension headers before UDP; later fragment; no next header', () => {
    const b = new Uint8Array(14 + 40 + 8 + 8 + 8);
    const z = new Uint8Array(16);
    buildEthernet(b, 0, 0, 0, 0, 0, 0x86dd);
    buildIpv6(b, 14, z, 0, z, 0, 0, 24);
    b.set([44, 0, 0, 0, 0, 0, 0, 0], 54); // hop-by-hop -> fragment
    b.set([17, 0, 0, 1, 0, 0, 0, 9], 62); // fragment (offset 0, M) -> UDP
    buildUdp(b, 70, 7, 8, 0);
    assert.equal(parse(b), 0);
    assert.equal(h.l4Proto, 17);
    assert.equal(h.l4Off, 70);
    assert.equal(h.fragment, Fragment.FIRST);
    assert.equal(h.dstPort, 8);
    b[65] = 8; // offset 1
    assert.equal(parse(b), 0);
    assert.equal(h.fragment, Fragment.LATER);
    assert.equal(h.srcPort, -1);
    b[54] = 59; // HBH -> no next header
    assert.equal(parse(b), 0);
    assert.equal(h.l4Proto, 59);
    assert.equal(h.l4Off, 62);
});
test('other EtherTypes and 802.3 length frames are OTHER, not errors', () => {
    const b = new Uint8Array(60);
    buildEthernet(b, 0, 0x0180, 0xc200000e, 0x0200, 1, 0x88cc);
    assert.equal(parse(b), 0);
    assert.equal(h.l3Kind, L3Kind.OTHER);
    assert.equal(h.etherType, 0x88cc);
    assert.equal(h.l3End, 60);
    buildEthernet(b, 0, 0, 0, 0, 0, 46);
    assert.equal(parse(b), 0);
    assert.equal(h.l3Kind, L3Kind.OTHER);
});
// ---------------------------------------------------------------------------------------
// Malformed packets: each must give its reason code.
const V4 = buildUdpPacket({ srcMac: 1, dstMac: 2, srcIp: '10.0.0.1', dstIp: '10.0.0.2', srcPort: 1, dstPort: 2, size: 60 });
const V6 = buildUdpPacket({ srcMac: 1, dstMac: 2, srcIp: '2001:db8::1', dstIp: '2001:db8::2', srcPort: 1, dstPort: 2, size: 80 });
function tcp4(doffWords, ipPayload) {
    const b = new Uint8Array(14 + 20 + ipPayload);
    buildEthernet(b, 0, 0, 2, 0, 1, 0x0800);
    buildIpv4(b, 14, 1, 2, 6, ipPayload);
    if (ipPayload >= 20) {
        buildTcp(b, 34, 1, 2, 0, 0, 2, 100);
        b[46] = doffWords << 4;
    }
    return b;
}
function ip4(proto, ipPayload) {
    const b = new Uint8Array(14 + 20 + ipPayload);
    buildEthernet(b, 0, 0, 2, 0, 1, 0x0800);
    buildIpv4(b, 14, 1, 2, proto, ipPayload);
    return b;
}
function ip6(nh, payload) {
    const b = new Uint8Array(14 + 40 + payload);
    const z = new Uint8Array(16);
    buildEthernet(b, 0, 0, 2, 0, 1, 0x86dd);
    buildIpv6(b, 14, z, 0, z, 0, nh, payload);
    return b;
}
function edit(base, f) {
    const b = base.slice();
    f(b);
    return b;
}
function tags(n) {
    const b = new Uint8Array(14 + 4 * n + 20);
    buildEthernet(b, 0, 0, 2, 0, 1, 0x8100);
    for (let i = 0; i < n; i++)
        b.set([0, 5, i + 1 < n ? 0x81 : 0x08, 0], 14 + 4 * i);
    return b;
}
const BAD = [
    { name: 'negative start', pkt: V4, start: -1, len: 60, want: ParseError.BAD_BOUNDS },
    { name: 'len past buffer', pkt: V4, start: 10, len: 60, want: ParseError.BAD_BOUNDS },
    { name: 'fractional start', pkt: V4, start: 0.5, len: 20, want: ParseError.BAD_BOUNDS },
    { name: 'NaN len', pkt: V4, start: 0, len: NaN, want: ParseError.BAD_BOUNDS },
    { name: '13-byte runt', pkt: V4, len: 13, want: ParseError.TRUNCATED_L2 },
    { name: 'empty', pkt: V4, len: 0, want: ParseError.TRUNCATED_L2 },
    { name: 'tag without TCI', pkt: tags(1), len: 16, want: ParseError.TRUNCATED_VLAN },
    { name: 'tag without inner EtherType', pkt: tags(1), len: 17, want: ParseError.TRUNCATED_VLAN },
    { name: 'three tags', pkt: tags(3), want: ParseError.TOO_MANY_VLANS },
    { name: 'IPv4 header cut at 19 bytes', pkt: V4, len: 14 + 19, want: ParseError.TRUNCATED_L3 },
    { name: 'tagged IPv4 header cut', pkt: tags(1), len: 18 + 10, want: ParseError.TRUNCATED_L3 },
    { name: 'IPv6 header cut at 39 bytes', pkt: V6, len: 14 + 39, want: ParseError.TRUNCATED_L3 },
    { name: 'IPv4 EtherType, version 6', pkt: edit(V4, (b) => { b[14] = 0x65; }), want: ParseError.BAD_IP_VERSION },
    { name: 'IPv6 EtherType, version 4', pkt: edit(V6, (b) => { b[14] = 0x40; }), want: ParseError.BAD_IP_VERSION },
    { name: 'IHL 4', pkt: edit(V4, (b) => { b[14] = 0x44; }), want: ParseError.BAD_IPV4_IHL },
    { name: 'IHL 0', pkt: edit(V4, (b) => { b[14] = 0x40; }), want: ParseError.BAD_IPV4_IHL },
    { name: 'IHL 15 options past capture', pkt: V4, len: 14 + 40, start: 0, want: -1 },
    { name: 'total length < IHL*4', pkt: edit(V4, (b) => { b[16] = 0; b[17] = 19; }), want: ParseError.BAD_IPV4_TOTAL_LEN },
    { name: 'total length > capture', pkt: edit(V4, (b) => { b[16] = 0; b[17] = 47; }), want: ParseError.TRUNCATED_IPV4 },
    { name: 'IPv4 capture cut mid-payload', pkt: WIRESHARK_VXLAN, len: 60, want: ParseError.TRUNCATED_IPV4 },
    { name: 'IPv6 payload length > capture', pkt: edit(V6, (b) => { b[19] = 27; }), want: ParseError.TRUNCATED_IPV6 },
    { name: 'IPv6 ext header past payload', pkt: edit(ip6(60, 8), (b) => { b[54] = 17; b[55] = 1; }), want: ParseError.TRUNCATED_IPV6_EXT },
    { name: 'IPv6 fragment header cut', pkt: ip6(44, 4), want: ParseError.TRUNCATED_IPV6_EXT },
    { name: 'hop-by-hop after dest-opts', pkt: edit(ip6(60, 24), (b) => { b[54] = 0; b[62] = 17; }), want: ParseError.BAD_IPV6_EXT_ORDER },
    { name: '9 dest-opts headers', pkt: edit(ip6(60, 80), (b) => { for (let i = 0; i < 10; i++)
            b[54 + 8 * i] = 60; }), want: ParseError.TOO_MANY_IPV6_EXT },
    { name: 'ARP cut at 27 bytes', pkt: WIRESHARK_ARP_REQUEST, len: 14 + 27, want: ParseError.TRUNCATED_ARP },
    { name: 'ARP hlen 8', pkt: edit(WIRESHARK_ARP_REQUEST, (b) => { b[18] = 8; }), want: ParseError.BAD_ARP },
    { name: 'ARP ptype IPv6', pkt: edit(WIRESHARK_ARP_REQUEST, (b) => { b[16] = 0x86; b[17] = 0xdd; }), want: ParseError.BAD_ARP },
    { name: 'UDP header cut (7 bytes)', pkt: ip4(17, 7), want: ParseError.TRUNCATED_L4 },
    { name: 'TCP header cut (19 bytes)', pkt: tcp4(5, 19), want: ParseError.TRUNCATED_L4 },
    { name: 'TCP options past IP payload', pkt: tcp4(15, 40), want: ParseError.TRUNCATED_L4 },
    { name: 'TCP data offset 4', pkt: tcp4(4, 40), want: ParseError.BAD_TCP_DATA_OFFSET },
    { name: 'ICMP header cut (4 bytes)', pkt: ip4(1, 4), want: ParseError.TRUNCATED_L4 },
    { name: 'ICMPv6 header cut (3 bytes)', pkt: ip6(58, 3), want: ParseError.TRUNCATED_L4 },
    { name: 'SCTP header cut (11 bytes)', pkt: ip4(132, 11), want: ParseError.TRUNCATED_L4 },
    { name: 'UDP length 7', pkt: edit(V4, (b) => { b[38] = 0; b[39] = 7; }), want: ParseError.BAD_UDP_LEN },
    { name: 'UDP length > IP payload', pkt: edit(V4, (b) => { b[38] = 0; b[39] = 27; }), want: ParseError.BAD_UDP_LEN },
    { name: 'IPv6 UDP length 0 (jumbogram form)', pkt: edit(V6, (b) => { b[58] = 0; b[59] = 0; }), want: ParseError.BAD_UDP_LEN },
];
// IHL 15 with a 40-byte IPv4 area: options run past the capture.
BAD[BAD.findIndex((c) => c.want === -1)] = {
    name: 'IHL 15 options past capture', pkt: edit(V4, (b) => { b[14] = 0x4f; }), len: 14 + 40, want: ParseError.TRUNCATED_IPV4_OPTIONS,
};
test(`${BAD.length} truncated or inconsistent packets each give their reason code`, () => {
    for (const c of BAD) {
        const start = c.start ?? 0;
        const len = c.len ?? c.pkt.length - start;
        const got = parsePacket(c.pkt, start, len, h);
        assert.equal(parseErrorName(got), parseErrorName(c.want), c.name);
    }
});
test('every reason code is produced by at least one malformed case', () => {
    const seen = new Set(BAD.map((c) => c.want));
    for (let code = 1; code < PARSE_ERROR_COUNT; code++)
        assert.ok(seen.has(code), `no case for ${PARSE_ERROR_NAMES[code]}`);
});
test('the valid bases of the malformed cases parse cleanly (so each case fails for its own reason)', () => {
    const udp8 = edit(ip4(17, 8), (b) => { b[39] = 8; });
    for (const b of [V4, V6, tcp4(5, 40), tcp4(15, 60), udp8, ip4(1, 8), ip6(58, 4), ip4(132, 12), edit(ip6(44, 16), (b) => { b[54] = 17; b[67] = 8; }),
        edit(ip6(60, 24), (b) => { b[54] = 60; b[62] = 17; b[75] = 8; })]) {
        assert.equal(parseErrorName(parse(b)), 'ok');
    }
    const t2 = tags(2);
    assert.equal(parse(t2), ParseError.BAD_IP_VERSION, 'tags(2) carries a zero IPv4 header');
    assert.equal(h.vlanCount, 2);
});
test('on error, fields of the layers before the failure stay valid', () => {
    const b = edit(V4, (x) => { x[38] = 0; x[39] = 3; });
    assert.equal(parse(b), ParseError.BAD_UDP_LEN);
    assert.equal(h.l3Kind, L3Kind.IPV4);
    assert.equal(h.ipv4Src, parseIpv4('10.0.0.1'));
    assert.equal(h.l4Proto, 17);
    assert.equal(h.srcPort, -1);
});
// ---------------------------------------------------------------------------------------
// Fuzzing: never throws, never reads outside [start, start+len).
/** A Uint8Array proxy that records every index read; `length` passes through. */
function watched(b) {
    const reads = [];
    const odd = [];
    const buf = new Proxy(b, {
        get(t, k) {
            if (k === 'length')
                return t.length;
            if (typeof k === 'string' && /^-?\d+$/.test(k)) {
                reads.push(Number(k));
                return t[Number(k)];
            }
            odd.push(String(k));
            return t[k];
        },
    });
    return { buf, reads, odd };
}
function checkInvariants(code, start, len) {
    assert.ok(Number.isInteger(code) && code >= 0 && code < PARSE_ERROR_COUNT, `code ${code}`);
    if (code !== 0)
        return;
    const end = start + len;
    assert.ok(h.l3Off >= start + 14 && h.l3Off <= end);
    assert.ok(h.l3End >= h.l3Off && h.l3End <= end);
    if (h.l4Off >= 0)
        assert.ok(h.l4Off >= h.l3Off && h.l4Off <= h.l3End, 'l4Off inside the datagram');
    if (h.payloadOff >= 0)
        assert.ok(h.payloadOff >= h.l4Off && h.payloadOff + h.payloadLen <= h.l3End, 'payload inside');
    if (h.ipv6DstOff >= 0)
        assert.ok(h.ipv6DstOff + 16 <= h.l3End);
}
const SEEDS = [V4, V6, CAPTURED_TCP4_SYN, WIRESHARK_VXLAN, WIRESHARK_NS, WIRESHARK_ARP_REQUEST, WIRESHARK_ICMP_ECHO, tags(2),
    edit(ip6(0, 24), (b) => { b[54] = 44; b[62] = 17; b[75] = 8; })];
test('random bytes: parsePacket never throws and reads only inside the window (fast-check)', () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 0, maxLength: 200 }), fc.nat(40), fc.nat(40), (data, pre, post) => {
        const pool = new Uint8Array(pre + data.length + post).fill(0xa5);
        pool.set(data, pre);
        const w = watched(pool);
        const code = parsePacket(w.buf, pre, data.length, h);
        for (const r of w.reads)
            assert.ok(r >= pre && r < pre + data.length, `read ${r} outside [${pre}, ${pre + data.length})`);
        assert.deepEqual(w.odd, []);
        checkInvariants(code, pre, data.length);
    }), { numRuns: 1500 });
});
test('mutated real packets: never throw, stay in the window, results independent of bytes outside (fast-check)', () => {
    for (const seed of SEEDS)
        if (seed !== SEEDS[7])
            assert.equal(parseErrorName(parse(seed)), 'ok', 'seeds start valid');
    fc.assert(fc.property(fc.nat(SEEDS.length - 1), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }), fc.nat(), fc.nat(16), fc.uint8Array({ minLength: 32, maxLength: 32 }), (si, muts, cut, pre, noise) => {
        const seed = SEEDS[si];
        const len = cut % (seed.length + 1);
        const pool = new Uint8Array(pre + seed.length + 16);
        pool.set(seed, pre);
        for (const [at, v] of muts)
            pool[pre + (at % seed.length)] = v;
        const w = watched(pool);
        const code = parsePacket(w.buf, pre, len, h);
        for (const r of w.reads)
            assert.ok(r >= pre && r < pre + len, `read ${r} outside [${pre}, ${pre + len})`);
        checkInvariants(code, pre, len);
        const snapshot = JSON.stringify(h);
        // scribble outside the window: the answer must not change
        for (let i = 0; i < pre; i++)
            pool[i] = noise[i % 32];
        for (let i = pre + len; i < pool.length; i++)
            pool[i] = noise[i % 32];
        assert.equal(parsePacket(pool, pre, len, h), code);
        assert.equal(JSON.stringify(h), snapshot);
    }), { numRuns: 1500 });
});
//# sourceMappingURL=parse.test.js.map
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildArp, arpIsEthIpv4, arpOp, arpShaHi, arpShaLo, arpSpa, arpThaHi, arpThaLo, arpTpa, arpMakeReply, ArpOp, ARP_LEN, } from './arp.js';
import { buildIpv4, ipv4Version, ipv4HeaderLen, ipv4Tos, ipv4TotalLen, ipv4Id, ipv4FragField, ipv4FragOffset, ipv4IsFragment, ipv4Ttl, ipv4Proto, ipv4Checksum, ipv4Src, ipv4Dst, ipv4ComputeChecksum, ipv4SetChecksum, ipv4ChecksumOk, ipv4DecTtl, ipv4SetTtl, ipv4SetTos, ipv4SetTotalLen, ipv4SetSrc, ipv4SetDst, IPV4_MF, } from './ipv4.js';
import { buildIpv6, ipv6Version, ipv6TrafficClass, ipv6FlowLabel, ipv6PayloadLen, ipv6NextHeader, ipv6HopLimit, ipv6SrcOff, ipv6DstOff, ipv6DecHopLimit, ipv6AddrEqual, ipv6IsMulticast, ipv6WriteSolicitedNode, ipv6SkipExtHeaders, Ipv6ExtResult, IPV6_MAX_EXT_HEADERS, } from './ipv6.js';
import { parseIpv4, parseIpv6, ipv6ToString } from './addr.js';
import { ParseError } from './errors.js';
import { Fragment } from './constants.js';
import { WIRESHARK_ARP_REQUEST, CAPTURED_UDP4, CAPTURED_UDP6, hex } from './fixtures.js';
test('ARP build matches the Wireshark-checked request; accessors; reply in place', () => {
    const b = new Uint8Array(42);
    b.set(WIRESHARK_ARP_REQUEST.subarray(0, 14));
    assert.equal(buildArp(b, 14, ArpOp.REQUEST, 0x0200, 0x00000001, parseIpv4('192.0.2.1'), 0, 0, parseIpv4('192.0.2.2')), 14 + ARP_LEN);
    assert.deepEqual(b, WIRESHARK_ARP_REQUEST);
    assert.ok(arpIsEthIpv4(b, 14));
    assert.equal(arpOp(b, 14), 1);
    assert.equal(arpSpa(b, 14), 0xc0000201);
    assert.equal(arpTpa(b, 14), 0xc0000202);
    arpMakeReply(b, 14, 0x0200, 0x00000002);
    assert.equal(arpOp(b, 14), ArpOp.REPLY);
    assert.equal(arpShaHi(b, 14), 0x0200);
    assert.equal(arpShaLo(b, 14), 2);
    assert.equal(arpSpa(b, 14), 0xc0000202);
    assert.equal(arpThaHi(b, 14), 0x0200);
    assert.equal(arpThaLo(b, 14), 1);
    assert.equal(arpTpa(b, 14), 0xc0000201);
    b[18] = 8;
    assert.equal(arpIsEthIpv4(b, 14), false);
});
test('IPv4 accessors on the captured header', () => {
    const b = CAPTURED_UDP4;
    assert.equal(ipv4Version(b, 14), 4);
    assert.equal(ipv4HeaderLen(b, 14), 20);
    assert.equal(ipv4Tos(b, 14), 0);
    assert.equal(ipv4TotalLen(b, 14), 45);
    assert.equal(ipv4Id(b, 14), 0x63ae);
    assert.equal(ipv4FragField(b, 14), 0x4000);
    assert.equal(ipv4IsFragment(b, 14), false);
    assert.equal(ipv4Ttl(b, 14), 64);
    assert.equal(ipv4Proto(b, 14), 17);
    assert.equal(ipv4Checksum(b, 14), 0xd90f);
    assert.equal(ipv4Src(b, 14), 0x7f000001);
    assert.equal(ipv4Dst(b, 14), 0x7f000001);
    assert.equal(ipv4ComputeChecksum(b, 14), 0xd90f);
    assert.ok(ipv4ChecksumOk(b, 14));
});
test('buildIpv4 reproduces the captured header byte for byte', () => {
    const b = new Uint8Array(20);
    buildIpv4(b, 0, 0x7f000001, 0x7f000001, 17, 25, 64, 0, 0x63ae);
    assert.deepEqual(b, CAPTURED_UDP4.subarray(14, 34));
});
test('IPv4 fragments and options', () => {
    const b = new Uint8Array(24);
    buildIpv4(b, 0, 1, 2, 6, 100, 64, 0, 0, IPV4_MF | 185);
    assert.equal(ipv4FragOffset(b, 0), 185 * 8);
    assert.ok(ipv4IsFragment(b, 0));
    b[0] = 0x46; // IHL 6: one option word, checksum must cover it
    b[20] = 0x94;
    b[21] = 4; // router alert
    ipv4SetChecksum(b, 0);
    assert.ok(ipv4ChecksumOk(b, 0));
    b[22] = 1;
    assert.equal(ipv4ChecksumOk(b, 0), false, 'an option byte is covered');
});
const ipv4Header = fc.record({
    src: fc.integer({ min: 0, max: 0xffffffff }), dst: fc.integer({ min: 0, max: 0xffffffff }),
    proto: fc.integer({ min: 0, max: 255 }), len: fc.integer({ min: 0, max: 1480 }), ttl: fc.integer({ min: 0, max: 255 }),
    tos: fc.integer({ min: 0, max: 255 }), id: fc.integer({ min: 0, max: 0xffff }),
});
test('IPv4 incremental updates (TTL, TOS, length, src, dst) equal a full recompute (fast-check)', () => {
    fc.assert(fc.property(ipv4Header, fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 0xffff }), (h, nsrc, ndst, ntos, nlen) => {
        const b = new Uint8Array(20);
        buildIpv4(b, 0, h.src, h.dst, h.proto, h.len, h.ttl, h.tos, h.id);
        assert.ok(ipv4ChecksumOk(b, 0));
        const r = ipv4DecTtl(b, 0);
        if (h.ttl === 0)
            assert.equal(r, -1);
        else
            assert.equal(r, h.ttl - 1);
        assert.equal(ipv4Checksum(b, 0), ipv4ComputeChecksum(b, 0), 'after TTL decrement');
        ipv4SetSrc(b, 0, nsrc);
        ipv4SetDst(b, 0, ndst);
        assert.equal(ipv4Src(b, 0), nsrc);
        assert.equal(ipv4Dst(b, 0), ndst);
        assert.equal(ipv4Checksum(b, 0), ipv4ComputeChecksum(b, 0), 'after address rewrite');
        ipv4SetTos(b, 0, ntos);
        ipv4SetTotalLen(b, 0, nlen);
        ipv4SetTtl(b, 0, h.tos);
        assert.equal(ipv4Checksum(b, 0), ipv4ComputeChecksum(b, 0), 'after TOS/length/TTL');
        assert.ok(ipv4ChecksumOk(b, 0));
    }), { numRuns: 500 });
});
test('ipv4DecTtl at 0 leaves the header untouched', () => {
    const b = new Uint8Array(20);
    buildIpv4(b, 0, 1, 2, 17, 8, 0);
    const c = b.slice();
    assert.equal(ipv4DecTtl(b, 0), -1);
    assert.deepEqual(b, c);
});
test('IPv6 accessors on the captured header; buildIpv6 reproduces it', () => {
    const b = CAPTURED_UDP6;
    assert.equal(ipv6Version(b, 14), 6);
    assert.equal(ipv6TrafficClass(b, 14), 0);
    assert.equal(ipv6FlowLabel(b, 14), 0x2e776);
    assert.equal(ipv6PayloadLen(b, 14), 16);
    assert.equal(ipv6NextHeader(b, 14), 17);
    assert.equal(ipv6HopLimit(b, 14), 64);
    assert.equal(ipv6ToString(b, ipv6SrcOff(14)), '::1');
    assert.equal(ipv6ToString(b, ipv6DstOff(14)), '::1');
    const lo = parseIpv6('::1');
    const out = new Uint8Array(40);
    buildIpv6(out, 0, lo, 0, lo, 0, 17, 16, 64, 0, 0x2e776);
    assert.deepEqual(out, b.subarray(14, 54));
    buildIpv6(out, 0, lo, 0, lo, 0, 17, 16, 64, 0xb8, 0xabcde);
    assert.equal(ipv6TrafficClass(out, 0), 0xb8);
    assert.equal(ipv6FlowLabel(out, 0), 0xabcde);
    assert.equal(ipv6DecHopLimit(out, 0), 63);
    out[7] = 0;
    assert.equal(ipv6DecHopLimit(out, 0), -1);
    assert.equal(out[7], 0);
});
test('IPv6 address helpers', () => {
    const a = parseIpv6('2001:db8::1:2:3');
    const b = parseIpv6('2001:db8::1:2:3');
    assert.ok(ipv6AddrEqual(a, 0, b, 0));
    b[15] = 4;
    assert.equal(ipv6AddrEqual(a, 0, b, 0), false);
    const sn = new Uint8Array(16);
    ipv6WriteSolicitedNode(sn, 0, parseIpv6('2001:db8::abcd:1234:5678'), 0);
    assert.equal(ipv6ToString(sn, 0), 'ff02::1:ff34:5678');
    assert.ok(ipv6IsMulticast(sn, 0));
    assert.equal(ipv6IsMulticast(a, 0), false);
});
/** IPv6 header (next header = first of `chain`) followed by extension headers and `tail` bytes. */
function ipv6WithExt(chain, extLens, tail, fragWord = 0) {
    const exts = [];
    for (let i = 1; i <= chain.length; i++) {
        const nh = i < chain.length ? chain[i] : 17;
        const t = chain[i - 1];
        if (t === 44)
            exts.push(nh, 0, fragWord >>> 8, fragWord & 0xff, 0, 0, 0, 1);
        else {
            const units = extLens[i - 1] ?? 0;
            exts.push(nh, units, ...new Array(6 + 8 * units).fill(1));
        }
    }
    const b = new Uint8Array(40 + exts.length + tail);
    const z = new Uint8Array(16);
    buildIpv6(b, 0, z, 0, z, 0, chain.length ? chain[0] : 17, exts.length + tail);
    b.set(exts, 40);
    return b;
}
test('ipv6SkipExtHeaders walks HBH, routing, fragment and dest-opts', () => {
    const r = new Ipv6ExtResult();
    const b = ipv6WithExt([0, 43, 44, 60], [0, 2, 0, 1], 8);
    assert.equal(ipv6SkipExtHeaders(b, 0, b.length, r), 0);
    assert.equal(r.nextHeader, 17);
    assert.equal(r.l4Off, 40 + 8 + 24 + 8 + 16);
    assert.equal(r.extCount, 4);
    assert.equal(r.fragment, Fragment.NONE, 'atomic fragment: offset 0, M clear');
    const first = ipv6WithExt([44], [], 8, 0x0001);
    assert.equal(ipv6SkipExtHeaders(first, 0, first.length, r), 0);
    assert.equal(r.fragment, Fragment.FIRST);
    assert.equal(r.l4Off, 48);
    const later = ipv6WithExt([44], [], 8, 0x0008);
    assert.equal(ipv6SkipExtHeaders(later, 0, later.length, r), 0);
    assert.equal(r.fragment, Fragment.LATER);
    const none = ipv6WithExt([], [], 8);
    assert.equal(ipv6SkipExtHeaders(none, 0, none.length, r), 0);
    assert.equal(r.l4Off, 40);
    assert.equal(r.extCount, 0);
});
test('ipv6SkipExtHeaders errors: truncated, HBH not first, too many', () => {
    const r = new Ipv6ExtResult();
    const b = ipv6WithExt([60], [3], 0);
    assert.equal(ipv6SkipExtHeaders(b, 0, b.length - 1, r), ParseError.TRUNCATED_IPV6_EXT);
    assert.equal(ipv6SkipExtHeaders(b, 0, 40 + 7, r), ParseError.TRUNCATED_IPV6_EXT, 'not even 8 bytes');
    const f = ipv6WithExt([44], [], 0);
    assert.equal(ipv6SkipExtHeaders(f, 0, f.length - 1, r), ParseError.TRUNCATED_IPV6_EXT);
    const order = ipv6WithExt([60, 0], [0, 0], 8);
    assert.equal(ipv6SkipExtHeaders(order, 0, order.length, r), ParseError.BAD_IPV6_EXT_ORDER);
    const many = ipv6WithExt(new Array(IPV6_MAX_EXT_HEADERS + 1).fill(60), [], 8);
    assert.equal(ipv6SkipExtHeaders(many, 0, many.length, r), ParseError.TOO_MANY_IPV6_EXT);
    const max = ipv6WithExt(new Array(IPV6_MAX_EXT_HEADERS).fill(60), [], 8);
    assert.equal(ipv6SkipExtHeaders(max, 0, max.length, r), 0);
    assert.equal(hex('00').length, 1);
});
//# sourceMappingURL=l3.test.js.map
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildIcmpEcho, icmpType, icmpCode, icmpChecksum, icmpEchoId, icmpEchoSeq, icmpComputeChecksum, icmpSetChecksum, icmpChecksumOk, icmpEchoToReply, IcmpType, } from './icmp.js';
import { buildIcmpv6Echo, buildIcmpv6Nd, icmpv6Type, icmpv6Code, icmpv6Checksum, icmpv6EchoId, icmpv6EchoSeq, icmpv6NdTargetOff, icmpv6ChecksumOk, icmpv6ComputeChecksum, icmpv6SetChecksum, icmpv6EchoToReply, Icmpv6Type, NdFlag, ICMPV6_ND_LEN, } from './icmpv6.js';
import { buildUdp, udpSrcPort, udpDstPort, udpLen, udpChecksum, udpComputeChecksumV4, udpComputeChecksumV6, udpSetChecksumV4, udpSetChecksumV6, udpChecksumOkV4, udpChecksumOkV6, udpCsumReplace32, udpSetSrcPort, udpSetDstPort, } from './udp.js';
import { buildTcp, tcpSrcPort, tcpDstPort, tcpSeq, tcpAck, tcpHeaderLen, tcpFlags, tcpWindow, tcpChecksum, tcpComputeChecksumV4, tcpSetChecksumV4, tcpSetChecksumV6, tcpChecksumOkV4, tcpChecksumOkV6, tcpCsumReplace32, tcpSetSrcPort, tcpSetDstPort, TcpFlag, tcpComputeChecksumV6, } from './tcp.js';
import { buildVxlan, vxlanFlags, vxlanHasVni, vxlanVni, vxlanSetVni, vxlanSourcePort, VXLAN_PORT } from './vxlan.js';
import { buildIpv4, ipv4SetSrc, ipv4SetDst, ipv4Src, ipv4Dst } from './ipv4.js';
import { buildIpv6 } from './ipv6.js';
import { buildEthernet } from './ethernet.js';
import { parseIpv4, parseIpv6, ipv6ToString } from './addr.js';
import { CAPTURED_UDP4, CAPTURED_UDP6, CAPTURED_TCP4_SYN, WIRESHARK_ICMP_ECHO, WIRESHARK_ICMPV6_ECHO, WIRESHARK_NS, WIRESHARK_NA, WIRESHARK_VXLAN, WIRESHARK_TCP6, } from './fixtures.js';
test('ICMP echo: builder matches the Wireshark-checked frame; accessors; echo-to-reply', () => {
    const b = WIRESHARK_ICMP_ECHO.slice();
    b.fill(0, 34, 42); // keep data, rebuild the header
    assert.equal(buildIcmpEcho(b, 34, IcmpType.ECHO_REQUEST, 0xbeef, 7, 12), 42);
    assert.deepEqual(b, WIRESHARK_ICMP_ECHO);
    assert.equal(icmpType(b, 34), 8);
    assert.equal(icmpCode(b, 34), 0);
    assert.equal(icmpChecksum(b, 34), 0xd29c);
    assert.equal(icmpEchoId(b, 34), 0xbeef);
    assert.equal(icmpEchoSeq(b, 34), 7);
    assert.ok(icmpChecksumOk(b, 34, 20));
    icmpEchoToReply(b, 34);
    assert.equal(icmpType(b, 34), IcmpType.ECHO_REPLY);
    assert.equal(icmpChecksum(b, 34), icmpComputeChecksum(b, 34, 20));
    b[50] ^= 1;
    assert.equal(icmpChecksumOk(b, 34, 20), false);
    icmpSetChecksum(b, 34, 20);
    assert.ok(icmpChecksumOk(b, 34, 20));
});
test('ICMPv6 echo: builder matches Wireshark; echo-to-reply stays valid', () => {
    const b = WIRESHARK_ICMPV6_ECHO.slice();
    b.fill(0, 54, 62);
    assert.equal(buildIcmpv6Echo(b, 54, 14, Icmpv6Type.ECHO_REQUEST, 0x1234, 1, 10), 62);
    assert.deepEqual(b, WIRESHARK_ICMPV6_ECHO);
    assert.equal(icmpv6Type(b, 54), 128);
    assert.equal(icmpv6Code(b, 54), 0);
    assert.equal(icmpv6Checksum(b, 54), 0x0cff);
    assert.equal(icmpv6EchoId(b, 54), 0x1234);
    assert.equal(icmpv6EchoSeq(b, 54), 1);
    assert.ok(icmpv6ChecksumOk(b, 14, 54, 18));
    icmpv6EchoToReply(b, 54);
    // swap the addresses as a responder would: the pseudo-header sum does not change
    const src = b.slice(22, 38);
    b.copyWithin(22, 38, 54);
    b.set(src, 38);
    assert.equal(icmpv6Type(b, 54), Icmpv6Type.ECHO_REPLY);
    assert.ok(icmpv6ChecksumOk(b, 14, 54, 18));
    assert.equal(icmpv6Checksum(b, 54), icmpv6ComputeChecksum(b, 14, 54, 18));
    b[60] ^= 0x80;
    assert.equal(icmpv6ChecksumOk(b, 14, 54, 18), false);
    icmpv6SetChecksum(b, 14, 54, 18);
    assert.ok(icmpv6ChecksumOk(b, 14, 54, 18));
});
test('Neighbor Solicitation and Advertisement builders match Wireshark', () => {
    for (const [fixture, type, flags, lla] of [
        [WIRESHARK_NS, Icmpv6Type.NEIGHBOR_SOLICIT, 0, 1],
        [WIRESHARK_NA, Icmpv6Type.NEIGHBOR_ADVERT, NdFlag.SOLICITED | NdFlag.OVERRIDE, 2],
    ]) {
        const b = fixture.slice();
        b.fill(0, 54);
        const target = parseIpv6('2001:db8::2');
        assert.equal(buildIcmpv6Nd(b, 54, 14, type, flags, target, 0, 0x0200, lla), 54 + ICMPV6_ND_LEN);
        assert.deepEqual(b, fixture);
        assert.equal(ipv6ToString(b, icmpv6NdTargetOff(54)), '2001:db8::2');
    }
});
test('UDP over IPv4: captured datagram accessors and checksum', () => {
    const b = CAPTURED_UDP4.slice();
    assert.equal(udpSrcPort(b, 34), 57962);
    assert.equal(udpDstPort(b, 34), 40404);
    assert.equal(udpLen(b, 34), 25);
    assert.equal(udpChecksum(b, 34), 0x3408);
    assert.equal(udpComputeChecksumV4(b, 14, 34), 0x3408);
    assert.ok(udpChecksumOkV4(b, 14, 34));
    b[50] ^= 0x20;
    assert.equal(udpChecksumOkV4(b, 14, 34), false);
    b[40] = 0;
    b[41] = 0;
    assert.ok(udpChecksumOkV4(b, 14, 34), 'zero = no checksum in IPv4');
    udpSetChecksumV4(b, 14, 34);
    assert.ok(udpChecksumOkV4(b, 14, 34));
    const rebuilt = CAPTURED_UDP4.slice();
    buildUdp(rebuilt, 34, 57962, 40404, 17);
    udpSetChecksumV4(rebuilt, 14, 34);
    assert.deepEqual(rebuilt, CAPTURED_UDP4);
});
test('UDP over IPv6: captured checksum; zero is invalid', () => {
    const b = CAPTURED_UDP6.slice();
    assert.equal(udpComputeChecksumV6(b, 14, 54), 0xcfde);
    assert.ok(udpChecksumOkV6(b, 14, 54));
    b[60] = 0;
    b[61] = 0;
    assert.equal(udpChecksumOkV6(b, 14, 54), false);
    udpSetChecksumV6(b, 14, 54);
    assert.deepEqual(b, CAPTURED_UDP6);
});
test('UDP checksum that computes to 0 is sent as 0xffff', () => {
    // Search payload words until the datagram sums to -0; then the field must be 0xffff.
    const b = new Uint8Array(20 + 10);
    buildIpv4(b, 0, 0x0a000001, 0x0a000002, 17, 10);
    buildUdp(b, 20, 1, 2, 2);
    const need = udpComputeChecksumV4(b, 20 - 20, 20); // checksum with payload 0000
    // Setting the payload word to the checksum value makes the total sum 0xffff, so the computed checksum is 0.
    b[28] = need >>> 8;
    b[29] = need & 0xff;
    assert.equal(udpComputeChecksumV4(b, 0, 20), 0xffff);
    udpSetChecksumV4(b, 0, 20);
    assert.equal(udpChecksum(b, 20), 0xffff);
    assert.ok(udpChecksumOkV4(b, 0, 20));
});
test('TCP: captured SYN with options, accessors and checksum', () => {
    const b = CAPTURED_TCP4_SYN;
    assert.equal(tcpSrcPort(b, 34), 42928);
    assert.equal(tcpDstPort(b, 34), 40405);
    assert.equal(tcpSeq(b, 34), 0x1738f1eb);
    assert.equal(tcpAck(b, 34), 0);
    assert.equal(tcpHeaderLen(b, 34), 40);
    assert.equal(tcpFlags(b, 34), TcpFlag.SYN);
    assert.equal(tcpWindow(b, 34), 65495);
    assert.equal(tcpChecksum(b, 34), 0xeb2a);
    assert.equal(tcpComputeChecksumV4(b, 14, 34, 40), 0xeb2a);
    assert.ok(tcpChecksumOkV4(b, 14, 34, 40));
});
test('TCP over IPv6: builder matches the Wireshark-checked segment', () => {
    const b = WIRESHARK_TCP6.slice();
    b.fill(0, 54, 74);
    assert.equal(buildTcp(b, 54, 40000, 80, 0x01020304, 0x0a0b0c0d, TcpFlag.PSH | TcpFlag.ACK, 501), 74);
    tcpSetChecksumV6(b, 14, 54, 25);
    assert.deepEqual(b, WIRESHARK_TCP6);
    assert.ok(tcpChecksumOkV6(b, 14, 54, 25));
    assert.equal(tcpComputeChecksumV6(b, 14, 54, 25), 0x57dd);
    b[74] ^= 1;
    assert.equal(tcpChecksumOkV6(b, 14, 54, 25), false);
});
test('NAT rewrite: address + port with incremental L4 updates equals full recompute (fast-check)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 0, max: 0xffff }), fc.uint8Array({ minLength: 0, maxLength: 40 }), fc.boolean(), (nsrc, ndst, nsport, ndport, payload, udp) => {
        const l4 = udp ? 8 : 20;
        const b = new Uint8Array(20 + l4 + payload.length);
        buildIpv4(b, 0, parseIpv4('10.1.2.3'), parseIpv4('192.0.2.9'), udp ? 17 : 6, l4 + payload.length);
        b.set(payload, 20 + l4);
        const len = l4 + payload.length;
        if (udp) {
            buildUdp(b, 20, 1234, 53, payload.length);
            udpSetChecksumV4(b, 0, 20);
        }
        else {
            buildTcp(b, 20, 1234, 80, 1, 2, TcpFlag.ACK, 100);
            tcpSetChecksumV4(b, 0, 20, len);
        }
        const os = ipv4Src(b, 0);
        const od = ipv4Dst(b, 0);
        ipv4SetSrc(b, 0, nsrc);
        ipv4SetDst(b, 0, ndst);
        if (udp) {
            udpCsumReplace32(b, 20, os, nsrc);
            udpCsumReplace32(b, 20, od, ndst);
            udpSetSrcPort(b, 20, nsport);
            udpSetDstPort(b, 20, ndport);
            assert.equal(udpChecksum(b, 20), udpComputeChecksumV4(b, 0, 20));
            assert.ok(udpChecksumOkV4(b, 0, 20));
        }
        else {
            tcpCsumReplace32(b, 20, os, nsrc);
            tcpCsumReplace32(b, 20, od, ndst);
            tcpSetSrcPort(b, 20, nsport);
            tcpSetDstPort(b, 20, ndport);
            assert.equal(tcpChecksum(b, 20), tcpComputeChecksumV4(b, 0, 20, len));
        }
        assert.equal(udp ? udpSrcPort(b, 20) : tcpSrcPort(b, 20), nsport);
    }), { numRuns: 400 });
});
test('UDP incremental updates keep a zero (absent) IPv4 checksum at zero', () => {
    const b = new Uint8Array(28);
    buildIpv4(b, 0, 1, 2, 17, 8);
    buildUdp(b, 20, 1, 2, 0);
    udpCsumReplace32(b, 20, 1, 5);
    udpSetSrcPort(b, 20, 99);
    assert.equal(udpChecksum(b, 20), 0);
});
test('VXLAN: builder matches Wireshark; accessors', () => {
    const f = WIRESHARK_VXLAN;
    const b = f.slice();
    b.fill(0, 14, 50);
    let o = buildIpv4(b, 14, parseIpv4('198.51.100.1'), parseIpv4('198.51.100.2'), 17, f.length - 34);
    o = buildUdp(b, o, vxlanSourcePort(0x1234567), VXLAN_PORT, f.length - 42);
    assert.equal(buildVxlan(b, o, 0x123456), 50);
    udpSetChecksumV4(b, 14, 34);
    assert.deepEqual(b, f);
    assert.equal(vxlanFlags(b, 42), 0x08);
    assert.ok(vxlanHasVni(b, 42));
    assert.equal(vxlanVni(b, 42), 0x123456);
    vxlanSetVni(b, 42, 0xfedcba);
    assert.equal(vxlanVni(b, 42), 0xfedcba);
    assert.equal(b[49], 0, 'reserved byte kept');
    b[42] = 0;
    assert.equal(vxlanHasVni(b, 42), false);
    assert.ok(vxlanSourcePort(0xffffffff) >= 49152 && vxlanSourcePort(0xffffffff) <= 65535);
    assert.equal(vxlanSourcePort(0), 49152);
    const e = new Uint8Array(14);
    buildEthernet(e, 0, 0, 0, 0, 0, 0x0800);
    assert.equal(e[12], 8);
});
test('builders write where told and return the next offset', () => {
    const b = new Uint8Array(100).fill(0xaa);
    const z = new Uint8Array(16);
    assert.equal(buildIpv6(b, 10, z, 0, z, 0, 17, 8), 50);
    assert.equal(buildUdp(b, 50, 1, 2, 0), 58);
    assert.equal(b[9], 0xaa);
    assert.equal(b[58], 0xaa);
    udpSetChecksumV6(b, 10, 50);
    assert.ok(udpChecksumOkV6(b, 10, 50));
});
//# sourceMappingURL=l4.test.js.map
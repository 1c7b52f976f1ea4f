import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Engine } from '../../core/engine.js';
import './index.js';
import { makePool } from '../l2-bridge/testkit.js';
import { buildUdpPacket, ipv4SetChecksum, buildEthernet, buildArp, buildIpv6, buildIcmpv6Nd, parsePacket, ParsedHeaders, L3Kind, parseMac, parseIpv4, parseIpv6, macHi16, macLo32, readMac, rd32, ipv4ChecksumOk, icmpChecksumOk, icmpv6ChecksumOk, ipv6WriteSolicitedNode, ipv6ToString, buildIcmpEcho, buildIpv4, } from '../../lib/proto/index.js';
const R0 = '02:00:00:00:01:00', R1 = '02:00:00:00:01:01', H0 = '02:00:00:00:00:a0', H1 = '02:00:00:00:00:b1';
function setup(extra = {}, mtu1) {
    const pool = makePool();
    const engine = new Engine(pool);
    engine.configure({
        apps: {
            r: { type: 'l3-router', args: { interfaces: { eth0: { mac: R0, ipv4: '10.0.0.1/24', ipv6: '2001:db8::1/64' }, eth1: { mac: R1, ipv4: '10.0.1.1/24', ipv6: '2001:db8:1::1/64', ...(mtu1 ? { mtu: mtu1 } : {}) } }, ...extra } },
            i0: { type: 'test-inject' }, i1: { type: 'test-inject' }, c0: { type: 'test-capture' }, c1: { type: 'test-capture' },
        },
        links: ['i0.output -> r.eth0', 'i1.output -> r.eth1', 'r.eth0 -> c0.input', 'r.eth1 -> c1.input'],
    });
    const r = engine.apps.get('r');
    const i0 = engine.apps.get('i0'), i1 = engine.apps.get('i1');
    const c0 = engine.apps.get('c0'), c1 = engine.apps.get('c1');
    const run = () => { for (let i = 0; i < 3; i++)
        engine.breathe(performance.now()); };
    return { pool, engine, r, i0, i1, c0, c1, run, drops: () => engine.stats().apps.r.drops };
}
function arp(op, srcMac, dstMac, spa, tpa, tha = '00:00:00:00:00:00') {
    const b = new Uint8Array(60);
    const d = parseMac(dstMac), s = parseMac(srcMac), t = parseMac(tha);
    buildEthernet(b, 0, macHi16(d), macLo32(d), macHi16(s), macLo32(s), 0x0806);
    buildArp(b, 14, op, macHi16(s), macLo32(s), parseIpv4(spa), macHi16(t), macLo32(t), parseIpv4(tpa));
    return b;
}
const udp4 = (dst, ttl = 64, dstMac = R0) => buildUdpPacket({ srcMac: H0, dstMac, srcIp: '10.0.0.2', dstIp: dst, srcPort: 1, dstPort: 2, size: 100, ttl });
const ph = new ParsedHeaders();
test('answers ARP for its address and learns the requester', () => {
    const t = setup();
    t.i0.send(arp(1, H0, 'ff:ff:ff:ff:ff:ff', '10.0.0.2', '10.0.0.1'));
    t.run();
    const f = t.c0.take();
    assert.equal(f.length, 1);
    assert.equal(parsePacket(f[0], 0, f[0].length, ph), 0);
    assert.equal(ph.l3Kind, L3Kind.ARP);
    assert.equal(ph.arpOp, 2);
    assert.equal(readMac(f[0], 0), parseMac(H0));
    assert.equal(readMac(f[0], 6), parseMac(R0));
    assert.equal(readMac(f[0], 22), parseMac(R0)); // sender hardware address
    assert.equal(ph.arpSpa, parseIpv4('10.0.0.1'));
    assert.equal(ph.arpTpa, parseIpv4('10.0.0.2'));
    assert.deepEqual(t.r.neighbors().map((n) => [n.ip, n.mac, n.dev, n.state]), [['10.0.0.2', H0, 'eth0', 'reachable']]);
    // A request for someone else is consumed without a reply (and does not create an entry).
    t.i0.send(arp(1, '02:00:00:00:00:a5', 'ff:ff:ff:ff:ff:ff', '10.0.0.5', '10.0.0.9'));
    t.run();
    assert.equal(t.c0.take().length, 0);
    assert.equal(t.r.neighbors().length, 1);
    assert.equal(t.drops().consumed, 1);
});
test('forwards IPv4 after resolving the next hop: held packet released, TTL and checksum updated', () => {
    const t = setup();
    t.i0.send(udp4('10.0.1.2'));
    t.run();
    const probe = t.c1.take();
    assert.equal(probe.length, 1, 'one ARP request out of eth1');
    assert.equal(parsePacket(probe[0], 0, probe[0].length, ph), 0);
    assert.equal(ph.arpOp, 1);
    assert.equal(ph.arpTpa, parseIpv4('10.0.1.2'));
    assert.equal(ph.arpSpa, parseIpv4('10.0.1.1'));
    assert.equal(readMac(probe[0], 6), parseMac(R1));
    assert.equal(t.r.neighbors()[0].queued, 1);
    t.i1.send(arp(2, H1, R1, '10.0.1.2', '10.0.1.1', R1));
    t.i0.send(udp4('10.0.1.2', 30));
    t.run();
    const out = t.c1.take();
    assert.equal(out.length, 2);
    for (const [i, f] of out.entries()) {
        assert.equal(parsePacket(f, 0, f.length, ph), 0);
        assert.equal(readMac(f, 0), parseMac(H1));
        assert.equal(readMac(f, 6), parseMac(R1));
        assert.equal(ph.ipTtl, i === 0 ? 63 : 29);
        assert.ok(ipv4ChecksumOk(f, 14));
    }
    assert.equal(t.r.report().forwarded, 2);
});
test('TTL 1 gets ICMP time exceeded; no route gets net unreachable; both quote the datagram', () => {
    const t = setup();
    const orig = udp4('10.0.1.2', 1);
    t.i0.send(orig, udp4('192.168.7.7'));
    t.run();
    const errs = t.c0.take();
    assert.equal(errs.length, 2);
    const want = [[11, 0], [3, 0]];
    for (const [i, f] of errs.entries()) {
        assert.equal(parsePacket(f, 0, f.length, ph), 0);
        assert.equal(readMac(f, 0), parseMac(H0));
        assert.equal(ph.ipv4Src, parseIpv4('10.0.0.1'));
        assert.equal(ph.ipv4Dst, parseIpv4('10.0.0.2'));
        assert.deepEqual([ph.icmpType, ph.icmpCode], want[i]);
        assert.ok(ipv4ChecksumOk(f, 14));
        assert.ok(icmpChecksumOk(f, 34, f.length - 34));
        assert.equal(f.length, 42 + 86); // the whole 86-byte datagram quoted
    }
    assert.deepEqual([...errs[0].subarray(42, 42 + 86)], [...orig.subarray(14)]);
    assert.equal(t.drops().ttl_expired, 1);
    assert.equal(t.drops().no_route, 1);
});
test('static routes via a gateway; delRoute restores unreachable; bad routes are refused naming the field', () => {
    const t = setup({ routes: [{ prefix: '192.168.0.0/16', via: '10.0.1.254' }] });
    t.i0.send(udp4('192.168.7.7'));
    t.run();
    const probe = t.c1.take();
    assert.equal(parsePacket(probe[0], 0, probe[0].length, ph), 0);
    assert.equal(ph.arpTpa, parseIpv4('10.0.1.254'));
    assert.deepEqual(t.r.routes().find((r) => r.prefix === '192.168.0.0/16'), { prefix: '192.168.0.0/16', via: '10.0.1.254', dev: 'eth1', connected: false });
    t.r.addRoute({ prefix: '172.16.0.0/12', dev: 'eth0' });
    assert.ok(t.r.delRoute('192.168.0.0/16'));
    assert.equal(t.r.delRoute('192.168.0.0/16'), false);
    t.i0.send(udp4('192.168.7.7'));
    t.run();
    assert.equal(t.drops().no_route, 1);
    assert.throws(() => t.r.addRoute({ prefix: '10.9.0.0/16', via: '10.99.0.1' }), /via: gateway 10\.99\.0\.1 is not on a connected network/);
    assert.throws(() => t.r.addRoute({ prefix: '10.9.0.0/16', dev: 'eth9' }), /dev: unknown interface "eth9"/);
    assert.throws(() => t.r.addRoute({ prefix: '10.9.0.0/40', dev: 'eth0' }), /prefix: prefix length 40 out of range/);
    assert.throws(() => t.r.addRoute({ prefix: '10.9.0.x/16', dev: 'eth0' }), /prefix: invalid IPv4 address/);
    assert.throws(() => t.r.addRoute({ prefix: '172.16.0.0/12', dev: 'eth1' }), /prefix: a route for 172\.16\.0\.0\/12 already exists/);
    assert.throws(() => t.r.addRoute({ prefix: '10.9.0.0/16' }), /give via \(gateway\) and\/or dev/);
    assert.throws(() => t.r.addRoute({ prefix: '10.9.0.0/16', via: '2001:db8::5' }), /via: "2001:db8::5" must be a single IPv4 address/);
    const engine = new Engine(makePool(64));
    assert.throws(() => engine.configure({ apps: { r: { type: 'l3-router', args: { interfaces: { e: { mac: 'zz' } } } } }, links: [] }), /interfaces\.e\.mac: invalid MAC/);
    assert.throws(() => engine.configure({ apps: { r: { type: 'l3-router', args: { interfaces: { e: { mac: R0, ipv4: '10.0.0.1/33' } } } } }, links: [] }), /interfaces\.e\.ipv4: prefix length 33/);
    assert.throws(() => engine.configure({ apps: { r: { type: 'l3-router', args: { interfaces: { e: { mac: R0, ipv4: '10.0.0.1/24' } }, routes: [{ prefix: '0.0.0.0/0', via: '10.0.5.1' }] } } }, links: [] }), /routes\[0\]\.via: gateway/);
});
test('the hold queue is bounded and dropped after unanswered probes', () => {
    const t = setup();
    for (let i = 0; i < 6; i++)
        t.i0.send(udp4('10.0.1.9'));
    t.run();
    assert.equal(t.drops().no_neighbor, 2);
    assert.equal(t.c1.take().length, 1);
    const now = performance.now();
    for (let k = 1; k <= 4; k++)
        t.r.tick(now + 1100 * k);
    t.run();
    assert.equal(t.c1.take().length, 2, 'two more ARP requests, then give up');
    assert.equal(t.drops().no_neighbor, 6);
    assert.equal(t.r.neighbors().length, 0);
    assert.equal(t.pool.audit().doubleFree, 0);
});
test('answers echo requests to its own address', () => {
    const t = setup();
    const b = new Uint8Array(14 + 20 + 8 + 16);
    buildEthernet(b, 0, macHi16(parseMac(R0)), macLo32(parseMac(R0)), macHi16(parseMac(H0)), macLo32(parseMac(H0)), 0x0800);
    buildIpv4(b, 14, parseIpv4('10.0.0.2'), parseIpv4('10.0.1.1'), 1, 24, 64);
    for (let i = 0; i < 16; i++)
        b[42 + i] = i;
    buildIcmpEcho(b, 34, 8, 0x1234, 7, 16);
    t.i0.send(b);
    t.run();
    const f = t.c0.take()[0];
    assert.equal(parsePacket(f, 0, f.length, ph), 0);
    assert.equal(ph.icmpType, 0);
    assert.equal(ph.ipv4Src, parseIpv4('10.0.1.1'));
    assert.equal(ph.ipv4Dst, parseIpv4('10.0.0.2'));
    assert.ok(ipv4ChecksumOk(f, 14));
    assert.ok(icmpChecksumOk(f, 34, 24));
    assert.equal(readMac(f, 0), parseMac(H0));
});
function ns(srcMac, src, target) {
    const b = new Uint8Array(14 + 40 + 32);
    const s = parseMac(srcMac);
    const tgt = parseIpv6(target);
    const dst = new Uint8Array(16);
    ipv6WriteSolicitedNode(dst, 0, tgt, 0);
    buildEthernet(b, 0, 0x3333, (0xff000000 | (tgt[13] << 16) | (tgt[14] << 8) | tgt[15]) >>> 0, macHi16(s), macLo32(s), 0x86dd);
    buildIpv6(b, 14, parseIpv6(src), 0, dst, 0, 58, 32, 255);
    buildIcmpv6Nd(b, 54, 14, 135, 0, tgt, 0, macHi16(s), macLo32(s));
    return b;
}
function na(srcMac, dstMac, src, dst) {
    const b = new Uint8Array(14 + 40 + 32);
    const s = parseMac(srcMac), d = parseMac(dstMac);
    buildEthernet(b, 0, macHi16(d), macLo32(d), macHi16(s), macLo32(s), 0x86dd);
    buildIpv6(b, 14, parseIpv6(src), 0, parseIpv6(dst), 0, 58, 32, 255);
    buildIcmpv6Nd(b, 54, 14, 136, 0x60000000, parseIpv6(src), 0, macHi16(s), macLo32(s));
    return b;
}
test('IPv6: answers neighbour solicitations, resolves next hops with NS/NA, forwards with hop limit - 1, ICMPv6 errors', () => {
    const t = setup();
    t.i0.send(ns(H0, '2001:db8::2', '2001:db8::1'));
    t.run();
    const adv = t.c0.take()[0];
    assert.equal(parsePacket(adv, 0, adv.length, ph), 0);
    assert.equal(ph.icmpType, 136);
    assert.equal(ph.ipTtl, 255);
    assert.ok(icmpv6ChecksumOk(adv, 14, 54, 32));
    assert.equal(ipv6ToString(adv, 54 + 8), '2001:db8::1');
    assert.equal(readMac(adv, 54 + 26), parseMac(R0)); // target link-layer address option
    assert.equal(readMac(adv, 0), parseMac(H0));
    assert.equal(rd32(adv, 58) >>> 29, 0b111); // router, solicited, override
    assert.deepEqual(t.r.neighbors().map((n) => [n.ip, n.mac]), [['2001:db8::2', H0]]);
    const pkt = buildUdpPacket({ srcMac: H0, dstMac: R0, srcIp: '2001:db8::2', dstIp: '2001:db8:1::5', srcPort: 1, dstPort: 2, size: 100, ttl: 9 });
    t.i0.send(pkt);
    t.run();
    const sol = t.c1.take()[0];
    assert.equal(parsePacket(sol, 0, sol.length, ph), 0);
    assert.equal(ph.icmpType, 135);
    assert.equal(ipv6ToString(sol, 22 + 16), 'ff02::1:ff00:5');
    assert.equal(ipv6ToString(sol, 54 + 8), '2001:db8:1::5');
    assert.ok(icmpv6ChecksumOk(sol, 14, 54, 32));
    t.i1.send(na(H1, R1, '2001:db8:1::5', '2001:db8:1::1'));
    t.run();
    const fwd = t.c1.take()[0];
    assert.equal(parsePacket(fwd, 0, fwd.length, ph), 0);
    assert.equal(ph.ipTtl, 8);
    assert.equal(readMac(fwd, 0), parseMac(H1));
    t.i0.send(buildUdpPacket({ srcMac: H0, dstMac: R0, srcIp: '2001:db8::2', dstIp: '2001:db8:1::5', srcPort: 1, dstPort: 2, size: 100, ttl: 1 }), buildUdpPacket({ srcMac: H0, dstMac: R0, srcIp: '2001:db8::2', dstIp: '2001:db8:77::5', srcPort: 1, dstPort: 2, size: 100 }));
    t.run();
    const errs = t.c0.take();
    assert.deepEqual(errs.map((f) => { parsePacket(f, 0, f.length, ph); return [ph.icmpType, ph.icmpCode]; }), [[3, 0], [1, 0]]);
    for (const f of errs)
        assert.ok(icmpv6ChecksumOk(f, 14, 54, f.length - 54));
    // An NS with a forged hop limit is malformed (RFC 4861 7.1.1).
    const bad = ns(H0, '2001:db8::3', '2001:db8::1');
    bad[14 + 7] = 254;
    t.i0.send(bad);
    t.run();
    assert.equal(t.drops().malformed, 1);
});
test('malformed and foreign frames are dropped with a reason', () => {
    const t = setup();
    const badSum = udp4('10.0.1.2');
    badSum[24] ^= 0xff; // IPv4 header checksum
    const trunc = udp4('10.0.1.2').subarray(0, 30);
    t.i0.send(badSum, trunc, udp4('10.0.1.2', 64, '02:00:00:00:99:99'));
    t.run();
    assert.equal(t.drops().malformed, 2);
    assert.equal(t.drops().not_for_us, 1);
    assert.equal(t.r.report().badChecksum, 1);
});
test('IPv4 larger than the egress MTU: fragmented (offsets, MF, checksums), or ICMP fragmentation needed with the MTU when DF is set', () => {
    const t = setup({}, 576);
    t.i1.send(arp(2, H1, R1, '10.0.1.2', '10.0.1.1', R1));
    t.run();
    t.c1.take();
    const big = (df) => {
        const f = buildUdpPacket({ srcMac: H0, dstMac: R0, srcIp: '10.0.0.2', dstIp: '10.0.1.2', srcPort: 1, dstPort: 2, size: 14 + 1400, ttl: 9 });
        if (!df)
            f[14 + 6] = 0;
        else
            f[14 + 6] = 0x40;
        f[14 + 10] = 0;
        f[14 + 11] = 0;
        ipv4SetChecksum(f, 14);
        return f;
    };
    t.i0.send(big(false));
    t.run();
    const frags = t.c1.take();
    assert.equal(frags.length, 3);
    let payload = 0;
    for (const [i, f] of frags.entries()) {
        assert.ok(f.length - 14 <= 576, `fragment ${i} fits the MTU`);
        assert.ok(ipv4ChecksumOk(f, 14));
        const field = (f[14 + 6] << 8) | f[14 + 7];
        assert.equal((field & 0x1fff) * 8, payload, `offset of fragment ${i}`);
        assert.equal((field & 0x2000) !== 0, i < 2, `MF of fragment ${i}`);
        assert.equal(f[14 + 8], 8, 'TTL decremented');
        payload += ((f[14 + 2] << 8) | f[14 + 3]) - 20;
    }
    assert.equal(payload, 1400 - 20);
    assert.deepEqual((({ fragmented, fragmentsOut }) => ({ fragmented, fragmentsOut }))(t.r.report()), { fragmented: 1, fragmentsOut: 3 });
    t.i0.send(big(true));
    t.run();
    assert.equal(t.c1.take().length, 0);
    const err = t.c0.take();
    assert.equal(err.length, 1);
    assert.equal(parsePacket(err[0], 0, err[0].length, ph), 0);
    assert.deepEqual([ph.icmpType, ph.icmpCode, (err[0][14 + 20 + 6] << 8) | err[0][14 + 20 + 7]], [3, 4, 576]);
    assert.equal(t.drops().too_big, 1);
});
//# sourceMappingURL=router.test.js.map
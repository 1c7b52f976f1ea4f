import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Engine } from '../../core/engine.js';
import './index.js';
import { makePool, ethFrame } from '../l2-bridge/testkit.js';
import { parsePacket, ParsedHeaders, L3Kind, ipv4ChecksumOk, parseIpv4, readMac, parseMac, buildEthernet, buildArp, macHi16, macLo32, udpChecksumOkV6 } from '../../lib/proto/index.js';
const A = { vni: 42, localIp: '192.0.2.1', remoteIp: '192.0.2.2', localMac: '02:00:00:00:0a:01', remoteMac: '02:00:00:00:0b:01' };
const B = { vni: 42, localIp: '192.0.2.2', remoteIp: '192.0.2.1', localMac: '02:00:00:00:0b:01', remoteMac: '02:00:00:00:0a:01' };
function setup(args) {
    const pool = makePool();
    const engine = new Engine(pool);
    engine.configure({
        apps: { vx: { type: 'vxlan', args }, ii: { type: 'test-inject' }, io: { type: 'test-inject' }, ci: { type: 'test-capture' }, co: { type: 'test-capture' } },
        links: ['ii.output -> vx.inner', 'io.output -> vx.outer', 'vx.inner -> ci.input', 'vx.outer -> co.input'],
    });
    const get = (n) => engine.apps.get(n);
    return {
        engine, vx: get('vx'), ii: get('ii'), io: get('io'), ci: get('ci'), co: get('co'),
        run: () => { for (let i = 0; i < 3; i++)
            engine.breathe(performance.now()); },
        drops: () => engine.stats().apps.vx.drops,
    };
}
const ph = new ParsedHeaders();
const inner = ethFrame('02:00:00:00:00:02', '02:00:00:00:00:01', { payload: new Uint8Array([1, 2, 3, 4, 5]), size: 100 });
function encapOne() {
    const a = setup(A);
    a.ii.send(inner);
    a.run();
    return a.co.take()[0];
}
test('encapsulates with a correct outer IPv4/UDP/VXLAN header in front of the untouched frame', () => {
    const f = encapOne();
    assert.equal(f.length, inner.length + 50);
    assert.equal(parsePacket(f, 0, f.length, ph), 0);
    assert.equal(readMac(f, 0), parseMac(A.remoteMac));
    assert.equal(readMac(f, 6), parseMac(A.localMac));
    assert.equal(ph.ipv4Src, parseIpv4(A.localIp));
    assert.equal(ph.ipv4Dst, parseIpv4(A.remoteIp));
    assert.ok(ipv4ChecksumOk(f, 14));
    assert.equal(f[14 + 6] & 0x40, 0x40, 'DF');
    assert.equal(ph.dstPort, 4789);
    assert.ok(ph.srcPort >= 49152);
    assert.equal(ph.payloadLen, 8 + inner.length);
    assert.deepEqual([...f.subarray(42, 50)], [0x08, 0, 0, 0, 0, 0, 42, 0]);
    assert.deepEqual([...f.subarray(50)], [...inner]);
});
test('decapsulates what the peer encapsulated; refuses everything else with a reason', () => {
    const good = encapOne();
    const b = setup(B);
    b.io.send(good);
    b.run();
    assert.deepEqual([...b.ci.take()[0]], [...inner]);
    const mut = (fn) => { const f = good.slice(); fn(f); return f; };
    b.io.send(mut((f) => { f[48] = 43; }), // unknown VNI
    mut((f) => { f[42] = 0; }), // I flag clear
    mut((f) => { f[24] ^= 1; }), // IPv4 header checksum
    mut((f) => { f[37] = 0x14; f[36] = 0x12; }), // other UDP port
    mut((f) => { f[29] = 9; f[24] = 0; f[25] = 0; }), // other source (checksum wrong too, but source is checked first)
    good.subarray(0, 40));
    b.run();
    assert.equal(b.ci.take().length, 0);
    assert.deepEqual(b.drops(), { not_for_us: 3, malformed: 3 });
    assert.equal(b.vx.report().unknownVni, 1);
});
test('several VNIs on one underlay, each to its own overlay link', () => {
    const b = setup({ ...B, vnis: { blue: 7 } });
    // Encapsulate on the default VNI, then rewrite to 7 by hand: B must deliver it on `blue`.
    const f = encapOne();
    f[48] = 7;
    b.engine.configure({ ...b.engine.currentConfig(), apps: { ...b.engine.currentConfig().apps, cb: { type: 'test-capture' } }, links: [...b.engine.currentConfig().links, 'vx.blue -> cb.input'] });
    b.io.send(f);
    b.run();
    assert.equal(b.engine.apps.get('cb').frames.length, 1);
    assert.equal(b.ci.take().length, 0);
    assert.throws(() => setup({ ...A, vnis: { blue: 42 } }), /vnis\.blue: VNI 42 is used twice/);
});
test('resolves the remote MAC with ARP and answers ARP for its own address', () => {
    const { remoteMac: _unused, ...noMac } = A;
    const a = setup(noMac);
    a.ii.send(inner);
    a.run();
    assert.equal(a.drops().no_neighbor, 1);
    const req = a.co.take();
    assert.equal(req.length, 1, 'one ARP request from the first tick');
    assert.equal(parsePacket(req[0], 0, 60, ph), 0);
    assert.equal(ph.l3Kind, L3Kind.ARP);
    assert.equal(ph.arpTpa, parseIpv4(A.remoteIp));
    const reply = new Uint8Array(60);
    const r = parseMac(B.localMac), l = parseMac(A.localMac);
    buildEthernet(reply, 0, macHi16(l), macLo32(l), macHi16(r), macLo32(r), 0x0806);
    buildArp(reply, 14, 2, macHi16(r), macLo32(r), parseIpv4(A.remoteIp), macHi16(l), macLo32(l), parseIpv4(A.localIp));
    const ask = new Uint8Array(60);
    buildEthernet(ask, 0, 0xffff, 0xffffffff, macHi16(r), macLo32(r), 0x0806);
    buildArp(ask, 14, 1, macHi16(r), macLo32(r), parseIpv4(A.remoteIp), 0, 0, parseIpv4(A.localIp));
    a.io.send(reply, ask);
    a.run();
    const answer = a.co.take();
    assert.equal(answer.length, 1);
    assert.equal(parsePacket(answer[0], 0, 60, ph), 0);
    assert.equal(ph.arpOp, 2);
    assert.equal(readMac(answer[0], 0), r);
    assert.equal(a.vx.report().remoteMac, B.localMac);
    a.ii.send(inner);
    a.run();
    const f = a.co.take()[0];
    assert.equal(readMac(f, 0), r);
});
test('bad args are refused naming the field', () => {
    assert.throws(() => setup({ ...A, localIp: '1.2.3' }), /localIp: invalid IPv4/);
    assert.throws(() => setup({ ...A, remoteMac: 'nope' }), /remoteMac: invalid MAC/);
    assert.throws(() => setup({ ...A, vni: 1 << 24 }), /args\.vni must be <= 16777215/);
    assert.throws(() => setup({ ...A, localMac: '01:00:00:00:00:01' }), /localMac: .* must be unicast/);
});
test('IPv6 underlay between two Sluice instances: ND resolves each peer, checksummed UDP both ways, zero checksums refused', () => {
    const a = setup({ vni: 7, localIp: 'fd00::a', remoteIp: 'fd00::b', localMac: '02:00:00:00:0a:01' });
    const b = setup({ vni: 7, localIp: 'fd00::b', remoteIp: 'fd00::a', localMac: '02:00:00:00:0b:01' });
    // Wire the two underlays by hand: what one sends on `outer` the other receives.
    const shuttle = () => { for (let i = 0; i < 4; i++) {
        a.run();
        b.run();
        b.io.send(...a.co.take());
        a.io.send(...b.co.take());
    } };
    a.vx.tick(performance.now() + 5000); // NS from A for fd00::b
    shuttle();
    assert.equal(a.vx.report().remoteMac, '02:00:00:00:0b:01', 'A learned B from its NA');
    assert.equal(b.vx.report().remoteMac, '02:00:00:00:0a:01', 'B learned A from its NS');
    a.ii.send(inner);
    a.run();
    const f = a.co.take()[0];
    assert.equal(f.length, inner.length + 70);
    assert.equal(parsePacket(f, 0, f.length, ph), 0);
    assert.equal(ph.l3Kind, L3Kind.IPV6);
    assert.ok(udpChecksumOkV6(f, 14, 54), 'UDP checksum over IPv6 is real');
    b.io.send(f);
    b.run();
    assert.deepEqual([...b.ci.take()[0]], [...inner]);
    const zero = f.slice();
    zero[54 + 6] = 0;
    zero[54 + 7] = 0;
    b.io.send(zero);
    b.run();
    assert.equal(b.drops().malformed, 1);
});
//# sourceMappingURL=vxlan.test.js.map
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseMac, macToString, mac48, macHi16, macLo32, readMac, writeMac, macHiAt, macLoAt, writeMacHiLo, macIsMulticastAt, macIsBroadcastAt, MAC_BROADCAST, parseIpv4, ipv4ToString, parseIpv6, ipv6ToString, } from './addr.js';
test('MAC text round trip and (hi16, lo32) split', () => {
    const m = parseMac('02:AB:cd:00:01:ff');
    assert.equal(m, 0x02abcd0001ff);
    assert.equal(macHi16(m), 0x02ab);
    assert.equal(macLo32(m), 0xcd0001ff);
    assert.equal(mac48(0x02ab, 0xcd0001ff), m);
    assert.equal(macToString(m), '02:ab:cd:00:01:ff');
    assert.equal(parseMac('2-0-0-0-0-1'), 0x020000000001);
    assert.equal(macToString(MAC_BROADCAST), 'ff:ff:ff:ff:ff:ff');
});
test('MAC byte access', () => {
    const b = new Uint8Array(10);
    writeMac(b, 2, 0x0123456789ab);
    assert.deepEqual([...b.subarray(2, 8)], [0x01, 0x23, 0x45, 0x67, 0x89, 0xab]);
    assert.equal(readMac(b, 2), 0x0123456789ab);
    assert.equal(macHiAt(b, 2), 0x0123);
    assert.equal(macLoAt(b, 2), 0x456789ab);
    assert.equal(macIsMulticastAt(b, 2), true);
    writeMacHiLo(b, 2, 0xffff, 0xffffffff);
    assert.equal(macIsBroadcastAt(b, 2), true);
    b[7] = 0xfe;
    assert.equal(macIsBroadcastAt(b, 2), false);
});
test('MAC round trip (fast-check)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 0, max: 0xffffffff }), (hi, lo) => {
        const m = mac48(hi, lo);
        assert.equal(parseMac(macToString(m)), m);
        assert.equal(macHi16(m), hi);
        assert.equal(macLo32(m), lo);
    }));
});
test('parseMac rejects bad text, naming the input', () => {
    for (const bad of ['', '02:00:00:00:00', '02:00:00:00:00:00:00', '02:00:00:00:00:0g', '020000000001', '02:00:00:00:00:100']) {
        assert.throws(() => parseMac(bad), (e) => e.message.includes('invalid MAC address'), bad);
    }
    assert.throws(() => parseMac(5), /invalid MAC/);
});
test('IPv4 text round trip', () => {
    assert.equal(parseIpv4('192.168.0.1'), 0xc0a80001);
    assert.equal(parseIpv4('255.255.255.255'), 0xffffffff);
    assert.equal(ipv4ToString(0xc0a800c7), '192.168.0.199');
    fc.assert(fc.property(fc.integer({ min: 0, max: 0xffffffff }), (ip) => assert.equal(parseIpv4(ipv4ToString(ip)), ip)));
});
test('parseIpv4 rejects bad text', () => {
    for (const bad of ['1.2.3', '1.2.3.4.5', '256.0.0.1', '01.2.3.4', '1.2.3.-4', 'a.b.c.d', '1..2.3', '']) {
        assert.throws(() => parseIpv4(bad), /invalid IPv4 address/, bad);
    }
});
test('IPv6 parse and RFC 5952 formatting', () => {
    const cases = [
        ['2001:db8::1', '2001:db8::1'],
        ['2001:0DB8:0:0:0:0:0:1', '2001:db8::1'],
        ['::', '::'],
        ['::1', '::1'],
        ['fe80::', 'fe80::'],
        ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'], // single zero group not shortened
        ['2001:0:0:1:0:0:0:1', '2001:0:0:1::1'], // longest run wins
        ['::ffff:192.0.2.1', '::ffff:c000:201'],
    ];
    for (const [inp, want] of cases)
        assert.equal(ipv6ToString(parseIpv6(inp), 0), want, inp);
    const b = new Uint8Array(20);
    parseIpv6('ff02::1:ff00:2', b, 4);
    assert.equal(b[4], 0xff);
    assert.equal(b[19], 2);
});
test('IPv6 round trip (fast-check)', () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), (a) => {
        assert.deepEqual(parseIpv6(ipv6ToString(a, 0)), a);
    }));
});
test('parseIpv6 rejects bad text', () => {
    for (const bad of ['1::2::3', '1:2:3:4:5:6:7', '1:2:3:4:5:6:7:8:9', '12345::', 'g::1', '1:2:3:4:5:6:7::8', '1.2.3.4::', 'fe80::1%eth0']) {
        assert.throws(() => parseIpv6(bad), /invalid IPv6 address/, bad);
    }
});
//# sourceMappingURL=addr.test.js.map
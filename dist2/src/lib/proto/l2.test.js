import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildEthernet, ethDstHi, ethDstLo, ethSrcHi, ethSrcLo, ethType, ethSetType, ethSetDst, ethSetSrc, ethCopyDst, ethCopySrc, ethSwapMacs, ethIsMulticastDst, ETH_HLEN, } from './ethernet.js';
import { vlanPush, vlanPop, vlanId, vlanPcp, vlanDei, vlanTci, vlanTpid, vlanSetId, vlanSetTci, makeTci, isVlanTpid, buildVlanTag, } from './vlan.js';
import { ParsedHeaders, parsePacket } from './parse.js';
import { buildUdpPacket } from './packet.js';
test('Ethernet build and accessors', () => {
    const b = new Uint8Array(20);
    assert.equal(buildEthernet(b, 3, 0x0102, 0x03040506, 0x0a0b, 0x0c0d0e0f, 0x86dd), 3 + ETH_HLEN);
    assert.deepEqual([...b.subarray(3, 17)], [1, 2, 3, 4, 5, 6, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0x86, 0xdd]);
    assert.equal(ethDstHi(b, 3), 0x0102);
    assert.equal(ethDstLo(b, 3), 0x03040506);
    assert.equal(ethSrcHi(b, 3), 0x0a0b);
    assert.equal(ethSrcLo(b, 3), 0x0c0d0e0f);
    assert.equal(ethType(b, 3), 0x86dd);
    assert.equal(ethIsMulticastDst(b, 3), true);
    ethSetType(b, 3, 0x0800);
    ethSetDst(b, 3, 0x0200, 0x00000001);
    ethSetSrc(b, 3, 0x0200, 0x00000002);
    assert.equal(ethType(b, 3), 0x0800);
    assert.equal(ethIsMulticastDst(b, 3), false);
    ethSwapMacs(b, 3);
    assert.equal(ethDstLo(b, 3), 2);
    assert.equal(ethSrcLo(b, 3), 1);
    const other = Uint8Array.of(0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff);
    ethCopyDst(b, 3, other, 0);
    ethCopySrc(b, 3, other, 0);
    assert.equal(ethDstHi(b, 3), 0xaabb);
    assert.equal(ethSrcLo(b, 3), 0xccddeeff);
});
test('TCI helpers', () => {
    const tci = makeTci(100, 5, 1);
    assert.equal(tci, (5 << 13) | (1 << 12) | 100);
    const b = new Uint8Array(8);
    b[0] = 0x81;
    vlanSetTci(b, 0, tci);
    assert.equal(vlanTpid(b, 0), 0x8100);
    assert.equal(vlanTci(b, 0), tci);
    assert.equal(vlanId(b, 0), 100);
    assert.equal(vlanPcp(b, 0), 5);
    assert.equal(vlanDei(b, 0), 1);
    vlanSetId(b, 0, 4000);
    assert.equal(vlanId(b, 0), 4000);
    assert.equal(vlanPcp(b, 0), 5, 'PCP kept');
    assert.equal(vlanDei(b, 0), 1, 'DEI kept');
    assert.ok(isVlanTpid(0x8100) && isVlanTpid(0x88a8) && isVlanTpid(0x9100) && !isVlanTpid(0x0800));
    assert.equal(buildVlanTag(b, 4, 7, 1, 0x0800), 8);
    assert.deepEqual([...b.subarray(4, 8)], [0x20, 0x07, 0x08, 0x00]);
});
function frameWithHeadroom(headroom, vlan) {
    const orig = buildUdpPacket({
        srcMac: '02:00:00:00:00:01', dstMac: '02:00:00:00:00:02', vlan, srcIp: '10.0.0.1', dstIp: '10.0.0.2',
        srcPort: 1, dstPort: 2, size: 64,
    });
    const buf = new Uint8Array(headroom + orig.length + 8).fill(0xee);
    buf.set(orig, headroom);
    return { buf, start: headroom, len: orig.length, orig };
}
test('vlanPush moves only the MACs left and parses as tagged; vlanPop restores the original bytes', () => {
    const { buf, start, len, orig } = frameWithHeadroom(8);
    const ns = vlanPush(buf, start, len, 42, 3);
    assert.equal(ns, start - 4);
    assert.deepEqual([...buf.subarray(ns, ns + 12)], [...orig.subarray(0, 12)], 'MACs moved');
    assert.equal(vlanTpid(buf, ns + 12), 0x8100);
    assert.equal(vlanId(buf, ns + 12), 42);
    assert.equal(vlanPcp(buf, ns + 12), 3);
    assert.deepEqual([...buf.subarray(ns + 16, ns + len + 4)], [...orig.subarray(12)], 'payload untouched');
    assert.equal(buf[ns - 1], 0xee, 'nothing written below the new start');
    const h = new ParsedHeaders();
    assert.equal(parsePacket(buf, ns, len + 4, h), 0);
    assert.equal(h.vlanId, 42);
    assert.equal(h.vlanPcp, 3);
    assert.equal(h.etherType, 0x0800);
    assert.equal(h.srcPort, 1);
    const back = vlanPop(buf, ns, len + 4);
    assert.equal(back, start);
    assert.deepEqual([...buf.subarray(start, start + len)], [...orig]);
});
test('QinQ: push an 802.1ad S-tag over a C-tag, parse both, pop the outer', () => {
    const { buf, start, len } = frameWithHeadroom(4, 10);
    const ns = vlanPush(buf, start, len, 200, 6, 0x88a8);
    assert.equal(ns, 0);
    const h = new ParsedHeaders();
    assert.equal(parsePacket(buf, ns, len + 4, h), 0);
    assert.equal(h.vlanCount, 2);
    assert.equal(h.vlanTpid, 0x88a8);
    assert.equal(h.vlanId, 200);
    assert.equal(h.vlanPcp, 6);
    assert.equal(h.innerVlanId, 10);
    assert.equal(h.etherType, 0x0800);
    assert.equal(h.l3Off, ns + 22);
    const p = vlanPop(buf, ns, len + 4);
    assert.equal(parsePacket(buf, p, len, h), 0);
    assert.equal(h.vlanCount, 1);
    assert.equal(h.vlanId, 10);
});
test('vlanPush/vlanPop refuse when they cannot act, leaving bytes untouched', () => {
    const { buf, start, len } = frameWithHeadroom(3);
    const copy = buf.slice();
    assert.equal(vlanPush(buf, start, len, 1, 0), -1, 'headroom 3 < 4');
    assert.equal(vlanPush(buf, start, 13, 1, 0), -1, 'runt');
    assert.equal(vlanPush(buf, start, buf.length, 1, 0), -1, 'past the array');
    assert.equal(vlanPop(buf, start, len), -1, 'untagged');
    assert.equal(vlanPop(buf, start, 17), -1, 'too short');
    assert.deepEqual(buf, copy);
});
//# sourceMappingURL=l2.test.js.map
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { csumFold, csumFinish, onesSum, internetChecksum, csumReplace16, csumReplace32, csumFieldReplace16, pseudoSumV4, pseudoSumV6, l4Checksum, } from './checksum.js';
import { hex, CAPTURED_UDP4, CAPTURED_UDP6, CAPTURED_TCP4_SYN } from './fixtures.js';
/** Reference RFC 1071 sum: word by word, fold at the end (deliberately naive). */
function refSum(b, off, len) {
    let s = 0;
    for (let i = 0; i < len; i += 2)
        s += (b[off + i] << 8) | (i + 1 < len ? b[off + i + 1] : 0);
    while (s > 0xffff)
        s = (s & 0xffff) + Math.floor(s / 65536);
    return s;
}
test('RFC 1071 section 3 example: 00 01 f2 03 f4 f5 f6 f7 sums to 0xddf2, checksum 0x220d', () => {
    const b = hex('0001f203f4f5f6f7');
    assert.equal(onesSum(b, 0, 8, 0), 0xddf2);
    assert.equal(internetChecksum(b, 0, 8), 0x220d);
});
test('IPv4 header example (Wikipedia "IPv4 header checksum"): checksum b861', () => {
    const b = hex('450000730000400040110000c0a80001c0a800c7');
    assert.equal(internetChecksum(b, 0, 20), 0xb861);
    b[10] = 0xb8;
    b[11] = 0x61;
    assert.equal(onesSum(b, 0, 20, 0), 0xffff, 'a correct header sums to 0xffff');
});
test('RFC 1624 section 4 example: m 0x5555 -> 0x3285, HC 0xdd2f becomes 0x0000', () => {
    assert.equal(csumReplace16(0xdd2f, 0x5555, 0x3285), 0x0000);
});
test('odd lengths pad the last byte with zero; sums compose across even splits', () => {
    const b = hex('0102030405');
    assert.equal(onesSum(b, 0, 5, 0), csumFold(0x0102 + 0x0304 + 0x0500));
    assert.equal(onesSum(b, 0, 5, 0), onesSum(b, 4, 1, onesSum(b, 0, 4, 0)));
});
test('csumFold handles sums beyond 32 bits', () => {
    assert.equal(csumFold(0xffff * 70000), 0xffff); // a non-zero multiple of 0xffff is ones'-complement -0
    assert.equal(csumFold(2 ** 40 + 5), 261); // 2^40 = 2^8 (mod 0xffff)
    assert.equal(csumFold(0x1_0000_0000), 1);
    assert.equal(csumFinish(0x1fffe), 0);
});
test('onesSum matches the naive reference on random data, offsets and lengths', () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 0, maxLength: 300 }), fc.nat(20), fc.nat(300), (data, a, n) => {
        const off = Math.min(a, data.length);
        const len = Math.min(n, data.length - off);
        const r = refSum(data, off, len);
        assert.equal(onesSum(data, off, len, 0), r);
    }), { numRuns: 300 });
});
test('captured IPv4/UDP: header checksum and UDP pseudo-header checksum match the wire values', () => {
    const b = CAPTURED_UDP4;
    assert.equal(internetChecksum(new Uint8Array([...b.subarray(14, 24), 0, 0, ...b.subarray(26, 34)]), 0, 20), 0xd90f);
    const pseudo = pseudoSumV4(0x7f000001, 0x7f000001, 17, 25);
    assert.equal(l4Checksum(b, 34, 25, 6, pseudo), 0x3408);
    assert.equal(onesSum(b, 34, 25, pseudo), 0xffff);
});
test('captured IPv6/UDP: pseudo-header checksum matches the wire value', () => {
    const b = CAPTURED_UDP6;
    const pseudo = pseudoSumV6(b, 22, 38, 17, 16);
    assert.equal(l4Checksum(b, 54, 16, 6, pseudo), 0xcfde);
});
test('captured IPv4/TCP SYN with options: checksum matches the wire value', () => {
    const b = CAPTURED_TCP4_SYN;
    assert.equal(l4Checksum(b, 34, 40, 16, pseudoSumV4(0x7f000001, 0x7f000001, 6, 40)), 0xeb2a);
});
test('l4Checksum ignores the current field value', () => {
    const b = CAPTURED_UDP4.slice();
    b[40] = 0x12;
    b[41] = 0x34;
    assert.equal(l4Checksum(b, 34, 25, 6, pseudoSumV4(0x7f000001, 0x7f000001, 17, 25)), 0x3408);
});
test('pseudoSumV6 counts the 32-bit length in both halves', () => {
    const b = new Uint8Array(32);
    assert.equal(pseudoSumV6(b, 0, 16, 17, 0x12345), csumFold(0x1 + 0x2345 + 17));
});
/** Random data with a valid checksum at word `k`, never all zero (see RFC 1624 section 3). */
const withCsum = fc.tuple(fc.uint8Array({ minLength: 4, maxLength: 64 }), fc.nat()).map(([d, k]) => {
    const b = d.length % 2 === 0 ? d : d.subarray(0, d.length - 1);
    b[0] |= 0x40; // not all zero, as in any real header
    const c = (k % (b.length / 2)) * 2;
    b[c] = 0;
    b[c + 1] = 0;
    const v = internetChecksum(b, 0, b.length);
    b[c] = v >>> 8;
    b[c + 1] = v & 0xff;
    return { b, c };
});
test('incremental 16-bit update equals full recompute (fast-check)', () => {
    fc.assert(fc.property(withCsum, fc.nat(), fc.integer({ min: 0, max: 0xffff }), ({ b, c }, w, nw) => {
        let at = (w % (b.length / 2)) * 2;
        if (at === c)
            at = (at + 2) % b.length;
        if (at === c)
            return; // two-byte buffer: only the checksum itself
        const old = (b[at] << 8) | b[at + 1];
        b[at] = nw >>> 8;
        b[at + 1] = nw & 0xff;
        csumFieldReplace16(b, c, old, nw);
        const stored = (b[c] << 8) | b[c + 1];
        b[c] = 0;
        b[c + 1] = 0;
        const full = internetChecksum(b, 0, b.length);
        if (onesSum(b, 0, b.length, 0) === 0)
            return; // all-zero data: the +0/-0 ambiguity RFC 1624 describes
        assert.equal(stored, full);
    }), { numRuns: 500 });
});
test('incremental 32-bit update equals full recompute (fast-check)', () => {
    fc.assert(fc.property(withCsum, fc.nat(), fc.integer({ min: 0, max: 0xffffffff }), ({ b, c }, w, nv) => {
        if (b.length < 8)
            return;
        const words = b.length / 2;
        let at = (w % (words - 1)) * 2;
        if (at === c || at + 2 === c)
            at = (c + 2 + 2 < b.length) ? c + 2 : (c >= 4 ? c - 4 : -1);
        if (at < 0 || at + 4 > b.length || at === c || at + 2 === c)
            return;
        const old = ((b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]) >>> 0;
        b[at] = nv >>> 24;
        b[at + 1] = nv >>> 16;
        b[at + 2] = nv >>> 8;
        b[at + 3] = nv;
        const stored = csumReplace32((b[c] << 8) | b[c + 1], old, nv);
        b[c] = 0;
        b[c + 1] = 0;
        if (onesSum(b, 0, b.length, 0) === 0)
            return;
        assert.equal(stored, internetChecksum(b, 0, b.length));
    }), { numRuns: 500 });
});
//# sourceMappingURL=checksum.test.js.map
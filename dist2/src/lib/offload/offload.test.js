import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { copyWords, words } from './copy-words.js';
import { GsoPlan, GSO_MAX_SEGS, planGso, writeSegment, completePartialChecksum } from './gso.js';
import { VnetHdr, readVnetHdr, checkVnetHdr, OffloadError, VNET_HDR_LEN, GSO_UDP } from './vnet-hdr.js';
import { buildSuperFrame } from './testkit.js';
import { parsePacket, ParsedHeaders, L3Kind } from '../proto/parse.js';
import { rd16, rd32, wr16 } from '../proto/bytes.js';
import { tcpChecksumOkV4, tcpChecksumOkV6, TcpFlag } from '../proto/tcp.js';
import { udpChecksumOkV4, udpChecksumOkV6 } from '../proto/udp.js';
import { onesSum, pseudoSumV4 } from '../proto/checksum.js';
import { buildUdpPacket } from '../proto/packet.js';
test('copyWords copies every length at every pair of alignments', () => {
    const src = new Uint8Array(256), dst = new Uint8Array(256);
    for (let i = 0; i < 256; i++)
        src[i] = (i * 7 + 3) & 0xff;
    const s32 = words(src), d32 = words(dst);
    for (const so of [0, 1, 2, 3, 6])
        for (const dOff of [0, 1, 2, 3, 10])
            for (const len of [0, 1, 3, 4, 5, 13, 64, 100]) {
                dst.fill(0xee);
                copyWords(dst, d32, dOff, src, s32, so, len);
                for (let i = 0; i < len; i++)
                    assert.equal(dst[dOff + i], src[so + i], `so=${so} do=${dOff} len=${len} i=${i}`);
                assert.equal(dst[dOff + len], 0xee, 'no byte written past the end');
                if (dOff > 0)
                    assert.equal(dst[dOff - 1], 0xee, 'no byte written before the start');
            }
    const big = new Uint8Array(4096), bigDst = new Uint8Array(4096);
    for (let i = 0; i < big.length; i++)
        big[i] = i & 0xff;
    copyWords(bigDst, words(bigDst), 3, big, words(big), 0, 2000); // misaligned long copy
    assert.deepEqual(bigDst.subarray(3, 2003), big.subarray(0, 2000));
    assert.throws(() => words(new Uint8Array(8).subarray(1)), /aligned/);
});
test('completePartialChecksum finishes a CHECKSUM_PARTIAL UDP and TCP frame', () => {
    const udp = buildUdpPacket({ srcMac: '02:00:00:00:00:01', dstMac: '02:00:00:00:00:02', srcIp: '10.0.0.1', dstIp: '10.0.0.2', srcPort: 1000, dstPort: 53, size: 100 });
    const good = rd16(udp, 40);
    // What a stack with checksum offload leaves in the field: the pseudo-header sum only.
    wr16(udp, 40, pseudoSumV4(0x0a000001, 0x0a000002, 17, rd16(udp, 38)));
    assert.ok(!udpChecksumOkV4(udp, 14, 34));
    completePartialChecksum(udp, 0, udp.length, 34, 6);
    assert.equal(rd16(udp, 40), good);
    for (const v6 of [false, true]) {
        const s = buildSuperFrame({ v6, payLen: 333, mss: 2000 });
        const l3 = 14, l4 = v6 ? 54 : 34;
        completePartialChecksum(s.frame, 0, s.frame.length, l4, 16);
        assert.ok(v6 ? tcpChecksumOkV6(s.frame, l3, l4, s.frame.length - l4) : tcpChecksumOkV4(s.frame, l3, l4, s.frame.length - l4));
    }
});
const hdrs = new ParsedHeaders();
/** Segment `frame` per `vnet` into separate arrays (dst alignment `align`). */
function segmentAll(vnet, frame, maxSeg = 9000, align = 2) {
    const h = new VnetHdr();
    readVnetHdr(vnet, 0, h);
    const plan = new GsoPlan();
    let err = checkVnetHdr(h, frame.length);
    if (err !== OffloadError.OK)
        return { err, segs: [], plan };
    const src = new Uint8Array(frame.length + 8);
    src.set(frame, 2);
    err = planGso(src, 2, frame.length, h, maxSeg, plan);
    if (err !== OffloadError.OK)
        return { err, segs: [], plan };
    const segs = [];
    const dst = new Uint8Array(maxSeg + 16);
    for (let i = 0; i < plan.segs; i++) {
        dst.fill(0xa5);
        const n = writeSegment(src, words(src), 2, plan, i, dst, words(dst), align);
        assert.ok(n <= maxSeg, 'a segment fits the buffer the plan was made for');
        assert.equal(dst[align + n], 0xa5, 'nothing written past the segment');
        segs.push(dst.slice(align, align + n));
    }
    return { err, segs, plan };
}
/** Each segment parses, has correct checksums, and the payloads concatenate to the original. */
function checkSegments(frame, segs, mss) {
    assert.equal(parsePacket(frame, 0, frame.length, hdrs), 0);
    const v4 = hdrs.l3Kind === L3Kind.IPV4, tcp = hdrs.l4Proto === 6;
    const payOff = hdrs.payloadOff >= 0 ? hdrs.payloadOff : hdrs.l4Off + 8;
    const payload = frame.subarray(tcp ? hdrs.l4Off + ((frame[hdrs.l4Off + 12] >>> 4) << 2) : payOff, hdrs.l3End);
    const id0 = v4 ? rd16(frame, 18) : 0, seq0 = tcp ? rd32(frame, hdrs.l4Off + 4) : 0, flags0 = tcp ? frame[hdrs.l4Off + 13] : 0;
    const got = [];
    segs.forEach((s, i) => {
        assert.equal(parsePacket(s, 0, s.length, hdrs), 0, `segment ${i} parses`);
        const l3 = hdrs.l3Off, l4 = hdrs.l4Off, l4len = hdrs.l3End - l4;
        if (v4) {
            assert.equal(onesSum(s, l3, 20, 0), 0xffff, 'IPv4 header checksum');
            assert.equal(rd16(s, l3 + 4), (id0 + i) & 0xffff, 'IPv4 ID increments');
        }
        if (tcp) {
            assert.ok(v4 ? tcpChecksumOkV4(s, l3, l4, l4len) : tcpChecksumOkV6(s, l3, l4, l4len), `TCP checksum of segment ${i}`);
            assert.equal(rd32(s, l4 + 4), (seq0 + i * mss) >>> 0, 'sequence number');
            const f = s[l4 + 13];
            const last = i === segs.length - 1;
            assert.equal(f & (TcpFlag.FIN | TcpFlag.PSH), last ? flags0 & (TcpFlag.FIN | TcpFlag.PSH) : 0, 'FIN/PSH only on the last');
            assert.equal(f & TcpFlag.CWR, i === 0 ? flags0 & TcpFlag.CWR : 0, 'CWR only on the first');
            got.push(...s.subarray(l4 + ((s[l4 + 12] >>> 4) << 2), hdrs.l3End));
        }
        else {
            assert.ok(v4 ? udpChecksumOkV4(s, l3, l4) : udpChecksumOkV6(s, l3, l4), `UDP checksum of segment ${i}`);
            assert.equal(rd16(s, l4 + 4), l4len);
            got.push(...s.subarray(l4 + 8, hdrs.l3End));
        }
        if (i < segs.length - 1)
            assert.equal(hdrs.l3End - (tcp ? l4 + ((s[l4 + 12] >>> 4) << 2) : l4 + 8), mss, 'full segments carry gso_size');
    });
    assert.deepEqual(Uint8Array.from(got), payload);
}
test('TCP/IPv4, TCP/IPv6 and UDP GSO super-frames become correct segments', () => {
    for (const spec of [
        { payLen: 65000, mss: 1448, tcpOptions: 12, flags: TcpFlag.ACK | TcpFlag.PSH | TcpFlag.FIN | TcpFlag.CWR },
        { v6: true, payLen: 20000, mss: 1428, ecn: true, flags: TcpFlag.ACK | TcpFlag.CWR },
        { udp: true, payLen: 9000, mss: 1472 },
        { udp: true, v6: true, payLen: 3001, mss: 1000 },
        { payLen: 1000, mss: 1448 }, // smaller than one segment: one frame, checksum finished
    ]) {
        const { vnet, frame } = buildSuperFrame(spec);
        for (const align of [0, 2]) {
            const r = segmentAll(vnet, frame, 9000, align);
            assert.equal(r.err, OffloadError.OK, JSON.stringify(spec));
            assert.equal(r.segs.length, Math.max(1, Math.ceil(spec.payLen / spec.mss)));
            checkSegments(frame, r.segs, spec.mss);
        }
    }
});
test('hostile offload headers are refused with a reason, never segmented blindly', () => {
    const ok = buildSuperFrame({ payLen: 5000, mss: 1448 });
    const mutate = (f) => { const v = ok.vnet.slice(); f(v); return segmentAll(v, ok.frame).err; };
    assert.equal(mutate(() => { }), OffloadError.OK);
    assert.equal(mutate((v) => { v[1] = GSO_UDP; }), OffloadError.BAD_GSO_TYPE, 'UFO');
    assert.equal(mutate((v) => { v[1] = 9; }), OffloadError.BAD_GSO_TYPE);
    assert.equal(mutate((v) => { v[4] = 0; v[5] = 0; }), OffloadError.ZERO_GSO_SIZE);
    assert.equal(mutate((v) => { v[6] = 0xff; v[7] = 0xff; }), OffloadError.BAD_CSUM_OFFSETS);
    assert.equal(mutate((v) => { v[1] = 4; }), OffloadError.GSO_MISMATCH, 'TCPV6 on an IPv4 frame');
    assert.equal(mutate((v) => { v[1] = 5; }), OffloadError.GSO_MISMATCH, 'UDP_L4 on a TCP frame');
    assert.equal(mutate((v) => { v[4] = 16; v[5] = 0; }), OffloadError.TOO_BIG, `more than ${GSO_MAX_SEGS} segments`);
    assert.equal(segmentAll(ok.vnet, ok.frame, 1000).err, OffloadError.SEGMENT_TOO_BIG);
    assert.equal(segmentAll(ok.vnet, ok.frame.slice(0, 30)).err, OffloadError.BAD_CSUM_OFFSETS, 'truncated under csum_start');
    const badIp = ok.frame.slice();
    badIp[14] = 0x55; // IP version 5
    assert.equal(segmentAll(ok.vnet, badIp).err, OffloadError.BAD_HEADERS);
});
test('property: random headers over random and real frames never throw, and what is accepted segments correctly', () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: VNET_HDR_LEN, maxLength: VNET_HDR_LEN }), fc.oneof(fc.uint8Array({ minLength: 0, maxLength: 3000 }), fc.record({ v6: fc.boolean(), udp: fc.boolean(), payLen: fc.integer({ min: 0, max: 20000 }), mss: fc.integer({ min: 1, max: 3000 }) })
        .map((s) => buildSuperFrame(s).frame)), fc.boolean(), (vnet, frame, keepType) => {
        if (keepType) {
            vnet[1] = [1, 4, 5, 0x81][vnet[1] & 3];
            vnet[4] = (vnet[4] | 1);
        }
        const r = segmentAll(vnet, frame, 9000);
        if (r.err === OffloadError.OK && r.plan.segs > 0) {
            for (const s of r.segs)
                assert.equal(parsePacket(s, 0, s.length, hdrs), 0);
            checkSegments(frame, r.segs, r.plan.mss);
        }
    }), { numRuns: 400 });
});
//# sourceMappingURL=offload.test.js.map
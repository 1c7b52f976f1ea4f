/**
 * Offloads on the vhost-user data path with hostile headers: random virtio-net headers over
 * random bytes and real super-frames, split over 1-3 descriptors, from a guest that
 * negotiated every offload. Into the pool and guest to guest (destination with random
 * offloads): nothing throws, every chain is returned, every refusal is counted, and whatever
 * comes out parses with correct checksums.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { NetIo } from './net-io.js';
import { OFF_CSUM, OFF_TSO4, OFF_TSO6, OFF_ECN } from '../../virtio/net/net.js';
import { DeviceQueue } from '../../virtio/split/device-queue.js';
import { MockSplitQueue } from '../../../test/support/mock-split-queue.js';
import { TestPool } from '../../../test/support/vhost-test-pool.js';
import { buildSuperFrame } from '../../lib/offload/testkit.js';
import { parsePacket, ParsedHeaders, L3Kind } from '../../lib/proto/parse.js';
import { tcpChecksumOkV4, tcpChecksumOkV6 } from '../../lib/proto/tcp.js';
import { udpChecksumOkV4, udpChecksumOkV6 } from '../../lib/proto/udp.js';
const ALL = OFF_CSUM | OFF_TSO4 | OFF_TSO6 | OFF_ECN;
const hdrs = new ParsedHeaders();
function queue(m) {
    const d = new DeviceQueue();
    assert.equal(d.setup(m.mem, m.layout, false, true), null);
    return d;
}
/** The frame's L4 checksum is right (TCP/UDP over IPv4/IPv6), or it is not TCP/UDP. */
function checksumOk(b, off, len) {
    if (parsePacket(b, off, len, hdrs) !== 0 || hdrs.l4Off < 0 || hdrs.fragment !== 0)
        return true;
    const v4 = hdrs.l3Kind === L3Kind.IPV4, l3 = hdrs.l3Off, l4 = hdrs.l4Off, n = hdrs.l3End - l4;
    if (hdrs.l4Proto === 6)
        return v4 ? tcpChecksumOkV4(b, l3, l4, n) : tcpChecksumOkV6(b, l3, l4, n);
    if (hdrs.l4Proto === 17)
        return v4 ? udpChecksumOkV4(b, l3, l4) : udpChecksumOkV6(b, l3, l4);
    return true;
}
/** A chain of header + frame cut into `cuts` readable descriptors. */
function addFrame(m, hdr12, frame, cuts) {
    const all = new Uint8Array(12 + frame.length);
    all.set(hdr12, 0);
    all.set(frame, 12);
    const parts = [];
    const step = Math.max(1, Math.ceil(all.length / cuts));
    for (let o = 0; o < all.length; o += step)
        parts.push({ len: Math.min(step, all.length - o), data: all.subarray(o, o + step) });
    m.addChain(parts);
}
const frameArb = fc.oneof(fc.uint8Array({ minLength: 0, maxLength: 2000 }), fc.record({ v6: fc.boolean(), udp: fc.boolean(), payLen: fc.integer({ min: 0, max: 30000 }), mss: fc.integer({ min: 1, max: 4000 }) }).map((s) => ({ s, ...buildSuperFrame(s) })));
test('property: hostile offload headers into the pool never throw; refusals are counted, output is correct', () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 12, maxLength: 12 }), frameArb, fc.integer({ min: 1, max: 3 }), fc.boolean(), fc.boolean(), (rnd, f, cuts, real, noGso) => {
        if (noGso)
            rnd[1] = 0; // flags alone: NEEDS_CSUM, DATA_VALID or junk
        const m = new MockSplitQueue(8, 1 << 20);
        const dq = queue(m);
        const io = new NetIo(9000);
        io.setOffloads(ALL, ALL);
        const pool = new TestPool(300);
        pool.data.fill(0xa5); // a canary: nothing may be written outside the packets handed out
        const frame = f instanceof Uint8Array ? f : f.frame;
        const hdr = real && !(f instanceof Uint8Array) ? Uint8Array.from([...f.vnet, 0, 0]) : rnd;
        addFrame(m, hdr, frame, cuts);
        const out = new Uint32Array(300);
        const n = io.dequeueFromGuest(dq, m.mem, pool, out, 300);
        assert.equal(m.usedIdx(), 1, 'the chain went back to the guest');
        assert.equal(io.fromGuestPackets, n);
        if (n === 0)
            assert.ok(io.badOffload + io.tooBig + io.noPoolBuffer >= 1, 'a frame that produced nothing was counted');
        for (let i = 0; i < n; i++) {
            const p = out[i];
            assert.ok(pool.len[p] <= 9000);
            // Segments get full checksums; a partial checksum is finished where the header says.
            if (hdr[1] !== 0 || (real && (hdr[0] & 1) !== 0))
                assert.ok(checksumOk(pool.data, pool.start(p), pool.len[p]), 'checksum finished');
        }
        if (real && !(f instanceof Uint8Array) && f.s.payLen > f.s.mss && io.badOffload === 0)
            assert.equal(n, Math.ceil(f.s.payLen / f.s.mss));
        // Flags other than NEEDS_CSUM, no GSO: the frame passes as it is (csum offsets unchecked, unused).
        if (hdr[1] === 0 && (hdr[0] & 1) === 0 && n === 1)
            assert.deepEqual(pool.bytes(out[0]), frame);
        for (let i = 0; i < n; i++)
            pool.data.fill(0xa5, pool.start(out[i]), pool.start(out[i]) + pool.len[out[i]]);
        assert.equal(pool.data.findIndex((b) => b !== 0xa5), -1, 'no byte written outside the packets handed out');
    }), { numRuns: 300 });
});
test('property: guest to guest with hostile headers and any destination offloads', () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 12, maxLength: 12 }), frameArb, fc.integer({ min: 0, max: 15 }), fc.boolean(), fc.boolean(), (rnd, f, destOff, real, mrg) => {
        const sm = new MockSplitQueue(8, 1 << 20), dm = new MockSplitQueue(64, 1 << 21);
        const sq = queue(sm), dq = queue(dm);
        const sio = new NetIo(9000), dio = new NetIo(9000);
        sio.setOffloads(ALL, ALL);
        dio.setOffloads(ALL, destOff);
        dio.mergeable = mrg;
        const frame = f instanceof Uint8Array ? f : f.frame;
        const hdr = real && !(f instanceof Uint8Array) ? Uint8Array.from([...f.vnet, 0, 0]) : rnd;
        addFrame(sm, hdr, frame, 1);
        for (let i = 0; i < (mrg ? 60 : 20); i++)
            dm.addChain([{ len: mrg ? 2048 : 70000, write: true }]);
        const n = sio.forwardGuestToGuest(sq, sm.mem, dio, dq, dm.mem, 32);
        assert.equal(n, 1);
        assert.equal(sm.usedIdx(), 1);
        const got = dio.toGuestPackets;
        if (got === 0)
            assert.ok(sio.badOffload + sio.tooBig + dio.tooBig + dio.noGuestBuffer >= 1, 'nothing delivered: counted');
        // What reached the destination without a pass-through header has its checksum finished.
        for (let k = 0, slot = 0; k < got; k++) {
            const e = dm.usedEntry(slot);
            const h = dm.bytes(dm.descAddr(e.id), 12);
            const nb = mrg ? h[10] | (h[11] << 8) : 1;
            const whole = new Uint8Array(mrg ? nb * 2048 : e.len);
            let len = 0;
            for (let b = 0; b < nb; b++) {
                const u = dm.usedEntry(slot + b);
                whole.set(dm.bytes(dm.descAddr(u.id), u.len), len);
                len += u.len;
            }
            slot += nb;
            if (h[0] === 0 && h[1] === 0 && ((hdr[0] & 1) !== 0 || hdr[1] !== 0))
                assert.ok(checksumOk(whole, 12, len - 12), 'finished in software');
            if (h[1] !== 0)
                assert.ok((destOff & (OFF_TSO4 | OFF_TSO6)) !== 0, 'a GSO header only to a guest that negotiated TSO');
        }
    }), { numRuns: 300 });
});
//# sourceMappingURL=offload.test.js.map
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NetIo } from './net-io.js';
import { DeviceQueue } from '../../virtio/split/device-queue.js';
import { VRING_DESC_F_NEXT } from '../../virtio/constants.js';
import { MockSplitQueue } from '../../../test/support/mock-split-queue.js';
import { TestPool } from '../../../test/support/vhost-test-pool.js';
function q(m) {
    const d = new DeviceQueue();
    assert.equal(d.setup(m.mem, m.layout, false, true), null);
    return d;
}
test('dequeueFromGuest strips the 12-byte header across segments', () => {
    const m = new MockSplitQueue(16);
    const dq = q(m);
    const io = new NetIo(9230);
    const pool = new TestPool(64);
    const hdr = new Uint8Array(12).fill(0xee);
    const a = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]);
    m.addChain([{ len: 12, data: hdr }, { len: 8, data: a }]); // header in its own descriptor
    const both = new Uint8Array(12 + 70);
    both.fill(9, 12);
    m.addChain([{ len: both.length, data: both }], true); // indirect, header + frame together
    const out = new Uint32Array(8);
    assert.equal(io.dequeueFromGuest(dq, m.mem, pool, out, 8), 2);
    assert.deepEqual(pool.bytes(out[0]), a);
    assert.deepEqual(pool.bytes(out[1]), new Uint8Array(70).fill(9));
    assert.equal(m.usedIdx(), 2);
    assert.equal(io.fromGuestPackets, 2);
});
test('enqueueToGuest with MRG_RXBUF spans buffers and sets num_buffers', () => {
    const m = new MockSplitQueue(16, 1 << 20);
    const dq = q(m);
    const io = new NetIo(9230);
    io.mergeable = true;
    const pool = new TestPool(64);
    const heads = [0, 1, 2, 3].map(() => m.addChain([{ len: 1000, write: true }]));
    const frame = new Uint8Array(2500);
    for (let i = 0; i < frame.length; i++)
        frame[i] = i & 0xff;
    const pk = new Uint32Array([pool.packet(frame)]);
    assert.equal(io.enqueueToGuest(dq, m.mem, pool, pk, 1), 1);
    assert.equal(m.usedIdx(), 3);
    assert.deepEqual([0, 1, 2].map((k) => m.usedEntry(k)), [{ id: heads[0], len: 1000 }, { id: heads[1], len: 1000 }, { id: heads[2], len: 512 }]);
    const b0 = m.bytes(m.descAddr(heads[0]), 1000);
    assert.equal(b0[10] | (b0[11] << 8), 3, 'num_buffers');
    const joined = new Uint8Array(2512);
    joined.set(b0, 0);
    joined.set(m.bytes(m.descAddr(heads[1]), 1000), 1000);
    joined.set(m.bytes(m.descAddr(heads[2]), 512), 2000);
    assert.deepEqual(joined.subarray(12), frame);
    assert.equal(pool.available, 64);
});
test('enqueueToGuest without enough buffers drops, counts and puts chains back', () => {
    const m = new MockSplitQueue(16);
    const dq = q(m);
    const io = new NetIo(9230);
    io.mergeable = true;
    const pool = new TestPool(64);
    m.addChain([{ len: 1000, write: true }]);
    const pk = new Uint32Array([pool.packet(new Uint8Array(3000)), pool.packet(new Uint8Array(60))]);
    assert.equal(io.enqueueToGuest(dq, m.mem, pool, pk, 2), 0);
    assert.equal(io.noGuestBuffer, 2);
    assert.equal(dq.nextAvail, 0, 'chain put back');
    assert.equal(pool.available, 64);
});
test('a malicious guest quarantines only its own queue; another pair keeps forwarding', () => {
    const bad = new MockSplitQueue(8);
    const good = new MockSplitQueue(8);
    const dst = new MockSplitQueue(8);
    const bq = q(bad);
    const gq = q(good);
    const dq = q(dst);
    const io = new NetIo(9230);
    const dio = new NetIo(9230);
    dio.mergeable = true;
    const g = bad.alloc(64);
    bad.writeDesc(0, g, 64, VRING_DESC_F_NEXT, 0); // self loop
    bad.addAvail(0);
    for (let i = 0; i < 3; i++)
        dst.addChain([{ len: 2048, write: true }]);
    good.addChain([{ len: 12 + 60, data: new Uint8Array(72).fill(5) }]);
    assert.equal(io.forwardGuestToGuest(bq, bad.mem, dio, dq, dst.mem, 32), 0);
    assert.equal(bq.error, 4 /* QueueError.CHAIN_TOO_LONG */);
    assert.equal(io.forwardGuestToGuest(gq, good.mem, dio, dq, dst.mem, 32), 1);
    assert.equal(dio.toGuestPackets, 1);
    assert.deepEqual(dst.bytes(dst.descAddr(dst.usedEntry(0).id) + 12, 60), new Uint8Array(60).fill(5));
});
test('forwardGuestToGuest: one-buffer fast path (aligned) and general path (odd offset, split buffers) write the same header and frame', () => {
    const src = new MockSplitQueue(16);
    const dst = new MockSplitQueue(16, 1 << 20);
    const sq = q(src);
    const dq = q(dst);
    const io = new NetIo(9230);
    const dio = new NetIo(9230);
    dio.mergeable = true;
    const frames = [60, 61, 1514, 63].map((n, k) => {
        const f = new Uint8Array(12 + n).fill(0xee, 0, 12); // the source header is not copied
        for (let i = 12; i < f.length; i++)
            f[i] = (i * 7 + k) & 0xff;
        return f;
    });
    for (const f of frames)
        src.addChain([{ len: f.length, data: f }]);
    // Destination: aligned single buffer (fast), buffer at an odd address (general), two
    // 1000-byte buffers for the 1514-byte frame (general, num_buffers 2), dirty aligned buffer.
    const dirty = new Uint8Array(2048).fill(0xaa);
    const h0 = dst.addChain([{ len: 2048, write: true, data: dirty }]);
    const odd = dst.alloc(2048 + 1) + 1;
    dst.bytes(odd, 2048).fill(0xaa);
    dst.writeDesc(15, odd, 2048, 2 /* WRITE */, 0); // a descriptor addChain does not reuse here
    dst.addAvail(15);
    const h2 = dst.addChain([{ len: 1000, write: true, data: dirty.subarray(0, 1000) }]);
    const h3 = dst.addChain([{ len: 1000, write: true, data: dirty.subarray(0, 1000) }]);
    const h4 = dst.addChain([{ len: 2048, write: true, data: dirty }]);
    assert.equal(io.forwardGuestToGuest(sq, src.mem, dio, dq, dst.mem, 32), 4);
    assert.equal(dio.toGuestPackets, 4);
    assert.equal(dst.usedIdx(), 5);
    const hdr = (nb) => new Uint8Array([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, nb, 0]);
    const expect = (addr, k, nb) => {
        assert.deepEqual(dst.bytes(addr, 12), hdr(nb), `header of frame ${k}`);
        assert.deepEqual(dst.bytes(addr + 12, frames[k].length - 12), frames[k].subarray(12), `frame ${k}`);
    };
    assert.deepEqual(dst.usedEntry(0), { id: h0, len: 72 });
    expect(dst.descAddr(h0), 0, 1);
    assert.equal(dst.bytes(dst.descAddr(h0) + 72, 1)[0], 0xaa, 'nothing written past the frame');
    assert.deepEqual(dst.usedEntry(1), { id: 15, len: 73 });
    expect(odd, 1, 1);
    assert.deepEqual(dst.usedEntry(2), { id: h2, len: 1000 });
    assert.deepEqual(dst.usedEntry(3), { id: h3, len: 526 });
    const joined = new Uint8Array(1526);
    joined.set(dst.bytes(dst.descAddr(h2), 1000), 0);
    joined.set(dst.bytes(dst.descAddr(h3), 526), 1000);
    assert.deepEqual(joined.subarray(0, 12), hdr(2));
    assert.deepEqual(joined.subarray(12), frames[2].subarray(12));
    assert.deepEqual(dst.usedEntry(4), { id: h4, len: 75 });
    expect(dst.descAddr(h4), 3, 1);
});
test('forwardGuestToGuest: a destination buffer outside guest memory quarantines the destination queue, frames are counted', () => {
    const src = new MockSplitQueue(16);
    const dst = new MockSplitQueue(16);
    const sq = q(src);
    const dq = q(dst);
    const io = new NetIo(9230);
    const dio = new NetIo(9230);
    dio.mergeable = true;
    src.addChain([{ len: 72, data: new Uint8Array(72) }]);
    dst.writeDesc(0, dst.gpaBase + (1 << 20) - 16, 2048, 2 /* WRITE */, 0); // runs past the region end
    dst.addAvail(0);
    assert.equal(io.forwardGuestToGuest(sq, src.mem, dio, dq, dst.mem, 32), 1);
    assert.equal(dq.error, 3 /* QueueError.DESC_OUT_OF_MEMORY */);
    assert.equal(dio.toGuestPackets, 0);
    assert.equal(dio.noGuestBuffer, 1);
    assert.equal(src.usedIdx(), 1, 'the source buffer is returned');
});
//# sourceMappingURL=net-io.test.js.map
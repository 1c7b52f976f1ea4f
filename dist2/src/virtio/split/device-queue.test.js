import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DeviceQueue } from './device-queue.js';
import { QUEUE_ERROR_NAMES } from './queue-errors.js';
import { MockSplitQueue } from '../../../test/support/mock-split-queue.js';
import { VRING_AVAIL_F_NO_INTERRUPT, VRING_DESC_F_INDIRECT, VRING_DESC_F_NEXT, VRING_USED_F_NO_NOTIFY } from '../constants.js';
function setup(size = 8, eventIdx = false, indirect = true) {
    const m = new MockSplitQueue(size);
    const q = new DeviceQueue();
    assert.equal(q.setup(m.mem, m.layout, eventIdx, indirect), null);
    return { m, q };
}
test('pops a direct chain: readable then writable segments', () => {
    const { m, q } = setup();
    const data = new Uint8Array([1, 2, 3, 4, 5]);
    const head = m.addChain([{ len: 5, data }, { len: 100, write: true }]);
    assert.equal(q.popChain(m.mem), head);
    assert.equal(q.nSegs, 2);
    assert.equal(q.nReadable, 1);
    assert.equal(q.readBytes, 5);
    assert.equal(q.writeBytes, 100);
    const r = q.segRegion[0];
    assert.deepEqual([...m.mem.u8[r].subarray(q.segOff[0], q.segOff[0] + 5)], [1, 2, 3, 4, 5]);
    assert.equal(q.popChain(m.mem), -1);
});
test('pops an indirect chain', () => {
    const { m, q } = setup();
    const head = m.addChain([{ len: 10 }, { len: 20 }, { len: 30, write: true }], true);
    assert.equal(q.popChain(m.mem), head);
    assert.equal(q.nSegs, 3);
    assert.equal(q.readBytes, 30);
    assert.equal(q.writeBytes, 30);
});
test('used ring: entries become visible only at publishUsed', () => {
    const { m, q } = setup();
    const h1 = m.addChain([{ len: 10 }]);
    const h2 = m.addChain([{ len: 10 }]);
    q.addUsed(q.popChain(m.mem), 0);
    q.addUsed(q.popChain(m.mem), 7);
    assert.equal(m.usedIdx(), 0);
    q.publishUsed();
    assert.equal(m.usedIdx(), 2);
    assert.deepEqual(m.usedEntry(0), { id: h1, len: 0 });
    assert.deepEqual(m.usedEntry(1), { id: h2, len: 7 });
});
test('ring wraps past 65535 with free-running indices', () => {
    const { m, q } = setup(4);
    q.setBase(65534);
    m.setAvailIdx(65534);
    for (let k = 0; k < 6; k++) {
        const h = m.addChain([{ len: 4 }]);
        assert.equal(q.popChain(m.mem), h);
        q.addUsed(h, 0);
        q.publishUsed();
    }
    assert.equal(q.nextAvail, 4);
    assert.equal(m.usedIdx(), 4);
});
test('notification without EVENT_IDX follows avail.flags', () => {
    const { m, q } = setup(8, false);
    q.addUsed(m.addChain([{ len: 1 }]) && q.popChain(m.mem), 0);
    q.publishUsed();
    assert.equal(q.needsNotification(), true);
    m.setAvailFlags(VRING_AVAIL_F_NO_INTERRUPT);
    m.addChain([{ len: 1 }]);
    q.addUsed(q.popChain(m.mem), 0);
    q.publishUsed();
    assert.equal(q.needsNotification(), false);
    assert.equal(q.needsNotification(), false, 'nothing new since last decision');
    q.disableNotification();
    assert.equal(m.usedFlags(), VRING_USED_F_NO_NOTIFY);
    q.enableNotification();
    assert.equal(m.usedFlags(), 0);
});
test('EVENT_IDX: notify only when used_event is crossed', () => {
    const { m, q } = setup(8, true);
    m.setUsedEvent(2); // driver wants an interrupt once used.idx passes 2
    for (let k = 0; k < 2; k++) {
        m.addChain([{ len: 1 }]);
        q.addUsed(q.popChain(m.mem), 0);
    }
    q.publishUsed(); // used 0 -> 2: event 2 not crossed (new-event-1 = -1)
    assert.equal(q.needsNotification(), false);
    m.addChain([{ len: 1 }]);
    q.addUsed(q.popChain(m.mem), 0);
    q.publishUsed(); // 2 -> 3 crosses 2
    assert.equal(q.needsNotification(), true);
    q.enableNotification();
    assert.equal(m.availEvent(), 3);
});
function expectQuarantine(q, m, err) {
    assert.equal(q.popChain(m.mem), -2);
    assert.equal(q.error, err, `expected ${QUEUE_ERROR_NAMES[err]}, got ${QUEUE_ERROR_NAMES[q.error]}`);
    assert.equal(q.popChain(m.mem), -2, 'stays quarantined');
    assert.equal(q.nextAvail, 0, 'bad chain not consumed');
}
test('malicious: descriptor loop is caught by the TTL', () => {
    const { m, q } = setup(8);
    const g = m.alloc(16);
    m.writeDesc(0, g, 16, VRING_DESC_F_NEXT, 1);
    m.writeDesc(1, g, 16, VRING_DESC_F_NEXT, 0);
    m.addAvail(0);
    expectQuarantine(q, m, 4 /* QueueError.CHAIN_TOO_LONG */);
});
test('malicious: self loop', () => {
    const { m, q } = setup(8);
    m.writeDesc(3, m.alloc(8), 8, VRING_DESC_F_NEXT, 3);
    m.addAvail(3);
    expectQuarantine(q, m, 4 /* QueueError.CHAIN_TOO_LONG */);
});
test('malicious: buffer outside guest memory and crossing the region end', () => {
    for (const [gpa, len] of [[0x10, 8], [0x100000 + (1 << 20) - 4, 8], [2 ** 60, 8], [0x100000, 0xffffffff]]) {
        const { m, q } = setup(8);
        m.writeDesc(0, gpa, len, 0, 0);
        m.addAvail(0);
        expectQuarantine(q, m, 3 /* QueueError.DESC_OUT_OF_MEMORY */);
    }
});
test('malicious: unknown flag bits', () => {
    const { m, q } = setup(8);
    m.writeDesc(0, m.alloc(8), 8, 0x80, 0);
    m.addAvail(0);
    expectQuarantine(q, m, 5 /* QueueError.BAD_FLAGS */);
});
test('malicious: head and next index out of range', () => {
    let { m, q } = setup(8);
    m.addAvail(8);
    expectQuarantine(q, m, 2 /* QueueError.BAD_HEAD */);
    ({ m, q } = setup(8));
    m.writeDesc(0, m.alloc(8), 8, VRING_DESC_F_NEXT, 9);
    m.addAvail(0);
    expectQuarantine(q, m, 6 /* QueueError.BAD_NEXT */);
});
test('malicious: avail.idx jumps past the queue size', () => {
    const { m, q } = setup(8);
    m.setAvailIdx(9);
    expectQuarantine(q, m, 1 /* QueueError.AVAIL_IDX_JUMP */);
    assert.equal(q.availCount(), 0);
});
test('malicious: readable after writable', () => {
    const { m, q } = setup(8);
    m.addChain([{ len: 8, write: true }, { len: 8 }]);
    expectQuarantine(q, m, 8 /* QueueError.BAD_ORDER */);
});
test('malicious: indirect misuse', () => {
    const cases = [
        (m) => m.writeDesc(0, m.alloc(32), 32, VRING_DESC_F_INDIRECT | VRING_DESC_F_NEXT, 1), // with NEXT
        (m) => m.writeDesc(0, m.alloc(32), 24, VRING_DESC_F_INDIRECT, 0), // len not multiple of 16
        (m) => m.writeDesc(0, m.alloc(32), 0, VRING_DESC_F_INDIRECT, 0), // empty
        (m) => m.writeDesc(0, m.alloc(16 * 16), 16 * 16, VRING_DESC_F_INDIRECT, 0), // longer than the queue
        (m) => m.writeDesc(0, m.alloc(32) + 2, 16, VRING_DESC_F_INDIRECT, 0), // unaligned
        (m) => {
            const t = m.alloc(16);
            m.writeDesc(0, m.alloc(16), 16, VRING_DESC_F_INDIRECT, 0, t);
            m.writeDesc(0, t, 16, VRING_DESC_F_INDIRECT, 0);
        },
        (m) => {
            m.writeDesc(0, m.alloc(8), 8, VRING_DESC_F_NEXT, 1);
            m.writeDesc(1, m.alloc(16), 16, VRING_DESC_F_INDIRECT, 0);
        },
    ];
    for (const build of cases) {
        const { m, q } = setup(8);
        build(m);
        m.addAvail(0);
        expectQuarantine(q, m, 7 /* QueueError.BAD_INDIRECT */);
    }
    // indirect not negotiated
    const { m, q } = setup(8, false, false);
    m.addChain([{ len: 8 }], true);
    expectQuarantine(q, m, 7 /* QueueError.BAD_INDIRECT */);
});
test('malicious: indirect table loop and out-of-table next', () => {
    let { m, q } = setup(8);
    let t = m.alloc(32);
    m.writeDesc(0, m.alloc(8), 8, VRING_DESC_F_NEXT, 1, t);
    m.writeDesc(1, m.alloc(8), 8, VRING_DESC_F_NEXT, 0, t);
    m.writeDesc(0, t, 32, VRING_DESC_F_INDIRECT, 0);
    m.addAvail(0);
    expectQuarantine(q, m, 4 /* QueueError.CHAIN_TOO_LONG */);
    ({ m, q } = setup(8));
    t = m.alloc(32);
    m.writeDesc(0, m.alloc(8), 8, VRING_DESC_F_NEXT, 2, t);
    m.writeDesc(0, t, 32, VRING_DESC_F_INDIRECT, 0);
    m.addAvail(0);
    expectQuarantine(q, m, 6 /* QueueError.BAD_NEXT */);
});
test('large chains reusing one buffer are accepted and summed', () => {
    const { m, q } = setup(8);
    m.writeDesc(0, 0x100000, 1 << 20, VRING_DESC_F_NEXT, 1);
    m.writeDesc(1, 0x100000, 1 << 20, 0, 0);
    m.addAvail(0);
    assert.equal(q.popChain(m.mem), 0);
    assert.equal(q.readBytes, 2 << 20);
});
test('setup rejects bad layouts, naming the field', () => {
    const m = new MockSplitQueue(8);
    const q = new DeviceQueue();
    assert.match(q.setup(m.mem, { ...m.layout, size: 6 }, false, false) ?? '', /power of two/);
    assert.match(q.setup(m.mem, { ...m.layout, size: 65536 }, false, false) ?? '', /power of two/);
    assert.match(q.setup(m.mem, { ...m.layout, descGpa: m.layout.descGpa + 8 }, false, false) ?? '', /desc table .* aligned/);
    assert.match(q.setup(m.mem, { ...m.layout, availGpa: m.layout.availGpa + 1 }, false, false) ?? '', /avail ring .* aligned/);
    assert.match(q.setup(m.mem, { ...m.layout, usedGpa: m.layout.usedGpa + 2 }, false, false) ?? '', /used ring .* aligned/);
    assert.match(q.setup(m.mem, { ...m.layout, descGpa: 0 }, false, false) ?? '', /desc table .* not inside/);
    assert.match(q.setup(m.mem, { ...m.layout, usedGpa: 0x100000 + (1 << 20) - 8 }, false, false) ?? '', /used ring .* not inside/);
    assert.equal(q.ready, false);
});
test('unpop returns chains for a later retry', () => {
    const { m, q } = setup(8);
    const h = m.addChain([{ len: 8, write: true }]);
    assert.equal(q.popChain(m.mem), h);
    q.unpop(1);
    assert.equal(q.popChain(m.mem), h);
});
test('property: random descriptor tables never throw, always terminate, stay in memory', () => {
    const size = 16;
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 0x200000 }), fc.integer({ min: 0, max: 0x20000 }), fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 0, max: 0xffff })), { minLength: size, maxLength: size }), fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 1, maxLength: 20 }), fc.integer({ min: 0, max: 0xffff }), fc.boolean(), (descs, heads, availIdx, eventIdx) => {
        const m = new MockSplitQueue(size, 1 << 20);
        const q = new DeviceQueue();
        q.setup(m.mem, m.layout, eventIdx, true);
        descs.forEach(([gpa, len, flags, next], i) => m.writeDesc(i, gpa, len, flags & 0xf, next));
        heads.forEach((h, k) => m.writeAvail(k, h));
        m.setAvailIdx(availIdx);
        for (let k = 0; k < 40; k++) {
            const r = q.popChain(m.mem);
            if (r === -1 || r === -2)
                break;
            assert.ok(r >= 0 && r < size);
            for (let s = 0; s < q.nSegs; s++) {
                const reg = q.segRegion[s];
                assert.ok(q.segOff[s] + q.segLen[s] <= m.mem.u8[reg].length);
            }
            q.addUsed(r, 0);
            q.publishUsed();
            q.needsNotification();
        }
        if (q.error !== 0 /* QueueError.NONE */)
            assert.ok(QUEUE_ERROR_NAMES[q.error]);
    }), { numRuns: 300 });
});
test('disableNotification stores on every call, so a driver that clears used.flags gets it back', () => {
    const { m, q } = setup(8, false);
    q.disableNotification();
    assert.equal(m.usedFlags(), VRING_USED_F_NO_NOTIFY);
    m.dv.setUint16(m.layout.usedGpa - m.gpaBase, 0, true); // the driver re-zeroes its ring
    q.disableNotification();
    assert.equal(m.usedFlags(), VRING_USED_F_NO_NOTIFY, 'stored again');
    q.enableNotification();
    assert.equal(m.usedFlags(), 0);
});
//# sourceMappingURL=device-queue.test.js.map
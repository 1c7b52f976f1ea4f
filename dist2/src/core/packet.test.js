import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PacketPool, HEADROOM } from './packet.js';
const pool = (n = 256) => new PacketPool(new ArrayBuffer(PacketPool.bytesFor(n, 2048)), n, 2048);
test('pool hands out every buffer once, then -1, and counts the failure', () => {
    const p = pool(128);
    const seen = new Set();
    for (let i = 0; i < 128; i++) {
        const h = p.alloc();
        assert.ok(h >= 0 && h < 128);
        seen.add(h);
    }
    assert.equal(seen.size, 128);
    assert.equal(p.alloc(), -1);
    assert.equal(p.audit().allocFail, 1);
    assert.equal(p.audit().inUse, 128);
    for (const h of seen)
        p.free(h);
    assert.equal(p.audit().inUse, 0);
});
test('fresh packets have default headroom and zero length; start() addresses the data', () => {
    const p = pool();
    const h = p.alloc();
    assert.equal(p.off[h], HEADROOM);
    assert.equal(p.len[h], 0);
    assert.equal(p.start(h), h * 2048 + HEADROOM);
    assert.equal(p.maxLen, 2048 - HEADROOM);
});
test('double free and invalid handles are counted and do not corrupt the free list', () => {
    const p = pool(64);
    const h = p.alloc();
    p.free(h);
    p.free(h);
    p.free(9999);
    p.free(-1);
    const a = p.audit();
    assert.equal(a.doubleFree, 1);
    assert.equal(a.badFree, 2);
    const handles = new Set();
    for (let i = 0; i < 64; i++)
        handles.add(p.alloc());
    assert.equal(handles.size, 64, 'no handle is handed out twice');
    assert.ok(!handles.has(-1));
});
test('cache spills to the shared ring and a second view of the region sees the buffers', () => {
    const buf = new SharedArrayBuffer(PacketPool.bytesFor(2048, 2048));
    const a = new PacketPool(buf, 2048, 2048);
    const b = new PacketPool(buf, 2048, 2048, false);
    const hs = [];
    for (let i = 0; i < 1500; i++)
        hs.push(a.alloc());
    a.data[a.start(hs[0])] = 0xab;
    assert.equal(b.data[b.start(hs[0])], 0xab);
    for (const h of hs)
        b.free(h); // freed by another "thread": goes to b's cache, spills to the ring
    b.flushCache();
    a.flushCache();
    assert.equal(a.audit().inUse, 0);
    assert.throws(() => new PacketPool(buf, 1024, 2048, false), /not an initialised pool/);
});
test('clone copies bytes and metadata into a new buffer', () => {
    const p = pool();
    const h = p.alloc();
    p.len[h] = 3;
    p.data.set([1, 2, 3], p.start(h));
    const c = p.clone(h);
    assert.notEqual(c, h);
    assert.deepEqual([...p.data.subarray(p.start(c), p.start(c) + 3)], [1, 2, 3]);
});
test('pool rejects bad geometry', () => {
    assert.throws(() => new PacketPool(new ArrayBuffer(1 << 20), 10), /count/);
    assert.throws(() => new PacketPool(new ArrayBuffer(1 << 20), 64, 100), /bufSize/);
    assert.throws(() => new PacketPool(new ArrayBuffer(1024), 64, 2048), /needs/);
});
test('allocBurst hands out fresh distinct buffers across cache refills, short only when the pool is dry', () => {
    const p = pool(1024);
    const out = new Uint32Array(1000);
    const used = p.alloc(); // dirty one buffer's metadata, free it, and expect it fresh again
    p.len[used] = 77;
    p.off[used] = 3;
    p.flags[used] = 5;
    p.free(used);
    assert.equal(p.allocBurst(out, 1000), 1000);
    const seen = new Set(out);
    assert.equal(seen.size, 1000);
    for (const h of out) {
        assert.ok(h < 1024);
        assert.equal(p.len[h], 0);
        assert.equal(p.off[h], HEADROOM);
        assert.equal(p.flags[h], 0);
    }
    assert.equal(p.allocBurst(out.subarray(1000 - 100), 100), 24, 'only 24 left');
    assert.equal(p.audit().allocFail, 1);
    assert.equal(p.allocBurst(out, 1), 0);
    assert.equal(p.audit().allocFail, 2);
    assert.equal(p.audit().inUse, 1024);
});
test('freeBurst returns buffers (spilling past the cache) and counts bad and double frees', () => {
    const p = pool(2048);
    const hs = new Uint32Array(1500);
    assert.equal(p.allocBurst(hs, 1500), 1500);
    p.freeBurst(hs, 1500);
    assert.equal(p.audit().inUse, 0);
    p.freeBurst(hs, 2); // already free
    p.freeBurst(Uint32Array.of(5000, 0xffffffff), 2);
    const a = p.audit();
    assert.equal(a.doubleFree, 2);
    assert.equal(a.badFree, 2);
    assert.equal(a.inUse, 0);
    const again = new Uint32Array(2048);
    assert.equal(p.allocBurst(again, 2048), 2048);
    assert.equal(new Set(again).size, 2048, 'no handle is handed out twice');
});
test('freeBurst with a handle repeated inside one group of four frees it once and counts the double free', () => {
    const p = pool(64);
    const hs = new Uint32Array(8);
    assert.equal(p.allocBurst(hs, 3), 3);
    const burst = Uint32Array.of(hs[0], hs[1], hs[0], hs[2], hs[1], 4000, hs[2], hs[0]);
    p.freeBurst(burst, 8);
    const a = p.audit();
    assert.equal(a.inUse, 0);
    assert.equal(a.doubleFree, 4);
    assert.equal(a.badFree, 1);
    const again = new Uint32Array(64);
    assert.equal(p.allocBurst(again, 64), 64);
    assert.equal(new Set(again).size, 64, 'no handle is handed out twice');
});
test('a cache filled to the brim by freeBurst then topped by free() loses and duplicates nothing', () => {
    // Regression: freeBurst's four-at-a-time loop could leave the cache exactly full, and free()
    // then wrote past its end and spilled a slot that read as handle 0 (CI: a ring "reordered").
    const p = pool(2048);
    const hs = new Uint32Array(2048);
    assert.equal(p.allocBurst(hs, 2048), 2048);
    p.freeBurst(hs, 512); // cache now exactly full
    p.free(hs[512]);
    p.freeBurst(hs.subarray(513), 4);
    p.freeBurst(hs.subarray(517), 2048 - 517);
    assert.equal(p.audit().inUse, 0);
    assert.equal(p.audit().doubleFree, 0);
    const again = new Uint32Array(2048);
    assert.equal(p.allocBurst(again, 2048), 2048);
    assert.equal(new Set(again).size, 2048, 'no handle is handed out twice');
});
test('any interleaving of alloc, allocBurst, free and freeBurst keeps every handle exactly once', () => {
    const op = fc.oneof(fc.record({ kind: fc.constant('alloc'), n: fc.integer({ min: 1, max: 300 }) }), fc.record({ kind: fc.constant('allocBurst'), n: fc.integer({ min: 1, max: 300 }) }), fc.record({ kind: fc.constant('free'), n: fc.integer({ min: 1, max: 300 }) }), fc.record({ kind: fc.constant('freeBurst'), n: fc.oneof(fc.integer({ min: 1, max: 300 }), fc.constantFrom(4, 32, 128, 256)) }));
    fc.assert(fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const p = pool(1024);
        const held = [];
        const buf = new Uint32Array(300);
        for (const o of ops) {
            if (o.kind === 'alloc')
                for (let i = 0; i < o.n; i++) {
                    const h = p.alloc();
                    if (h >= 0)
                        held.push(h);
                }
            else if (o.kind === 'allocBurst') {
                const got = p.allocBurst(buf, o.n);
                for (let i = 0; i < got; i++)
                    held.push(buf[i]);
            }
            else if (o.kind === 'free')
                for (let i = 0; i < o.n && held.length > 0; i++)
                    p.free(held.pop());
            else {
                const k = Math.min(o.n, held.length);
                for (let i = 0; i < k; i++)
                    buf[i] = held.pop();
                p.freeBurst(buf, k);
            }
            assert.equal(new Set(held).size, held.length, 'a handle is held twice');
            assert.equal(p.audit().inUse, held.length);
        }
        for (const h of held)
            p.free(h);
        const all = new Uint32Array(1024);
        assert.equal(p.allocBurst(all, 1024), 1024);
        assert.equal(new Set(all).size, 1024);
        assert.equal(p.audit().doubleFree, 0);
    }), { numRuns: 300 });
});
//# sourceMappingURL=packet.test.js.map
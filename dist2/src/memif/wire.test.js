/**
 * memif wire codec: byte layout against the DPDK/libmemif packed structs, round trips,
 * every validator's negative case, and random bytes (fast-check) → a message or a typed error.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeMsg, encodeMsg, MemifError, MSG_SIZE, MEMIF_VERSION, ringBytes } from './wire.js';
import { ServerControl, ClientControl } from './control.js';
const msgs = [
    { type: 'ack' },
    { type: 'hello', name: 'DPDK 22.11.11', minVersion: 0x200, maxVersion: 0x200, maxRegion: 255, maxS2cRing: 254, maxC2sRing: 253, maxLog2RingSize: 14 },
    { type: 'init', version: 0x200, id: 0xdeadbeef, mode: 0, secret: 'abcdefghijklmnopqrstuvwx', name: 'sluice' },
    { type: 'add-region', index: 3, size: 2 ** 33 + 5 },
    { type: 'add-ring', flags: 1, index: 7, region: 2, offset: 0x12345678, log2RingSize: 10, privateHdrSize: 0 },
    { type: 'connect', ifName: 'net_memif0' },
    { type: 'connected', ifName: 'p0' },
    { type: 'disconnect', code: 5, reason: 'Incorrect secret' },
];
test('wire: round trip of every message type', () => {
    for (const m of msgs)
        assert.deepEqual(decodeMsg(encodeMsg(m), MSG_SIZE), m);
});
test('wire: byte offsets match the packed C structs', () => {
    const h = encodeMsg(msgs[1]);
    const v = new DataView(h.buffer);
    assert.equal(v.getUint16(0, true), 2);
    assert.equal(String.fromCharCode(...h.subarray(2, 6)), 'DPDK');
    assert.deepEqual([v.getUint16(34, true), v.getUint16(38, true), v.getUint16(40, true), v.getUint16(42, true), h[44]], [0x200, 255, 254, 253, 14]);
    const i = new DataView(encodeMsg(msgs[2]).buffer);
    assert.deepEqual([i.getUint16(0, true), i.getUint16(2, true), i.getUint32(4, true), i.getUint8(8), i.getUint8(9), i.getUint8(32), i.getUint8(33)], [3, 0x200, 0xdeadbeef, 0, 97, 120, 115]);
    const r = new DataView(encodeMsg(msgs[4]).buffer);
    assert.deepEqual([r.getUint16(2, true), r.getUint16(4, true), r.getUint16(6, true), r.getUint32(8, true), r.getUint8(12)], [1, 7, 2, 0x12345678, 10]);
    const g = new DataView(encodeMsg(msgs[3]).buffer);
    assert.deepEqual([g.getUint16(2, true), g.getUint32(4, true), g.getUint32(8, true)], [3, 5, 2]);
    assert.equal(new DataView(encodeMsg(msgs[7]).buffer).getUint32(2, true), 5);
    assert.equal(ringBytes(10), 128 + 16 * 1024);
});
function bad(mut, base, re, len = MSG_SIZE) {
    const b = encodeMsg(base);
    mut(new DataView(b.buffer), b);
    assert.throws(() => decodeMsg(b, len), (e) => e instanceof MemifError && e.kind === 'InvalidMessage' && re.test(e.message));
}
test('wire: validators reject malformed messages naming the field', () => {
    bad(() => { }, msgs[0], /127 bytes/, 127);
    bad(() => { }, msgs[0], /0 bytes/, 0);
    bad((v) => v.setUint16(0, 9, true), msgs[0], /unknown message type 9/);
    bad((v) => v.setUint16(0, 0, true), msgs[0], /unknown message type 0/);
    bad((v) => v.setUint16(34, 0x300, true), msgs[1], /min_version/);
    bad((v) => v.setUint8(44, 0), msgs[1], /max_log2_ring_size is 0/);
    bad((v) => v.setUint32(8, 256, true), msgs[3], /ADD_REGION size .* too large/);
    bad((v) => { v.setUint32(4, 0, true); v.setUint32(8, 0, true); }, msgs[3], /ADD_REGION size is 0/);
    bad((v) => v.setUint16(2, 6, true), msgs[4], /unknown flags 0x6/);
    bad((v) => v.setUint8(12, 15), msgs[4], /log2_ring_size 15/);
    bad((v) => v.setUint16(13, 64, true), msgs[4], /private_hdr_size 64/);
});
test('wire: random bytes decode to a message or a typed error (fuzz)', () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 0, maxLength: 130 }), fc.integer({ min: 0, max: 8 }), (bytes, t) => {
        const b = new Uint8Array(Math.max(bytes.length, 2));
        b.set(bytes);
        if (bytes.length >= 2)
            b[0] = t, b[1] = 0;
        try {
            const m = decodeMsg(b, bytes.length);
            assert.ok(typeof m.type === 'string');
        }
        catch (e) {
            assert.ok(e instanceof MemifError, String(e));
        }
        // The state machines also only ever throw MemifError on any decoded message.
        try {
            const m = decodeMsg(b, bytes.length);
            for (const c of [new ServerControl({ id: 0, secret: '', queues: 1, name: 's', ifName: 's' }), new ClientControl({ id: 0, secret: '', queues: 1, log2RingSize: 10, bufferSize: 2048, name: 'c', ifName: 'c' })]) {
                try {
                    c.receive(m, 0);
                }
                catch (e) {
                    assert.ok(e instanceof MemifError, String(e));
                }
            }
        }
        catch (e) {
            assert.ok(e instanceof MemifError);
        }
    }), { numRuns: 3000 });
});
test('control: server accepts the DPDK sequence and rejects duplicates and gaps', () => {
    const s = new ServerControl({ id: 1, secret: 'k', queues: 2, name: 's', ifName: 's' });
    assert.equal(s.hello().maxC2sRing, 1);
    assert.throws(() => s.receive({ type: 'init', version: MEMIF_VERSION, id: 1, mode: 0, secret: '', name: 'c' }, 0), /Secret required/);
    const t = new ServerControl({ id: 1, secret: 'k', queues: 2, name: 's', ifName: 's' });
    assert.equal(t.receive({ type: 'init', version: MEMIF_VERSION, id: 1, mode: 0, secret: 'k', name: 'c' }, 0).reply?.type, 'ack');
    assert.equal(t.receive({ type: 'add-region', index: 0, size: 1 << 20 }, 1).keepFd, true);
    const ring = (flags, index) => ({ type: 'add-ring', flags, index, region: 0, offset: index * 4096, log2RingSize: 8, privateHdrSize: 0 });
    t.receive(ring(1, 0), 1);
    assert.throws(() => t.receive(ring(1, 0), 1), /announced twice/);
    const u = new ServerControl({ id: 1, secret: '', queues: 2, name: 's', ifName: 's' });
    u.receive({ type: 'init', version: MEMIF_VERSION, id: 1, mode: 0, secret: '', name: 'c' }, 0);
    u.receive({ type: 'add-region', index: 0, size: 1 << 20 }, 1);
    u.receive(ring(1, 1), 1);
    u.receive(ring(0, 0), 1);
    assert.throws(() => u.receive({ type: 'connect', ifName: 'x' }, 0), /C2S ring 0 missing/);
    assert.throws(() => u.receive({ type: 'add-ring', flags: 1, index: 0, region: 0, offset: 2, log2RingSize: 4, privateHdrSize: 0 }, 1), /not 4-byte aligned/);
    assert.throws(() => u.receive({ type: 'disconnect', code: 0, reason: 'bye' }, 0), (e) => e instanceof MemifError && e.kind === 'PeerDisconnect');
});
test('control: client negotiates down to the server maxima and sends lockstep', () => {
    const c = new ClientControl({ id: 0, secret: '', queues: 4, log2RingSize: 12, bufferSize: 2048, name: 'c', ifName: 'c' });
    c.receive({ type: 'hello', name: 'srv', minVersion: 0x200, maxVersion: 0x201, maxRegion: 0, maxS2cRing: 0, maxC2sRing: 1, maxLog2RingSize: 10 }, 0);
    assert.deepEqual(c.negotiated, { numC2s: 2, numS2c: 1, log2RingSize: 10, bufferSize: 2048, remoteName: 'srv' });
    const first = c.plan([10], [4096], [{ offset: 0, fd: 11 }, { offset: 100, fd: 12 }], [{ offset: 200, fd: 13 }]);
    assert.equal(first.reply?.type, 'init');
    const seq = [first.reply.type];
    for (let i = 0; i < 5; i++) {
        const s = c.receive({ type: 'ack' }, 0);
        seq.push(`${s.reply.type}:${s.sendFd}`);
    }
    assert.deepEqual(seq, ['init', 'add-region:10', 'add-ring:11', 'add-ring:12', 'add-ring:13', 'connect:-1']);
    assert.throws(() => c.receive({ type: 'ack' }, 0), /ACK after CONNECT/);
});
//# sourceMappingURL=wire.test.js.map
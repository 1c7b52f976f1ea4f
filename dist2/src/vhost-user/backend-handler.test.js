import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { BackendHandler } from './backend-handler.js';
import { HEADER_SIZE, VHOST_USER_NEED_REPLY, VHOST_USER_REPLY, VhostUserError, decodeHeader, encodeMemTable, encodeU64, encodeVringAddr, encodeVringState, } from './message.js';
class FakeDevice {
    numRings = 4;
    calls = [];
    fds = [];
    features = 0n;
    getFeatures() { return (1n << 32n) | (1n << 30n) | (1n << 15n); }
    getProtocolFeatures() { return 9n; }
    setFeatures(f) { this.features = f; this.calls.push(`features ${f}`); }
    setProtocolFeatures(f) { this.calls.push(`protocol ${f}`); }
    setOwner() { this.calls.push('owner'); }
    resetOwner() { this.calls.push('reset'); }
    setMemTable(r, fds) { this.fds.push(...fds); this.calls.push(`mem ${r.length}`); }
    setVringNum(i, n) { this.calls.push(`num ${i} ${n}`); }
    setVringAddr(a) { this.calls.push(`addr ${a.index}`); }
    setVringBase(i, b) { this.calls.push(`base ${i} ${b}`); }
    getVringBase(i) { return 40 + i; }
    setVringKick(i, fd) { this.fds.push(fd); this.calls.push(`kick ${i} ${fd}`); }
    setVringCall(i, fd) { this.calls.push(`call ${i} ${fd}`); }
    setVringErr(i, fd) { this.calls.push(`err ${i} ${fd}`); }
    setVringEnable(i, e) { this.calls.push(`enable ${i} ${e}`); }
    setStatus(s) { this.calls.push(`status ${s}`); }
    getStatus() { return 15; }
    queueNum() { return 2; }
}
function setup() {
    const dev = new FakeDevice();
    const closed = [];
    const logs = [];
    const h = new BackendHandler(dev, (fd) => closed.push(fd), (m) => logs.push(m));
    const send = (request, payload = new Uint8Array(0), fds = [], flags = 1) => h.handle({ request, flags, size: payload.length }, payload, fds);
    return { dev, h, closed, logs, send };
}
const u64 = (reply) => new DataView(reply.buffer, reply.byteOffset + HEADER_SIZE).getBigUint64(0, true);
test('GET_FEATURES / GET_QUEUE_NUM / GET_VRING_BASE replies carry REPLY flag and values', () => {
    const { send } = setup();
    const r = send(1 /* FrontendReq.GET_FEATURES */);
    assert.equal(decodeHeader(r).flags, 1 | VHOST_USER_REPLY);
    assert.equal(u64(r), (1n << 32n) | (1n << 30n) | (1n << 15n));
    assert.equal(u64(send(17 /* FrontendReq.GET_QUEUE_NUM */)), 2n);
    const vb = send(11 /* FrontendReq.GET_VRING_BASE */, encodeVringState(1, 0));
    assert.deepEqual([...vb.subarray(HEADER_SIZE)], [...encodeVringState(1, 41)]);
});
test('REPLY_ACK: ack only when negotiated and requested; nack on failure', () => {
    const { send, h } = setup();
    assert.equal(send(3 /* FrontendReq.SET_OWNER */, undefined, [], 1 | VHOST_USER_NEED_REPLY), null, 'not negotiated yet');
    send(16 /* FrontendReq.SET_PROTOCOL_FEATURES */, encodeU64(8n));
    assert.equal(h.protocolFeatures, 8n);
    assert.equal(u64(send(3 /* FrontendReq.SET_OWNER */, undefined, [], 1 | VHOST_USER_NEED_REPLY)), 0n);
    assert.equal(send(3 /* FrontendReq.SET_OWNER */), null, 'no NEED_REPLY');
    assert.equal(u64(send(8 /* FrontendReq.SET_VRING_NUM */, encodeVringState(9, 256), [], 1 | VHOST_USER_NEED_REPLY)), 1n);
});
test('SET_FEATURES rejects bits that were not offered', () => {
    const { send, dev, logs } = setup();
    send(2 /* FrontendReq.SET_FEATURES */, encodeU64(1n << 5n));
    assert.equal(dev.features, 0n);
    assert.match(logs[0], /SET_FEATURES: bits 0x20 were not offered/);
    send(2 /* FrontendReq.SET_FEATURES */, encodeU64(1n << 32n));
    assert.equal(dev.features, 1n << 32n);
});
test('fds: a rejected message has its fds closed; accepted ones are handed over', () => {
    const { send, closed, dev } = setup();
    send(12 /* FrontendReq.SET_VRING_KICK */, encodeU64(9), [77]); // ring 9 does not exist
    assert.deepEqual(closed, [77]);
    send(3 /* FrontendReq.SET_OWNER */, new Uint8Array(0), [78]); // fds on a request taking none
    assert.deepEqual(closed, [77, 78]);
    send(12 /* FrontendReq.SET_VRING_KICK */, encodeU64(1), [79]);
    assert.deepEqual(dev.fds, [79]);
    send(12 /* FrontendReq.SET_VRING_KICK */, encodeU64(0x101), []);
    assert.deepEqual(dev.fds, [79, -1]);
    const mt = encodeMemTable([{ gpa: 0, size: 4096, frontendVa: 0, mmapOffset: 0 }]);
    send(5 /* FrontendReq.SET_MEM_TABLE */, mt, [80, 81]); // 2 fds for 1 region
    assert.deepEqual(closed, [77, 78, 80, 81]);
    send(5 /* FrontendReq.SET_MEM_TABLE */, mt, [82]);
    assert.deepEqual(dev.fds, [79, -1, 82]);
});
test('framing errors are rethrown for a disconnect', () => {
    const { h } = setup();
    assert.throws(() => h.handle({ request: 2, flags: 1, size: 8 }, new Uint8Array(4), []), (e) => e instanceof VhostUserError && e.kind === 'PartialMessage');
    assert.throws(() => h.handle({ request: 2, flags: 1 | VHOST_USER_REPLY, size: 0 }, new Uint8Array(0), []), /REPLY flag/);
    assert.throws(() => h.handle({ request: 1 /* FrontendReq.GET_FEATURES */, flags: 1, size: 3 }, new Uint8Array(3), []), /payload is 3 bytes/);
    assert.throws(() => h.handle({ request: 11 /* FrontendReq.GET_VRING_BASE */, flags: 1, size: 8 }, encodeVringState(9, 0), []), /cannot answer/);
});
test('unsupported requests are logged and nacked', () => {
    const { send, logs } = setup();
    send(16 /* FrontendReq.SET_PROTOCOL_FEATURES */, encodeU64(8n));
    assert.equal(u64(send(23 /* FrontendReq.SET_VRING_ENDIAN */, encodeVringState(0, 0), [], 1 | VHOST_USER_NEED_REPLY)), 1n);
    assert.match(logs.at(-1), /not supported/);
});
test('SET_VRING_BASE / SET_VRING_ENABLE / SET_STATUS field checks', () => {
    const { send, dev, logs } = setup();
    send(10 /* FrontendReq.SET_VRING_BASE */, encodeVringState(0, 70000));
    assert.match(logs.at(-1), /SET_VRING_BASE.num: 70000/);
    send(18 /* FrontendReq.SET_VRING_ENABLE */, encodeVringState(0, 2));
    assert.match(logs.at(-1), /SET_VRING_ENABLE.num/);
    send(39 /* FrontendReq.SET_STATUS */, encodeU64(0x100));
    assert.match(logs.at(-1), /SET_STATUS/);
    send(9 /* FrontendReq.SET_VRING_ADDR */, encodeVringAddr({ index: 3, flags: 0, descVa: 0, usedVa: 0, availVa: 0 }));
    assert.equal(dev.calls.at(-1), 'addr 3');
});
test('property: random messages never escape as untyped errors and never leak fds', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 45 }), fc.integer({ min: 0, max: 15 }), fc.uint8Array({ maxLength: 80 }), fc.array(fc.integer({ min: 100, max: 200 }), { maxLength: 3 }), (request, flags, payload, fds) => {
        const { h, closed, dev } = setup();
        try {
            h.handle({ request, flags, size: payload.length }, payload, fds);
        }
        catch (e) {
            assert.ok(e instanceof VhostUserError, String(e));
        }
        for (const fd of fds)
            assert.ok(closed.includes(fd) || dev.fds.includes(fd), `fd ${fd} leaked`);
    }), { numRuns: 2000 });
});
//# sourceMappingURL=backend-handler.test.js.map
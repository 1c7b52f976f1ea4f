import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { HEADER_SIZE, VhostUserError, checkFds, decodeHeader, decodeMemTable, decodeU64, decodeVringAddr, decodeVringFd, decodeVringState, encodeMemTable, encodeMessage, encodeU64, encodeVringAddr, encodeVringState, VHOST_USER_NEED_REPLY, } from './message.js';
const kind = (k) => (e) => e instanceof VhostUserError && e.kind === k;
test('header round trip', () => {
    const m = encodeMessage(2 /* FrontendReq.SET_FEATURES */, VHOST_USER_NEED_REPLY, encodeU64(5n));
    assert.equal(m.length, HEADER_SIZE + 8);
    assert.deepEqual(decodeHeader(m), { request: 2, flags: 1 | VHOST_USER_NEED_REPLY, size: 8 });
    assert.equal(decodeU64(m.subarray(HEADER_SIZE), 'x'), 5n);
});
test('header validators', () => {
    const h = (req, flags, size) => {
        const b = new Uint8Array(12);
        const dv = new DataView(b.buffer);
        dv.setUint32(0, req, true);
        dv.setUint32(4, flags, true);
        dv.setUint32(8, size, true);
        return b;
    };
    assert.throws(() => decodeHeader(h(1, 0, 0)), kind('InvalidMessage'));
    assert.throws(() => decodeHeader(h(1, 2, 0)), /version 2/);
    assert.throws(() => decodeHeader(h(1, 1 | 0x100, 0)), /unknown bits/);
    assert.throws(() => decodeHeader(h(1, 1, 100000)), kind('OversizedMsg'));
    assert.throws(() => decodeHeader(new Uint8Array(5)), kind('PartialMessage'));
});
test('vring state/addr round trip and validators', () => {
    assert.deepEqual(decodeVringState(encodeVringState(3, 256), 'x'), { index: 3, num: 256 });
    assert.throws(() => decodeVringState(new Uint8Array(4), 'SET_VRING_NUM'), /SET_VRING_NUM: payload is 4 bytes/);
    const a = { index: 1, flags: 0, descVa: 0x7f0000001000, usedVa: 0x7f0000003000, availVa: 0x7f0000002000 };
    assert.deepEqual(decodeVringAddr(encodeVringAddr(a)), { ...a, logGpa: 0n });
    const bad = encodeVringAddr(a);
    new DataView(bad.buffer).setBigUint64(16, 1n << 60n, true);
    assert.throws(() => decodeVringAddr(bad), /used_user_addr/);
    assert.throws(() => decodeVringAddr(new Uint8Array(39)), kind('InvalidMessage'));
});
test('memory table round trip and validators', () => {
    const regions = [{ gpa: 0, size: 0x10000000, frontendVa: 0x7f0000000000, mmapOffset: 0 }];
    assert.deepEqual(decodeMemTable(encodeMemTable(regions)), regions);
    assert.throws(() => decodeMemTable(encodeMemTable([])), /nregions: 0/);
    const nine = Array.from({ length: 9 }, (_, i) => ({ gpa: i << 20, size: 1 << 20, frontendVa: i << 20, mmapOffset: 0 }));
    assert.throws(() => decodeMemTable(encodeMemTable(nine)), /nregions: 9/);
    const short = encodeMemTable(regions).subarray(0, 30);
    assert.throws(() => decodeMemTable(short), /30 bytes for 1 regions/);
    const zero = encodeMemTable([{ ...regions[0], size: 0 }]);
    assert.throws(() => decodeMemTable(zero), /memory_size: 0/);
    const huge = encodeMemTable([{ ...regions[0], gpa: 2 ** 53 - 4096 }]);
    assert.throws(() => decodeMemTable(huge), /overflows/);
    const big = encodeMemTable(regions);
    new DataView(big.buffer).setBigUint64(8 + 16, 1n << 63n, true);
    assert.throws(() => decodeMemTable(big), /regions\[0\].userspace_addr/);
    // padded to 8 regions (some frontends do this)
    const padded = new Uint8Array(8 + 32 * 8);
    padded.set(encodeMemTable(regions));
    assert.equal(decodeMemTable(padded).length, 1);
});
test('vring fd payload and fd rules', () => {
    assert.deepEqual(decodeVringFd(encodeU64(0x101), 'k'), { index: 1, noFd: true });
    assert.deepEqual(decodeVringFd(encodeU64(3), 'k'), { index: 3, noFd: false });
    assert.throws(() => decodeVringFd(encodeU64(0x201), 'SET_VRING_KICK'), /unknown bits/);
    checkFds(12 /* FrontendReq.SET_VRING_KICK */, encodeU64(0), 1);
    checkFds(12 /* FrontendReq.SET_VRING_KICK */, encodeU64(0x100), 0);
    assert.throws(() => checkFds(12 /* FrontendReq.SET_VRING_KICK */, encodeU64(0), 0), kind('IncorrectFds'));
    assert.throws(() => checkFds(13 /* FrontendReq.SET_VRING_CALL */, encodeU64(0x100), 1), kind('IncorrectFds'));
    assert.throws(() => checkFds(1 /* FrontendReq.GET_FEATURES */, new Uint8Array(0), 1), kind('IncorrectFds'));
    const mt = encodeMemTable([{ gpa: 0, size: 4096, frontendVa: 0, mmapOffset: 0 }, { gpa: 8192, size: 4096, frontendVa: 8192, mmapOffset: 0 }]);
    checkFds(5 /* FrontendReq.SET_MEM_TABLE */, mt, 2);
    assert.throws(() => checkFds(5 /* FrontendReq.SET_MEM_TABLE */, mt, 1), /1 fds attached, expected 2/);
});
test('property: random bytes into the decoders yield a typed error or a valid value', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (b) => {
        const decoders = [
            () => decodeHeader(b),
            () => decodeMemTable(b),
            () => decodeVringAddr(b),
            () => decodeVringState(b, 'x'),
            () => decodeVringFd(b, 'x'),
            () => decodeU64(b, 'x'),
        ];
        for (const d of decoders) {
            try {
                const v = d();
                assert.ok(v !== undefined);
            }
            catch (e) {
                assert.ok(e instanceof VhostUserError, `untyped error ${String(e)}`);
            }
        }
    }), { numRuns: 2000 });
});
//# sourceMappingURL=message.test.js.map
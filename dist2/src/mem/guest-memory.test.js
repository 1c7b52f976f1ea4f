import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GuestMemory, GuestMemoryError, addr64, MAX_REGIONS } from './guest-memory.js';
function mem2() {
    const a = new ArrayBuffer(0x2000);
    const b = new ArrayBuffer(0x3000);
    return new GuestMemory([
        { gpa: 0, size: 0x1000, frontendVa: 0x7000_0000, buffer: a, bufferOffset: 0x1000 },
        { gpa: 0x10000, size: 0x3000, frontendVa: 0x8000_0000, buffer: b, bufferOffset: 0 },
    ]);
}
test('translate: whole range inside a region, offset left in regionOff', () => {
    const m = mem2();
    assert.equal(m.translate(0x10, 16), 0);
    assert.equal(m.regionOff, 0x10);
    assert.equal(m.translate(0x10000 + 0x2ff0, 16), 1);
    assert.equal(m.regionOff, 0x2ff0);
    assert.equal(m.translate(0xff0, 16), 0); // ends exactly at region end
});
test('translate: rejects ranges crossing a region end, gaps and huge lengths', () => {
    const m = mem2();
    assert.equal(m.translate(0xff0, 17), -1);
    assert.equal(m.translate(0x1000, 1), -1); // gap
    assert.equal(m.translate(0x10000 + 0x2fff, 2), -1);
    assert.equal(m.translate(0x10000, 0xffffffff), -1);
    assert.equal(m.translate(0x13000, 0), -1); // one past the end, zero length
    assert.equal(m.translate(-1, 1), -1);
});
test('translateVa and vaToGpa', () => {
    const m = mem2();
    assert.equal(m.translateVa(0x8000_0100, 8), 1);
    assert.equal(m.regionOff, 0x100);
    assert.equal(m.vaToGpa(0x8000_0100, 8), 0x10100);
    assert.equal(m.vaToGpa(0x7000_0ff9, 8), -1);
});
test('region views honour bufferOffset', () => {
    const a = new ArrayBuffer(0x2000);
    const m = new GuestMemory([{ gpa: 0x4000, size: 0x1000, frontendVa: 0, buffer: a, bufferOffset: 0x1000 }]);
    new Uint8Array(a)[0x1005] = 0xab;
    assert.equal(m.translate(0x4005, 1), 0);
    assert.equal(m.u8[0][m.regionOff], 0xab);
    const v = m.view(Uint32Array, 0x4004, 8);
    assert.ok(v);
    assert.equal(v.byteOffset, 0x1004);
    assert.equal(m.view(Uint32Array, 0x4002, 8), null, 'misaligned u32 view');
    assert.equal(m.view(Uint8Array, 0x4ff0, 32), null, 'past the end');
});
test('constructor rejects bad tables, naming the field', () => {
    const a = new ArrayBuffer(0x1000);
    const r = (o) => ({ gpa: 0, size: 0x1000, frontendVa: 0, buffer: a, bufferOffset: 0, ...o });
    assert.throws(() => new GuestMemory([r({ size: 0 })]), /size is 0/);
    assert.throws(() => new GuestMemory([r({ gpa: -5 })]), /gpa/);
    assert.throws(() => new GuestMemory([r({ gpa: 1.5 })]), /gpa/);
    assert.throws(() => new GuestMemory([r({ gpa: 2 ** 53 - 10 })]), /exceeds 2\^53/);
    assert.throws(() => new GuestMemory([r({ frontendVa: 2 ** 53 - 10 })]), /frontendVa \+ size/);
    assert.throws(() => new GuestMemory([r({ bufferOffset: 8 })]), /exceeds the mapping/);
    assert.throws(() => new GuestMemory([r({}), r({ gpa: 0x800, frontendVa: 0x10000 })]), /overlap in guest-physical/);
    assert.throws(() => new GuestMemory([r({}), r({ gpa: 0x10000, frontendVa: 0x800 })]), /overlap in frontend/);
    const many = Array.from({ length: MAX_REGIONS + 1 }, (_, i) => r({ gpa: i * 0x1000, frontendVa: i * 0x1000 }));
    assert.throws(() => new GuestMemory(many), GuestMemoryError);
});
test('addr64 combines halves and refuses ≥ 2^53', () => {
    assert.equal(addr64(0x1234, 0), 0x1234);
    assert.equal(addr64(0xffffffff, 1), 2 ** 33 - 1);
    assert.equal(addr64(0, 0x1fffff), 0x1fffff * 2 ** 32);
    assert.equal(addr64(0, 0x200000), -1);
    assert.equal(addr64(0, 0xffffffff), -1);
});
test('empty table translates nothing', () => {
    const m = new GuestMemory([]);
    assert.equal(m.translate(0, 1), -1);
    assert.equal(m.translateVa(0, 1), -1);
});
test('translateHalves agrees with translate (cache hits, misses, 4 GiB windows, huge addresses)', () => {
    // Region 0 crosses the 4 GiB line, region 1 sits just below 2^53's hi limit, region 2 is low.
    const big = new ArrayBuffer(0x4000);
    const m = new GuestMemory([
        { gpa: 2 ** 32 - 0x1000, size: 0x2000, frontendVa: 0, buffer: big, bufferOffset: 0 },
        { gpa: 0x1fffff * 2 ** 32 + 0xfffff000, size: 0x1000, frontendVa: 0x10000, buffer: big, bufferOffset: 0x2000 },
        { gpa: 0x100, size: 0x800, frontendVa: 0x20000, buffer: big, bufferOffset: 0x3000 },
    ]);
    const his = [0, 1, 0x1fffff, 0x200000, 0xffffffff];
    const los = [0, 0xff, 0x100, 0x101, 0x8ff, 0x900, 0xffffefff, 0xfffff000, 0xfffffff0, 0xffffffff, 0x1, 0xfff, 0x1000, 0xff8];
    const lens = [0, 1, 8, 16, 0x800, 0x1000, 0x2000, 0xffffffff];
    let checked = 0;
    for (let round = 0; round < 2; round++) { // the second round runs with a warm cache
        for (const hi of his)
            for (const lo of los)
                for (const len of lens) {
                    const gpa = addr64(lo, hi);
                    const want = gpa < 0 ? -1 : m.translate(gpa, len);
                    const wantOff = m.regionOff;
                    const got = m.translateHalves(lo, hi, len);
                    assert.equal(got, want, `lo=0x${lo.toString(16)} hi=0x${hi.toString(16)} len=0x${len.toString(16)}`);
                    if (got >= 0)
                        assert.equal(m.regionOff, wantOff, `regionOff for lo=0x${lo.toString(16)} hi=0x${hi.toString(16)}`);
                    checked++;
                }
    }
    assert.equal(checked, 2 * his.length * los.length * lens.length);
    // A range crossing the 4 GiB line inside region 0 is accepted (slow path, never cached wrong).
    assert.equal(m.translateHalves(0xfffffff0, 0, 0x20), 0);
    assert.equal(m.regionOff, 0xff0);
    assert.equal(m.translateHalves(0x10, 1, 0x10), 0); // hi window of region 0
    assert.equal(m.regionOff, 0x1010);
    assert.equal(m.translateHalves(0x1000, 1, 1), -1, 'one past region 0');
});
//# sourceMappingURL=guest-memory.test.js.map
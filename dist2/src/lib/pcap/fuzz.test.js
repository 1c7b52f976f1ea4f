/**
 * Property tests (fast-check): random bytes and random mutations of valid pcap / pcapng files
 * either read to a clean end or throw PcapError — never another exception, never an endless
 * loop (each packet consumes ≥ 16 bytes, so more than length/12 + 2 reads means a loop bug).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PcapReader } from './pcap-reader.js';
import { PcapngReader } from './pcapng-reader.js';
import { PcapError } from './pcap-error.js';
import { validateBuffer } from './validate.js';
import { block, buildPcap, concat, epbBody, idbBody, options, pattern, shbBody, u32, u64 } from './testkit.js';
const dst = new Uint8Array(300000);
/** Read everything; returns 'ok' or 'pcap-error'; throws anything else. */
function drain(data, ng) {
    try {
        const r = ng ? PcapngReader.fromBuffer('fuzz', data) : PcapReader.fromBuffer('fuzz', data);
        const bound = Math.floor(data.length / 12) + 2;
        for (let i = 0;; i++) {
            assert.ok(i <= bound, `more than ${bound} reads from ${data.length} bytes`);
            const n = r.next(dst, 0, dst.length);
            if (n < 0)
                break;
            assert.ok(n <= 262144);
        }
        r.rewind(); // rewinding a file that read cleanly must read cleanly again
        while (r.skip() >= 0)
            ;
        return 'ok';
    }
    catch (e) {
        if (e instanceof PcapError) {
            assert.ok(e.field.length > 0);
            return 'pcap-error';
        }
        throw e;
    }
}
const validPcap = buildPcap({
    snaplen: 2000,
    records: [{ data: pattern(60) }, { data: pattern(1500, 1), orig: 1600 }, { data: pattern(0) }, { data: pattern(64, 2) }],
});
const validPcapBe = buildPcap({ littleEndian: false, magic: 0xa1b23c4d, records: [{ data: pattern(61) }, { data: pattern(7, 1) }] });
const validNg = concat([
    block(0x0a0d0d0a, shbBody(true, 1, options([{ code: 4, value: new TextEncoder().encode('x') }]))),
    block(1, idbBody(true, 1, 0, options([{ code: 2, value: new TextEncoder().encode('p0') }, { code: 9, value: Uint8Array.of(9) }]))),
    block(6, epbBody(true, 0, 1, 2, pattern(61), 61, options([{ code: 2, value: u32(1) }, { code: 4, value: u64(5) }]))),
    block(3, concat([u32(30), pattern(30)])),
    block(5, concat([u32(0), u32(0), u32(0), options([{ code: 4, value: u64(1) }])])),
    block(6, epbBody(true, 0, 0, 0, pattern(100, 3))),
]);
const mutation = fc.array(fc.record({ pos: fc.nat(), val: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 8 });
function mutate(base, muts, cut) {
    const b = base.slice(0, base.length - (cut % (base.length + 1)));
    for (const m of muts)
        if (b.length > 0)
            b[m.pos % b.length] = m.val;
    return b;
}
test('valid seeds read cleanly', () => {
    assert.equal(drain(validPcap, false), 'ok');
    assert.equal(drain(validPcapBe, false), 'ok');
    assert.equal(drain(validNg, true), 'ok');
});
test('random bytes: only PcapError, always terminates', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 512 }), fc.boolean(), (bytes, ng) => {
        drain(bytes, ng);
        try {
            validateBuffer('fuzz', bytes);
        }
        catch (e) {
            if (!(e instanceof PcapError))
                throw e;
        }
    }), { numRuns: 1500 });
});
test('random bytes behind a valid pcap header: only PcapError', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 512 }), (tail) => {
        drain(concat([validPcap.subarray(0, 24), tail]), false);
    }), { numRuns: 1500 });
});
test('mutated and truncated pcap files: only PcapError', () => {
    fc.assert(fc.property(mutation, fc.nat(), fc.boolean(), (muts, cut, be) => {
        drain(mutate(be ? validPcapBe : validPcap, muts, cut), false);
    }), { numRuns: 3000 });
});
test('mutated and truncated pcapng files: only PcapError', () => {
    fc.assert(fc.property(mutation, fc.nat(), (muts, cut) => {
        drain(mutate(validNg, muts, cut), true);
    }), { numRuns: 3000 });
});
//# sourceMappingURL=fuzz.test.js.map
// Lpm4 against a naive reference (linear longest match over a rule list), edge depths,
// delete restoring covering rules, tbl8 group accounting and argument validation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Lpm4, LpmError, ipv4ToString } from './index.js';
const ip = (a, b, c, d) => ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
const maskOf = (d) => (d === 0 ? 0 : (0xffffffff << (32 - d)) >>> 0);
/** Naive model: rules keyed by "net/depth", longest match by linear scan. */
class RefLpm4 {
    rules = new Map();
    add(p, depth, nh) {
        const net = (p & maskOf(depth)) >>> 0;
        this.rules.set(`${net}/${depth}`, { net, depth, nh });
    }
    delete(p, depth) {
        return this.rules.delete(`${(p & maskOf(depth)) >>> 0}/${depth}`);
    }
    lookup(a) {
        let best = -1;
        let bestDepth = -1;
        for (const r of this.rules.values()) {
            if (r.depth > bestDepth && ((a & maskOf(r.depth)) >>> 0) === r.net) {
                best = r.nh;
                bestDepth = r.depth;
            }
        }
        return best;
    }
    /** Number of distinct /24s that hold a rule longer than /24. */
    groupsNeeded() {
        const s = new Set();
        for (const r of this.rules.values())
            if (r.depth > 24)
                s.add(r.net >>> 8);
        return s.size;
    }
}
function probesFor(ref, extra) {
    const out = [0, 0xffffffff, ...extra];
    for (const r of ref.rules.values()) {
        const last = (r.net | ~maskOf(r.depth)) >>> 0;
        out.push(r.net, last, (r.net - 1) >>> 0, (last + 1) >>> 0, (r.net + ((last - r.net) >>> 1)) >>> 0);
    }
    return out;
}
function assertSame(lpm, ref, probes, ctx) {
    const addrs = Uint32Array.from(probes);
    const bulk = new Int32Array(addrs.length);
    lpm.lookupBulk(addrs, addrs.length, bulk);
    for (let i = 0; i < addrs.length; i++) {
        const want = ref.lookup(addrs[i]);
        assert.equal(lpm.lookup(addrs[i]), want, `${ctx}: lookup ${ipv4ToString(addrs[i])}`);
        assert.equal(bulk[i], want, `${ctx}: lookupBulk ${ipv4ToString(addrs[i])}`);
        assert.equal(lpm.lookup(addrs[i] | 0), want, `${ctx}: int32 alias of ${ipv4ToString(addrs[i])}`);
    }
    assert.equal(lpm.size, ref.rules.size, `${ctx}: size`);
    assert.equal(lpm.tbl8GroupsUsed, ref.groupsNeeded(), `${ctx}: tbl8 groups in use`);
}
test('basic add and lookup, miss is -1', () => {
    const lpm = new Lpm4();
    assert.equal(lpm.lookup(ip(10, 1, 2, 3)), -1);
    lpm.add(ip(10, 0, 0, 0), 8, 7);
    assert.equal(lpm.lookup(ip(10, 1, 2, 3)), 7);
    assert.equal(lpm.lookup(ip(11, 0, 0, 0)), -1);
    assert.equal(lpm.lookup(ip(9, 255, 255, 255)), -1);
    assert.equal(lpm.size, 1);
});
test('edge depths 0, 1, 24, 25, 32 nest and resolve to the longest', () => {
    const lpm = new Lpm4();
    const ref = new RefLpm4();
    const routes = [
        [0, 0, 100],
        [ip(128, 0, 0, 0), 1, 101],
        [ip(192, 168, 1, 0), 24, 124],
        [ip(192, 168, 1, 128), 25, 125],
        [ip(192, 168, 1, 200), 32, 132],
        [0xffffffff, 32, 133],
        [0, 32, 134],
    ];
    for (const [p, d, nh] of routes) {
        lpm.add(p, d, nh);
        ref.add(p, d, nh);
    }
    assert.equal(lpm.lookup(ip(1, 2, 3, 4)), 100);
    assert.equal(lpm.lookup(ip(200, 0, 0, 1)), 101);
    assert.equal(lpm.lookup(ip(192, 168, 1, 1)), 124);
    assert.equal(lpm.lookup(ip(192, 168, 1, 129)), 125);
    assert.equal(lpm.lookup(ip(192, 168, 1, 200)), 132);
    assert.equal(lpm.lookup(ip(192, 168, 1, 201)), 125);
    assert.equal(lpm.lookup(0xffffffff), 133);
    assert.equal(lpm.lookup(0), 134);
    assertSame(lpm, ref, [ip(192, 168, 2, 0), ip(127, 255, 255, 255)], 'edges');
});
test('host bits of the prefix are ignored; re-adding replaces the next hop', () => {
    const lpm = new Lpm4();
    lpm.add(ip(10, 1, 2, 3), 8, 1);
    assert.equal(lpm.lookup(ip(10, 200, 0, 0)), 1);
    lpm.add(ip(10, 0, 0, 0), 8, 2);
    assert.equal(lpm.size, 1);
    assert.equal(lpm.lookup(ip(10, 200, 0, 0)), 2);
    lpm.add(ip(10, 0, 0, 1), 30, 3);
    lpm.add(ip(10, 0, 0, 2), 30, 4);
    assert.equal(lpm.size, 2);
    assert.equal(lpm.lookup(ip(10, 0, 0, 3)), 4);
    assert.deepEqual(lpm.dump().map((r) => `${r.prefix}/${r.depth}>${r.nextHop}`), ['10.0.0.0/8>2', '10.0.0.0/30>4']);
});
test('delete restores the covering route at every level, in any order', () => {
    const chain = [
        [0, 0, 1],
        [ip(10, 0, 0, 0), 8, 2],
        [ip(10, 1, 0, 0), 16, 3],
        [ip(10, 1, 2, 0), 24, 4],
        [ip(10, 1, 2, 128), 25, 5],
        [ip(10, 1, 2, 192), 26, 6],
        [ip(10, 1, 2, 200), 32, 7],
    ];
    const probe = [ip(10, 1, 2, 200), ip(10, 1, 2, 201), ip(10, 1, 2, 130), ip(10, 1, 2, 5), ip(10, 1, 9, 9), ip(10, 9, 9, 9), ip(11, 0, 0, 0)];
    // Every permutation would be 5040 tables; deleting forwards, backwards and middle-out covers the cases.
    const orders = [[0, 1, 2, 3, 4, 5, 6], [6, 5, 4, 3, 2, 1, 0], [3, 5, 1, 6, 0, 4, 2], [4, 3, 6, 2, 5, 0, 1]];
    for (const order of orders) {
        const lpm = new Lpm4({ maxTbl8Groups: 4 });
        const ref = new RefLpm4();
        for (const [p, d, nh] of chain) {
            lpm.add(p, d, nh);
            ref.add(p, d, nh);
        }
        assertSame(lpm, ref, probe, `order ${order} full`);
        for (const k of order) {
            const [p, d] = chain[k];
            assert.equal(lpm.delete(p, d), true);
            assert.equal(lpm.delete(p, d), false, 'second delete of the same rule');
            ref.delete(p, d);
            assertSame(lpm, ref, probe, `order ${order} after deleting /${d}`);
        }
        assert.equal(lpm.size, 0);
        assert.equal(lpm.tbl8GroupsUsed, 0);
    }
});
test('delete of an absent rule returns false and changes nothing', () => {
    const lpm = new Lpm4();
    lpm.add(ip(10, 0, 0, 0), 8, 1);
    assert.equal(lpm.delete(ip(10, 0, 0, 0), 9), false);
    assert.equal(lpm.delete(ip(11, 0, 0, 0), 8), false);
    assert.equal(lpm.delete(0, 0), false);
    assert.equal(lpm.lookup(ip(10, 0, 0, 1)), 1);
    assert.equal(lpm.size, 1);
});
test('tbl8 exhaustion throws LpmError(tbl8), leaves the table unchanged, and frees on delete', () => {
    const lpm = new Lpm4({ maxTbl8Groups: 2 });
    lpm.add(ip(10, 0, 0, 0), 8, 1);
    lpm.add(ip(10, 0, 1, 0), 25, 2);
    lpm.add(ip(10, 0, 2, 0), 26, 3);
    lpm.add(ip(10, 0, 2, 64), 26, 4); // same /24, no new group
    assert.equal(lpm.tbl8GroupsUsed, 2);
    assert.throws(() => lpm.add(ip(10, 0, 3, 0), 32, 5), (e) => e instanceof LpmError && e.field === 'tbl8' && /out of tbl8 groups/.test(e.message));
    assert.equal(lpm.size, 4);
    assert.equal(lpm.lookup(ip(10, 0, 3, 0)), 1);
    assert.equal(lpm.tbl8GroupsUsed, 2);
    // Short routes still fit when tbl8 is full, including over an existing group.
    lpm.add(ip(10, 0, 0, 0), 16, 6);
    assert.equal(lpm.lookup(ip(10, 0, 1, 200)), 6);
    assert.equal(lpm.lookup(ip(10, 0, 1, 1)), 2);
    assert.equal(lpm.delete(ip(10, 0, 1, 0), 25), true);
    assert.equal(lpm.tbl8GroupsUsed, 1);
    lpm.add(ip(10, 0, 3, 0), 32, 5);
    assert.equal(lpm.lookup(ip(10, 0, 3, 0)), 5);
    assert.equal(lpm.lookup(ip(10, 0, 3, 1)), 6);
    const zero = new Lpm4({ maxTbl8Groups: 0 });
    assert.throws(() => zero.add(1, 32, 1), (e) => e instanceof LpmError && e.field === 'tbl8');
    zero.add(0, 24, 1);
    assert.equal(zero.lookup(5), 1);
});
test('invalid arguments throw LpmError naming the field', () => {
    const lpm = new Lpm4({ maxTbl8Groups: 1 });
    const field = (f) => (e) => e instanceof LpmError && e.field === f;
    for (const d of [-1, 33, 1.5, NaN]) {
        assert.throws(() => lpm.add(0, d, 1), field('depth'), `add depth ${d}`);
        assert.throws(() => lpm.delete(0, d), field('depth'), `delete depth ${d}`);
    }
    for (const p of [2 ** 32, -(2 ** 31) - 1, 0.5, Infinity]) {
        assert.throws(() => lpm.add(p, 8, 1), field('prefix'), `add prefix ${p}`);
        assert.throws(() => lpm.delete(p, 8), field('prefix'), `delete prefix ${p}`);
    }
    for (const nh of [-1, 2 ** 24, 1.5])
        assert.throws(() => lpm.add(0, 8, nh), field('nextHop'), `nextHop ${nh}`);
    for (const g of [-1, 1.5, 2 ** 21])
        assert.throws(() => new Lpm4({ maxTbl8Groups: g }), field('maxTbl8Groups'));
    assert.equal(lpm.size, 0);
    lpm.add(-1, 32, 0xffffff); // int32 alias of 255.255.255.255, largest next hop
    assert.equal(lpm.lookup(0xffffffff), 0xffffff);
});
test('property: random interleaved adds/deletes match the naive reference', () => {
    const depthArb = fc.oneof(fc.integer({ min: 0, max: 32 }), fc.constantFrom(0, 1, 8, 16, 23, 24, 25, 26, 31, 32));
    const opArb = fc.record({
        del: fc.boolean(),
        base: fc.nat(3),
        low: fc.nat(),
        depth: depthArb,
        nh: fc.integer({ min: 0, max: 0xffffff }),
        pick: fc.nat(),
    });
    fc.assert(fc.property(fc.array(fc.nat({ max: 0xffffffff }), { minLength: 4, maxLength: 4 }), fc.array(opArb, { minLength: 1, maxLength: 40 }), fc.array(fc.nat({ max: 0xffffffff }), { maxLength: 8 }), (bases, ops, randomProbes) => {
        const lpm = new Lpm4({ maxTbl8Groups: 64 });
        const ref = new RefLpm4();
        for (const op of ops) {
            // Prefixes share high bits with one of 4 bases so that rules nest and overlap.
            const p = ((bases[op.base] & 0xffff0000) | (op.low & 0xffff)) >>> 0;
            if (op.del && ref.rules.size > 0 && op.pick % 4 !== 0) {
                const r = [...ref.rules.values()][op.pick % ref.rules.size];
                assert.equal(lpm.delete(r.net | (op.low & ~maskOf(r.depth)), r.depth), true);
                ref.delete(r.net, r.depth);
            }
            else if (op.del) {
                assert.equal(lpm.delete(p, op.depth), ref.delete(p, op.depth));
            }
            else if (ref.rules.size > 0 && op.pick % 5 === 0) {
                // Replace the next hop of an existing rule.
                const r = [...ref.rules.values()][op.pick % ref.rules.size];
                lpm.add(r.net, r.depth, op.nh);
                ref.add(r.net, r.depth, op.nh);
            }
            else {
                lpm.add(p, op.depth, op.nh);
                ref.add(p, op.depth, op.nh);
            }
        }
        assertSame(lpm, ref, probesFor(ref, [...randomProbes, ...bases]), 'final');
        const dumped = lpm.dump().map((r) => `${r.prefixU32}/${r.depth}>${r.nextHop}`).sort();
        const want = [...ref.rules.values()].map((r) => `${r.net}/${r.depth}>${r.nh}`).sort();
        assert.deepEqual(dumped, want);
        // Deleting everything must return every group and every entry to empty.
        for (const r of [...ref.rules.values()]) {
            assert.equal(lpm.delete(r.net, r.depth), true);
            ref.delete(r.net, r.depth);
        }
        assertSame(lpm, ref, probesFor(ref, [...randomProbes, ...bases]), 'emptied');
    }), { numRuns: 60 });
});
test('property: reference agrees after every single operation', () => {
    const opArb = fc.record({ del: fc.boolean(), low: fc.nat(0xffff), depth: fc.integer({ min: 0, max: 32 }), nh: fc.nat(1000), pick: fc.nat() });
    fc.assert(fc.property(fc.nat({ max: 0xffffffff }), fc.array(opArb, { minLength: 1, maxLength: 25 }), (base, ops) => {
        const lpm = new Lpm4({ maxTbl8Groups: 32 });
        const ref = new RefLpm4();
        for (const op of ops) {
            // Narrow the depth toward /16../32 around one base so nearly all rules overlap.
            const depth = 16 + (op.depth >>> 1);
            const p = ((base & 0xffff0000) | op.low) >>> 0;
            if (op.del && ref.rules.size > 0) {
                const r = [...ref.rules.values()][op.pick % ref.rules.size];
                lpm.delete(r.net, r.depth);
                ref.delete(r.net, r.depth);
            }
            else {
                lpm.add(p, depth, op.nh);
                ref.add(p, depth, op.nh);
            }
            assertSame(lpm, ref, probesFor(ref, [base]), 'step');
        }
    }), { numRuns: 40 });
});
//# sourceMappingURL=lpm4.test.js.map
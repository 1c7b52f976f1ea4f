// Lpm6 against a naive reference (bitwise longest match over a rule list): edge depths
// 0/1/16/17/48/64/127/128, delete restoring covering rules, group accounting, validation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Lpm6, LpmError, ipv6ToString } from './index.js';
function masked(b, depth) {
    const out = new Uint8Array(16);
    for (let i = 0; i < 16; i++) {
        const bits = depth - 8 * i;
        out[i] = bits >= 8 ? b[i] : bits <= 0 ? 0 : b[i] & (0xff << (8 - bits));
    }
    return out;
}
const hex = (b) => Buffer.from(b).toString('hex');
const v6 = (s) => Uint8Array.from(Buffer.from(s.replace(/[^0-9a-f]/g, '').padEnd(32, '0'), 'hex'));
class RefLpm6 {
    rules = new Map();
    add(p, depth, nh) {
        const net = masked(p, depth);
        this.rules.set(`${hex(net)}/${depth}`, { net, depth, nh });
    }
    delete(p, depth) {
        return this.rules.delete(`${hex(masked(p, depth))}/${depth}`);
    }
    lookup(a) {
        let best = -1;
        let bestDepth = -1;
        for (const r of this.rules.values()) {
            if (r.depth > bestDepth && hex(masked(a, r.depth)) === hex(r.net)) {
                best = r.nh;
                bestDepth = r.depth;
            }
        }
        return best;
    }
    /** Groups a 16-8-8-... trie needs: one per (stage, leading bits) on the path of each rule longer than /16. */
    groupsNeeded() {
        const s = new Set();
        for (const r of this.rules.values()) {
            for (let st = 1; 16 + 8 * (st - 1) < r.depth; st++)
                s.add(`${st}:${hex(masked(r.net, 8 + 8 * st))}`);
        }
        return s.size;
    }
}
/** Probe addresses: each rule's first and last address, neighbours just outside, plus extras. */
function probesFor(ref, extra) {
    const out = [new Uint8Array(16), new Uint8Array(16).fill(0xff), ...extra];
    for (const r of ref.rules.values()) {
        const last = masked(r.net, 128);
        for (let bit = r.depth; bit < 128; bit++)
            last[bit >> 3] |= 0x80 >> (bit & 7);
        const below = Uint8Array.from(r.net);
        for (let i = 15; i >= 0; i--)
            if (below[i]-- !== 0)
                break;
        const above = Uint8Array.from(last);
        for (let i = 15; i >= 0; i--)
            if (above[i]++ !== 0xff)
                break;
        out.push(r.net, last, below, above);
    }
    return out;
}
function assertSame(lpm, ref, probes, ctx) {
    // Lay the probes out in one buffer at odd offsets, as packet headers would be.
    const buf = new Uint8Array(probes.length * 19 + 3);
    const offs = new Uint32Array(probes.length);
    for (let i = 0; i < probes.length; i++) {
        offs[i] = 3 + i * 19;
        buf.set(probes[i], offs[i]);
    }
    const bulk = new Int32Array(probes.length);
    lpm.lookupBulk(buf, offs, probes.length, bulk);
    for (let i = 0; i < probes.length; i++) {
        const want = ref.lookup(probes[i]);
        assert.equal(lpm.lookup(buf, offs[i]), want, `${ctx}: lookup ${ipv6ToString(probes[i])}`);
        assert.equal(bulk[i], want, `${ctx}: lookupBulk ${ipv6ToString(probes[i])}`);
    }
    assert.equal(lpm.size, ref.rules.size, `${ctx}: size`);
    assert.equal(lpm.groupsUsed, ref.groupsNeeded(), `${ctx}: groups in use`);
}
test('ipv6ToString follows RFC 5952 zero compression', () => {
    assert.equal(ipv6ToString(v6('2001:0db8:0000:0000:0000:0000:0000:0001')), '2001:db8::1');
    assert.equal(ipv6ToString(new Uint8Array(16)), '::');
    assert.equal(ipv6ToString(v6('2001:0db8:0000:0001:0000:0000:0000:0000')), '2001:db8:0:1::');
    assert.equal(ipv6ToString(v6('2001:0db8:0000:0001:0001:0001:0001:0001')), '2001:db8:0:1:1:1:1:1');
});
test('edge depths 0, 1, 16, 17, 48, 64, 127, 128 nest and resolve to the longest', () => {
    const lpm = new Lpm6({ maxGroups: 64 });
    const ref = new RefLpm6();
    const a = v6('20010db8aaaabbbbccccddddeeeeffff');
    const routes = [[0, 1], [1, 2], [16, 3], [17, 4], [48, 5], [64, 6], [127, 7], [128, 8]];
    for (const [d, nh] of routes) {
        lpm.add(a, d, nh);
        ref.add(a, d, nh);
    }
    const buf = new Uint8Array(16);
    buf.set(a);
    assert.equal(lpm.lookup(buf, 0), 8);
    buf[15] ^= 1;
    assert.equal(lpm.lookup(buf, 0), 7);
    buf[15] ^= 2;
    assert.equal(lpm.lookup(buf, 0), 6);
    buf[7] ^= 1;
    assert.equal(lpm.lookup(buf, 0), 5);
    buf[2] ^= 0x80;
    assert.equal(lpm.lookup(buf, 0), 3);
    buf[0] ^= 0x40;
    assert.equal(lpm.lookup(buf, 0), 2);
    buf[0] ^= 0x80;
    assert.equal(lpm.lookup(buf, 0), 1);
    assertSame(lpm, ref, [a], 'edges');
    // Delete from the longest down: each step falls back to the next covering rule.
    for (let k = routes.length - 1; k >= 0; k--) {
        assert.equal(lpm.delete(a, routes[k][0]), true);
        ref.delete(a, routes[k][0]);
        assertSame(lpm, ref, [a], `after deleting /${routes[k][0]}`);
    }
    assert.equal(lpm.groupsUsed, 0);
});
test('delete restores covering routes in any order and frees every group', () => {
    const a = v6('2001:0db8:1234:5678:9abc:def0:1234:5678');
    const depths = [0, 8, 16, 20, 32, 48, 56, 64, 100, 128];
    const orders = [depths.map((_, i) => i), depths.map((_, i) => depths.length - 1 - i), [5, 2, 9, 0, 7, 3, 8, 1, 6, 4]];
    for (const order of orders) {
        const lpm = new Lpm6({ maxGroups: 64 });
        const ref = new RefLpm6();
        depths.forEach((d, i) => {
            lpm.add(a, d, 10 + i);
            ref.add(a, d, 10 + i);
        });
        assertSame(lpm, ref, [a], 'full');
        for (const k of order) {
            assert.equal(lpm.delete(a, depths[k]), true);
            assert.equal(lpm.delete(a, depths[k]), false);
            ref.delete(a, depths[k]);
            assertSame(lpm, ref, [a], `order ${order} after /${depths[k]}`);
        }
        assert.equal(lpm.groupsUsed, 0);
    }
});
test('out of groups throws LpmError(groups) and leaves the table unchanged', () => {
    const lpm = new Lpm6({ maxGroups: 4 });
    const a = v6('2001:0db8:0001');
    lpm.add(a, 48, 1); // stages 1..4: 4 groups
    assert.equal(lpm.groupsUsed, 4);
    const b = v6('2002:0db9');
    assert.throws(() => lpm.add(b, 24, 2), (e) => e instanceof LpmError && e.field === 'groups');
    // A /128 under a needs 10 more groups; none may be taken when it fails.
    assert.throws(() => lpm.add(a, 128, 3), (e) => e instanceof LpmError && e.field === 'groups' && /needs 10/.test(e.message));
    assert.equal(lpm.groupsUsed, 4);
    assert.equal(lpm.size, 1);
    // Rules within existing groups still fit.
    lpm.add(a, 40, 4);
    lpm.add(b, 16, 5);
    assert.equal(lpm.size, 3);
    assert.equal(lpm.delete(a, 48), true);
    assert.equal(lpm.groupsUsed, 3, 'the /40 keeps stages 1..3');
    lpm.add(b, 24, 2);
    const buf = new Uint8Array(16);
    buf.set(b);
    assert.equal(lpm.lookup(buf, 0), 2);
});
test('invalid arguments throw LpmError naming the field', () => {
    const lpm = new Lpm6({ maxGroups: 1 });
    const field = (f) => (e) => e instanceof LpmError && e.field === f;
    const p = new Uint8Array(16);
    for (const d of [-1, 129, 2.5, NaN]) {
        assert.throws(() => lpm.add(p, d, 1), field('depth'));
        assert.throws(() => lpm.delete(p, d), field('depth'));
    }
    for (const bad of [new Uint8Array(15), new Uint8Array(17), [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]]) {
        assert.throws(() => lpm.add(bad, 8, 1), field('prefix'));
        assert.throws(() => lpm.delete(bad, 8), field('prefix'));
    }
    for (const nh of [-1, 2 ** 24, 0.5])
        assert.throws(() => lpm.add(p, 8, nh), field('nextHop'));
    for (const g of [-1, 0.5, 2 ** 21])
        assert.throws(() => new Lpm6({ maxGroups: g }), field('maxGroups'));
    assert.equal(lpm.size, 0);
});
test('re-adding a rule replaces its next hop under longer rules too', () => {
    const lpm = new Lpm6();
    const a = v6('2001:0db8:0001:0002');
    lpm.add(a, 32, 1);
    lpm.add(a, 64, 2);
    lpm.add(a, 32, 3);
    const buf = new Uint8Array(16);
    buf.set(a);
    assert.equal(lpm.lookup(buf, 0), 2);
    buf[7] ^= 1;
    assert.equal(lpm.lookup(buf, 0), 3);
    buf[3] ^= 1;
    assert.equal(lpm.lookup(buf, 0), -1, 'outside the /32');
    assert.equal(lpm.size, 2);
});
test('dump lists rules with text prefixes and host bits cleared', () => {
    const lpm = new Lpm6();
    lpm.add(v6('2001:0db8:ffff'), 32, 1);
    lpm.add(new Uint8Array(16), 0, 2);
    lpm.add(v6('2001:0db8:ffff'), 32, 3);
    assert.deepEqual(lpm.dump().map((r) => `${r.prefix}/${r.depth}>${r.nextHop}`), ['::/0>2', '2001:db8::/32>3']);
});
test('property: random interleaved adds/deletes match the naive reference', () => {
    const depthArb = fc.oneof(fc.integer({ min: 0, max: 128 }), fc.constantFrom(0, 1, 16, 17, 24, 25, 48, 64, 127, 128));
    const opArb = fc.record({
        del: fc.boolean(),
        base: fc.nat(2),
        tweak: fc.uint8Array({ minLength: 16, maxLength: 16 }),
        tweakFrom: fc.integer({ min: 1, max: 16 }),
        depth: depthArb,
        nh: fc.integer({ min: 0, max: 0xffffff }),
        pick: fc.nat(),
    });
    const addrArb = fc.uint8Array({ minLength: 16, maxLength: 16 });
    fc.assert(fc.property(fc.array(addrArb, { minLength: 3, maxLength: 3 }), fc.array(opArb, { minLength: 1, maxLength: 30 }), fc.array(addrArb, { maxLength: 6 }), (bases, ops, extra) => {
        const lpm = new Lpm6({ maxGroups: 512 });
        const ref = new RefLpm6();
        for (const op of ops) {
            // Keep the first bytes of a base and randomise the rest, so rules share paths.
            const p = Uint8Array.from(bases[op.base]);
            for (let i = op.tweakFrom; i < 16; i++)
                p[i] = op.tweak[i];
            if (op.del && ref.rules.size > 0 && op.pick % 4 !== 0) {
                const r = [...ref.rules.values()][op.pick % ref.rules.size];
                assert.equal(lpm.delete(r.net, r.depth), true);
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
            assert.equal(lpm.groupsUsed, ref.groupsNeeded(), 'groups after op');
        }
        assertSame(lpm, ref, probesFor(ref, [...bases, ...extra]), 'final');
        for (const r of [...ref.rules.values()]) {
            assert.equal(lpm.delete(r.net, r.depth), true);
            ref.delete(r.net, r.depth);
        }
        assertSame(lpm, ref, probesFor(ref, [...bases, ...extra]), 'emptied');
    }), { numRuns: 80 });
});
//# sourceMappingURL=lpm6.test.js.map
// ExactMatchTable against a Map reference: random add/delete/lookup sequences, a full table,
// deletion inside long probe runs (keys forced onto one home position), stable slots and an
// aging sweep with a parallel array, 1M entries, and constructor validation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ExactMatchTable, hashWords } from './index.js';
const k = (...words) => Uint32Array.from(words);
test('add, lookup, update, delete with a 2-word MAC+VLAN key', () => {
    const t = new ExactMatchTable({ keyWords: 2, capacity: 16, seed: 1 });
    const mac = k(0x0200_0000, 0x0001_0064); // MAC high word, MAC low 16 bits | VLAN 100
    assert.equal(t.lookup(mac, 0), -1);
    const s = t.add(mac, 0, 7);
    assert.ok(s >= 0 && s < 16);
    assert.equal(t.lookup(mac, 0), 7);
    assert.equal(t.lookupSlot(mac, 0), s);
    assert.equal(t.add(mac, 0, 0xffffffff), s, 'update keeps the slot');
    assert.equal(t.lookup(mac, 0), 0xffffffff, 'full u32 value survives');
    assert.equal(t.size, 1);
    assert.equal(t.lookup(k(0x0200_0000, 0x0001_0065), 0), -1, 'other VLAN misses');
    // Keys can sit at any offset of a larger buffer (a parsed header scratch).
    const buf = k(9, 9, 9, 0x0200_0000, 0x0001_0064, 9);
    assert.equal(t.lookup(buf, 3), 0xffffffff);
    assert.equal(t.delete(buf, 3), true);
    assert.equal(t.delete(mac, 0), false);
    assert.equal(t.lookup(mac, 0), -1);
    assert.equal(t.size, 0);
    assert.equal(t.verify(), '');
});
test('full table: add returns -1 for new keys, updates still work, delete makes room', () => {
    const cap = 37;
    const t = new ExactMatchTable({ keyWords: 3, capacity: cap, seed: 42 });
    const slots = new Set();
    for (let i = 0; i < cap; i++) {
        const s = t.add(k(i, i * 7, 0xdead), 0, i);
        assert.ok(s >= 0, `add ${i}`);
        slots.add(s);
    }
    assert.equal(slots.size, cap, 'every entry got its own slot');
    assert.equal(t.size, cap);
    assert.equal(t.add(k(1000, 0, 0), 0, 1), -1);
    assert.equal(t.add(k(5, 35, 0xdead), 0, 99), t.lookupSlot(k(5, 35, 0xdead), 0), 'update while full');
    assert.equal(t.lookup(k(5, 35, 0xdead), 0), 99);
    assert.equal(t.lookup(k(1000, 0, 0), 0), -1);
    assert.equal(t.delete(k(3, 21, 0xdead), 0), true);
    assert.ok(t.add(k(1000, 0, 0), 0, 1) >= 0);
    assert.equal(t.add(k(1001, 0, 0), 0, 1), -1);
    for (let i = 0; i < cap; i++)
        if (i !== 3)
            assert.equal(t.lookup(k(i, i * 7, 0xdead), 0), i === 5 ? 99 : i);
    assert.equal(t.verify(), '');
    t.clear();
    assert.equal(t.size, 0);
    assert.equal(t.lookup(k(1000, 0, 0), 0), -1);
    assert.equal(t.verify(), '');
});
test('deletion inside a long probe run keeps every other key reachable', () => {
    const t = new ExactMatchTable({ keyWords: 1, capacity: 24, seed: 7 });
    assert.equal(t.indexSize, 32);
    // Collect keys whose home is index 5, plus keys homed just after it so runs interleave.
    const same = [];
    const next = [];
    for (let x = 1; same.length < 12 || next.length < 6; x++) {
        const home = t.hash(k(x), 0) & 31;
        if (home === 5 && same.length < 12)
            same.push(x);
        else if ((home === 6 || home === 8) && next.length < 6)
            next.push(x);
    }
    const keys = [...same.slice(0, 6), ...next, ...same.slice(6)];
    for (const x of keys)
        assert.ok(t.add(k(x), 0, x) >= 0);
    assert.equal(t.verify(), '');
    const live = new Set(keys);
    // Delete from the middle of the run, the head, and the tail, checking all the rest each time.
    for (const x of [same[3], same[0], next[1], same[11], same[6], next[0], same[1]]) {
        assert.equal(t.delete(k(x), 0), true);
        live.delete(x);
        assert.equal(t.verify(), '', `after deleting ${x}`);
        for (const y of keys)
            assert.equal(t.lookup(k(y), 0), live.has(y) ? y : -1, `key ${y} after deleting ${x}`);
    }
});
test('slots are stable while other keys move in the index', () => {
    const t = new ExactMatchTable({ keyWords: 2, capacity: 200, seed: 3 });
    const slotOf = new Map();
    for (let i = 0; i < 200; i++)
        slotOf.set(i, t.add(k(i, ~i), 0, i));
    for (let i = 0; i < 200; i += 3)
        t.delete(k(i, ~i), 0);
    for (let i = 0; i < 200; i += 3)
        t.add(k(i + 1000, 0), 0, i);
    for (let i = 0; i < 200; i++) {
        if (i % 3 !== 0)
            assert.equal(t.lookupSlot(k(i, ~i), 0), slotOf.get(i));
    }
    assert.equal(t.verify(), '');
});
test('aging sweep with a parallel array indexed by slot', () => {
    const t = new ExactMatchTable({ keyWords: 2, capacity: 64, seed: 11 });
    const seen = new Uint32Array(t.capacity);
    for (let i = 0; i < 50; i++)
        seen[t.add(k(i, 1), 0, i)] = i < 20 ? 100 : 200; // learned at tick 100 or 200
    seen[t.add(k(3, 1), 0, 3)] = 250; // refreshed
    const now = 260;
    let removed = 0;
    for (let s = t.nextSlot(0); s >= 0; s = t.nextSlot(s + 1)) {
        if (now - seen[s] > 100) {
            assert.equal(t.deleteSlot(s), true);
            removed++;
        }
    }
    assert.equal(removed, 19);
    assert.equal(t.size, 31);
    assert.equal(t.lookup(k(3, 1), 0), 3);
    assert.equal(t.lookup(k(4, 1), 0), -1);
    assert.equal(t.lookup(k(25, 1), 0), 25);
    assert.equal(t.deleteSlot(-1), false);
    assert.equal(t.deleteSlot(64), false);
    let free = 0;
    while (t.isUsed(free))
        free++;
    assert.equal(t.deleteSlot(free), false, 'free slot');
    assert.equal(t.verify(), '');
    const dumped = t.dump();
    assert.equal(dumped.length, 31);
    for (const e of dumped)
        assert.equal(e.value, e.key[0]);
});
test('lookupBulk fills slots and counts hits', () => {
    const t = new ExactMatchTable({ keyWords: 4, capacity: 100, seed: 5 });
    for (let i = 0; i < 50; i++)
        t.add(k(i, 2, 3, 4), 0, i * 10);
    const keys = new Uint32Array(4 * 32 + 1);
    for (let i = 0; i < 32; i++)
        keys.set([i * 3, 2, 3, 4], 1 + i * 4);
    const out = new Int32Array(32);
    const hits = t.lookupBulk(keys, 1, 32, out);
    let want = 0;
    for (let i = 0; i < 32; i++) {
        if (i * 3 < 50) {
            want++;
            assert.equal(t.valueAt(out[i]), i * 30);
            assert.equal(t.keyWordAt(out[i], 0), i * 3);
        }
        else {
            assert.equal(out[i], -1);
        }
    }
    assert.equal(hits, want);
    const copy = new Uint32Array(4);
    t.copyKey(out[1], copy, 0);
    assert.deepEqual([...copy], [3, 2, 3, 4]);
    t.setValueAt(out[1], 5);
    assert.equal(t.lookup(copy, 0), 5);
});
test('property: random add/delete/lookup sequences match a Map, including full tables', () => {
    const opArb = fc.record({ kind: fc.integer({ min: 0, max: 9 }), key: fc.nat(60), value: fc.nat({ max: 0xffffffff }) });
    fc.assert(fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 48 }), fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), fc.array(opArb, { minLength: 1, maxLength: 200 }), (keyWords, capacity, seed, ops) => {
        const t = new ExactMatchTable({ keyWords, capacity, seed });
        const ref = new Map();
        const slots = new Map();
        const key = new Uint32Array(keyWords);
        // Key words are derived from a small id so keys repeat; word 0 is a bijection of the
        // id (odd multiplier), the others are shared by groups of 4 ids.
        const setKey = (id) => {
            key[0] = Math.imul(id, 0x9e3779b1);
            for (let w = 1; w < keyWords; w++)
                key[w] = (id >>> 2) + w;
        };
        for (const op of ops) {
            setKey(op.key);
            if (op.kind < 5) {
                const s = t.add(key, 0, op.value);
                if (ref.has(op.key) || ref.size < capacity) {
                    assert.ok(s >= 0 && s < capacity, 'add succeeds below capacity');
                    if (slots.has(op.key))
                        assert.equal(s, slots.get(op.key), 'update keeps slot');
                    ref.set(op.key, op.value);
                    slots.set(op.key, s);
                }
                else {
                    assert.equal(s, -1, 'add to a full table');
                }
            }
            else if (op.kind < 8) {
                assert.equal(t.delete(key, 0), ref.delete(op.key));
                slots.delete(op.key);
            }
            else {
                assert.equal(t.lookup(key, 0), ref.has(op.key) ? ref.get(op.key) : -1);
            }
            assert.equal(t.size, ref.size);
        }
        assert.equal(t.verify(), '');
        for (let id = 0; id <= 60; id++) {
            setKey(id);
            assert.equal(t.lookup(key, 0), ref.has(id) ? ref.get(id) : -1, `final lookup ${id}`);
            assert.equal(t.lookupSlot(key, 0), slots.has(id) ? slots.get(id) : -1);
        }
        assert.equal(t.dump().length, ref.size);
    }), { numRuns: 300 });
});
test('1M entries: all found, table full at capacity', () => {
    const n = 1 << 20;
    const t = new ExactMatchTable({ keyWords: 2, capacity: n });
    const key = new Uint32Array(2);
    for (let i = 0; i < n; i++) {
        key[0] = i;
        key[1] = 0x5a5a0000 ^ i;
        if (t.add(key, 0, i) < 0)
            assert.fail(`add ${i} failed`);
    }
    assert.equal(t.size, n);
    key[0] = n;
    assert.equal(t.add(key, 0, 1), -1);
    for (let i = 0; i < n; i += 7) {
        key[0] = i;
        key[1] = 0x5a5a0000 ^ i;
        if (t.lookup(key, 0) !== i)
            assert.fail(`lookup ${i}`);
    }
    key[0] = 1;
    key[1] = 1;
    assert.equal(t.lookup(key, 0), -1);
});
test('constructor validates keyWords, capacity and seed', () => {
    for (const keyWords of [0, 17, 1.5, NaN]) {
        assert.throws(() => new ExactMatchTable({ keyWords, capacity: 8 }), /keyWords must be an integer 1\.\.16/);
    }
    for (const capacity of [0, -1, 2 ** 24 + 1, 2.5]) {
        assert.throws(() => new ExactMatchTable({ keyWords: 1, capacity }), /capacity must be an integer/);
    }
    assert.throws(() => new ExactMatchTable({ keyWords: 1, capacity: 8, seed: 0.5 }), /seed must be an integer/);
    const a = new ExactMatchTable({ keyWords: 1, capacity: 8 });
    const b = new ExactMatchTable({ keyWords: 1, capacity: 8 });
    // Random default seeds: two tables almost surely differ (1 in 2^32 chance of a false failure).
    assert.notEqual(a.seed, b.seed);
});
test('hashWords: deterministic, seed- and length-sensitive, spreads sequential keys', () => {
    const key = k(1, 2, 3, 4);
    assert.equal(hashWords(key, 0, 4, 0), hashWords(k(9, 1, 2, 3, 4), 1, 4, 0));
    assert.notEqual(hashWords(key, 0, 4, 0), hashWords(key, 0, 4, 1));
    assert.notEqual(hashWords(key, 0, 3, 0), hashWords(key, 0, 4, 0));
    assert.notEqual(hashWords(k(0), 0, 1, 0), hashWords(k(0, 0), 0, 2, 0));
    // Sequential MACs into 1024 buckets: no bucket should be far above the mean of 64.
    const buckets = new Uint32Array(1024);
    const m = new Uint32Array(2);
    for (let i = 0; i < 65536; i++) {
        m[0] = 0x02000000;
        m[1] = i << 16;
        buckets[hashWords(m, 0, 2, 12345) & 1023]++;
    }
    assert.ok(Math.max(...buckets) < 120, `max bucket ${Math.max(...buckets)}`);
    assert.ok(Math.min(...buckets) > 20, `min bucket ${Math.min(...buckets)}`);
});
test('lookupBulk tells apart keys whose 32-bit hashes collide', () => {
    // Find 2-word keys with equal hashWords (birthday: ~5 pairs in 200k keys), so lookupBulk's
    // candidate (first position with a matching hash) is sometimes the wrong key.
    const seed = 7;
    // (Both words vary: with one word fixed the hash is a bijection of the other.)
    const second = (i) => Math.imul(i, 0x9e3779b1) >>> 0;
    const seen = new Map();
    const pairs = [];
    const one = new Uint32Array(2);
    for (let i = 1; i <= 400_000 && pairs.length < 3; i++) {
        one[0] = i >>> 3;
        one[1] = second(i);
        const h = hashWords(one, 0, 2, seed);
        const j = seen.get(h);
        if (j !== undefined)
            pairs.push([j, i]);
        else
            seen.set(h, i);
    }
    assert.ok(pairs.length > 0, 'found colliding keys');
    for (const [a, b] of pairs) {
        const t = new ExactMatchTable({ keyWords: 2, capacity: 8, seed });
        const keys = Uint32Array.of(a >>> 3, second(a), b >>> 3, second(b));
        const out = new Int32Array(2);
        t.add(keys, 2, 22); // only b: a's candidate is b's position, and a is absent
        assert.equal(t.lookupBulk(keys, 0, 2, out), 1);
        assert.deepEqual([out[0], t.valueAt(out[1])], [-1, 22]);
        t.add(keys, 0, 11); // both: a sits behind b on the same run
        assert.equal(t.lookupBulk(keys, 0, 2, out), 2);
        assert.deepEqual([t.valueAt(out[0]), t.valueAt(out[1])], [11, 22]);
    }
});
//# sourceMappingURL=exact-match-table.test.js.map
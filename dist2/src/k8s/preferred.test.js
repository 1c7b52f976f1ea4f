import { test } from 'node:test';
import assert from 'node:assert/strict';
import { preferDevices } from './preferred.js';
const numa = (id) => Number(/-n(\d+)-/.exec(id)?.[1] ?? -1);
const ids = (node, n) => Array.from({ length: n }, (_, i) => `vhu-n${node}-${i}`);
test('fits on one node: best fit, natural order', () => {
    const avail = [...ids(0, 4), ...ids(1, 2)];
    assert.deepEqual(preferDevices(avail, [], 2, numa), ['vhu-n1-0', 'vhu-n1-1']);
    assert.deepEqual(preferDevices(avail, [], 3, numa), ['vhu-n0-0', 'vhu-n0-1', 'vhu-n0-2']);
    assert.deepEqual(preferDevices(ids(0, 12), [], 2, numa), ['vhu-n0-0', 'vhu-n0-1']);
    assert.deepEqual(preferDevices(['vhu-n0-10', 'vhu-n0-2'], [], 1, numa), ['vhu-n0-2']);
});
test('must-include pins the node', () => {
    const avail = [...ids(0, 4), ...ids(1, 4)];
    assert.deepEqual(preferDevices(avail, ['vhu-n1-3'], 3, numa), ['vhu-n1-3', 'vhu-n1-0', 'vhu-n1-1']);
    assert.deepEqual(preferDevices(avail, ['vhu-n1-3', 'vhu-n0-0'], 1, numa), ['vhu-n1-3']);
});
test('spans as few nodes as possible when nothing fits', () => {
    const avail = [...ids(0, 2), ...ids(1, 3), ...ids(2, 1)];
    const got = preferDevices(avail, [], 5, numa);
    assert.deepEqual(got, ['vhu-n1-0', 'vhu-n1-1', 'vhu-n1-2', 'vhu-n0-0', 'vhu-n0-1']);
});
test('rejects impossible sizes', () => {
    assert.throws(() => preferDevices(ids(0, 2), [], 3, numa), RangeError);
    assert.throws(() => preferDevices(ids(0, 2), [], -1, numa), RangeError);
    assert.throws(() => preferDevices(ids(0, 2), [], 1.5, numa), RangeError);
    assert.deepEqual(preferDevices(ids(0, 2), [], 0, numa), []);
});
//# sourceMappingURL=preferred.test.js.map
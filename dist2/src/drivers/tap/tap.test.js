import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePortSpec } from '../../core/port-spec.js';
import { portApp } from '../../core/port-kinds.js';
import { openTap } from '../../sys/index.js';
import './index.js';
test('tap port specs: options mapped, bad ones named', () => {
    assert.deepEqual(portApp(parsePortSpec('tap:tap0')), { type: 'tap', args: { ifname: 'tap0' } });
    assert.deepEqual(portApp(parsePortSpec('tap:tap1,queues=4,noup')), { type: 'tap', args: { ifname: 'tap1', queues: 4, up: false } });
    assert.throws(() => portApp(parsePortSpec('tap:')), /empty/);
    assert.throws(() => portApp(parsePortSpec('tap:t0,queues=257')), /queues must be an integer in \[1, 256\]/);
    assert.throws(() => portApp(parsePortSpec('tap:t0,fanout=2')), /unknown option "fanout"/);
    assert.throws(() => portApp(parsePortSpec('tap:' + 'x'.repeat(16))), /limit is 15/);
});
test('openTap rejects bad queue counts and names before any syscall', () => {
    assert.throws(() => openTap('t0', 0), /queues must be in/);
    assert.throws(() => openTap('t0', 1.5), /queues must be in/);
    assert.throws(() => openTap('a/b', 1), /'\/'/);
});
//# sourceMappingURL=tap.test.js.map
/**
 * The harness catches what it promises to catch, on planted bugs (targets/selftest.ts):
 * coverage feedback reaches a bug blind fuzzing would not, hangs and heap exhaustion are
 * stopped by the watchdog with the input named, a memory bound and an escaping exception
 * are reported, and crash inputs come back minimized.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCampaign } from './campaign.js';
test('coverage feedback finds a bug behind four nested byte comparisons', async () => {
    const r = await runCampaign({ target: 'selftest-deep', execs: 200_000, seconds: 40, seed: 1, batch: 64 });
    assert.equal(r.crashes.length, 1, `found ${r.crashes.length} crashes in ${r.execs} executions`);
    const c = r.crashes[0];
    assert.match(c.message, /TypeError: planted/);
    assert.deepEqual([...c.data], [0x46, 0x55, 0x5a, 0x5a], 'minimized to the four bytes');
    assert.ok(r.stats.corpus >= 4, `corpus ${r.stats.corpus}: one entry per comparison passed`);
});
test('an unbounded loop is a hang naming its input', async () => {
    const r = await runCampaign({ target: 'selftest-hang', execs: 10, hangMs: 500 });
    assert.ok(r.crashes.length >= 1);
    assert.match(r.crashes[0].message, /hang/);
    assert.deepEqual([...r.crashes[0].data], [1]);
});
test('heap exhaustion ends the worker, not the process, and names the input', async () => {
    const r = await runCampaign({ target: 'selftest-oom', execs: 10, heapMb: 64 });
    assert.ok(r.crashes.length >= 1);
    assert.equal(r.crashes[0].kind, 'memory');
    assert.deepEqual([...r.crashes[0].data], [2]);
});
test('an input holding more than the memory bound is reported', async () => {
    const r = await runCampaign({ target: 'selftest-memory', execs: 10 });
    assert.equal(r.crashes[0]?.kind, 'memory');
});
test('only the documented error may escape', async () => {
    const r = await runCampaign({ target: 'selftest-escape', execs: 500, seed: 3 });
    assert.equal(r.crashes.length, 1);
    assert.match(r.crashes[0].message, /RangeError: not documented/);
    assert.equal(r.crashes[0].data.length, 2, 'minimized to two bytes');
});
//# sourceMappingURL=harness.test.js.map
/**
 * ARCHITECTURE H9: the gen -> sink pipeline (pool bursts, link bursts, engine breaths, ticks)
 * allocates nothing per packet or per breath. After a warm-up (so the hot functions are
 * optimized), a few million packets run under a PerformanceObserver for 'gc' entries; any
 * steady-state allocation of even a few bytes per packet or a hundred bytes per breath would
 * fill the young generation and show up as a scavenge. A behaviour test, not a speed test.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PerformanceObserver } from 'node:perf_hooks';
import { PacketPool } from './packet.js';
import { Engine } from './engine.js';
import { TX_PACKETS } from './counters.js';
import '../apps/basic/index.js';
test('gen -> sink in steady state triggers no garbage collection', async () => {
    const pool = new PacketPool(new ArrayBuffer(PacketPool.bytesFor(4096, 2048)), 4096, 2048);
    const e = new Engine(pool);
    e.configure({ apps: { gen: { type: 'gen', args: { size: 64, flows: 16 } }, sink: { type: 'sink' } }, links: ['gen.output -> sink.input'] });
    const sink = e.apps.get('sink');
    let now = 0;
    const run = (breaths) => { for (let i = 0; i < breaths; i++)
        e.breathe(now++); }; // integer ms: a tick every breath
    run(20_000); // warm-up: tier up to TurboFan
    await new Promise((r) => setTimeout(r, 50)); // let pending GC work and observer entries from setup settle
    const entries = [];
    const obs = new PerformanceObserver((list) => { for (const en of list.getEntries())
        entries.push(`${en.name} kind=${en.detail?.kind}`); });
    obs.observe({ entryTypes: ['gc'] });
    const before = sink.counters[TX_PACKETS];
    run(30_000);
    const moved = sink.counters[TX_PACKETS] - before;
    await new Promise((r) => setTimeout(r, 50)); // observer callbacks are delivered asynchronously
    obs.disconnect();
    e.stop();
    assert.ok(moved > 2_000_000, `the pipeline moved ${moved} packets`);
    assert.deepEqual(entries, [], `GC during ${moved} packets of steady state`);
    assert.equal(pool.audit().inUse, 0);
});
//# sourceMappingURL=hotpath-gc.test.js.map
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSharedRegion } from '../sys/index.js';
import { PacketPool } from './packet.js';
import { EngineWorker } from './worker.js';
import { createSharedRing } from './interlink.js';
test('pipeline: gen on one worker engine, sink on another, joined by a ring; counts add up', async () => {
    const count = 8192, bufSize = 2048;
    const region = createSharedRegion(PacketPool.bytesFor(count, bufSize), 'worker-test', { quiet: true });
    const pool = new PacketPool(region.buffer, count, bufSize);
    const rings = { r: createSharedRing(1024) };
    const src = { fd: region.fd, size: region.size, count, bufSize };
    const a = new EngineWorker({ name: 'a', pool: src, rings, modules: [new URL('./interlink.js', import.meta.url).href, new URL('../apps/basic/index.js', import.meta.url).href] });
    const b = new EngineWorker({ name: 'b', pool: src, rings, modules: [new URL('./interlink.js', import.meta.url).href, new URL('../apps/basic/index.js', import.meta.url).href] });
    await b.configure({ apps: { rx: { type: 'ring-rx', args: { ring: 'r' } }, sink: { type: 'sink' } }, links: ['rx.output -> sink.input'] });
    await a.configure({ apps: { gen: { type: 'gen', args: { count: 50000, rate: 2e6 } }, tx: { type: 'ring-tx', args: { ring: 'r' } } }, links: ['gen.output -> tx.input'] });
    for (let i = 0; i < 200; i++) {
        const s = await b.stats();
        if (s.apps.sink.tx.packets + ((await a.stats()).apps.tx.drops.link_full ?? 0) >= 50000)
            break;
        await new Promise((r) => setTimeout(r, 25));
    }
    const sa = await a.stop();
    const sb = await b.stop();
    const sent = sa.apps.gen.rx.packets;
    const ringFull = sa.apps.tx.drops.link_full ?? 0;
    assert.equal(sent, 50000);
    assert.equal(sa.apps.tx.tx.packets + ringFull, sent, 'every generated packet entered the ring or was counted as dropped');
    assert.equal(sb.apps.sink.tx.packets, sa.apps.tx.tx.packets, 'everything that entered the ring reached the sink');
    const rep = sb.apps.sink.extra;
    assert.equal(rep.late, 0, 'a ring keeps order');
    // Gaps the sink saw are ring-full drops (drops after the last delivered packet leave no gap).
    assert.ok(rep.lost <= ringFull, `lost ${rep.lost} <= ring-full drops ${ringFull}`);
    pool.flushCache();
    assert.equal(pool.audit().inUse, 0, 'all buffers back after both engines stopped');
    region.close();
});
//# sourceMappingURL=worker.test.js.map
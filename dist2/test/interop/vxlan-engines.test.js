/**
 * VXLAN between two Sluice engines in one process, joined only by their underlay ports
 * (interlink rings standing in for the wire): host A runs gen -> bridge -> vxlan, host B runs
 * vxlan -> bridge -> sink. The vxlan apps resolve each other with ARP over the rings, then
 * every generated frame must arrive once, in order, with the bridges learning across the
 * overlay; a frame with the wrong VNI is counted and dropped. No kernel involved (see
 * vxlan-netns.test.ts for the kernel variants).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Engine } from '../../src/core/engine.js';
import { PacketPool } from '../../src/core/packet.js';
import { attachRing, createSharedRing } from '../../src/core/interlink.js';
import '../../src/apps/index.js';
test('two engines form one overlay over VXLAN: all frames delivered in order, MACs learned across', () => {
    const n = 4096;
    // One shared pool region: packet handles cross the rings as they would between threads.
    const pool = new PacketPool(new SharedArrayBuffer(PacketPool.bytesFor(n, 2048)), n, 2048);
    attachRing('vx-a2b', createSharedRing(1024));
    attachRing('vx-b2a', createSharedRing(1024));
    const a = new Engine(pool), b = new Engine(pool);
    const tunnel = (local, remote, mac) => ({ type: 'vxlan', args: { vni: 5001, localIp: local, remoteIp: remote, localMac: mac } });
    a.configure({
        apps: {
            gen: { type: 'gen', args: { count: 20000, srcMac: '02:00:00:00:aa:01', dstMac: '02:00:00:00:bb:01', srcIp: '10.50.0.1', dstIp: '10.50.0.2' } },
            br: { type: 'l2-bridge', args: { ports: { host: {}, tun: {} } } },
            vx: tunnel('192.0.2.1', '192.0.2.2', '02:00:00:01:00:01'),
            tx: { type: 'ring-tx', args: { ring: 'vx-a2b' } }, rx: { type: 'ring-rx', args: { ring: 'vx-b2a' } },
        },
        links: ['gen.output -> br.host', 'br.tun -> vx.inner', 'vx.inner -> br.tun', 'vx.outer -> tx.input', 'rx.output -> vx.outer'],
    });
    b.configure({
        apps: {
            br: { type: 'l2-bridge', args: { ports: { host: {}, tun: {} } } },
            vx: tunnel('192.0.2.2', '192.0.2.1', '02:00:00:02:00:01'),
            sink: { type: 'sink' },
            tx: { type: 'ring-tx', args: { ring: 'vx-b2a' } }, rx: { type: 'ring-rx', args: { ring: 'vx-a2b' } },
        },
        links: ['br.host -> sink.input', 'br.tun -> vx.inner', 'vx.inner -> br.tun', 'vx.outer -> tx.input', 'rx.output -> vx.outer'],
    });
    const gen = a.apps.get('gen');
    // Let ARP resolve before traffic starts counting: the generator's first frames are dropped
    // (no_neighbor) until then, so hold it back by breathing B and A's tunnel first.
    const vxA = a.apps.get('vx'), vxB = b.apps.get('vx');
    const resolved = (x) => x.report().remoteMac !== null;
    const start = performance.now();
    while (!(resolved(vxA) && resolved(vxB)) && performance.now() - start < 5000) {
        const now = performance.now();
        vxA.tick(now);
        vxB.tick(now);
        a.breathe(now);
        b.breathe(now);
    }
    assert.ok(resolved(vxA) && resolved(vxB), 'tunnel ends resolved each other with ARP');
    const droppedEarly = a.stats().apps.vx.drops.no_neighbor ?? 0;
    const done = a.runUntil(() => { b.breathe(performance.now()); return gen.done(); }, 20_000);
    assert.ok(done);
    for (let i = 0; i < 20; i++) {
        a.breathe(performance.now());
        b.breathe(performance.now());
    }
    const sink = b.apps.get('sink');
    const got = b.stats().apps.sink.tx.packets;
    assert.equal(got + droppedEarly, 20000, 'every frame generated after resolution arrives');
    assert.ok(got > 19000);
    assert.equal(sink.late, 0);
    assert.equal(sink.lost, droppedEarly);
    assert.equal(b.stats().apps.sink.tx.bytes, got * 60, 'inner frames arrive with their original length');
    const stA = a.stats().apps.vx.extra, stB = b.stats().apps.vx.extra;
    assert.equal(stB.decapsulated, got);
    assert.ok(stA.encapsulated >= got);
    // B's bridge learned A's host behind the tunnel port.
    const macsB = b.apps.get('br').macTable();
    assert.deepEqual(macsB.map((m) => [m.mac, m.port]), [['02:00:00:00:aa:01', 'tun']]);
    const { consumed = 0, ...otherDrops } = b.stats().apps.vx.drops;
    assert.ok(consumed <= 2, 'only the ARP exchange was consumed');
    assert.deepEqual(otherDrops, {});
    a.stop();
    b.stop();
    assert.equal(pool.audit().doubleFree, 0);
});
//# sourceMappingURL=vxlan-engines.test.js.map
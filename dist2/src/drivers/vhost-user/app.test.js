/**
 * The vhost-user app in a real Engine: two vhost-user ports patched together, two Sluice
 * virtio-user "guests" attached over unix sockets. Frames cross via the single-copy path and
 * via the pool path (single copy disabled), counters add up, and port strings parse.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine } from '../../core/engine.js';
import { PacketPool } from '../../core/packet.js';
import './index.js';
import { parseVhostUserPort } from './app.js';
import { parseVirtioUserPort } from '../virtio-user/app.js';
import { VirtioUserPort } from '../virtio-user/port.js';
import { TestPool } from '../../../test/support/vhost-test-pool.js';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function run(singleCopy) {
    const dir = mkdtempSync(join(tmpdir(), 'sluice-vapp-'));
    const s0 = join(dir, 'p0.sock');
    const s1 = join(dir, 'p1.sock');
    const count = 1024;
    const pool = new PacketPool(new ArrayBuffer(PacketPool.bytesFor(count)), count);
    const engine = new Engine(pool);
    if (!singleCopy)
        process.env.SLUICE_VHOST_SINGLE_COPY = '0';
    try {
        engine.configure({
            apps: { a: { type: 'vhost-user', args: { path: s0, mode: '0600' } }, b: { type: 'vhost-user', args: { path: s1 } } },
            links: ['a.output -> b.input', 'b.output -> a.input'],
        });
    }
    finally {
        delete process.env.SLUICE_VHOST_SINGLE_COPY;
    }
    assert.equal(statSync(s0).mode & 0o777, 0o600, 'socket mode applied');
    const ga = new VirtioUserPort({ path: s0, queueSize: 64, log: () => { } });
    const gb = new VirtioUserPort({ path: s1, queueSize: 64, log: () => { } });
    await Promise.all([ga.start(), gb.start()]);
    const guestPool = new TestPool(256);
    const frames = Array.from({ length: 20 }, (_, i) => { const f = new Uint8Array(64 + i * 50); f.fill(i + 1); return f; });
    const pk = new Uint32Array(frames.length);
    frames.forEach((f, i) => { pk[i] = guestPool.packet(f); });
    const got = [];
    const out = new Uint32Array(64);
    for (let i = 0; i < 200 && got.length < frames.length; i++) {
        await sleep(5); // control messages
        if (i === 2)
            assert.equal(ga.enqueue(guestPool, pk, pk.length), pk.length);
        engine.breathe(performance.now());
        const n = gb.dequeue(guestPool, out, 64);
        for (let k = 0; k < n; k++) {
            got.push(guestPool.bytes(out[k]));
            guestPool.free(out[k]);
        }
    }
    for (const app of ['a', 'b'])
        engine.apps.get(app).tick();
    const stats = engine.stats();
    const rep = engine.apps.get('a').report();
    ga.stop();
    gb.stop();
    engine.stop();
    rmSync(dir, { recursive: true, force: true });
    return { got, frames, stats, rep };
}
test('patched vhost-user apps forward guest→guest with a single copy', async () => {
    const { got, frames, stats, rep } = await run(true);
    assert.equal(rep.singleCopy, true);
    assert.equal(got.length, frames.length);
    got.forEach((g, i) => assert.deepEqual(g, frames[i]));
    assert.equal(stats.apps.a.rx.packets, 20);
    assert.equal(stats.apps.b.tx.packets, 20);
});
test('patched vhost-user apps forward through the pool when single copy is off', async () => {
    const { got, frames, stats, rep } = await run(false);
    assert.equal(rep.singleCopy, false);
    assert.equal(got.length, frames.length);
    got.forEach((g, i) => assert.deepEqual(g, frames[i]));
    assert.equal(stats.apps.a.rx.packets, 20);
    assert.equal(stats.apps.b.tx.packets, 20);
});
test('port strings parse, and bad options are named', () => {
    assert.deepEqual(parseVhostUserPort('/tmp/a.sock,client,queues=4,mode=0660,group=kvm'), { path: '/tmp/a.sock', client: true, queues: 4, mode: 0o660, group: 'kvm' });
    assert.deepEqual(parseVhostUserPort('/tmp/a.sock'), { path: '/tmp/a.sock' });
    assert.throws(() => parseVhostUserPort('/tmp/a.sock,queues=0'), /bad option "queues=0"/);
    assert.throws(() => parseVhostUserPort('/tmp/a.sock,mode=999'), /bad option "mode=999"/);
    assert.throws(() => parseVhostUserPort('/tmp/a.sock,bogus'), /bad option "bogus"/);
    assert.throws(() => parseVhostUserPort(''), /missing socket path/);
    assert.deepEqual(parseVirtioUserPort('/tmp/b.sock,queues=2'), { path: '/tmp/b.sock', queues: 2 });
    assert.throws(() => parseVirtioUserPort('/tmp/b.sock,client'), /bad option "client"/);
});
//# sourceMappingURL=app.test.js.map
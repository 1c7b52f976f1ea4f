/**
 * Paired in-process peers (X4): Sluice's virtio-user frontend against Sluice's vhost-user
 * backend over a real unix socket, frames both ways, including jumbo frames (mergeable).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VirtioUserPort } from './port.js';
import { VhostUserPort } from '../vhost-user/port.js';
import { TestPool } from '../../../test/support/vhost-test-pool.js';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
function frame(len, seed) {
    const b = new Uint8Array(len);
    for (let i = 0; i < len; i++)
        b[i] = (i * 7 + seed) & 0xff;
    return b;
}
async function pair() {
    const dir = mkdtempSync(join(tmpdir(), 'sluice-vu-'));
    const path = join(dir, 'p.sock');
    const logs = [];
    const backend = new VhostUserPort({ path, log: (m) => logs.push(m) });
    backend.start();
    const fe = new VirtioUserPort({ path, queueSize: 64, log: (m) => logs.push(m) });
    await fe.start();
    // Let the backend process the setup messages.
    for (let i = 0; i < 100 && !(backend.connected && backend.kickFds().length > 0); i++)
        await sleep(10);
    const cleanup = () => { fe.stop(); backend.stop(); rmSync(dir, { recursive: true, force: true }); };
    return { backend, fe, logs, cleanup };
}
async function pump(fn, want) {
    let got = 0;
    for (let i = 0; i < 200 && got < want; i++) {
        got += fn();
        if (got < want)
            await sleep(5);
    }
    return got;
}
test('virtio-user ↔ vhost-user: negotiation and frames both ways', async () => {
    const { backend, fe, logs, cleanup } = await pair();
    try {
        assert.equal(fe.ready, true, logs.join('\n'));
        assert.equal(fe.mergeable, true);
        assert.equal(backend.device.io.mergeable, true);
        const pool = new TestPool(512);
        // frontend → backend (guest TX from the backend's view)
        const sent = new Uint32Array(40);
        const frames = Array.from({ length: 40 }, (_, i) => frame(60 + i * 30, i));
        frames.forEach((f, i) => { sent[i] = pool.packet(f); });
        assert.equal(fe.enqueue(pool, sent, 40), 40);
        const out = new Uint32Array(64);
        const got = [];
        await pump(() => { const n = backend.dequeue(pool, out, 64); for (let i = 0; i < n; i++)
            got.push(out[i]); return n; }, 40);
        assert.equal(got.length, 40);
        got.forEach((p, i) => assert.deepEqual(pool.bytes(p), frames[i]));
        // backend → frontend, including jumbo frames across several 2 KiB buffers
        const back = new Uint32Array(got.length);
        got.forEach((p, i) => { back[i] = p; });
        const jumbo = frame(9000, 99);
        pool.free(back[39]);
        back[39] = pool.packet(jumbo);
        assert.equal(backend.enqueue(pool, back, 40), 40);
        const recv = [];
        await pump(() => { const n = fe.dequeue(pool, out, 64); for (let i = 0; i < n; i++)
            recv.push(out[i]); return n; }, 40);
        assert.equal(recv.length, 40);
        recv.slice(0, 39).forEach((p, i) => assert.deepEqual(pool.bytes(p), frames[i]));
        assert.deepEqual(pool.bytes(recv[39]), jumbo);
        for (const p of recv)
            pool.free(p);
        assert.equal(pool.available, 512, 'no packet leaked');
        assert.equal(backend.device.io.fromGuestPackets, 40);
        assert.equal(fe.rxPackets, 40);
    }
    finally {
        cleanup();
    }
});
test('vhost-user port drops and counts when the guest posted no RX buffers', async () => {
    const { backend, fe, cleanup } = await pair();
    try {
        const pool = new TestPool(512);
        const pk = new Uint32Array(100);
        for (let i = 0; i < 100; i++)
            pk[i] = pool.packet(frame(64, i));
        // Ring size 64: at most 64 single-buffer frames fit before the frontend drains.
        const n = backend.enqueue(pool, pk, 100);
        assert.equal(n, 64);
        assert.equal(backend.device.io.noGuestBuffer, 36);
        assert.equal(pool.available, 512);
        void fe;
    }
    finally {
        cleanup();
    }
});
test('backend disconnect: frontend notices, backend unmaps and accepts a new frontend', async () => {
    const { backend, fe, cleanup } = await pair();
    try {
        fe.stop();
        for (let i = 0; i < 100 && backend.connected; i++)
            await sleep(10);
        assert.equal(backend.connected, false);
        assert.equal(backend.device.memory, null, 'guest memory unmapped on disconnect');
        const fe2 = new VirtioUserPort({ path: backend.opts.path, queueSize: 64, log: () => { } });
        await fe2.start();
        for (let i = 0; i < 100 && backend.kickFds().length === 0; i++)
            await sleep(10);
        assert.equal(backend.connects, 2);
        fe2.stop();
    }
    finally {
        cleanup();
    }
});
//# sourceMappingURL=port.test.js.map
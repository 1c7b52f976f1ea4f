/**
 * Paired in-process peers (X4): a Sluice memif client against a Sluice memif server over
 * a real seqpacket socket; frames both ways (with chained buffers), interrupts, secret,
 * multiple queues, and reconnect after the server restarts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemifPort } from './port.js';
import { eventfdRead } from '../../sys/index.js';
import { testPool, packet, packetOk, until } from '../../../test/support/memif-fake-peer.js';
function opts(path, role, logs, extra = {}) {
    return {
        path, role, id: 0, secret: '', queues: 1, log2RingSize: 6, bufferSize: 512, abstract: false,
        ifName: role, log: (m) => logs.push(`${role}: ${m}`), ...extra,
    };
}
async function pair(extra = {}, clientExtra = {}) {
    const dir = mkdtempSync(join(tmpdir(), 'sluice-memif-'));
    const path = join(dir, 'm.sock');
    const logs = [];
    const pool = testPool(2048, 10240);
    const server = new MemifPort(opts(path, 'server', logs, extra), pool);
    server.start();
    const client = new MemifPort(opts(path, 'client', logs, { ...extra, ...clientExtra }), pool);
    client.start();
    const cleanup = () => { client.stop(); server.stop(); rmSync(dir, { recursive: true, force: true }); };
    return { dir, path, logs, pool, server, client, cleanup };
}
/** Send frames of the given lengths from `a` and collect them at `b`; checks contents. */
async function exchange(pool, a, b, lens) {
    const pk = new Uint32Array(lens.length);
    lens.forEach((l, i) => { pk[i] = packet(pool, l, i); });
    const sent = a.transmit(pk, lens.length);
    const out = new Uint32Array(256);
    let got = 0;
    await until(() => {
        const n = b.receive(out, 256);
        for (let i = 0; i < n; i++) {
            assert.ok(packetOk(pool, out[i], lens[got], got), `frame ${got} (len ${lens[got]}) corrupted`);
            pool.free(out[i]);
            got++;
        }
        return got >= sent;
    }, 2000);
    return got;
}
test('memif client ↔ server: connect, frames both ways, counters agree', async () => {
    const { logs, pool, server, client, cleanup } = await pair();
    try {
        assert.ok(await until(() => server.connected && client.connected), logs.join('\n'));
        assert.equal(server.remoteIfName, 'client');
        assert.equal(client.remoteIfName, 'server');
        const lens = Array.from({ length: 40 }, (_, i) => 60 + i * 11); // one 512-byte buffer each
        assert.equal(await exchange(pool, client, server, lens), 40);
        assert.equal(await exchange(pool, server, client, lens), 40);
        assert.equal(client.stats.txPackets, 40);
        assert.equal(server.stats.rxPackets, 40);
        assert.equal(server.stats.txPackets, 40);
        assert.equal(client.stats.rxPackets, 40);
        assert.equal(server.stats.rxBytes, lens.reduce((a, b) => a + b, 0));
        assert.equal(server.stats.badDesc + client.stats.badDesc, 0);
    }
    finally {
        cleanup();
    }
    assert.equal(pool.audit().inUse, 0, 'no packet leaked');
});
test('memif: jumbo frames use chained descriptors (NEXT) both ways', async () => {
    const { logs, pool, server, client, cleanup } = await pair();
    try {
        assert.ok(await until(() => server.connected && client.connected), logs.join('\n'));
        const lens = [9000, 512, 513, 1500, 4096];
        assert.equal(await exchange(pool, client, server, lens), lens.length);
        assert.equal(await exchange(pool, server, client, lens), lens.length);
    }
    finally {
        cleanup();
    }
});
test('memif: full peer ring drops with peer_no_buffer, never blocks', async () => {
    const { logs, pool, server, client, cleanup } = await pair();
    try {
        assert.ok(await until(() => server.connected && client.connected), logs.join('\n'));
        const pk = new Uint32Array(100);
        for (let i = 0; i < 100; i++)
            pk[i] = packet(pool, 64, i);
        const sent = client.transmit(pk, 100); // ring of 64 slots, server not reading
        assert.equal(sent, 64);
        assert.equal(client.stats.peerNoBuffer, 36);
        const out = new Uint32Array(128);
        const n = server.receive(out, 128);
        assert.equal(n, 64);
        for (let i = 0; i < n; i++)
            pool.free(out[i]);
    }
    finally {
        cleanup();
    }
});
test('memif: interrupt mode — unmasked consumer gets an eventfd write per burst', async () => {
    const { logs, pool, server, client, cleanup } = await pair();
    try {
        assert.ok(await until(() => server.connected && client.connected), logs.join('\n'));
        const fd = server.wakeFds()[0];
        // Polling (masked): no interrupt.
        let pk = new Uint32Array([packet(pool, 64, 1)]);
        client.transmit(pk, 1);
        assert.equal(eventfdRead(fd), 0);
        // Sleeping (unmasked): one write per burst.
        server.setInterrupts(true);
        pk = new Uint32Array([packet(pool, 64, 2), packet(pool, 64, 3)]);
        client.transmit(pk, 2);
        assert.equal(eventfdRead(fd), 1);
        server.setInterrupts(false);
        const out = new Uint32Array(8);
        const n = server.receive(out, 8);
        assert.equal(n, 3);
        for (let i = 0; i < n; i++)
            pool.free(out[i]);
    }
    finally {
        cleanup();
    }
});
test('memif: secret — right secret connects, wrong one is refused with a reason', async () => {
    const ok = await pair({ secret: 's3cret' });
    try {
        assert.ok(await until(() => ok.server.connected && ok.client.connected), ok.logs.join('\n'));
    }
    finally {
        ok.cleanup();
    }
    const bad = await pair({ secret: 's3cret' }, { secret: 'wrong' });
    try {
        assert.ok(await until(() => bad.logs.some((l) => l.includes('Incorrect secret'))), bad.logs.join('\n'));
        assert.equal(bad.server.connected, false);
        assert.ok(bad.logs.some((l) => l.startsWith('client: disconnected: peer disconnected: "Incorrect secret"')), bad.logs.join('\n'));
    }
    finally {
        bad.cleanup();
    }
});
test('memif: id mismatch is refused; queues negotiate to the smaller side', async () => {
    const bad = await pair({}, { id: 7 });
    try {
        assert.ok(await until(() => bad.logs.some((l) => l.includes('ID not found'))), bad.logs.join('\n'));
    }
    finally {
        bad.cleanup();
    }
    const q = await pair({ queues: 2 }, { queues: 4 });
    try {
        assert.ok(await until(() => q.server.connected && q.client.connected), q.logs.join('\n'));
        assert.equal(q.client.txRings.length, 2);
        assert.equal(q.server.rxRings.length, 2);
        assert.equal(await exchange(q.pool, q.client, q.server, [64, 64, 64]), 3);
        assert.equal(await exchange(q.pool, q.client, q.server, [64, 64]), 2); // second ring (round robin)
        assert.equal(await exchange(q.pool, q.server, q.client, [100]), 1);
    }
    finally {
        q.cleanup();
    }
});
test('memif: client reconnects after the server restarts', async () => {
    const { path, logs, pool, server, client, cleanup } = await pair();
    let server2;
    try {
        assert.ok(await until(() => server.connected && client.connected), logs.join('\n'));
        server.stop();
        assert.ok(await until(() => !client.connected), 'client saw the disconnect');
        server2 = new MemifPort(opts(path, 'server', logs), pool);
        server2.start();
        assert.ok(await until(() => server2.connected && client.connected, 5000), logs.join('\n'));
        assert.equal(client.connects, 2);
        assert.equal(await exchange(pool, client, server2, [64, 128]), 2);
    }
    finally {
        server2?.stop();
        cleanup();
    }
});
//# sourceMappingURL=port.test.js.map
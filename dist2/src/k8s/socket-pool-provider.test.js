import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, readFile, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SocketPoolProvider, checkSocketPath } from './socket-pool-provider.js';
async function tmp() { return mkdtemp(join(tmpdir(), 'sk-')); }
test('slots per NUMA node, reserve writes port.json, release removes it', async () => {
    const dir = await tmp();
    const p = new SocketPoolProvider({ socketDir: dir, pollMs: 0, pools: [{ kind: 'vhost-user', slotsPerNode: { 0: 2, 1: 2 } }, { kind: 'memif', slotsPerNode: { 0: 1 } }], hugepageMounts: [{ hostPath: '/dev/hugepages-1G', containerPath: '/dev/hugepages-1G' }] });
    try {
        assert.deepEqual(p.list('vhost-user').map((d) => [d.id, d.numaNode, d.healthy]), [['vhu-n0-0', 0, true], ['vhu-n0-1', 0, true], ['vhu-n1-0', 1, true], ['vhu-n1-1', 1, true]]);
        assert.deepEqual(p.list('memif').map((d) => d.id), ['memif-n0-0']);
        const a = await p.reserve('vhost-user', ['vhu-n1-1'], { containerIndex: 0 });
        assert.equal(a.ports[0].containerSocketPath, '/var/run/sluice/vhu-n1-1/vhost-user.sock');
        assert.equal(a.ports[0].hostSocketPath, join(dir, 'ports/vhu-n1-1/vhost-user.sock'));
        assert.deepEqual(a.mounts.map((m) => m.containerPath), ['/var/run/sluice/vhu-n1-1', '/dev/hugepages-1G']);
        const meta = JSON.parse(await readFile(join(dir, 'ports/vhu-n1-1/port.json'), 'utf8'));
        assert.equal(meta.kind, 'vhost-user');
        assert.equal(meta.numaNode, 1);
        assert.ok(p.isReserved('vhu-n1-1'));
        // A restarted plugin finds the reservation again.
        const q = new SocketPoolProvider({ socketDir: dir, pollMs: 0, pools: [{ kind: 'vhost-user', slotsPerNode: { 0: 2, 1: 2 } }] });
        await q.recover();
        assert.ok(q.isReserved('vhu-n1-1'));
        await q.close();
        await p.release('vhost-user', ['vhu-n1-1']);
        assert.equal(p.isReserved('vhu-n1-1'), false);
        await assert.rejects(stat(join(dir, 'ports/vhu-n1-1')));
    }
    finally {
        await p.close();
        await rm(dir, { recursive: true, force: true });
    }
});
test('bad ids change nothing (all-or-nothing)', async () => {
    const dir = await tmp();
    const p = new SocketPoolProvider({ socketDir: dir, pollMs: 0, pools: [{ kind: 'vhost-user', slotsPerNode: { 0: 2 } }, { kind: 'memif', slotsPerNode: { 0: 1 } }] });
    try {
        await assert.rejects(p.reserve('vhost-user', ['vhu-n0-0', 'nope'], { containerIndex: 0 }), (e) => e.code === 'UnknownDevice' && e.message.includes('"nope"'));
        await assert.rejects(p.reserve('vhost-user', ['memif-n0-0'], { containerIndex: 0 }), (e) => e.code === 'WrongKind');
        await assert.rejects(p.reserve('vhost-user', ['vhu-n0-0', 'vhu-n0-0'], { containerIndex: 0 }), (e) => e.code === 'Invalid');
        await assert.rejects(p.reserve('vhost-user', [], { containerIndex: 0 }), (e) => e.code === 'Invalid');
        assert.equal(p.isReserved('vhu-n0-0'), false);
        await assert.rejects(stat(join(dir, 'ports/vhu-n0-0')));
    }
    finally {
        await p.close();
        await rm(dir, { recursive: true, force: true });
    }
});
test('a write failure rolls back earlier slots and reports Io', async () => {
    const dir = await tmp();
    // ports/ is a file, so mkdir under it fails (ENOTDIR).
    await writeFile(join(dir, 'ports'), 'x');
    const p = new SocketPoolProvider({ socketDir: dir, pollMs: 0, pools: [{ kind: 'memif', slotsPerNode: { 0: 2 } }] });
    try {
        await assert.rejects(p.reserve('memif', ['memif-n0-0', 'memif-n0-1'], { containerIndex: 0 }), (e) => e.code === 'Io' && e.message.includes('memif-n0-0'));
        assert.equal(p.isReserved('memif-n0-0'), false);
    }
    finally {
        await p.close();
        await rm(dir, { recursive: true, force: true });
    }
});
test('config validation names the field', () => {
    assert.throws(() => new SocketPoolProvider({ pollMs: 0, pools: [] }), /pools must list/);
    assert.throws(() => new SocketPoolProvider({ pollMs: 0, pools: [{ kind: 'tap', slotsPerNode: { 0: 1 } }] }), /pools\[0\]\.kind/);
    assert.throws(() => new SocketPoolProvider({ pollMs: 0, pools: [{ kind: 'memif', slotsPerNode: { 0: -1 } }] }), /slotsPerNode\[0\]/);
    assert.throws(() => new SocketPoolProvider({ pollMs: 0, pools: [{ kind: 'memif', slotsPerNode: { x: 1 } }] }), /bad NUMA node/);
    assert.throws(() => new SocketPoolProvider({ socketDir: 'rel', pollMs: 0, pools: [{ kind: 'memif', slotsPerNode: { 0: 1 } }] }), /socketDir must be an absolute/);
    assert.throws(() => new SocketPoolProvider({ socketDir: '/' + 'a'.repeat(90), pollMs: 0, pools: [{ kind: 'memif', slotsPerNode: { 0: 1 } }] }), /at most 107/);
    assert.throws(() => checkSocketPath('x', '/' + 'é'.repeat(54)), /109 bytes/);
    checkSocketPath('x', '/' + 'a'.repeat(106));
});
test('health follows the daemon socket and the port directory', async () => {
    const dir = await tmp();
    const daemonSocket = join(dir, 'd.sock');
    const p = new SocketPoolProvider({ socketDir: dir, daemonSocket, pollMs: 0, pools: [{ kind: 'vhost-user', slotsPerNode: { 0: 2 } }] });
    const changes = [];
    p.onHealthChange((k) => changes.push(k));
    try {
        await p.poll();
        assert.deepEqual(p.list('vhost-user').map((d) => d.healthy), [false, false]);
        assert.match(p.list('vhost-user')[0].reason, /not answering/);
        await assert.rejects(p.reserve('vhost-user', ['vhu-n0-0'], { containerIndex: 0 }), (e) => e.code === 'Unhealthy');
        const server = createServer((s) => s.destroy());
        await new Promise((r) => server.listen(daemonSocket, r));
        await p.poll();
        assert.deepEqual(p.list('vhost-user').map((d) => d.healthy), [true, true]);
        await p.reserve('vhost-user', ['vhu-n0-1'], { containerIndex: 0 });
        await rm(join(dir, 'ports/vhu-n0-1'), { recursive: true });
        await p.poll();
        assert.deepEqual(p.list('vhost-user').map((d) => d.healthy), [true, false]);
        await new Promise((r) => server.close(() => r()));
        assert.deepEqual(changes, ['vhost-user', 'vhost-user', 'vhost-user']);
    }
    finally {
        await p.close();
        await rm(dir, { recursive: true, force: true });
    }
});
//# sourceMappingURL=socket-pool-provider.test.js.map
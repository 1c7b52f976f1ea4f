// Drives the device plugin through the real gRPC API from a fake kubelet:
// register, list and watch, preferred allocation, allocate, pre-start, health changes,
// kubelet absent, kubelet restart, bad requests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { DevicePlugin } from './device-plugin.js';
import { SocketPoolProvider } from './socket-pool-provider.js';
import { FakeKubelet } from './testing/fake-kubelet.js';
import { HEALTHY, UNHEALTHY } from './deviceplugin/v1beta1/api.js';
const RES = 'sluice.io/vhost-user';
async function until(cond, what, ms = 5000) {
    const end = Date.now() + ms;
    while (!(await cond())) {
        if (Date.now() > end)
            throw new Error(`timed out: ${what}`);
        await new Promise((r) => setTimeout(r, 20));
    }
}
async function setup(opts = {}) {
    const root = await mkdtemp(join(tmpdir(), 'sdp-'));
    const pluginDir = join(root, 'dp');
    const socketDir = join(root, 'run');
    const daemonSocket = join(root, 'd.sock');
    let daemon;
    if (opts.daemon) {
        daemon = createServer((s) => s.destroy());
        await new Promise((r) => daemon.listen(daemonSocket, r));
    }
    const provider = new SocketPoolProvider({
        socketDir, pollMs: 0, daemonSocket: opts.daemon ? daemonSocket : undefined,
        pools: [{ kind: 'vhost-user', slotsPerNode: { 0: 2, 1: 3 } }, { kind: 'memif', slotsPerNode: { 0: 1 } }],
        hugepageMounts: [{ hostPath: '/dev/hugepages-1G', containerPath: '/dev/hugepages-1G' }],
    });
    const kubelet = new FakeKubelet(pluginDir);
    if (opts.kubelet !== false)
        await kubelet.start();
    const logs = [];
    const plugin = new DevicePlugin({ resourceName: RES, kind: 'vhost-user', provider, pluginDir, watchMs: 25, retryMs: 50, log: (e) => logs.push(e) });
    const ctx = {
        root, pluginDir, socketDir, daemonSocket, daemon, provider, kubelet, plugin, logs,
        teardown: async () => {
            await plugin.stop();
            await kubelet.stop();
            await provider.close();
            if (ctx.daemon?.listening)
                await new Promise((r) => ctx.daemon.close(() => r()));
            await rm(root, { recursive: true, force: true });
        },
    };
    return ctx;
}
test('register, options, list and watch with NUMA topology', async () => {
    const s = await setup();
    try {
        await s.plugin.start();
        const h = await s.kubelet.waitFor(RES);
        assert.equal(s.plugin.state, 'registered');
        assert.deepEqual(s.kubelet.registerCalls[0], { version: 'v1beta1', endpoint: 'sluice-vhost-user.sock', resource_name: RES, options: { pre_start_required: true, get_preferred_allocation_available: true } });
        assert.deepEqual(h.options, { pre_start_required: true, get_preferred_allocation_available: true });
        const list = h.updates[0];
        assert.deepEqual(list.map((d) => [d.ID, d.health, d.topology?.nodes.map((n) => n.ID)]), [
            ['vhu-n0-0', HEALTHY, [0]], ['vhu-n0-1', HEALTHY, [0]], ['vhu-n1-0', HEALTHY, [1]], ['vhu-n1-1', HEALTHY, [1]], ['vhu-n1-2', HEALTHY, [1]],
        ]);
    }
    finally {
        await s.teardown();
    }
});
test('preferred allocation is NUMA-aware; unknown ids are rejected', async () => {
    const s = await setup();
    try {
        await s.plugin.start();
        await s.kubelet.waitFor(RES);
        const all = ['vhu-n0-0', 'vhu-n0-1', 'vhu-n1-0', 'vhu-n1-1', 'vhu-n1-2'];
        const r = await s.kubelet.preferred(RES, { container_requests: [
                { available_deviceIDs: all, must_include_deviceIDs: [], allocation_size: 3 },
                { available_deviceIDs: all, must_include_deviceIDs: ['vhu-n0-1'], allocation_size: 2 },
            ] });
        assert.deepEqual(r.container_responses.map((c) => c.deviceIDs), [['vhu-n1-0', 'vhu-n1-1', 'vhu-n1-2'], ['vhu-n0-1', 'vhu-n0-0']]);
        await assert.rejects(s.kubelet.preferred(RES, { container_requests: [{ available_deviceIDs: ['gpu-0'], must_include_deviceIDs: [], allocation_size: 1 }] }), (e) => e.code === grpc.status.INVALID_ARGUMENT && /unknown device id "gpu-0"/.test(e.details));
        await assert.rejects(s.kubelet.preferred(RES, { container_requests: [{ available_deviceIDs: all, must_include_deviceIDs: [], allocation_size: 9 }] }), (e) => e.code === grpc.status.INVALID_ARGUMENT && /allocation_size 9/.test(e.details));
    }
    finally {
        await s.teardown();
    }
});
test('allocate returns envs, mounts, annotations and creates the port request', async () => {
    const s = await setup();
    try {
        await s.plugin.start();
        await s.kubelet.waitFor(RES);
        const r = await s.kubelet.allocate(RES, { container_requests: [{ devices_ids: ['vhu-n1-0', 'vhu-n1-1'] }, { devices_ids: ['vhu-n0-0'] }] });
        assert.equal(r.container_responses.length, 2);
        const c = r.container_responses[0];
        assert.equal(c.envs.SLUICE_VHOST_USER_SOCKETS, '/var/run/sluice/vhu-n1-0/vhost-user.sock,/var/run/sluice/vhu-n1-1/vhost-user.sock');
        assert.equal(c.envs.SLUICE_VHOST_USER_DEVICES, 'vhu-n1-0,vhu-n1-1');
        assert.equal(c.envs.SLUICE_VHOST_USER_NUMA, '1,1');
        assert.deepEqual(c.mounts, [
            { container_path: '/var/run/sluice/vhu-n1-0', host_path: join(s.socketDir, 'ports/vhu-n1-0'), read_only: false },
            { container_path: '/var/run/sluice/vhu-n1-1', host_path: join(s.socketDir, 'ports/vhu-n1-1'), read_only: false },
            { container_path: '/dev/hugepages-1G', host_path: '/dev/hugepages-1G', read_only: false },
        ]);
        assert.deepEqual(c.annotations, { 'sluice.io/vhost-user.devices': 'vhu-n1-0,vhu-n1-1', 'sluice.io/vhost-user.numa-nodes': '1' });
        assert.ok((await stat(join(s.socketDir, 'ports/vhu-n1-1/port.json'))).isFile());
        await s.kubelet.preStart(RES, ['vhu-n1-0']);
        // Re-allocating the same device (pod gone, kubelet reuses it) works.
        await s.kubelet.allocate(RES, { container_requests: [{ devices_ids: ['vhu-n1-0'] }] });
    }
    finally {
        await s.teardown();
    }
});
test('bad allocate requests: clear errors, nothing leaked', async () => {
    const s = await setup();
    try {
        await s.plugin.start();
        await s.kubelet.waitFor(RES);
        const bad = async (ids, re, code = grpc.status.INVALID_ARGUMENT) => {
            await assert.rejects(s.kubelet.allocate(RES, { container_requests: ids.map((d) => ({ devices_ids: d })) }), (e) => e.code === code && re.test(e.details));
        };
        await bad([['vhu-n0-0'], ['bogus-7']], /unknown device id "bogus-7"/);
        await bad([['memif-n0-0']], /memif port, not vhost-user/);
        await bad([['vhu-n0-0'], ['vhu-n0-0']], /appears twice/);
        await bad([[]], /devices_ids is empty/);
        await bad([], /non-empty/);
        await bad([['x'.repeat(64)]], /devices_ids\[0\] is not a device id/);
        // The first container's reservation was rolled back when the second failed.
        assert.equal(s.provider.isReserved('vhu-n0-0'), false);
        await assert.rejects(stat(join(s.socketDir, 'ports/vhu-n0-0')));
        await assert.rejects(s.kubelet.preStart(RES, ['nope']), (e) => e.code === grpc.status.INVALID_ARGUMENT);
    }
    finally {
        await s.teardown();
    }
});
test('health change when Sluice goes down and comes back', async () => {
    const s = await setup({ daemon: true });
    try {
        await s.provider.poll();
        await s.plugin.start();
        const h = await s.kubelet.waitFor(RES);
        assert.ok(h.updates[0].every((d) => d.health === HEALTHY));
        await new Promise((r) => s.daemon.close(() => r()));
        await s.provider.poll();
        await s.kubelet.waitFor(RES, 2);
        assert.ok(h.updates[1].every((d) => d.health === UNHEALTHY));
        await assert.rejects(s.kubelet.allocate(RES, { container_requests: [{ devices_ids: ['vhu-n0-0'] }] }), (e) => e.code === grpc.status.FAILED_PRECONDITION && /unhealthy/.test(e.details));
        await assert.rejects(s.kubelet.preStart(RES, ['vhu-n0-0']), (e) => e.code === grpc.status.FAILED_PRECONDITION);
        const again = createServer((c) => c.destroy());
        await new Promise((r) => again.listen(s.daemonSocket, r));
        s.daemon = again;
        await s.provider.poll();
        await s.kubelet.waitFor(RES, 3);
        assert.ok(h.updates[2].every((d) => d.health === HEALTHY));
        // A port whose directory disappears goes unhealthy on its own.
        await s.kubelet.allocate(RES, { container_requests: [{ devices_ids: ['vhu-n1-2'] }] });
        await rm(join(s.socketDir, 'ports/vhu-n1-2'), { recursive: true });
        await s.provider.poll();
        await s.kubelet.waitFor(RES, 4);
        assert.deepEqual(h.updates[3].filter((d) => d.health === UNHEALTHY).map((d) => d.ID), ['vhu-n1-2']);
    }
    finally {
        await s.teardown();
    }
});
test('kubelet absent at start: keeps serving, registers when it appears', async () => {
    const s = await setup({ kubelet: false });
    try {
        await s.plugin.start();
        assert.equal(s.plugin.state, 'serving');
        assert.ok(s.logs.includes('kubelet-absent'));
        await s.kubelet.start();
        await s.kubelet.waitFor(RES);
        await until(() => s.plugin.state === 'registered', 'registered');
    }
    finally {
        await s.teardown();
    }
});
test('kubelet restart (directory recreated): plugin re-serves and re-registers', async () => {
    const s = await setup();
    try {
        await s.plugin.start();
        await s.kubelet.waitFor(RES);
        assert.equal(s.plugin.registrations, 1);
        await s.kubelet.restart();
        await until(() => s.plugin.registrations === 2, 're-registration');
        const h = await s.kubelet.waitFor(RES);
        assert.equal(h.updates[0].length, 5);
        assert.ok((await stat(s.plugin.socketPath)).isSocket());
        const r = await s.kubelet.allocate(RES, { container_requests: [{ devices_ids: ['vhu-n0-1'] }] });
        assert.equal(r.container_responses[0].envs.SLUICE_VHOST_USER_DEVICES, 'vhu-n0-1');
        // Kubelet gone for good: the plugin logs and waits, it does not crash.
        await s.kubelet.stop();
        await rm(s.pluginDir, { recursive: true, force: true });
        await until(() => s.logs.filter((l) => l === 'socket-removed').length >= 2, 'second socket removal');
    }
    finally {
        await s.teardown();
    }
});
test('a kubelet refusing registration is retried, not fatal', async () => {
    const s = await setup();
    try {
        s.kubelet.refuse = 'resource name already taken';
        await s.plugin.start();
        assert.equal(s.plugin.state, 'serving');
        assert.ok(s.logs.includes('register-failed'));
        await until(() => s.kubelet.registerCalls.length >= 2, 'retry');
        s.kubelet.refuse = undefined;
        await until(() => s.plugin.state === 'registered', 'registered after retry');
    }
    finally {
        await s.teardown();
    }
});
test('plugin config is validated', async () => {
    const s = await setup({ kubelet: false });
    try {
        const base = { kind: 'memif', provider: s.provider, pluginDir: s.pluginDir };
        assert.throws(() => new DevicePlugin({ ...base, resourceName: 'memif' }), /<domain>\/<name>/);
        assert.throws(() => new DevicePlugin({ ...base, resourceName: 'sluice.io/memif', endpoint: 'x/y.sock' }), /plain file name/);
        assert.throws(() => new DevicePlugin({ ...base, resourceName: 'sluice.io/memif', endpoint: 'kubelet.sock' }), /plain file name/);
        assert.throws(() => new DevicePlugin({ ...base, resourceName: 'sluice.io/memif', pluginDir: '/' + 'p'.repeat(100) }), /at most 107/);
    }
    finally {
        await s.teardown();
    }
});
test('with a real Sluice daemon, Allocate creates each port (a vhost-user server on the pod socket), re-allocation re-creates it, a refused port rolls back', async () => {
    const { Daemon } = await import('../ctl/daemon.js');
    const { ApiClient } = await import('../ctl/api-client.js');
    const root = await mkdtemp(join(tmpdir(), 'sdp-'));
    const pluginDir = join(root, 'dp'), socketDir = join(root, 'run'), daemonSocket = join(root, 'd.sock');
    const daemon = await Daemon.create({ version: 1, api: { socket: daemonSocket }, metrics: { listen: 'off' } });
    await daemon.start();
    const provider = new SocketPoolProvider({ socketDir, pollMs: 0, daemonSocket, createPorts: true, pools: [{ kind: 'vhost-user', slotsPerNode: { 0: 2 } }, { kind: 'memif', slotsPerNode: { 0: 1 } }] });
    const kubelet = new FakeKubelet(pluginDir);
    await kubelet.start();
    const plugin = new DevicePlugin({ resourceName: RES, kind: 'vhost-user', provider, pluginDir, watchMs: 25, retryMs: 50 });
    const api = new ApiClient(daemonSocket);
    const ports = async () => (await api.request('port.show', {})).map((p) => `${p.name}=${p.spec}`);
    try {
        await provider.poll();
        await plugin.start();
        await kubelet.waitFor(RES);
        const host = join(socketDir, 'ports/vhu-n0-1/vhost-user.sock');
        await kubelet.allocate(RES, { container_requests: [{ devices_ids: ['vhu-n0-1'] }] });
        assert.deepEqual(await ports(), [`vhu-n0-1=vhost-user:${host},mode=0660`]);
        // The daemon listens there: a frontend (QEMU, DPDK) in the pod can connect.
        assert.ok((await stat(host)).isSocket());
        await new Promise((res, rej) => { const c = createConnection(host, () => { c.destroy(); res(); }); c.once('error', rej); });
        // The kubelet reuses the id for a new pod: the port is re-created, not duplicated.
        await kubelet.allocate(RES, { container_requests: [{ devices_ids: ['vhu-n0-1'] }] });
        assert.deepEqual(await ports(), [`vhu-n0-1=vhost-user:${host},mode=0660`]);
        // A port the daemon refuses (its name is taken by a bridge) fails the whole request and
        // leaves nothing behind, neither the other port of the request nor the directory.
        await api.request('bridge.add', { name: 'vhu-n0-0' });
        await assert.rejects(kubelet.allocate(RES, { container_requests: [{ devices_ids: ['vhu-n0-1', 'vhu-n0-0'] }] }), /did not create port vhu-n0-0/);
        assert.deepEqual(await ports(), []);
        await assert.rejects(stat(join(socketDir, 'ports/vhu-n0-0')));
        // memif through the provider API directly: a memif server on the socket.
        await provider.reserve('memif', ['memif-n0-0'], { containerIndex: 0 });
        assert.deepEqual(await ports(), [`memif-n0-0=memif:${join(socketDir, 'ports/memif-n0-0/memif.sock')},role=server`]);
        await provider.release('memif', ['memif-n0-0']);
        assert.deepEqual(await ports(), []);
    }
    finally {
        api.close();
        await plugin.stop();
        await kubelet.stop();
        await provider.close();
        await daemon.stop();
        await rm(root, { recursive: true, force: true });
    }
});
//# sourceMappingURL=device-plugin.test.js.map
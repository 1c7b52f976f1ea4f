// Runs the real `sluice doctor`, `sluice pod-info` and `sluice device-plugin` commands
// (bin/sluice.js) against fixture trees and a fake kubelet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hostFixture } from './fixtures.js';
import { FakeKubelet } from '../k8s/testing/fake-kubelet.js';
const BIN = fileURLToPath(new URL('../../../bin/sluice.js', import.meta.url));
const run = (args, env = {}) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env }, timeout: 20000 });
test('doctor: exit 1 on the laptop, 0 on the two-socket server, JSON with -j/-p', () => {
    const a = run(['doctor', '--root', hostFixture('laptop')]);
    assert.equal(a.status, 1, a.stderr);
    assert.match(a.stdout, /ERROR hugepages no hugepages reserved/);
    const b = run(['doctor', '--root', hostFixture('two-socket'), '-j']);
    assert.equal(b.status, 0, b.stderr);
    const rep = JSON.parse(b.stdout);
    assert.equal(rep.errors, 0);
    assert.ok(rep.findings.some((f) => f.check === 'sriov'));
    const c = run(['doctor', '--root', hostFixture('two-socket'), '-p']);
    assert.ok(c.stdout.includes('\n  "findings"'));
});
test('doctor and pod-info: bad arguments are usage errors (exit 2, one line)', () => {
    const a = run(['doctor', '--root', '/nonexistent/root']);
    assert.equal(a.status, 2);
    assert.match(a.stderr, /^sluice: --root \/nonexistent\/root is not a directory\n$/);
    const b = run(['pod-info', '--bogus']);
    assert.equal(b.status, 2);
    assert.match(b.stderr, /Unknown option '--bogus'/);
    const c = run(['device-plugin', '--vhost-user', 'many']);
    assert.equal(c.status, 2);
    assert.match(c.stderr, /--vhost-user must be a slot count/);
    const d = run(['device-plugin', '--vhost-user', '0', '--memif', '0']);
    assert.equal(d.status, 2);
    const e = run(['device-plugin', '--socket-dir', '/' + 'x'.repeat(100)]);
    assert.equal(e.status, 2);
    assert.match(e.stderr, /at most 107/);
});
test('pod-info in the container fixture reads SLUICE_* from the environment', () => {
    const r = run(['pod-info', '--root', hostFixture('container'), '-j'], {
        SLUICE_VHOST_USER_SOCKETS: '/var/run/sluice/vhu-n0-0/vhost-user.sock', SLUICE_VHOST_USER_DEVICES: 'vhu-n0-0', SLUICE_VHOST_USER_NUMA: '0',
    });
    assert.equal(r.status, 0, r.stderr + r.stdout);
    const info = JSON.parse(r.stdout);
    assert.equal(info.cpus.exclusive, 'yes');
    assert.equal(info.caps.ipcLock, true);
    assert.equal(info.eal.line, '-l 4-7 --huge-dir /hugepages-1Gi --vdev net_virtio_user0,path=/var/run/sluice/vhu-n0-0/vhost-user.sock,queues=1 --no-pci');
    const eal = run(['pod-info', '--root', hostFixture('container'), '--eal'], { SLUICE_MEMIF_SOCKETS: '/run/m.sock' });
    assert.equal(eal.stdout, '-l 4-7 --huge-dir /hugepages-1Gi --vdev net_memif0,role=client,id=0,socket=/run/m.sock,socket-abstract=no --no-pci\n');
    const bad = run(['pod-info', '--root', hostFixture('container')], { SLUICE_VHOST_USER_SOCKETS: 'rel.sock' });
    assert.equal(bad.status, 1);
    assert.match(bad.stdout, /problems:\n {2}SLUICE_VHOST_USER_SOCKETS\[0\] is not an absolute path/);
});
test('device-plugin command registers both resources with a kubelet and stops on SIGTERM', async () => {
    const root = await mkdtemp(join(tmpdir(), 'cdp-'));
    const kubelet = new FakeKubelet(join(root, 'dp'));
    await kubelet.start();
    const child = spawn(process.execPath, [BIN, 'device-plugin', '--root', hostFixture('two-socket'), '--vhost-user', '2', '--memif', '1',
        '--plugin-dir', join(root, 'dp'), '--socket-dir', join(root, 'run')], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d.toString(); });
    try {
        const vu = await kubelet.waitFor('sluice.io/vhost-user', 1, 10000);
        const mi = await kubelet.waitFor('sluice.io/memif', 1, 10000);
        assert.deepEqual(vu.updates[0].map((d) => d.ID), ['vhu-n0-0', 'vhu-n0-1', 'vhu-n1-0', 'vhu-n1-1']);
        assert.deepEqual(mi.updates[0].map((d) => d.ID), ['memif-n0-0', 'memif-n1-0']);
        const r = await kubelet.allocate('sluice.io/memif', { container_requests: [{ devices_ids: ['memif-n1-0'] }] });
        assert.equal(r.container_responses[0].envs.SLUICE_MEMIF_SOCKETS, '/var/run/sluice/memif-n1-0/memif.sock');
    }
    finally {
        const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
        child.kill('SIGTERM');
        const code = await exited;
        await kubelet.stop();
        await rm(root, { recursive: true, force: true });
        assert.equal(code, 0, stderr);
    }
});
//# sourceMappingURL=cli.test.js.map
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HostFs } from './host-fs.js';
import { formatPodInfo, readPodInfo } from './pod-info.js';
import { hostFixture } from './fixtures.js';
const ENV = {
    SLUICE_VHOST_USER_DEVICES: 'vhu-n0-0,vhu-n0-1',
    SLUICE_VHOST_USER_SOCKETS: '/var/run/sluice/vhu-n0-0/vhost-user.sock,/var/run/sluice/vhu-n0-1/vhost-user.sock',
    SLUICE_VHOST_USER_NUMA: '0,0',
    SLUICE_MEMIF_DEVICES: 'memif-n0-0',
    SLUICE_MEMIF_SOCKETS: '/var/run/sluice/memif-n0-0/memif.sock',
    SLUICE_MEMIF_NUMA: '0',
};
test('container with an exclusive cpuset: cpus, hugepages, IPC_LOCK, ports, EAL args', () => {
    const p = readPodInfo(new HostFs(hostFixture('container')), ENV);
    assert.deepEqual(p.problems, []);
    assert.equal(p.cpus.allowed, '4-7');
    assert.equal(p.cpus.cpuset, '4-7');
    assert.equal(p.cpus.exclusive, 'yes');
    assert.match(p.cpus.exclusiveReason, /quota is exactly 4 CPUs/);
    assert.equal(p.cpus.isolated, true);
    assert.deepEqual(p.cpus.numaNodes, [0]);
    assert.equal(p.caps.ipcLock, true);
    const g1 = p.hugepages.find((h) => h.label === '1G');
    assert.equal(g1.mount, '/hugepages-1Gi');
    assert.equal(g1.limitBytes, 2147483648);
    assert.deepEqual(g1.nodes, [{ node: 0, total: 16, free: 12 }, { node: 1, total: 16, free: 16 }]);
    assert.equal(p.hugepages.find((h) => h.label === '2M').limitBytes, 0);
    assert.deepEqual(p.ports.map((x) => x.deviceId), ['vhu-n0-0', 'vhu-n0-1', 'memif-n0-0']);
    assert.deepEqual(p.eal.args, [
        '-l', '4-7', '--huge-dir', '/hugepages-1Gi',
        '--vdev', 'net_virtio_user0,path=/var/run/sluice/vhu-n0-0/vhost-user.sock,queues=1',
        '--vdev', 'net_virtio_user1,path=/var/run/sluice/vhu-n0-1/vhost-user.sock,queues=1',
        '--vdev', 'net_memif0,role=client,id=0,socket=/var/run/sluice/memif-n0-0/memif.sock,socket-abstract=no',
        '--no-pci',
    ]);
    assert.match(formatPodInfo(p), /exclusive:   yes/);
});
test('laptop: shared cpus, no hugepages, no IPC_LOCK, no ports', () => {
    const p = readPodInfo(new HostFs(hostFixture('laptop')), {});
    assert.equal(p.cpus.exclusive, 'no');
    assert.equal(p.cpus.isolated, false);
    assert.equal(p.caps.ipcLock, false);
    assert.deepEqual(p.ports, []);
    assert.deepEqual(p.eal.args, ['-l', '0-7', '--no-huge']);
    assert.match(formatPodInfo(p), /IPC_LOCK:    no \(DPDK cannot lock/);
});
test('two-socket host: all cpus, 1G mount chosen', () => {
    const p = readPodInfo(new HostFs(hostFixture('two-socket')), {});
    assert.equal(p.cpus.exclusive, 'no');
    assert.deepEqual(p.cpus.numaNodes, [0, 1]);
    assert.deepEqual(p.eal.args, ['-l', '0-47', '--huge-dir', '/dev/hugepages']);
});
test('pinned cpuset without a matching quota is "unknown"; odd files and env are problems', () => {
    const root = mkdtempSync(join(tmpdir(), 'pod-'));
    try {
        cpSync(hostFixture('container'), root, { recursive: true, verbatimSymlinks: true });
        writeFileSync(join(root, 'sys/fs/cgroup/cpu.max'), 'max 100000\n');
        writeFileSync(join(root, 'proc/self/status'), 'Name:\tx\nCapEff:\tnot-hex\nCpus_allowed_list:\t4-7,x\n');
        const p = readPodInfo(new HostFs(root), { SLUICE_MEMIF_SOCKETS: 'memif.sock' });
        assert.equal(p.cpus.exclusive, 'unknown');
        assert.match(p.cpus.exclusiveReason, /does not match its 4 CPUs/);
        assert.equal(p.caps.ipcLock, false);
        const probs = p.problems.join('\n');
        assert.match(probs, /Cpus_allowed_list: bad cpu list entry "x"/);
        assert.match(probs, /CapEff is not a hex mask/);
        assert.match(probs, /SLUICE_MEMIF_SOCKETS\[0\] is not an absolute path/);
    }
    finally {
        rmSync(root, { recursive: true, force: true });
    }
});
//# sourceMappingURL=pod-info.test.js.map
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HostFs } from './host-fs.js';
import { formatDoctor, runDoctor } from './doctor.js';
import { hostFixture } from './fixtures.js';
const find = (r, check, sev) => r.findings.filter((f) => f.check === check && (sev === undefined || f.severity === sev));
test('laptop: no hugepages is an error with the GRUB line and the sysfs write', () => {
    const r = runDoctor(new HostFs(hostFixture('laptop')));
    assert.equal(r.errors, 1);
    const hp = find(r, 'hugepages', 'error')[0];
    assert.match(hp.message, /no hugepages reserved \(sizes available: 2M, 1G\)/);
    assert.ok(hp.fix.some((l) => l.includes('default_hugepagesz=1G hugepagesz=1G hugepages=4')));
    assert.ok(hp.fix.some((l) => l.includes('echo 1024 > /sys/kernel/mm/hugepages/hugepages-2048kB/nr_hugepages')));
    assert.match(find(r, 'cpus', 'warn')[0].fix[0], /isolcpus=1-7 nohz_full=1-7 rcu_nocbs=1-7/);
    assert.match(find(r, 'iommu', 'warn')[0].fix[0], /intel_iommu=on iommu=pt/);
    assert.deepEqual(find(r, 'vfio', 'warn')[0].fix, ['modprobe vfio-pci', 'echo vfio-pci > /etc/modules-load.d/vfio-pci.conf']);
    assert.match(find(r, 'sriov')[0].message, /no SR-IOV capable NICs \(wlp0s20f3:iwlwifi\)/);
    assert.equal(find(r, 'kernel', 'ok').length, 4);
    assert.equal(find(r, 'files').length, 0, JSON.stringify(find(r, 'files')));
    assert.match(formatDoctor(r), /1 error\(s\), 3 warning\(s\)$/);
});
test('two-socket: 1G pages on both nodes, isolation, IOMMU, vfio and SR-IOV VFs pass', () => {
    const r = runDoctor(new HostFs(hostFixture('two-socket')));
    assert.equal(r.errors, 0, formatDoctor(r));
    assert.equal(r.warnings, 0, formatDoctor(r));
    assert.equal(find(r, 'hugepages', 'ok')[0].message, '1G: 30 free of 32 (node0 14/16, node1 16/16)');
    assert.equal(find(r, 'hugetlbfs', 'ok')[0].message, '1G pages mounted at /dev/hugepages');
    assert.match(find(r, 'cpus', 'ok')[0].message, /isolated CPUs: 2-23,26-47/);
    assert.equal(find(r, 'iommu', 'ok')[0].message, 'IOMMU enabled: 8 groups');
    const sriov = find(r, 'sriov').map((f) => f.message);
    assert.ok(sriov.includes('ens1f0 (0000:3b:00.0, ice, node0): 4 of 128 VFs (2 iavf, 2 vfio-pci)'), sriov.join('\n'));
    const f1 = find(r, 'sriov').find((f) => f.message.startsWith('ens7f0'));
    assert.match(f1.message, /mlx5_core, node1\): 0 of 8 VFs enabled/);
    assert.deepEqual(f1.fix, ['echo 4 > /sys/class/net/ens7f0/device/sriov_numvfs']);
    assert.ok(!sriov.some((m) => m.startsWith('ens1f0v0')), 'VF netdevs are not listed as PFs');
});
test('odd and missing files become findings, never a crash', () => {
    const root = mkdtempSync(join(tmpdir(), 'doc-'));
    try {
        cpSync(hostFixture('two-socket'), root, { recursive: true, verbatimSymlinks: true });
        writeFileSync(join(root, 'sys/devices/system/node/node1/hugepages/hugepages-1048576kB/nr_hugepages'), 'lots\n');
        writeFileSync(join(root, 'sys/devices/system/cpu/online'), '0-47,banana\n');
        writeFileSync(join(root, 'sys/devices/pci0000:3a/0000:3b:00.0/sriov_numvfs'), '200\n');
        writeFileSync(join(root, 'sys/devices/pci0000:d7/0000:d8:00.0/numa_node'), 'north\n');
        rmSync(join(root, 'proc/cmdline'));
        rmSync(join(root, 'proc/sys/kernel/osrelease'));
        rmSync(join(root, 'proc/net'), { recursive: true });
        const r = runDoctor(new HostFs(root));
        const files = find(r, 'files').map((f) => f.message).join('\n');
        assert.match(files, /node1\/hugepages\/hugepages-1048576kB\/nr_hugepages: expected an integer, found "lots"/);
        assert.match(files, /cpu\/online: bad cpu list entry "banana"/);
        assert.match(files, /numa_node: expected an integer, found "north"/);
        assert.match(files, /\/proc\/cmdline: ENOENT/);
        assert.ok(find(r, 'sriov', 'warn').some((f) => /sriov_numvfs 200 exceeds sriov_totalvfs 128/.test(f.message)));
        assert.ok(find(r, 'kernel', 'warn').some((f) => /cannot read the kernel version/.test(f.message)));
        assert.ok(find(r, 'kernel', 'warn').some((f) => /AF_PACKET not available/.test(f.message)));
        assert.ok(find(r, 'cpus', 'warn').some((f) => /cannot read the online CPU list/.test(f.message)));
        // node1 now counts 0 pages of 1G: the imbalance is reported with the sysfs write that fixes it.
        const imb = find(r, 'hugepages', 'warn').find((f) => /none on node1/.test(f.message));
        assert.deepEqual(imb.fix, ['echo 16 > /sys/devices/system/node/node1/hugepages/hugepages-1048576kB/nr_hugepages']);
    }
    finally {
        rmSync(root, { recursive: true, force: true });
    }
});
test('an empty root reports everything missing without throwing', () => {
    const root = mkdtempSync(join(tmpdir(), 'doc-'));
    try {
        mkdirSync(join(root, 'proc'));
        const r = runDoctor(new HostFs(root));
        assert.ok(r.errors >= 1);
        assert.match(find(r, 'hugepages', 'error')[0].message, /no hugepage sizes/);
        assert.ok(find(r, 'files').length > 0);
    }
    finally {
        rmSync(root, { recursive: true, force: true });
    }
});
test('hugepages configured but not mounted, 2 CPUs, AMD IOMMU on cmdline without groups', () => {
    const root = mkdtempSync(join(tmpdir(), 'doc-'));
    try {
        cpSync(hostFixture('laptop'), root, { recursive: true, verbatimSymlinks: true });
        writeFileSync(join(root, 'sys/kernel/mm/hugepages/hugepages-2048kB/nr_hugepages'), '512\n');
        writeFileSync(join(root, 'sys/kernel/mm/hugepages/hugepages-2048kB/free_hugepages'), '0\n');
        writeFileSync(join(root, 'sys/devices/system/cpu/online'), '0-1\n');
        writeFileSync(join(root, 'proc/cpuinfo'), 'vendor_id\t: AuthenticAMD\n');
        writeFileSync(join(root, 'proc/cmdline'), 'ro amd_iommu=on\n');
        const r = runDoctor(new HostFs(root));
        assert.deepEqual(find(r, 'hugetlbfs', 'error')[0].fix, ['mkdir -p /dev/hugepages-2M && mount -t hugetlbfs -o pagesize=2M nodev /dev/hugepages-2M', '/etc/fstab: nodev /dev/hugepages-2M hugetlbfs pagesize=2M 0 0']);
        assert.ok(find(r, 'hugepages', 'warn').some((f) => /all 512 pages are in use/.test(f.message)));
        assert.match(find(r, 'cpus', 'info')[0].message, /only 2 CPUs/);
        assert.match(find(r, 'iommu', 'error')[0].message, /amd_iommu=on is on the command line but there are no IOMMU groups/);
    }
    finally {
        rmSync(root, { recursive: true, force: true });
    }
});
//# sourceMappingURL=doctor.test.js.map
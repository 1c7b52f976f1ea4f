import { readHostFacts } from './facts.js';
import { cmdlineValue, formatCpuList, parseKernelVersion, versionAtLeast } from './parse.js';
const GRUB = (args) => [
    `add to GRUB_CMDLINE_LINUX in /etc/default/grub: ${args}`,
    'then: grub2-mkconfig -o /boot/grub2/grub.cfg (or update-grub) and reboot',
];
function hugepageChecks(f, out) {
    const configured = f.hugepages.filter((s) => s.total > 0);
    if (f.hugepages.length === 0) {
        out.push({ check: 'hugepages', severity: 'error', message: 'kernel exposes no hugepage sizes (/sys/kernel/mm/hugepages missing)', fix: ['enable CONFIG_HUGETLBFS / CONFIG_HUGETLB_PAGE in the kernel'] });
        return;
    }
    if (configured.length === 0) {
        const has1g = f.hugepages.some((s) => s.sizeKb === 1048576);
        out.push({
            check: 'hugepages', severity: 'error',
            message: `no hugepages reserved (sizes available: ${f.hugepages.map((s) => s.label).join(', ')})`,
            fix: [
                ...(has1g ? GRUB('default_hugepagesz=1G hugepagesz=1G hugepages=4') : GRUB('hugepagesz=2M hugepages=1024')),
                'or now, without reboot: echo 1024 > /sys/kernel/mm/hugepages/hugepages-2048kB/nr_hugepages',
            ],
        });
        return;
    }
    for (const s of configured) {
        const perNode = s.nodes.map((n) => `node${n.node} ${n.free}/${n.total}`).join(', ');
        out.push({ check: 'hugepages', severity: 'ok', message: `${s.label}: ${s.free} free of ${s.total}${perNode ? ` (${perNode})` : ''}` });
        if (s.free === 0) {
            out.push({ check: 'hugepages', severity: 'warn', message: `${s.label}: all ${s.total} pages are in use`, fix: [`reserve more: echo ${s.total * 2} > /sys/kernel/mm/hugepages/hugepages-${s.sizeKb}kB/nr_hugepages`] });
        }
        if (f.nodes.length > 1) {
            const empty = f.nodes.filter((n) => (s.nodes.find((x) => x.node === n.node)?.total ?? 0) === 0);
            if (empty.length > 0) {
                const per = Math.max(1, Math.ceil(s.total / f.nodes.length));
                out.push({
                    check: 'hugepages', severity: 'warn',
                    message: `${s.label} pages only on some NUMA nodes; none on ${empty.map((n) => `node${n.node}`).join(', ')}: workloads there get remote memory`,
                    fix: empty.map((n) => `echo ${per} > /sys/devices/system/node/node${n.node}/hugepages/hugepages-${s.sizeKb}kB/nr_hugepages`),
                });
            }
        }
    }
}
function mountChecks(f, out) {
    const configured = f.hugepages.filter((s) => s.total > 0);
    if (configured.length === 0)
        return;
    for (const s of configured) {
        const m = f.hugetlbfs.find((x) => x.sizeKb === s.sizeKb);
        if (m) {
            out.push({ check: 'hugetlbfs', severity: 'ok', message: `${s.label} pages mounted at ${m.target}` });
        }
        else {
            const dir = `/dev/hugepages-${s.label}`;
            out.push({
                check: 'hugetlbfs', severity: f.hugetlbfs.length === 0 ? 'error' : 'warn',
                message: `no hugetlbfs mount for ${s.label} pages`,
                fix: [`mkdir -p ${dir} && mount -t hugetlbfs -o pagesize=${s.label} nodev ${dir}`, `/etc/fstab: nodev ${dir} hugetlbfs pagesize=${s.label} 0 0`],
            });
        }
    }
}
function cpuChecks(f, out) {
    const online = f.onlineCpus ?? [];
    if (online.length === 0) {
        out.push({ check: 'cpus', severity: 'warn', message: 'cannot read the online CPU list (/sys/devices/system/cpu/online)' });
        return;
    }
    // Suggest keeping the first CPU of each NUMA node for the kernel and housekeeping.
    const keep = new Set(f.nodes.length > 0 ? f.nodes.map((n) => n.cpus[0]).filter((c) => c !== undefined) : [online[0]]);
    const candidates = formatCpuList(online.filter((c) => !keep.has(c)));
    if (online.length < 3) {
        out.push({ check: 'cpus', severity: 'info', message: `only ${online.length} CPUs online: no room to isolate polling cores` });
        return;
    }
    if (f.isolated.length === 0) {
        out.push({
            check: 'cpus', severity: 'warn', message: `no isolated CPUs: polling threads share cores with the kernel and other tasks (${online.length} online)`,
            fix: GRUB(`isolcpus=${candidates} nohz_full=${candidates} rcu_nocbs=${candidates}`),
        });
        return;
    }
    out.push({ check: 'cpus', severity: 'ok', message: `isolated CPUs: ${formatCpuList(f.isolated)} (of ${formatCpuList(online)})` });
    const iso = formatCpuList(f.isolated);
    if (f.nohzFull.length === 0) {
        out.push({ check: 'cpus', severity: 'warn', message: 'isolated CPUs still take the scheduler tick (nohz_full not set)', fix: GRUB(`nohz_full=${iso} rcu_nocbs=${iso}`) });
    }
    else if (formatCpuList(f.nohzFull) !== iso) {
        out.push({ check: 'cpus', severity: 'info', message: `nohz_full (${formatCpuList(f.nohzFull)}) differs from isolcpus (${iso})` });
    }
    if (cmdlineValue(f.cmdline, 'rcu_nocbs') === undefined && f.nohzFull.length > 0) {
        out.push({ check: 'cpus', severity: 'info', message: 'rcu_nocbs not on the command line (nohz_full implies it on kernels >= 5.x)', fix: GRUB(`rcu_nocbs=${iso}`) });
    }
    for (const n of f.nodes) {
        if (n.cpus.length > 0 && !n.cpus.some((c) => f.isolated.includes(c))) {
            out.push({ check: 'cpus', severity: 'warn', message: `NUMA node ${n.node} has no isolated CPUs: ports on that node have no local polling core` });
        }
    }
}
function iommuChecks(f, out) {
    const amd = f.cpuVendor === 'AuthenticAMD';
    const flag = amd ? 'amd_iommu=on' : 'intel_iommu=on';
    const onCmd = cmdlineValue(f.cmdline, amd ? 'amd_iommu' : 'intel_iommu');
    if (f.iommuGroups > 0) {
        out.push({ check: 'iommu', severity: 'ok', message: `IOMMU enabled: ${f.iommuGroups} groups` });
        if (cmdlineValue(f.cmdline, 'iommu') !== 'pt')
            out.push({ check: 'iommu', severity: 'info', message: 'iommu=pt not set: host drivers pay for DMA translation', fix: GRUB('iommu=pt') });
        return;
    }
    if (onCmd === 'on') {
        out.push({ check: 'iommu', severity: 'error', message: `${flag} is on the command line but there are no IOMMU groups`, fix: ['enable VT-d / AMD-Vi (IOMMU) in the firmware setup'] });
    }
    else {
        out.push({ check: 'iommu', severity: 'warn', message: 'IOMMU off (no /sys/kernel/iommu_groups): vfio-pci cannot give NICs to DPDK safely', fix: GRUB(`${flag} iommu=pt`) });
    }
}
function vfioChecks(f, out) {
    if (f.modules.has('vfio_pci')) {
        out.push({ check: 'vfio', severity: 'ok', message: 'vfio-pci loaded' + (f.features.vfioDev ? '' : ' (but /dev/vfio/vfio missing)') });
    }
    else {
        out.push({ check: 'vfio', severity: 'warn', message: 'vfio-pci not loaded: NICs and VFs cannot be bound for DPDK', fix: ['modprobe vfio-pci', "echo vfio-pci > /etc/modules-load.d/vfio-pci.conf"] });
    }
}
function nicChecks(f, out) {
    const pfs = f.nics.filter((n) => !n.isVf && n.sriovTotal !== undefined);
    if (pfs.length === 0) {
        out.push({ check: 'sriov', severity: 'info', message: `no SR-IOV capable NICs (${f.nics.filter((n) => !n.isVf).map((n) => `${n.name}${n.driver ? `:${n.driver}` : ''}`).join(', ') || 'no PCI NICs'})` });
        return;
    }
    for (const n of pfs) {
        const where = `${n.name} (${n.pci ?? '?'}, ${n.driver ?? 'no driver'}${n.numaNode !== undefined ? `, node${n.numaNode}` : ''})`;
        if (n.sriovTotal === 0) {
            out.push({ check: 'sriov', severity: 'info', message: `${where}: SR-IOV capability present but 0 VFs supported` });
            continue;
        }
        if (n.sriovNum === undefined) {
            out.push({ check: 'sriov', severity: 'warn', message: `${where}: sriov_numvfs unreadable` });
            continue;
        }
        if (n.sriovNum === 0) {
            out.push({ check: 'sriov', severity: 'info', message: `${where}: 0 of ${n.sriovTotal} VFs enabled`, fix: [`echo 4 > /sys/class/net/${n.name}/device/sriov_numvfs`] });
            continue;
        }
        if (n.sriovNum > n.sriovTotal) {
            out.push({ check: 'sriov', severity: 'warn', message: `${where}: sriov_numvfs ${n.sriovNum} exceeds sriov_totalvfs ${n.sriovTotal}` });
        }
        const drivers = new Map();
        for (const vf of n.vfs)
            drivers.set(vf.driver ?? 'unbound', (drivers.get(vf.driver ?? 'unbound') ?? 0) + 1);
        const summary = [...drivers].map(([d, c]) => `${c} ${d}`).join(', ');
        out.push({ check: 'sriov', severity: 'ok', message: `${where}: ${n.sriovNum} of ${n.sriovTotal} VFs (${summary || 'none listed'})` });
        const unbound = n.vfs.filter((v) => v.driver === undefined);
        if (unbound.length > 0) {
            out.push({
                check: 'sriov', severity: 'info', message: `${where}: ${unbound.length} VFs have no driver`,
                fix: unbound.map((v) => `echo vfio-pci > /sys/bus/pci/devices/${v.pci}/driver_override && echo ${v.pci} > /sys/bus/pci/drivers_probe`),
            });
        }
        if (n.vfs.some((v) => v.driver === 'vfio-pci') && !f.modules.has('vfio_pci')) {
            out.push({ check: 'sriov', severity: 'warn', message: `${where}: VFs bound to vfio-pci but the module is not listed in /sys/module` });
        }
    }
}
function kernelChecks(f, out) {
    const v = parseKernelVersion(f.kernel);
    if (!v) {
        out.push({ check: 'kernel', severity: 'warn', message: `cannot read the kernel version (/proc/sys/kernel/osrelease: ${JSON.stringify(f.kernel ?? null)})` });
    }
    else {
        const ver = v.join('.');
        // memfd_create arrived in 3.17, eventfd in 2.6.22; Sluice needs both for vhost-user.
        out.push(versionAtLeast(v, [3, 17]) ? { check: 'kernel', severity: 'ok', message: `memfd_create available (kernel ${ver})` }
            : { check: 'kernel', severity: 'error', message: `kernel ${ver} predates memfd_create (3.17)`, fix: ['upgrade the kernel to 3.17 or later (Sluice tests on 5.x+)'] });
        out.push(versionAtLeast(v, [2, 6, 22]) ? { check: 'kernel', severity: 'ok', message: `eventfd available (kernel ${ver})` }
            : { check: 'kernel', severity: 'error', message: `kernel ${ver} predates eventfd`, fix: ['upgrade the kernel'] });
    }
    out.push(f.features.tun ? { check: 'kernel', severity: 'ok', message: 'TUN/TAP available' }
        : { check: 'kernel', severity: 'warn', message: 'TUN/TAP not available (no /dev/net/tun, tun module not loaded): tap ports will fail', fix: ['modprobe tun', 'mkdir -p /dev/net && mknod /dev/net/tun c 10 200'] });
    out.push(f.features.afPacket ? { check: 'kernel', severity: 'ok', message: 'AF_PACKET available' }
        : { check: 'kernel', severity: 'warn', message: 'AF_PACKET not available (no /proc/net/packet): af-packet ports will fail', fix: ['modprobe af_packet'] });
}
export function runDoctor(fs) {
    const f = readHostFacts(fs);
    const findings = [];
    hugepageChecks(f, findings);
    mountChecks(f, findings);
    cpuChecks(f, findings);
    iommuChecks(f, findings);
    vfioChecks(f, findings);
    nicChecks(f, findings);
    kernelChecks(f, findings);
    for (const p of [...f.problems, ...fs.problems]) {
        findings.push({ check: 'files', severity: 'warn', message: `unreadable or odd: ${p}`, fix: [`check that ${fs.root === '/' ? '' : `${fs.root} is a host root and `}/proc and /sys are mounted (inside a container: mount them from the host)`] });
    }
    return {
        root: fs.root,
        findings,
        errors: findings.filter((x) => x.severity === 'error').length,
        warnings: findings.filter((x) => x.severity === 'warn').length,
    };
}
/** Human-readable report (allocates; control path). */
export function formatDoctor(r) {
    const mark = { ok: ' ok  ', info: ' info', warn: ' WARN', error: 'ERROR' };
    const lines = r.findings.map((x) => {
        const head = `${mark[x.severity]} ${x.check.padEnd(9)} ${x.message}`;
        return x.fix && x.severity !== 'ok' ? [head, ...x.fix.map((l) => `        fix: ${l}`)].join('\n') : head;
    });
    lines.push(`${r.errors} error(s), ${r.warnings} warning(s)`);
    return lines.join('\n');
}
//# sourceMappingURL=doctor.js.map
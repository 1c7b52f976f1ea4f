import { hugetlbfsMounts, readHugepages, readNodes } from './facts.js';
import { CAP, formatCpuList, formatPageSize, hasCap, parseCapMask, parseKeyValues, parseMounts, pageSizeKb, tryCpuList } from './parse.js';
import { parseSluiceEnv } from '../k8s/env.js';
function cgroupDir(fs) {
    const text = fs.read('/proc/self/cgroup', true) ?? '';
    for (const line of text.split('\n')) {
        const m = /^0::(\/.*)$/.exec(line.trim());
        if (m) {
            const path = m[1].split('/').filter((p) => p !== '' && p !== '..').join('/');
            const dir = path === '' ? '/sys/fs/cgroup' : `/sys/fs/cgroup/${path}`;
            // Inside a cgroup namespace the path may not exist under /sys/fs/cgroup: use the root.
            return { v2: true, dir: fs.isDir(dir) ? dir : '/sys/fs/cgroup' };
        }
    }
    return { v2: fs.exists('/sys/fs/cgroup/cgroup.controllers'), dir: '/sys/fs/cgroup' };
}
const HUGETLB_NAME = (kb) => (kb >= 1048576 ? `${kb / 1048576}GB` : kb >= 1024 ? `${kb / 1024}MB` : `${kb}KB`);
export function readPodInfo(fs, env) {
    const problems = [];
    const status = parseKeyValues(fs.read('/proc/self/status') ?? '');
    const allowedText = status.get('Cpus_allowed_list');
    const allowedR = tryCpuList(allowedText);
    if (allowedR.error)
        problems.push(`/proc/self/status Cpus_allowed_list: ${allowedR.error}`);
    if (allowedText === undefined)
        problems.push('/proc/self/status has no Cpus_allowed_list');
    const allowed = allowedR.cpus ?? [];
    const cg = cgroupDir(fs);
    let cpusetSource;
    let cpuset;
    for (const p of cg.v2 ? [`${cg.dir}/cpuset.cpus.effective`] : ['/sys/fs/cgroup/cpuset/cpuset.effective_cpus', '/sys/fs/cgroup/cpuset/cpuset.cpus']) {
        const r = tryCpuList(fs.readLine(p, true));
        if (r.error)
            problems.push(`${p}: ${r.error}`);
        if (r.cpus && r.cpus.length > 0) {
            cpuset = r.cpus;
            cpusetSource = p;
            break;
        }
    }
    const onlineR = tryCpuList(fs.readLine('/sys/devices/system/cpu/online'));
    const online = onlineR.cpus ?? [];
    const nodes = readNodes(fs, problems);
    const isolatedR = tryCpuList(fs.readLine('/sys/devices/system/cpu/isolated', true));
    const isolated = new Set(isolatedR.cpus ?? []);
    const mine = cpuset ?? allowed;
    let exclusive = 'unknown';
    let exclusiveReason = 'no cpuset information';
    const v1Exclusive = cg.v2 ? undefined : fs.readInt('/sys/fs/cgroup/cpuset/cpuset.cpu_exclusive', true);
    const quota = cg.v2 ? (fs.readLine(`${cg.dir}/cpu.max`, true) ?? '').split(/\s+/) : [String(fs.readInt('/sys/fs/cgroup/cpu/cpu.cfs_quota_us', true) ?? ''), String(fs.readInt('/sys/fs/cgroup/cpu/cpu.cfs_period_us', true) ?? '')];
    const quotaCpus = /^\d+$/.test(quota[0] ?? '') && /^\d+$/.test(quota[1] ?? '') && Number(quota[1]) > 0 ? Number(quota[0]) / Number(quota[1]) : undefined;
    if (v1Exclusive === 1) {
        exclusive = 'yes';
        exclusiveReason = 'cpuset.cpu_exclusive is 1';
    }
    else if (mine.length > 0 && online.length > 0) {
        const subset = mine.length < online.length && mine.every((c) => online.includes(c));
        if (!subset) {
            exclusive = 'no';
            exclusiveReason = `cpuset ${formatCpuList(mine)} is every online CPU (shared pool)`;
        }
        else if (quotaCpus !== undefined && quotaCpus === mine.length) {
            exclusive = 'yes';
            exclusiveReason = `cpuset ${formatCpuList(mine)} is pinned and the CPU quota is exactly ${mine.length} CPUs (static CPU manager, Guaranteed QoS)`;
        }
        else {
            exclusiveReason = `cpuset ${formatCpuList(mine)} is pinned but the CPU quota (${quotaCpus ?? 'none'}) does not match its ${mine.length} CPUs`;
        }
    }
    // Hugepages: host counts per node, this container's hugetlb limit and its mount.
    const mounts = parseMounts(fs.read('/proc/self/mounts', true) ?? fs.read('/proc/mounts') ?? '');
    const meminfo = parseKeyValues(fs.read('/proc/meminfo', true) ?? '');
    const defaultKb = pageSizeKb((meminfo.get('Hugepagesize') ?? '').replace(/\s*kB$/, 'k'));
    const hmounts = hugetlbfsMounts(mounts, defaultKb);
    const hugepages = readHugepages(fs, nodes).map((s) => {
        let limitBytes;
        const lim = cg.v2 ? fs.readLine(`${cg.dir}/hugetlb.${HUGETLB_NAME(s.sizeKb)}.max`, true)
            : fs.readLine(`/sys/fs/cgroup/hugetlb/hugetlb.${HUGETLB_NAME(s.sizeKb)}.limit_in_bytes`, true);
        if (lim === 'max')
            limitBytes = null;
        else if (lim !== undefined && /^\d+$/.test(lim))
            limitBytes = Number(lim);
        return { sizeKb: s.sizeKb, label: s.label, mount: hmounts.find((m) => m.sizeKb === s.sizeKb)?.target, limitBytes, nodes: s.nodes };
    });
    for (const m of hmounts) {
        if (!hugepages.some((h) => h.sizeKb === m.sizeKb))
            hugepages.push({ sizeKb: m.sizeKb, label: formatPageSize(m.sizeKb), mount: m.target, limitBytes: undefined, nodes: [] });
    }
    const capText = status.get('CapEff');
    const cap = parseCapMask(capText);
    if (capText !== undefined && cap === undefined)
        problems.push(`/proc/self/status CapEff is not a hex mask: ${JSON.stringify(capText.slice(0, 20))}`);
    const sl = parseSluiceEnv(env);
    problems.push(...sl.problems, ...fs.problems.filter((p) => !problems.some((q) => q.startsWith(p.split(':')[0]))));
    const numaNodes = nodes.filter((n) => n.cpus.some((c) => mine.includes(c))).map((n) => n.node);
    const info = {
        cpus: {
            allowed: formatCpuList(allowed), count: allowed.length,
            cpuset: cpuset ? formatCpuList(cpuset) : undefined, cpusetSource,
            numaNodes, isolated: mine.length > 0 && mine.every((c) => isolated.has(c)),
            exclusive, exclusiveReason,
        },
        memsAllowed: status.get('Mems_allowed_list'),
        hugepages,
        caps: {
            ipcLock: cap !== undefined && hasCap(cap, CAP.IPC_LOCK),
            netAdmin: cap !== undefined && hasCap(cap, CAP.NET_ADMIN),
            netRaw: cap !== undefined && hasCap(cap, CAP.NET_RAW),
            sysAdmin: cap !== undefined && hasCap(cap, CAP.SYS_ADMIN),
            effective: capText,
        },
        ports: sl.ports,
        eal: { args: [], line: '' },
        problems,
    };
    info.eal.args = ealArgs(info, fs.exists('/dev/vfio/vfio'));
    info.eal.line = info.eal.args.map(shellQuote).join(' ');
    return info;
}
/** EAL arguments for a DPDK app using this container's CPUs, hugepages and Sluice ports. */
export function ealArgs(info, hasVfio) {
    const args = [];
    if (info.cpus.allowed !== '')
        args.push('-l', info.cpus.allowed);
    // Prefer the largest page size the container may use and has a mount for.
    const usable = info.hugepages.filter((h) => h.mount !== undefined && h.limitBytes !== 0 && (h.nodes.length === 0 || h.nodes.some((n) => n.total > 0)));
    const best = usable.sort((a, b) => b.sizeKb - a.sizeKb)[0];
    if (best)
        args.push('--huge-dir', best.mount);
    else
        args.push('--no-huge');
    let vu = 0;
    let mi = 0;
    for (const p of info.ports) {
        // Sluice is the vhost-user backend and memif server; the app is the virtio-user
        // frontend and memif client. socket-abstract=no: DPDK >= 22.x defaults to abstract sockets.
        if (p.kind === 'vhost-user')
            args.push('--vdev', `net_virtio_user${vu++},path=${p.socket},queues=1`);
        else
            args.push('--vdev', `net_memif${mi++},role=client,id=0,socket=${p.socket},socket-abstract=no`);
    }
    if (!hasVfio && info.ports.length > 0)
        args.push('--no-pci');
    return args;
}
function shellQuote(s) {
    return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
/** Human-readable summary (allocates; control path). */
export function formatPodInfo(p) {
    const yes = (b) => (b ? 'yes' : 'no');
    const lines = [
        `cpus:        ${p.cpus.allowed || '?'} (${p.cpus.count} cpus, NUMA node${p.cpus.numaNodes.length === 1 ? '' : 's'} ${p.cpus.numaNodes.join(',') || '?'})`,
        `cpuset:      ${p.cpus.cpuset ?? '?'}${p.cpus.cpusetSource ? ` (${p.cpus.cpusetSource})` : ''}`,
        `exclusive:   ${p.cpus.exclusive}: ${p.cpus.exclusiveReason}`,
        `isolated:    ${yes(p.cpus.isolated)}`,
        `mems:        ${p.memsAllowed ?? '?'}`,
        `IPC_LOCK:    ${yes(p.caps.ipcLock)}${p.caps.ipcLock ? '' : ' (DPDK cannot lock hugepage memory: add securityContext.capabilities.add: [IPC_LOCK])'}`,
        'hugepages:',
        ...(p.hugepages.length === 0 ? ['  none'] : p.hugepages.map((h) => `  ${h.label.padEnd(4)} mount ${h.mount ?? '-'}, limit ${h.limitBytes === null ? 'max' : h.limitBytes === undefined ? '?' : `${h.limitBytes} bytes`}, ${h.nodes.map((n) => `node${n.node} ${n.free}/${n.total} free`).join(', ') || 'no per-node counts'}`)),
        'sluice ports:',
        ...(p.ports.length === 0 ? ['  none (no SLUICE_* variables)'] : p.ports.map((x) => `  ${x.kind.padEnd(10)} ${x.deviceId.padEnd(12)} node ${x.numaNode}  ${x.socket}`)),
        `eal:         ${p.eal.line}`,
    ];
    if (p.problems.length > 0)
        lines.push('problems:', ...p.problems.map((x) => `  ${x}`));
    return lines.join('\n');
}
//# sourceMappingURL=pod-info.js.map
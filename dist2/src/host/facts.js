/**
 * Host facts read through a HostFs: NUMA nodes and their CPUs, hugepages per size and
 * node, hugetlbfs mounts, isolated CPUs, IOMMU groups, loaded modules, NICs with SR-IOV,
 * kernel features. Pure gathering: no judgement (doctor.ts judges), never throws; odd
 * values become entries in `problems`.
 */
import { naturalCompare } from './host-fs.js';
import { cmdlineValue, formatPageSize, pageSizeKb, parseCmdline, parseKernelVersion, parseKeyValues, parseMounts, tryCpuList, } from './parse.js';
const HP_DIR = /^hugepages-(\d+)kB$/;
export function readHugepages(fs, nodes) {
    const sizes = new Map();
    for (const d of fs.list('/sys/kernel/mm/hugepages')) {
        const m = HP_DIR.exec(d);
        if (!m)
            continue;
        const kb = Number(m[1]);
        sizes.set(kb, {
            sizeKb: kb, label: formatPageSize(kb),
            total: fs.readInt(`/sys/kernel/mm/hugepages/${d}/nr_hugepages`) ?? 0,
            free: fs.readInt(`/sys/kernel/mm/hugepages/${d}/free_hugepages`) ?? 0,
            nodes: [],
        });
    }
    for (const n of nodes) {
        for (const d of fs.list(`/sys/devices/system/node/node${n.node}/hugepages`, true)) {
            const m = HP_DIR.exec(d);
            if (!m)
                continue;
            const kb = Number(m[1]);
            let s = sizes.get(kb);
            if (!s) {
                s = { sizeKb: kb, label: formatPageSize(kb), total: 0, free: 0, nodes: [] };
                sizes.set(kb, s);
            }
            const base = `/sys/devices/system/node/node${n.node}/hugepages/${d}`;
            s.nodes.push({ node: n.node, total: fs.readInt(`${base}/nr_hugepages`) ?? 0, free: fs.readInt(`${base}/free_hugepages`) ?? 0 });
        }
    }
    return [...sizes.values()].sort((a, b) => a.sizeKb - b.sizeKb);
}
export function readNodes(fs, problems) {
    const out = [];
    for (const d of fs.list('/sys/devices/system/node', true)) {
        const m = /^node(\d+)$/.exec(d);
        if (!m)
            continue;
        const r = tryCpuList(fs.readLine(`/sys/devices/system/node/${d}/cpulist`));
        if (r.error)
            problems.push(`/sys/devices/system/node/${d}/cpulist: ${r.error}`);
        out.push({ node: Number(m[1]), cpus: r.cpus ?? [] });
    }
    return out.sort((a, b) => a.node - b.node);
}
export function hugetlbfsMounts(mounts, defaultKb) {
    const out = [];
    for (const m of mounts) {
        if (m.fstype !== 'hugetlbfs')
            continue;
        const opt = m.options.find((o) => o.startsWith('pagesize='));
        const kb = opt ? pageSizeKb(opt.slice('pagesize='.length)) : defaultKb;
        out.push({ target: m.target, sizeKb: kb ?? 0 });
    }
    return out;
}
function readNics(fs, problems) {
    const out = [];
    for (const name of fs.list('/sys/class/net', true)) {
        const dev = `/sys/class/net/${name}/device`;
        if (!fs.exists(dev))
            continue; // lo, bridges, veths: no device behind them
        const pci = fs.linkName(dev);
        const total = fs.readInt(`${dev}/sriov_totalvfs`, true);
        const num = fs.readInt(`${dev}/sriov_numvfs`, true);
        const rawNuma = fs.readLine(`${dev}/numa_node`, true);
        let numaNode;
        if (rawNuma !== undefined) {
            if (/^-?\d+$/.test(rawNuma))
                numaNode = Number(rawNuma);
            else
                problems.push(`${dev}/numa_node: expected an integer, found ${JSON.stringify(rawNuma.slice(0, 40))}`);
        }
        const vfs = [];
        for (const e of fs.list(dev, true)) {
            const m = /^virtfn(\d+)$/.exec(e);
            if (!m)
                continue;
            vfs.push({ index: Number(m[1]), pci: fs.linkName(`${dev}/${e}`) ?? e, driver: fs.linkName(`${dev}/${e}/driver`) });
        }
        vfs.sort((a, b) => a.index - b.index);
        out.push({
            name, pci, driver: fs.linkName(`${dev}/driver`), numaNode: numaNode !== undefined && numaNode >= 0 ? numaNode : undefined,
            sriovTotal: total, sriovNum: num, vfs, isVf: fs.exists(`${dev}/physfn`),
        });
    }
    return out;
}
export function readHostFacts(fs) {
    const problems = [];
    const cmdline = parseCmdline(fs.read('/proc/cmdline') ?? '');
    const meminfo = parseKeyValues(fs.read('/proc/meminfo') ?? '');
    const defaultHugepageKb = pageSizeKb((meminfo.get('Hugepagesize') ?? '').replace(/\s*kB$/, 'k'));
    const online = tryCpuList(fs.readLine('/sys/devices/system/cpu/online'));
    if (online.error)
        problems.push(`/sys/devices/system/cpu/online: ${online.error}`);
    const isolated = tryCpuList(fs.readLine('/sys/devices/system/cpu/isolated', true));
    if (isolated.error)
        problems.push(`/sys/devices/system/cpu/isolated: ${isolated.error}`);
    const nohz = tryCpuList(fs.readLine('/sys/devices/system/cpu/nohz_full', true));
    if (nohz.error)
        problems.push(`/sys/devices/system/cpu/nohz_full: ${nohz.error}`);
    // Fall back to the command line when sysfs does not say (older kernels).
    const fromCmd = (key) => {
        const v = cmdlineValue(cmdline, key);
        if (v === undefined)
            return [];
        const r = tryCpuList(v.split(',').filter((p) => /^\d/.test(p)).join(','));
        return r.cpus ?? [];
    };
    const nodes = readNodes(fs, problems);
    const mounts = parseMounts(fs.read('/proc/mounts') ?? '');
    const cpuinfo = fs.read('/proc/cpuinfo', true);
    const modules = new Set(fs.list('/sys/module', true));
    const groups = fs.list('/sys/kernel/iommu_groups', true).filter((g) => /^\d+$/.test(g));
    const facts = {
        cmdline,
        kernel: fs.readLine('/proc/sys/kernel/osrelease'),
        cpuVendor: cpuinfo ? parseKeyValues(cpuinfo).get('vendor_id') : undefined,
        onlineCpus: online.cpus,
        nodes,
        isolated: isolated.cpus && isolated.cpus.length > 0 ? isolated.cpus : fromCmd('isolcpus'),
        nohzFull: nohz.cpus && nohz.cpus.length > 0 ? nohz.cpus : fromCmd('nohz_full'),
        defaultHugepageKb,
        hugepages: readHugepages(fs, nodes),
        mounts,
        hugetlbfs: hugetlbfsMounts(mounts, defaultHugepageKb),
        iommuGroups: groups.length,
        modules,
        nics: readNics(fs, problems).sort((a, b) => naturalCompare(a.name, b.name)),
        features: {
            tun: fs.exists('/dev/net/tun') || modules.has('tun') || fs.exists('/sys/class/misc/tun'),
            afPacket: fs.exists('/proc/net/packet'),
            vfioDev: fs.exists('/dev/vfio/vfio'),
        },
        problems,
    };
    return facts;
}
export { parseKernelVersion };
//# sourceMappingURL=facts.js.map
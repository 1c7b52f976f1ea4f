/**
 * Host facts read through a HostFs: NUMA nodes and their CPUs, hugepages per size and
 * node, hugetlbfs mounts, isolated CPUs, IOMMU groups, loaded modules, NICs with SR-IOV,
 * kernel features. Pure gathering: no judgement (doctor.ts judges), never throws; odd
 * values become entries in `problems`.
 */
import { HostFs } from './host-fs.js';
import { parseKernelVersion, type MountEntry } from './parse.js';
export interface HugepageCount {
    total: number;
    free: number;
}
export interface HugepageSize {
    sizeKb: number;
    /** "2M", "1G". */
    label: string;
    total: number;
    free: number;
    /** Per NUMA node (empty when the kernel exposes no node directories). */
    nodes: ({
        node: number;
    } & HugepageCount)[];
}
export interface HugetlbfsMount {
    target: string;
    sizeKb: number;
}
export interface NumaNodeInfo {
    node: number;
    cpus: number[];
}
export interface VfInfo {
    index: number;
    pci: string;
    driver: string | undefined;
}
export interface NicInfo {
    name: string;
    pci: string | undefined;
    driver: string | undefined;
    numaNode: number | undefined;
    sriovTotal: number | undefined;
    sriovNum: number | undefined;
    vfs: VfInfo[];
    /** True for a VF (has a physfn link). */
    isVf: boolean;
}
export interface HostFacts {
    cmdline: [string, string | undefined][];
    kernel: string | undefined;
    cpuVendor: string | undefined;
    onlineCpus: number[] | undefined;
    nodes: NumaNodeInfo[];
    isolated: number[];
    nohzFull: number[];
    defaultHugepageKb: number | undefined;
    hugepages: HugepageSize[];
    mounts: MountEntry[];
    hugetlbfs: HugetlbfsMount[];
    iommuGroups: number;
    modules: Set<string>;
    nics: NicInfo[];
    features: {
        tun: boolean;
        afPacket: boolean;
        vfioDev: boolean;
    };
    problems: string[];
}
export declare function readHugepages(fs: HostFs, nodes: readonly NumaNodeInfo[]): HugepageSize[];
export declare function readNodes(fs: HostFs, problems: string[]): NumaNodeInfo[];
export declare function hugetlbfsMounts(mounts: readonly MountEntry[], defaultKb: number | undefined): HugetlbfsMount[];
export declare function readHostFacts(fs: HostFs): HostFacts;
export { parseKernelVersion };

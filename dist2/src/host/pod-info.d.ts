/**
 * `sluice pod-info`: what a DPDK app inside a container needs to know, read from the
 * container's own view of /proc and /sys (through a HostFs) and its environment.
 *
 * readPodInfo(fs, env) -> PodInfo:
 *   cpus        affinity (Cpus_allowed_list of /proc/self/status), the cgroup cpuset
 *               (cgroup v2 cpuset.cpus.effective, else v1 cpuset/cpuset.cpus), NUMA nodes
 *               of those CPUs, whether they are isolated, and whether they are exclusive:
 *               "yes" when cgroup v1 cpu_exclusive is set, or when the cpuset is a strict
 *               subset of the online CPUs and the CFS quota equals its size (what the
 *               kubelet's static CPU manager gives a Guaranteed pod with integer CPUs);
 *               "no" when the cpuset is every online CPU (the shared pool); else "unknown".
 *   hugepages   per size: host pages per NUMA node, the container's hugetlb cgroup limit,
 *               and the hugetlbfs mount to use.
 *   caps        IPC_LOCK (needed to lock hugepage memory), NET_ADMIN, NET_RAW, SYS_ADMIN.
 *   ports       Sluice interfaces from SLUICE_* (see src/k8s/env.ts).
 *   eal         ready-made EAL arguments: -l, --huge-dir, --vdev per port.
 * Never throws; what could not be read is listed in `problems`.
 */
import { HostFs } from './host-fs.js';
import { type PodPort } from '../k8s/env.js';
export interface PodHugepages {
    sizeKb: number;
    label: string;
    mount: string | undefined;
    /** hugetlb cgroup limit in bytes; null = unlimited ("max"); undefined = unknown. */
    limitBytes: number | null | undefined;
    nodes: {
        node: number;
        total: number;
        free: number;
    }[];
}
export interface PodInfo {
    cpus: {
        allowed: string;
        count: number;
        cpuset: string | undefined;
        cpusetSource: string | undefined;
        numaNodes: number[];
        isolated: boolean;
        exclusive: 'yes' | 'no' | 'unknown';
        exclusiveReason: string;
    };
    memsAllowed: string | undefined;
    hugepages: PodHugepages[];
    caps: {
        ipcLock: boolean;
        netAdmin: boolean;
        netRaw: boolean;
        sysAdmin: boolean;
        effective: string | undefined;
    };
    ports: PodPort[];
    eal: {
        args: string[];
        line: string;
    };
    problems: string[];
}
export declare function readPodInfo(fs: HostFs, env: Readonly<Record<string, string | undefined>>): PodInfo;
/** EAL arguments for a DPDK app using this container's CPUs, hugepages and Sluice ports. */
export declare function ealArgs(info: PodInfo, hasVfio: boolean): string[];
/** Human-readable summary (allocates; control path). */
export declare function formatPodInfo(p: PodInfo): string;

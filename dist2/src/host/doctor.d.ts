/**
 * `sluice doctor` checks: is this host ready for Sluice and DPDK-style workloads?
 *
 * runDoctor(fs) -> Report { findings, errors, warnings }. Each finding has a check name, a
 * severity (ok | info | warn | error), a one-line message and, unless ok, `fix`: the exact
 * change to make (a GRUB_CMDLINE_LINUX addition, a sysfs write, a modprobe, an fstab line).
 * error = a Sluice/DPDK workload will not start as configured; warn = it runs, worse
 * (latency, NUMA, missing optional feature); info = worth knowing.
 *
 * Checks: hugepages (per size and NUMA node), hugetlbfs mounts, isolated CPUs
 * (isolcpus/nohz_full/rcu_nocbs), IOMMU (cmdline and groups), vfio-pci, SR-IOV NICs and VF
 * drivers, kernel features (TUN, AF_PACKET, memfd, eventfd), unreadable/odd files.
 */
import { HostFs } from './host-fs.js';
export type Severity = 'ok' | 'info' | 'warn' | 'error';
export interface Finding {
    check: string;
    severity: Severity;
    message: string;
    fix?: string[];
}
export interface DoctorReport {
    root: string;
    findings: Finding[];
    errors: number;
    warnings: number;
}
export declare function runDoctor(fs: HostFs): DoctorReport;
/** Human-readable report (allocates; control path). */
export declare function formatDoctor(r: DoctorReport): string;

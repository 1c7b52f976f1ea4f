/**
 * Parsers for the /proc and /sys formats doctor and pod-info read. All are pure; the
 * cpu-list parser throws a RangeError naming the offending part, the others skip what they
 * cannot read.
 */
/** Highest CPU number accepted (Linux NR_CPUS max is 8192). */
export declare const MAX_CPU = 8191;
/** "0-3,8,10-11" -> [0,1,2,3,8,10,11]; "" and "(null)" -> []. Throws on malformed text. */
export declare function parseCpuList(text: string): number[];
/** [0,1,2,3,8,10,11] -> "0-3,8,10-11". */
export declare function formatCpuList(cpus: readonly number[]): string;
/** Lenient cpu-list parse: the list, or undefined plus a message. */
export declare function tryCpuList(text: string | undefined): {
    cpus?: number[];
    error?: string;
};
/** "Key:   value unit" lines (meminfo, status) -> map of key to the value text. */
export declare function parseKeyValues(text: string): Map<string, string>;
/** Kernel command line -> ordered [key, value|undefined] pairs, honouring double quotes. */
export declare function parseCmdline(text: string): [string, string | undefined][];
/** Last value of a cmdline key (the kernel's rule for repeated keys), or undefined. */
export declare function cmdlineValue(args: readonly [string, string | undefined][], key: string): string | undefined;
export interface MountEntry {
    source: string;
    target: string;
    fstype: string;
    options: string[];
}
/** /proc/mounts lines; octal escapes (\040 for space) decoded; short lines skipped. */
export declare function parseMounts(text: string): MountEntry[];
/** hugetlbfs "pagesize=" option ("2M", "1G", "1024M", "2048k") -> kB, or undefined. */
export declare function pageSizeKb(text: string): number | undefined;
/** 2048 -> "2M", 1048576 -> "1G". */
export declare function formatPageSize(kb: number): string;
/** Capability bit numbers (linux/capability.h). */
export declare const CAP: {
    readonly NET_ADMIN: 12;
    readonly NET_RAW: 13;
    readonly IPC_LOCK: 14;
    readonly SYS_ADMIN: 21;
    readonly SYS_NICE: 23;
    readonly SYS_RESOURCE: 24;
};
/** Hex capability mask from /proc/<pid>/status -> bigint, or undefined when malformed. */
export declare function parseCapMask(text: string | undefined): bigint | undefined;
export declare function hasCap(mask: bigint, bit: number): boolean;
/** "5.14.0-362.el9.x86_64" -> [5, 14, 0]; undefined when it does not start with a version. */
export declare function parseKernelVersion(text: string | undefined): [number, number, number] | undefined;
export declare function versionAtLeast(v: readonly number[], min: readonly number[]): boolean;

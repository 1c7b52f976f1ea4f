/** A mapping of (part of) an fd. `unmap()` is idempotent; views made from `buffer` must not be used after it. */
export declare class MappedRegion {
    readonly ptr: unknown;
    readonly size: number;
    readonly buffer: ArrayBuffer;
    private mapped;
    constructor(ptr: unknown, size: number, buffer: ArrayBuffer);
    /** Address of the mapping (control path; e.g. for vhost-user `userspace_addr`). */
    get address(): bigint;
    unmap(): void;
    /** Lock the pages in RAM where permitted (RLIMIT_MEMLOCK/CAP_IPC_LOCK); returns whether it worked. */
    lock(): boolean;
}
/** Map `size` bytes of `fd` at `offset` read-write (or read-only), MAP_SHARED. */
export declare function mapFd(fd: number, size: number, offset?: number, writable?: boolean): MappedRegion;
export type Backing = 'hugetlbfs' | 'memfd';
/** A region this process created: owns its fd and its mapping. */
export declare class SharedRegion {
    readonly fd: number;
    readonly size: number;
    readonly backing: Backing;
    readonly mapping: MappedRegion;
    readonly pageSize: number;
    constructor(fd: number, size: number, backing: Backing, mapping: MappedRegion, pageSize: number);
    get buffer(): ArrayBuffer;
    close(): void;
}
interface HugeMount {
    path: string;
    pageSize: number;
}
/** hugetlbfs mounts from /proc/mounts with their page size. */
export declare function hugetlbfsMounts(procRoot?: string): HugeMount[];
export interface RegionOptions {
    /** 'auto' (default): hugetlbfs if available, else memfd. */
    hugepages?: 'auto' | 'never' | 'require';
    /** Print the one-line memfd fallback notice (default true). */
    quiet?: boolean;
}
/** Create a shared region of at least `size` bytes (rounded up to the page size). */
export declare function createSharedRegion(size: number, name: string, opts?: RegionOptions): SharedRegion;
/** Close an fd, ignoring errors (used on cleanup paths). */
export declare function closeFd(fd: number): void;
/** A second fd for the same open file (as a peer holds one after SCM_RIGHTS). */
export declare function dupFd(fd: number): number;
export {};

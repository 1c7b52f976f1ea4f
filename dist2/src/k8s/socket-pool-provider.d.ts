import { type Allocation, type DeviceInfo, type PodHint, type PortKind, type PortProvider } from './port-provider.js';
/** sun_path is 108 bytes on Linux, one of which is the terminating NUL. */
export declare const MAX_UNIX_SOCKET_PATH = 107;
export interface PoolSpec {
    kind: PortKind;
    /** Slots per NUMA node, e.g. {0: 8, 1: 8}; a host without NUMA info uses {0: n}. */
    slotsPerNode: Record<number, number>;
}
export interface SocketPoolConfig {
    socketDir?: string;
    containerDir?: string;
    pools: PoolSpec[];
    /** hugetlbfs mounts handed to every allocation (leave empty when pods use hugepages-* emptyDirs). */
    hugepageMounts?: {
        hostPath: string;
        containerPath: string;
    }[];
    /** Sluice daemon control socket; when set, slots are unhealthy while it refuses connections. */
    daemonSocket?: string;
    /** Create and delete the ports through the daemon at `daemonSocket` (default false). */
    createPorts?: boolean;
    /** Socket file mode the daemon gives vhost-user sockets (default 0o660). */
    socketMode?: number;
    pollMs?: number;
    probeTimeoutMs?: number;
}
/** Byte length of a path as the kernel sees it. */
export declare function socketPathBytes(p: string): number;
/** Throws unless `p` fits sun_path. */
export declare function checkSocketPath(what: string, p: string): void;
export declare class SocketPoolProvider implements PortProvider {
    readonly socketDir: string;
    readonly containerDir: string;
    private readonly slots;
    private readonly listeners;
    private readonly hugepageMounts;
    private readonly daemonSocket;
    /** Set when ports are created through the daemon (createPorts). */
    private readonly daemon;
    private readonly socketMode;
    private readonly probeTimeoutMs;
    private daemonUp;
    private timer;
    private polling;
    constructor(config: SocketPoolConfig);
    /** Reads reservations left on disk by a previous run (call once after construction). */
    recover(): Promise<void>;
    list(kind: PortKind): DeviceInfo[];
    /** True when `id` is reserved (for tests and status output). */
    isReserved(id: string): boolean;
    reserve(kind: PortKind, deviceIds: readonly string[], _hint: PodHint): Promise<Allocation>;
    release(kind: PortKind, deviceIds: readonly string[]): Promise<void>;
    onHealthChange(cb: (kind: PortKind) => void): () => void;
    close(): Promise<void>;
    /** One health pass (exported for tests; the timer calls it too). */
    poll(): Promise<void>;
    private hostDirOf;
    private createSlot;
    private removeSlot;
    /** Delete the daemon's port `name`; absent is fine. */
    private daemonPortDel;
    private recompute;
    private probe;
}

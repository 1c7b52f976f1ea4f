/**
 * The vhost-user net device behind one socket connection: implements the `BackendDevice`
 * interface (memory table, rings, features, fds) and owns everything the frontend handed
 * over. It runs on the same thread as the port's data path, so control changes happen
 * between bursts: a new memory table is mapped, every ring is re-set-up against it, and only
 * then is the old table unmapped (no use-after-unmap); `disconnect()` closes every fd and
 * unmaps everything.
 *
 * A ring moves data when: its layout was accepted against the current memory table
 * (`queue.ready`), it is enabled (SET_VRING_ENABLE 1, or implicitly without
 * VHOST_USER_F_PROTOCOL_FEATURES), and it was started by SET_VRING_KICK. GET_VRING_BASE stops
 * it and returns nextAvail; SET_VRING_BASE sets the resume point, so a restarted switch
 * resumes a running guest's rings.
 */
import { GuestMemory } from '../../mem/guest-memory.js';
import { DeviceQueue } from '../../virtio/split/device-queue.js';
import { type MemRegion, type VringAddr } from '../../vhost-user/message.js';
import type { BackendDevice } from '../../vhost-user/backend-handler.js';
import { NetIo } from './net-io.js';
import type { DeviceSnapshot } from './queue-share.js';
/**
 * Virtio features this backend offers. VIRTIO_F_IN_ORDER: every data path here (net-io.ts)
 * consumes chains in avail order and writes one used entry per chain in that same order
 * (chains it cannot use yet are un-popped, never skipped), which is all the feature promises;
 * DPDK's virtio PMD then takes its cheaper in-order rx/tx paths (as it does against DPDK's
 * vhost, which offers it too).
 */
export declare const OFFERED_FEATURES: bigint;
/** Protocol features this backend offers. */
export declare const OFFERED_PROTOCOL_FEATURES: bigint;
export declare class Ring {
    readonly queue: DeviceQueue;
    num: number;
    addr: VringAddr | null;
    /** Guest-physical ring addresses once translated against the memory table (0: not set up). */
    descGpa: number;
    availGpa: number;
    usedGpa: number;
    kickFd: number;
    callFd: number;
    errFd: number;
    enabled: boolean;
    started: boolean;
    /** Quarantine already reported (log once). */
    reported: boolean;
    /** Whether this ring moves data now. */
    get live(): boolean;
}
export declare class VhostNetDevice implements BackendDevice {
    readonly queuePairs: number;
    private readonly log;
    private readonly offloads;
    readonly numRings: number;
    readonly rings: Ring[];
    memory: GuestMemory | null;
    private mappings;
    /**
     * The memory table's fds, kept open while the table is current so worker engines serving
     * queue pairs (queue-share.ts) can map it themselves; closed when the table is replaced.
     */
    private regions;
    /** Bumped by every memory-table change (snapshots carry it). */
    private memGen;
    features: bigint;
    protocolFeatures: bigint;
    /** Last negotiated values, kept across disconnects for reports. */
    lastFeatures: bigint;
    lastProtocolFeatures: bigint;
    status: number;
    readonly io: NetIo;
    /** Bumped whenever ring liveness may have changed (the port rebuilds its active lists). */
    generation: number;
    /** Quarantined-queue count since start (counter). */
    quarantined: number;
    constructor(queuePairs: number, maxFrame: number, log: (m: string) => void, offloads?: boolean);
    getFeatures(): bigint;
    getProtocolFeatures(): bigint;
    queueNum(): number;
    setFeatures(f: bigint): void;
    setProtocolFeatures(f: bigint): void;
    setOwner(): void;
    resetOwner(): void;
    setMemTable(regions: MemRegion[], fds: number[]): void;
    private ring;
    /** Re-translate ring `i` against the current memory table. */
    private setupRing;
    private resetupAll;
    setVringNum(i: number, num: number): void;
    setVringAddr(a: VringAddr): void;
    setVringBase(i: number, base: number): void;
    getVringBase(i: number): number;
    private replaceFd;
    setVringKick(i: number, fd: number): void;
    setVringCall(i: number, fd: number): void;
    setVringErr(i: number, fd: number): void;
    setVringEnable(i: number, on: boolean): void;
    setStatus(s: number): void;
    getStatus(): number;
    /** Report newly quarantined rings once each (called by the port on the control path). */
    checkQuarantine(): void;
    /** The state a worker engine needs to serve some of the rings (queue-share.ts). */
    snapshot(): DeviceSnapshot | null;
    /** Close every fd and unmap all guest memory (connection lost). Ring indices are kept. */
    disconnect(): void;
}

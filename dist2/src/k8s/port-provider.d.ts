/**
 * The device plugin's view of Sluice ports: what can be advertised, reserved and released.
 *
 * The plugin never touches the switch directly; it talks to a `PortProvider`. The
 * directory-backed `SocketPoolProvider` (socket-pool-provider.ts) is the default; the
 * daemon can hand in its own implementation later.
 *
 * Contract:
 *   list(kind)                  -> every device of that kind with its NUMA node and health
 *                                  (a fresh array; the plugin sends it to the kubelet as is).
 *   reserve(kind, ids, hint)    -> all-or-nothing: either every id is reserved and the
 *                                  ports are returned, or nothing changed and a PortError says
 *                                  which id and why. Reserving an id that is already reserved
 *                                  re-creates it (the kubelet never tells plugins about
 *                                  deallocation, so a new Allocate of the same id means the
 *                                  previous user is gone).
 *   release(kind, ids)          -> frees the ports; unknown ids are ignored.
 *   onHealthChange(cb)          -> cb(kind) after any health change of that kind; returns an
 *                                  unsubscribe function.
 *   close()                     -> stops timers; reservations stay on disk.
 */
/** Port flavours Sluice advertises, one extended resource each. */
export type PortKind = 'vhost-user' | 'memif';
export declare const PORT_KINDS: readonly PortKind[];
/** One advertisable device (a port slot). */
export interface DeviceInfo {
    id: string;
    kind: PortKind;
    /** NUMA node the slot is tied to, or -1 when unknown. */
    numaNode: number;
    healthy: boolean;
    /** Why it is unhealthy (empty when healthy). */
    reason: string;
}
/** What the kubelet told us about the requester; Allocate carries no pod identity. */
export interface PodHint {
    /** Index of the container in the AllocateRequest. */
    containerIndex: number;
}
/** A bind mount the container needs. */
export interface PortMount {
    hostPath: string;
    containerPath: string;
    readOnly: boolean;
}
/** One reserved port, with where its socket lives on both sides. */
export interface AllocatedPort {
    deviceId: string;
    kind: PortKind;
    numaNode: number;
    hostSocketPath: string;
    containerSocketPath: string;
}
/** Result of a reservation: the ports plus every mount they need (socket dirs, hugepages). */
export interface Allocation {
    ports: AllocatedPort[];
    mounts: PortMount[];
}
/** Why a reservation failed; the device plugin maps `code` to a gRPC status. */
export type PortErrorCode = 'UnknownDevice' | 'WrongKind' | 'Unhealthy' | 'Exhausted' | 'Invalid' | 'Io';
export declare class PortError extends Error {
    readonly code: PortErrorCode;
    readonly deviceId: string;
    constructor(code: PortErrorCode, message: string, deviceId?: string);
}
export interface PortProvider {
    list(kind: PortKind): DeviceInfo[];
    reserve(kind: PortKind, deviceIds: readonly string[], hint: PodHint): Promise<Allocation>;
    release(kind: PortKind, deviceIds: readonly string[]): Promise<void>;
    onHealthChange(cb: (kind: PortKind) => void): () => void;
    close(): Promise<void>;
}

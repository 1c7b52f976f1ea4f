/** Linux MAX_TAP_QUEUES. */
export declare const MAX_TAP_QUEUES = 256;
export interface TapDevice {
    /** The device name (as the kernel confirmed it). */
    name: string;
    /** One non-blocking fd per queue. */
    fds: number[];
    multiQueue: boolean;
    /** Frames carry a virtio-net header (IFF_VNET_HDR) and TSO/checksum offload is on. */
    offloads: boolean;
}
export interface TapOptions {
    /** IFF_VNET_HDR with checksum offload and TSO (default false). */
    offloads?: boolean;
}
/**
 * Open `queues` fds on TAP device `name`, creating it if absent. With one queue, an existing
 * single-queue device is accepted too. Errors name the device and the cause (EPERM: needs
 * CAP_NET_ADMIN; EBUSY: another process holds a single-queue device; EINVAL: it exists
 * with other flags, e.g. as a TUN device or without multi_queue).
 */
export declare function openTap(name: string, queues?: number, opts?: TapOptions): TapDevice;

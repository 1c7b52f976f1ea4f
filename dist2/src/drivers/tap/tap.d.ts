/**
 * TAP port (`tap:NAME[,queues=N]`): a Linux TAP device created (or attached to, if it
 * exists) by Sluice, set up, offloads off, one non-blocking fd per queue.
 *
 *   kernel stack ──tap fd read()──► pool packet ──► output
 *   input ──► write() on queue 0's fd ──► kernel stack
 *
 * A TAP device has no ring, so each frame costs one read(2) or write(2) (vhost-net would
 * remove that; out of scope). Reads go straight into the pool buffer at its native address
 * (sys/fd-io: no view per packet), in bounded bursts that stop at EAGAIN; one spare packet
 * is kept across pulls so an empty read does not cost an alloc/free pair.
 *
 * Offloads (default; `nooffloads` turns them off): the device is opened with IFF_VNET_HDR
 * and TSO + checksum offload, so the kernel stack sends one 64 KiB super-frame per read
 * instead of ~44 frames. Each read is a readv: the virtio-net header lands in the packet's
 * headroom, the frame in the packet buffer, and whatever does not fit in a 64 KiB native
 * overflow. Super-frames are segmented and partial checksums finished in software
 * (lib/offload) before they reach the switch; a refused header is a `bad_offload` drop.
 * Writes carry an all-zero header: frames leave complete.
 *
 * State: `up`, or `down` with a reason — open failed (permission, busy, not a TAP device),
 * interface down (seen with SIOCGIFFLAGS while the device is in Sluice's namespace, or as
 * EIO from write(2) wherever it is). Packets the device refuses while down are dropped as
 * `port_down`; the first write that succeeds brings the port back, and `tick()` re-checks
 * flags once a second and retries a device that failed to open. The fds stay valid when the device is moved to another network namespace.
 */
import { App, type AppContext } from '../../core/app.js';
import { PortState } from '../af-packet/port-state.js';
export interface TapArgs {
    /** Device name (created if absent). */
    ifname: string;
    /** Queues (fds); more than one needs a multi-queue device. Default 1. */
    queues?: number;
    /** Set the device up after opening (default true). */
    up?: boolean;
    /** Frames per pull (default 64, at most the output link's room). */
    burst?: number;
    /** IFF_VNET_HDR with TSO and checksum offload (default true). */
    offloads?: boolean;
}
export declare const tapSchema: {
    type: string;
    additionalProperties: boolean;
    required: string[];
    properties: {
        ifname: {
            type: string;
            minLength: number;
            maxLength: number;
        };
        queues: {
            type: string;
            minimum: number;
            maximum: number;
        };
        up: {
            type: string;
        };
        burst: {
            type: string;
            minimum: number;
            maximum: number;
        };
        offloads: {
            type: string;
        };
    };
};
export declare class TapPort extends App {
    readonly ifname: string;
    readonly state: PortState;
    private readonly args;
    private readonly burst;
    private fds;
    private rr;
    private out;
    private in;
    /** Native address of pool.data[0]. */
    private readonly base;
    /** A packet allocated for the next read, or -1. */
    private spare;
    private nextCheck;
    /** Device name the kernel confirmed. */
    deviceName: string;
    multiQueue: boolean;
    /** Reads/writes that failed with something other than EAGAIN. */
    readErrors: number;
    writeErrors: number;
    /** Offloads as opened (IFF_VNET_HDR). */
    offloads: boolean;
    /** Virtio-net headers: partial checksums, super-frames cut in software, refusals. */
    private readonly offload;
    private readonly data32;
    /** readv: [header + packet buffer, overflow]; writev: [zero header, packet]. */
    private readonly rxIov;
    private readonly txIov;
    /** A whole super-frame: the packet buffer's part copied in front of the overflow the kernel wrote. */
    private readonly big;
    private readonly big32;
    private readonly bigAddr;
    private readonly zeroHdrAddr;
    constructor(ctx: AppContext, args: TapArgs);
    private open;
    private close;
    /** Control path: re-evaluate the device once a second. */
    private check;
    linked(): void;
    pull(): void;
    /**
     * A frame of `len` bytes read with its virtio-net header into packet p (and the overflow):
     * check the header, then pass it on, finish its checksum, or segment it. Returns link slots used.
     */
    private received;
    private readFailed;
    push(): void;
    tick(now: number): void;
    wakeFds(): number[];
    stop(): void;
    reconfig(): boolean;
    report(): Record<string, unknown>;
}

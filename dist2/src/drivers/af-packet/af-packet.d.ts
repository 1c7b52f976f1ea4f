/**
 * AF_PACKET port (`af-packet:IFNAME[,fanout=N]`): a kernel network interface (veth end,
 * NIC, bridge port…) joined to the switch through memory-mapped TPACKET_V3 rings.
 *
 *   interface ──RX ring (blocks)──► copy into pool packets ──► output
 *   input ──► copy into TX ring frames ──► one sendto() kick per burst ──► interface
 *
 * RX walks blocks the kernel has handed over (block_status & TP_STATUS_USER), copies each
 * frame into a pool packet (re-inserting the VLAN tag the kernel moved to metadata, and
 * completing checksums of CSUMNOTREADY frames), and returns the block with
 * TP_STATUS_KERNEL. A block may be consumed across several pulls (cursor kept in
 * `RxQueue`). TX fills AVAILABLE frames with SEND_REQUEST and kicks once; when the next
 * frame is still owned by the kernel the packets stay on the input link (back-pressure).
 * No syscall per packet.
 *
 * With `fanout=N`, N sockets join one PACKET_FANOUT group (hash by flow) and are polled in
 * turn; TX uses the first. State: `up`, or `down` with a reason (no such interface,
 * permission denied, interface down, no carrier, send error). While down, packets sent to
 * the port are dropped as `port_down`; `tick()` re-checks once a second and reopens the
 * sockets when the interface (possibly re-created with a new index) is back.
 *
 * Ring memory is written by the kernel; every offset read from it is bounds-checked
 * against its block before use (a bad frame skips the rest of its block, counted).
 */
import { App, type AppContext } from '../../core/app.js';
import { type FanoutMode } from '../../sys/index.js';
import { PortState } from './port-state.js';
export interface AfPacketArgs {
    /** Interface name in Sluice's network namespace. */
    ifname: string;
    /** Sockets in one PACKET_FANOUT group (default 1: no fanout). */
    fanout?: number;
    fanoutMode?: FanoutMode;
    /** Promiscuous mode while open (default true: a switch port sees every frame). */
    promisc?: boolean;
    /** Set the interface up when opening it (default true). */
    up?: boolean;
    /** RX block size in bytes (default 262144) and count (default 16) per socket. */
    blockSize?: number;
    blocks?: number;
    /** RX block retire timeout, ms (default 1: bounds the latency at low rates). */
    retireMs?: number;
    /** TX ring frames per socket (default 1024); frame size follows the MTU. */
    txFrames?: number;
    /** Bypass the qdisc layer on transmit (default false). */
    qdiscBypass?: boolean;
    /** Packets per pull (default 256, at most the output link's room). */
    burst?: number;
}
export declare const afPacketSchema: {
    type: string;
    additionalProperties: boolean;
    required: string[];
    properties: {
        ifname: {
            type: string;
            minLength: number;
            maxLength: number;
        };
        fanout: {
            type: string;
            minimum: number;
            maximum: number;
        };
        fanoutMode: {
            enum: string[];
        };
        promisc: {
            type: string;
        };
        up: {
            type: string;
        };
        blockSize: {
            type: string;
            minimum: number;
            maximum: number;
        };
        blocks: {
            type: string;
            minimum: number;
            maximum: number;
        };
        retireMs: {
            type: string;
            minimum: number;
            maximum: number;
        };
        txFrames: {
            type: string;
            minimum: number;
            maximum: number;
        };
        qdiscBypass: {
            type: string;
        };
        burst: {
            type: string;
            minimum: number;
            maximum: number;
        };
    };
};
export declare class AfPacketPort extends App {
    readonly ifname: string;
    readonly state: PortState;
    private readonly args;
    private readonly burst;
    private queues;
    private rr;
    private out;
    private in;
    private readonly data32;
    private nextCheck;
    private ifindex;
    /** Frames the kernel dropped because the RX ring was full (PACKET_STATISTICS). */
    ringDrops: number;
    /** Frames whose ring header was inconsistent (rest of block skipped). */
    badFrames: number;
    /** Virtio-net headers: partial checksums, super-frames cut in software, refusals. */
    private readonly offload;
    /** A super-frame, VLAN tag restored, on its way to segmentation. */
    private readonly scratch;
    private readonly scratch32;
    /** Frames the kernel truncated (larger than a ring block, e.g. GRO/GSO super-frames). */
    truncated: number;
    /** sendto() kicks and their failures. */
    kicks: number;
    kickErrors: number;
    /** Frames that waited on the input link because the TX ring was full. */
    txRingFull: number;
    constructor(ctx: AppContext, args: AfPacketArgs);
    /** Open the sockets (control path); on failure the port is down with the reason. */
    private open;
    private close;
    /** Re-evaluate the interface: (re)open, or go down with a reason. Control path. */
    private check;
    linked(): void;
    pull(): void;
    /** Move up to `max` frames from q's RX ring to `out`; returns frames taken off the ring. */
    private rxBurst;
    /** The kernel moved the frame's VLAN tag to metadata: write it back after the MACs at d. */
    private restoreTag;
    /**
     * Segment the GSO super-frame at ring offset `mac` (header already checked) into pool
     * packets on `out`. Returns the link slots used (segments, or 1 for a refused frame), or -1
     * when `room` cannot take every segment (the caller leaves the frame on the ring).
     */
    private rxSuper;
    push(): void;
    /** Control path: a kick failed; ENETDOWN/ENXIO/ENODEV mean the interface went away or down. */
    private kickFailed;
    tick(now: number): void;
    wakeFds(): number[];
    stop(): void;
    reconfig(): boolean;
    report(): Record<string, unknown>;
}
/** A short reason for a port state from a failed control-path call. */
export declare function reasonOf(e: unknown): string;

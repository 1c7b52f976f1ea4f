/**
 * The receive side of offloads, shared by every port that reads virtio-net headers from the
 * kernel (AF_PACKET with PACKET_VNET_HDR, TAP with IFF_VNET_HDR): check the header, finish a
 * partial checksum, or cut a super-frame into pool packets on the output link. Counts what
 * it did and why it refused, for the port's report.
 *
 * Accounting: a refused frame is one packet in, dropped as `bad_offload`; a super-frame is
 * as many packets in as it has segments, each either on the link or dropped with a reason.
 */
import type { Link } from '../../core/link.js';
import type { PacketPool } from '../../core/packet.js';
import { VnetHdr } from '../../lib/offload/vnet-hdr.js';
export declare class OffloadRx {
    private readonly pool;
    private readonly data32;
    private readonly counters;
    /** The header of the frame at hand (the port decodes into it). */
    readonly vh: VnetHdr;
    private readonly plan;
    /** Partial checksums finished, super-frames received, segments made from them. */
    checksumsCompleted: number;
    superFramesIn: number;
    segmented: number;
    /** Refused headers by OffloadError. */
    readonly errors: Float64Array<ArrayBuffer>;
    constructor(pool: PacketPool, data32: Uint32Array, counters: Float64Array);
    /** Count a refused frame of `bytes`: one packet in, dropped as bad_offload. */
    refuse(err: number, bytes: number): void;
    /**
     * Plan the super-frame at `src[st, st+len)` (header `vh` already passed `checkVnetHdr`).
     * Returns its segment count, or 0 when refused (counted).
     */
    planSuper(src: Uint8Array, st: number, len: number): number;
    /**
     * Write the planned super-frame's segments into new pool packets on `out`. A segment that
     * finds no pool buffer or no room on the link is dropped with that reason.
     */
    emit(src: Uint8Array, src32: Uint32Array, st: number, out: Link): void;
    /** The port report's `offloads` object (same names as the vhost-user port's). */
    report(): Record<string, unknown>;
}

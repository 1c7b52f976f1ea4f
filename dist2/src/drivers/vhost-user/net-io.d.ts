/**
 * virtio-net data path of a vhost-user port (device side): bursts between split queues in
 * guest memory and the packet pool, plus the single-copy guest→guest path.
 *
 * - `dequeueFromGuest` (guest TX): pops chains, strips the virtio-net header, copies the
 *   frame into a pool packet, returns the chain with used len 0. One used.idx publish per burst.
 * - `enqueueToGuest` (guest RX): writes a zero header (no offloads negotiated) and the frame
 *   into guest buffers; with VIRTIO_NET_F_MRG_RXBUF a frame spans as many chains as it needs
 *   and num_buffers says how many (jumbo frames). Without enough guest buffers the frame is
 *   dropped and counted (`noGuestBuffer`); the chains already taken are put back.
 * - `forwardGuestToGuest`: copies straight from the source guest's TX buffers into the
 *   destination guest's RX buffers (one copy instead of two through the pool).
 *
 * Offloads (`hostOffloads`: what the guest may send, from CSUM/HOST_TSO4/6/HOST_ECN;
 * `guestOffloads`: what it takes, from GUEST_CSUM/GUEST_TSO4/6/GUEST_ECN). Pool packets are
 * always complete wire frames (10 KB buffers). A guest TX header that asks for work (partial
 * checksum, GSO) or a frame beyond a pool buffer takes the slow path: the chain is gathered
 * whole (up to 64 KiB) and checked. Into the pool it is segmented / its checksum finished.
 * Guest to guest, a super-frame goes whole, header and all, when the destination negotiated
 * that offload (as DPDK's vhost and OVS-DPDK's userspace TSO do), else it is cut or finished
 * in software for it. A header that does not match its frame is dropped as `bad_offload`.
 * After each burst `notifyNeeded` says whether the caller must signal the call eventfd.
 * Nothing here allocates or throws; a quarantined queue just moves nothing (the port reports it).
 */
import type { GuestMemory } from '../../mem/guest-memory.js';
import type { DeviceQueue } from '../../virtio/split/device-queue.js';
/** The slice of core's PacketPool this module uses. */
export interface PoolView {
    readonly data: Uint8Array;
    readonly len: {
        [i: number]: number;
    };
    start(p: number): number;
    alloc(): number;
    free(p: number): void;
}
export declare class NetIo {
    /** virtio-net header bytes (12 with VERSION_1/MRG_RXBUF, else 10). */
    hdrLen: number;
    mergeable: boolean;
    /** Largest frame accepted from a guest / pool buffer room. */
    maxFrame: number;
    notifyNeeded: boolean;
    fromGuestPackets: number;
    fromGuestBytes: number;
    toGuestPackets: number;
    toGuestBytes: number;
    noGuestBuffer: number;
    tooBig: number;
    noPoolBuffer: number;
    /** Offload headers refused; super-frames taken whole from / given whole to the guest; software work. */
    badOffload: number;
    superFramesIn: number;
    superFramesOut: number;
    segmented: number;
    checksumsCompleted: number;
    /** Offloads the guest may send (device side) and may receive (driver side); OFF_* bits. */
    hostOffloads: number;
    guestOffloads: number;
    private readonly vh;
    private readonly plan;
    private readonly cut;
    /** A whole frame with its header (slow path) and one segment cut from it. */
    private big;
    private big32;
    private seg;
    private seg32;
    /** When set, the next RX header is copied from here (10 bytes) instead of zeros. */
    private rxHdr;
    private poolData;
    private poolWords;
    private readonly mergeHead;
    private readonly mergeLen;
    /** Publish the counters into an app's counter array (rx = from the guest, tx = to it). */
    publish(c: Float64Array): void;
    /** Set the negotiated offloads (control path); the slow-path buffers come with them. */
    setOffloads(host: number, guest: number): void;
    /** Whether the chain just popped has a header asking for work (flags or gso_type set). */
    private wantsWork;
    /** Gather the chain just popped, header included, into `big`; false (counted) when too long or malformed. */
    private gatherWhole;
    /**
     * Slow path of guest TX into the pool: the chain just popped is gathered, checked, and
     * segmented or finished into pool packets at out[at..]. Returns the packets written, or
     * -1 when `room` cannot take every segment (the caller un-pops the chain).
     */
    private dequeueOffload;
    constructor(maxFrame: number);
    /** u32 view of the pool's data (built once per pool). */
    private words;
    /**
     * Guest TX → pool packets in `out`; returns how many. Takes chains while fewer than `max`
     * packets are out; a super-frame cut into segments may go up to `cap` (≤ out.length), else
     * it waits in the ring for a burst with room for all of it.
     */
    dequeueFromGuest(q: DeviceQueue, mem: GuestMemory, pool: PoolView, out: Uint32Array, max: number, cap?: number): number;
    /**
     * Pool packets → guest RX. Every packet in pkts[0..n) is consumed (delivered or dropped)
     * and freed. Returns how many were delivered.
     */
    enqueueToGuest(q: DeviceQueue, mem: GuestMemory, pool: PoolView, pkts: Uint32Array, n: number): number;
    /** One frame into one chain. Returns false (counted) when no chain was available. */
    private putSingle;
    /**
     * One frame over as many chains as needed (MRG_RXBUF). Kept small so it inlines into the
     * burst loops: the common case is handled here, everything else in putMergeableFrom.
     */
    private putMergeable;
    /** putMergeable's general path, with the first chain (`head`) already popped. */
    private putMergeableFrom;
    /** Header (zeros, or `rxHdr` passed through) with num_buffers into the current chain's first writable segment. */
    private writeHeader;
    /** One frame into guest RX with header `hdr` (offloads passed through); false when no chain. */
    private putWithHeader;
    /** Whether this guest takes the work `vh` describes as it is (its GUEST_* offloads). */
    private takes;
    /**
     * Slow path guest → guest: the chain just popped from this guest asks for offload work.
     * Passed whole when `d` takes it, else cut / finished here. Returns frames delivered; adds
     * the extra wire frames a cut made to `fromGuestPackets`.
     */
    private forwardOffload;
    /** Copy `len` bytes into the current chain's writable segments, starting `skip` bytes in. */
    private fill;
    /**
     * Single-copy path: up to `max` frames from `src` guest TX straight into `dst` guest RX
     * (`dstIo` holds the destination's header size, mergeable flag and counters). Frames that
     * find no destination buffer are dropped and counted on `dstIo.noGuestBuffer`. Returns the
     * number of frames taken from the source.
     */
    forwardGuestToGuest(sq: DeviceQueue, smem: GuestMemory, dstIo: NetIo, dq: DeviceQueue, dmem: GuestMemory, max: number): number;
    /** Consume up to `max` TX chains without copying (no destination); returns how many. */
    dequeueDrop(q: DeviceQueue, mem: GuestMemory, max: number): number;
    private bounce;
    private bounce32;
    private forwardScattered;
}

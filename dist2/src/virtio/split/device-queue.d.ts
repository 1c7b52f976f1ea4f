/**
 * Device side of a split virtqueue (VIRTIO 1.2 2.7): what a vhost-user backend runs.
 *
 * Contract
 * - The queue owns indices and typed views of the three ring areas; guest memory is passed
 *   to every data-path call (`popChain(mem)`), so a new memory table only needs `setup()`
 *   again before the next burst (rust-vmm style).
 * - `popChain(mem)` walks one available chain into preallocated scratch arrays (`segRegion`,
 *   `segOff`, `segLen`, counts in `nSegs`/`nReadable`/`readBytes`/`writeBytes`) and returns
 *   the head index, -1 when the ring is empty, or -2 when the queue is quarantined. Every
 *   guest-written word is read once into a local (T2), every walk is bounded (TTL = queue
 *   size, indirect tables ≤ their length/16 and never nested; T3), every buffer is checked
 *   whole against the memory table. A violation quarantines the queue: `error` holds a
 *   `QueueError`, `errorDetail` the descriptor/head index, and every later call returns -2
 *   until `setup()`/`reset()`. The chain that failed is not consumed.
 * - Used entries are written into the ring as they complete (`addUsed`) but `used.idx` is
 *   published once per burst (`publishUsed`), then `needsNotification()` applies the
 *   EVENT_IDX rule (or avail.flags without it).
 * - `enableNotification()`/`disableNotification()` ask the driver to kick or not; after
 *   enabling, callers re-check `hasAvail()` before sleeping (the usual race). Pollers disable
 *   kicks while busy and enable them only before sleeping (a kick costs the driver a syscall).
 * - No allocation, no throw on the data path. No fds, no sockets.
 *
 * Memory ordering: `avail.idx` is read with Atomics.load before the ring entries it covers
 * (pairs with the driver's store of avail.idx after writing entries). `used.idx` is published
 * with Atomics.store after the used entries, and the seq-cst store is followed by an
 * Atomics.load of used_event / avail.flags, which is the full fence vhost_vring_call_split needs.
 */
import { GuestMemory } from '../../mem/guest-memory.js';
/** Ring addresses (guest-physical) and size for `setup`. */
export interface QueueLayout {
    size: number;
    descGpa: number;
    availGpa: number;
    usedGpa: number;
}
export declare class DeviceQueue {
    /** Queue size (power of two) once set up; 0 before. */
    size: number;
    mask: number;
    /** True after a successful `setup`. */
    ready: boolean;
    /** VIRTIO_RING_F_EVENT_IDX negotiated. */
    eventIdx: boolean;
    /** VIRTIO_RING_F_INDIRECT_DESC negotiated. */
    indirect: boolean;
    /** Free-running index of the next avail entry to consume (u16 arithmetic). */
    nextAvail: number;
    /** Free-running index of the next used entry to write (shadow; published by publishUsed). */
    nextUsed: number;
    /** used.idx at the last notification decision (EVENT_IDX "old"). */
    signalledUsed: number;
    /** avail.idx as last loaded (validated); reloaded only when nextAvail catches up (once per burst). */
    private availIdx;
    /** Set when the queue is quarantined (QueueError), 0 otherwise. */
    error: number;
    /** Descriptor or head index involved in `error`. */
    errorDetail: number;
    /** desc table as u32 words: [addrLo, addrHi, len, flags | next<<16] per entry. */
    desc: Uint32Array;
    /** avail ring as u16: [flags, idx, ring[size], used_event]. */
    avail: Uint16Array;
    /** used ring as u32: [flags | idx<<16, (id, len) × size, avail_event]. */
    used: Uint32Array;
    /** used ring as u16, same memory. */
    usedU16: Uint16Array;
    segRegion: Int32Array;
    segOff: Uint32Array;
    segLen: Uint32Array;
    nSegs: number;
    nReadable: number;
    readBytes: number;
    writeBytes: number;
    /**
     * Control path: validate the layout against `mem` and build the ring views. Returns null
     * or a message naming the field. Does not touch nextAvail/nextUsed (SET_VRING_BASE does).
     */
    setup(mem: GuestMemory, layout: QueueLayout, eventIdx: boolean, indirect: boolean): string | null;
    /** Control path: forget the rings (disconnect / GET_VRING_BASE). Indices are kept. */
    reset(): void;
    /** Control path: set the resume point (SET_VRING_BASE). */
    setBase(nextAvail: number): void;
    /**
     * Control path: take over the exact indices another owner of this ring left (a queue pair
     * handed between threads, see drivers/vhost-user/queue-share.ts). Not for SET_VRING_BASE.
     */
    restore(nextAvail: number, nextUsed: number, signalledUsed: number, error: number, errorDetail: number): void;
    /** Quarantine the queue with a reason; returns -2 so callers can `return this.fail(...)`. */
    fail(err: number, detail: number): number;
    /** Number of avail entries not yet consumed (0 when quarantined/not ready; may quarantine). */
    availCount(): number;
    /** Whether at least one chain is waiting. */
    hasAvail(): boolean;
    /**
     * Walk the next available chain into the scratch arrays and consume it. Returns the head
     * index, -1 if none is available, -2 if the queue is (now) quarantined.
     */
    popChain(mem: GuestMemory): number;
    /** Undo the last `n` popChain calls (mergeable rx ran out of buffers). */
    unpop(n: number): void;
    private walk;
    /** Write one used entry (not yet visible to the driver: see publishUsed). */
    addUsed(head: number, len: number): void;
    /** Publish all added used entries with one store of used.idx. */
    publishUsed(): void;
    /**
     * After publishUsed: whether the driver wants an interrupt (call eventfd) now. With
     * EVENT_IDX: vring_need_event(used_event, new, old) from VIRTIO 1.2 2.7.10.
     */
    needsNotification(): boolean;
    /** Ask the driver to kick on new buffers (before sleeping). */
    enableNotification(): void;
    /**
     * Ask the driver not to kick (while polling). Called once per busy burst on every ring the
     * burst touched: a plain store (a hint needs no fence; used.flags shares its cache line with
     * used.idx, which the burst writes anyway), repeated each time so a driver that re-zeroes
     * its rings cannot leave kicks on for a whole run.
     */
    disableNotification(): void;
}

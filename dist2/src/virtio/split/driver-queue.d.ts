/**
 * Driver side of a split virtqueue (VIRTIO 1.2 2.7): what Sluice's virtio-user port runs.
 *
 * Contract
 * - The rings live in memory Sluice allocated and shares with the backend; the backend is
 *   still untrusted, so everything it writes (used.idx, used ids and lengths, avail_event,
 *   used.flags) is read once and checked: a used.idx jump larger than the number of
 *   outstanding buffers or an id ≥ size quarantines the queue (`error`).
 * - Descriptors are managed by the caller (the virtio-user port keeps descriptor i bound to
 *   buffer i); the queue offers `setDesc`, `pushAvail` + one `publishAvail` per burst,
 *   `needsKick` (EVENT_IDX rule or used.flags), `popUsed` and interrupt suppression.
 * - No allocation or throw on the data path.
 */
import { GuestMemory } from '../../mem/guest-memory.js';
import type { QueueLayout } from './device-queue.js';
export declare class DriverQueue {
    readonly size: number;
    readonly mask: number;
    readonly eventIdx: boolean;
    readonly desc: Uint32Array;
    readonly avail: Uint16Array;
    readonly used: Uint32Array;
    readonly usedU16: Uint16Array;
    /** Free-running shadow of avail.idx. */
    availIdx: number;
    /** avail.idx at the last kick decision (EVENT_IDX "old"). */
    kickedAvail: number;
    /** Free-running index of the next used entry to read. */
    lastUsed: number;
    /** Buffers posted and not yet returned through the used ring. */
    outstanding: number;
    /** Length of the entry returned by the last popUsed. */
    usedLen: number;
    error: number;
    errorDetail: number;
    /** 1 for each descriptor posted and not yet returned: a backend may return each once. */
    private readonly inFlight;
    /** Control path: build ring views over `mem` (our own shared memory). Throws on a bad layout. */
    constructor(mem: GuestMemory, layout: QueueLayout, eventIdx: boolean);
    /** Control path helper: byte layout of a queue of `size` at `base` (desc, avail, used, end). */
    static layout(base: number, size: number): QueueLayout & {
        end: number;
    };
    /** Write descriptor i (gpa < 2^53). */
    setDesc(i: number, gpa: number, len: number, flags: number, next: number): void;
    /** Set only the length of descriptor i (buffer reuse). */
    setDescLen(i: number, len: number): void;
    /** Queue chain `head` in the avail ring (visible after publishAvail). */
    pushAvail(head: number): void;
    /** Make pushed entries visible with one store of avail.idx. */
    publishAvail(): void;
    /** After publishAvail: whether the device wants a kick (VIRTIO 1.2 2.7.10 / 2.7.7). */
    needsKick(): boolean;
    /** Number of used entries ready (0 and quarantine on a jump past what is outstanding). */
    usedCount(): number;
    /**
     * Take the next used entry: returns its id (length in usedLen), or -2 on an id that is not
     * in flight (≥ size, never posted, or returned already). Caller checks usedCount first.
     */
    popUsed(): number;
    /** Ask for interrupts (before sleeping); re-check usedCount afterwards. */
    enableInterrupts(): void;
    /** Suppress interrupts while polling. */
    disableInterrupts(): void;
}

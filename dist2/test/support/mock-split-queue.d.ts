/**
 * Mock virtio guest driver for tests (rust-vmm MockSplitQueue): one ArrayBuffer-backed
 * GuestMemory region holding a split queue's three rings plus a bump-allocated data area.
 * Tests write descriptors/avail entries (well-formed or malicious) and read the used ring.
 */
import { GuestMemory } from '../../src/mem/guest-memory.js';
import type { QueueLayout } from '../../src/virtio/split/device-queue.js';
export interface MockBuf {
    len: number;
    write?: boolean;
    data?: Uint8Array;
}
export declare class MockSplitQueue {
    readonly size: number;
    readonly buf: ArrayBuffer;
    readonly mem: GuestMemory;
    readonly dv: DataView;
    readonly layout: QueueLayout;
    readonly gpaBase: number;
    private nextData;
    private nextDesc;
    availIdx: number;
    constructor(size: number, memSize?: number, gpaBase?: number);
    private off;
    /** Allocate `len` bytes of guest data (16-byte aligned); returns its gpa. */
    alloc(len: number): number;
    bytes(gpa: number, len: number): Uint8Array;
    /** Write descriptor `i` of the main table, or of a table at `tableGpa`. */
    writeDesc(i: number, gpa: number, len: number, flags: number, next: number, tableGpa?: number): void;
    /** Write a raw avail entry without moving avail.idx. */
    writeAvail(slot: number, head: number): void;
    setAvailIdx(idx: number): void;
    setAvailFlags(flags: number): void;
    setUsedEvent(v: number): void;
    /** Publish `head` in the avail ring and bump avail.idx. */
    addAvail(head: number): void;
    /**
     * Build a chain of buffers (data copied in for readable ones) from free descriptors and
     * publish it; with `indirect`, the chain lives in an indirect table. Returns the head.
     */
    addChain(bufs: MockBuf[], indirect?: boolean): number;
    usedIdx(): number;
    usedFlags(): number;
    availEvent(): number;
    usedEntry(k: number): {
        id: number;
        len: number;
    };
    /** Gpa of descriptor `i`'s buffer as written in the table. */
    descAddr(i: number): number;
}

/**
 * Mock virtio guest driver for tests (rust-vmm MockSplitQueue): one ArrayBuffer-backed
 * GuestMemory region holding a split queue's three rings plus a bump-allocated data area.
 * Tests write descriptors/avail entries (well-formed or malicious) and read the used ring.
 */
import { GuestMemory } from '../../src/mem/guest-memory.js';
import { VRING_DESC_F_INDIRECT, VRING_DESC_F_NEXT, VRING_DESC_F_WRITE } from '../../src/virtio/constants.js';
export class MockSplitQueue {
    size;
    buf;
    mem;
    dv;
    layout;
    gpaBase;
    nextData;
    nextDesc = 0;
    availIdx = 0;
    constructor(size, memSize = 1 << 20, gpaBase = 0x100000) {
        this.size = size;
        this.buf = new ArrayBuffer(memSize);
        this.gpaBase = gpaBase;
        this.mem = new GuestMemory([{ gpa: gpaBase, size: memSize, frontendVa: 0x7f0000000000, buffer: this.buf, bufferOffset: 0 }]);
        this.dv = new DataView(this.buf);
        const descGpa = gpaBase;
        const availGpa = descGpa + 16 * size;
        const usedGpa = Math.ceil((availGpa + 6 + 2 * size) / 4096) * 4096;
        this.layout = { size, descGpa, availGpa, usedGpa };
        this.nextData = Math.ceil((usedGpa + 8 + 8 * size) / 4096) * 4096;
    }
    off(gpa) {
        return gpa - this.gpaBase;
    }
    /** Allocate `len` bytes of guest data (16-byte aligned); returns its gpa. */
    alloc(len) {
        const gpa = this.nextData;
        this.nextData += Math.ceil(Math.max(len, 1) / 16) * 16;
        if (this.off(this.nextData) > this.buf.byteLength)
            throw new Error('mock guest out of memory');
        return gpa;
    }
    bytes(gpa, len) {
        return new Uint8Array(this.buf, this.off(gpa), len);
    }
    /** Write descriptor `i` of the main table, or of a table at `tableGpa`. */
    writeDesc(i, gpa, len, flags, next, tableGpa = this.layout.descGpa) {
        const o = this.off(tableGpa) + i * 16;
        this.dv.setUint32(o, gpa % 2 ** 32, true);
        this.dv.setUint32(o + 4, Math.floor(gpa / 2 ** 32), true);
        this.dv.setUint32(o + 8, len, true);
        this.dv.setUint16(o + 12, flags, true);
        this.dv.setUint16(o + 14, next, true);
    }
    /** Write a raw avail entry without moving avail.idx. */
    writeAvail(slot, head) {
        this.dv.setUint16(this.off(this.layout.availGpa) + 4 + 2 * (slot % this.size), head, true);
    }
    setAvailIdx(idx) {
        this.availIdx = idx & 0xffff;
        this.dv.setUint16(this.off(this.layout.availGpa) + 2, this.availIdx, true);
    }
    setAvailFlags(flags) {
        this.dv.setUint16(this.off(this.layout.availGpa), flags, true);
    }
    setUsedEvent(v) {
        this.dv.setUint16(this.off(this.layout.availGpa) + 4 + 2 * this.size, v, true);
    }
    /** Publish `head` in the avail ring and bump avail.idx. */
    addAvail(head) {
        this.writeAvail(this.availIdx, head);
        this.setAvailIdx(this.availIdx + 1);
    }
    /**
     * Build a chain of buffers (data copied in for readable ones) from free descriptors and
     * publish it; with `indirect`, the chain lives in an indirect table. Returns the head.
     */
    addChain(bufs, indirect = false) {
        const gpas = bufs.map((b) => {
            const g = this.alloc(b.len);
            if (b.data)
                this.bytes(g, b.data.length).set(b.data);
            return g;
        });
        const flagsOf = (k) => (bufs[k].write ? VRING_DESC_F_WRITE : 0) | (k + 1 < bufs.length ? VRING_DESC_F_NEXT : 0);
        let head;
        if (indirect) {
            const table = this.alloc(16 * bufs.length);
            bufs.forEach((b, k) => this.writeDesc(k, gpas[k], b.len, flagsOf(k), k + 1, table));
            head = this.nextDesc++ % this.size;
            this.writeDesc(head, table, 16 * bufs.length, VRING_DESC_F_INDIRECT, 0);
        }
        else {
            const ids = bufs.map(() => this.nextDesc++ % this.size);
            bufs.forEach((b, k) => this.writeDesc(ids[k], gpas[k], b.len, flagsOf(k), ids[k + 1] ?? 0));
            head = ids[0];
        }
        this.addAvail(head);
        return head;
    }
    usedIdx() {
        return this.dv.getUint16(this.off(this.layout.usedGpa) + 2, true);
    }
    usedFlags() {
        return this.dv.getUint16(this.off(this.layout.usedGpa), true);
    }
    availEvent() {
        return this.dv.getUint16(this.off(this.layout.usedGpa) + 4 + 8 * this.size, true);
    }
    usedEntry(k) {
        const o = this.off(this.layout.usedGpa) + 4 + 8 * (k % this.size);
        return { id: this.dv.getUint32(o, true), len: this.dv.getUint32(o + 4, true) };
    }
    /** Gpa of descriptor `i`'s buffer as written in the table. */
    descAddr(i) {
        const o = this.off(this.layout.descGpa) + i * 16;
        return this.dv.getUint32(o, true) + this.dv.getUint32(o + 4, true) * 2 ** 32;
    }
}
//# sourceMappingURL=mock-split-queue.js.map
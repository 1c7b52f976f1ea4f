/**
 * Used rings as a vhost-user backend (DPDK, VPP, a compromised guest's device) writes them
 * to Sluice's virtio-user port: the driver posts the first k descriptors; the input's bytes
 * are the backend's used ring (flags, idx, id/len entries, avail_event), written in two
 * rounds with reposting between them, as the port reclaims TX buffers and refills RX.
 *
 * Survives: nothing throws; usedCount never exceeds what is outstanding; every id popUsed
 * returns is one the driver posted and has not had back (else the port would hand one
 * buffer out twice); a bad ring quarantines the queue with a known error.
 */
import assert from 'node:assert/strict';
import { GuestMemory } from '../../../src/mem/guest-memory.js';
import { DriverQueue } from '../../../src/virtio/split/driver-queue.js';
import { QUEUE_ERROR_NAMES } from '../../../src/virtio/split/queue-errors.js';
import { Cursor, Writer } from './cursor.js';
function run(data) {
    const c = new Cursor(data);
    const cfg = c.u8();
    const size = 1 << (cfg % 9);
    const layout = DriverQueue.layout(0, size);
    const buf = new ArrayBuffer(layout.end);
    const mem = new GuestMemory([{ gpa: 0, size: layout.end, frontendVa: 0, buffer: buf, bufferOffset: 0 }]);
    const q = new DriverQueue(mem, layout, (cfg & 0x80) !== 0);
    const inFlight = new Uint8Array(size);
    const post = (id) => { q.pushAvail(id); inFlight[id] = 1; };
    const k = c.u8() % (size + 1);
    for (let i = 0; i < k; i++) {
        q.setDesc(i, 0x1000 * i, 64, 0, 0);
        post(i);
    }
    q.publishAvail();
    q.needsKick();
    const usedBytes = new Uint8Array(buf, layout.usedGpa, layout.end - layout.usedGpa);
    for (let round = 0; round < 2 && q.error === 0; round++) {
        const chunk = c.rest().subarray(0, 4 + 8 * size + 2);
        usedBytes.set(chunk);
        c.off += chunk.length;
        const n = q.usedCount();
        assert.ok(n <= q.outstanding, `usedCount ${n} > outstanding ${q.outstanding}`);
        const back = [];
        for (let i = 0; i < n; i++) {
            const id = q.popUsed();
            if (id < 0)
                break;
            assert.ok(id < size && inFlight[id] === 1, `used id ${id} was not in flight`);
            inFlight[id] = 0;
            back.push(id);
        }
        for (const id of back)
            post(id);
        q.publishAvail();
        q.needsKick();
        q.enableInterrupts();
        q.disableInterrupts();
    }
    if (q.error !== 0)
        assert.ok(q.error < QUEUE_ERROR_NAMES.length, `error ${q.error}`);
}
/** Queue of 8, 4 posted; the backend returns the given ids. */
function seed(ids, idx = ids.length) {
    const w = new Writer().u8(3).u8(4).u16(0).u16(idx);
    for (let i = 0; i < 8; i++)
        w.u32(ids[i] ?? 0).u32(64);
    return w.u16(0).done();
}
export const target = {
    name: 'driver-queue',
    covers: ['/src/virtio/split/driver-queue'],
    maxLen: 8192,
    seeds: () => [seed([0, 1]), seed([3, 2, 1, 0]), seed([], 0)],
    run,
    expected: () => 'the driver queue never throws',
};
//# sourceMappingURL=driver-queue.js.map
/**
 * The ring handover between the main thread and a worker engine (queue-share.ts), with a
 * real worker thread and guest memory in a memfd the worker maps itself: the worker only
 * moves packets while it owns the rings, a pause returns the exact ring indices it
 * stopped at (what GET_VRING_BASE reports), and a ring the worker quarantines is reported
 * once and comes back to the main thread marked.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import { createSharedRegion } from '../../sys/index.js';
import { GuestMemory } from '../../mem/guest-memory.js';
import { DeviceQueue } from '../../virtio/split/device-queue.js';
import { QueueError } from '../../virtio/split/queue-errors.js';
import { VRING_DESC_F_NEXT, VRING_DESC_F_WRITE } from '../../virtio/constants.js';
import { QueueShareHost, C_FROM_PKTS, C_TO_PKTS, C_QUARANTINED, type DeviceSnapshot } from './queue-share.js';

const GPA = 0x100000;
const SIZE = 64;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, cond: () => boolean, ms = 5000): Promise<void> {
  for (const end = Date.now() + ms; !cond();) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(2);
  }
}

test('rings move between the main thread and a worker: only the owner moves packets, indices travel with them', { timeout: 30_000 }, async () => {
  const region = createSharedRegion(1 << 20, 'queue-share-test', { hugepages: 'never', quiet: true });
  const buf = region.buffer;
  const u16 = new Uint16Array(buf), u32 = new Uint32Array(buf), u8 = new Uint8Array(buf);
  const mem = new GuestMemory([{ gpa: GPA, size: region.size, frontendVa: 0, buffer: buf, bufferOffset: 0 }]);
  // Ring 0 = guest RX, ring 1 = guest TX (as a virtio-net queue pair).
  const layouts = [0, 1].map((i) => ({ size: SIZE, descGpa: GPA + i * 0x4000, availGpa: GPA + i * 0x4000 + 0x400, usedGpa: GPA + i * 0x4000 + 0x1000 }));
  const queues = layouts.map((l) => { const q = new DeviceQueue(); assert.equal(q.setup(mem, l, false, false), null); return q; });
  const snap: DeviceSnapshot = {
    regions: [{ fd: region.fd, mapLen: region.size, gpa: GPA, size: region.size, frontendVa: 0, mmapOffset: 0 }],
    memGen: 1, hdrLen: 12, mergeable: false, eventIdx: false, indirect: false, hostOffloads: 0, guestOffloads: 0, macLock: false, macHi: 0, macLo: 0, log: null,
    ring: (i) => ({ live: true, ...layouts[i]!, queue: queues[i]!, kickFd: -1, callFd: -1, usedLogGpa: -1 }),
  };
  const posted = [0, 0];
  const dataGpa = (ring: number, n: number) => GPA + 0x10000 + (ring * SIZE + (n % SIZE)) * 2048;
  /** The guest posts one TX frame (12-byte header + 60 bytes tagged n) or one RX buffer. */
  const post = (ring: number, flags = ring === 0 ? VRING_DESC_F_WRITE : 0, next = 0) => {
    const n = posted[ring]!, id = n % SIZE, l = layouts[ring]!;
    const w = (l.descGpa - GPA) / 4 + id * 4;
    u32[w] = dataGpa(ring, n); u32[w + 1] = 0; u32[w + 2] = ring === 0 ? 2048 : 72; u32[w + 3] = flags | (next << 16);
    if (ring === 1) u8[dataGpa(1, n) - GPA + 12] = n & 0xff;
    const a = (l.availGpa - GPA) / 2;
    u16[a + 2 + id] = id;
    posted[ring] = n + 1;
    Atomics.store(u16, a + 1, posted[ring]! & 0xffff);
  };
  const usedIdx = (ring: number) => Atomics.load(u16, (layouts[ring]!.usedGpa - GPA) / 2 + 1);

  const logs: string[] = [];
  const host = new QueueShareHost([0, 1], 2048, (m) => logs.push(m));
  const stop = new SharedArrayBuffer(4);
  const worker = new Worker(new URL('../../../test/support/queue-share-worker.js', import.meta.url), { workerData: { handle: host.handle, stop } });
  const workerLogs: string[] = [];
  worker.on('message', (m: string) => workerLogs.push(m));
  try {
    for (let i = 0; i < 10; i++) { post(1); post(0); }
    await sleep(30);
    assert.equal(usedIdx(1), 0, 'nothing moves before the rings are offered');
    host.publish(snap);
    await until('10 frames forwarded', () => usedIdx(0) === 10 && usedIdx(1) === 10);
    for (let n = 0; n < 10; n++) assert.equal(u8[dataGpa(0, n) - GPA + 12], n, `frame ${n} landed in RX buffer ${n}, in order`);

    assert.equal(host.pause(), true);
    host.restoreInto((i) => queues[i]!);
    assert.deepEqual([queues[1]!.nextAvail, queues[1]!.nextUsed, queues[0]!.nextAvail, queues[0]!.nextUsed], [10, 10, 10, 10], 'indices where the worker stopped');
    for (let i = 0; i < 5; i++) { post(1); post(0); }
    await sleep(50);
    assert.equal(usedIdx(1), 10, 'a paused worker does not touch the rings');

    host.publish(snap);
    await until('15 frames forwarded', () => usedIdx(0) === 15 && usedIdx(1) === 15);
    await until('counters published', () => host.counter(C_FROM_PKTS) === 15 && host.counter(C_TO_PKTS) === 15);

    // Migration: with a dirty log in the snapshot the worker maps it and marks exactly the
    // pages it writes (the RX buffers' and both used rings').
    assert.equal(host.pause(), true);
    host.restoreInto((i) => queues[i]!);
    const logRegion = createSharedRegion(4096, 'queue-share-log', { hugepages: 'never', quiet: true });
    const logBytes = new Uint8Array(logRegion.buffer, 0, 64);
    const logged = { ...snap, log: { fd: logRegion.fd, size: 64, offset: 0, gen: 1 }, ring: (i: number) => ({ ...snap.ring(i), usedLogGpa: layouts[i]!.usedGpa }) };
    for (let i = 0; i < 5; i++) { post(1); post(0); }
    host.publish(logged);
    await until('20 frames forwarded', () => usedIdx(0) === 20 && usedIdx(1) === 20);
    const pages = new Set<number>();
    for (let b = 0; b < 64; b++) for (let k = 0; k < 8; k++) if ((logBytes[b]! >> k) & 1) pages.add(b * 8 + k);
    const want = new Set([0, 1].map((r) => Math.floor(layouts[r]!.usedGpa / 4096)));
    for (let n = 15; n < 20; n++) want.add(Math.floor(dataGpa(0, n) / 4096));
    assert.deepEqual([...pages].sort((x, y) => x - y), [...want].sort((x, y) => x - y));
    assert.equal(host.pause(), true);
    host.restoreInto((i) => queues[i]!);
    host.publish(snap);
    logRegion.close();

    // A TX chain that loops (descriptor pointing to itself) quarantines the ring on the worker.
    post(1, VRING_DESC_F_NEXT, 20 % SIZE);
    await until('quarantine counted', () => host.counter(C_QUARANTINED) === 1);
    assert.equal(workerLogs.filter((l) => /ring 1 quarantined/.test(l)).length, 1, `one log line: ${workerLogs.join(' | ')}`);
    assert.equal(host.pause(), true);
    host.restoreInto((i) => queues[i]!);
    assert.notEqual(queues[1]!.error, QueueError.NONE, 'the main thread sees the quarantine');
    assert.equal(queues[0]!.error, QueueError.NONE, 'the RX ring is fine');
    assert.equal(logs.length, 0, `no handshake timeouts: ${logs.join(' | ')}`);
  } finally {
    Atomics.store(new Int32Array(stop), 0, 1);
    await new Promise((r) => worker.once('exit', r));
    host.close();
    region.close();
  }
});

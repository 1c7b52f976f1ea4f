import { test } from 'node:test';
import assert from 'node:assert/strict';
import { VhostNetDevice } from './device.js';
import { createSharedRegion, dupFd, eventfd } from '../../sys/index.js';
import { VhostUserError } from '../../vhost-user/message.js';

test('SET_MEM_TABLE: a region past the end of its fd is refused (its pages would SIGBUS), a region inside it is mapped', () => {
  const shm = createSharedRegion(1 << 16, 'device-test', { hugepages: 'never', quiet: true });
  const dev = new VhostNetDevice(1, 1518, () => {});
  try {
    const region = { gpa: 0, frontendVa: 0x7f0000000000, mmapOffset: 0 };
    assert.throws(() => dev.setMemTable([{ ...region, size: 1 << 20 }], [dupFd(shm.fd)]),
      (e) => e instanceof VhostUserError && e.kind === 'InvalidParam' && /regions\[0\]: mmap_offset 0 \+ memory_size 1048576 is past the end of its fd \(65536 bytes\)/.test(e.message));
    assert.throws(() => dev.setMemTable([{ ...region, size: 4096, mmapOffset: 1 << 16 }], [dupFd(shm.fd)]), /past the end/);
    assert.ok(dev.memory === null, "nothing mapped");
    dev.setMemTable([{ ...region, size: 1 << 16 }], [dupFd(shm.fd)]);
    const mapped = dev.memory as unknown as { u8: Uint8Array[] } | null; // (narrowed to null above)
    assert.equal(mapped?.u8[0]!.length, 1 << 16);
  } finally {
    dev.disconnect();
    shm.close();
  }
});

test('dirty log: SET_LOG_BASE checked against its fd; logging runs with LOG_ALL, used rings only with VHOST_VRING_F_LOG; migration=off refuses it', () => {
  const shm = createSharedRegion(4096, 'device-log-test', { hugepages: 'never', quiet: true });
  const dev = new VhostNetDevice(1, 1518, () => {});
  const off = new VhostNetDevice(1, 1518, () => {}, false, { migration: false });
  try {
    assert.equal((dev.getFeatures() >> 26n) & 1n, 1n, 'VHOST_F_LOG_ALL offered');
    assert.equal((dev.getProtocolFeatures() >> 1n) & 1n, 1n, 'LOG_SHMFD offered');
    assert.equal((off.getFeatures() >> 26n) & 1n, 0n);
    assert.equal((off.getProtocolFeatures() >> 1n) & 1n, 0n);
    assert.throws(() => off.setLogBase(64, 0, dupFd(shm.fd)), /migration=off/);
    assert.throws(() => dev.setLogBase(64, 4096, dupFd(shm.fd)), /SET_LOG_BASE: mmap_offset 4096 \+ mmap_size 64 is past the end of its fd \(4096 bytes\)/);
    dev.setLogBase(64, 0, dupFd(shm.fd));
    assert.equal(dev.logging, false, 'not before LOG_ALL');
    dev.setFeatures((1n << 32n) | (1n << 26n));
    assert.equal(dev.logging, true);
    const addr = { index: 0, descVa: 0, usedVa: 0, availVa: 0, logGpa: 0x5000n };
    dev.setVringAddr({ ...addr, flags: 1 });
    dev.setVringAddr({ ...addr, index: 1, flags: 0 });
    assert.ok(dev.rings[0]!.queue.usedLog !== null && dev.rings[0]!.queue.usedLogGpa === 0x5000, 'ring 0 logs its used ring at log_guest_addr');
    assert.equal(dev.rings[1]!.queue.usedLog, null, 'ring 1 was not asked to');
    assert.ok(dev.io.dirty !== null);
    dev.setFeatures(1n << 32n);
    assert.equal(dev.io.dirty, null, 'LOG_ALL cleared: logging stops');
    assert.equal(dev.rings[0]!.queue.usedLog, null);
  } finally {
    dev.disconnect();
    off.disconnect();
    shm.close();
  }
});

test('hand-over: a device described by handOver() and adopted by another (fds passed as SCM_RIGHTS would) resumes the same rings', () => {
  const shm = createSharedRegion(1 << 16, 'device-handover-test', { hugepages: 'never', quiet: true });
  const va = 0x7f0000000000;
  const a = new VhostNetDevice(1, 1518, () => {}, false, { mac: '52:54:00:00:00:01' });
  const b = new VhostNetDevice(1, 1518, () => {}, false, { mac: '52:54:00:00:00:01' });
  try {
    a.setProtocolFeatures(0x1001fn);
    a.setFeatures((1n << 32n) | (1n << 30n) | (1n << 15n));
    a.setMemTable([{ gpa: 0, size: 1 << 16, frontendVa: va, mmapOffset: 0 }], [dupFd(shm.fd)]);
    for (const i of [0, 1]) {
      a.setVringNum(i, 8);
      a.setVringAddr({ index: i, flags: 0, descVa: va + 0x1000 * (2 * i + 1), availVa: va + 0x1000 * (2 * i + 2), usedVa: va + 0x1000 * (2 * i + 2) + 0x100, logGpa: 0n });
      a.setVringBase(i, 5);
      a.setVringKick(i, eventfd());
      a.setVringCall(i, eventfd());
      a.setVringEnable(i, true);
    }
    // used.idx in guest memory says 5 too (the frontend's view), as after 5 completed chains.
    for (const i of [0, 1]) new Uint16Array(shm.buffer, 0x1000 * (2 * i + 2) + 0x100, 2)[1] = 5;
    assert.ok(a.rings[0]!.live && a.rings[1]!.live);
    const fds: number[] = [];
    const meta = JSON.parse(JSON.stringify({ path: '/x', listenFd: -1, connFd: -1, ...a.handOver(fds) }));
    b.adopt(meta, fds.map((f) => dupFd(f)));
    assert.equal(b.features, a.features);
    assert.equal(b.protocolFeatures, a.protocolFeatures);
    for (const i of [0, 1]) {
      const r = b.rings[i]!;
      assert.ok(r.live, `ring ${i} runs in the new device`);
      assert.deepEqual([r.queue.nextAvail, r.queue.nextUsed, r.num, r.descGpa], [5, 5, 8, 0x1000 * (2 * i + 1)]);
      assert.ok(r.kickFd >= 0 && r.callFd >= 0 && r.kickFd !== a.rings[i]!.kickFd);
    }
    assert.equal((b.memory as unknown as { u8: Uint8Array[] }).u8[0]!.length, 1 << 16);
  } finally {
    a.disconnect();
    b.disconnect();
    shm.close();
  }
});

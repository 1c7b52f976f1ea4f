/**
 * The vhost-user message stream (as in vhost-user.ts) into the real device behind a port:
 * BackendHandler → VhostNetDevice, with real fds (duplicates of one 64 KiB memfd) for every
 * fd the stream says it carries, so memory tables are really mapped and rings really set
 * up against them. The connection then drops (disconnect), as when the frontend goes away.
 *
 * Survives: only VhostUserError escapes, naming the request or field; no fd leaks (after
 * the disconnect the process has exactly the fds it had before the input); a region past
 * the end of its fd is refused (mapping it would SIGBUS on first touch).
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { BackendHandler } from '../../../src/vhost-user/backend-handler.js';
import { HEADER_SIZE, decodeHeader, FrontendReq, encodeMemTable, encodeU64, encodeVringAddr, encodeVringState } from '../../../src/vhost-user/message.js';
import { VhostNetDevice } from '../../../src/drivers/vhost-user/device.js';
import { closeFd, createSharedRegion, dupFd } from '../../../src/sys/index.js';
import type { FuzzTarget } from '../harness/target.js';
import { cat, msg, qemuHandshake, target as stream } from './vhost-user.js';

const MEM = 1 << 16;
const shm = createSharedRegion(MEM, 'fuzz-vhost-device', { hugepages: 'never', quiet: true });
const openFds = (): number => readdirSync('/proc/self/fd').length;

function run(data: Uint8Array): void {
  const before = openFds();
  const dev = new VhostNetDevice(2, 9216, () => {}, (data[0] ?? 0) % 2 === 1);
  const handler = new BackendHandler(dev, closeFd);
  try {
    let off = 0;
    while (off + 1 + HEADER_SIZE <= data.length) {
      const nfds = data[off]! & 3;
      const h = decodeHeader(data.subarray(off + 1, off + 1 + HEADER_SIZE));
      off += 1 + HEADER_SIZE;
      if (off + h.size > data.length) break;
      const payload = data.slice(off, off + h.size);
      off += h.size;
      const fds: number[] = [];
      for (let i = 0; i < nfds; i++) fds.push(dupFd(shm.fd));
      handler.handle(h, payload, fds);
      if (dev.memory !== null) for (let r = 0; r < dev.memory.count; r++) assert.ok(dev.memory.u8[r]!.length <= MEM, 'a region larger than its fd was mapped');
    }
  } finally {
    dev.disconnect();
    const after = openFds();
    assert.equal(after, before, `${after - before} fds leaked`);
  }
}

/**
 * A frontend starting a live migration (QEMU's order): LOG_SHMFD and LOG_ALL acknowledged,
 * SET_LOG_BASE with the log's fd, rings switched to VHOST_VRING_F_LOG, then logging off.
 */
function migrating(): Uint8Array {
  const logAll = 1n << 26n;
  const base = (1n << 32n) | (1n << 30n) | (1n << 15n);
  const log = new Uint8Array(16);
  new DataView(log.buffer).setBigUint64(0, 4096n, true);
  const va = 0x7f0000001000;
  return cat([
    msg(0, FrontendReq.SET_PROTOCOL_FEATURES, encodeU64((1n << 0n) | (1n << 1n) | (1n << 3n))),
    msg(1, FrontendReq.SET_MEM_TABLE, encodeMemTable([{ gpa: 0, size: MEM, frontendVa: 0x7f0000000000, mmapOffset: 0 }])),
    msg(0, FrontendReq.SET_VRING_NUM, encodeVringState(0, 256)),
    msg(0, FrontendReq.SET_VRING_ADDR, encodeVringAddr({ index: 0, flags: 0, descVa: va, availVa: va + 4096, usedVa: va + 8192 })),
    msg(1, FrontendReq.SET_VRING_KICK, encodeU64(0)),
    msg(0, FrontendReq.SET_FEATURES, encodeU64(base | logAll)),
    msg(1, FrontendReq.SET_LOG_BASE, log),
    msg(0, FrontendReq.SET_VRING_ADDR, encodeVringAddr({ index: 0, flags: 1, descVa: va, availVa: va + 4096, usedVa: va + 8192, logGpa: 0x3000n })),
    msg(1, FrontendReq.SET_LOG_FD),
    msg(0, FrontendReq.SET_FEATURES, encodeU64(base)),
    msg(0, FrontendReq.GET_VRING_BASE, encodeVringState(0, 0)),
  ]);
}

export const target: FuzzTarget = {
  name: 'vhost-device',
  covers: ['/src/drivers/vhost-user/device', '/src/vhost-user/', '/src/virtio/split/device-queue'],
  maxLen: 4096,
  dict: stream.dict,
  seeds: () => [
    qemuHandshake(MEM),
    migrating(),
    cat([msg(2, FrontendReq.SET_MEM_TABLE, encodeMemTable([
      { gpa: 0, size: 0x8000, frontendVa: 0x7f0000000000, mmapOffset: 0 },
      { gpa: 0x100000, size: 0x8000, frontendVa: 0x7f0000100000, mmapOffset: 0x8000 },
    ])), qemuHandshake(MEM)]),
  ],
  run,
  expected: stream.expected,
};

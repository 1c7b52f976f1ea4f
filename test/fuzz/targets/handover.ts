/**
 * A `sluice daemon --handover` port message as the new daemon receives it over
 * `<state-dir>/handover.sock`: the first byte says how many fds arrive with it (0-7, each a
 * duplicate of one 64 KiB memfd, so regions and logs are really mapped), the rest is the
 * JSON text. It goes through what the new daemon does: receivePort (check, close the fds it
 * does not name, offer it), then what the port of that path does with it: a port of another
 * shape starts afresh, else the device adopts the connection, and a refusal drops it.
 *
 * Survives: only HandoverError (the message) or VhostUserError (the device refusing the
 * state) escapes, naming the field; no fd leaks (afterwards the process has exactly the fds
 * it had before); nothing larger than its fd is mapped.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { receivePort, takeAdoption, HandoverError, type PortHandover } from '../../../src/drivers/vhost-user/handover.js';
import { VhostNetDevice } from '../../../src/drivers/vhost-user/device.js';
import { VhostUserError } from '../../../src/vhost-user/message.js';
import { closeFd, createSharedRegion, dupFd } from '../../../src/sys/index.js';
import { documented, bytes, text, type FuzzTarget } from '../harness/target.js';

const MEM = 1 << 16;
const shm = createSharedRegion(MEM, 'fuzz-handover', { hugepages: 'never', quiet: true });
const openFds = (): number => readdirSync('/proc/self/fd').length;
const PATH = '/run/sluice/vm1.sock';

function run(data: Uint8Array): void {
  if (data.length === 0) return;
  const before = openFds();
  const dev = new VhostNetDevice(1, 9216, () => {}, (data[0]! & 8) !== 0, (data[0]! & 16) !== 0 ? { migration: false } : {});
  const fds: number[] = [];
  for (let i = 0; i < (data[0]! & 7); i++) fds.push(dupFd(shm.fd));
  try {
    let path: string;
    path = receivePort(text(data.subarray(1)), fds);
    const a = takeAdoption(path)!;
    assert.ok(a !== undefined, 'an offered port cannot be taken');
    adoptAsPort(dev, a.meta, a.fds);
    if (dev.memory !== null) for (let r = 0; r < dev.memory.count; r++) assert.ok(dev.memory.u8[r]!.length <= MEM, 'a region larger than its fd was mapped');
  } finally {
    dev.disconnect();
    const after = openFds();
    assert.equal(after, before, `${after - before} fds leaked`);
  }
}

/** What VhostUserPort.adopt does with the device (server role, no worker engines). */
function adoptAsPort(dev: VhostNetDevice, m: PortHandover, fds: number[]): void {
  const fd = (i: number) => (i < 0 ? -1 : fds[i]!);
  if (m.rings.length !== dev.numRings || m.listenFd < 0) { // the port changed shape: start afresh
    for (const f of fds) closeFd(f);
    return;
  }
  closeFd(fd(m.listenFd)); // the port's own (it would listen on it)
  if (m.connFd < 0) return;
  try {
    dev.adopt(m, fds);
  } finally {
    closeFd(fd(m.connFd)); // the port attaches it; here the connection simply ends
  }
}

const messageRefused = documented(HandoverError, /^hand-over message: \S/);
const deviceRefused = documented(VhostUserError, /^[A-Z_]{3,}[\w.[\]]*[: ]/);

function seed(nfds: number, m: object): Uint8Array {
  const t = bytes(JSON.stringify(m));
  const out = new Uint8Array(1 + t.length);
  out[0] = nfds;
  out.set(t, 1);
  return out;
}

const ring = (kick: number, call: number, over: object = {}) => ({
  num: 256, addr: { index: 0, flags: 0, descVa: 0x7f0000001000, usedVa: 0x7f0000003000, availVa: 0x7f0000002000, logGpa: '0' },
  nextAvail: 17, nextUsed: 17, enabled: true, started: true, kickFd: kick, callFd: call, errFd: -1, ...over,
});
const port = (over: object = {}) => ({
  path: PATH, listenFd: 0, connFd: 1, features: '0x140008000', protocolFeatures: '0x9', status: 15, frontendMtu: 0,
  regions: [{ gpa: 0, size: 0x8000, frontendVa: 0x7f0000000000, mmapOffset: 0, fd: 2 }],
  rings: [ring(3, 4), ring(5, 6)], log: null, ...over,
});

export const target: FuzzTarget = {
  name: 'handover',
  covers: ['/src/drivers/vhost-user/handover', '/src/drivers/vhost-user/device', '/src/virtio/split/device-queue'],
  maxLen: 4096,
  dict: ['"listenFd"', '"connFd"', '"regions"', '"rings"', '"log"', '"fd"', '"kickFd"', '"num"', '"addr"', '"logGpa"', '"features"', '0x', 'null', '-1', '32768', '65535', '9007199254740993'],
  seeds: () => [
    seed(7, port()),
    seed(7, port({ features: '0x14c008000', log: { size: 4096, offset: 0, fd: 7 - 1 }, rings: [ring(3, 4), ring(5, -1)] })),
    seed(2, port({ regions: [], rings: [ring(-1, -1, { addr: null, num: 0, started: false }), ring(-1, -1, { addr: null, num: 0 })] })),
    seed(1, port({ connFd: -1, regions: [], rings: [ring(-1, -1), ring(-1, -1)] })),
    seed(5, port({ regions: [{ gpa: 0, size: 0x8000, frontendVa: 0x7f0000000000, mmapOffset: 0, fd: 2 }, { gpa: 0x100000, size: 0x8000, frontendVa: 0x7f0000100000, mmapOffset: 0x8000, fd: 3 }], rings: [ring(4, -1), ring(-1, -1)] })),
  ],
  run,
  expected: (e) => (e instanceof VhostUserError ? deviceRefused(e) : messageRefused(e)),
};

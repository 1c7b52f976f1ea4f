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
import { HEADER_SIZE, decodeHeader, encodeMemTable } from '../../../src/vhost-user/message.js';
import { VhostNetDevice } from '../../../src/drivers/vhost-user/device.js';
import { closeFd, createSharedRegion, dupFd } from '../../../src/sys/index.js';
import { cat, msg, qemuHandshake, target as stream } from './vhost-user.js';
const MEM = 1 << 16;
const shm = createSharedRegion(MEM, 'fuzz-vhost-device', { hugepages: 'never', quiet: true });
const openFds = () => readdirSync('/proc/self/fd').length;
function run(data) {
    const before = openFds();
    const dev = new VhostNetDevice(2, 9216, () => { }, (data[0] ?? 0) % 2 === 1);
    const handler = new BackendHandler(dev, closeFd);
    try {
        let off = 0;
        while (off + 1 + HEADER_SIZE <= data.length) {
            const nfds = data[off] & 3;
            const h = decodeHeader(data.subarray(off + 1, off + 1 + HEADER_SIZE));
            off += 1 + HEADER_SIZE;
            if (off + h.size > data.length)
                break;
            const payload = data.slice(off, off + h.size);
            off += h.size;
            const fds = [];
            for (let i = 0; i < nfds; i++)
                fds.push(dupFd(shm.fd));
            handler.handle(h, payload, fds);
            if (dev.memory !== null)
                for (let r = 0; r < dev.memory.count; r++)
                    assert.ok(dev.memory.u8[r].length <= MEM, 'a region larger than its fd was mapped');
        }
    }
    finally {
        dev.disconnect();
        const after = openFds();
        assert.equal(after, before, `${after - before} fds leaked`);
    }
}
export const target = {
    name: 'vhost-device',
    covers: ['/src/drivers/vhost-user/device', '/src/vhost-user/', '/src/virtio/split/device-queue'],
    maxLen: 4096,
    dict: stream.dict,
    seeds: () => [
        qemuHandshake(MEM),
        cat([msg(2, 5 /* FrontendReq.SET_MEM_TABLE */, encodeMemTable([
                { gpa: 0, size: 0x8000, frontendVa: 0x7f0000000000, mmapOffset: 0 },
                { gpa: 0x100000, size: 0x8000, frontendVa: 0x7f0000100000, mmapOffset: 0x8000 },
            ])), qemuHandshake(MEM)]),
    ],
    run,
    expected: stream.expected,
};
//# sourceMappingURL=vhost-device.js.map
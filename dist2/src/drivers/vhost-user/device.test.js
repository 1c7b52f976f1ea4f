import { test } from 'node:test';
import assert from 'node:assert/strict';
import { VhostNetDevice } from './device.js';
import { createSharedRegion, dupFd } from '../../sys/index.js';
import { VhostUserError } from '../../vhost-user/message.js';
test('SET_MEM_TABLE: a region past the end of its fd is refused (its pages would SIGBUS), a region inside it is mapped', () => {
    const shm = createSharedRegion(1 << 16, 'device-test', { hugepages: 'never', quiet: true });
    const dev = new VhostNetDevice(1, 1518, () => { });
    try {
        const region = { gpa: 0, frontendVa: 0x7f0000000000, mmapOffset: 0 };
        assert.throws(() => dev.setMemTable([{ ...region, size: 1 << 20 }], [dupFd(shm.fd)]), (e) => e instanceof VhostUserError && e.kind === 'InvalidParam' && /regions\[0\]: mmap_offset 0 \+ memory_size 1048576 is past the end of its fd \(65536 bytes\)/.test(e.message));
        assert.throws(() => dev.setMemTable([{ ...region, size: 4096, mmapOffset: 1 << 16 }], [dupFd(shm.fd)]), /past the end/);
        assert.ok(dev.memory === null, "nothing mapped");
        dev.setMemTable([{ ...region, size: 1 << 16 }], [dupFd(shm.fd)]);
        const mapped = dev.memory; // (narrowed to null above)
        assert.equal(mapped?.u8[0].length, 1 << 16);
    }
    finally {
        dev.disconnect();
        shm.close();
    }
});
//# sourceMappingURL=device.test.js.map
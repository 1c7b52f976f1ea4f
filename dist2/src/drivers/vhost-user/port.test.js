/**
 * VhostUserPort data path without a socket: two rings of one simulated guest are attached the
 * way SET_MEM_TABLE/SET_VRING_* would, to check the kick (notification) policy of a polling
 * port: kicks off on every ring while polling, back on for TX rings only before a sleep.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GuestMemory } from '../../mem/guest-memory.js';
import { VRING_DESC_F_WRITE, VRING_USED_F_NO_NOTIFY, featureBits, VIRTIO_F_VERSION_1, VHOST_USER_F_PROTOCOL_FEATURES } from '../../virtio/constants.js';
import { VIRTIO_NET_F_MRG_RXBUF } from '../../virtio/net/net.js';
import { VhostUserPort } from './port.js';
const GPA = 0x10000;
const SIZE = 8;
/** One guest memory with an RX ring (0) and a TX ring (1); returns helpers over it. */
function attach(port) {
    const buf = new ArrayBuffer(1 << 16);
    const u16 = new Uint16Array(buf);
    const u32 = new Uint32Array(buf);
    const mem = new GuestMemory([{ gpa: GPA, size: buf.byteLength, frontendVa: 0, buffer: buf, bufferOffset: 0 }]);
    const layouts = [0, 1].map((i) => ({ size: SIZE, descGpa: GPA + i * 0x2000, availGpa: GPA + i * 0x2000 + 0x400, usedGpa: GPA + i * 0x2000 + 0x1000 }));
    const d = port.device;
    d.setFeatures(featureBits([VIRTIO_F_VERSION_1, VIRTIO_NET_F_MRG_RXBUF, VHOST_USER_F_PROTOCOL_FEATURES]));
    d.memory = mem;
    layouts.forEach((l, i) => {
        const r = d.rings[i];
        assert.equal(r.queue.setup(mem, l, false, true), null);
        r.num = SIZE;
        r.started = true;
        r.enabled = true;
    });
    d.generation++;
    const usedFlags = (i) => u16[(layouts[i].usedGpa - GPA) / 2];
    const availIdx = [0, 0];
    /** Post one buffer on ring i (TX: a 12+60-byte frame; RX: a 2 KiB writable buffer). */
    const post = (i, id) => {
        const l = layouts[i];
        const w = (l.descGpa - GPA) / 4 + id * 4;
        u32[w] = GPA + 0x8000 + (i * SIZE + id) * 2048;
        u32[w + 1] = 0;
        u32[w + 2] = i === 1 ? 72 : 2048;
        u32[w + 3] = i === 1 ? 0 : VRING_DESC_F_WRITE;
        const a = (l.availGpa - GPA) / 2;
        u16[a + 2 + (availIdx[i] % SIZE)] = id;
        availIdx[i]++;
        u16[a + 1] = availIdx[i];
    };
    const clearUsedFlags = (i) => { u16[(layouts[i].usedGpa - GPA) / 2] = 0; };
    return { usedFlags, post, clearUsedFlags };
}
test('a polling port keeps kicks off, even across empty polls; enableKicks turns TX kicks back on', () => {
    const a = new VhostUserPort({ path: '/nonexistent/a' });
    const b = new VhostUserPort({ path: '/nonexistent/b' });
    const ga = attach(a);
    const gb = attach(b);
    assert.equal(a.forwardTo(b, 32), 0); // first poll: ring lists built, kicks off everywhere
    b.refresh();
    for (const g of [ga, gb])
        for (const i of [0, 1])
            assert.equal(g.usedFlags(i), VRING_USED_F_NO_NOTIFY, `ring ${i} kicks off`);
    a.enableKicks();
    assert.equal(ga.usedFlags(1), 0, 'TX kicks on before a sleep');
    assert.equal(ga.usedFlags(0), VRING_USED_F_NO_NOTIFY, 'RX kicks stay off');
    assert.equal(a.forwardTo(b, 32), 0);
    assert.equal(ga.usedFlags(1), 0, 'an empty poll leaves them as they are');
    ga.post(1, 0);
    gb.post(0, 0);
    assert.equal(a.forwardTo(b, 32), 1);
    assert.equal(b.device.io.toGuestPackets, 1);
    assert.equal(ga.usedFlags(1), VRING_USED_F_NO_NOTIFY, 'busy again: kicks off');
    gb.clearUsedFlags(0); // a driver that re-zeroes its RX ring
    ga.post(1, 1);
    gb.post(0, 1);
    assert.equal(a.forwardTo(b, 32), 1);
    assert.equal(gb.usedFlags(0), VRING_USED_F_NO_NOTIFY, 'the busy burst turns RX kicks off again');
});
//# sourceMappingURL=port.test.js.map
/**
 * Bad peers (X4 negative half): a fake memif client/server on a raw seqpacket socket sends
 * malformed or out-of-order messages, bad regions and bad ring indices. The Sluice port must
 * disconnect with a logged reason, close every fd, and keep serving (the next good peer
 * connects). A bad descriptor drops one packet and the connection stays up.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemifPort } from './port.js';
import { createSealedMemfd, createSharedRegion, eventfd, closeFd } from '../../sys/index.js';
import { encodeMsg, MEMIF_VERSION, ADD_RING_FLAG_C2S, DESC_FLAG_NEXT } from '../../memif/wire.js';
import { clientLayout, initRing } from '../../memif/queue.js';
import { RawPeer, testPool, until, packet } from '../../../test/support/memif-fake-peer.js';
const LOG2 = 4, BUF = 256;
function setup(role) {
    const dir = mkdtempSync(join(tmpdir(), 'sluice-memif-neg-'));
    const path = join(dir, 'm.sock');
    const logs = [];
    const pool = testPool(512, 2048);
    const o = { path, role, id: 0, secret: '', queues: 1, log2RingSize: LOG2, bufferSize: BUF, abstract: false, ifName: 'sut', handshakeMs: 1000, log: (m) => logs.push(m) };
    const port = new MemifPort(o, pool);
    return { dir, path, logs, pool, port, cleanup: () => { port.stop(); rmSync(dir, { recursive: true, force: true }); } };
}
const init = { type: 'init', version: MEMIF_VERSION, id: 0, mode: 0, secret: '', name: 'fake' };
/** A fake client that performs a correct handshake with a real region; returns its views. */
async function goodClient(path) {
    const peer = await RawPeer.connect(path);
    assert.ok(await peer.waitFor('hello'));
    const lay = clientLayout(1, 1, LOG2, BUF);
    const region = createSealedMemfd(lay.size, 'fake');
    const u8 = new Uint8Array(region.buffer);
    initRing(u8, lay.ringOffset(true, 0), LOG2, (s) => lay.bufferFor(true, 0, s), BUF);
    initRing(u8, lay.ringOffset(false, 0), LOG2, (s) => lay.bufferFor(false, 0, s), BUF);
    const efds = [eventfd(), eventfd()];
    const steps = [
        [init, []],
        [{ type: 'add-region', index: 0, size: region.size }, [region.fd]],
        [{ type: 'add-ring', flags: ADD_RING_FLAG_C2S, index: 0, region: 0, offset: lay.ringOffset(true, 0), log2RingSize: LOG2, privateHdrSize: 0 }, [efds[0]]],
        [{ type: 'add-ring', flags: 0, index: 0, region: 0, offset: lay.ringOffset(false, 0), log2RingSize: LOG2, privateHdrSize: 0 }, [efds[1]]],
    ];
    for (const [m, fds] of steps) {
        peer.send(m, fds);
        assert.ok(await peer.waitFor('ack'), `no ACK for ${m.type}`);
    }
    peer.send({ type: 'connect', ifName: 'fake' });
    assert.ok(await peer.waitFor('connected'));
    const dv = new DataView(region.buffer);
    const c2s = lay.ringOffset(true, 0);
    return {
        peer, lay, dv, c2s, regionSize: region.size,
        /** Post one C2S descriptor (flags, region, length, offset) and publish head. */
        post(slot, flags, reg, len, off, head) {
            const d = c2s + 128 + slot * 16;
            dv.setUint16(d, flags, true);
            dv.setUint16(d + 2, reg, true);
            dv.setUint32(d + 4, len, true);
            dv.setUint32(d + 8, off, true);
            dv.setUint16(c2s + 6, head, true);
        },
        close() { peer.close(); region.close(); for (const fd of efds)
            closeFd(fd); },
    };
}
async function expectDisconnect(s, peer, reason) {
    assert.ok(await until(() => s.logs.some((l) => reason.test(l))), `expected a log matching ${reason}; got:\n${s.logs.join('\n')}`);
    const d = await peer.waitFor('disconnect');
    assert.ok(d && d.type === 'disconnect' && d.reason.length > 0, 'peer was told why');
    assert.ok(await peer.waitClosed(), 'socket closed');
    assert.equal(s.port.connected, false);
}
/** After any bad peer, a good one still connects (Sluice keeps running and serving). */
async function stillServes(s) {
    const g = await goodClient(s.path);
    assert.ok(await until(() => s.port.connected));
    g.close();
}
const badMessages = [
    ['short message', (p) => p.send(new Uint8Array(64)), /message is 64 bytes/],
    ['unknown type', (p) => { const b = encodeMsg(init); b[0] = 99; p.send(b); }, /unknown message type 99/],
    ['CONNECT before INIT', (p) => p.send({ type: 'connect', ifName: 'x' }), /expected INIT after HELLO/],
    ['wrong version', (p) => p.send({ ...init, version: 0x0100 }), /Incompatible memif version/],
    ['wrong id', (p) => p.send({ ...init, id: 42 }), /ID not found/],
    ['IP mode', (p) => p.send({ ...init, mode: 1 }), /Only ethernet mode/],
    ['fd with INIT', (p) => { const fd = eventfd(); p.send(init, [fd]); closeFd(fd); }, /INIT came with 1 fds/],
    ['ADD_REGION without fd', async (p) => { p.send(init); await p.waitFor('ack'); p.send({ type: 'add-region', index: 0, size: 4096 }); }, /ADD_REGION came with 0 fds/],
    ['ADD_REGION out of order', async (p) => {
            p.send(init);
            await p.waitFor('ack');
            const r = createSealedMemfd(4096, 'x');
            p.send({ type: 'add-region', index: 3, size: 4096 }, [r.fd]);
            r.close();
        }, /Invalid region index 3/],
    ['ring outside its region', async (p) => {
            p.send(init);
            await p.waitFor('ack');
            const r = createSealedMemfd(4096, 'x');
            p.send({ type: 'add-region', index: 0, size: 4096 }, [r.fd]);
            r.close();
            await p.waitFor('ack');
            const e = eventfd();
            p.send({ type: 'add-ring', flags: 1, index: 0, region: 0, offset: 4000, log2RingSize: 4, privateHdrSize: 0 }, [e]);
            closeFd(e);
        }, /outside region 0/],
    ['ring in an unknown region', async (p) => {
            p.send(init);
            await p.waitFor('ack');
            const e = eventfd();
            p.send({ type: 'add-ring', flags: 1, index: 0, region: 2, offset: 0, log2RingSize: 4, privateHdrSize: 0 }, [e]);
            closeFd(e);
        }, /region 2, which was not announced/],
    ['ring index beyond queues', async (p) => {
            p.send(init);
            await p.waitFor('ack');
            const r = createSealedMemfd(65536, 'x');
            p.send({ type: 'add-region', index: 0, size: 65536 }, [r.fd]);
            r.close();
            await p.waitFor('ack');
            const e = eventfd();
            p.send({ type: 'add-ring', flags: 0, index: 5, region: 0, offset: 0, log2RingSize: 4, privateHdrSize: 0 }, [e]);
            closeFd(e);
        }, /Invalid ring index/],
    ['CONNECT without rings', async (p) => { p.send(init); await p.waitFor('ack'); p.send({ type: 'connect', ifName: 'x' }); }, /CONNECT without any C2S ring/],
    ['region larger than its file', async (p) => {
            p.send(init);
            await p.waitFor('ack');
            const r = createSealedMemfd(4096, 'x');
            p.send({ type: 'add-region', index: 0, size: 1 << 20 }, [r.fd]);
            r.close();
            await p.waitFor('ack');
            for (const f of [1, 0]) {
                const e = eventfd();
                p.send({ type: 'add-ring', flags: f, index: 0, region: 0, offset: f ? 0 : 1024, log2RingSize: 4, privateHdrSize: 0 }, [e]);
                closeFd(e);
                await p.waitFor('ack');
            }
            p.send({ type: 'connect', ifName: 'x' });
        }, /announced as 1048576 bytes but its fd has 4096/],
    ['unsealed region', async (p) => {
            p.send(init);
            await p.waitFor('ack');
            const r = createSharedRegion(8192, 'x', { hugepages: 'never', quiet: true });
            p.send({ type: 'add-region', index: 0, size: 8192 }, [r.fd]);
            r.close();
            await p.waitFor('ack');
            for (const f of [1, 0]) {
                const e = eventfd();
                p.send({ type: 'add-ring', flags: f, index: 0, region: 0, offset: f ? 0 : 1024, log2RingSize: 4, privateHdrSize: 0 }, [e]);
                closeFd(e);
                await p.waitFor('ack');
            }
            p.send({ type: 'connect', ifName: 'x' });
        }, /not sealed against shrinking/],
    ['ring without cookie', async (p) => {
            p.send(init);
            await p.waitFor('ack');
            const r = createSealedMemfd(8192, 'x');
            p.send({ type: 'add-region', index: 0, size: 8192 }, [r.fd]);
            r.close();
            await p.waitFor('ack');
            for (const f of [1, 0]) {
                const e = eventfd();
                p.send({ type: 'add-ring', flags: f, index: 0, region: 0, offset: f ? 0 : 1024, log2RingSize: 4, privateHdrSize: 0 }, [e]);
                closeFd(e);
                await p.waitFor('ack');
            }
            p.send({ type: 'connect', ifName: 'x' });
        }, /wrong cookie/],
];
test('memif server: malformed / out-of-order client messages disconnect with a reason; port keeps serving', async () => {
    const s = setup('server');
    s.port.start();
    try {
        for (const [name, act, reason] of badMessages) {
            const peer = await RawPeer.connect(s.path);
            assert.ok(await peer.waitFor('hello'), name);
            await act(peer);
            await expectDisconnect(s, peer, reason);
            peer.close();
        }
        await stillServes(s);
        assert.equal(s.port.connects, 1);
    }
    finally {
        s.cleanup();
    }
});
test('memif server: a silent client is dropped after the handshake timeout', async () => {
    const s = setup('server');
    s.port.start();
    try {
        const peer = await RawPeer.connect(s.path);
        await expectDisconnect(s, peer, /handshake timeout/);
        peer.close();
    }
    finally {
        s.cleanup();
    }
});
test('memif server: bad descriptors drop one packet each; a bad head index disconnects', async () => {
    const s = setup('server');
    s.port.start();
    try {
        const c = await goodClient(s.path);
        assert.ok(await until(() => s.port.connected));
        const out = new Uint32Array(32);
        const buf0 = c.lay.bufferFor(true, 0, 0);
        c.post(0, 0, 0, 60, buf0, 1); // good
        c.post(1, 0, 7, 60, buf0, 2); // region 7 does not exist
        c.post(2, 0, 0, 64, c.regionSize - 10, 3); // runs past the region end
        c.post(3, 0, 0, 0xffffffff, 0, 4); // length overflow
        c.post(4, DESC_FLAG_NEXT, 0, 60, buf0, 5); // chain whose second half is bad
        c.post(5, 0, 0, 60, 0xfffffff0, 6);
        c.post(6, 0, 0, 61, buf0, 7); // good
        let n = 0;
        await until(() => { const k = s.port.receive(out, 32); for (let i = 0; i < k; i++)
            s.pool.free(out[i]); n += k; return n >= 2; });
        assert.equal(n, 2);
        assert.equal(s.port.stats.badDesc, 4); // slots 1, 2, 3 and the chain 4+5
        assert.equal(s.port.connected, true, 'bad descriptors do not disconnect');
        assert.equal(c.dv.getUint16(c.c2s + 64, true), 7, 'server published tail past the bad slots');
        // head jumps more than the ring size ahead: structural violation
        c.dv.setUint16(c.c2s + 6, 7 + 100, true);
        s.port.receive(out, 32);
        await expectDisconnect(s, c.peer, /ring violation on rx ring 0: head 107 is 100 slots ahead/);
        c.close();
        await stillServes(s);
    }
    finally {
        s.cleanup();
    }
    assert.equal(s.pool.audit().inUse, 0);
});
test('memif client: bad server messages disconnect with a reason, then the client retries', async () => {
    const s = setup('client');
    const srv = RawPeer.listen(s.path);
    s.port.start();
    try {
        const cases = [
            ['ACK before HELLO', (p) => p.send({ type: 'ack' }), /expected HELLO, got ACK/],
            ['version range without 2.0', (p) => p.send({ type: 'hello', name: 'x', minVersion: 0x300, maxVersion: 0x301, maxRegion: 1, maxS2cRing: 0, maxC2sRing: 0, maxLog2RingSize: 10 }), /Incompatible memif version/],
            ['min > max', (p) => p.send({ type: 'hello', name: 'x', minVersion: 0x201, maxVersion: 0x200, maxRegion: 1, maxS2cRing: 0, maxC2sRing: 0, maxLog2RingSize: 10 }), /min_version/],
            ['CONNECTED too early', (p) => p.send({ type: 'connected', ifName: 'x' }), /expected HELLO, got CONNECTED/],
            ['garbage', (p) => p.send(new Uint8Array(128).fill(0xee)), /unknown message type/],
        ];
        for (const [name, act, reason] of cases) {
            const before = s.logs.length;
            assert.ok(await srv.accept(5000), `client reconnected for "${name}"`);
            act(srv);
            assert.ok(await until(() => s.logs.slice(before).some((l) => reason.test(l))), `${name}: ${s.logs.join('\n')}`);
            srv.fd >= 0 && closeFd(srv.fd);
            srv.fd = -1;
        }
        // A server that sends HELLO and then goes silent → handshake timeout; a bad ACK order.
        assert.ok(await srv.accept(5000));
        srv.send({ type: 'hello', name: 'x', minVersion: MEMIF_VERSION, maxVersion: MEMIF_VERSION, maxRegion: 1, maxS2cRing: 0, maxC2sRing: 0, maxLog2RingSize: 10 });
        assert.ok(await srv.waitFor('init'));
        srv.send({ type: 'connected', ifName: 'x' });
        assert.ok(await until(() => s.logs.some((l) => /expected ACK, got CONNECTED/.test(l))), s.logs.join('\n'));
    }
    finally {
        srv.close();
        s.cleanup();
    }
});
test('memif client: packets on a down port count as port_down', () => {
    const s = setup('client');
    try {
        const pk = new Uint32Array([packet(s.pool, 64, 1), packet(s.pool, 64, 2)]);
        assert.equal(s.port.transmit(pk, 2), 0);
        assert.equal(s.port.portDown, 2);
        assert.equal(s.pool.audit().inUse, 0);
    }
    finally {
        s.cleanup();
    }
});
//# sourceMappingURL=negative.test.js.map
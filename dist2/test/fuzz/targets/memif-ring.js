/**
 * memif rings as a peer container leaves them in shared memory: the ring (head, tail,
 * flags, descriptors) and the buffers are the input's bytes, over 1-3 regions of sizes the
 * input picks; Sluice runs one burst as the role the input picks (server or client, rx or
 * tx) into a small packet pool.
 *
 * Survives: nothing throws; a burst returns -1 only with `fault` set; every pool buffer is
 * either handed out or freed, never twice (transmit frees all it is given); a received
 * packet fits its buffer and nothing is written outside the pool buffers used (guard bytes
 * keep their fill); nothing is read outside a region as announced: each burst runs twice
 * with the mapping's bytes past the announced size filled differently and must give the
 * same packets.
 */
import assert from 'node:assert/strict';
import { MemifRing, QueueStats, RegionTable, RingRole } from '../../../src/memif/queue.js';
import { MAX_LOG2_RING_SIZE, ringBytes } from '../../../src/memif/wire.js';
import { Cursor, Writer } from './cursor.js';
const BUF = 256, GUARD = 16, NBUF = 16;
class Pool {
    data = new Uint8Array(NBUF * (BUF + GUARD)).fill(0xee);
    len = new Uint16Array(NBUF);
    maxLen = BUF;
    free_ = Array.from({ length: NBUF }, (_, i) => NBUF - 1 - i);
    out = new Set();
    alloc() { const p = this.free_.pop(); if (p === undefined)
        return -1; this.out.add(p); return p; }
    free(p) { assert.ok(this.out.delete(p), `buffer ${p} freed twice or never allocated`); this.free_.push(p); }
    start(p) { return p * (BUF + GUARD); }
    guardsIntact() {
        for (let p = 0; p < NBUF; p++)
            for (let k = BUF; k < BUF + GUARD; k++)
                if (this.data[p * (BUF + GUARD) + k] !== 0xee)
                    return false;
        return true;
    }
}
function burst(data, fill) {
    const c = new Cursor(data);
    const cfg = c.u8();
    const role = (cfg & 3);
    const log2 = 1 + ((cfg >>> 2) % 6);
    const nRegions = 1 + (c.u8() % 3);
    const sizes = [];
    for (let i = 0; i < nRegions; i++)
        sizes.push(i === 0 ? ringBytes(log2) + 4 * ((c.u16() % 1024) + 1) : 4 * (c.u16() % 1024));
    const cursor = c.u16();
    const maxPkts = 1 + (c.u8() % 24);
    const txLens = Array.from({ length: c.u8() % 8 }, () => c.u16() % (BUF + 1));
    const regions = new RegionTable();
    const bytes = [];
    for (const size of sizes) {
        const buf = new ArrayBuffer(size + 64);
        const u8 = new Uint8Array(buf).fill(fill, size); // past the announced size: differs per run
        bytes.push(u8);
        regions.add(buf, size);
    }
    let rest = c.rest();
    for (let i = 0; i < nRegions && rest.length; i++) {
        const k = Math.min(sizes[i], rest.length);
        bytes[i].set(rest.subarray(0, k));
        rest = rest.subarray(k);
    }
    const pool = new Pool();
    const stats = new QueueStats();
    const client = role === RingRole.CLIENT_RX || role === RingRole.CLIENT_TX;
    const ownBase = ringBytes(log2);
    const bufSize = client ? Math.floor((sizes[0] - ownBase) / (1 << log2)) & ~3 : 0;
    if (client && bufSize === 0)
        return ['no room'];
    const ring = new MemifRing(regions, 0, 0, log2, role, -1, stats, pool, ownBase, bufSize);
    ring.cursor = cursor;
    ring.head = cursor;
    const result = [];
    if (role === RingRole.SERVER_RX || role === RingRole.CLIENT_RX) {
        const out = new Uint32Array(32);
        const n = ring.receive(pool, out, maxPkts);
        result.push(n, ring.fault);
        if (n < 0)
            assert.ok(ring.fault.length > 0, 'receive returned -1 without a fault');
        assert.ok(n <= maxPkts, `received ${n} > max ${maxPkts}`);
        for (let i = 0; i < Math.max(n, 0); i++) {
            const p = out[i];
            assert.ok(pool.out.has(p) && pool.len[p] <= BUF, `packet ${p} of ${pool.len[p]} bytes`);
            result.push(Array.from(pool.data.subarray(pool.start(p), pool.start(p) + pool.len[p])));
            pool.free(p);
        }
    }
    else {
        const pkts = new Uint32Array(txLens.length);
        txLens.forEach((len, i) => { const p = pool.alloc(); pool.len[p] = len; pool.data.fill(i + 1, pool.start(p), pool.start(p) + len); pkts[i] = p; });
        const n = ring.transmit(pool, pkts, pkts.length);
        result.push(n, ring.fault);
        if (n < 0)
            assert.ok(ring.fault.length > 0, 'transmit returned -1 without a fault');
        assert.ok(n <= pkts.length);
        for (const u8 of bytes)
            result.push(Array.from(u8.subarray(0, u8.length - 64)));
    }
    assert.equal(pool.out.size, 0, `${pool.out.size} pool buffers leaked`);
    assert.ok(pool.guardsIntact(), 'a write past a pool buffer');
    result.push({ ...stats });
    return result;
}
function run(data) {
    assert.deepEqual(burst(data, 0x00), burst(data, 0xff), 'the burst depends on bytes past a region\'s announced size');
}
/** A server-rx ring of 8 slots holding three packets (one chained over two descriptors). */
function seed(role, descs, head, tail) {
    const log2 = 3;
    const ring = new Uint8Array(ringBytes(log2) + 1024);
    const dv = new DataView(ring.buffer);
    dv.setUint32(0, 0x3e31f20, true);
    dv.setUint16(6, head, true);
    dv.setUint16(64, tail, true);
    descs.forEach(([flags, region, len, off], i) => {
        dv.setUint16(128 + 16 * i, flags, true);
        dv.setUint16(128 + 16 * i + 2, region, true);
        dv.setUint32(128 + 16 * i + 4, len, true);
        dv.setUint32(128 + 16 * i + 8, off, true);
    });
    void MAX_LOG2_RING_SIZE;
    return new Writer().u8(role | ((log2 - 1) << 2)).u8(1).u16(255).u16(1024).u16(0).u8(31).u8(3).u16(60).u16(256).u16(100).bytes(ring).done();
}
export const target = {
    name: 'memif-ring',
    covers: ['/src/memif/queue'],
    maxLen: 8192,
    seeds: () => [
        seed(RingRole.SERVER_RX, [[0, 0, 60, 256], [1, 1, 100, 0], [0, 0, 40, 512], [0, 1, 64, 960]], 4, 0),
        seed(RingRole.CLIENT_RX, [[0, 0, 60, 256], [0, 0, 64, 320]], 0, 2),
        seed(RingRole.SERVER_TX, [[0, 0, 256, 256], [0, 1, 128, 0], [0, 0, 64, 600]], 3, 0),
        seed(RingRole.CLIENT_TX, [], 0, 0),
    ],
    run,
    expected: () => 'memif bursts never throw',
};
//# sourceMappingURL=memif-ring.js.map
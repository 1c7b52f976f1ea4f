/**
 * PcapngWriter byte layout, checked field by field against draft-ietf-opsawg-pcapng:
 * general block structure (type, total length multiple of 4, trailing copy), option TLVs
 * (16-bit code and length, value zero-padded to 32 bits, opt_endofopt last), SHB (byte-order
 * magic 0x1a2b3c4d, version 1.0, section length -1), IDB (linktype, reserved 0, snaplen,
 * if_name=2, if_description=3, if_tsresol=9), EPB (interface id, 64-bit timestamp as high then
 * low word, captured/original length, epb_flags=2, epb_dropcount=4), ISB (isb_endtime=3,
 * isb_ifrecv=4, isb_ifdrop=5). Also a round trip through PcapngReader.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PcapngWriter } from './pcapng-writer.js';
import { PcapngReader } from './pcapng-reader.js';
import { EPB_FLAG_INBOUND, EPB_FLAG_OUTBOUND } from './format.js';
import { pattern } from './testkit.js';
/** Split a little-endian pcapng file into blocks, asserting the general block structure. */
function blocks(b) {
    const out = [];
    const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
    let p = 0;
    while (p < b.length) {
        const type = v.getUint32(p, true);
        const len = v.getUint32(p + 4, true);
        assert.equal(len % 4, 0, `block at ${p}: total length ${len} is a multiple of 4`);
        assert.ok(len >= 12 && p + len <= b.length, `block at ${p} fits`);
        assert.equal(v.getUint32(p + len - 4, true), len, `block at ${p}: trailing length`);
        const body = b.subarray(p + 8, p + len - 4);
        out.push({ type, off: p, len, body, v: new DataView(body.buffer, body.byteOffset, body.byteLength) });
        p += len;
    }
    return out;
}
/** Parse an option list, asserting TLV padding is zero and opt_endofopt ends it. */
function opts(body, start) {
    const v = new DataView(body.buffer, body.byteOffset, body.byteLength);
    const out = [];
    let p = start;
    for (;;) {
        assert.ok(p + 4 <= body.length, 'option list ends with opt_endofopt');
        const code = v.getUint16(p, true);
        const len = v.getUint16(p + 2, true);
        if (code === 0) {
            assert.equal(len, 0, 'opt_endofopt has length 0');
            assert.equal(p + 4, body.length, 'opt_endofopt is the last thing in the body');
            return out;
        }
        const padded = (len + 3) & ~3;
        for (let i = len; i < padded; i++)
            assert.equal(body[p + 4 + i], 0, `option ${code} padding is zero`);
        out.push({ code, len, value: body.subarray(p + 4, p + 4 + len) });
        p += 4 + padded;
    }
}
const text = (u) => Buffer.from(u).toString('utf8');
const u64 = (u) => new DataView(u.buffer, u.byteOffset, 8).getBigUint64(0, true);
test('pcapng byte layout of SHB, IDB, EPB and ISB', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sluice-pcapng-'));
    try {
        const p = join(dir, 'layout.pcapng');
        const w = PcapngWriter.create(p, {
            hardware: 'x86_64 test rig', os: 'Linux 6', userappl: 'Sluice test', comments: ['first comment', 'zwei'],
            interfaces: [{ name: 'port0', description: 'vhost-user port 0' }, { name: 'p1', snaplen: 64, comments: ['tap'] }],
        });
        const src = pattern(200, 9);
        assert.equal(w.write(0, src, 0, 61, 1234567890123456, EPB_FLAG_INBOUND), 1); // 61: 3 pad bytes
        w.noteDrops(1, 7);
        assert.equal(w.writeExact(1, src, 5, 100, 1700000000, 999999999, EPB_FLAG_OUTBOUND, 1500), 1); // truncated to 64
        assert.equal(w.writeExact(0, src, 0, 64, 4294967295, 999999999), 1); // no options at all
        w.close();
        const b = new Uint8Array(readFileSync(p));
        const bl = blocks(b);
        assert.deepEqual(bl.map((x) => x.type), [0x0a0d0d0a, 1, 1, 6, 6, 6, 5, 5]);
        // SHB
        const shb = bl[0];
        assert.equal(shb.v.getUint32(0, true), 0x1a2b3c4d, 'byte-order magic');
        assert.equal(shb.v.getUint16(4, true), 1, 'major version');
        assert.equal(shb.v.getUint16(6, true), 0, 'minor version');
        assert.equal(shb.v.getBigInt64(8, true), -1n, 'section length unspecified');
        const so = opts(shb.body, 16);
        assert.deepEqual(so.map((o) => o.code), [2, 3, 4, 1, 1]);
        assert.equal(text(so[0].value), 'x86_64 test rig');
        assert.equal(so[0].len, 15);
        assert.equal(text(so[1].value), 'Linux 6');
        assert.equal(text(so[2].value), 'Sluice test');
        assert.equal(text(so[3].value), 'first comment');
        assert.equal(text(so[4].value), 'zwei');
        assert.equal(shb.len, 8 + 16 + (4 + 16) + (4 + 8) + (4 + 12) + (4 + 16) + (4 + 4) + 4 + 4);
        // IDBs
        const idb0 = bl[1];
        assert.equal(idb0.v.getUint16(0, true), 1, 'LINKTYPE_ETHERNET');
        assert.equal(idb0.v.getUint16(2, true), 0, 'reserved');
        assert.equal(idb0.v.getUint32(4, true), 262144, 'snaplen');
        const io0 = opts(idb0.body, 8);
        assert.deepEqual(io0.map((o) => [o.code, o.len]), [[2, 5], [3, 17], [9, 1]]);
        assert.equal(text(io0[0].value), 'port0');
        assert.equal(text(io0[1].value), 'vhost-user port 0');
        assert.equal(io0[2].value[0], 9, 'if_tsresol = 10^-9');
        const idb1 = bl[2];
        assert.equal(idb1.v.getUint32(4, true), 64);
        const io1 = opts(idb1.body, 8);
        assert.deepEqual(io1.map((o) => o.code), [2, 9, 1]);
        assert.equal(text(io1[2].value), 'tap');
        // EPB 0: 61 bytes + 3 pad, epb_flags inbound
        const e0 = bl[3];
        assert.equal(e0.v.getUint32(0, true), 0, 'interface id');
        const ts0 = (BigInt(e0.v.getUint32(4, true)) << 32n) | BigInt(e0.v.getUint32(8, true));
        assert.equal(ts0, 1234567890123456n, 'timestamp high word then low word');
        assert.equal(e0.v.getUint32(12, true), 61, 'captured length');
        assert.equal(e0.v.getUint32(16, true), 61, 'original length');
        assert.deepEqual(e0.body.subarray(20, 81), src.subarray(0, 61));
        assert.deepEqual([...e0.body.subarray(81, 84)], [0, 0, 0], 'packet data padding is zero');
        const eo0 = opts(e0.body, 84);
        assert.deepEqual(eo0.map((o) => [o.code, o.len]), [[2, 4]]);
        assert.equal(new DataView(eo0[0].value.buffer, eo0[0].value.byteOffset).getUint32(0, true), 1, 'epb_flags inbound');
        assert.equal(e0.len, 32 + 64 + 8 + 4);
        // EPB 1: interface 1, snaplen 64 truncation, outbound + dropcount 7
        const e1 = bl[4];
        assert.equal(e1.v.getUint32(0, true), 1);
        const ts1 = (BigInt(e1.v.getUint32(4, true)) << 32n) | BigInt(e1.v.getUint32(8, true));
        assert.equal(ts1, 1700000000n * 1000000000n + 999999999n, 'exact 64-bit ns timestamp');
        assert.equal(e1.v.getUint32(12, true), 64);
        assert.equal(e1.v.getUint32(16, true), 1500);
        assert.deepEqual(e1.body.subarray(20, 84), src.subarray(5, 69));
        const eo1 = opts(e1.body, 84);
        assert.deepEqual(eo1.map((o) => [o.code, o.len]), [[2, 4], [4, 8]]);
        assert.equal(eo1[0].value[0], 2, 'epb_flags outbound');
        assert.equal(u64(eo1[1].value), 7n, 'epb_dropcount');
        // EPB 2: no options → no opt_endofopt either
        const e2 = bl[5];
        assert.equal(e2.len, 32 + 64);
        const ts2 = (BigInt(e2.v.getUint32(4, true)) << 32n) | BigInt(e2.v.getUint32(8, true));
        assert.equal(ts2, 4294967295n * 1000000000n + 999999999n);
        // ISBs at close
        const i0 = bl[6];
        assert.equal(i0.v.getUint32(0, true), 0);
        const isbTs = (BigInt(i0.v.getUint32(4, true)) << 32n) | BigInt(i0.v.getUint32(8, true));
        assert.equal(isbTs, ts2, 'ISB time = last packet time');
        const io = opts(i0.body, 12);
        assert.deepEqual(io.map((o) => [o.code, o.len]), [[3, 8], [4, 8], [5, 8]]);
        assert.equal(u64(io[1].value), 2n, 'isb_ifrecv interface 0');
        assert.equal(u64(io[2].value), 0n, 'isb_ifdrop interface 0');
        const io1b = opts(bl[7].body, 12);
        assert.equal(u64(io1b[1].value), 8n, 'isb_ifrecv = 1 written + 7 dropped');
        assert.equal(u64(io1b[2].value), 7n, 'isb_ifdrop');
        // Round trip through the reader.
        const r = PcapngReader.open(p);
        assert.equal(r.shbHardware, 'x86_64 test rig');
        assert.equal(r.shbOs, 'Linux 6');
        assert.equal(r.shbUserappl, 'Sluice test');
        assert.deepEqual(r.shbComments, ['first comment', 'zwei']);
        const dst = new Uint8Array(2048);
        assert.equal(r.next(dst, 0, 2048), 61);
        assert.deepEqual(r.ifName, ['port0', 'p1']);
        assert.deepEqual(r.ifDescription, ['vhost-user port 0', '']);
        assert.equal(r.epbFlags, EPB_FLAG_INBOUND);
        assert.equal(r.tsNs, 1234567890123456);
        assert.equal(r.next(dst, 0, 2048), 64);
        assert.equal(r.ifIndex, 1);
        assert.equal(r.origLen, 1500);
        assert.equal(r.dropCount, 7);
        assert.equal(r.epbFlags, EPB_FLAG_OUTBOUND);
        assert.equal(r.tsSec, 1700000000);
        assert.equal(r.tsNsec, 999999999);
        assert.equal(r.next(dst, 0, 2048), 64);
        assert.equal(r.dropCount, 0);
        assert.equal(r.tsSec, 4294967295);
        assert.equal(r.next(dst, 0, 2048), -1);
        assert.equal(r.isbIfRecv[1], 8);
        assert.equal(r.isbIfDrop[1], 7);
    }
    finally {
        rmSync(dir, { recursive: true, force: true });
    }
});
test('pcapng writer: addInterface after packets, unknown interface dropped, stats override', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sluice-pcapng-'));
    try {
        const p = join(dir, 'late.pcapng');
        const w = PcapngWriter.create(p);
        const src = pattern(64);
        assert.equal(w.write(0, src, 0, 64, 0), 0, 'no interface yet');
        assert.equal(w.badArgs, 1);
        assert.equal(w.addInterface({ name: 'a' }), 0);
        assert.equal(w.write(0, src, 0, 64, 1e9), 1);
        assert.equal(w.addInterface({ name: 'b' }), 1);
        assert.equal(w.write(1, src, 0, 64, 2e9), 1);
        assert.equal(w.write(2, src, 0, 64, 2e9), 0);
        assert.equal(w.write(1, src, 60, 5, 2e9), 0, 'range past the end');
        w.setInterfaceStats(1, 1000, 10);
        assert.throws(() => w.setInterfaceStats(5, 1, 1), RangeError);
        assert.throws(() => w.addInterface({ name: 'c', snaplen: 0 }), RangeError);
        w.close();
        w.close();
        const r = PcapngReader.open(p);
        const dst = new Uint8Array(64);
        assert.equal(r.next(dst, 0, 64), 64);
        assert.equal(r.ifIndex, 0);
        assert.equal(r.next(dst, 0, 64), 64);
        assert.equal(r.ifIndex, 1);
        assert.equal(r.next(dst, 0, 64), -1);
        assert.equal(r.isbIfRecv[1], 1000);
        assert.equal(r.isbIfDrop[1], 10);
        assert.equal(r.isbIfRecv[0], 1);
        assert.equal(r.shbUserappl, 'Sluice', 'default shb_userappl');
    }
    finally {
        rmSync(dir, { recursive: true, force: true });
    }
});
//# sourceMappingURL=pcapng-writer.test.js.map
/** Tests for PcapReader: valid files in both byte orders and resolutions, and a table of malformed inputs. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PcapReader } from './pcap-reader.js';
import { PcapError } from './pcap-error.js';
import { validate, validateBuffer } from './validate.js';
import { buildPcap, pattern, concat } from './testkit.js';
const MAGIC_US = 0xa1b2c3d4;
const MAGIC_NS = 0xa1b23c4d;
for (const le of [true, false]) {
    for (const ns of [false, true]) {
        test(`reads a ${le ? 'little' : 'big'}-endian ${ns ? 'ns' : 'µs'} file`, () => {
            const bytes = buildPcap({
                littleEndian: le, magic: ns ? MAGIC_NS : MAGIC_US, snaplen: 1500,
                records: [
                    { sec: 1700000000, frac: ns ? 123456789 : 123456, data: pattern(60, 1) },
                    { sec: 1700000001, frac: 0, data: pattern(1500, 2), orig: 9000 },
                    { sec: 5, frac: ns ? 999999999 : 999999, data: pattern(0) },
                ],
            });
            const r = PcapReader.fromBuffer('t.pcap', bytes);
            assert.equal(r.littleEndian, le);
            assert.equal(r.nanosecond, ns);
            assert.equal(r.snaplen, 1500);
            assert.equal(r.linktype, 1);
            const dst = new Uint8Array(4096);
            assert.equal(r.next(dst, 10, 2048), 60);
            assert.deepEqual(dst.subarray(10, 70), pattern(60, 1));
            assert.equal(r.tsSec, 1700000000);
            assert.equal(r.tsNsec, ns ? 123456789 : 123456000);
            assert.ok(Math.abs(r.tsNs - (1700000000e9 + r.tsNsec)) <= 256);
            assert.equal(r.origLen, 60);
            assert.equal(r.record, 0);
            assert.equal(r.next(dst, 0, 2048), 1500);
            assert.deepEqual(dst.subarray(0, 1500), pattern(1500, 2));
            assert.equal(r.origLen, 9000);
            assert.equal(r.next(dst, 0, 2048), 0);
            assert.equal(r.tsNs, 5e9 + (ns ? 999999999 : 999999000));
            assert.equal(r.next(dst, 0, 2048), -1);
            assert.equal(r.next(dst, 0, 2048), -1, 'EOF is sticky');
            r.rewind();
            assert.equal(r.next(dst, 0, 2048), 60);
            assert.equal(r.record, 0);
        });
    }
}
test('maxLen and the dst bounds truncate the copy without overrunning', () => {
    const r = PcapReader.fromBuffer('t.pcap', buildPcap({ records: [{ data: pattern(100) }, { data: pattern(100, 3) }] }));
    const dst = new Uint8Array(64).fill(0xee);
    assert.equal(r.next(dst, 0, 40), 40);
    assert.equal(r.capLen, 100);
    assert.equal(r.truncated, 1);
    assert.equal(dst[40], 0xee);
    assert.equal(r.next(dst, 50, 100), 14, 'clamped to dst.length - dstOff');
    assert.deepEqual(dst.subarray(50, 64), pattern(100, 3).subarray(0, 14));
});
test('skip() exposes the bytes in place', () => {
    const r = PcapReader.fromBuffer('t.pcap', buildPcap({ records: [{ data: pattern(30, 4) }] }));
    assert.equal(r.skip(), 30);
    assert.deepEqual(r.data.subarray(r.dataOff, r.dataOff + 30), pattern(30, 4));
    assert.equal(r.skip(), -1);
});
test('older 2.x minor versions are accepted', () => {
    const r = PcapReader.fromBuffer('t.pcap', buildPcap({ minor: 2, records: [{}] }));
    assert.equal(r.versionMinor, 2);
});
test('FCS bits in the linktype word are tolerated', () => {
    const r = PcapReader.fromBuffer('t.pcap', buildPcap({ linktype: (0x1 << 28) | (2 << 29) | 1 }));
    assert.equal(r.linktype, 1);
});
/** Replace bytes at `off` of a valid build with a u32. */
function patch32(bytes, off, v, le = true) {
    const b = bytes.slice();
    new DataView(b.buffer).setUint32(off, v, le);
    return b;
}
const good = { snaplen: 65535, records: [{ data: pattern(60) }, { data: pattern(64) }] };
const bad = [
    { name: 'empty file', bytes: new Uint8Array(0), field: 'file_header', offset: 0, text: /file is empty/ },
    { name: '3-byte file', bytes: Uint8Array.of(0xd4, 0xc3, 0xb2), field: 'magic_number', offset: 0, text: /too short/ },
    { name: 'header cut at 10 bytes', bytes: buildPcap().subarray(0, 10), field: 'file_header', offset: 0, text: /shorter than the 24-byte/ },
    { name: 'header cut at 23 bytes', bytes: buildPcap().subarray(0, 23), field: 'file_header', offset: 0, text: /23 bytes/ },
    { name: 'wrong magic', bytes: buildPcap({ magic: 0xdeadbeef }), field: 'magic_number', offset: 0, text: /not a pcap magic/ },
    { name: 'pcapng magic', bytes: patch32(buildPcap(), 0, 0x0a0d0d0a), field: 'magic_number', offset: 0, text: /pcapng/ },
    { name: 'version 1.0', bytes: buildPcap({ major: 1, minor: 0 }), field: 'version', offset: 4, text: /version 1\.0/ },
    { name: 'version 2.5', bytes: buildPcap({ minor: 5 }), field: 'version', offset: 4, text: /2\.5/ },
    { name: 'version 3.4 big-endian', bytes: buildPcap({ littleEndian: false, major: 3 }), field: 'version', offset: 4, text: /3\.4/ },
    { name: 'snaplen 0', bytes: buildPcap({ snaplen: 0 }), field: 'snaplen', offset: 16, text: /snaplen 0/ },
    { name: 'snaplen 300000', bytes: buildPcap({ snaplen: 300000 }), field: 'snaplen', offset: 16, text: /snaplen 300000/ },
    { name: 'snaplen 0xffffffff', bytes: buildPcap({ snaplen: 0xffffffff }), field: 'snaplen', offset: 16, text: /4294967295/ },
    { name: 'linktype 113', bytes: buildPcap({ linktype: 113 }), field: 'linktype', offset: 20, text: /linktype 113 \(LINKTYPE_LINUX_SLL\)/ },
    { name: 'linktype 101 big-endian', bytes: buildPcap({ littleEndian: false, linktype: 101 }), field: 'linktype', offset: 20, text: /linktype 101/ },
    { name: 'linktype reserved bits', bytes: buildPcap({ linktype: 0x00010001 }), field: 'linktype', offset: 20, text: /reserved bits/ },
    { name: 'truncated record header', bytes: buildPcap(good).subarray(0, 24 + 8), field: 'record_header', offset: 24, text: /8 bytes left, need 16/ },
    { name: 'truncated second record header', bytes: buildPcap(good).subarray(0, 100 + 15), field: 'record_header', offset: 100, text: /record 1 at offset 100/ },
    { name: 'truncated record data', bytes: buildPcap(good).subarray(0, 24 + 16 + 30), field: 'packet_data', offset: 24, text: /incl_len 60 but 30 bytes left/ },
    { name: 'truncated last record data', bytes: buildPcap(good).subarray(0, 179), field: 'packet_data', offset: 100, text: /incl_len 64 but 63/ },
    { name: 'incl_len > snaplen', bytes: buildPcap({ snaplen: 65535, records: [{}, {}, {}, { incl: 70000, orig: 70000, data: pattern(70000) }] }), field: 'incl_len', offset: 24 + 3 * 76, text: /record 3 at offset 252: incl_len 70000 exceeds snaplen 65535/ },
    { name: 'incl_len > 262144', bytes: buildPcap({ snaplen: 262144, records: [{ incl: 262145, orig: 300000, data: new Uint8Array(0) }] }), field: 'incl_len', offset: 24, text: /exceeds the maximum 262144/ },
    { name: 'incl_len 0xffffffff', bytes: buildPcap({ records: [{ incl: 0xffffffff, orig: 0xffffffff, data: new Uint8Array(0) }] }), field: 'incl_len', offset: 24, text: /4294967295/ },
    { name: 'incl_len > orig_len', bytes: buildPcap({ records: [{ data: pattern(60), orig: 59 }] }), field: 'incl_len', offset: 24, text: /incl_len 60 exceeds orig_len 59/ },
    { name: 'ts_usec = 1e6', bytes: buildPcap({ records: [{ frac: 1000000 }] }), field: 'ts_usec', offset: 24, text: /ts_usec 1000000 is not below 1000000/ },
    { name: 'ts_usec huge big-endian', bytes: buildPcap({ littleEndian: false, records: [{}, { frac: 0xffffffff }] }), field: 'ts_usec', offset: 100, text: /ts_usec 4294967295/ },
    { name: 'ts_nsec = 1e9', bytes: buildPcap({ magic: MAGIC_NS, records: [{ frac: 1e9 }] }), field: 'ts_nsec', offset: 24, text: /ts_nsec 1000000000/ },
    { name: 'incl_len > snaplen big-endian ns', bytes: buildPcap({ littleEndian: false, magic: MAGIC_NS, snaplen: 100, records: [{ data: pattern(101) }] }), field: 'incl_len', offset: 24, text: /exceeds snaplen 100/ },
    { name: 'trailing garbage after last record', bytes: concat([buildPcap(good), Uint8Array.of(1, 2, 3)]), field: 'record_header', offset: 180, text: /3 bytes left/ },
];
test(`malformed pcap table has at least 20 cases (${bad.length})`, () => {
    assert.ok(bad.length >= 20);
});
for (const c of bad) {
    test(`malformed: ${c.name} → PcapError(${c.field})`, () => {
        let err;
        try {
            const r = PcapReader.fromBuffer('bad.pcap', c.bytes);
            const dst = new Uint8Array(300000);
            for (let i = 0; i < 100 && r.next(dst, 0, dst.length) >= 0; i++)
                ;
        }
        catch (e) {
            err = e;
        }
        assert.ok(err instanceof PcapError, `expected PcapError, got ${String(err)}`);
        assert.equal(err.field, c.field);
        assert.equal(err.offset, c.offset);
        assert.match(err.message, /^bad\.pcap: /);
        assert.match(err.message, c.text);
        // validateBuffer reports the same first error (pcapng-magic case goes to the pcapng reader).
        if (c.name !== 'pcapng magic')
            assert.throws(() => validateBuffer('bad.pcap', c.bytes), (e) => e instanceof PcapError && e.field === c.field);
    });
}
test('validate(path) counts records and bytes; open() errors name the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sluice-pcap-'));
    try {
        const p = join(dir, 'ok.pcap');
        writeFileSync(p, buildPcap(good));
        assert.deepEqual(validate(p), { format: 'pcap', records: 2, bytes: 124 });
        const missing = join(dir, 'missing.pcap');
        assert.throws(() => PcapReader.open(missing), (e) => e instanceof PcapError && e.field === 'file' && e.message.startsWith(missing));
        assert.throws(() => PcapReader.open(p, { maxFileBytes: 100 }), (e) => e instanceof PcapError && /exceeds the 100-byte limit/.test(e.message));
        assert.throws(() => PcapReader.open(dir), (e) => e instanceof PcapError && /not a regular file/.test(e.message));
        const r = PcapReader.open(p);
        assert.equal(r.name, p);
        assert.equal(r.skip(), 60);
    }
    finally {
        rmSync(dir, { recursive: true, force: true });
    }
});
//# sourceMappingURL=pcap-reader.test.js.map
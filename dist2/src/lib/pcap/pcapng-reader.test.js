/** Tests for PcapngReader on hand-built files: byte orders, SPB, timestamp resolutions, sections, malformed blocks. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PcapngReader } from './pcapng-reader.js';
import { PcapError } from './pcap-error.js';
import { validateBuffer } from './validate.js';
import { block, concat, epbBody, idbBody, options, pattern, shbBody, u32, u64 } from './testkit.js';
const SHB = 0x0a0d0d0a;
const IDB = 1;
const SPB = 3;
const ISB = 5;
const EPB = 6;
const enc = (s) => new TextEncoder().encode(s);
for (const le of [true, false]) {
    test(`reads a ${le ? 'little' : 'big'}-endian file with EPB, SPB, ISB and an unknown block`, () => {
        const file = concat([
            block(SHB, shbBody(le, 1, options([{ code: 4, value: enc('gen') }], le)), le),
            block(IDB, idbBody(le, 1, 128, options([{ code: 2, value: enc('eth0') }, { code: 9, value: Uint8Array.of(6) }], le)), le),
            block(EPB, epbBody(le, 0, 0x00060000, 0x00000007, pattern(61), 61, options([{ code: 2, value: u32(1, le) }, { code: 4, value: u64(3, le) }], le)), le),
            block(0x00000bad, new Uint8Array(20), le), // unknown block: skipped
            block(SPB, concat([u32(200, le), pattern(128, 2)]), le), // orig 200, snaplen 128
            block(ISB, concat([u32(0, le), u32(0, le), u32(0, le), options([{ code: 4, value: u64(10, le) }, { code: 5, value: u64(2, le) }], le)]), le),
        ]);
        const r = PcapngReader.fromBuffer('x.pcapng', file);
        assert.equal(r.littleEndian, le);
        assert.equal(r.shbUserappl, 'gen');
        const dst = new Uint8Array(300);
        assert.equal(r.next(dst, 0, 300), 61);
        assert.deepEqual(dst.subarray(0, 61), pattern(61));
        assert.equal(r.ifName[0], 'eth0');
        assert.equal(r.epbFlags, 1);
        assert.equal(r.dropCount, 3);
        // µs units: 0x00060000_00000007 = 1688849860263943 µs
        assert.equal(r.tsSec, 1688849860);
        assert.equal(r.tsNsec, 263943000);
        assert.equal(r.next(dst, 0, 300), 128);
        assert.equal(r.origLen, 200);
        assert.deepEqual(dst.subarray(0, 128), pattern(128, 2));
        assert.equal(r.tsNs, 0, 'SPB has no timestamp');
        assert.equal(r.next(dst, 0, 300), -1);
        assert.equal(r.isbIfRecv[0], 10);
        assert.equal(r.isbIfDrop[0], 2);
        r.rewind();
        assert.equal(r.skip(), 61);
    });
}
test('timestamp resolutions: 10^-9, 10^-0, 2^-10 and if_tsoffset', () => {
    const file = concat([
        block(SHB, shbBody()),
        block(IDB, idbBody(true, 1, 0, options([{ code: 9, value: Uint8Array.of(9) }]))),
        block(IDB, idbBody(true, 1, 0, options([{ code: 9, value: Uint8Array.of(0) }, { code: 14, value: u64(100) }]))),
        block(IDB, idbBody(true, 1, 0, options([{ code: 9, value: Uint8Array.of(0x8a) }]))),
        // 0x17979cfe_362a0000 ns = 1700000000 s exactly
        block(EPB, epbBody(true, 0, 0x17979cfe, 0x362a0000 + 5, pattern(4))),
        block(EPB, epbBody(true, 1, 0, 42, pattern(4))),
        block(EPB, epbBody(true, 2, 0, 1024 * 3 + 512, pattern(4))),
    ]);
    const r = PcapngReader.fromBuffer('ts.pcapng', file);
    const dst = new Uint8Array(8);
    r.next(dst, 0, 8);
    assert.equal(r.tsSec, 1700000000);
    assert.equal(r.tsNsec, 5);
    r.next(dst, 0, 8);
    assert.equal(r.tsSec, 142);
    assert.equal(r.tsNsec, 0);
    r.next(dst, 0, 8);
    assert.equal(r.tsSec, 3);
    assert.equal(r.tsNsec, 500000000);
});
test('a second section resets the interfaces and may switch byte order', () => {
    const file = concat([
        block(SHB, shbBody(true)),
        block(IDB, idbBody(true, 1, 0, options([{ code: 2, value: enc('a') }, { code: 3, value: enc('desc\0junk') }]))),
        block(EPB, epbBody(true, 0, 0, 0, pattern(10))),
        block(SHB, shbBody(false), false),
        block(IDB, idbBody(false, 1, 0, options([{ code: 2, value: enc('b') }], false)), false),
        block(EPB, epbBody(false, 0, 0, 0, pattern(11)), false),
    ]);
    const r = PcapngReader.fromBuffer('s.pcapng', file);
    assert.equal(r.skip(), 10);
    assert.deepEqual(r.ifName, ['a']);
    assert.deepEqual(r.ifDescription, ['desc'], 'a NUL ends an option string');
    assert.equal(r.skip(), 11);
    assert.deepEqual(r.ifName, ['b']);
    assert.equal(r.sections, 2);
    assert.equal(r.littleEndian, false);
    assert.deepEqual(validateBuffer('s.pcapng', file), { format: 'pcapng', records: 2, bytes: 21 });
});
const head = concat([block(SHB, shbBody()), block(IDB, idbBody(true, 1, 100))]); // SHB 28 bytes, IDB 20 bytes
const okEpb = block(EPB, epbBody(true, 0, 0, 0, pattern(60)));
const bad = [
    { name: 'empty', bytes: new Uint8Array(0), field: 'block_type', offset: 0, text: /empty/ },
    { name: 'not an SHB first', bytes: block(IDB, idbBody()), field: 'block_type', offset: 0, text: /Section Header Block/ },
    { name: 'SHB shorter than 12 bytes', bytes: u32(SHB), field: 'block_total_length', offset: 0, text: /4 bytes left/ },
    { name: 'bad byte-order magic', bytes: block(SHB, shbBody(true, 1, new Uint8Array(0), 0x11223344)), field: 'byte_order_magic', offset: 8, text: /0x44332211/ },
    { name: 'SHB major version 2', bytes: block(SHB, shbBody(true, 2)), field: 'major_version', offset: 12, text: /version 2\.0/ },
    { name: 'block length not a multiple of 4', bytes: concat([head, block(EPB, epbBody(true, 0, 0, 0, pattern(60)), true, 94)]), field: 'block_total_length', offset: 48, text: /94/ },
    { name: 'block length below 12', bytes: concat([head, block(0x99, new Uint8Array(4), true, 8)]), field: 'block_total_length', offset: 48, text: /block_total_length 8/ },
    { name: 'block runs past end of file', bytes: concat([head, okEpb.subarray(0, 50)]), field: 'block_total_length', offset: 48, text: /block truncated/ },
    { name: 'trailing length mismatch', bytes: concat([head, block(EPB, epbBody(true, 0, 0, 0, pattern(60)), true, undefined, 64)]), field: 'block_total_length', offset: 48 + 92 - 4, text: /trailing block_total_length 64 differs from leading 92/ },
    { name: 'EPB on undeclared interface', bytes: concat([head, block(EPB, epbBody(true, 3, 0, 0, pattern(60)))]), field: 'interface_id', offset: 56, text: /interface_id 3/ },
    { name: 'EPB before any IDB', bytes: concat([block(SHB, shbBody()), okEpb]), field: 'interface_id', offset: 36, text: /0 in this section/ },
    { name: 'EPB captured length overruns block', bytes: concat([head, block(EPB, epbBody(true, 0, 0, 0, pattern(60), 2000, undefined, 90))]), field: 'captured_packet_length', offset: 68, text: /overruns the block/ },
    { name: 'EPB captured length > snaplen', bytes: concat([head, block(EPB, epbBody(true, 0, 0, 0, pattern(101)))]), field: 'captured_packet_length', offset: 68, text: /exceeds snaplen 100/ },
    { name: 'EPB captured > original', bytes: concat([head, block(EPB, epbBody(true, 0, 0, 0, pattern(60), 59))]), field: 'captured_packet_length', offset: 68, text: /exceeds original_packet_length 59/ },
    { name: 'EPB option overruns block', bytes: concat([head, block(EPB, epbBody(true, 0, 0, 0, pattern(60), 60, concat([Uint8Array.of(2, 0, 40, 0), u32(1)])))]), field: 'option_length', offset: 48 + 88, text: /option 2 length 40 overruns/ },
    { name: 'epb_flags wrong length', bytes: concat([head, block(EPB, epbBody(true, 0, 0, 0, pattern(60), 60, options([{ code: 2, value: Uint8Array.of(1, 2) }])))]), field: 'epb_flags', offset: 48 + 88, text: /length 2 is not 4/ },
    { name: 'IDB linktype 113', bytes: concat([block(SHB, shbBody()), block(IDB, idbBody(true, 113))]), field: 'linktype', offset: 36, text: /linktype 113 \(LINKTYPE_LINUX_SLL\)/ },
    { name: 'IDB snaplen too large', bytes: concat([block(SHB, shbBody()), block(IDB, idbBody(true, 1, 300000))]), field: 'snaplen', offset: 40, text: /300000/ },
    { name: 'IDB if_tsresol 10^-12', bytes: concat([block(SHB, shbBody()), block(IDB, idbBody(true, 1, 0, options([{ code: 9, value: Uint8Array.of(12) }])))]), field: 'if_tsresol', offset: 44, text: /0xc is not supported/ },
    { name: 'IDB option overruns block', bytes: concat([block(SHB, shbBody()), block(IDB, idbBody(true, 1, 0, Uint8Array.of(2, 0, 8, 0)))]), field: 'option_length', offset: 44, text: /option 2 length 8 overruns/ },
    { name: 'SPB before IDB', bytes: concat([block(SHB, shbBody()), block(SPB, concat([u32(4), pattern(4)]))]), field: 'interface_id', offset: 28, text: /Simple Packet Block before/ },
    { name: 'ISB for undeclared interface', bytes: concat([head, block(ISB, concat([u32(9), u32(0), u32(0)]))]), field: 'interface_id', offset: 56, text: /interface_id 9/ },
    { name: 'garbage after the last block', bytes: concat([head, okEpb, Uint8Array.of(1, 2, 3, 4, 5)]), field: 'block_total_length', offset: 140, text: /5 bytes left/ },
];
for (const c of bad) {
    test(`malformed pcapng: ${c.name} → PcapError(${c.field})`, () => {
        let err;
        try {
            const r = PcapngReader.fromBuffer('bad.pcapng', c.bytes);
            const dst = new Uint8Array(2048);
            for (let i = 0; i < 100 && r.next(dst, 0, dst.length) >= 0; i++)
                ;
        }
        catch (e) {
            err = e;
        }
        assert.ok(err instanceof PcapError, `expected PcapError, got ${String(err)}`);
        assert.equal(err.field, c.field);
        assert.equal(err.offset, c.offset);
        assert.match(err.message, /^bad\.pcapng: block \d+ at offset \d+: /);
        assert.match(err.message, c.text);
    });
}
//# sourceMappingURL=pcapng-reader.test.js.map
/**
 * pcap and pcapng files as `sluice switch --port pcap:FILE` and `validate` read them: the
 * reader is chosen by the magic (isPcapng), every record is read into a buffer of the
 * largest snaplen, then the file is rewound and skipped through once more.
 *
 * Survives: only PcapError escapes, naming the on-disk field it refuses (`field`) and where; a file of n bytes
 * gives at most n/12 + 2 reads (no loop), no record is longer than its buffer, and a file
 * that read cleanly reads cleanly again after rewind.
 */
import assert from 'node:assert/strict';
import { PcapError } from '../../../src/lib/pcap/pcap-error.js';
import { PcapReader } from '../../../src/lib/pcap/pcap-reader.js';
import { PcapngReader } from '../../../src/lib/pcap/pcapng-reader.js';
import { MAX_SNAPLEN } from '../../../src/lib/pcap/format.js';
import { isPcapng, validateBuffer } from '../../../src/lib/pcap/validate.js';
import { block, buildPcap, concat, epbBody, idbBody, options, pattern, shbBody, u32, u64 } from '../../../src/lib/pcap/testkit.js';
const dst = new Uint8Array(MAX_SNAPLEN + 64);
function run(data) {
    const r = isPcapng(data) ? PcapngReader.fromBuffer('fuzz', data) : PcapReader.fromBuffer('fuzz', data);
    const bound = Math.floor(data.length / 12) + 2;
    let n = 0;
    for (let i = 0;; i++) {
        assert.ok(i <= bound, `more than ${bound} reads from ${data.length} bytes`);
        const len = r.next(dst, 0, dst.length);
        if (len < 0)
            break;
        assert.ok(len <= dst.length, `record of ${len} bytes`);
        n++;
    }
    r.rewind();
    let again = 0;
    while (r.skip() >= 0)
        again++;
    assert.equal(again, n, 'rewind reads the same records');
    validateBuffer('fuzz', data);
}
export const target = {
    name: 'pcap',
    covers: ['/src/lib/pcap/pcap-reader', '/src/lib/pcap/pcapng-reader', '/src/lib/pcap/format', '/src/lib/pcap/validate'],
    maxLen: 8192,
    dict: [u32(0xa1b2c3d4), u32(0xa1b23c4d), u32(0x0a0d0d0a), u32(0x1a2b3c4d), u32(1), u32(6), u32(3), u32(5), u32(2)],
    seeds: () => [
        buildPcap({ snaplen: 2000, records: [{ data: pattern(60) }, { data: pattern(1500, 1), orig: 1600 }, { data: pattern(0) }] }),
        buildPcap({ littleEndian: false, magic: 0xa1b23c4d, records: [{ data: pattern(61) }, { data: pattern(7, 1) }] }),
        concat([
            block(0x0a0d0d0a, shbBody(true, 1, options([{ code: 4, value: new TextEncoder().encode('x') }]))),
            block(1, idbBody(true, 1, 0, options([{ code: 2, value: new TextEncoder().encode('p0') }, { code: 9, value: Uint8Array.of(9) }]))),
            block(6, epbBody(true, 0, 1, 2, pattern(61), 61, options([{ code: 2, value: u32(1) }, { code: 4, value: u64(5) }]))),
            block(3, concat([u32(30), pattern(30)])),
            block(5, concat([u32(0), u32(0), u32(0), options([{ code: 4, value: u64(1) }])])),
            block(6, epbBody(true, 0, 0, 0, pattern(100, 3))),
        ]),
        concat([block(0x0a0d0d0a, shbBody(false), false), block(1, idbBody(false, 1, 1500), false), block(6, epbBody(false, 0, 0, 0, pattern(64)), false)]),
    ],
    run,
    expected: (e) => {
        if (!(e instanceof PcapError))
            return `${String(e)} is not a PcapError`;
        // The field travels in `field` (spec spelling); the message says where and what.
        if (!/^[a-z_]+$/.test(e.field) || !e.message.startsWith('fuzz: '))
            return `PcapError without a field or place: ${e.field} / ${e.message}`;
        return null;
    },
};
//# sourceMappingURL=pcap.js.map
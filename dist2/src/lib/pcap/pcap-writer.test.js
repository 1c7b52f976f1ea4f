/** Tests for PcapWriter: µs/ns round trips through PcapReader, snaplen, buffer flushing, fds, errors. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, openSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PcapWriter } from './pcap-writer.js';
import { PcapReader } from './pcap-reader.js';
import { PcapError } from './pcap-error.js';
import { MIN_BUFFER_BYTES } from './out-sink.js';
import { pattern } from './testkit.js';
function withDir(fn) {
    const dir = mkdtempSync(join(tmpdir(), 'sluice-pcapw-'));
    try {
        fn(dir);
    }
    finally {
        rmSync(dir, { recursive: true, force: true });
    }
}
for (const resolution of ['us', 'ns']) {
    test(`round trip, ${resolution} resolution`, () => withDir((dir) => {
        const p = join(dir, `rt-${resolution}.pcap`);
        const w = PcapWriter.create(p, { resolution });
        const src = new Uint8Array(4000);
        const lens = [60, 64, 1514, 0, 3999, 127, 128, 129];
        const secs = [0, 1, 1700000000, 4294967295, 86400, 12, 13, 14];
        const nsecs = [0, 999999999, 123456789, 500, 1000, 999999000, 1, 999];
        for (let i = 0; i < lens.length; i++) {
            src.set(pattern(lens[i], i), 0);
            assert.equal(w.writeExact(0, src, 0, lens[i], secs[i], nsecs[i]), 1);
        }
        // tsNs entry point on a value exactly representable as a double.
        assert.equal(w.write(0, src, 0, 60, 123456789012345), 1);
        w.close();
        assert.equal(w.packets, lens.length + 1);
        const r = PcapReader.open(p);
        assert.equal(r.nanosecond, resolution === 'ns');
        assert.equal(r.snaplen, 262144);
        const dst = new Uint8Array(5000);
        for (let i = 0; i < lens.length; i++) {
            assert.equal(r.next(dst, 0, dst.length), lens[i]);
            assert.deepEqual(dst.subarray(0, lens[i]), pattern(lens[i], i));
            let sec = secs[i];
            let nsec = nsecs[i];
            if (resolution === 'us') {
                nsec = Math.round(nsec / 1000) * 1000;
                if (nsec === 1e9) {
                    sec++;
                    nsec = 0;
                }
                if (sec > 0xffffffff)
                    sec = 0; // carried out of u32: writer clamps
            }
            assert.equal(r.tsSec, sec, `record ${i} sec`);
            assert.equal(r.tsNsec, nsec, `record ${i} nsec`);
            assert.equal(r.origLen, lens[i]);
        }
        assert.equal(r.next(dst, 0, dst.length), 60);
        assert.equal(r.tsSec, 123456);
        assert.equal(r.tsNsec, resolution === 'ns' ? 789012345 : 789012000);
        assert.equal(r.next(dst, 0, dst.length), -1);
    }));
}
test('snaplen truncates incl_len and keeps orig_len', () => withDir((dir) => {
    const p = join(dir, 'snap.pcap');
    const w = PcapWriter.create(p, { snaplen: 96 });
    const src = pattern(1500);
    w.write(0, src, 0, 1500, 1e9);
    w.write(0, src, 0, 64, 2e9, 0, 128); // explicit larger original length
    w.close();
    assert.equal(w.truncated, 1);
    const r = PcapReader.open(p);
    assert.equal(r.snaplen, 96);
    const dst = new Uint8Array(2000);
    assert.equal(r.next(dst, 0, 2000), 96);
    assert.equal(r.origLen, 1500);
    assert.deepEqual(dst.subarray(0, 96), src.subarray(0, 96));
    assert.equal(r.next(dst, 0, 2000), 64);
    assert.equal(r.origLen, 128);
}));
test('bad arguments are counted and dropped, never thrown', () => withDir((dir) => {
    const p = join(dir, 'bad.pcap');
    const w = PcapWriter.create(p);
    const src = new Uint8Array(100);
    assert.equal(w.write(0, src, 50, 51, 0), 0);
    assert.equal(w.write(0, src, -1, 10, 0), 0);
    assert.equal(w.write(0, src, 0, -5, 0), 0);
    assert.equal(w.write(0, src, 0, NaN, 0), 0);
    assert.equal(w.write(0, src, 0, 10, NaN), 1, 'NaN timestamp clamps to the epoch');
    assert.equal(w.write(0, src, 0, 10, -5), 1);
    w.close();
    assert.equal(w.badArgs, 4);
    const r = PcapReader.open(p);
    const dst = new Uint8Array(100);
    assert.equal(r.next(dst, 0, 100), 10);
    assert.equal(r.tsNs, 0);
    assert.equal(r.next(dst, 0, 100), 10);
    assert.equal(r.tsNs, 0);
}));
test('a small buffer flushes many times and the file stays exact', () => withDir((dir) => {
    const p = join(dir, 'many.pcap');
    const w = PcapWriter.create(p, { bufferBytes: MIN_BUFFER_BYTES });
    const src = pattern(1514);
    const n = 2000; // 2000 * 1530 bytes ≈ 3 MB: about 11 flushes
    for (let i = 0; i < n; i++) {
        src[0] = i & 0xff;
        w.write(0, src, 0, 1514, i * 1000);
    }
    w.close();
    assert.equal(readFileSync(p).length, 24 + n * (16 + 1514));
    const r = PcapReader.open(p);
    const dst = new Uint8Array(1514);
    for (let i = 0; i < n; i++) {
        assert.equal(r.next(dst, 0, 1514), 1514);
        assert.equal(dst[0], i & 0xff);
        assert.equal(r.tsNs, i * 1000);
    }
    assert.equal(r.next(dst, 0, 1514), -1);
}));
test('fromFd writes to a caller-owned fd and leaves it open', () => withDir((dir) => {
    const p = join(dir, 'fd.pcap');
    const fd = openSync(p, 'w');
    const w = PcapWriter.fromFd(fd, { resolution: 'us' });
    w.write(0, pattern(60), 0, 60, 5e9);
    w.close();
    closeSync(fd); // would throw EBADF if the writer had closed it
    const r = PcapReader.open(p);
    assert.equal(r.nanosecond, false);
    assert.equal(r.skip(), 60);
    assert.equal(r.tsSec, 5);
}));
test('a failing fd counts writeErrors and close() throws PcapError(fd)', () => withDir((dir) => {
    const p = join(dir, 'ro.pcap');
    closeSync(openSync(p, 'w'));
    const fd = openSync(p, 'r'); // read-only: writeSync fails with EBADF
    const w = PcapWriter.fromFd(fd, { ownsFd: true, bufferBytes: MIN_BUFFER_BYTES, label: 'ro.pcap' });
    const src = pattern(1500);
    let dropped = 0;
    for (let i = 0; i < 300; i++)
        dropped += 1 - w.write(0, src, 0, 1500, 0);
    assert.ok(dropped > 0, 'writes after the failed flush are dropped');
    assert.equal(w.writeErrors, dropped);
    assert.throws(() => w.close(), (e) => e instanceof PcapError && e.field === 'fd' && /^ro\.pcap: /.test(e.message));
    assert.doesNotThrow(() => w.close(), 'close is idempotent');
}));
test('constructor rejects a bad snaplen and a tiny buffer', () => withDir((dir) => {
    assert.throws(() => PcapWriter.create(join(dir, 'a.pcap'), { snaplen: 0 }), RangeError);
    assert.throws(() => PcapWriter.create(join(dir, 'b.pcap'), { snaplen: 262145 }), RangeError);
    assert.throws(() => PcapWriter.create(join(dir, 'c.pcap'), { bufferBytes: 1024 }), RangeError);
}));
//# sourceMappingURL=pcap-writer.test.js.map
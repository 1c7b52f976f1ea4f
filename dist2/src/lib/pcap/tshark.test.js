/**
 * Interop: files written by PcapWriter/PcapngWriter are read by Wireshark's tshark and
 * capinfos (packet count, lengths, interface names, direction flags, drop counts, timestamps),
 * including a live capture into `tshark -r <fifo>`; and a pcap made by text2pcap is read by
 * PcapReader. Skipped with a printed reason when the tools are absent, except under CI=true,
 * where a missing tool fails the test.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync, openSync, constants } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PcapWriter } from './pcap-writer.js';
import { PcapngWriter } from './pcapng-writer.js';
import { PcapReader } from './pcap-reader.js';
import { EPB_FLAG_INBOUND, EPB_FLAG_OUTBOUND } from './format.js';
import { pattern } from './testkit.js';
const TSHARK = '/usr/bin/tshark';
const CAPINFOS = '/usr/bin/capinfos';
const TEXT2PCAP = '/usr/bin/text2pcap';
/** True if `tool` exists; otherwise skips (or fails under CI=true). */
function need(t, tool) {
    if (existsSync(tool))
        return true;
    if (process.env.CI === 'true')
        assert.fail(`${tool} is required when CI=true`);
    t.skip(`${tool} not installed`);
    return false;
}
function run(cmd, args) {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
}
/** An Ethernet frame of `len` bytes: broadcast dst, fixed src, ethertype 0x88b5 (local experimental). */
function frame(len, seed) {
    const f = pattern(len, seed);
    f.fill(0xff, 0, 6);
    f.set([2, 0, 0, 0, 0, seed & 0xff], 6);
    f[12] = 0x88;
    f[13] = 0xb5;
    return f;
}
function withDir(fn) {
    const dir = mkdtempSync(join(tmpdir(), 'sluice-tshark-'));
    return Promise.resolve(fn(dir)).finally(() => rmSync(dir, { recursive: true, force: true }));
}
const LENS = [60, 64, 1514, 128, 129, 9000];
test('tshark and capinfos read our pcapng', async (t) => {
    if (!need(t, TSHARK))
        return;
    await withDir((dir) => {
        const p = join(dir, 'out.pcapng');
        const w = PcapngWriter.create(p, {
            hardware: 'test', os: 'Linux', comments: ['sluice interop'],
            interfaces: [{ name: 'vhost0', description: 'guest port' }, { name: 'tap1', snaplen: 1500 }],
        });
        for (let i = 0; i < LENS.length; i++) {
            const f = frame(LENS[i], i);
            if (i === 3)
                w.noteDrops(1, 4);
            w.write(i & 1, f, 0, f.length, 1700000000e9 + i * 1024, (i & 1) === 0 ? EPB_FLAG_INBOUND : EPB_FLAG_OUTBOUND);
        }
        w.close();
        const out = run(TSHARK, ['-r', p, '-T', 'fields', '-E', 'separator=|',
            '-e', 'frame.len', '-e', 'frame.cap_len', '-e', 'frame.interface_name', '-e', 'frame.packet_flags_direction', '-e', 'frame.drop_count', '-e', 'frame.time_epoch']);
        const rows = out.trim().split('\n').map((l) => l.split('|'));
        assert.equal(rows.length, LENS.length, out);
        for (let i = 0; i < LENS.length; i++) {
            const [len, cap, ifname, dir, drops, time] = rows[i];
            assert.equal(Number(len), LENS[i], `packet ${i} frame.len`);
            assert.equal(Number(cap), (i & 1) === 1 ? Math.min(LENS[i], 1500) : LENS[i], `packet ${i} frame.cap_len`);
            assert.equal(ifname, (i & 1) === 0 ? 'vhost0' : 'tap1');
            assert.equal(Number(dir), (i & 1) === 0 ? 1 : 2, `packet ${i} direction`);
            assert.equal(drops, i === 3 ? '4' : '', `packet ${i} drop count`);
            assert.equal(time, `1700000000.${String(i * 1024).padStart(9, '0')}`, `packet ${i} time`);
        }
        if (!need(t, CAPINFOS))
            return;
        const info = run(CAPINFOS, [p]);
        assert.match(info, /File type:\s+Wireshark\/\.\.\. - pcapng/);
        assert.match(info, /Number of packets:\s+6\b/);
        assert.match(info, /Capture comment:\s+sluice interop/);
        assert.match(info, /Number of interfaces in file: 2/);
        assert.match(info, /Name = vhost0/);
        assert.match(info, /Description = guest port/);
        assert.match(info, /Time precision = nanoseconds \(9\)/);
    });
});
for (const resolution of ['us', 'ns']) {
    test(`tshark reads our classic pcap (${resolution})`, async (t) => {
        if (!need(t, TSHARK))
            return;
        await withDir((dir) => {
            const p = join(dir, 'out.pcap');
            const w = PcapWriter.create(p, { resolution, snaplen: 4000 });
            for (let i = 0; i < LENS.length; i++) {
                const f = frame(LENS[i], i);
                w.writeExact(0, f, 0, f.length, 1700000000 + i, 123456000 + i * 1000);
            }
            w.close();
            const out = run(TSHARK, ['-r', p, '-T', 'fields', '-E', 'separator=|', '-e', 'frame.len', '-e', 'frame.cap_len', '-e', 'frame.time_epoch']);
            const rows = out.trim().split('\n').map((l) => l.split('|'));
            assert.equal(rows.length, LENS.length, out);
            for (let i = 0; i < LENS.length; i++) {
                assert.equal(Number(rows[i][0]), LENS[i]);
                assert.equal(Number(rows[i][1]), Math.min(LENS[i], 4000));
                assert.equal(rows[i][2], `${1700000000 + i}.${123456000 + i * 1000}`);
            }
            if (!need(t, CAPINFOS))
                return;
            const info = run(CAPINFOS, [p]);
            assert.match(info, /Number of packets:\s+6\b/);
            assert.match(info, new RegExp(`File timestamp precision:\\s+${resolution === 'ns' ? 'nanoseconds \\(9\\)' : 'microseconds \\(6\\)'}`));
            assert.match(info, /Packet size limit:\s+file hdr: 4000 bytes/);
        });
    });
}
test('live capture: PcapngWriter on a FIFO read by tshark -r', async (t) => {
    if (!need(t, TSHARK))
        return;
    await withDir(async (dir) => {
        const fifo = join(dir, 'live.fifo');
        run('mkfifo', [fifo]);
        const child = spawn(TSHARK, ['-r', fifo, '-T', 'fields', '-e', 'frame.len', '-e', 'frame.interface_name'], { stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        child.stdout.setEncoding('utf8');
        child.stdout.on('data', (d) => { out += d; });
        const exited = new Promise((resolve) => child.on('close', resolve));
        try {
            // Non-blocking open fails with ENXIO until tshark opens the FIFO for reading; wait
            // asynchronously so tshark's output keeps draining. The fd stays O_NONBLOCK, so this
            // also exercises the writer's EAGAIN retry when the pipe fills.
            let fd = -1;
            for (let i = 0; i < 300 && fd < 0; i++) {
                try {
                    fd = openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK);
                }
                catch (e) {
                    if (e.code !== 'ENXIO')
                        throw e;
                    await new Promise((r) => setTimeout(r, 100));
                }
            }
            assert.ok(fd >= 0, 'tshark opened the FIFO within 30 s');
            const w = PcapngWriter.fromFd(fd, { ownsFd: true, interfaces: [{ name: 'live0' }] });
            const n = 2000;
            const f = frame(1000, 7);
            for (let i = 0; i < n; i++)
                w.write(0, f, 0, 1000 - (i % 3), i * 1000);
            w.close();
            assert.equal(w.writeErrors, 0);
            t.diagnostic(`writer waited ${w.sink.eagainWaits} ms on a full pipe`);
            const code = await exited;
            assert.equal(code, 0);
            const rows = out.trim().split('\n');
            assert.equal(rows.length, n);
            assert.equal(rows[0], '1000\tlive0');
            assert.equal(rows[n - 1], `${1000 - ((n - 1) % 3)}\tlive0`);
        }
        finally {
            if (child.exitCode === null)
                child.kill();
        }
    });
});
test('PcapReader reads a pcap written by text2pcap', async (t) => {
    if (!need(t, TEXT2PCAP))
        return;
    await withDir((dir) => {
        const txt = join(dir, 'in.txt');
        const p = join(dir, 'in.pcap');
        const hexdump = (b) => {
            let s = '';
            for (let o = 0; o < b.length; o += 16) {
                s += o.toString(16).padStart(6, '0') + ' ' + Array.from(b.subarray(o, o + 16), (x) => x.toString(16).padStart(2, '0')).join(' ') + '\n';
            }
            return s;
        };
        writeFileSync(txt, hexdump(frame(60, 1)) + '\n' + hexdump(frame(1514, 2)) + '\n' + hexdump(frame(64, 3)));
        run(TEXT2PCAP, ['-q', '-F', 'pcap', txt, p]);
        const r = PcapReader.open(p);
        assert.equal(r.linktype, 1);
        const dst = new Uint8Array(2000);
        const want = [frame(60, 1), frame(1514, 2), frame(64, 3)];
        for (const f of want) {
            assert.equal(r.next(dst, 0, 2000), f.length);
            assert.deepEqual(dst.subarray(0, f.length), f);
        }
        assert.equal(r.next(dst, 0, 2000), -1);
    });
});
//# sourceMappingURL=tshark.test.js.map
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sluice, sluiceBackground } from '../support/cli.js';
import { buildPcap } from '../../src/lib/pcap/testkit.js';
import { buildUdpPacket } from '../../src/lib/proto/index.js';
import { PcapReader } from '../../src/lib/pcap/index.js';
const dir = mkdtempSync(join(tmpdir(), 'sluice-cli-'));
test('switch: gen -> sink, SIGINT drains and prints the JSON summary contract', async () => {
    const sw = sluiceBackground(['switch', '--port', 'gen:size=64,flows=4,rate=200000', '--port', 'sink', '--stats', '0.5']);
    await new Promise((r) => setTimeout(r, 2500));
    const r = await sw.stop();
    assert.equal(r.status, 0, r.stderr);
    const s = JSON.parse(r.stdout);
    assert.deepEqual(s.ports.map((p) => [p.name, p.spec]), [['p0', 'gen:size=64,flows=4,rate=200000'], ['p1', 'sink']]);
    const [gen, sink] = s.ports;
    assert.ok(gen.rx.packets > 1000, 'generator produced');
    assert.equal(sink.tx.packets, gen.rx.packets, 'everything generated reached the sink (drained on exit)');
    assert.equal(sink.tx.bytes, gen.rx.packets * 64);
    assert.deepEqual(gen.drops, {});
    assert.match(r.stderr, /p0 +rx \d+/, 'periodic stats lines');
});
test('switch: pcap replay into a pcap recording is byte-exact, --json writes the summary file', () => {
    const frames = [60, 64, 100, 1514, 9000].map((size, i) => buildUdpPacket({ srcMac: '02:00:00:00:00:01', dstMac: '02:00:00:00:00:02', srcIp: '10.0.0.1', dstIp: '10.0.0.2', srcPort: 1000 + i, dstPort: 2000, size }));
    const inFile = join(dir, 'in.pcap'), outFile = join(dir, 'out.pcap'), json = join(dir, 's.json');
    writeFileSync(inFile, buildPcap({ records: frames.map((data) => ({ data })) }));
    const r = sluice(['switch', '--port', `pcap:${inFile}`, '--port', `pcap:,out=${outFile}`, '--duration', '1', '--json', json]);
    assert.equal(r.status, 0, r.stderr);
    const s = JSON.parse(readFileSync(json, 'utf8'));
    assert.equal(s.ports[0].rx.packets, 5);
    assert.equal(s.ports[1].tx.packets, 5);
    const rd = PcapReader.open(outFile);
    const buf = new Uint8Array(10000);
    for (const f of frames) {
        const n = rd.next(buf, 0, buf.length);
        assert.equal(n, f.length);
        assert.deepEqual(buf.subarray(0, n), f);
    }
    assert.equal(rd.next(buf, 0, buf.length), -1);
});
test('switch: bad arguments and port specs give one clear line and a non-zero exit', () => {
    const cases = [
        [['switch'], /at least one --port/],
        [['switch', '--port', 'warp:1'], /unknown kind "warp"/],
        [['switch', '--port', 'gen:size=10'], /size must be an integer in \[60, 9216\]/],
        [['switch', '--port', 'gen:size=abc'], /size must be an integer/],
        [['switch', '--port', 'gen:flows=0'], /flows must be/],
        [['switch', '--port', 'gen:colour=red'], /unknown option "colour"/],
        [['switch', '--port', 'gen:size=64,size=65'], /given twice/],
        [['switch', '--port', 'sink', '--mode', 'hub'], /--mode must be patch or bridge/],
        [['switch', '--port', 'sink', '--stats', '-1'], /--stats must be a number/],
        [['switch', '--port', 'sink', '--bogus'], /unknown option --bogus/],
        [['switch', '--port'], /--port needs a value/],
        [['switch', '--port', 'sink', '--port', 'null,name=p0'], /./],
        [['switch', '--port', 'pcap:/nonexistent/x.pcap'], /x\.pcap/],
        [['switch', '--port', 'sink', '--workers', '1.5'], /--workers must be a whole number/],
        [['switch', '--port', 'sink', '--workers', '99'], /--workers must be a number in \[0, 64\]/],
        [['switch', '--port', 'sink', '--cpus', '1'], /--cpus pins the worker engines: give --workers N too/],
        [['switch', '--port', 'sink', '--mode', 'bridge', '--workers', '2'], /bridge mode runs on the main engine only/],
        [['switch', '--port', 'sink', '--workers', '1', '--cpus', '1-x'], /--cpus: /],
        [['frobnicate'], /unknown command "frobnicate"/],
    ];
    for (const [args, re] of cases) {
        const r = sluice(args);
        assert.notEqual(r.status, 0, `${args.join(' ')} should fail`);
        assert.match(r.stderr, re, `${args.join(' ')}: ${r.stderr}`);
        assert.doesNotMatch(r.stderr, /\n\s+at /, `no stack trace for ${args.join(' ')}`);
    }
});
test('switch: 20+ malformed pcap files are each refused with a clear error naming the field', () => {
    const good = buildPcap({ records: [{ data: new Uint8Array(60) }] });
    const mutate = (f, base = good) => { const b = base.slice(); f(b, new DataView(b.buffer)); return b; };
    const cases = [
        ['empty', new Uint8Array(0), /file|header|short/i],
        ['short header', good.subarray(0, 10), /header|short|truncated/i],
        ['wrong magic', mutate((b) => { b[0] = 0; b[1] = 0; }), /magic/],
        ['pcapng-ish garbage', mutate((_b, v) => v.setUint32(0, 0x0a0d0d0a, true)), /./],
        ['version 1.0', mutate((_b, v) => { v.setUint16(4, 1, true); v.setUint16(6, 0, true); }), /version/],
        ['version 3', mutate((_b, v) => v.setUint16(4, 3, true)), /version/],
        ['snaplen 0', mutate((_b, v) => v.setUint32(16, 0, true)), /snaplen/],
        ['snaplen huge', mutate((_b, v) => v.setUint32(16, 0x7fffffff, true)), /snaplen/],
        ['linktype 113', mutate((_b, v) => v.setUint32(20, 113, true)), /linktype/],
        ['linktype 0', mutate((_b, v) => v.setUint32(20, 0, true)), /linktype/],
        ['truncated record header', good.subarray(0, 24 + 8), /record|truncated/i],
        ['truncated record data', good.subarray(0, good.length - 1), /truncated|data/i],
        ['incl_len > snaplen', mutate((_b, v) => { v.setUint32(16, 50, true); }), /snaplen/],
        ['incl_len absurd', mutate((_b, v) => { v.setUint32(24 + 8, 0x10000000, true); v.setUint32(24 + 12, 0x10000000, true); }), /incl_len/],
        ['incl_len > orig_len', mutate((_b, v) => v.setUint32(24 + 12, 10, true)), /orig_len|incl_len/],
        ['usec >= 1e6', mutate((_b, v) => v.setUint32(24 + 4, 1_000_000, true)), /usec|ts/],
        ['second record truncated', buildPcap({ records: [{ data: new Uint8Array(60) }, { data: new Uint8Array(60) }] }).subarray(0, 24 + 16 + 60 + 20), /record 2|truncated/i],
        ['incl_len past end', mutate((_b, v) => { v.setUint32(24 + 8, 200, true); v.setUint32(24 + 12, 200, true); }), /truncated|data/i],
        ['big-endian bad version', mutate((_b, v) => { v.setUint32(0, 0xa1b2c3d4, false); }), /version|magic/],
        ['nanosecond magic bad nsec', mutate((_b, v) => { v.setUint32(0, 0xa1b23c4d, true); v.setUint32(24 + 4, 2_000_000_000, true); }), /nsec|ts/],
        ['trailing garbage', new Uint8Array([...good, 1, 2, 3]), /truncated|record/i],
        ['all 0xff', new Uint8Array(100).fill(0xff), /magic/],
    ];
    assert.ok(cases.length >= 20);
    for (const [name, bytes, re] of cases) {
        const f = join(dir, `bad-${name.replace(/\W+/g, '-')}.pcap`);
        writeFileSync(f, bytes);
        const r = sluice(['switch', '--port', `pcap:${f}`, '--port', 'sink', '--duration', '0']);
        assert.equal(r.status, 2, `${name}: exit ${r.status} ${r.stderr}`);
        assert.match(r.stderr, re, `${name}: ${r.stderr}`);
        assert.ok(r.stderr.includes(f), `${name}: the message names the file`);
        assert.doesNotMatch(r.stderr, /\n\s+at /, `${name}: no stack trace`);
    }
});
//# sourceMappingURL=switch.test.js.map
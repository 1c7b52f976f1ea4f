/**
 * pcap file layer microbenchmark: replay read speed (records/s copied into a preallocated
 * Uint8Array) and capture write speed, for 64-byte (and 1514-byte) packets.
 * Run: npx tsc -p . && node dist/bench/pcap.bench.js
 * Prints one line per measurement: `<name> mpps=<million packets/s> gbps=<Gbit/s of packet data>`.
 */
import { mkdtempSync, rmSync, openSync, closeSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PcapReader } from '../src/lib/pcap/pcap-reader.js';
import { PcapngReader } from '../src/lib/pcap/pcapng-reader.js';
import { PcapWriter } from '../src/lib/pcap/pcap-writer.js';
import { PcapngWriter } from '../src/lib/pcap/pcapng-writer.js';
import { EPB_FLAG_INBOUND } from '../src/lib/pcap/format.js';
const dir = mkdtempSync(join(tmpdir(), 'sluice-pcap-bench-'));
function report(name, packets, size, ns) {
    const s = Number(ns) / 1e9;
    console.log(`${name} mpps=${(packets / s / 1e6).toFixed(2)} gbps=${((packets * size * 8) / s / 1e9).toFixed(2)}`);
}
/** Write `n` packets of `size` bytes with either writer; returns elapsed ns. */
function write(kind, path, n, size) {
    const pkt = new Uint8Array(size);
    for (let i = 0; i < size; i++)
        pkt[i] = i;
    const t0 = process.hrtime.bigint();
    if (kind === 'pcap') {
        const w = PcapWriter.create(path);
        for (let i = 0; i < n; i++)
            w.write(0, pkt, 0, size, 1.7e18 + i * 1024);
        w.close();
    }
    else {
        const w = PcapngWriter.create(path, { interfaces: [{ name: 'bench0' }] });
        for (let i = 0; i < n; i++)
            w.write(0, pkt, 0, size, 1.7e18 + i * 1024, EPB_FLAG_INBOUND);
        w.close();
    }
    return process.hrtime.bigint() - t0;
}
/** Read `total` records (rewinding at EOF) into a preallocated buffer; returns elapsed ns. */
function read(r, total) {
    const dst = new Uint8Array(2048);
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < total; i++) {
        if (r.next(dst, 0, 2048) < 0) {
            r.rewind();
            r.next(dst, 0, 2048);
        }
    }
    return process.hrtime.bigint() - t0;
}
try {
    for (const size of [64, 1514]) {
        const n = size === 64 ? 1_000_000 : 200_000;
        const pcap = join(dir, `b${size}.pcap`);
        const ng = join(dir, `b${size}.pcapng`);
        write('pcap', pcap, 50_000, size); // warm up
        const suffix = size === 64 ? '' : `-${size}`;
        report(`pcap-write${suffix}`, n, size, write('pcap', pcap, n, size));
        report(`pcapng-write${suffix}`, n, size, write('pcapng', ng, n, size));
        const total = n * 3;
        const r = PcapReader.open(pcap);
        read(r, 100_000);
        report(`pcap-read${suffix}`, total, size, read(r, total));
        const g = PcapngReader.open(ng);
        read(g, 100_000);
        report(`pcapng-read${suffix}`, total, size, read(g, total));
        if (size === 64)
            console.log(`# pcap file ${statSync(pcap).size} bytes, pcapng file ${statSync(ng).size} bytes for ${n} packets`);
    }
    // Writer CPU cost without the filesystem: /dev/null.
    const fd = openSync('/dev/null', 'w');
    const w = PcapngWriter.fromFd(fd, { interfaces: [{ name: 'null0' }] });
    const pkt = new Uint8Array(64);
    const n = 2_000_000;
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++)
        w.write(0, pkt, 0, 64, 1.7e18 + i * 1024, EPB_FLAG_INBOUND);
    w.close();
    report('pcapng-write-devnull', n, 64, process.hrtime.bigint() - t0);
    closeSync(fd);
}
finally {
    rmSync(dir, { recursive: true, force: true });
}
//# sourceMappingURL=pcap.bench.js.map
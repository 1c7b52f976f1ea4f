/**
 * H9 check: a steady-state replay loop (PcapReader.next) and capture loops (PcapWriter.write,
 * PcapngWriter.write) of 64-byte packets cause no garbage collection at all, i.e. they
 * allocate nothing per packet. Writers target /dev/null so flushes cost nothing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PerformanceObserver } from 'node:perf_hooks';
import { openSync, closeSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { PcapReader } from './pcap-reader.js';
import { PcapWriter } from './pcap-writer.js';
import { PcapngWriter } from './pcapng-writer.js';
import { EPB_FLAG_INBOUND } from './format.js';
import { buildPcap, pattern } from './testkit.js';
setFlagsFromString('--expose-gc');
const forceGc = runInNewContext('gc');
/** GC events while fn runs, starting from an empty young generation. */
async function gcCount(fn) {
    forceGc(); // leftovers from the test runner must not tip a scavenge into our window
    await new Promise((r) => setTimeout(r, 20));
    let n = 0;
    const obs = new PerformanceObserver((list) => { n += list.getEntries().length; });
    obs.observe({ entryTypes: ['gc'] });
    fn();
    await new Promise((r) => setTimeout(r, 50)); // gc entries are delivered asynchronously
    obs.disconnect();
    return n;
}
test('replay and capture of 64-byte packets allocate nothing per packet', async () => {
    const recs = [];
    for (let i = 0; i < 1000; i++)
        recs.push({ sec: 1700000000 + i, frac: i * 997, data: pattern(64, i) });
    const r = PcapReader.fromBuffer('mem', buildPcap({ records: recs }));
    const dst = new Uint8Array(2048);
    const fd = openSync('/dev/null', 'w');
    const w = PcapWriter.fromFd(fd);
    const g = PcapngWriter.fromFd(fd, { interfaces: [{ name: 'p0' }] });
    const loop = (n) => {
        for (let i = 0; i < n; i++) {
            let len = r.next(dst, 0, 2048);
            if (len < 0) {
                r.rewind();
                len = r.next(dst, 0, 2048);
            }
            // Not a loop-carried `ts += k`: V8 boxes such an accumulator here, which would be the
            // harness allocating, not the code under test.
            const ts = 1.7e18 + (i & 0xfffff) * 1024;
            w.write(0, dst, 0, len, ts);
            g.write(0, dst, 0, len, ts, EPB_FLAG_INBOUND);
        }
    };
    loop(50_000); // warm up: let V8 optimize
    const gcs = await gcCount(() => loop(300_000));
    w.close();
    g.close();
    closeSync(fd);
    assert.equal(w.packets, 350_000);
    assert.equal(gcs, 0, `${gcs} GC events during 300k packets`);
});
//# sourceMappingURL=no-alloc.test.js.map
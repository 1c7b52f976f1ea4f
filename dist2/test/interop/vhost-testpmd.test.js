/**
 * dpdk-testpmd (net_virtio_user, txonly) sends into a Sluice vhost-user port; Sluice's
 * from-guest counter must equal testpmd's TX-packets exactly.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { runTestpmd, skipIfMissing, startSwitch, testpmdAccumulated, workDir } from '../support/vhost-interop.js';
test('testpmd virtio-user txonly → Sluice vhost-user: counters match', { timeout: 90_000 }, async (t) => {
    if (skipIfMissing(t, { root: true, bins: ['dpdk-testpmd'] }))
        return;
    const w = workDir('sluice-vhtp-');
    const s0 = join(w.dir, 'p0.sock');
    const s1 = join(w.dir, 'p1.sock');
    const sw = await startSwitch([s0, s1], [s0, s1]);
    try {
        const out = await runTestpmd(['-l', '0-1', '--no-pci', '--no-huge', '-m', '256', '--single-file-segments', `--file-prefix=sluice-vhtp-${process.pid}`,
            '--vdev', `net_virtio_user0,path=${s0},queues=1`], ['--total-num-mbufs=2048', '--txd=256', '--rxd=256'], ['set fwd txonly', 'start', 'sleep 2', 'stop', 'sleep 1', 'quit']);
        const tp = testpmdAccumulated(out);
        const c = await sw.stop();
        const p0 = c.ports[0];
        console.log(`# testpmd TX-packets=${tp.tx} sluice rx=${p0.rx} features=${p0.features} protocol=${p0.protocolFeatures}`);
        assert.ok(tp.tx > 1000, `testpmd sent too little:\n${out.slice(-3000)}`);
        assert.equal(p0.rx, tp.tx);
        assert.equal(p0.quarantined, 0);
    }
    finally {
        await sw.kill9();
        w.cleanup();
    }
});
//# sourceMappingURL=vhost-testpmd.test.js.map
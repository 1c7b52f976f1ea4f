/**
 * Multiqueue spread over engines, against DPDK: testpmd A (net_virtio_user, 2 queue pairs,
 * txonly) → `sluice switch --workers 2` patching two vhost-user ports with queues=2 →
 * testpmd B (net_virtio_user, 2 queue pairs, rxonly). Queue pair 0 must be served by
 * worker 0 and pair 1 by worker 1, both moving traffic; every packet testpmd A sent is
 * counted by Sluice, and what Sluice delivered is what testpmd B received (the rest is
 * counted as peer_no_buffer). testpmd A then quits and a second one connects to the same
 * port: the workers give the rings back on the disconnect and take the new ones.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { runTestpmd, skipIfMissing, sleep, testpmdAccumulated, workDir } from '../support/vhost-interop.js';
import { sluiceBackground } from '../support/cli.js';
function testpmdArgs(name, sock) {
    return ['-l', '0-1', '--no-pci', '--no-huge', '-m', '256', '--single-file-segments', `--file-prefix=sluice-mq-${name}-${process.pid}`,
        '--vdev', `net_virtio_user0,path=${sock},queues=2`];
}
const APP = ['--total-num-mbufs=4096', '--txd=256', '--rxd=256', '--rxq=2', '--txq=2', '--nb-cores=1'];
test('testpmd (2 queues) → Sluice --workers 2 patch (queues=2) → testpmd: pairs on both workers, counters add up', { timeout: 120_000 }, async (t) => {
    if (skipIfMissing(t, { root: true, bins: ['dpdk-testpmd'] }))
        return;
    const w = workDir('sluice-mq-');
    const a = join(w.dir, 'a.sock'), b = join(w.dir, 'b.sock'), json = join(w.dir, 'summary.json');
    const sw = sluiceBackground(['switch', '--port', `vhost-user:${a},queues=2`, '--port', `vhost-user:${b},queues=2`, '--workers', '2', '--json', json]);
    try {
        for (let i = 0; i < 200 && !(existsSync(a) && existsSync(b)); i++)
            await sleep(50);
        assert.ok(existsSync(a) && existsSync(b), `switch did not listen: ${sw.stderr()}`);
        // The receiver runs for the whole send and a little after it.
        const rxSide = runTestpmd(testpmdArgs('rx', b), APP, ['set fwd rxonly', 'start', 'sleep 16', 'stop', 'sleep 1', 'quit'], 60_000);
        await sleep(3000);
        const txOut = await runTestpmd(testpmdArgs('tx', a), APP, ['set fwd txonly', 'start', 'sleep 3', 'stop', 'sleep 1', 'quit'], 60_000);
        // A second sender on the same port, after the first one's disconnect.
        const txOut2 = await runTestpmd(testpmdArgs('tx2', a), APP, ['set fwd txonly', 'start', 'sleep 2', 'stop', 'sleep 1', 'quit'], 60_000);
        const rxOut = await rxSide;
        const r = await sw.stop();
        assert.equal(r.status, 0, r.stderr);
        const s = JSON.parse(readFileSync(json, 'utf8'));
        const [pa, pb] = s.ports;
        const sent1 = testpmdAccumulated(txOut).tx, sent2 = testpmdAccumulated(txOut2).tx;
        const sent = sent1 + sent2, got = testpmdAccumulated(rxOut).rx;
        console.log(`# testpmd A TX=${sent1}+${sent2}, Sluice a.rx=${pa.rx.packets} b.tx=${pb.tx.packets} b.drops=${JSON.stringify(pb.drops)}, testpmd B RX=${got}`);
        console.log(`# placement a: ${JSON.stringify(pa.placement)} b: ${JSON.stringify(pb.placement)}`);
        assert.ok(sent1 > 1000, `testpmd A sent too little:\n${txOut.slice(-3000)}`);
        assert.ok(sent2 > 1000, `the second testpmd A sent too little:\n${txOut2.slice(-3000)}`);
        assert.deepEqual(pa.placement.map((p) => [p.engine, p.queuePairs]), [['worker0', [0]], ['worker1', [1]]]);
        for (const p of pa.placement)
            assert.ok(p.rx > 0, `${p.engine} moved nothing from guest A: ${JSON.stringify(pa.placement)}`);
        for (const p of pb.placement)
            assert.ok(p.tx > 0, `${p.engine} delivered nothing to guest B: ${JSON.stringify(pb.placement)}`);
        assert.equal(pa.rx.packets, sent, 'Sluice took every packet testpmd A sent');
        assert.equal(pa.placement.reduce((n, p) => n + p.rx, 0), pa.rx.packets, 'per-worker counts add up to the port');
        assert.equal(pb.tx.packets + (pb.drops.peer_no_buffer ?? 0), pa.rx.packets, 'delivered + peer_no_buffer = received');
        assert.equal(got, pb.tx.packets, 'testpmd B received what Sluice delivered');
        assert.equal(pa.drops.queue_quarantined ?? 0, 0);
    }
    finally {
        if (sw.child.exitCode === null)
            await sw.stop('SIGKILL');
        w.cleanup();
    }
});
//# sourceMappingURL=vhost-mq-workers.test.js.map
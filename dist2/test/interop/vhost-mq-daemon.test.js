/**
 * The daemon serves multiqueue too: `sluice daemon --workers 2` with two vhost-user ports
 * (queues=2) in a patch bridge; testpmd (2 queue pairs, txonly) sends into one, testpmd
 * (rxonly) takes from the other. `sluice stats -j` shows queue pair q on worker q with
 * traffic on both, and the daemon's accounting adds up.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { existsSync, writeFileSync } from 'node:fs';
import { runTestpmd, skipIfMissing, sleep, testpmdAccumulated, workDir } from '../support/vhost-interop.js';
import { SLUICE } from '../support/cli.js';
const testpmd = (name, sock, fwd, secs) => runTestpmd(['-l', '0-1', '--no-pci', '--no-huge', '-m', '256', '--single-file-segments', `--file-prefix=sluice-mqd-${name}-${process.pid}`,
    '--vdev', `net_virtio_user0,path=${sock},queues=2`], ['--total-num-mbufs=4096', '--txd=256', '--rxd=256', '--rxq=2', '--txq=2', '--nb-cores=1'], [`set fwd ${fwd}`, 'start', `sleep ${secs}`, 'stop', 'sleep 1', 'quit'], 60_000);
test('sluice daemon --workers 2: a patch bridge of two 2-queue vhost-user ports runs on both workers', { timeout: 120_000 }, async (t) => {
    if (skipIfMissing(t, { root: true, bins: ['dpdk-testpmd'] }))
        return;
    const w = workDir('sluice-mqd-');
    const api = join(w.dir, 'api.sock'), a = join(w.dir, 'a.sock'), b = join(w.dir, 'b.sock'), cfg = join(w.dir, 'state.json');
    writeFileSync(cfg, JSON.stringify({
        version: 1,
        ports: { a: { spec: `vhost-user:${a},queues=2` }, b: { spec: `vhost-user:${b},queues=2` } },
        bridges: { x: { type: 'patch', ports: { a: {}, b: {} } } },
    }));
    const d = spawn(process.execPath, [SLUICE, 'daemon', '--state-dir', join(w.dir, 'state'), '--config', cfg, '--socket', api, '--metrics', 'off', '--workers', '2'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    d.stderr.on('data', (c) => { log += c; });
    try {
        for (let i = 0; i < 300 && !(existsSync(api) && existsSync(a) && existsSync(b)); i++)
            await sleep(20);
        assert.ok(existsSync(a) && existsSync(b), `daemon did not start: ${log}`);
        const rxSide = testpmd('rx', b, 'rxonly', 7);
        await sleep(2500);
        const sent = testpmdAccumulated(await testpmd('tx', a, 'txonly', 2)).tx;
        const got = testpmdAccumulated(await rxSide).rx;
        const r = spawnSync(process.execPath, [SLUICE, 'stats', '-j', '--socket', api], { encoding: 'utf8', timeout: 30_000 });
        assert.equal(r.status, 0, r.stderr);
        const s = JSON.parse(r.stdout);
        const pa = s.ports.find((p) => p.name === 'a'), pb = s.ports.find((p) => p.name === 'b');
        console.log(`# testpmd TX=${sent} RX=${got}; daemon a.rx=${pa.rx.packets} b.tx=${pb.tx.packets} b.drops=${JSON.stringify(pb.drops)}; placement a: ${JSON.stringify(pa.info.placement)}; features ${pa.info.features} protocol ${pa.info.protocolFeatures}`);
        assert.ok((BigInt(pa.info.features) >> 22n) & 1n, 'VIRTIO_NET_F_MQ negotiated');
        assert.ok(sent > 1000, 'testpmd sent');
        assert.deepEqual(pa.info.placement.map((p) => [p.engine, p.queuePairs]), [['worker0', [0]], ['worker1', [1]]]);
        for (const p of pa.info.placement)
            assert.ok(p.rx > 0, `${p.engine} moved nothing: ${JSON.stringify(pa.info.placement)}`);
        assert.equal(pa.rx.packets, sent);
        assert.equal(pb.tx.packets, got);
        assert.equal(pb.tx.packets + (pb.drops.peer_no_buffer ?? 0), pa.rx.packets);
        const acc = s.accounting;
        assert.equal(acc.in, acc.out + acc.dropped + acc.queued, `accounting adds up: ${JSON.stringify(acc)}`);
    }
    finally {
        d.kill('SIGTERM');
        await Promise.race([new Promise((r) => d.once('exit', r)), sleep(5000)]);
        if (d.exitCode === null)
            d.kill('SIGKILL');
        w.cleanup();
    }
});
//# sourceMappingURL=vhost-mq-daemon.test.js.map
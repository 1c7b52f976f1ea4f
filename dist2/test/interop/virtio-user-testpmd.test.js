/**
 * Sluice's virtio-user port sends into dpdk-testpmd (net_vhost, rxonly); testpmd's RX-packets
 * must equal Sluice's txPackets.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { runTestpmd, skipIfMissing, sleep, testpmdAccumulated, workDir } from '../support/vhost-interop.js';
test('Sluice virtio-user → testpmd net_vhost rxonly: counters match', { timeout: 90_000 }, async (t) => {
    if (skipIfMissing(t, { root: true, bins: ['dpdk-testpmd'] }))
        return;
    const w = workDir('sluice-vutp-');
    const sock = join(w.dir, 'vhost.sock');
    const count = 200000;
    let senderOut = '';
    let senderErr = '';
    const sender = new Promise((resolve) => {
        void (async () => {
            for (let i = 0; i < 400 && !existsSync(sock); i++)
                await sleep(50);
            await sleep(500);
            const script = new URL('../support/virtio-user-sender.js', import.meta.url).pathname;
            const c = spawn(process.execPath, [script, sock, String(count)], { stdio: ['ignore', 'pipe', 'pipe'] });
            c.stdout.on('data', (d) => { senderOut += String(d); });
            c.stderr.on('data', (d) => { senderErr += String(d); });
            c.on('exit', () => resolve());
        })();
    });
    try {
        const outP = runTestpmd(['-l', '0-1', '--no-pci', '--no-huge', '-m', '256', `--file-prefix=sluice-vutp-${process.pid}`, '--vdev', `net_vhost0,iface=${sock},queues=1`], ['--total-num-mbufs=4096', '--txd=256', '--rxd=256'], ['set fwd rxonly', 'start', 'sleep 8', 'stop', 'sleep 1', 'quit']);
        await sender;
        const out = await outP;
        const tp = testpmdAccumulated(out);
        const s = JSON.parse(senderOut.trim().split('\n').at(-1) ?? '{}');
        console.log(`# sluice txPackets=${s.txPackets} testpmd RX-packets=${tp.rx} features=${s.features} protocol=${s.protocolFeatures} (${(s.txPackets / s.secs / 1e6).toFixed(2)} Mpps offered)`);
        assert.equal(s.txPackets, count, `sender: ${senderOut} ${senderErr}`);
        assert.equal(tp.rx, s.txPackets, out.slice(-2000));
    }
    finally {
        w.cleanup();
    }
});
//# sourceMappingURL=virtio-user-testpmd.test.js.map
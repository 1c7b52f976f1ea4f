/**
 * Sluice's virtio-user port stays attached across backend restarts: a generator sends
 * through it into dpdk-testpmd (net_vhost, rxonly); testpmd quits and a new one starts on the
 * same socket; the port reconnects by itself. What the two testpmds received is exactly what
 * Sluice counts as sent, and everything generated is either sent or counted as a drop.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { runTestpmd, skipIfMissing, sleep, testpmdAccumulated, workDir } from '../support/vhost-interop.js';
import { sluiceBackground } from '../support/cli.js';
const backend = (sock, n) => runTestpmd(['-l', '0-1', '--no-pci', '--no-huge', '-m', '256', `--file-prefix=sluice-vurc${n}-${process.pid}`, '--vdev', `net_vhost0,iface=${sock},queues=1`], ['--total-num-mbufs=4096', '--txd=256', '--rxd=256'], ['set fwd rxonly', 'start', 'sleep 3', 'stop', 'sleep 1', 'quit']);
test('virtio-user reconnects to a restarted backend (testpmd net_vhost) and every frame is accounted', { timeout: 120_000 }, async (t) => {
    if (skipIfMissing(t, { root: true, bins: ['dpdk-testpmd'] }))
        return;
    const w = workDir('sluice-vurc-');
    const sock = join(w.dir, 'vhost.sock'), json = join(w.dir, 'summary.json');
    // The switch starts first: the port retries until a backend listens.
    const sw = sluiceBackground(['switch', '--port', 'gen:size=64,rate=200000', '--port', `virtio-user:${sock}`, '--json', json]);
    try {
        await sleep(1000);
        const first = testpmdAccumulated(await backend(sock, 1)).rx;
        await sleep(500);
        const second = testpmdAccumulated(await backend(sock, 2)).rx;
        await sleep(500);
        const r = await sw.stop();
        assert.equal(r.status, 0, r.stderr);
        const [gen, vu] = JSON.parse(readFileSync(json, 'utf8')).ports;
        const dropped = Object.values(vu.drops).reduce((a, b) => a + b, 0);
        console.log(`# testpmd 1 RX=${first}, testpmd 2 RX=${second}; Sluice gen=${gen.rx.packets} virtio-user tx=${vu.tx.packets} drops=${JSON.stringify(vu.drops)}`);
        assert.ok(first > 1000 && second > 1000, `both backends received traffic (${first}, ${second}):\n${r.stderr}`);
        assert.match(r.stderr, /backend connection lost/);
        assert.equal(vu.tx.packets, first + second, 'sent = what the backends received');
        assert.equal(gen.rx.packets, vu.tx.packets + dropped, 'generated = sent + dropped (port_down while detached)');
    }
    finally {
        if (sw.child.exitCode === null)
            await sw.stop('SIGKILL');
        w.cleanup();
    }
});
//# sourceMappingURL=virtio-user-reconnect.test.js.map
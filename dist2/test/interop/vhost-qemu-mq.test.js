/**
 * Multiqueue with real QEMU guests: two guests with 2 vCPUs and 2 virtio queue pairs each
 * on Sluice vhost-user ports (queues=2) patched by `sluice switch --workers 2`. Each guest
 * CPU has its own queue pair (Linux virtio_net XPS and interrupt affinity), so a ping pinned
 * to each CPU of guest A crosses both queue pairs, served by two worker engines.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { VMHARNESS, marker, runGuest, skipIfMissing, sleep, workDir } from '../support/vhost-interop.js';
import { sluiceBackground } from '../support/cli.js';
const needs = { root: true, bins: ['qemu-system-x86_64'], files: [join(VMHARNESS, 'run-guest.sh'), `${process.env.HOME}/.cache/vmharness/guest/vmlinux`] };
// One ping per guest CPU (taskset masks 1 and 2), each through that CPU's queue pair.
const PINGS = [
    'vmh_wait_peer 10.0.0.2 60 || exit 1',
    'echo "QUEUES $(ls /sys/class/net/eth0/queues | tr \'\\n\' \' \')"',
    'taskset 1 sh -c ". /etc/vmh-lib.sh; vmh_ping 10.0.0.2 10 0.2" > /tmp/cpu0 2>&1 &',
    'taskset 2 sh -c ". /etc/vmh-lib.sh; vmh_ping 10.0.0.2 10 0.2" > /tmp/cpu1 2>&1',
    'wait',
    'sed "s/^PING/CPU0-PING/" /tmp/cpu0; sed "s/^PING/CPU1-PING/" /tmp/cpu1',
    'grep -q PING-OK /tmp/cpu0 && grep -q PING-OK /tmp/cpu1; r=$?',
    'vmh_send_msg 10.0.0.2 7777 done; exit $r',
].join('\n');
test('QEMU guests with 2 queue pairs ping through Sluice --workers 2: both pairs, both workers', { timeout: 200_000 }, async (t) => {
    if (skipIfMissing(t, needs))
        return;
    const w = workDir('sluice-vhmq-');
    const s0 = join(w.dir, 'p0.sock'), s1 = join(w.dir, 'p1.sock'), json = join(w.dir, 'summary.json');
    const sw = sluiceBackground(['switch', '--port', `vhost-user:${s0},queues=2`, '--port', `vhost-user:${s1},queues=2`, '--workers', '2', '--json', json]);
    try {
        for (let i = 0; i < 200 && !(existsSync(s0) && existsSync(s1)); i++)
            await sleep(50);
        const a = runGuest({ sock: s0, name: 'ga', ip: '10.0.0.1/24', mac: '52:54:00:00:00:01', queues: 2, cpus: 2, timeout: 180, log: join(w.dir, 'ga.log'), cmd: PINGS });
        const b = runGuest({ sock: s1, name: 'gb', ip: '10.0.0.2/24', mac: '52:54:00:00:00:02', queues: 2, cpus: 2, timeout: 180, log: join(w.dir, 'gb.log'), cmd: 'vmh_wait_msg 7777 160' });
        const [ra, rb] = await Promise.all([a.done, b.done]);
        const r = await sw.stop();
        assert.equal(r.status, 0, r.stderr);
        assert.equal(ra.rc, 0, `guest A failed:\n${ra.log}\nswitch: ${r.stderr}`);
        assert.equal(rb.rc, 0, `guest B failed:\n${rb.log}`);
        assert.match(marker(ra.log, 'QUEUES') ?? '', /rx-0 rx-1 tx-0 tx-1/, 'the guest driver uses 2 queue pairs');
        assert.match(marker(ra.log, 'CPU0-PING-OK') ?? '', /10\/10/);
        assert.match(marker(ra.log, 'CPU1-PING-OK') ?? '', /10\/10/);
        const s = JSON.parse(readFileSync(json, 'utf8'));
        const [pa, pb] = s.ports;
        console.log(`# ${marker(ra.log, 'CPU0-PING-OK')} / ${marker(ra.log, 'CPU1-PING-OK')}; placement a: ${JSON.stringify(pa.placement)} b: ${JSON.stringify(pb.placement)}`);
        assert.deepEqual(pa.placement.map((p) => [p.engine, p.queuePairs]), [['worker0', [0]], ['worker1', [1]]]);
        for (const p of pa.placement)
            assert.ok(p.rx >= 10, `${p.engine} took too little from guest A: ${JSON.stringify(pa.placement)}`);
        for (const port of [pa, pb]) {
            assert.equal(port.placement.reduce((n, p) => n + p.rx, 0), port.rx.packets);
            assert.equal(port.drops.queue_quarantined ?? 0, 0);
        }
        assert.equal(pb.tx.packets + (pb.drops.peer_no_buffer ?? 0), pa.rx.packets, 'A→B: delivered + peer_no_buffer = received');
        assert.equal(pa.tx.packets + (pa.drops.peer_no_buffer ?? 0), pb.rx.packets, 'B→A: delivered + peer_no_buffer = received');
    }
    finally {
        if (sw.child.exitCode === null)
            await sw.stop('SIGKILL');
        w.cleanup();
    }
});
//# sourceMappingURL=vhost-qemu-mq.test.js.map
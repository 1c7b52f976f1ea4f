/**
 * Real QEMU guests (vmharness) on Sluice vhost-user ports joined by a patch: ping with QEMU as
 * vhost-user client and as server (Sluice reconnecting), a switch restart under a running
 * ping (rings resume, no guest reboot), and a 9000-byte MTU ping through mergeable buffers.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { VMHARNESS, marker, runGuest, skipIfMissing, sleep, startSwitch, workDir } from '../support/vhost-interop.js';
const needs = { root: true, bins: ['qemu-system-x86_64'], files: [join(VMHARNESS, 'run-guest.sh'), `${process.env.HOME}/.cache/vmharness/guest/vmlinux`] };
async function pingPair(t, mode, opts = {}) {
    if (skipIfMissing(t, needs))
        return;
    const w = workDir('sluice-vhq-');
    const s0 = join(w.dir, 'p0.sock');
    const s1 = join(w.dir, 'p1.sock');
    const sw = mode === 'client'
        ? await startSwitch([s0, s1], [s0, s1])
        : await startSwitch([`${s0},client`, `${s1},client`]);
    try {
        const size = opts.size ? ` ${opts.size}` : '';
        const a = runGuest({ sock: s0, mode, name: 'ga', ip: '10.0.0.1/24', mac: '52:54:00:00:00:01', mtu: opts.mtu, log: join(w.dir, 'ga.log'),
            cmd: `vmh_wait_peer 10.0.0.2 40 && vmh_ping 10.0.0.2 10 0.2${size}; r=$?; vmh_send_msg 10.0.0.2 7777 done; exit $r` });
        const b = runGuest({ sock: s1, mode, name: 'gb', ip: '10.0.0.2/24', mac: '52:54:00:00:00:02', mtu: opts.mtu, log: join(w.dir, 'gb.log'),
            cmd: 'vmh_wait_msg 7777 80' });
        const [ra, rb] = await Promise.all([a.done, b.done]);
        const counters = await sw.stop();
        assert.equal(ra.rc, 0, `guest A failed:\n${ra.log}\nswitch: ${sw.stderr.join('')}`);
        assert.equal(rb.rc, 0, `guest B failed:\n${rb.log}`);
        assert.match(marker(ra.log, 'PING-OK') ?? '', /PING-OK 10\/10/);
        for (const p of counters.ports) {
            assert.ok(p.rx >= 10 && p.tx >= 10, `port ${p.path} moved too little: ${JSON.stringify(p)}`);
            assert.equal(p.quarantined, 0);
        }
        console.log(`# ${mode} mode: ${marker(ra.log, 'PING-OK')} features=${counters.ports[0].features} protocol=${counters.ports[0].protocolFeatures}`);
        return counters;
    }
    finally {
        await sw.kill9();
        w.cleanup();
    }
}
test('QEMU guests ping through Sluice (QEMU vhost-user client, Sluice server)', { timeout: 150_000 }, async (t) => {
    await pingPair(t, 'client');
});
test('QEMU guests ping through Sluice (QEMU server, Sluice client reconnecting)', { timeout: 150_000 }, async (t) => {
    await pingPair(t, 'server');
});
test('jumbo frames: MTU 9000 guests ping with 8000-byte payloads (mergeable rx buffers)', { timeout: 150_000 }, async (t) => {
    const c = await pingPair(t, 'client', { mtu: 9000, size: 8000 });
    if (c)
        for (const p of c.ports)
            assert.ok(p.txBytes >= 10 * 8000, `${p.path}: only ${p.txBytes} bytes reached the guest`);
});
test('switch restart while guests run: ping resumes without a guest reboot', { timeout: 150_000 }, async (t) => {
    if (skipIfMissing(t, needs))
        return;
    const w = workDir('sluice-vhr-');
    const s0 = join(w.dir, 'p0.sock');
    const s1 = join(w.dir, 'p1.sock');
    let sw = await startSwitch([s0, s1], [s0, s1]);
    try {
        const a = runGuest({ sock: s0, name: 'ga', ip: '10.0.0.1/24', mac: '52:54:00:00:00:01', log: join(w.dir, 'ga.log'), timeout: 120,
            cmd: 'vmh_wait_peer 10.0.0.2 40 && echo RESTART-NOW && vmh_ping_outage 10.0.0.2 60 0.2; r=$?; vmh_send_msg 10.0.0.2 7777 done; exit $r' });
        const b = runGuest({ sock: s1, name: 'gb', ip: '10.0.0.2/24', mac: '52:54:00:00:00:02', log: join(w.dir, 'gb.log'), timeout: 120,
            cmd: 'vmh_wait_msg 7777 110' });
        // Wait until the ping runs, then kill -9 the switch and start a new one.
        const logA = join(w.dir, 'ga.log');
        const { readFileSync } = await import('node:fs');
        for (let i = 0; i < 600; i++) {
            let l = '';
            try {
                l = readFileSync(logA, 'utf8');
            }
            catch { /* not yet */ }
            if (l.includes('RESTART-NOW'))
                break;
            await sleep(100);
        }
        await sleep(2000);
        await sw.kill9();
        await sleep(1000);
        sw = await startSwitch([s0, s1], [s0, s1]);
        const [ra, rb] = await Promise.all([a.done, b.done]);
        const counters = await sw.stop();
        const outage = marker(ra.log, 'PING-OUTAGE') ?? '';
        console.log(`# restart: ${outage}`);
        assert.equal(ra.rc, 0, `guest A failed:\n${ra.log}`);
        assert.equal(rb.rc, 0, `guest B failed:\n${rb.log}`);
        assert.match(outage, /resumed=yes/);
        assert.doesNotMatch(ra.log, /VMH-BOOT[\s\S]*VMH-BOOT/, 'guest rebooted');
        for (const p of counters.ports)
            assert.ok(p.rx > 0 && p.tx > 0, `new switch saw no traffic on ${p.path}`);
    }
    finally {
        await sw.kill9();
        w.cleanup();
    }
});
//# sourceMappingURL=vhost-qemu.test.js.map
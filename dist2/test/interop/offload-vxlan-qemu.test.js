/**
 * Guest to guest across VXLAN with offloads on: two `sluice run` processes, each with a QEMU
 * guest on a vhost-user port (`offloads`), a vxlan app and an AF_PACKET port on one end of a
 * veth pair (the underlay, MTU 1600 for the 50-byte encapsulation). Guest A's 64 KiB TSO
 * super-frames are cut at its vhost-user port, every segment is encapsulated, and iperf3
 * (TCP) from A reaches B.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { VMHARNESS, marker, runGuest, skipIfMissing, sleep, workDir } from '../support/vhost-interop.js';
import { NetnsLab, skipUnlessNetns, run } from './af-packet-netns.js';
const needs = { root: true, bins: ['qemu-system-x86_64'], files: [join(VMHARNESS, 'run-guest.sh'), `${process.env.HOME}/.cache/vmharness/guest/vmlinux`] };
const lab = new NetnsLab('ox');
after(() => lab.cleanup());
const SLUICE = new URL('../../../bin/sluice.js', import.meta.url).pathname;
function host(dir, name, sock, underlay, local, remote, mac) {
    const cfg = join(dir, `${name}.yaml`), json = join(dir, `${name}.json`);
    writeFileSync(cfg, [
        'ports:',
        `  vm: vhost-user:${sock},offloads`,
        `  und: af-packet:${underlay}`,
        'mode: none',
        'apps:',
        `  vx: { type: vxlan, args: { vni: 4242, localIp: ${local}, remoteIp: ${remote}, localMac: "${mac}" } }`,
        'links:',
        '  - vm.output -> vx.inner',
        '  - vx.inner -> vm.input',
        '  - vx.outer -> und.input',
        '  - und.output -> vx.outer',
        '',
    ].join('\n'));
    const child = spawn(process.execPath, [SLUICE, 'run', cfg, '--json', json], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => { err += String(d); });
    return { child, json, done: new Promise((r) => child.on('exit', () => r())), err: () => err };
}
test('QEMU guests iperf3 across a VXLAN overlay, TSO super-frames cut at the vhost-user port', { timeout: 180_000 }, async (t) => {
    if (skipIfMissing(t, needs) || skipUnlessNetns(t))
        return;
    const w = workDir('sluice-ox-');
    const u1 = `${lab.tag}u1`, u2 = `${lab.tag}u2`;
    run('ip', ['link', 'add', u1, 'mtu', '1600', 'type', 'veth', 'peer', 'name', u2, 'mtu', '1600']);
    lab.track(u1);
    const s0 = join(w.dir, 'a.sock'), s1 = join(w.dir, 'b.sock');
    const A = host(w.dir, 'a', s0, u1, '192.0.2.1', '192.0.2.2', '02:00:00:01:00:01');
    const B = host(w.dir, 'b', s1, u2, '192.0.2.2', '192.0.2.1', '02:00:00:02:00:01');
    const guests = [];
    try {
        for (let i = 0; i < 100; i++) {
            try {
                readFileSync(s0);
            }
            catch (e) {
                if (e.code !== 'ENOENT')
                    break;
            }
            await sleep(100);
        }
        const ga = runGuest({ sock: s0, name: 'ga', ip: '10.0.0.1/24', mac: '52:54:00:00:04:01', log: join(w.dir, 'ga.log'), timeout: 150,
            cmd: 'vmh_wait_peer 10.0.0.2 60 && vmh_iperf_client 10.0.0.2 4; r=$?; exit $r' });
        const gb = runGuest({ sock: s1, name: 'gb', ip: '10.0.0.2/24', mac: '52:54:00:00:04:02', log: join(w.dir, 'gb.log'), timeout: 150, cmd: 'vmh_iperf_server' });
        guests.push(ga, gb);
        const [ra, rb] = await Promise.all([ga.done, gb.done]);
        assert.equal(ra.rc, 0, `guest A failed:\n${ra.log}\nA: ${A.err()}\nB: ${B.err()}`);
        assert.equal(rb.rc, 0, `guest B failed:\n${rb.log}`);
        const rate = marker(ra.log, 'IPERF-OK') ?? '';
        assert.match(rate, /IPERF-OK [\d.]+ [KMG]?bits\/sec/);
        A.child.kill('SIGTERM');
        B.child.kill('SIGTERM');
        await Promise.all([A.done, B.done]);
        const aa = JSON.parse(readFileSync(A.json, 'utf8')).apps;
        const bb = JSON.parse(readFileSync(B.json, 'utf8')).apps;
        const off = aa.vm.extra.offloads;
        const vx = aa.vx.extra;
        console.log(`# ${rate}; A vm ${JSON.stringify(off)} vx encapsulated=${vx.encapsulated}; B vx ${JSON.stringify(bb.vx.extra)}`);
        assert.ok(off.superFramesIn > 0 && off.segmented > off.superFramesIn, 'A\'s super-frames were cut at its vhost-user port');
        assert.ok(vx.encapsulated >= off.segmented, 'every segment was encapsulated');
        for (const apps of [aa, bb])
            for (const [n, a] of Object.entries(apps))
                assert.equal(a.drops.bad_offload ?? 0, 0, `${n}: bad_offload`);
    }
    finally {
        for (const g of guests)
            g.child.kill('SIGKILL');
        A.child.kill('SIGKILL');
        B.child.kill('SIGKILL');
        w.cleanup();
    }
});
//# sourceMappingURL=offload-vxlan-qemu.test.js.map
/**
 * The daemon's restart with real peers: two QEMU guests serve their vhost-user sockets (the
 * daemon connects and reconnects), a TAP port sits in a network namespace, and all three
 * are members of a flow bridge (`actions=flood`). While guest A pings guest B and another
 * client streams `port add/del` calls, the daemon is killed with SIGKILL and started again
 * on the same state directory. Then: the guests' ping resumes without a guest reboot, the
 * namespace pings guest A again through the re-created TAP port, and `show config` holds
 * every acknowledged change (plus at most the one in flight).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiClient } from '../../src/ctl/api-client.js';
import { VMHARNESS, marker, runGuest, skipIfMissing, sleep, workDir } from '../support/vhost-interop.js';
import { NetnsLab, skipUnlessNetns, ping, run } from './af-packet-netns.js';
import { SLUICE } from '../support/cli.js';
const needs = { root: true, bins: ['qemu-system-x86_64'], files: [join(VMHARNESS, 'run-guest.sh'), `${process.env.HOME}/.cache/vmharness/guest/vmlinux`] };
async function start(stateDir, sock) {
    const child = spawn(process.execPath, [SLUICE, 'daemon', '--state-dir', stateDir, '--socket', sock, '--metrics', 'off', '--pool', '8192'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    child.stderr.on('data', (c) => { log += c; });
    const exit = new Promise((r) => child.once('exit', (code) => r(code)));
    for (let i = 0; i < 500 && child.exitCode === null; i++) {
        const c = new ApiClient(sock, 2000);
        try {
            await c.request('ping');
            c.close();
            break;
        }
        catch {
            c.close();
        }
        await sleep(20);
    }
    return { child, log: () => log, exit };
}
function cli(sock, ...args) {
    const r = spawnSync(process.execPath, [SLUICE, ...args, '--socket', sock], { encoding: 'utf8', timeout: 30_000 });
    assert.equal(r.status, 0, `sluice ${args.join(' ')}: ${r.stderr}`);
    return r.stdout;
}
async function until(cond, ms) {
    const end = Date.now() + ms;
    while (Date.now() < end) {
        if (cond())
            return true;
        await sleep(100);
    }
    return cond();
}
/** Start a guest and wait until it is up; a boot that panicked is tried again (twice at most). */
async function boot(start, log, all) {
    const read = () => { try {
        return readFileSync(log, 'utf8');
    }
    catch {
        return '';
    } };
    for (let attempt = 1;; attempt++) {
        const g = start();
        all.push(g.child);
        let exited = false;
        void g.done.then(() => { exited = true; });
        await until(() => exited || /GUEST-READY|Kernel panic/.test(read()), 200_000);
        if (!/Kernel panic/.test(read()) || attempt === 3)
            return g;
        console.log(`# ${log}: the guest kernel panicked at boot (TCG timer check); booting it again`);
        g.child.kill('SIGKILL');
        await g.done;
    }
}
const linkExists = (dev) => spawnSync('ip', ['link', 'show', dev], { stdio: 'ignore' }).status === 0;
function intoNs(ns, dev, cidr) {
    run('ip', ['link', 'set', dev, 'netns', ns]);
    run('ip', ['netns', 'exec', ns, 'ip', 'addr', 'add', cidr, 'dev', dev]);
    run('ip', ['netns', 'exec', ns, 'ip', 'link', 'set', dev, 'up']);
}
test('kill -9 the daemon under guests, a TAP namespace and a stream of API calls: everything acknowledged comes back and traffic resumes', { timeout: 400_000 }, async (t) => {
    if (skipIfMissing(t, needs) || skipUnlessNetns(t))
        return;
    const w = workDir('sluice-rst-');
    const lab = new NetnsLab('slr');
    const sock = join(w.dir, 'api.sock'), state = join(w.dir, 'state');
    const s0 = join(w.dir, 'ga.sock'), s1 = join(w.dir, 'gb.sock');
    const tap = `${lab.tag}t`;
    let d = await start(state, sock);
    const guests = [];
    try {
        assert.equal(d.child.exitCode, null, d.log());
        const ns = lab.ns('a');
        cli(sock, 'port', 'add', 'ga', `vhost-user:${s0},client`);
        cli(sock, 'port', 'add', 'gb', `vhost-user:${s1},client`);
        cli(sock, 'port', 'add', 't0', `tap:${tap}`);
        cli(sock, 'bridge', 'add', 'fl0', 'type', 'flow', 'ports', 'ga,gb,t0');
        cli(sock, 'flow', 'add', 'fl0', 'actions=flood');
        intoNs(ns, tap, '10.0.0.3/24');
        // Guests boot one after the other: under TCG on a loaded machine an early-boot timer
        // check can panic the kernel ("IO-APIC + timer doesn't work"); such a boot is retried.
        const logA = join(w.dir, 'ga.log');
        const b = await boot(() => runGuest({ sock: s1, mode: 'server', name: 'gb', ip: '10.0.0.2/24', mac: '52:54:00:00:00:02', log: join(w.dir, 'gb.log'), timeout: 360,
            cmd: 'vmh_wait_msg 7777 340' }), join(w.dir, 'gb.log'), guests);
        const a = await boot(() => runGuest({ sock: s0, mode: 'server', name: 'ga', ip: '10.0.0.1/24', mac: '52:54:00:00:00:01', log: logA, timeout: 300,
            cmd: 'vmh_wait_peer 10.0.0.2 120 && echo RESTART-NOW && vmh_ping_outage 10.0.0.2 250 0.2; r=$?; vmh_send_msg 10.0.0.2 7777 done; exit $r' }), logA, guests);
        const read = () => { try {
            return readFileSync(logA, 'utf8');
        }
        catch {
            return '';
        } };
        assert.ok(await until(() => read().includes('RESTART-NOW'), 200_000), `guest A never reached guest B:\n${read()}\n${d.log().slice(-3000)}`);
        assert.ok(await ping(ns, '10.0.0.1', 3) > 0, 'the namespace pings guest A through the TAP port before the restart');
        const before = JSON.parse(cli(sock, 'show', 'config', '-j'));
        // Stream port add/del from another client; kill -9 after some acknowledged calls.
        const expect = { ...before.ports };
        const api = new ApiClient(sock, 10_000);
        let inflight;
        let acked = 0, stopped = false;
        const added = [];
        const stream = (async () => {
            for (let i = 0; !stopped; i++) {
                const del = i % 3 === 2 && added.length > 0;
                const name = del ? added.shift() : `k${i}`;
                inflight = { op: del ? 'del' : 'add', name };
                try {
                    await api.request(del ? 'port.del' : 'port.add', del ? { name } : { name, spec: 'sink' });
                }
                catch {
                    return;
                }
                if (del)
                    delete expect[name];
                else {
                    expect[name] = { spec: 'sink' };
                    added.push(name);
                }
                inflight = undefined;
                acked++;
            }
        })();
        const target = 10 + Math.floor(Math.random() * 30);
        await until(() => acked >= target, 60_000);
        await sleep(2000 + Math.random() * 20); // the guests' ping runs a while on the first daemon
        d.child.kill('SIGKILL');
        await d.exit;
        stopped = true;
        await stream;
        api.close();
        assert.ok(acked >= target, `only ${acked} calls answered`);
        await sleep(1000);
        d = await start(state, sock);
        assert.equal(d.child.exitCode, null, `restart failed: ${d.log()}`);
        const got = JSON.parse(cli(sock, 'show', 'config', '-j'));
        const withInflight = { ...expect };
        if (inflight?.op === 'add')
            withInflight[inflight.name] = { spec: 'sink' };
        if (inflight?.op === 'del')
            delete withInflight[inflight.name];
        const same = (x, y) => JSON.stringify(Object.entries(x).sort()) === JSON.stringify(Object.entries(y).sort());
        assert.ok(same(got.ports, expect) || same(got.ports, withInflight), `after ${acked} answered calls (in flight ${JSON.stringify(inflight)}): ${Object.keys(got.ports).sort().join(' ')}`);
        assert.deepEqual(got.bridges, before.bridges, 'the flow bridge and its flow are back');
        // The TAP device went with the old process; the new daemon made it again in its namespace.
        assert.ok(await until(() => linkExists(tap), 20_000), `TAP ${tap} not re-created`);
        intoNs(ns, tap, '10.0.0.3/24');
        // While guest A still pings B (its ping runs ~50 s), the namespace reaches A again.
        let nsPings = 0;
        for (let i = 0; i < 10 && nsPings === 0; i++)
            nsPings = await ping(ns, '10.0.0.1', 3);
        const [ra, rb] = await Promise.all([a.done, b.done]);
        const outage = marker(ra.log, 'PING-OUTAGE') ?? '';
        console.log(`# restart after ${acked} API calls: ${outage}`);
        assert.equal(ra.rc, 0, `guest A:\n${ra.log}\ndaemon:\n${d.log().slice(-3000)}`);
        assert.equal(rb.rc, 0, `guest B:\n${rb.log}`);
        assert.match(outage, /resumed=yes/);
        assert.doesNotMatch(ra.log, /VMH-BOOT[\s\S]*VMH-BOOT/, 'guest A rebooted');
        assert.ok(nsPings > 0, 'the namespace pings guest A again after the restart');
        d.child.kill('SIGTERM');
        assert.equal(await d.exit, 0, d.log().slice(-2000));
    }
    finally {
        for (const g of guests)
            if (g.exitCode === null)
                g.kill('SIGKILL');
        if (d.child.exitCode === null && d.child.signalCode === null) {
            d.child.kill('SIGKILL');
            await d.exit;
        }
        lab.cleanup();
        if (existsSync(w.dir))
            w.cleanup();
    }
});
//# sourceMappingURL=daemon-restart-qemu.test.js.map
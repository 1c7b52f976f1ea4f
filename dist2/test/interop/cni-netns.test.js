// sluice-cni driven the way a container runtime drives it — the executable found as
// `sluice-cni` in CNI_PATH, CNI_* in the environment, the network config on stdin — against
// namespaces made here, a real `sluice daemon`, and Debian's real `host-local` IPAM.
// veth mode: ADD two namespaces, ping through Sluice, CHECK (and CHECK failing when the
// interface is down or an address is gone), DEL twice, nothing left. Socket modes: the
// socket exists with the configured owner and mode, device-info is written, DEL cleans up.
// Needs root, iproute2, nsenter and host-local (skipped with the reason, failed under CI=true).
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NetnsLab, skipUnlessNetns, ping, run, tcpTransfer } from './af-packet-netns.js';
import { ApiClient } from '../../src/ctl/api-client.js';
const root = new URL('../../../', import.meta.url).pathname;
const IPAM_DIRS = ['/usr/lib/cni', '/opt/cni/bin'];
const ipamDir = IPAM_DIRS.find((d) => existsSync(`${d}/host-local`));
const lab = new NetnsLab('cni');
const tmp = mkdtempSync(join(tmpdir(), 'sluice-cni-'));
// Socket directories under a short base: the tmp path is short already, but keep it explicit.
const sock = join(tmp, 'api.sock');
let daemon;
let api;
let daemonLog = '';
after(async () => {
    api?.close();
    if (daemon && daemon.exitCode === null) {
        daemon.kill('SIGTERM');
        await new Promise((r) => { const t = setTimeout(() => { daemon.kill('SIGKILL'); r(null); }, 5000); daemon.once('exit', () => { clearTimeout(t); r(null); }); });
    }
    // Whatever a failed test left: veths named by the plugin (sl + 10 hex) are deleted with
    // their namespaces; socket dirs and state live under tmp.
    lab.cleanup();
    rmSync(tmp, { recursive: true, force: true });
});
function skip(t) {
    if (skipUnlessNetns(t, ['nsenter']))
        return true;
    if (!ipamDir) {
        const reason = `needs the host-local IPAM plugin in ${IPAM_DIRS.join(' or ')} (apt-get install containernetworking-plugins)`;
        if (process.env.CI === 'true')
            throw new Error(`interop prerequisite missing under CI: ${reason}`);
        t.skip(reason);
        return true;
    }
    return !daemon;
}
before(async () => {
    if (process.getuid?.() !== 0 || !ipamDir)
        return;
    // CNI_PATH as a runtime has it: our plugin by its type name, then the IPAM plugins.
    mkdirSync(join(tmp, 'bin'));
    symlinkSync(join(root, 'bin/sluice-cni.js'), join(tmp, 'bin/sluice-cni'));
    await startDaemon();
});
/** Start the daemon on its state directory and wait until it answers. */
async function startDaemon() {
    daemon = spawn(process.execPath, [join(root, 'bin/sluice.js'), 'daemon', '--state-dir', join(tmp, 'daemon-state'), '--socket', sock, '--metrics', 'off', '--pool', '4096'], { stdio: ['ignore', 'ignore', 'pipe'] });
    daemon.stderr.on('data', (c) => { daemonLog = (daemonLog + c.toString()).slice(-4000); });
    api = new ApiClient(sock, 10_000);
    for (let i = 0; i < 100; i++) {
        try {
            await api.request('ping');
            return;
        }
        catch {
            api.close();
        }
        await new Promise((r) => setTimeout(r, 100));
    }
    await api.request('ping');
}
const cniPath = () => `${join(tmp, 'bin')}:${ipamDir}`;
function conf(extra = {}) {
    return {
        cniVersion: '1.0.0', name: 'sluice-test', type: 'sluice-cni',
        sluiceSocket: sock, bridge: 'cnibr', stateDir: join(tmp, 'state'), socketDir: join(tmp, 's'),
        ipam: { type: 'host-local', subnet: '10.213.7.0/24', dataDir: join(tmp, 'ipam'), routes: [{ dst: '10.214.0.0/16' }] },
        ...extra,
    };
}
/** Exec the plugin like a runtime: by name from CNI_PATH, env + stdin. */
function cni(command, containerId, netns, ifname, config) {
    const plugin = join(tmp, 'bin', String(config.type));
    const env = { PATH: process.env.PATH, CNI_COMMAND: command, CNI_CONTAINERID: containerId, CNI_NETNS: netns, CNI_IFNAME: ifname, CNI_PATH: cniPath(), CNI_ARGS: 'IgnoreUnknown=1;K8S_POD_NAME=p' };
    const r = spawnSync(plugin, [], { env, input: JSON.stringify(config), encoding: 'utf8', timeout: 30_000 });
    let out;
    try {
        out = r.stdout.trim() === '' ? undefined : JSON.parse(r.stdout);
    }
    catch {
        out = r.stdout;
    }
    return { status: r.status, out, stderr: r.stderr };
}
const nsPath = (ns) => `/var/run/netns/${ns}`;
const ipFiles = () => { try {
    return readdirSync(join(tmp, 'ipam', 'sluice-test')).filter((f) => /^\d+\.\d+\.\d+\.\d+$/.test(f));
}
catch {
    return [];
} };
const cniPorts = async () => (await api.request('port.show')).filter((p) => p.name.startsWith('cni-'));
const linkExists = (name) => spawnSync('ip', ['link', 'show', 'dev', name], { encoding: 'utf8' }).status === 0;
test('veth mode: ADD two pods, ping through Sluice, CHECK, DEL twice, nothing left', async (t) => {
    if (skip(t))
        return;
    const nsA = lab.ns('a'), nsB = lab.ns('b');
    const a = cni('ADD', 'ctr-a', nsPath(nsA), 'net1', conf());
    assert.equal(a.status, 0, `${JSON.stringify(a.out)} ${a.stderr}\n${daemonLog}`);
    const b = cni('ADD', 'ctr-b', nsPath(nsB), 'net1', conf());
    assert.equal(b.status, 0, `${JSON.stringify(b.out)} ${b.stderr}`);
    // The result: host veth + sandbox interface, IP pointing at the sandbox one, routes.
    assert.equal(a.out.cniVersion, '1.0.0');
    assert.equal(a.out.interfaces.length, 2);
    assert.match(a.out.interfaces[0].name, /^sl[0-9a-f]{10}$/);
    assert.deepEqual({ name: a.out.interfaces[1].name, sandbox: a.out.interfaces[1].sandbox }, { name: 'net1', sandbox: nsPath(nsA) });
    assert.equal(a.out.ips.length, 1);
    assert.equal(a.out.ips[0].interface, 1);
    assert.match(a.out.ips[0].address, /^10\.213\.7\.\d+\/24$/);
    assert.deepEqual(a.out.routes, [{ dst: '10.214.0.0/16' }]);
    const ipA = a.out.ips[0].address.split('/')[0], ipB = b.out.ips[0].address.split('/')[0];
    assert.notEqual(ipA, ipB);
    assert.deepEqual(ipFiles().sort(), [ipA, ipB].sort());
    // Inside the namespace: the address, the MAC reported, the route.
    const addr = lab.exec(nsA, ['ip', '-j', 'addr', 'show', 'dev', 'net1']);
    assert.match(addr, new RegExp(`"local":"${ipA.replace(/\./g, '\\.')}"`));
    assert.match(addr, new RegExp(a.out.interfaces[1].mac));
    assert.match(lab.exec(nsA, ['ip', 'route']), /10\.214\.0\.0\/16 via 10\.213\.7\.1 dev net1/);
    // Two Sluice ports on the bridge, and the namespaces reach each other only through them.
    const ports = await cniPorts();
    assert.equal(ports.length, 2);
    const br = (await api.request('bridge.show', { name: 'cnibr' }))[0];
    for (const p of ports)
        assert.ok(br.ports.some((m) => m.name === p.name), `${p.name} in bridge`);
    assert.ok(await ping(nsA, ipB, 3) >= 2, 'a pings b through Sluice');
    assert.ok(await ping(nsB, ipA, 3) >= 2, 'b pings a through Sluice');
    // Pods keep the kernel's default offloads (nobody runs ethtool): TSO super-frames from the
    // sender cross the bridge as segments, and a bulk TCP transfer completes intact.
    const bulk = await tcpTransfer(lab, nsA, nsB, ipB, 8 << 20);
    assert.equal(bulk.received, 8 << 20, 'pod a → pod b TCP transfer');
    assert.ok(bulk.same, 'received bytes differ from sent bytes');
    const after1 = await cniPorts();
    for (const p of after1)
        assert.ok((p.rx?.packets ?? 0) >= 2 && (p.tx?.packets ?? 0) >= 2, `${p.name} carried the pings: ${JSON.stringify(p)}`);
    // CHECK succeeds with the ADD result as prevResult (empty stdout, exit 0).
    const chkA = cni('CHECK', 'ctr-a', nsPath(nsA), 'net1', conf({ prevResult: a.out }));
    assert.deepEqual([chkA.status, chkA.out], [0, undefined], chkA.stderr);
    // ... and fails when the interface is down or an address is gone.
    lab.exec(nsA, ['ip', 'link', 'set', 'net1', 'down']);
    const down = cni('CHECK', 'ctr-a', nsPath(nsA), 'net1', conf({ prevResult: a.out }));
    assert.equal(down.status, 1);
    assert.equal(down.out.code, 103);
    assert.match(down.out.msg, /net1 is down/);
    lab.exec(nsA, ['ip', 'link', 'set', 'net1', 'up']);
    const wrongIp = { ...a.out, ips: [{ address: '10.213.7.250/24', interface: 1 }] };
    const gone = cni('CHECK', 'ctr-a', nsPath(nsA), 'net1', conf({ prevResult: wrongIp }));
    assert.equal(gone.out.code, 103);
    assert.match(gone.out.msg, /10\.213\.7\.250\/24 is missing/);
    const chkB = cni('CHECK', 'ctr-b', nsPath(nsB), 'net1', conf({ prevResult: b.out }));
    assert.equal(chkB.status, 0, JSON.stringify(chkB.out));
    // DEL twice each: both succeed; the second finds nothing and says nothing.
    for (const [id, ns, res] of [['ctr-a', nsA, a.out], ['ctr-b', nsB, b.out]]) {
        for (let i = 0; i < 2; i++) {
            const d = cni('DEL', id, nsPath(ns), 'net1', conf({ prevResult: res }));
            assert.deepEqual([d.status, d.out], [0, undefined], `DEL ${id} #${i + 1}: ${d.stderr}`);
        }
        assert.equal(linkExists(res.interfaces[0].name), false, 'host veth gone');
        assert.throws(() => lab.exec(ns, ['ip', 'link', 'show', 'net1']), 'pod interface gone');
    }
    assert.deepEqual(await cniPorts(), [], 'ports gone');
    assert.deepEqual((await api.request('bridge.show', { name: 'cnibr' }))[0].ports, []);
    assert.deepEqual(readdirSync(join(tmp, 'state')), [], 'state files gone');
    assert.deepEqual(ipFiles(), [], 'IPAM reservations released');
    // CHECK after DEL: the container is unknown.
    assert.equal(cni('CHECK', 'ctr-a', nsPath(nsA), 'net1', conf({ prevResult: a.out })).out.code, 3);
});
test('veth mode: kill -9 the daemon and restart it: the ports come back from its state, CHECK passes, the pods ping again', async (t) => {
    if (skip(t))
        return;
    const nsA = lab.ns('ra'), nsB = lab.ns('rb');
    const a = cni('ADD', 'ctr-ra', nsPath(nsA), 'net1', conf());
    const b = cni('ADD', 'ctr-rb', nsPath(nsB), 'net1', conf());
    assert.deepEqual([a.status, b.status], [0, 0], `${a.stderr} ${b.stderr}\n${daemonLog}`);
    const ipA = a.out.ips[0].address.split('/')[0], ipB = b.out.ips[0].address.split('/')[0];
    assert.ok(await ping(nsA, ipB, 3) >= 2, 'a pings b before the crash');
    const before = (await cniPorts()).map((p) => p.name).sort();
    assert.equal(before.length, 2);
    const d = daemon;
    d.kill('SIGKILL');
    await new Promise((r) => d.once('exit', r));
    api.close();
    assert.notEqual(cni('CHECK', 'ctr-ra', nsPath(nsA), 'net1', conf({ prevResult: a.out })).status, 0, 'CHECK fails while the daemon is down');
    await startDaemon();
    assert.deepEqual((await cniPorts()).map((p) => p.name).sort(), before, daemonLog);
    for (const [id, ns, res] of [['ctr-ra', nsA, a.out], ['ctr-rb', nsB, b.out]]) {
        const chk = cni('CHECK', id, nsPath(ns), 'net1', conf({ prevResult: res }));
        assert.deepEqual([chk.status, chk.out], [0, undefined], `CHECK ${id} after the restart: ${JSON.stringify(chk.out)} ${chk.stderr}`);
    }
    assert.ok(await ping(nsA, ipB, 3) >= 2, 'a pings b after the restart');
    assert.ok(await ping(nsB, ipA, 3) >= 2, 'b pings a after the restart');
    for (const [id, ns, res] of [['ctr-ra', nsA, a.out], ['ctr-rb', nsB, b.out]]) {
        assert.equal(cni('DEL', id, nsPath(ns), 'net1', conf({ prevResult: res })).status, 0);
    }
    assert.deepEqual(await cniPorts(), []);
});
test('veth mode: a failing ADD (IPAM plugin missing) undoes everything', async (t) => {
    if (skip(t))
        return;
    const ns = lab.ns('f');
    const r = cni('ADD', 'ctr-f', nsPath(ns), 'net1', conf({ ipam: { type: 'no-such-ipam' } }));
    assert.equal(r.status, 1);
    assert.equal(r.out.code, 101);
    assert.match(r.out.msg, /IPAM plugin "no-such-ipam" not found/);
    assert.throws(() => lab.exec(ns, ['ip', 'link', 'show', 'net1']));
    assert.deepEqual(await cniPorts(), []);
    assert.deepEqual(readdirSync(join(tmp, 'state')).filter((f) => f.includes('ctr-f')), []);
});
for (const mode of ['vhost-user', 'memif']) {
    test(`${mode} mode: socket with owner and mode checked, device-info, CHECK, DEL twice`, async (t) => {
        if (skip(t))
            return;
        const ns = lab.ns(mode === 'memif' ? 'm' : 'v');
        const info = join(tmp, 'devinfo', `${mode}.json`);
        const c = conf({ mode, queues: 2, socketUid: 1234, socketGid: 2345, socketMode: '0660', runtimeConfig: { CNIDeviceInfoFile: info, mac: '02:aa:bb:cc:dd:01' } });
        const r = cni('ADD', `ctr-${mode}`, nsPath(ns), 'net1', c);
        assert.equal(r.status, 0, `${JSON.stringify(r.out)} ${r.stderr}\n${daemonLog}`);
        assert.deepEqual(r.out.interfaces, [{ name: 'net1', mac: '02:aa:bb:cc:dd:01', sandbox: nsPath(ns) }]);
        assert.equal(r.out.ips[0].interface, 0);
        const di = JSON.parse(readFileSync(info, 'utf8'));
        assert.equal(di.type, mode);
        assert.equal(di.version, '1.1.0');
        const path = mode === 'memif' ? di.memif.path : di['vhost-user'].path;
        if (mode === 'memif')
            assert.deepEqual([di.memif.role, di.memif.mode], ['slave', 'ethernet']);
        else
            assert.equal(di['vhost-user'].mode, 'client');
        assert.ok(path.startsWith(join(tmp, 's') + '/') && Buffer.byteLength(path) <= 107, path);
        const st = lstatSync(path);
        assert.ok(st.isSocket());
        assert.deepEqual([st.mode & 0o777, st.uid, st.gid], [0o660, 1234, 2345]);
        const dir = lstatSync(join(path, '..'));
        assert.deepEqual([dir.mode & 0o777, dir.uid, dir.gid], [0o770, 1234, 2345]);
        const ports = await cniPorts();
        assert.equal(ports.length, 1);
        assert.match(JSON.stringify(ports[0]), new RegExp(`${mode}:${path.replace(/\//g, '\\/')}`));
        const ok = cni('CHECK', `ctr-${mode}`, nsPath(ns), 'net1', conf({ ...c, prevResult: r.out }));
        assert.equal(ok.status, 0, JSON.stringify(ok.out));
        run('chmod', ['0666', path]);
        const bad = cni('CHECK', `ctr-${mode}`, nsPath(ns), 'net1', conf({ ...c, prevResult: r.out }));
        assert.equal(bad.out.code, 103);
        assert.match(bad.out.msg, /mode 0666, want 0660/);
        for (let i = 0; i < 2; i++) {
            const d = cni('DEL', `ctr-${mode}`, nsPath(ns), 'net1', c);
            assert.deepEqual([d.status, d.out], [0, undefined], d.stderr);
        }
        assert.equal(existsSync(join(path, '..')), false, 'socket directory gone');
        assert.equal(existsSync(info), false, 'device-info file gone');
        assert.deepEqual(await cniPorts(), []);
        assert.deepEqual(readdirSync(join(tmp, 'state')), []);
        assert.deepEqual(ipFiles(), []);
    });
}
//# sourceMappingURL=cni-netns.test.js.map
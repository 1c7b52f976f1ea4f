/**
 * End to end: a real `sluice daemon` process driven by the real CLI (`node bin/sluice.js
 * ...`) over its unix socket — ports added, traffic moved (gen → sink through patches),
 * counters read as JSON and as Prometheus text, ports removed while traffic flows on
 * others, malformed and duplicate requests, declarative apply/show round trip, trace,
 * profile, top and the HTML report. The daemon is always killed at the end.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
const BIN = new URL('../../../bin/sluice.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'sluice-ctl-'));
const sock = join(dir, 'api.sock');
let daemon;
let log = '';
function cli(...args) {
    const r = spawnSync(process.execPath, [BIN, ...args, '--socket', sock], { encoding: 'utf8', timeout: 60_000 });
    return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}
function ok(...args) {
    const r = cli(...args);
    assert.equal(r.code, 0, `sluice ${args.join(' ')} failed (${r.code}): ${r.err}`);
    return r.out;
}
const json = (...args) => JSON.parse(ok(...args, '-j'));
/** `stats -j` lists ports as an array of objects; tests look them up by name. */
const stats = () => { const s = json('stats'); return { ...s, ports: Object.fromEntries(s.ports.map((p) => [p.name, p])) }; };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
function rawRequest(lines) {
    return new Promise((resolve, reject) => {
        const s = connect(sock);
        let buf = '';
        const want = lines.split('\n').filter((l) => l.trim()).length;
        const out = [];
        s.on('data', (c) => {
            buf += c;
            let nl;
            while ((nl = buf.indexOf('\n')) >= 0) {
                out.push(JSON.parse(buf.slice(0, nl)));
                buf = buf.slice(nl + 1);
            }
            if (out.length >= want) {
                s.destroy();
                resolve(out);
            }
        });
        s.on('error', reject);
        s.write(lines);
    });
}
before(async () => {
    daemon = spawn(process.execPath, [BIN, 'daemon', '--state-dir', join(dir, 'state'), '--socket', sock, '--metrics', '127.0.0.1:0', '--pool', '4096'], { stdio: ['ignore', 'ignore', 'pipe'] });
    daemon.stderr.on('data', (c) => { log += c; });
    for (let i = 0; i < 300 && !existsSync(sock); i++)
        await sleep(20);
    assert.ok(existsSync(sock), `daemon did not start: ${log}`);
});
after(async () => {
    if (daemon.exitCode === null) {
        daemon.kill('SIGKILL');
        await new Promise((r) => daemon.once('exit', r));
    }
    rmSync(dir, { recursive: true, force: true });
});
test('the API socket is private to the daemon user (mode 0600)', () => {
    assert.equal(statSync(sock).mode & 0o777, 0o600);
});
test('no daemon on the socket: exit 3 with one clear line', () => {
    const r = spawnSync(process.execPath, [BIN, 'port', 'show', '--socket', join(dir, 'none.sock')], { encoding: 'utf8' });
    assert.equal(r.status, 3);
    assert.match(r.stderr, /^sluice: cannot reach the daemon at .*none\.sock/);
    assert.equal(r.stderr.trim().split('\n').length, 1);
});
test('usage errors exit 2; refused requests exit 1; one line each', () => {
    for (const [args, code, re] of [
        [['frobnicate'], 2, /unknown command "frobnicate"/],
        [['port', 'frob'], 2, /unknown subcommand "frob"/],
        [['port', 'add'], 2, /missing NAME/],
        [['port', 'add', 'x', 'type'], 2, /bad or missing type/],
        [['port', 'add', 'x', 'type', 'nosuchkind'], 1, /unknown kind "nosuchkind"/],
        [['port', 'add', '9bad', 'sink'], 2, /params\.name/],
        [['port', 'add', 'x', 'type', 'gen', 'size=7'], 1, /size must be an integer/],
        [['port', 'del', 'ghost'], 1, /no port named "ghost"/],
        [['bridge', 'add', 'b', 'type', 'hub'], 2, /type must be learning, flow or patch/],
        [['apply', join(dir, 'missing.yaml')], 2, /cannot read/],
        [['trace', 'add', 'ghost', '3'], 1, /no port named "ghost"/],
        [['stats', '--bogus'], 2, /unknown option --bogus/],
    ]) {
        const r = cli(...args);
        assert.equal(r.code, code, `sluice ${args.join(' ')}: ${r.err}`);
        assert.match(r.err, re);
        assert.equal(r.err.trim().split('\n').length, 1, `one line for sluice ${args.join(' ')}: ${r.err}`);
    }
});
test('ports carry traffic; counters in JSON and Prometheus; removing ports leaves others undisturbed', async () => {
    ok('port', 'add', 'g0', 'type', 'gen', 'rate=20000', 'size=64');
    ok('port', 'add', 's0', 'sink');
    ok('port', 'add', 'g1', 'gen:rate=20000');
    ok('port', 'add', 's1', 'type', 'sink');
    const dup = cli('port', 'add', 's1', 'sink');
    assert.equal(dup.code, 1);
    assert.match(dup.err, /port "s1" already exists/);
    ok('bridge', 'add', 'x0', 'type', 'patch', 'ports', 'g0,s0');
    ok('bridge', 'add', 'x1', 'type', 'patch');
    ok('bridge', 'addif', 'x1', 'g1');
    ok('bridge', 'addif', 'x1', 's1');
    const busy = cli('bridge', 'addif', 'x1', 'g0');
    assert.equal(busy.code, 1);
    assert.match(busy.err, /already attached to bridge x0/);
    let s;
    for (let i = 0; i < 100; i++) {
        s = stats();
        if (s.ports.s0.tx.packets > 1000 && s.ports.s1.tx.packets > 1000)
            break;
        await sleep(50);
    }
    assert.ok(s.ports.s0.tx.packets > 1000 && s.ports.s1.tx.packets > 1000, JSON.stringify(s.ports));
    assert.equal(s.ports.g0.kind, 'gen');
    assert.ok(s.ports.g0.rx.packets >= s.ports.s0.tx.packets);
    const shown = json('port', 'show', 's0');
    assert.equal(shown.name, 's0');
    assert.equal(shown.attached, 'bridge x0');
    assert.deepEqual(JSON.parse(ok('port', 'show', '-p')).map((p) => p.name), ['g0', 's0', 'g1', 's1']);
    // Prometheus exposition.
    const ping = (await rawRequest('{"id":1,"method":"ping"}\n'))[0];
    const text = await (await fetch(`http://${ping.result.metrics}/metrics`)).text();
    const m = /^sluice_port_tx_packets_total\{port="s0",kind="sink"\} (\d+)$/m.exec(text);
    assert.ok(m && Number(m[1]) > 1000, text.slice(0, 500));
    assert.match(text, /^# TYPE sluice_drops_total counter$/m);
    assert.match(text, /^sluice_pool_buffers\{state="in_use"\} \d+$/m);
    assert.match(text, /^sluice_engine_load\{engine="main"\} [\d.]+$/m);
    assert.match(text, /^sluice_app_ns_per_packet\{app="s0"\} [\d.]+$/m);
    assert.equal((await fetch(`http://${ping.result.metrics}/nope`)).status, 404);
    // Remove g1/s1 while g0 → s0 flows; s0 keeps counting, with no drops and no loss.
    const before = stats();
    ok('port', 'del', 'g1');
    ok('port', 'del', 's1');
    await sleep(300);
    const after = stats();
    assert.deepEqual(Object.keys(after.ports), ['g0', 's0']);
    assert.ok(after.ports.s0.tx.packets > before.ports.s0.tx.packets + 1000, `${before.ports.s0.tx.packets} -> ${after.ports.s0.tx.packets}`);
    assert.deepEqual(after.ports.g0.drops, {});
    assert.deepEqual(after.ports.s0.drops, {});
    assert.equal(after.ports.s0.info.lost, 0);
    assert.equal(after.ports.s0.info.late, 0);
    // The emptied patch keeps existing (no members), the other is untouched.
    assert.deepEqual(json('bridge', 'show').map((b) => [b.name, b.ports.map((p) => p.name)]), [['x0', ['g0', 's0']], ['x1', []]]);
    ok('bridge', 'del', 'x1');
    const a = after.accounting;
    assert.ok(a.in >= a.out && a.in - a.out - a.dropped - a.queued <= 2000, JSON.stringify(a));
});
test('malformed API requests get errors and the daemon keeps serving; a flood does not stall traffic', async () => {
    const r = await rawRequest('not json\n{"id":2,"method":"port.add","params":{"name":"zz"}}\n{"id":3,"method":"nope"}\n{"id":4,"method":"port.add","params":{"name":"zz","spec":"sink","extra":1}}\n{"id":5,"method":"ping"}\n');
    assert.equal(r[0].error.code, 'bad-request');
    assert.match(r[1].error.message, /params\.spec: required/);
    assert.equal(r[2].error.code, 'unknown-method');
    assert.match(r[3].error.message, /params\.extra: unknown parameter/);
    assert.equal(r[4].ok, true);
    const t0 = stats().ports.s0.tx.packets;
    const flood = await rawRequest('{"id":1,"method":"stats"}\n'.repeat(2000));
    assert.equal(flood.length, 2000);
    assert.ok(flood.every((x) => x.ok));
    await sleep(100);
    const t1 = stats().ports.s0.tx.packets;
    assert.ok(t1 > t0, 'traffic kept flowing during the flood');
});
test('show config round trip is lossless; apply --dry-run prints the diff and changes nothing', () => {
    const yaml = ok('show', 'config');
    assert.match(yaml, /^ports:\n {2}g0:\n {4}spec: gen:rate=20000,size=64$/m);
    const f = join(dir, 'state.yaml');
    writeFileSync(f, yaml);
    assert.match(ok('apply', f, '--dry-run'), /no changes/);
    assert.equal(ok('apply', f).trim(), 'no changes');
    // Add a port and a flow bridge... as a file.
    writeFileSync(join(dir, 'more.yaml'), yaml.replace('ports:\n', 'ports:\n  n0:\n    spec: "null"\n'));
    const dry = ok('apply', join(dir, 'more.yaml'), '--dry-run');
    assert.match(dry, /\+ ports\.n0 \{"spec":"null"\}/);
    assert.equal(json('port', 'show').length, 2, 'dry run changed nothing');
    const res = json('apply', join(dir, 'more.yaml'));
    assert.equal(res.changes.length, 1);
    assert.deepEqual(json('port', 'show').map((p) => p.name), ['n0', 'g0', 's0']);
    assert.equal(ok('show', 'config'), readFileSync(join(dir, 'more.yaml'), 'utf8').trimEnd() + '\n');
    // Without --prune, objects the file does not list are kept and listed; --prune removes them.
    assert.equal(ok('apply', f).trim(), 'no changes\nnot in the document, kept (apply --prune removes them):\n- ports.n0');
    assert.deepEqual(json('port', 'show').map((p) => p.name), ['n0', 'g0', 's0']);
    assert.match(ok('apply', f, '--prune', '--dry-run'), /^dry run, would apply:\n- ports\.n0$/m);
    assert.equal(ok('apply', f, '--prune').trim(), '- ports.n0');
    assert.deepEqual(json('port', 'show').map((p) => p.name), ['g0', 's0']);
    // Invalid files: one line naming the field, nothing changed.
    writeFileSync(join(dir, 'bad.yaml'), 'ports:\n  a: {spec: sink}\nbridges:\n  b: {ports: {a: {}, ghost: {}}}\n');
    const bad = cli('apply', join(dir, 'bad.yaml'));
    assert.equal(bad.code, 1);
    assert.match(bad.err, /bridges\.b\.ports\.ghost: no port named "ghost"/);
    assert.deepEqual(json('port', 'show').map((p) => p.name), ['g0', 's0']);
    assert.deepEqual(json('show', 'config'), JSON.parse(JSON.stringify(json('show', 'config'))));
});
test('trace follows real packets through the switch with per-app decisions and timing', () => {
    const t = json('trace', 'add', 'g0', '3', 'udp', 'and', 'dst', 'port', '5001', '--wait');
    assert.equal(t.done, true);
    assert.equal(t.packets.length, 3);
    for (const p of t.packets) {
        assert.deepEqual(p.events.map((e) => `${e.app}:${e.action}`), ['g0:received', 's0:sent']);
        assert.equal(p.events[0].link, 'g0.output -> s0.input');
        assert.ok(p.events[1].ns > 0 && p.events[1].batch > 0);
    }
    const text = ok('trace', 'show', String(t.id));
    assert.match(text, /trace \d+ on g0 filter "udp and dst port 5001": 3\/3 packets/);
    assert.match(text, /s0\s+sent/);
    const bad = cli('trace', 'add', 'g0', '3', 'udp', 'or', 'tcp');
    assert.equal(bad.code, 1);
    assert.match(bad.err, /filter/);
    ok('trace', 'del');
});
test('trace add returns once armed; a trace left armed does not starve a second one on the same port', async () => {
    const t0 = Date.now();
    const stuck = cli('trace', 'add', 'g0', '2', 'icmp'); // g0 sends UDP: this one never fills
    assert.equal(stuck.code, 0, stuck.err);
    assert.match(stuck.out, /^trace (\d+) armed on g0 \(sluice trace show \1\)\n$/);
    assert.ok(Date.now() - t0 < 5000, `trace add returned after ${Date.now() - t0} ms`);
    const second = json('trace', 'add', 'g0', '2', 'udp');
    assert.deepEqual(Object.keys(second).sort(), ['count', 'id', 'port']);
    let info;
    for (let i = 0; i < 100; i++) {
        info = json('trace', 'show', String(second.id));
        if (info.done)
            break;
        await sleep(50);
    }
    assert.equal(info.done, true, JSON.stringify(info));
    assert.equal(info.packets.length, 2);
    const stuckId = Number(/^trace (\d+)/.exec(stuck.out)[1]);
    assert.equal(json('trace', 'show', String(stuckId)).captured, 0);
    const wait = cli('trace', 'add', 'g0', '1', 'icmp', '--wait', '--timeout', '0.3');
    assert.equal(wait.code, 4, 'an unfilled trace under --wait times out with exit 4');
    const noWait = cli('trace', 'add', 'g0', '1', '--timeout', '1');
    assert.equal(noWait.code, 2);
    assert.equal(noWait.err, 'sluice: trace add: --timeout goes with --wait\n');
    ok('trace', 'del');
});
test('stats --plot and profile -o into a missing directory fail at once, one line, nothing recorded', () => {
    const missing = join(dir, 'no-such-dir');
    for (const [args, line] of [
        [['stats', '--plot', join(missing, 'r.html'), '--seconds', '60'], `sluice: --plot: cannot write ${missing}/r.html: no directory ${missing} (ENOENT)\n`],
        [['profile', '--seconds', '60', '-o', join(missing, 'p.cpuprofile')], `sluice: -o: cannot write ${missing}/p.cpuprofile: no directory ${missing} (ENOENT)\n`],
        [['stats', '--plot', dir], `sluice: --plot: ${dir} is a directory\n`],
    ]) {
        const t0 = Date.now();
        const r = cli(...args);
        assert.equal(r.code, 2, r.err);
        assert.equal(r.err, line);
        assert.ok(Date.now() - t0 < 15_000, `sluice ${args.join(' ')} failed after ${Date.now() - t0} ms`);
    }
    assert.equal(existsSync(missing), false);
    assert.doesNotMatch(log, /profile-start/, 'no profile was started');
});
test('a port whose socket or file cannot be made is refused naming the port; nothing is added', () => {
    const missing = join(dir, 'gone');
    for (const [args, line] of [
        [['port', 'add', 'v9', `vhost-user:${missing}/v.sock`], `sluice: ports.v9.spec: bind (${missing}/v.sock): ENOENT (2)\n`],
        [['port', 'add', 'p9', `pcap:,out=${missing}/o.pcap`], `sluice: ports.p9.spec: ENOENT: no such file or directory, open '${missing}/o.pcap'\n`],
    ]) {
        const r = cli(...args);
        assert.equal(r.code, 1, r.err);
        assert.equal(r.err, line);
    }
    assert.equal(existsSync(missing), false);
    assert.equal(cli('port', 'show', 'v9').code, 1);
});
test('under -j the daemon\'s refusals are {"error":{code,message}} on stdout, with the documented exit codes', () => {
    for (const [args, code, exit, re] of [
        [['port', 'del', 'ghost'], 'not-found', 1, /no port named "ghost"/],
        [['port', 'add', 's0', 'sink'], 'exists', 1, /port "s0" already exists/],
        [['port', 'add', '9bad', 'sink'], 'bad-request', 2, /params\.name/],
        [['stats', 'ghost'], 'not-found', 1, /no port named "ghost"/],
        [['trace', 'add', 'g0', 'x'], 'usage', 2, /N must be an integer/],
    ]) {
        const r = cli(...args, '-j');
        assert.equal(r.code, exit, `sluice ${args.join(' ')} -j: ${r.out}${r.err}`);
        assert.equal(r.err, '');
        const e = JSON.parse(r.out);
        assert.equal(e.error.code, code);
        assert.match(e.error.message, re);
    }
});
test('top, stats --plot and profile produce their outputs', () => {
    const top = json('top', '--once', '--interval', '0.3');
    assert.ok(top.rates.ports.find((p) => p.name === 's0').txPps > 0);
    assert.ok(top.rates.engine.busyPct >= 0);
    assert.match(ok('top', '--once', '--interval', '0.2'), /PORT\s+KIND\s+RX-PPS/);
    const html = join(dir, 'report.html');
    ok('stats', '--plot', html, '--seconds', '0.6', '--interval', '0.2');
    const h = readFileSync(html, 'utf8');
    assert.match(h, /<svg/);
    assert.match(h, /s0 tx/);
    const prof = join(dir, 'p.cpuprofile');
    ok('profile', '--seconds', '0.3', '-o', prof);
    const p = JSON.parse(readFileSync(prof, 'utf8'));
    assert.ok(Array.isArray(p.nodes) && p.nodes.length > 0);
    assert.ok(Array.isArray(p.samples) && p.samples.length > 0);
    assert.equal(typeof p.startTime, 'number');
});
test('learning and flow bridges, routers and captures through the CLI', async (t) => {
    const types = json('bridge', 'show'); // daemon reachable
    assert.ok(Array.isArray(types));
    ok('port', 'add', 'g2', 'gen:rate=5000');
    ok('port', 'add', 's2', 'sink');
    const br = cli('bridge', 'add', 'br0');
    assert.equal(br.code, 0, `bridge add failed: ${br.err}`);
    ok('bridge', 'addif', 'br0', 'g2', 'vlan', '10');
    ok('bridge', 'addif', 'br0', 's2', 'vlan=10');
    // Capture what br0 sends to s2.
    const cap = join(dir, 's2.pcapng');
    ok('capture', 'add', 's2', cap, 'dir', 'tx', 'filter', 'udp');
    assert.deepEqual(json('capture', 'show'), [{ port: 's2', file: cap, dir: 'tx', filter: 'udp' }]);
    let s;
    for (let i = 0; i < 60; i++) {
        s = stats();
        if (s.ports.s2?.tx.packets > 100)
            break;
        await sleep(50);
    }
    assert.ok(s.ports.s2.tx.packets > 100, JSON.stringify(s.ports.s2));
    assert.equal(s.apps.find((a) => a.name === 'br0').type, 'l2-bridge');
    ok('capture', 'del', 's2');
    assert.ok(statSync(cap).size > 100, 'capture file written');
    const badCap = cli('capture', 'add', 'ghost', cap);
    assert.equal(badCap.code, 1);
    // Flow bridge.
    ok('port', 'add', 'g3', 'gen:rate=5000');
    ok('port', 'add', 's3', 'sink');
    ok('bridge', 'add', 'fl0', 'type', 'flow', 'ports', 'g3,s3');
    const badFlow = cli('flow', 'add', 'fl0', 'in_port=g3,actions=frobnicate');
    assert.equal(badFlow.code, 1);
    assert.match(badFlow.err, /"frobnicate": unknown action/);
    ok('flow', 'add', 'fl0', 'in_port=g3,actions=output:s3');
    for (let i = 0; i < 60; i++) {
        s = stats();
        if (s.ports.s3?.tx.packets > 100)
            break;
        await sleep(50);
    }
    assert.ok(s.ports.s3.tx.packets > 100, JSON.stringify(s.ports.s3));
    const dump = json('flow', 'dump', 'fl0');
    assert.deepEqual(dump.flows.map((f) => [f.match, f.actions]), [['in_port=1', 'output:2']]); // ports by OpenFlow number
    assert.ok(dump.flows[0].packets > 100 && Number.isInteger(dump.flows[0].bytes), JSON.stringify(dump.flows[0]));
    assert.deepEqual(json('show', 'config').bridges.fl0.flows, ['table=0, priority=32768,in_port=1 actions=output:2']); // stored canonical
    assert.match(ok('flow', 'dump', 'fl0'), /in_port=1 actions=output:2$/m);
    assert.match(ok('flow', 'dump', 'fl0', '--names'), /in_port=g3 actions=output:s3$/m);
    const notFlow = cli('flow', 'add', 'br0', 'actions=drop');
    assert.equal(notFlow.code, 1);
    assert.match(notFlow.err, /type learning/);
    ok('flow', 'del', 'fl0');
    assert.deepEqual(json('flow', 'dump', 'fl0').flows, []);
    // Router.
    ok('port', 'add', 'n1', 'null');
    ok('route', 'iface', 'add', 'n1', 'mac', '02:00:00:00:00:aa', 'ipv4', '10.0.0.1/24');
    ok('route', 'add', '10.1.0.0/16', 'via', '10.0.0.2', 'dev', 'n1');
    const dupRoute = cli('route', 'add', '10.1.0.0/16', 'via', '10.0.0.3');
    assert.equal(dupRoute.code, 1);
    const rt = json('route', 'show');
    assert.equal(rt[0].name, 'r0');
    assert.deepEqual(rt[0].interfaces, [{ port: 'n1', mac: '02:00:00:00:00:aa', ipv4: '10.0.0.1/24' }]);
    assert.deepEqual(rt[0].routes, [{ prefix: '10.1.0.0/16', via: '10.0.0.2', dev: 'n1' }]);
    assert.match(ok('show', 'config'), /routers:\n {2}r0:/);
    ok('route', 'del', '10.1.0.0/16');
    ok('route', 'iface', 'del', 'n1');
    assert.deepEqual(json('route', 'show'), []);
    for (const p of ['n1', 'g3', 's3', 'g2', 's2'])
        ok('port', 'del', p);
    ok('bridge', 'del', 'br0');
    ok('bridge', 'del', 'fl0');
    assert.deepEqual(json('port', 'show').map((p) => p.name), ['g0', 's0']);
});
test('vhost-user ports are added by type and path and removed cleanly', async (t) => {
    const path = join(dir, 'vm1.sock');
    const r = cli('port', 'add', 'vm1', 'type', 'vhost-user', `path=${path}`, 'server', 'queues=1');
    assert.equal(r.code, 0, r.err);
    for (let i = 0; i < 50 && !existsSync(path); i++)
        await sleep(20);
    assert.ok(existsSync(path), 'vhost-user socket created');
    assert.equal(json('port', 'show', 'vm1').kind, 'vhost-user');
    ok('port', 'del', 'vm1');
});
test('SIGTERM stops the daemon cleanly (exit 0) and removes its socket', async () => {
    daemon.kill('SIGTERM');
    const code = await new Promise((r) => daemon.once('exit', r));
    assert.equal(code, 0, log.slice(-2000));
    assert.equal(existsSync(sock), false);
    // State changes were logged as JSON lines.
    const lines = log.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
    assert.ok(lines.some((l) => l.event === 'port-add' && l.port === 'g0'));
    assert.ok(lines.some((l) => l.event === 'state-change' && l.path === 'ports.g1' && l.op === '-'));
});
//# sourceMappingURL=daemon-cli.test.js.map
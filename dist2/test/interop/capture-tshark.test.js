/**
 * Captures read by tshark: `sluice switch --capture` files (several ports and directions in
 * one pcapng) open with `tshark -r` without a warning and with the counts Sluice reports;
 * a live capture into a FIFO is read by `tshark -r FIFO` while the switch runs; and an
 * ICMP-filtered capture of two namespaces pinging through AF_PACKET ports holds exactly the
 * echo requests and replies.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn, execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadBuiltins } from '../../src/runtime/builtin.js';
import { Switch } from '../../src/switch/switch.js';
import { NetnsLab, skipUnlessNetns, ping } from './af-packet-netns.js';
const TSHARK = '/usr/bin/tshark';
const SLUICE = fileURLToPath(new URL('../../../bin/sluice.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'sluice-capt-'));
const lab = new NetnsLab('sc');
after(() => { lab.cleanup(); rmSync(dir, { recursive: true, force: true }); });
function needTshark(t) {
    if (existsSync(TSHARK))
        return false;
    if (process.env.CI === 'true')
        throw new Error('tshark missing under CI');
    t.skip('tshark not installed');
    return true;
}
/** tshark -r FILE with fields; asserts a clean exit and no warnings on stderr. */
function tshark(file, args) {
    const r = execFileSync(TSHARK, ['-r', file, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C' } });
    return r.split('\n').filter((l) => l !== '');
}
function tsharkStrict(file) {
    const r = spawnSyncText(TSHARK, ['-r', file]);
    const stderr = r.stderr.split('\n').filter((l) => l && !/Running as user "root"/.test(l)).join('\n');
    assert.equal(r.status, 0, `tshark exit ${r.status}: ${stderr}`);
    return { lines: r.stdout.split('\n').filter((l) => l).length, stderr };
}
function spawnSyncText(cmd, args) {
    try {
        const stdout = execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
        return { status: 0, stdout, stderr: '' };
    }
    catch (e) {
        const x = e;
        return { status: x.status, stdout: x.stdout ?? '', stderr: x.stderr ?? '' };
    }
}
test('sluice switch --capture files open cleanly in tshark with matching counts', { timeout: 60_000 }, async (t) => {
    if (needTshark(t))
        return;
    const file = join(dir, 'two-ports.pcapng');
    const json = join(dir, 'summary.json');
    execFileSync(process.execPath, [SLUICE, 'switch', '--port', 'gen:size=100,flows=4,count=400', '--port', 'sink',
        '--capture', `0:${file},dir=rx`, '--capture', `p1:${file},dir=tx,filter=udp and src port 1024`, '--duration', '1', '--json', json], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 30_000 });
    const { lines, stderr } = tsharkStrict(file);
    assert.equal(stderr, '', 'tshark printed warnings');
    assert.equal(lines, 400 + 100);
    const perIf = tshark(file, ['-T', 'fields', '-e', 'frame.interface_name', '-e', 'frame.p2p_dir', '-e', 'udp.srcport']);
    const count = (pred) => perIf.map((l) => l.split('\t')).filter(pred).length;
    assert.equal(count((f) => f[0] === 'p0-rx' && f[1] === '1'), 400, 'p0 rx: inbound');
    assert.equal(count((f) => f[0] === 'p1-tx' && f[1] === '0' && f[2] === '1024'), 100, 'p1 tx: outbound, filtered');
    const desc = tshark(file, ['-T', 'fields', '-e', 'frame.interface_description', '-c', '1']);
    assert.match(desc[0], /Sluice port p0 \(gen\)/);
    // capinfos-style statistics: tshark reads the ISBs without complaint too.
    const stats = spawnSyncText(TSHARK, ['-r', file, '-q', '-z', 'io,stat,0']);
    assert.equal(stats.status, 0);
});
test('live capture into a FIFO read by tshark -r FIFO while the switch runs', { timeout: 60_000 }, async (t) => {
    if (needTshark(t))
        return;
    const fifo = join(dir, 'live.fifo');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn(TSHARK, ['-l', '-r', fifo, '-T', 'fields', '-e', 'frame.number'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    reader.stdout.on('data', (c) => { out += c.toString(); });
    const closed = new Promise((r) => reader.on('close', (code) => r(code)));
    await new Promise((r) => setTimeout(r, 1000)); // tshark opens the FIFO for reading
    await loadBuiltins();
    const sw = new Switch({ poolSize: 2048 });
    try {
        sw.addPort('gen:size=60,flows=1,count=250,rate=2000');
        sw.addPort('sink');
        sw.addCapture({ port: 'p0', file: fifo, dir: 'rx' });
        sw.start();
        const end = Date.now() + 10_000;
        while (Date.now() < end && out.split('\n').filter((l) => l).length < 1)
            await new Promise((r) => setTimeout(r, 100));
        assert.ok(out.length > 0, 'tshark saw packets while the capture was running');
        while (Date.now() < end && sw.summary().ports[0].rx.packets < 250)
            await new Promise((r) => setTimeout(r, 50));
    }
    finally {
        await sw.stop();
        sw.close();
    }
    const code = await closed;
    assert.equal(code, 0);
    assert.equal(out.split('\n').filter((l) => l).length, 250);
});
test('ICMP-filtered capture of two namespaces pinging through AF_PACKET ports', { timeout: 60_000 }, async (t) => {
    if (needTshark(t) || skipUnlessNetns(t))
        return;
    await loadBuiltins();
    const ns1 = lab.ns('1'), ns2 = lab.ns('2');
    const a = lab.veth(ns1, `${lab.tag}a`, '10.203.0.1/24');
    const b = lab.veth(ns2, `${lab.tag}b`, '10.203.0.2/24');
    const file = join(dir, 'icmp.pcapng');
    const sw = new Switch({ mode: 'patch', poolSize: 2048 });
    try {
        sw.addPort(`af-packet:${a.host}`);
        sw.addPort(`af-packet:${b.host}`);
        sw.addCapture({ port: 'p0', file, dir: 'both', filter: 'icmp' });
        sw.start();
        assert.equal(await ping(ns1, '10.203.0.2', 4), 4);
    }
    finally {
        await sw.stop();
        sw.close();
    }
    const { stderr } = tsharkStrict(file);
    assert.equal(stderr, '');
    const rows = tshark(file, ['-T', 'fields', '-e', 'frame.interface_name', '-e', 'icmp.type']).map((l) => l.split('\t').join(' '));
    assert.equal(rows.filter((r) => r === 'p0-rx 8').length, 4, `echo requests received from ns1: ${rows.join(', ')}`);
    assert.equal(rows.filter((r) => r === 'p0-tx 0').length, 4, 'echo replies sent to ns1');
    assert.equal(rows.length, 8, 'ARP and everything else filtered out');
});
//# sourceMappingURL=capture-tshark.test.js.map
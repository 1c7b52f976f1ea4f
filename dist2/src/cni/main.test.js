// The plugin as a runtime sees it: the executable, CNI_* in the environment, JSON on stdin,
// the result or the error JSON on stdout, the exit code. No root needed.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCni } from './main.js';
const bin = new URL('../../../bin/sluice-cni.js', import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'sluice-cni-unit-'));
after(() => rmSync(tmp, { recursive: true, force: true }));
const conf = { cniVersion: '1.0.0', name: 'unit', type: 'sluice-cni', bridge: 'br0', sluiceSocket: join(tmp, 'no-daemon.sock'), stateDir: join(tmp, 'state'), socketDir: join(tmp, 's'), timeoutMs: 1000 };
const env = { PATH: process.env.PATH, CNI_COMMAND: 'ADD', CNI_CONTAINERID: 'unit1', CNI_NETNS: '/proc/self/ns/net', CNI_IFNAME: 'net1', CNI_PATH: tmp };
function exec(e, stdin) {
    const r = spawnSync(process.execPath, [bin], { env: e, input: stdin, encoding: 'utf8', timeout: 20_000 });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
test('executable: VERSION prints the supported versions, echoing the config version', () => {
    const r = exec({ ...env, CNI_COMMAND: 'VERSION' }, '{"cniVersion":"0.4.0"}');
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), { cniVersion: '0.4.0', supportedVersions: ['0.3.0', '0.3.1', '0.4.0', '1.0.0'] });
});
test('executable: errors are the spec JSON on stdout with a non-zero exit', () => {
    const bad = exec({ ...env, CNI_IFNAME: undefined }, JSON.stringify(conf));
    assert.equal(bad.status, 1);
    assert.deepEqual(JSON.parse(bad.stdout), { cniVersion: '1.0.0', code: 4, msg: 'CNI_IFNAME is required for ADD' });
    const ver = exec(env, JSON.stringify({ ...conf, cniVersion: '9.9.9' }));
    assert.equal(ver.status, 1);
    assert.equal(JSON.parse(ver.stdout).code, 1);
    const json = exec(env, 'not json');
    assert.equal(JSON.parse(json.stdout).code, 6);
    const old = exec(env, JSON.stringify({ ...conf, cniVersion: '0.3.1', mode: 'tap' }));
    assert.deepEqual(JSON.parse(old.stdout), { cniVersion: '0.3.1', code: 7, msg: 'network config: mode must be veth, vhost-user or memif, got "tap"' });
});
test('ADD without a daemon: try again later (11), nothing left behind', async () => {
    const r = await runCni(env, JSON.stringify(conf));
    assert.equal(r.code, 1);
    const e = JSON.parse(r.stdout);
    assert.equal(e.code, 11);
    assert.match(e.msg, /cannot reach the daemon/);
    assert.throws(() => readdirSync(join(tmp, 'state')), /ENOENT/);
});
test('ADD into a namespace that does not exist: container unknown (3)', async () => {
    const r = await runCni({ ...env, CNI_NETNS: join(tmp, 'nope') }, JSON.stringify(conf));
    assert.equal(JSON.parse(r.stdout).code, 3);
});
test('ADD with a socket path over 107 bytes: invalid config (7), before anything is made', async () => {
    const r = await runCni(env, JSON.stringify({ ...conf, mode: 'vhost-user', socketDir: '/' + 'd'.repeat(90) }));
    const e = JSON.parse(r.stdout);
    assert.equal(e.code, 7);
    assert.match(e.msg, /limited to 107/);
});
test('DEL of something never added succeeds, twice (no daemon, no state, no namespace)', async () => {
    for (let i = 0; i < 2; i++) {
        const r = await runCni({ ...env, CNI_COMMAND: 'DEL', CNI_NETNS: undefined, CNI_CONTAINERID: 'never' }, JSON.stringify(conf));
        assert.deepEqual(r, { code: 0, stdout: '' });
    }
});
test('CHECK of something never added: container unknown (3)', async () => {
    const r = await runCni({ ...env, CNI_COMMAND: 'CHECK' }, JSON.stringify({ ...conf, prevResult: { cniVersion: '1.0.0', interfaces: [] } }));
    assert.equal(JSON.parse(r.stdout).code, 3);
});
//# sourceMappingURL=main.test.js.map
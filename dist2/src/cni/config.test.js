import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCniArgs, parseConfig, parseRequest, checkIfname } from './config.js';
import { CniCode, CniError } from './errors.js';
const base = { cniVersion: '1.0.0', name: 'net-a', type: 'sluice-cni', bridge: 'br0' };
const env = { CNI_COMMAND: 'ADD', CNI_CONTAINERID: 'c0ffee', CNI_NETNS: '/var/run/netns/x', CNI_IFNAME: 'net1', CNI_PATH: '/usr/lib/cni:/opt/cni/bin' };
function code(f, want, msg) {
    assert.throws(f, (e) => {
        assert.ok(e instanceof CniError, String(e));
        assert.equal(e.code, want, e.message);
        assert.match(e.message, msg);
        return true;
    });
}
test('config: defaults', () => {
    const c = parseConfig({ ...base });
    assert.equal(c.mode, 'veth');
    assert.equal(c.sluiceSocket, '/run/sluice/api.sock');
    assert.equal(c.socketDir, '/run/sluice/cni');
    assert.equal(c.socketMode, 0o660);
    assert.equal(c.stateDir, '/var/lib/cni/sluice');
    assert.equal(c.createBridge, true);
    assert.equal(c.queues, 1);
});
test('config: every field is checked and named', () => {
    code(() => parseConfig({ ...base, cniVersion: undefined }), CniCode.DECODING_FAILURE, /cniVersion is missing/);
    code(() => parseConfig({ ...base, cniVersion: 1 }), CniCode.DECODING_FAILURE, /cniVersion must be a string/);
    code(() => parseConfig({ ...base, cniVersion: '1.1.0' }), CniCode.INCOMPATIBLE_CNI_VERSION, /incompatible CNI version "1.1.0"/);
    code(() => parseConfig({ ...base, name: undefined }), CniCode.INVALID_NETWORK_CONFIG, /name is required/);
    code(() => parseConfig({ ...base, name: '-x' }), CniCode.INVALID_NETWORK_CONFIG, /name "-x"/);
    code(() => parseConfig({ ...base, bridge: undefined }), CniCode.INVALID_NETWORK_CONFIG, /bridge is required/);
    code(() => parseConfig({ ...base, bridge: 'br 0' }), CniCode.INVALID_NETWORK_CONFIG, /bridge "br 0"/);
    code(() => parseConfig({ ...base, mode: 'tap' }), CniCode.INVALID_NETWORK_CONFIG, /mode must be veth, vhost-user or memif/);
    code(() => parseConfig({ ...base, sluiceSocket: 'api.sock' }), CniCode.INVALID_NETWORK_CONFIG, /sluiceSocket must be an absolute path/);
    code(() => parseConfig({ ...base, sluiceSocket: '/' + 'a'.repeat(107) }), CniCode.INVALID_NETWORK_CONFIG, /sluiceSocket is longer than 107/);
    code(() => parseConfig({ ...base, socketDir: '/run/../etc' }), CniCode.INVALID_NETWORK_CONFIG, /socketDir must not contain ".."/);
    code(() => parseConfig({ ...base, socketDir: '/run/a,b' }), CniCode.INVALID_NETWORK_CONFIG, /socketDir must not contain commas/);
    code(() => parseConfig({ ...base, socketMode: '0999' }), CniCode.INVALID_NETWORK_CONFIG, /socketMode must be octal/);
    code(() => parseConfig({ ...base, socketUid: -1 }), CniCode.INVALID_NETWORK_CONFIG, /socketUid must be an integer/);
    code(() => parseConfig({ ...base, vlan: 4096 }), CniCode.INVALID_NETWORK_CONFIG, /vlan must be an integer 0-4095/);
    code(() => parseConfig({ ...base, mtu: 1.5 }), CniCode.INVALID_NETWORK_CONFIG, /mtu must be an integer/);
    code(() => parseConfig({ ...base, mode: 'memif', mtu: 9000 }), CniCode.UNSUPPORTED_FIELD, /mtu applies to mode veth only/);
    code(() => parseConfig({ ...base, queues: 2 }), CniCode.UNSUPPORTED_FIELD, /queues applies to the socket modes/);
    code(() => parseConfig({ ...base, mode: 'vhost-user', queues: 0 }), CniCode.INVALID_NETWORK_CONFIG, /queues must be an integer 1-255/);
    code(() => parseConfig({ ...base, createBridge: 'yes' }), CniCode.INVALID_NETWORK_CONFIG, /createBridge must be true or false/);
    code(() => parseConfig({ ...base, ipam: [] }), CniCode.INVALID_NETWORK_CONFIG, /ipam must be an object/);
    code(() => parseConfig({ ...base, ipam: { type: '../x' } }), CniCode.INVALID_NETWORK_CONFIG, /ipam.type must name/);
    code(() => parseConfig({ ...base, dns: 'x' }), CniCode.INVALID_NETWORK_CONFIG, /dns must be an object/);
    code(() => parseConfig({ ...base, prevResult: [] }), CniCode.INVALID_NETWORK_CONFIG, /prevResult must be an object/);
    code(() => parseConfig({ ...base, runtimeConfig: { mac: 'zz' } }), CniCode.INVALID_NETWORK_CONFIG, /runtimeConfig.mac/);
    code(() => parseConfig({ ...base, runtimeConfig: { CNIDeviceInfoFile: 'rel' } }), CniCode.INVALID_NETWORK_CONFIG, /CNIDeviceInfoFile must be an absolute path/);
});
test('config: runtimeConfig and extra fields', () => {
    const c = parseConfig({ ...base, mode: 'memif', queues: 4, runtimeConfig: { mac: 'AA:BB:CC:00:11:22', CNIDeviceInfoFile: '/run/x.json', portMappings: [] }, capabilities: { mac: true }, args: { labels: {} } });
    assert.equal(c.mac, 'aa:bb:cc:00:11:22');
    assert.equal(c.deviceInfoFile, '/run/x.json');
    assert.equal(c.queues, 4);
});
test('env: required variables per command, each named', () => {
    const stdin = JSON.stringify(base);
    const r = parseRequest(env, stdin);
    assert.deepEqual([r.command, r.containerId, r.netns, r.ifname, r.path], ['ADD', 'c0ffee', '/var/run/netns/x', 'net1', ['/usr/lib/cni', '/opt/cni/bin']]);
    code(() => parseRequest({ ...env, CNI_COMMAND: undefined }, stdin), CniCode.INVALID_ENVIRONMENT_VARIABLES, /CNI_COMMAND is not set/);
    code(() => parseRequest({ ...env, CNI_COMMAND: 'GC' }, stdin), CniCode.INVALID_ENVIRONMENT_VARIABLES, /CNI_COMMAND "GC"/);
    for (const k of ['CNI_CONTAINERID', 'CNI_NETNS', 'CNI_IFNAME', 'CNI_PATH']) {
        code(() => parseRequest({ ...env, [k]: undefined }, stdin), CniCode.INVALID_ENVIRONMENT_VARIABLES, new RegExp(`${k} is required for ADD`));
    }
    // DEL may come without a namespace (the runtime may have lost it).
    assert.equal(parseRequest({ ...env, CNI_COMMAND: 'DEL', CNI_NETNS: undefined }, stdin).netns, '');
    code(() => parseRequest({ ...env, CNI_CONTAINERID: '../x' }, stdin), CniCode.INVALID_ENVIRONMENT_VARIABLES, /CNI_CONTAINERID "..\/x"/);
    code(() => parseRequest({ ...env, CNI_NETNS: 'x' }, stdin), CniCode.INVALID_ENVIRONMENT_VARIABLES, /CNI_NETNS must be an absolute path/);
    code(() => parseRequest({ ...env, CNI_IFNAME: 'a-very-long-name0' }, stdin), CniCode.INVALID_ENVIRONMENT_VARIABLES, /longer than 15 bytes/);
    code(() => parseRequest({ ...env, CNI_ARGS: 'IgnoreUnknown' }, stdin), CniCode.INVALID_ENVIRONMENT_VARIABLES, /CNI_ARGS: "IgnoreUnknown" is not KEY=VALUE/);
    code(() => parseRequest({ ...env, CNI_ARGS: 'MAC=nope' }, stdin), CniCode.INVALID_ENVIRONMENT_VARIABLES, /MAC "nope"/);
    assert.equal(parseRequest({ ...env, CNI_ARGS: 'IgnoreUnknown=1;MAC=02:00:00:00:00:01;K8S_POD_NAME=p' }, stdin).config.mac, '02:00:00:00:00:01');
});
test('stdin: JSON object required; CHECK needs prevResult and cniVersion >= 0.4.0', () => {
    code(() => parseRequest(env, '{'), CniCode.DECODING_FAILURE, /not JSON/);
    code(() => parseRequest(env, '[1]'), CniCode.DECODING_FAILURE, /must be a JSON object/);
    code(() => parseRequest({ ...env, CNI_COMMAND: 'CHECK' }, JSON.stringify(base)), CniCode.INVALID_NETWORK_CONFIG, /CHECK needs prevResult/);
    code(() => parseRequest({ ...env, CNI_COMMAND: 'CHECK' }, JSON.stringify({ ...base, cniVersion: '0.3.1', prevResult: {} })), CniCode.INCOMPATIBLE_CNI_VERSION, /CHECK is not defined/);
    assert.equal(parseRequest({ ...env, CNI_COMMAND: 'CHECK' }, JSON.stringify({ ...base, prevResult: {} })).command, 'CHECK');
});
test('helpers: ifname and CNI_ARGS', () => {
    checkIfname('eth0', 'x');
    assert.throws(() => checkIfname('a/b', 'x'), /not a valid interface name/);
    assert.throws(() => checkIfname('..', 'x'), /not a valid interface name/);
    assert.throws(() => checkIfname('', 'x'), /empty/);
    assert.deepEqual(parseCniArgs('A=1;;B=x=y'), { A: '1', B: 'x=y' });
});
//# sourceMappingURL=config.test.js.map
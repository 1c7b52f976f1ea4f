import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildResult, deviceInfo, ipamToParts, mergePrev, versionResult } from './result.js';
import { checkSocketPath, namesFor } from './names.js';
import { dirModeFor } from './plugin.js';
import { CniError } from './errors.js';
const ipam = { cniVersion: '1.0.0', ips: [{ address: '10.1.0.5/24', gateway: '10.1.0.1' }, { address: 'fd00::5/64' }], routes: [{ dst: '0.0.0.0/0' }], dns: {} };
test('result: 1.0.0 format (no ips.version), interface index points at the sandbox interface', () => {
    const r = buildResult('1.0.0', [{ name: 'slx' }, { name: 'net1', sandbox: '/run/netns/a' }], ipamToParts(ipam), 1);
    assert.deepEqual(r, {
        cniVersion: '1.0.0',
        interfaces: [{ name: 'slx' }, { name: 'net1', sandbox: '/run/netns/a' }],
        ips: [{ address: '10.1.0.5/24', gateway: '10.1.0.1', interface: 1 }, { address: 'fd00::5/64', interface: 1 }],
        routes: [{ dst: '0.0.0.0/0' }],
    });
});
test('result: 0.4.0 adds ips[].version; config dns used when IPAM has none', () => {
    const r = buildResult('0.4.0', [{ name: 'net1', sandbox: '/x' }], ipamToParts(ipam), 0, { nameservers: ['10.1.0.1'] });
    assert.deepEqual(r.ips.map((i) => i.version), ['4', '6']);
    assert.deepEqual(r.dns, { nameservers: ['10.1.0.1'] });
});
test('result: IPAM output is validated', () => {
    assert.throws(() => ipamToParts({ ips: {} }), /ips must be a list/);
    assert.throws(() => ipamToParts({ ips: [{ address: '10.0.0.1' }] }), /ips\[0\].address/);
    assert.throws(() => ipamToParts({ ips: [{ address: '10.0.0.1/8', gateway: 5 }] }), /ips\[0\].gateway/);
    assert.throws(() => ipamToParts({ routes: [{ dst: 'x' }] }), /routes\[0\].dst/);
    assert.throws(() => ipamToParts({ routes: [{ dst: '0.0.0.0/0', gw: '; rm' }] }), /routes\[0\].gw/);
});
test('result: chained ADD keeps prevResult and shifts our indices', () => {
    const prev = { interfaces: [{ name: 'eth0', sandbox: '/n' }], ips: [{ address: '1.1.1.1/32', interface: 0 }] };
    const ours = buildResult('1.0.0', [{ name: 'h' }, { name: 'net1', sandbox: '/n' }], ipamToParts(ipam), 1);
    const m = mergePrev(prev, ours);
    assert.equal(m.interfaces.length, 3);
    assert.deepEqual(m.ips.map((i) => i.interface), [0, 2, 2]);
});
test('device-info: spec 1.1.0, modes describe the container side', () => {
    assert.deepEqual(deviceInfo('vhost-user', '/run/s/a/vhost-user.sock'), { type: 'vhost-user', version: '1.1.0', 'vhost-user': { mode: 'client', path: '/run/s/a/vhost-user.sock' } });
    assert.deepEqual(deviceInfo('memif', '/m.sock'), { type: 'memif', version: '1.1.0', memif: { role: 'slave', path: '/m.sock', mode: 'ethernet' } });
    assert.equal(deviceInfo('veth', ''), undefined);
    assert.deepEqual(versionResult().supportedVersions, ['0.3.0', '0.3.1', '0.4.0', '1.0.0']);
});
test('names: short, stable, distinct per attachment; socket path limit', () => {
    const a = namesFor('n', 'c1', 'net1', '/run/sluice/cni', 'vhost-user');
    assert.deepEqual(namesFor('n', 'c1', 'net1', '/run/sluice/cni', 'vhost-user'), a);
    assert.notEqual(namesFor('n', 'c1', 'net2', '/run/sluice/cni', 'vhost-user').key, a.key);
    assert.notEqual(namesFor('m', 'c1', 'net1', '/run/sluice/cni', 'vhost-user').key, a.key);
    assert.ok(a.hostVeth.length <= 15);
    assert.match(a.port, /^cni-[0-9a-f]{10}$/);
    assert.equal(a.socket, `/run/sluice/cni/${a.key}/vhost-user.sock`);
    assert.match(a.mac, /^02(:[0-9a-f]{2}){5}$/);
    checkSocketPath('/' + 'a'.repeat(106));
    assert.throws(() => checkSocketPath('/' + 'a'.repeat(107)), (e) => e instanceof CniError && e.code === 7 && /108|107/.test(e.message));
});
test('dirModeFor: the socket owner and group can traverse', () => {
    assert.equal(dirModeFor(0o660), 0o770);
    assert.equal(dirModeFor(0o600), 0o700);
    assert.equal(dirModeFor(0o666), 0o777);
    assert.equal(dirModeFor(0o640), 0o750);
});
//# sourceMappingURL=result.test.js.map
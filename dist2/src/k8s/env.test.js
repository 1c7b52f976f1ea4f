import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildPortEnv, parseSluiceEnv } from './env.js';
test('env round trip for both kinds', () => {
    const env = {
        ...buildPortEnv('vhost-user', [
            { deviceId: 'vhu-n1-0', kind: 'vhost-user', numaNode: 1, hostSocketPath: '/h/a', containerSocketPath: '/var/run/sluice/vhu-n1-0/vhost-user.sock' },
            { deviceId: 'vhu-n1-1', kind: 'vhost-user', numaNode: 1, hostSocketPath: '/h/b', containerSocketPath: '/var/run/sluice/vhu-n1-1/vhost-user.sock' },
        ]),
        ...buildPortEnv('memif', [{ deviceId: 'memif-n0-0', kind: 'memif', numaNode: 0, hostSocketPath: '/h/c', containerSocketPath: '/var/run/sluice/memif-n0-0/memif.sock' }]),
    };
    assert.equal(env.SLUICE_VHOST_USER_DEVICES, 'vhu-n1-0,vhu-n1-1');
    const got = parseSluiceEnv(env);
    assert.deepEqual(got.problems, []);
    assert.deepEqual(got.ports.map((p) => [p.kind, p.deviceId, p.numaNode]), [['vhost-user', 'vhu-n1-0', 1], ['vhost-user', 'vhu-n1-1', 1], ['memif', 'memif-n0-0', 0]]);
});
test('malformed env gives problems, never throws', () => {
    const got = parseSluiceEnv({ SLUICE_VHOST_USER_SOCKETS: 'relative.sock,/ok.sock', SLUICE_VHOST_USER_DEVICES: 'a', SLUICE_VHOST_USER_NUMA: 'x,0' });
    assert.equal(got.ports.length, 1);
    assert.equal(got.ports[0].socket, '/ok.sock');
    assert.ok(got.problems.some((p) => p.includes('not an absolute path')));
    assert.ok(got.problems.some((p) => p.includes('DEVICES has 1 entries')));
    assert.deepEqual(parseSluiceEnv({}), { ports: [], problems: [] });
});
//# sourceMappingURL=env.test.js.map
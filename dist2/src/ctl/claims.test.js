import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { portClaims, findConflict, holderOf, missingArgument } from './claims.js';
import { validateState, mergeApplied, resolveApplied, StateError } from './model.js';
import { diffState } from './diff.js';
const refused = (s, msg) => assert.throws(() => validateState(s), (e) => e instanceof StateError && e.message === msg);
test('each kind claims what it holds; servers and clients of one path differ', () => {
    assert.deepEqual(portClaims('vhost-user:/x/v1.sock,queues=2').map((c) => c.key), ['listen /x/v1.sock']);
    assert.deepEqual(portClaims('vhost-user:/x/v1.sock,client').map((c) => c.key), ['connect /x/v1.sock']);
    assert.deepEqual(portClaims('virtio-user:/x/v1.sock').map((c) => c.key), ['connect /x/v1.sock']);
    assert.deepEqual(portClaims('memif:/m.sock').map((c) => c.key), ['listen /m.sock']);
    assert.deepEqual(portClaims('memif:/m.sock,role=client,id=3').map((c) => c.key), ['memif /m.sock 3']);
    assert.deepEqual(portClaims('memif:m,abstract').map((c) => c.key), ['listen @m']);
    assert.deepEqual(portClaims('tap:tap0').map((c) => c.key), ['tap tap0']);
    assert.deepEqual(portClaims('af-packet:eth0,fanout=2').map((c) => c.key), ['netdev eth0']);
    assert.deepEqual(portClaims('pcap:in.pcap,out=o.pcapng').map((c) => c.key), [`file ${resolve('o.pcapng')}`]);
    assert.deepEqual(portClaims('pcap:,out=/o.pcapng').map((c) => c.key), ['file /o.pcapng']);
    assert.deepEqual(portClaims('vhost-user'), []);
    assert.deepEqual(portClaims('vhost-user:rel.sock').map((c) => c.key), [`listen ${resolve('rel.sock')}`]);
    for (const s of ['gen:size=64', 'sink', 'null', 'pcap:in.pcap', 'ring:w', 'not a spec:::'])
        assert.deepEqual(portClaims(s), [], s);
});
test('a second holder of a socket, memif id, TAP name, interface or output file is refused naming the first', () => {
    const cases = [
        [{ v1: 'vhost-user:/x/v1.sock', v2: 'vhost-user:/x/v1.sock,queues=2' }, 'ports.v2.spec: socket /x/v1.sock is already held by port v1'],
        [{ v1: 'vhost-user:/x/v1.sock', m1: 'memif:/x/v1.sock' }, 'ports.m1.spec: socket /x/v1.sock is already held by port v1'],
        [{ c1: 'vhost-user:/q.sock,client', c2: 'virtio-user:/q.sock' }, 'ports.c2.spec: the vhost-user connection to /q.sock is already held by port c1'],
        [{ a: 'memif:/m.sock,role=client,id=1', b: 'memif:/m.sock,role=client,id=1' }, 'ports.b.spec: memif socket /m.sock id 1 is already held by port a'],
        [{ a: 'memif:/m.sock,role=client', b: 'memif:/m.sock,role=client,id=0' }, 'ports.b.spec: memif socket /m.sock id 0 is already held by port a'],
        [{ t1: 'tap:sl0', t2: 'tap:sl0,queues=2' }, 'ports.t2.spec: TAP interface sl0 is already held by port t1'],
        [{ p1: 'af-packet:eth1', p2: 'af-packet:eth1,fanout=4' }, 'ports.p2.spec: kernel interface eth1 is already held by port p1'],
        [{ r1: 'pcap:/in.pcap,out=/o.pcap', r2: 'pcap:/in.pcap,out=/o.pcap' }, 'ports.r2.spec: output file /o.pcap is already held by port r1'],
    ];
    for (const [ports, msg] of cases) {
        const s = { ports: Object.fromEntries(Object.entries(ports).map(([n, spec]) => [n, { spec }])) };
        refused(s, msg);
        const [first, second] = Object.entries(ports);
        assert.deepEqual(holderOf({ ports: { [first[0]]: { spec: first[1] } } }, second[1]), { what: msg.split(': ')[1].replace(/ is already held by .*/, ''), holder: `port ${first[0]}` });
    }
    refused({ ports: { a: { spec: 'sink' }, r: { spec: 'pcap:/i.pcap,out=/c.pcapng' } }, captures: [{ port: 'a', file: '/c.pcapng' }] }, 'captures.0.file: output file /c.pcapng is already held by port r');
});
test('one path served and connected, memif ids on one socket, and distinct names are accepted', () => {
    const ok = [
        { s: 'vhost-user:/x/a.sock', c: 'virtio-user:/x/a.sock' },
        { a: 'memif:/m.sock,role=client,id=1', b: 'memif:/m.sock,role=client,id=2' },
        { a: 'memif:/m.sock,role=server', b: 'memif:/m.sock,role=client' },
        { t: 'tap:sl0', p: 'af-packet:sl0' },
        { a: 'tap:sl0', b: 'tap:sl1' },
        { a: 'pcap:/in.pcap', b: 'pcap:/in.pcap' },
    ];
    for (const ports of ok) {
        const s = { ports: Object.fromEntries(Object.entries(ports).map(([n, spec]) => [n, { spec }])) };
        assert.equal(findConflict(s), undefined, JSON.stringify(ports));
        assert.doesNotThrow(() => validateState(s));
    }
});
test('kinds that need a path or name say so; others do not', () => {
    assert.equal(missingArgument('vhost-user'), 'a vhost-user port needs the socket path (vhost-user:PATH, or path=PATH)');
    assert.equal(missingArgument('vhost-user,client'), 'a vhost-user port needs the socket path (vhost-user:PATH, or path=PATH)');
    assert.equal(missingArgument('memif:,role=client'), 'a memif port needs the control socket path (memif:PATH, or path=PATH)');
    assert.match(missingArgument('tap'), /interface name/);
    assert.match(missingArgument('af-packet'), /kernel interface/);
    for (const s of ['vhost-user:/a', 'sink', 'gen:size=64', 'null', 'pcap:,out=/x.pcap'])
        assert.equal(missingArgument(s), undefined, s);
    refused({ ports: { x9: { spec: 'vhost-user' } } }, 'ports.x9.spec: a vhost-user port needs the socket path (vhost-user:PATH, or path=PATH)');
});
test('apply without --prune keeps what the document does not list; --prune is exact', () => {
    const cur = validateState({
        ports: { a: { spec: 'sink' }, b: { spec: 'null' }, api1: { spec: 'gen:size=64' } },
        bridges: { fl: { type: 'flow', ports: { a: {}, b: {} }, flows: ['actions=drop'] } },
        routers: { r0: { interfaces: { api1: { mac: '02:00:00:00:00:01', ipv4: '10.0.0.1/24' } }, routes: [{ prefix: '10.9.0.0/16', via: '10.0.0.2' }] } },
        captures: [{ port: 'a', file: '/tmp/a.pcapng' }],
    });
    const doc = validateState({
        ports: { a: { spec: 'sink' }, b: { spec: 'null' }, n: { spec: 'null' } },
        bridges: { fl: { type: 'flow', ports: { a: {}, b: {} }, flows: ['priority=5,actions=drop'] } },
    });
    const merged = validateState(mergeApplied(cur, doc));
    assert.deepEqual(Object.keys(merged.ports), ['a', 'b', 'n', 'api1']);
    assert.deepEqual(merged.bridges.fl.flows, ['actions=drop', 'priority=5,actions=drop']);
    assert.deepEqual(merged.routers, cur.routers);
    assert.deepEqual(merged.captures, cur.captures);
    assert.deepEqual(diffState(cur, merged).map((c) => `${c.op} ${c.path}`), ['+ ports.n', '+ bridges.fl.flows']);
    const exact = resolveApplied(cur, doc);
    assert.deepEqual(diffState(merged, exact).filter((c) => c.op === '-').map((c) => c.path), ['ports.api1', 'bridges.fl.flows', 'routers.r0', 'captures']);
    // A route the document names replaces the one with its prefix; others stay.
    const routes = mergeApplied(cur, { ...cur, routers: { r0: { interfaces: {}, routes: [{ prefix: '10.9.0.0/16', via: '10.0.0.3' }, { prefix: '10.8.0.0/16', via: '10.0.0.2' }] } } }).routers.r0;
    assert.deepEqual(routes.routes, [{ prefix: '10.9.0.0/16', via: '10.0.0.3' }, { prefix: '10.8.0.0/16', via: '10.0.0.2' }]);
    assert.deepEqual(Object.keys(routes.interfaces), ['api1']);
});
//# sourceMappingURL=claims.test.js.map
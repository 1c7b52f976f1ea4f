import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateState, parseState, printState, resolveApplied, StateError } from './model.js';
import { diffState, formatChanges } from './diff.js';
const full = {
    version: 1,
    engine: { idleSpellMs: 5, maxSleepMs: 200, poolSize: 4096 },
    api: { socket: '/run/sluice/api.sock', mode: '0660', group: 'sluice' },
    metrics: { listen: '127.0.0.1:9469' },
    ports: { vm1: { spec: 'vhost-user:/run/vm1.sock,queues=2' }, vm2: { spec: 'vhost-user:/run/vm2.sock,client' }, up: { spec: 'pcap:/tmp/in.pcap' }, g: { spec: 'gen:size=64' }, s: { spec: 'sink' }, a: { spec: 'null' }, b: { spec: 'null' } },
    bridges: {
        br0: { type: 'learning', ports: { vm1: { vlan: 10 }, vm2: { trunk: [10, 20] } } },
        x0: { type: 'patch', ports: { g: {}, s: {} } },
        fl0: { type: 'flow', ports: { a: {}, b: {} }, flows: ['in_port=a actions=output:b', 'priority=0 actions=drop'] },
    },
    routers: { r0: { interfaces: { up: { mac: '02:00:00:00:00:01', ipv4: '10.0.0.1/24' } }, routes: [{ prefix: '0.0.0.0/0', via: '10.0.0.254', dev: 'up' }] } },
    captures: [{ port: 'vm1', file: '/tmp/vm1.pcapng', dir: 'both', filter: 'udp' }],
};
test('a full state validates and round-trips through YAML losslessly', () => {
    assert.deepEqual(validateState(structuredClone(full)), full);
    const text = printState(full);
    const back = parseState(text);
    assert.deepEqual(back, full);
    assert.equal(printState(back), text);
    assert.deepEqual(diffState(full, back), []);
});
test('empty document is an empty state', () => {
    assert.deepEqual(validateState(null), {});
    assert.deepEqual(parseState(''), {});
});
const bad = [
    ['unknown top field', { colour: 1 }, /colour: unknown field/],
    ['port without spec', { ports: { p0: {} } }, /ports\.p0\.spec: required/],
    ['bad port name', { ports: { '0bad': { spec: 'sink' } } }, /ports\.0bad: bad name/],
    ['spec not a string', { ports: { p0: { spec: 5 } } }, /ports\.p0\.spec: must be string/],
    ['bridge member missing', { ports: { a: { spec: 'sink' } }, bridges: { br: { ports: { a: {}, b: {} } } } }, /bridges\.br\.ports\.b: no port named "b"/],
    ['port in two bridges', { ports: { a: { spec: 'sink' } }, bridges: { b1: { ports: { a: {} } }, b2: { ports: { a: {} } } } }, /bridges\.b2\.ports\.a: port "a" is already attached to bridge "b1"/],
    ['patch of three', { ports: { a: { spec: 'sink' }, b: { spec: 'sink' }, c: { spec: 'sink' } }, bridges: { x: { type: 'patch', ports: { a: {}, b: {}, c: {} } } } }, /at most 2/],
    ['bad bridge type', { bridges: { x: { type: 'hub', ports: {} } } }, /bridges\.x\.type: must be one of/],
    ['vlan out of range', { ports: { a: { spec: 'sink' } }, bridges: { x: { ports: { a: { vlan: 5000 } } } } }, /bridges\.x\.ports\.a\.vlan: must be <= 4095/],
    ['access and trunk', { ports: { a: { spec: 'sink' } }, bridges: { x: { ports: { a: { vlan: 1, trunk: [2] } } } } }, /either access/],
    ['flows on a learning bridge', { bridges: { x: { ports: {}, flows: ['a'] } } }, /only bridges of type flow/],
    ['bridge named like a port', { ports: { a: { spec: 'sink' } }, bridges: { a: { ports: {} } } }, /bridges\.a: name already used/],
    ['router bad mac', { ports: { a: { spec: 'sink' } }, routers: { r: { interfaces: { a: { mac: 'zz' } } } } }, /routers\.r\.interfaces\.a\.mac/],
    ['route dev not an interface', { ports: { a: { spec: 'sink' } }, routers: { r: { interfaces: { a: { mac: '02:00:00:00:00:01' } }, routes: [{ prefix: '0.0.0.0/0', dev: 'b' }] } } }, /routers\.r\.routes\.0\.dev/],
    ['route with neither via nor dev', { ports: { a: { spec: 'sink' } }, routers: { r: { interfaces: { a: { mac: '02:00:00:00:00:01' } }, routes: [{ prefix: '0.0.0.0/0' }] } } }, /needs via or dev/],
    ['capture of unknown port', { captures: [{ port: 'nope', file: '/tmp/x' }] }, /captures\.0\.port: no port named "nope"/],
    ['capture bad dir', { ports: { a: { spec: 'sink' } }, captures: [{ port: 'a', file: '/x', dir: 'up' }] }, /captures\.0\.dir/],
    ['bad metrics listen', { metrics: { listen: 'everywhere' } }, /metrics\.listen/],
    ['bad socket mode', { api: { mode: 'rw' } }, /api\.mode/],
    ['wrong version', { version: 2 }, /version/],
    ['engine pool too small', { engine: { poolSize: 10 } }, /engine\.poolSize/],
];
for (const [name, doc, re] of bad) {
    test(`rejects: ${name}`, () => {
        assert.throws(() => validateState(doc), (e) => e instanceof StateError && re.test(e.message));
    });
}
test('YAML syntax errors and duplicate keys name the source and line', () => {
    assert.throws(() => parseState('ports:\n  a: {spec: sink\n', 'my.yaml'), /my\.yaml: .*line/i);
    assert.throws(() => parseState('ports: {}\nports: {}\n', 'dup.yaml'), /dup\.yaml: .*(unique|duplicate)/i);
    assert.throws(() => parseState('ports:\n  p0: {spec: 3}\n', 'f.yaml'), /f\.yaml: ports\.p0\.spec/);
});
test('apply semantics: settings absent keep current, collections absent become empty', () => {
    const cur = { version: 1, engine: { idleSpellMs: 3 }, api: { socket: '/x' }, ports: { a: { spec: 'sink' } } };
    const r = resolveApplied(cur, { ports: { b: { spec: 'null' } } });
    assert.deepEqual(r, { version: 1, engine: { idleSpellMs: 3 }, api: { socket: '/x' }, ports: { b: { spec: 'null' } } });
    assert.deepEqual(resolveApplied(cur, {}), { version: 1, engine: { idleSpellMs: 3 }, api: { socket: '/x' } });
});
test('diff lists one line per changed member', () => {
    const a = { ports: { a: { spec: 'sink' }, b: { spec: 'null' } }, bridges: { f: { type: 'flow', ports: { a: {} }, flows: ['x', 'y'] } } };
    const b = { ports: { a: { spec: 'null' }, c: { spec: 'sink' } }, bridges: { f: { type: 'flow', ports: { a: {}, c: {} }, flows: ['y', 'z'] } } };
    const d = diffState(a, b);
    assert.deepEqual(d.map((c) => `${c.op} ${c.path}`), [
        '- ports.b', '~ ports.a', '+ ports.c', '+ bridges.f.ports.c', '- bridges.f.flows', '+ bridges.f.flows',
    ]);
    assert.match(formatChanges(d), /^- ports\.b/);
    assert.equal(formatChanges([]), 'no changes');
});
//# sourceMappingURL=model.test.js.map
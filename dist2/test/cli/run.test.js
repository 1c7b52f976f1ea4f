import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sluice } from '../support/cli.js';
const dir = mkdtempSync(join(tmpdir(), 'sluice-run-'));
const file = (name, text) => { const f = join(dir, name); writeFileSync(f, text); return f; };
test('run: ports in patch mode from YAML, duration from the config', () => {
    const f = file('ok.yaml', 'ports:\n  a: gen:size=64,rate=100000\n  b: sink\nmode: patch\nduration: 1\n');
    const r = sluice(['run', f]);
    assert.equal(r.status, 0, r.stderr);
    const s = JSON.parse(r.stdout);
    assert.ok(s.ports[0].rx.packets > 1000);
    assert.equal(s.ports[1].tx.packets, s.ports[0].rx.packets);
});
test('run: a pipeline over two pinned worker engines joined by a ring accounts for every packet', () => {
    const f = file('pipe.yaml', [
        'apps:', '  gen: { type: gen, args: { size: 64, rate: 500000 } }', '  sink: { type: sink }',
        'links:', '  - gen.output -> sink.input',
        'engines:', '  - { name: e0, cpu: 0, apps: [gen] }', '  - { name: e1, cpu: 1, apps: [sink] }', 'duration: 1.5', '',
    ].join('\n'));
    const r = sluice(['run', f]);
    assert.equal(r.status, 0, r.stderr);
    const s = { apps: Object.fromEntries(JSON.parse(r.stdout).apps.map((a) => [a.name, a])) };
    const gen = s.apps.gen.rx.packets;
    const tx = s.apps['gen_output__sink_input_tx'];
    const rx = s.apps['gen_output__sink_input_rx'];
    assert.ok(gen > 10000);
    assert.equal(tx.tx.packets + (tx.drops.link_full ?? 0), gen);
    assert.equal(rx.rx.packets + (rx.drops.shutdown ?? 0), tx.tx.packets);
    assert.equal(s.apps.sink.tx.packets, rx.rx.packets);
});
test('run: 20+ bad configs each give FILE:LINE: field: message and exit 2', () => {
    const cases = [
        ['not yaml', 'ports: [a, b\n', /:\d+: /],
        ['scalar doc', '42\n', /:1: the config must be a mapping/],
        ['list doc', '- a\n- b\n', /must be a mapping/],
        ['unknown top field', 'ports:\n  a: sink\nportz: {}\n', /:3: portz: is not a known field/],
        ['bad mode', 'ports:\n  a: sink\n  b: sink\nmode: hub\n', /:4: mode: .*patch, bridge, none/],
        ['port not a string', 'ports:\n  a: sink\n  b: null\n', /:3: ports.b: must be string/],
        ['empty port spec', "ports:\n  a: ''\n  b: sink\n", /ports.a/],
        ['bad port name', 'ports:\n  "a b": sink\n', /bad name/],
        ['unknown port kind', 'ports:\n  a: warp:9\n  b: sink\n', /unknown kind "warp"/],
        ['bad port option', 'ports:\n  a: gen:size=7\n  b: sink\n', /:2: .*size must be/],
        ['odd ports in patch', 'ports:\n  a: sink\n  b: sink\n  c: sink\n', /:4: .*"c" has no partner/],
        ['pool too small', 'pool:\n  buffers: 10\n', /:2: pool.buffers: must be >= 1024/],
        ['pool bad size', 'pool:\n  bufferSize: 1000\n', /pool.bufferSize/],
        ['pool bad hugepages', 'pool:\n  hugepages: maybe\n', /pool.hugepages/],
        ['app without type', 'apps:\n  x: { args: {} }\n', /:2: apps.x: must have required property 'type'/],
        ['app unknown type', 'apps:\n  x: { type: teleport }\n', /:2: .*unknown type "teleport"/],
        ['app unknown field', 'apps:\n  x: { type: sink, colour: red }\n', /apps.x.colour: is not a known field/],
        ['bad link syntax', 'apps:\n  x: { type: sink }\nlinks:\n  - x.output => x.input\n', /:4: links.0: must match/],
        ['link to unknown app', 'apps:\n  x: { type: gen }\nlinks:\n  - x.output -> y.input\n', /unknown app "y"/],
        ['output linked twice', 'apps:\n  x: { type: gen }\n  y: { type: sink }\n  z: { type: sink }\nlinks:\n  - x.output -> y.input\n  - x.output -> z.input\n', /already linked/],
        ['engine unknown app', 'apps:\n  x: { type: gen }\nengines:\n  - { name: e, apps: [x, q] }\n', /unknown app "q"/],
        ['app in two engines', 'apps:\n  x: { type: gen }\nengines:\n  - { name: e, apps: [x] }\n  - { name: f, apps: [x] }\n', /in engines "e" and "f"/],
        ['app in no engine', 'apps:\n  x: { type: gen }\n  y: { type: sink }\nengines:\n  - { name: e, apps: [x] }\n', /"y" is not assigned/],
        ['bad cpu', 'apps:\n  x: { type: gen }\nengines:\n  - { name: e, cpu: -1, apps: [x] }\n', /engines.0.cpu/],
        ['duplicate key', 'ports:\n  a: sink\n  a: sink\n', /:3: .*[Uu]nique|duplicate/],
        ['negative duration', 'duration: -5\n', /duration/],
        ['bad app args', 'apps:\n  g: { type: gen, args: { size: 5 } }\n', /args.size must be >= 60|size/],
        ['spread vhost-user in a config', 'apps:\n  v: { type: vhost-user, args: { path: /tmp/never.sock, queues: 2, workers: 2 } }\n', /"workers" is set by `sluice switch --workers N`/],
    ];
    assert.ok(cases.length >= 20);
    for (const [name, text, re] of cases) {
        const f = file(`${name.replace(/\W+/g, '-')}.yaml`, text);
        const r = sluice(['run', f, '--duration', '0']);
        assert.equal(r.status, 2, `${name}: exit ${r.status}: ${r.stderr}`);
        assert.match(r.stderr, re, `${name}: ${r.stderr}`);
        assert.ok(r.stderr.includes(f), `${name}: names the file`);
        assert.doesNotMatch(r.stderr, /\n\s+at /, `${name}: no stack trace`);
    }
    const missing = sluice(['run', join(dir, 'missing.yaml')]);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /cannot read: ENOENT/);
});
test('demo runs with no root and no hugepages and prints the summary', () => {
    const r = sluice(['demo', '--duration', '1'], { env: { SLUICE_HUGEPAGES: 'never' } });
    assert.equal(r.status, 0, r.stderr);
    const s = JSON.parse(r.stdout);
    assert.ok(s.ports.length >= 2);
    assert.match(r.stderr, /capture: .*demo\.pcapng/);
});
//# sourceMappingURL=run.test.js.map
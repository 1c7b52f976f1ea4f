import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Engine } from '../core/engine.js';
import { TX_PACKETS } from '../core/counters.js';
import { loadBuiltins } from '../runtime/builtin.js';
import { EngineRunner } from '../core/runner.js';
import { Tracer, TRACE_FLAG } from './trace.js';
import { pool } from '../../test/support/runner-apps.js';
test('trace follows N packets with each app decision (forwarded, dropped with reason, sent)', async () => {
    await loadBuiltins();
    const p = pool();
    const e = new Engine(p);
    e.configure({ apps: { g: { type: 'gen', args: { count: 10 } }, h: { type: 'test-halver' }, s: { type: 'sink' } }, links: ['g.output -> h.input', 'h.output -> s.input'] });
    const r = new EngineRunner(e);
    const t = new Tracer();
    r.probe = t;
    assert.throws(() => t.add('g', 0), /count/);
    assert.throws(() => t.add('g', 1, 'bogus'), /unknown term/);
    const id = t.add('g', 4, 'udp');
    assert.equal(t.active, true);
    for (let i = 0; i < 20; i++)
        r.breathe(performance.now());
    const [info] = t.info(id);
    assert.equal(info.done, true);
    assert.equal(info.packets.length, 4);
    const acts = info.packets.map((pk) => pk.events.map((ev) => `${ev.app}:${ev.action}${ev.reason ? `:${ev.reason}` : ''}`).join(' '));
    assert.deepEqual(acts, [
        'g:received h:forwarded s:sent',
        'g:received h:dropped:filtered',
        'g:received h:forwarded s:sent',
        'g:received h:dropped:filtered',
    ]);
    assert.equal(info.packets[0].events[0].link, 'g.output -> h.input');
    assert.ok(info.packets[0].events.every((ev) => ev.ns >= 0 && ev.batch >= 1));
    assert.equal(t.active, false, 'tracing switches itself off when done');
    // Untraced packets are not marked; nothing is leaked.
    for (let i = 0; i < p.count; i++)
        if (p.state[i] === 1)
            assert.equal(p.flags[i] & TRACE_FLAG, 0);
    assert.equal(e.apps.get('s').counters[TX_PACKETS], 5);
    assert.equal(t.del(id), 1);
    assert.deepEqual(t.info(), []);
    e.stop();
});
test('trace of a port with a filter nothing matches stays armed and captures nothing', async () => {
    await loadBuiltins();
    const e = new Engine(pool());
    e.configure({ apps: { g: { type: 'gen', args: { count: 50 } }, s: { type: 'sink' } }, links: ['g.output -> s.input'] });
    const r = new EngineRunner(e);
    const t = new Tracer();
    r.probe = t;
    const id = t.add('g', 2, 'tcp');
    for (let i = 0; i < 10; i++)
        r.breathe(performance.now());
    assert.equal(t.info(id)[0].captured, 0);
    assert.equal(t.active, true);
    e.stop();
});
test('two traces on one port both capture: one left armed (its filter matches too little) does not starve the next', async () => {
    await loadBuiltins();
    const e = new Engine(pool());
    e.configure({ apps: { g: { type: 'gen', args: { count: 40 } }, s: { type: 'sink' } }, links: ['g.output -> s.input'] });
    const r = new EngineRunner(e);
    const t = new Tracer();
    r.probe = t;
    const stuck = t.add('g', 2, 'tcp'); // the generator sends UDP: never completes
    const first = t.add('g', 3, 'udp');
    const second = t.add('g', 2, '');
    for (let i = 0; i < 20; i++)
        r.breathe(performance.now());
    assert.equal(t.info(stuck)[0].captured, 0);
    for (const id of [first, second]) {
        const [info] = t.info(id);
        assert.equal(info.done, true, `trace ${id} finished`);
        assert.deepEqual(info.packets.map((p) => p.events.map((ev) => ev.action).join(' ')), Array(info.count).fill('received sent'));
    }
    // The same packets went to both: the first two of each trace are one packet.
    assert.equal(t.info(first)[0].packets[0].summary, t.info(second)[0].packets[0].summary);
    e.stop();
});
//# sourceMappingURL=trace.test.js.map
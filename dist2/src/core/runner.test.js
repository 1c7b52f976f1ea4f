import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Engine } from './engine.js';
import { TX_PACKETS } from './counters.js';
import { eventfd, eventfdWrite, dupFd, closeFd } from '../sys/index.js';
import { App } from './app.js';
import { registerApp } from './registry.js';
import { loadBuiltins } from '../runtime/builtin.js';
import { EngineRunner } from './runner.js';
import { pool, until } from '../../test/support/runner-apps.js';
test('adaptive polling: sleeps when idle, an eventfd kick wakes it before the sleep timeout', async () => {
    const e = new Engine(pool());
    e.configure({ apps: { k: { type: 'test-kicked' }, c: { type: 'test-counter' } }, links: ['k.output -> c.input'] });
    const r = new EngineRunner(e, { idleSpellMs: 2, maxSleepMs: 10_000 });
    r.refresh();
    r.start();
    try {
        assert.ok(await until(() => r.sleeps >= 1), 'runner never slept');
        const k = e.apps.get('k'), c = e.apps.get('c');
        eventfdWrite(k.fd);
        // Woken by the fd, not by the 10 s timeout: the packet arrives long before it.
        assert.ok(await until(() => c.counters[TX_PACKETS] === 1, 3000), 'kick did not wake the engine');
        assert.ok(r.fdWakeups >= 1);
    }
    finally {
        await r.stop();
        e.stop();
    }
});
test('a wake fd closed while registered and left readable (its peer holds a dup) costs one spurious wake, not a spinning runner', async () => {
    class Watched extends App {
        fds = [];
        wakeFds() { return this.fds; }
    }
    registerApp('test-watched', Watched);
    const e = new Engine(pool());
    e.configure({ apps: { w: { type: 'test-watched' } }, links: [] });
    const r = new EngineRunner(e, { idleSpellMs: 1, maxSleepMs: 10_000 });
    const w = e.apps.get('w');
    const a = eventfd();
    const peer = dupFd(a); // a vhost-user frontend keeps its end of a kick eventfd
    w.fds = [a];
    r.start();
    try {
        assert.ok(await until(() => r.sleeping), 'runner never slept');
        // The port drops the fd mid-sleep (its frontend went away) while the peer's end lives on.
        closeFd(a);
        w.fds = [];
        eventfdWrite(peer); // ...and readable, forever: nobody drains it
        const before = r.sleeps;
        await new Promise((res) => setTimeout(res, 200));
        assert.ok(r.sleeps - before < 20, `runner spun: ${r.sleeps - before} sleeps in 200 ms`);
        assert.ok(r.sleeping, 'runner sleeps again');
    }
    finally {
        await r.stop();
        e.stop();
        closeFd(peer);
    }
});
test('pure polling (idleSpellMs 0) never sleeps', async () => {
    const e = new Engine(pool());
    e.configure({ apps: { k: { type: 'test-kicked' } }, links: [] });
    const r = new EngineRunner(e, { idleSpellMs: 0 });
    r.start();
    await new Promise((res) => setTimeout(res, 30));
    await r.stop();
    assert.equal(r.sleeps, 0);
    assert.ok(e.breaths > 0);
    e.stop();
});
test('sampled breaths record per-app cost of calls that moved packets', async () => {
    await loadBuiltins();
    const e = new Engine(pool());
    e.configure({ apps: { g: { type: 'gen', args: { count: 5000 } }, s: { type: 'sink' } }, links: ['g.output -> s.input'] });
    const r = new EngineRunner(e, { sampleEvery: 4 });
    r.refresh();
    for (let i = 0; i < 400; i++)
        r.breathe(performance.now());
    const g = r.costs.get('g'), s = r.costs.get('s');
    assert.ok(g.packets > 0 && g.ns > 0, 'gen cost sampled');
    assert.ok(s.packets > 0 && s.ns > 0, 'sink cost sampled');
    assert.equal(e.apps.get('s').counters[TX_PACKETS], 5000);
    e.stop();
});
//# sourceMappingURL=runner.test.js.map
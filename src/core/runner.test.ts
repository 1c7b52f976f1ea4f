import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Engine } from './engine.js';
import { TX_PACKETS } from './counters.js';
import { eventfdWrite } from '../sys/index.js';
import { loadBuiltins } from '../builtin.js';
import { EngineRunner } from './runner.js';

import { Kicked, pool, until } from '../../test/support/runner-apps.js';

test('adaptive polling: sleeps when idle, an eventfd kick wakes it before the sleep timeout', async () => {
  const e = new Engine(pool());
  e.configure({ apps: { k: { type: 'test-kicked' }, c: { type: 'test-counter' } }, links: ['k.output -> c.input'] });
  const r = new EngineRunner(e, { idleSpellMs: 2, maxSleepMs: 10_000 });
  r.refresh();
  r.start();
  try {
    assert.ok(await until(() => r.sleeps >= 1), 'runner never slept');
    const k = e.apps.get('k') as Kicked, c = e.apps.get('c')!;
    eventfdWrite(k.fd);
    // Woken by the fd, not by the 10 s timeout: the packet arrives long before it.
    assert.ok(await until(() => c.counters[TX_PACKETS] === 1, 3000), 'kick did not wake the engine');
    assert.ok(r.fdWakeups >= 1);
  } finally {
    await r.stop();
    e.stop();
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
  for (let i = 0; i < 400; i++) r.breathe(performance.now());
  const g = r.costs.get('g')!, s = r.costs.get('s')!;
  assert.ok(g.packets > 0 && g.ns > 0, 'gen cost sampled');
  assert.ok(s.packets > 0 && s.ns > 0, 'sink cost sampled');
  assert.equal(e.apps.get('s')!.counters[TX_PACKETS], 5000);
  e.stop();
});


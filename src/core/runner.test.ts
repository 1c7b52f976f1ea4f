import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PacketPool } from './packet.js';
import { Engine } from './engine.js';
import { App, type AppContext } from './app.js';
import { registerApp } from './registry.js';
import { RX_PACKETS, TX_PACKETS } from './counters.js';
import { DropReason } from './drop-reasons.js';
import { eventfd, eventfdRead, eventfdWrite, closeFd } from '../sys/index.js';
import { loadBuiltins } from '../builtin.js';
import { EngineRunner } from './runner.js';

/** Emits one packet per eventfd kick; sleeps on the eventfd. */
class Kicked extends App {
  readonly fd = eventfd();
  override pull(): void {
    const out = this.output.output;
    if (!out) return;
    const n = eventfdRead(this.fd);
    for (let i = 0; i < n; i++) {
      const p = this.pool.alloc();
      if (p < 0) return;
      this.pool.len[p] = 60;
      out.transmit(p);
      this.counters[RX_PACKETS]++;
    }
  }
  override wakeFds(): number[] { return [this.fd]; }
  override stop(): void { closeFd(this.fd); }
}

/** Drops every second packet (filtered), forwards the others. */
class Halver extends App {
  private n = 0;
  override push(): void {
    const i = this.input.input, o = this.output.output;
    if (!i || !o) return;
    while (!i.empty()) {
      const p = i.receive();
      if ((this.n++ & 1) === 1) this.drop(p, DropReason.FILTERED);
      else o.transmit(p);
    }
  }
}

class Counter extends App {
  override push(): void {
    const i = this.input.input;
    if (!i) return;
    while (!i.empty()) { this.pool.free(i.receive()); this.counters[TX_PACKETS]++; }
  }
}

registerApp('test-kicked', Kicked as never);
registerApp('test-halver', Halver as never);
registerApp('test-counter', Counter as never);

function pool(): PacketPool { return new PacketPool(new ArrayBuffer(PacketPool.bytesFor(1024, 2048)), 1024, 2048); }
const until = async (f: () => boolean, ms = 5000) => { const end = Date.now() + ms; while (!f() && Date.now() < end) await new Promise((r) => setTimeout(r, 2)); return f(); };

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


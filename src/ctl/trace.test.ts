import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PacketPool } from '../core/packet.js';
import { Engine } from '../core/engine.js';
import { App, type AppContext } from '../core/app.js';
import { registerApp } from '../core/registry.js';
import { RX_PACKETS, TX_PACKETS } from '../core/counters.js';
import { DropReason } from '../core/drop-reasons.js';
import { eventfd, eventfdRead, eventfdWrite, closeFd } from '../sys/index.js';
import { loadBuiltins } from '../builtin.js';
import { EngineRunner } from '../core/runner.js';
import { Tracer, TRACE_FLAG } from './trace.js';

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

test('trace follows N packets with each app decision (forwarded, dropped with reason, sent)', async () => {
  await loadBuiltins();
  const p = pool();
  const e = new Engine(p);
  e.configure({ apps: { g: { type: 'gen', args: { count: 10 } }, h: { type: 'test-halver' }, s: { type: 'sink' } }, links: ['g.output -> h.input', 'h.output -> s.input'] });
  const r = new EngineRunner(e);
  const t = new Tracer();
  r.hook = t;
  assert.throws(() => t.add('g', 0), /count/);
  assert.throws(() => t.add('g', 1, 'bogus'), /unknown term/);
  const id = t.add('g', 4, 'udp');
  assert.equal(t.active, true);
  for (let i = 0; i < 20; i++) r.breathe(performance.now());
  const [info] = t.info(id);
  assert.equal(info!.done, true);
  assert.equal(info!.packets.length, 4);
  const acts = info!.packets.map((pk) => pk.events.map((ev) => `${ev.app}:${ev.action}${ev.reason ? `:${ev.reason}` : ''}`).join(' '));
  assert.deepEqual(acts, [
    'g:received h:forwarded s:sent',
    'g:received h:dropped:filtered',
    'g:received h:forwarded s:sent',
    'g:received h:dropped:filtered',
  ]);
  assert.equal(info!.packets[0]!.events[0]!.link, 'g.output -> h.input');
  assert.ok(info!.packets[0]!.events.every((ev) => ev.ns >= 0 && ev.batch >= 1));
  assert.equal(t.active, false, 'tracing switches itself off when done');
  // Untraced packets are not marked; nothing is leaked.
  for (let i = 0; i < p.count; i++) if (p.state[i] === 1) assert.equal(p.flags[i]! & TRACE_FLAG, 0);
  assert.equal(e.apps.get('s')!.counters[TX_PACKETS], 5);
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
  r.hook = t;
  const id = t.add('g', 2, 'tcp');
  for (let i = 0; i < 10; i++) r.breathe(performance.now());
  assert.equal(t.info(id)[0]!.captured, 0);
  assert.equal(t.active, true);
  e.stop();
});

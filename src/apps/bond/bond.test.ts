import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RX_PACKETS } from '../../core/counters.js';
import { parsePortSpec } from '../../core/port-spec.js';
import { portApp } from '../../core/port-kinds.js';
import { deriveGraph } from '../../runtime/derive.js';
import { buildLacpdu, LacpInfo, LACPDU_FRAME_LEN } from '../../lib/proto/lacp.js';
import '../basic/index.js';
import '../../drivers/ring/index.js';
import './index.js';
import type { Bond } from './bond.js';
import { backToBack, enabled, txOf, nics } from './testkit.js';

test('LACP: two bonds aggregate both members, each sees the other as partner; balance-tcp spreads flows', () => {
  const { e, A, B } = backToBack('balance-tcp');
  assert.ok(e.runUntil(() => enabled(A).length === 2 && enabled(B).length === 2, 5000), `not aggregated: ${JSON.stringify(A.lacpShow())}`);
  const la = A.lacpShow() as { status: string; members: { partner: { systemId: string; key: number; stateWords: string }; actor: { stateWords: string } }[] };
  assert.equal(la.status, 'negotiated');
  assert.equal(la.members[0]!.partner.systemId, '02:00:00:00:00:0b');
  assert.equal(la.members[0]!.partner.key, 7);
  assert.match(la.members[0]!.actor.stateWords, /activity timeout aggregation synchronized collecting distributing/);
  assert.match(la.members[1]!.partner.stateWords, /synchronized collecting distributing/);
  const t0 = txOf(e, 'a1') + txOf(e, 'a2');
  const downBefore = e.stats().apps.A!.drops.port_down ?? 0; // sent before the aggregator was up
  e.runUntil(() => false, 300);
  const a1 = txOf(e, 'a1'), a2 = txOf(e, 'a2');
  console.log(`# balance-tcp over 64 flows: a1 ${a1}, a2 ${a2} frames (incl. LACPDUs; ${t0} before traffic)`);
  assert.ok(a1 > 100 && a2 > 100, 'both members carry flows');
  assert.equal(e.stats().apps.A!.drops.port_down ?? 0, downBefore, 'nothing dropped for want of a member once aggregated');
  e.stop();
});

test('LACP: a member whose carrier goes down leaves the bond, its buckets move; it comes back', () => {
  const { e, A, B } = backToBack('balance-tcp');
  assert.ok(e.runUntil(() => enabled(A).length === 2 && enabled(B).length === 2, 5000));
  nics.get('a2')!.down = true;
  assert.ok(e.runUntil(() => enabled(A).length === 1 && enabled(B).length === 1, 2000), 'carrier loss takes a2 out at once (b2 by its carrier too)');
  const sunk = txOf(e, 'sink');
  e.runUntil(() => false, 200);
  assert.ok(txOf(e, 'sink') > sunk + 1000, 'traffic goes on over a1');
  assert.equal((A.bondShow() as { members: { buckets: number }[] }).members[1]!.buckets, 0);
  nics.get('a2')!.down = false;
  assert.ok(e.runUntil(() => enabled(A).length === 2 && enabled(B).length === 2, 5000), 'a2 back in');
  const bal = e.balance();
  assert.equal(bal.total.off, 0, JSON.stringify(bal));
  assert.ok(bal.total.generated > 0, 'LACPDUs are counted as generated');
  assert.ok(bal.total.handled > 0, 'LACPDUs taken in are counted as handled');
  e.stop();
});

test('LACP: a partner that stops talking expires (3 s at the fast rate) and is dropped from the aggregator', async () => {
  const { e, A } = backToBack('balance-tcp');
  assert.ok(e.runUntil(() => enabled(A).length === 2, 5000));
  // B's member b2 stops sending LACPDUs (as a guest's `ip link set eth1 down` on a virtio NIC: the wire stays up).
  const bm = (e.apps.get('B') as Bond).members[1]!;
  bm.lacp.shouldTransmit = () => false;
  const t0 = Date.now();
  assert.ok(e.runUntil(() => enabled(A).length === 1, 8000), 'a2 leaves after the partner times out');
  const dt = Date.now() - t0;
  console.log(`# partner timeout took a2 out after ${dt} ms (fast rate: 3 s)`);
  assert.ok(dt >= 2500, `expired after ${dt} ms, not before the short timeout`);
  e.stop();
});

test('active-backup without LACP: one member carries everything; the other takes over on carrier loss', () => {
  const { e, A, B } = backToBack('active-backup', ',primary=a1', '');
  assert.ok(e.runUntil(() => enabled(A).length === 2 && enabled(B).length === 2, 2000));
  e.runUntil(() => false, 200);
  assert.equal(txOf(e, 'a2'), 0, 'the backup sends nothing');
  assert.ok(txOf(e, 'a1') > 1000);
  nics.get('a1')!.down = true;
  const sunk = txOf(e, 'sink');
  e.runUntil(() => false, 300);
  assert.equal((A.bondShow() as { activeMember: string }).activeMember, 'a2');
  assert.ok(txOf(e, 'sink') > sunk + 1000, 'traffic moved to a2');
  e.stop();
});

test('LACPDUs that are malformed are dropped with the field counted; LACP off drops slow protocols as not for us', () => {
  const { e, A } = backToBack('balance-tcp');
  const pool = e.pool;
  const inject = (mutate: (f: Uint8Array) => void) => {
    const p = pool.alloc();
    const f = pool.data.subarray(pool.start(p), pool.start(p) + LACPDU_FRAME_LEN);
    const actor = new LacpInfo(); actor.system = 0x020000000099; actor.port = 1; actor.key = 1;
    buildLacpdu(pool.data, pool.start(p), 0x020000000099, actor, new LacpInfo());
    mutate(f);
    pool.len[p] = LACPDU_FRAME_LEN;
    e.apps.get('a1')!.counters[RX_PACKETS]++; // as if a1 had received it
    e.apps.get('A')!.input.a1!.transmit(p);
  };
  inject((f) => { f[14 + 3] = 19; });
  inject((f) => { f[14 + 23] = 0; });
  inject((f) => { f[14 + 6] = 1; });
  e.runUntil(() => false, 20);
  const errs = (A.lacpShow() as { members: { errors: Record<string, number> }[] }).members[0]!.errors;
  assert.deepEqual(errs, { actor_info_length: 1, partner_info_length: 1, actor_system: 1 });
  assert.equal(e.stats().apps.A!.drops.malformed, 3);
  e.stop();
});

test('bond port spec: options checked, members linked by the derivation and kept out of bridges', () => {
  assert.throws(() => portApp(parsePortSpec('bond:a')), /two or more member ports/);
  assert.throws(() => portApp(parsePortSpec('bond:a+b,mode=balance-tcp')), /needs lacp=active/);
  assert.throws(() => portApp(parsePortSpec('bond:a+b,mode=fast')), /mode must be one of/);
  assert.throws(() => portApp(parsePortSpec('bond:a+b,primary=c')), /primary "c" is not a member/);
  assert.throws(() => portApp(parsePortSpec('bond:a+b,updelay=-5')), /updelay must be an integer in \[0, 3600000\]/);
  assert.throws(() => portApp(parsePortSpec('bond:a+b,lacp-fallback-ab=yes')), /lacp-fallback-ab must be one of true, false/);
  assert.deepEqual(portApp(parsePortSpec('bond:a+b,mode=balance-slb,updelay=200,downdelay=100,lacp-fallback-ab=true,rebalance-interval=0')).args,
    { members: ['a', 'b'], mode: 'balance-slb', updelay: 200, downdelay: 100, rebalanceInterval: 0, lacpFallbackAb: true });
  const g = deriveGraph({ ports: { a: { spec: 'ring:x1' }, b: { spec: 'ring:x2' }, bo: { spec: 'bond:a+b,mode=balance-slb' }, t: { spec: 'ring:y' } }, bridges: { br: { ports: { bo: {}, t: {} } } } });
  assert.ok(g.links.includes('a.output -> bo.a') && g.links.includes('bo.b -> b.input') && g.links.includes('bo.output -> br.bo'));
  assert.throws(() => deriveGraph({ ports: { a: { spec: 'ring:x1' }, b: { spec: 'ring:x2' }, bo: { spec: 'bond:a+b' } }, bridges: { br: { ports: { a: {}, bo: {} } } } }), /bridges\.br\.ports\.a: port "a" is a member of bond bo/);
  assert.throws(() => deriveGraph({ ports: { a: { spec: 'ring:x1' }, bo: { spec: 'bond:a+zz' } } }), /ports\.bo\.spec: member "zz" is not a port/);
});

test('balance-slb without LACP: source MACs spread over both members; broadcast only from the active member', () => {
  const { e, A, B } = backToBack('balance-slb', '', '');
  assert.ok(e.runUntil(() => enabled(A).length === 2 && enabled(B).length === 2, 2000));
  const pool = e.pool;
  const frame = (src: number, dst: number) => {
    const p = pool.alloc();
    const s = pool.start(p);
    pool.data.fill(0, s, s + 64);
    for (let i = 0; i < 6; i++) { pool.data[s + i] = dst === 0xff ? 0xff : 2; pool.data[s + 6 + i] = i === 5 ? src : 2; }
    pool.data[s + 12] = 0x08;
    pool.len[p] = 64;
    return p;
  };
  const before = [txOf(e, 'a1'), txOf(e, 'a2')];
  const gen = e.apps.get('gen')!;
  for (let m = 0; m < 64; m++) { gen.counters[RX_PACKETS]++; gen.output.output!.transmit(frame(m, 1)); }
  e.runUntil(() => false, 20);
  const sent = [txOf(e, 'a1') - before[0]!, txOf(e, 'a2') - before[1]!];
  console.log(`# balance-slb: 64 source MACs → a1 ${sent[0]}, a2 ${sent[1]} (plus generator traffic)`);
  assert.ok(sent[0]! > 0 && sent[1]! > 0, 'both members carry some source MACs');
  // A broadcast arriving on B's backup member is refused (filtered), on its active member taken.
  const activeB = (B.bondShow() as { activeMember: string }).activeMember;
  const backupB = activeB === 'b1' ? 'b2' : 'b1';
  const filtered = e.stats().apps.B!.drops.filtered ?? 0;
  for (const m of [activeB, backupB]) { e.apps.get(m)!.counters[RX_PACKETS]++; B.input[m]!.transmit(frame(1, 0xff)); }
  e.runUntil(() => false, 20);
  assert.equal((e.stats().apps.B!.drops.filtered ?? 0) - filtered, 1);
  e.stop();
});

test('the bond forwards balance-tcp traffic without garbage collection in steady state', async () => {
  // The forwarding path only: a rebalance (every 10 s by default; these 20,000 breaths are 20 s
  // of engine time) sorts buckets with arrays it allocates, which made Node 24 collect here.
  const { e, A } = backToBack('balance-tcp', ',lacp=active,lacp-rate=fast,rebalance-interval=0', undefined, { size: 64, flows: 64 }, false); // the per-breath check allocates
  assert.ok(e.runUntil(() => enabled(A).length === 2, 5000));
  let now = performance.now();
  const run = (breaths: number) => { for (let i = 0; i < breaths; i++) e.breathe(now++); };
  run(20_000);
  await new Promise((r) => setTimeout(r, 50));
  const { PerformanceObserver } = await import('node:perf_hooks');
  const entries: string[] = [];
  const obs = new PerformanceObserver((list) => { for (const en of list.getEntries()) entries.push(en.name); });
  obs.observe({ entryTypes: ['gc'] });
  const before = txOf(e, 'sink');
  run(20_000);
  const moved = txOf(e, 'sink') - before;
  await new Promise((r) => setTimeout(r, 50));
  obs.disconnect();
  e.stop();
  console.log(`# ${moved} packets through the bond, GC entries: ${entries.length}`);
  assert.ok(moved > 100_000, `moved ${moved}`);
  assert.deepEqual(entries, []);
});

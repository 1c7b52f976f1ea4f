/**
 * The bond's Open vSwitch options beyond the modes: updelay/downdelay, lacp-fallback-ab,
 * load rebalancing (bond-rebalance-interval, `bond rebalance`), and 802.1AX marker responses
 * (whose bytes Wireshark's dissector checks). Timers run on a fake clock (Engine.breathe(now)).
 */
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RX_PACKETS } from '../../core/counters.js';
import type { Engine } from '../../core/engine.js';
import { decodeMarker, LACPDU_FRAME_LEN, SLOW_PROTOCOLS_MAC } from '../../lib/proto/lacp.js';
import { writeMac } from '../../lib/proto/addr.js';
import { buildPcap } from '../../lib/pcap/testkit.js';
import { bondText, type BondView } from '../../cli/commands/bond.js';
import { lacpText, type LacpView } from '../../cli/commands/lacp.js';
import { rebalanceLoad } from './rebalance.js';
import { backToBack, enabled, txOf, nics } from './testkit.js';
import type { Bond } from './bond.js';

/** A fake clock for an engine: `step(ms)` breathes once per millisecond. */
function clock(e: Engine) {
  let t = performance.now();
  return { step(ms: number) { for (let i = 0; i < ms; i++) e.breathe(t++); } };
}
const show = (b: Bond) => b.bondShow() as unknown as BondView;
const member = (b: Bond, n: string) => show(b).members.find((m) => m.name === n)!;

test('updelay/downdelay: a carrier change takes effect only after the delay; a change back cancels it (fake clock)', () => {
  const { e, A } = backToBack('active-backup', ',updelay=300,downdelay=200', '', { size: 128, flows: 4, rate: 20000 });
  const c = clock(e);
  c.step(20);
  // No member was enabled: the first one skips its updelay (OVS's bond_choose_member), the other waits.
  assert.deepEqual(enabled(A), ['a1']);
  const d = member(A, 'a2').delay!;
  assert.equal(d.kind, 'updelay');
  assert.ok(d.expiresIn > 250 && d.expiresIn <= 300, `updelay expires in ${d.expiresIn}`);
  c.step(270);
  assert.deepEqual(enabled(A), ['a1'], 'a2 not before its updelay');
  c.step(40);
  assert.deepEqual(enabled(A), ['a1', 'a2']);
  assert.equal(member(A, 'a2').delay, null);

  nics.get('a1')!.down = true;
  c.step(50);
  assert.deepEqual(enabled(A), ['a1', 'a2'], 'a1 stays enabled during its downdelay');
  assert.equal(member(A, 'a1').mayEnable, false);
  assert.equal(member(A, 'a1').delay!.kind, 'downdelay');
  console.log(bondText(show(A)).split('\n').map((l) => `# ${l}`).join('\n'));
  c.step(170);
  assert.deepEqual(enabled(A), ['a2'], 'a1 disabled once the downdelay ran out');
  assert.equal(show(A).activeMember, 'a2');

  // Up for less than the updelay, then down again: the pending enable is cancelled.
  nics.get('a1')!.down = false;
  c.step(100);
  assert.equal(member(A, 'a1').delay!.kind, 'updelay');
  nics.get('a1')!.down = true;
  c.step(20);
  assert.equal(member(A, 'a1').delay, null);
  assert.deepEqual(enabled(A), ['a2']);
  // Down for less than the downdelay: nothing changes.
  nics.get('a1')!.down = false;
  c.step(320);
  assert.deepEqual(enabled(A), ['a1', 'a2']);
  const changes = show(A).activeChanges;
  nics.get('a2')!.down = true;
  c.step(100);
  nics.get('a2')!.down = false;
  c.step(20);
  assert.deepEqual(enabled(A), ['a1', 'a2']);
  assert.equal(member(A, 'a2').delay, null);
  assert.equal(show(A).activeChanges, changes, 'a blip shorter than the downdelay does not fail over');
  assert.equal(e.balance().total.off, 0);
  e.stop();
});

test('lacp-fallback-ab: LACP without a partner runs active-backup instead of going down; a partner ends it', () => {
  const fallback = ',lacp=active,lacp-rate=fast,lacp-fallback-ab=true';
  const { e, A, B } = backToBack('balance-tcp', fallback, fallback);
  for (const n of ['a1', 'a2', 'b1', 'b2']) nics.get(n)!.blockSlow = true; // the partner does not speak LACP
  assert.ok(e.runUntil(() => enabled(A).length === 2 && txOf(e, 'sink') > 1000, 3000), `no fallback: ${JSON.stringify(A.bondShow())}`);
  const s = show(A);
  assert.equal(s.lacpStatus, 'configured');
  assert.equal(s.fallingBack, true);
  assert.equal(txOf(e, 'a2'), 0, 'active-backup: only the active member sends');
  assert.match(bondText(s), /bond_mode: balance-tcp \(active-backup: LACP has no partner, lacp_fallback_ab\)/);
  assert.match(lacpText(A.lacpShow() as unknown as LacpView), /lacp_fallback_ab: true \(no partner: the bond runs active-backup\)/);
  for (const n of ['a1', 'a2', 'b1', 'b2']) nics.get(n)!.blockSlow = false;
  assert.ok(e.runUntil(() => show(A).lacpStatus === 'negotiated' && enabled(A).length === 2 && enabled(B).length === 2, 5000));
  const a2 = txOf(e, 'a2');
  e.runUntil(() => false, 200);
  assert.equal(show(A).fallingBack, false);
  assert.ok(txOf(e, 'a2') > a2 + 100, 'negotiated: balance-tcp uses both members again');
  assert.equal(e.balance().total.off, 0);
  e.stop();

  // Without the fallback, a bond whose LACP finds no partner sends nothing (OVS: LACP_CONFIGURED).
  const plain = backToBack('balance-tcp');
  for (const n of ['a1', 'a2', 'b1', 'b2']) nics.get(n)!.blockSlow = true;
  plain.e.runUntil(() => false, 300);
  assert.deepEqual(enabled(plain.A), []);
  assert.equal(txOf(plain.e, 'sink'), 0);
  assert.equal(show(plain.A).fallingBack, false);
  plain.e.stop();
});

/** A marker request (802.1AX 6.5.3) from the partner, injected as if member `m` received it. */
function injectMarker(e: Engine, A: Bond, m: string, mutate: (f: Uint8Array) => void = () => {}, len = LACPDU_FRAME_LEN): void {
  const pool = e.pool;
  const p = pool.alloc();
  const s = pool.start(p);
  const f = pool.data.subarray(s, s + LACPDU_FRAME_LEN);
  f.fill(0x5a); // reserved bytes the response must zero
  writeMac(f, 0, SLOW_PROTOCOLS_MAC);
  writeMac(f, 6, 0x02000000000b);
  f.set([0x88, 0x09, 2, 1, 1, 16, 0x00, 0x07], 12);
  writeMac(f, 20, 0x02000000000b);
  f.set([0xde, 0xad, 0xbe, 0xef, 0, 0, 0, 0], 26);
  mutate(f);
  pool.len[p] = len;
  e.apps.get(m)!.counters[RX_PACKETS]++;
  A.input[m]!.transmit(p);
}

function need(t: TestContext, tool: string): boolean {
  if (existsSync(tool)) return true;
  if (process.env.CI === 'true') assert.fail(`${tool} is required when CI=true`);
  t.skip(`${tool} not installed`);
  return false;
}

test('LACP marker: a Marker PDU is answered by a Marker Response on the same member (tshark dissects it); bad ones are counted by field', (t) => {
  const { e, A, B } = backToBack('balance-tcp');
  assert.ok(e.runUntil(() => enabled(A).length === 2 && enabled(B).length === 2, 5000));
  injectMarker(e, A, 'a2');
  e.runUntil(() => false, 20);
  const resp = nics.get('a2')!.lastMarker;
  assert.ok(resp, 'a Marker Response left by a2');
  assert.equal(nics.get('a1')!.lastMarker, undefined, 'and only by a2');
  assert.deepEqual(decodeMarker(resp.subarray(14)), { tlvType: 2, requesterPort: 7, requesterSystem: 0x02000000000b, transactionId: 0xdeadbeef });
  const la = A.lacpShow() as unknown as LacpView, lb = B.lacpShow() as unknown as LacpView;
  assert.equal(la.members[1]!.rxMarkers, 1);
  assert.equal(la.members[1]!.txMarkerResponses, 1);
  assert.equal(lb.members[1]!.rxMarkers, 1, 'B took the response in (and answers none: it sent no request)');
  assert.equal(lb.members[1]!.txMarkerResponses, 0);

  injectMarker(e, A, 'a1', (f) => { f[17] = 15; });
  injectMarker(e, A, 'a1', (f) => { f[16] = 3; });
  injectMarker(e, A, 'a1', (f) => { f[15] = 0; });
  injectMarker(e, A, 'a1', () => {}, 60);
  e.runUntil(() => false, 20);
  assert.deepEqual((A.lacpShow() as unknown as LacpView).members[0]!.errors, { truncated: 1, version: 1, marker_tlv_type: 1, marker_info_length: 1 });
  assert.equal(e.stats().apps.A!.drops.malformed, 4);
  assert.throws(() => decodeMarker(new Uint8Array([2, 1, 1, 15, ...new Uint8Array(106)])), /^LacpduParseError: marker: marker_info_length is 15, expected 16$/);
  assert.equal(e.balance().total.off, 0);
  e.stop();

  if (!need(t, '/usr/bin/tshark')) return;
  const dir = mkdtempSync(join(tmpdir(), 'sluice-marker-'));
  try {
    const file = join(dir, 'marker.pcap');
    writeFileSync(file, buildPcap({ records: [{ data: resp }] }));
    const fields = ['eth.dst', 'eth.src', 'slow.subtype', 'marker.version', 'marker.tlvType', 'marker.tlvLen', 'marker.requesterPort', 'marker.requesterSystem', 'marker.requesterTransId', 'marker.requesterPad'];
    const out = execFileSync('/usr/bin/tshark', ['-r', file, '-T', 'fields', ...fields.flatMap((f) => ['-e', f])], { encoding: 'utf8', timeout: 60_000 }).trim();
    console.log(`# tshark: ${out.replace(/\t/g, ' | ')}`);
    // TLV types and lengths: the Marker Response (2, 16), then the Terminator (0, 0).
    assert.deepEqual(out.split('\t'), ['01:80:c2:00:00:02', '02:00:00:00:00:0a', '0x02', '0x01', '0x02,0x00', '0x10,0x00', '7', '02:00:00:00:00:0b', '3735928559', '0']);
    const warnings = execFileSync('/usr/bin/tshark', ['-r', file, '-Y', 'marker.wrong_tlv_type || marker.wrong_tlv_length || marker.wrong_pad_value || _ws.malformed'], { encoding: 'utf8', timeout: 60_000 }).trim();
    assert.equal(warnings, '', 'tshark finds nothing wrong with the response');
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

test('load rebalance (OVS bond_rebalance): busy buckets move from the most to the least loaded member, loads halve', () => {
  // Member 0 sends 4 buckets of 200000 bytes, member 1 one of 10000. As OVS: the first bucket
  // of member 0 moves (800000/10000 → 600000/210000), then a second (→ 400000/410000); the
  // remaining gap (10000) is under 100000 bytes, so it stops there.
  const buckets = new Int32Array(256).map((_, b) => b % 2);
  const bytes = new Float64Array(256);
  for (const b of [10, 20, 30, 40]) bytes[b] = 200_000;
  bytes[11] = 10_000;
  assert.equal(rebalanceLoad(buckets, bytes, [0, 1]), 2);
  assert.deepEqual([buckets[10], buckets[20], buckets[30], buckets[40], buckets[11]], [1, 1, 0, 0, 1]);
  assert.deepEqual([bytes[10], bytes[30], bytes[11]], [100_000, 100_000, 5_000], 'loads halve after each run');
  // One loaded bucket on the busy member: moving it would only move the imbalance.
  const one = new Int32Array(256).fill(0);
  const oneBytes = new Float64Array(256);
  oneBytes[3] = 1_000_000;
  assert.equal(rebalanceLoad(one, oneBytes, [0, 1]), 0);
  // An imbalance under ~3% of the least loaded member's load is left alone.
  const near = new Int32Array(256).map((_, b) => b % 2);
  const nearBytes = new Float64Array(256);
  nearBytes[0] = nearBytes[2] = 5_100_000; nearBytes[1] = nearBytes[3] = 5_000_000;
  assert.equal(rebalanceLoad(near, nearBytes, [0, 1]), 0);
});

test('load rebalance runs every rebalance-interval (fake clock), not at all with 0, and `bond rebalance` runs it now', () => {
  const gen = { size: 64, flows: 1, count: 1 };
  const { e, A } = backToBack('balance-slb', ',rebalance-interval=1000', '', gen);
  const c = clock(e);
  c.step(20);
  assert.deepEqual(enabled(A), ['a1', 'a2']);
  const load = () => { A.bucketBytes.fill(0); for (const b of [10, 20, 30, 40]) { A.buckets[b] = 0; A.bucketBytes[b] = 200_000; } A.buckets[11] = 1; A.bucketBytes[11] = 10_000; };
  load();
  const next = show(A).nextRebalance!;
  assert.ok(next > 900 && next <= 1000, `next rebalance in ${next} ms`);
  c.step(next - 20);
  assert.equal(show(A).loadMoves, 0, 'not before the interval');
  c.step(40);
  let s = show(A);
  assert.equal(s.loadMoves, 2);
  assert.equal(s.rebalances, 1);
  const text = bondText(s);
  console.log(text.split('\n').map((l) => `# ${l}`).join('\n'));
  assert.match(text, /member a2: enabled[\s\S]*hash 10: 97 kB load\n {2}hash 11: 4 kB load\n {2}hash 20: 97 kB load/);
  assert.match(text, /next rebalance: \d+ ms/);
  load();
  assert.equal(A.rebalanceNow(), 2, 'bond rebalance: at once');
  s = show(A);
  assert.equal(s.rebalances, 2);
  e.stop();

  const off = backToBack('balance-slb', ',rebalance-interval=0', '', gen);
  const c2 = clock(off.e);
  c2.step(20);
  off.A.bucketBytes[10] = off.A.bucketBytes[20] = off.A.bucketBytes[30] = 200_000;
  c2.step(12_000);
  assert.equal(show(off.A).rebalances, 0);
  assert.equal(show(off.A).nextRebalance, null);
  off.e.stop();
});

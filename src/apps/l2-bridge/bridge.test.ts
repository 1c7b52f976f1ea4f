import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Engine } from '../../core/engine.js';
import type { GraphConfig } from '../../core/config.js';
import './index.js';
import { L2Bridge } from './bridge.js';
import { makePool, Inject, Capture, ethFrame, frameVlan } from './testkit.js';
import { DROP_BASE } from '../../core/counters.js';
import { DropReason } from '../../core/drop-reasons.js';

const A = '02:00:00:00:00:0a', B = '02:00:00:00:00:0b', C = '02:00:00:00:00:0c';
const BCAST = 'ff:ff:ff:ff:ff:ff';

function setup(ports: Record<string, object>, extra: object = {}) {
  const pool = makePool();
  const engine = new Engine(pool);
  const cfg: GraphConfig = { apps: { br: { type: 'l2-bridge', args: { ports, ...extra } } }, links: [] };
  for (const name of Object.keys(ports)) {
    cfg.apps[`in_${name}`] = { type: 'test-inject' };
    cfg.apps[`cap_${name}`] = { type: 'test-capture' };
    cfg.links.push(`in_${name}.output -> br.${name}`, `br.${name} -> cap_${name}.input`);
  }
  engine.configure(cfg);
  const br = engine.apps.get('br') as L2Bridge;
  const inj = (n: string) => engine.apps.get(`in_${n}`) as Inject;
  const cap = (n: string) => engine.apps.get(`cap_${n}`) as Capture;
  const run = () => { for (let i = 0; i < 3; i++) engine.breathe(performance.now()); };
  const drops = () => engine.stats().apps.br!.drops;
  return { pool, engine, br, inj, cap, run, drops };
}

test('unknown unicast floods to every other port, never back; learned replies go to one port', () => {
  const t = setup({ p0: {}, p1: {}, p2: {} });
  t.inj('p0').send(ethFrame(B, A));
  t.run();
  assert.equal(t.cap('p0').take().length, 0);
  assert.equal(t.cap('p1').take().length, 1);
  assert.equal(t.cap('p2').take().length, 1);
  // B answers A: A was learned on p0, so only p0 gets it.
  t.inj('p1').send(ethFrame(A, B));
  t.run();
  assert.equal(t.cap('p0').take().length, 1);
  assert.equal(t.cap('p2').take().length, 0);
  // Now both are known: A -> B goes to p1 only.
  t.inj('p0').send(ethFrame(B, A));
  t.run();
  assert.equal(t.cap('p1').take().length, 1);
  assert.equal(t.cap('p2').take().length, 0);
  const table = t.br.macTable().sort((x, y) => x.mac.localeCompare(y.mac));
  assert.deepEqual(table.map((e) => [e.mac, e.vlan, e.port]), [[A, 1, 'p0'], [B, 1, 'p1']]);
  const r = t.br.report() as { ports: Record<string, { rx: { packets: number }; tx: { packets: number } }>; flooded: number; unicast: number };
  assert.equal(r.ports.p0!.rx.packets, 2);
  assert.equal(r.ports.p1!.tx.packets, 2);
  assert.equal(r.ports.p2!.tx.packets, 1);
  assert.equal(r.flooded, 1);
  assert.equal(r.unicast, 2);
  assert.equal(t.pool.audit().doubleFree, 0);
});

test('broadcast and multicast flood; group source MACs are forwarded but not learned', () => {
  const t = setup({ p0: {}, p1: {}, p2: {} });
  t.inj('p0').send(ethFrame(BCAST, A), ethFrame('01:00:5e:00:00:01', A));
  t.run();
  assert.equal(t.cap('p1').take().length, 2);
  assert.equal(t.cap('p2').take().length, 2);
  t.inj('p1').send(ethFrame(A, '03:00:00:00:00:01'));
  t.run();
  assert.equal(t.cap('p0').take().length, 1);
  assert.equal(t.br.macTable().length, 1);
});

test('a frame to a MAC learned on its own ingress port is dropped as same_port', () => {
  const t = setup({ p0: {}, p1: {} });
  t.inj('p0').send(ethFrame(B, A), ethFrame(A, B));
  t.run();
  assert.equal(t.cap('p1').take().length, 1);
  assert.equal(t.cap('p0').take().length, 0);
  assert.equal(t.drops().same_port, 1);
});

test('a station that moves is relearned on the new port', () => {
  const t = setup({ p0: {}, p1: {}, p2: {} });
  t.inj('p0').send(ethFrame(BCAST, A));
  t.run();
  t.inj('p1').send(ethFrame(BCAST, A));
  t.run();
  t.cap('p0').take(); t.cap('p1').take(); t.cap('p2').take();
  t.inj('p2').send(ethFrame(A, C));
  t.run();
  assert.equal(t.cap('p1').take().length, 1);
  assert.equal(t.cap('p0').take().length, 0);
  assert.equal((t.br.report() as { macs: { moved: number } }).macs.moved, 1);
});

test('access VLANs are isolated', () => {
  const t = setup({ a10: { vlan: 10 }, b10: { vlan: 10 }, c20: { vlan: 20 } });
  t.inj('a10').send(ethFrame(BCAST, A));
  t.run();
  assert.equal(t.cap('b10').take().length, 1);
  assert.equal(t.cap('c20').take().length, 0);
  t.inj('c20').send(ethFrame(BCAST, B));
  t.run();
  assert.equal(t.cap('a10').take().length, 0);
  assert.equal(t.drops().no_destination, 1);
});

test('trunk ports push and pop 802.1Q tags; disallowed VLANs are refused', () => {
  const t = setup({ acc: { vlan: 10 }, tr: { trunk: [10, 30] }, tr2: { trunk: [20], native: 10 } });
  // Untagged from access VLAN 10 -> tagged 10 on the trunk, untagged on tr2 (native 10).
  t.inj('acc').send(ethFrame(BCAST, A, { payload: new Uint8Array([1, 2, 3, 4]) }));
  t.run();
  const onTrunk = t.cap('tr').take();
  assert.equal(onTrunk.length, 1);
  assert.equal(frameVlan(onTrunk[0]!), 10);
  assert.equal(onTrunk[0]!.length, 64);
  assert.deepEqual([...onTrunk[0]!.subarray(16, 22)], [0x88, 0xb5, 1, 2, 3, 4]);
  const onNative = t.cap('tr2').take();
  assert.equal(onNative.length, 1);
  assert.equal(frameVlan(onNative[0]!), -1);
  // Tagged 10 from the trunk to A (learned on acc) -> untagged on acc, payload intact.
  t.inj('tr').send(ethFrame(A, B, { vlan: 10, payload: new Uint8Array([9, 8, 7]) }));
  t.run();
  const onAcc = t.cap('acc').take();
  assert.equal(onAcc.length, 1);
  assert.equal(frameVlan(onAcc[0]!), -1);
  assert.equal(onAcc[0]!.length, 56); // no re-padding: the port (NIC, kernel) pads short frames
  assert.deepEqual([...onAcc[0]!.subarray(0, 17)], [...ethFrame(A, B).subarray(0, 14), 9, 8, 7]);
  // VLAN 20 is not allowed on tr; tagged frames on an access port are refused; VLAN 30 has no other member.
  t.inj('tr').send(ethFrame(BCAST, B, { vlan: 20 }), ethFrame(BCAST, B, { vlan: 30 }));
  t.inj('acc').send(ethFrame(BCAST, A, { vlan: 10 }));
  t.run();
  assert.equal(t.drops().vlan_mismatch, 2);
  assert.equal(t.drops().no_destination, 1);
  // Untagged on a trunk without native is refused; with native it joins the native VLAN.
  t.inj('tr').send(ethFrame(BCAST, C));
  t.inj('tr2').send(ethFrame(BCAST, C));
  t.run();
  assert.equal(t.drops().vlan_mismatch, 3);
  assert.equal(frameVlan(t.cap('tr').take()[0]!), 10);
  assert.equal(t.cap('acc').take().length, 1);
});

test('trunk to trunk keeps the tag; tagged flood clones are independent', () => {
  const t = setup({ t1: { trunk: [5] }, t2: { trunk: [5] }, acc: { vlan: 5 } });
  t.inj('t1').send(ethFrame(BCAST, A, { vlan: 5 }));
  t.run();
  assert.equal(frameVlan(t.cap('t2').take()[0]!), 5);
  assert.equal(frameVlan(t.cap('acc').take()[0]!), -1);
});

test('entries age out after agingSec', () => {
  const t = setup({ p0: {}, p1: {} }, { agingSec: 2, maxMacs: 64 });
  t.inj('p0').send(ethFrame(BCAST, A), ethFrame(BCAST, B));
  t.run();
  assert.equal(t.br.macTable().length, 2);
  const now = performance.now();
  for (let i = 0; i < 8; i++) t.br.tick(now + 1000); // younger than 2 s: kept
  assert.equal(t.br.macTable().length, 2);
  for (let i = 0; i < 8; i++) t.br.tick(now + 3000);
  assert.equal(t.br.macTable().length, 0);
  assert.equal((t.br.report() as { macs: { aged: number } }).macs.aged, 2);
});

test('the MAC table size limit holds, evicting (counted) to learn; unknown destinations still flood', () => {
  const t = setup({ p0: {}, p1: {} }, { maxMacs: 4 });
  for (let i = 0; i < 10; i++) t.inj('p0').send(ethFrame(BCAST, `02:00:00:00:01:${i.toString(16).padStart(2, '0')}`));
  t.run();
  assert.equal(t.br.macTable().length, 4);
  assert.equal(t.cap('p1').take().length, 10);
  const m = (t.br.report() as { macs: { size: number; tableFull: number; evicted: number } }).macs;
  assert.equal(m.size, 4);
  assert.equal(m.evicted, 6);
  assert.equal(m.tableFull, 0);
  assert.equal(t.br.flushMacs('p0'), 4);
  assert.throws(() => t.br.flushMacs('nope'), /unknown port "nope"/);
});

test('truncated frames are dropped as malformed, not forwarded', () => {
  const t = setup({ p0: {}, p1: {} });
  t.inj('p0').send(new Uint8Array(10), ethFrame(BCAST, A, { vlan: 1 }).subarray(0, 16));
  t.run();
  assert.equal(t.drops().malformed, 2);
  assert.equal(t.cap('p1').take().length, 0);
  assert.equal(t.pool.audit().doubleFree, 0);
});

test('several bridges in one engine keep separate tables', () => {
  const pool = makePool();
  const engine = new Engine(pool);
  engine.configure({
    apps: {
      br1: { type: 'l2-bridge', args: { ports: { a: {}, b: {} } } },
      br2: { type: 'l2-bridge', args: { ports: { a: {}, b: {} } } },
      i1: { type: 'test-inject' }, i2: { type: 'test-inject' },
      c1: { type: 'test-capture' }, c2: { type: 'test-capture' },
    },
    links: ['i1.output -> br1.a', 'br1.b -> c1.input', 'i2.output -> br2.a', 'br2.b -> c2.input'],
  });
  (engine.apps.get('i1') as Inject).send(ethFrame(BCAST, A));
  for (let i = 0; i < 3; i++) engine.breathe(performance.now());
  assert.equal((engine.apps.get('c1') as Capture).frames.length, 1);
  assert.equal((engine.apps.get('c2') as Capture).frames.length, 0);
  assert.equal((engine.apps.get('br1') as L2Bridge).macTable().length, 1);
  assert.equal((engine.apps.get('br2') as L2Bridge).macTable().length, 0);
});

test('bad port configs are refused naming the field', () => {
  const engine = new Engine(makePool(64));
  const bad = (ports: unknown, re: RegExp) =>
    assert.throws(() => engine.configure({ apps: { br: { type: 'l2-bridge', args: { ports } } }, links: [] }), re);
  bad({ p0: { vlan: 10, trunk: [20] } }, /ports\.p0: give vlan \(access\) or trunk, not both/);
  bad({ p0: { native: 10 } }, /ports\.p0\.native: only a trunk port/);
  bad({ p0: { vlan: 5000 } }, /args\.ports\.p0\.vlan must be <= 4094/);
  bad({ p0: { trunk: [] } }, /args\.ports\.p0\.trunk must NOT have fewer than 1 items/);
  bad({}, /args\.ports must NOT have fewer than 1 properties/);
  bad({ p0: { speed: 10 } }, /must NOT have additional properties/);
  assert.throws(() => new L2Bridge({ name: 'x', pool: makePool(64) }, { ports: { p0: { trunk: [1, 4095] } } }), /ports\.p0\.trunk\[1\] must be a VLAN id/);
});

test('super-frames: flooded (cloned into super buffers) and tagged/untagged with their checksum offset moved; never onto a link that cannot carry them', async () => {
  const { buildSuperFrame } = await import('../../lib/offload/testkit.js');
  const { Link } = await import('../../core/link.js');
  const pool = makePool();
  const br = new L2Bridge({ name: 'br', pool }, { ports: { p0: { vlan: 10 }, p1: { trunk: [10] }, p2: { vlan: 10 } } });
  const links: Record<string, InstanceType<typeof Link>> = {};
  for (const n of ['p0', 'p1', 'p2']) {
    br.input[n] = new Link(`x.o -> br.${n}`, pool);
    br.output[n] = links[n] = new Link(`br.${n} -> x.i`, pool);
    links[n]!.superFrames = true;
  }
  br.linked();
  const { vnet, frame } = buildSuperFrame({ payLen: 30000, mss: 1448, dstMac: [0xffff, 0xffffffff] });
  const inject = (port: string, bytes: Uint8Array, csumStart: number): number => {
    const p = pool.allocSuper();
    pool.data.set(bytes, pool.start(p));
    pool.len[p] = bytes.length;
    pool.gsoType[p] = vnet[1]!; pool.gsoSize[p] = 1448; pool.csumStart[p] = csumStart; pool.csumOffset[p] = 16;
    br.input[port]!.transmit(p);
    br.push();
    return p;
  };
  inject('p0', frame, 34);
  const t = links.p1!.receive(), u = links.p2!.receive();
  assert.ok(t >= pool.count && u >= pool.count && t !== u, 'two super buffers: the original and a clone');
  assert.equal(pool.len[t], frame.length + 4, 'tagged towards the trunk');
  assert.deepEqual([pool.csumStart[t], pool.csumStart[u]], [38, 34], 'the checksum offset follows the L4 header');
  assert.deepEqual([pool.gsoType[u], pool.gsoSize[u]], [vnet[1], 1448]);
  // Back from the trunk, tagged: the tag is popped and the offset moves back.
  const tagged = pool.data.slice(pool.start(t), pool.start(t) + pool.len[t]!);
  pool.free(t); pool.free(u);
  links.p2!.superFrames = false; // p2 now leads somewhere that cannot take super-frames
  inject('p1', tagged, 38);
  const back = links.p0!.receive();
  assert.deepEqual(pool.data.slice(pool.start(back), pool.start(back) + pool.len[back]!), frame, 'untagged again');
  assert.equal(pool.csumStart[back], 34);
  assert.ok(links.p2!.empty(), 'nothing onto a link that cannot carry it');
  assert.equal(br.counters[DROP_BASE + DropReason.TOO_BIG], 1, 'dropped there, counted');
  pool.free(back);
  assert.equal(pool.audit().inUse, 0);
});

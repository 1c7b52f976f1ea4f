// Exact accounting: random graphs of the real apps (bridge, router, flow table, VXLAN,
// generator, sink) fed random frames from a small pool, reconfigured at random between
// breaths; after every breath every app's packets and the engine's add up, and at the end
// every buffer is back in the pool.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Engine } from './engine.js';
import type { GraphConfig } from './config.js';
import '../apps/index.js';
import { makePool, type Inject } from '../apps/l2-bridge/testkit.js';
import { buildArp, buildEthernet, buildIcmpEcho, buildIpv4, buildUdpPacket, macHi16, macLo32, parseIpv4, parseMac } from '../lib/proto/index.js';

const R0 = '02:00:00:00:01:00', R1 = '02:00:00:00:01:01';
const HOSTS = ['02:00:00:00:00:a0', '02:00:00:00:00:a1', '02:00:00:00:00:a2', 'ff:ff:ff:ff:ff:ff', R0, R1];
const IPS = ['10.0.0.1', '10.0.0.2', '10.0.0.9', '10.0.1.1', '10.0.1.7', '10.9.9.9', '192.0.2.1'];

/** One frame from a small vocabulary: UDP (unicast, broadcast, to the router), ARP, ICMP echo, junk. */
const frameArb = fc.record({
  kind: fc.constantFrom('udp', 'arp-req', 'arp-rep', 'echo', 'short', 'vlan'),
  dst: fc.constantFrom(...HOSTS), src: fc.constantFrom(...HOSTS.slice(0, 3)),
  ip: fc.constantFrom(...IPS), ttl: fc.constantFrom(1, 2, 64), size: fc.integer({ min: 60, max: 1500 }),
}).map((f): Uint8Array => {
  const d = parseMac(f.dst), s = parseMac(f.src);
  switch (f.kind) {
    case 'udp': return buildUdpPacket({ srcMac: f.src, dstMac: f.dst, srcIp: '10.0.0.2', dstIp: f.ip, srcPort: 1000, dstPort: 53, size: f.size, ttl: f.ttl });
    case 'vlan': return buildUdpPacket({ srcMac: f.src, dstMac: f.dst, srcIp: '10.0.0.2', dstIp: f.ip, srcPort: 1001, dstPort: 53, size: f.size, vlan: 10 });
    case 'echo': {
      const b = new Uint8Array(14 + 20 + 8 + 56);
      buildEthernet(b, 0, macHi16(d), macLo32(d), macHi16(s), macLo32(s), 0x0800);
      buildIpv4(b, 14, parseIpv4('10.0.0.2'), parseIpv4(f.ip), 1, 8 + 56, f.ttl, 0, 0, 0);
      buildIcmpEcho(b, 34, 8, 1, 1, 56);
      return b;
    }
    case 'short': return Uint8Array.from({ length: 20 }, (_, i) => i);
    default: {
      const b = new Uint8Array(60);
      buildEthernet(b, 0, macHi16(d), macLo32(d), macHi16(s), macLo32(s), 0x0806);
      buildArp(b, 14, f.kind === 'arp-req' ? 1 : 2, macHi16(s), macLo32(s), parseIpv4('10.0.0.2'), 0, 0, parseIpv4(f.ip));
      return b;
    }
  }
});

/** Three ports (inject/capture pairs) around a bridge, a router and a flow table, plus a generator. */
function graph(variant: number): GraphConfig {
  const apps: GraphConfig['apps'] = {
    br: { type: 'l2-bridge', args: { ports: { h0: {}, h1: { vlan: 10 }, up: { trunk: [1, 10] }, r: {} }, maxMacs: 4 } },
    r: { type: 'l3-router', args: { interfaces: { eth0: { mac: R0, ipv4: '10.0.0.1/24' }, eth1: { mac: R1, ipv4: '10.0.1.1/24' } }, routes: [{ prefix: '10.9.0.0/16', via: '10.0.1.7' }] } },
    ft: { type: 'flow-table', args: { ports: ['r', 'x', 'y'], flows: ['priority=10,udp,actions=output:x,output:y', 'priority=5,arp,actions=flood', 'priority=1,actions=drop'] } },
    i0: { type: 'test-inject' }, i1: { type: 'test-inject' }, i2: { type: 'test-inject' },
    c0: { type: 'test-capture' }, c1: { type: 'test-capture' }, c2: { type: 'test-capture' },
    gen: { type: 'gen', args: { size: 64, flows: 3, count: 200, dstMac: 'ff:ff:ff:ff:ff:ff' } },
    x: { type: 'sink', args: { verify: false } }, y: { type: 'null' },
  };
  const links = [
    'i0.output -> br.h0', 'br.h0 -> c0.input', 'i1.output -> br.h1', 'br.h1 -> c1.input',
    'gen.output -> br.up', 'br.up -> x.input',
    'br.r -> r.eth0', 'r.eth0 -> br.r',
    'r.eth1 -> ft.r', 'ft.r -> r.eth1', 'i2.output -> ft.y', 'ft.x -> c2.input', 'ft.y -> y.input',
  ];
  // Variants drop a link or an app, so reconfiguring between them tears links down mid-stream.
  if (variant === 1) return { apps, links: links.filter((l) => !l.startsWith('r.eth1')) };
  if (variant === 2) { const { ft: _ft, ...rest } = apps; return { apps: rest, links: links.filter((l) => !l.includes('ft.')) }; }
  return { apps, links };
}

test('every app and the engine add up after every breath, through floods, replies, holds and reconfigurations', () => {
  fc.assert(fc.property(
    fc.integer({ min: 64, max: 400 }),
    fc.array(fc.record({ port: fc.constantFrom('i0', 'i1', 'i2'), frames: fc.array(frameArb, { maxLength: 40 }), variant: fc.constantFrom(0, 0, 1, 2), breaths: fc.integer({ min: 1, max: 6 }) }), { minLength: 1, maxLength: 12 }),
    (poolSize, steps) => {
      const pool = makePool(poolSize);
      const engine = new Engine(pool, { checkAccounting: true });
      engine.configure(graph(0));
      let now = 0;
      for (const s of steps) {
        engine.configure(graph(s.variant));
        (engine.apps.get(s.port) as Inject | undefined)?.send(...s.frames);
        for (let b = 0; b < s.breaths; b++) {
          try { engine.breathe(now += 7); } catch (e) { if (process.env.DEBUG_ACCOUNTING) console.log((e as Error).message); throw e; } // throws when anything does not add up
        }
      }
      const b = engine.balance();
      assert.equal(b.total.off, 0);
      engine.stop();
      const end = engine.balance();
      assert.equal(end.total.off, 0, 'after stop, with every app retired');
      assert.equal(end.total.held, 0);
      assert.equal(pool.audit().inUse, 0, 'every buffer is back in the pool');
    },
  ), { numRuns: Number(process.env.ACCOUNTING_RUNS ?? 60) });
});

test('an app that frees a packet without counting it is caught, named and located', () => {
  const pool = makePool(64);
  const engine = new Engine(pool, { checkAccounting: false });
  engine.configure(graph(0));
  engine.breathe(1);
  engine.assertBalanced();
  const p = pool.alloc();
  pool.len[p] = 60;
  engine.apps.get('i0')!.output.output!.transmit(p); // behind the port's back: its rx is not counted
  engine.breathe(2);
  assert.throws(() => engine.assertBalanced(), /accounting: packets do not add up after breath 2: .*DOES NOT ADD UP: off by -1 \(in i0\); i0: in 0 .* = out 1 /);
  engine.stop();
  assert.equal(pool.audit().inUse, 0);
});

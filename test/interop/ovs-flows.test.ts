/**
 * Flow tables against Open vSwitch itself (dummy datapath, ../shared/ORACLES.md):
 *  - the same random rules in OVS and a Sluice flow-table; a few hundred generated packets
 *    (VLAN tagged and untagged, output to the in_port, fragments, ARP, IPv6, resubmit,
 *    goto_table, normal) traced by `ofproto/trace` and by Sluice's trace must leave by the
 *    same ports with the same rewritten headers; a sample is then sent through Sluice as real
 *    frames and must leave by the traced ports (bench/ovs-differential.bench.ts runs 10,000);
 *  - add/mod/del sequences, strict and not, compared by dump-flows after every step;
 *  - every flow line of the corpus is accepted or refused by both `ovs-ofctl parse-flow` and
 *    Sluice's parser.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FlowTable } from '../../src/apps/flow-table/flow-table.js';
import { parseFlow } from '../../src/apps/flow-table/flow-parser.js';
import { stateLine } from '../../src/apps/flow-table/flow-mod.js';
import { haveOvs, Ovs, ovsAccepts } from '../support/ovs.js';
import { genPacket, rng, type GenPacket } from '../support/flow-gen.js';
import { NAMES, PORTS, compareOne, frameOf, genRules, sluice } from '../support/ovs-diff.js';

function skipUnlessOvs(t: { skip(m: string): void }): boolean {
  const why = haveOvs();
  if (why === null) return false;
  if (process.env.CI === 'true') throw new Error(why);
  t.skip(why);
  return true;
}


test('traces of generated packets: same output ports and rewritten headers as OVS; real frames leave by the traced ports', { timeout: 300_000 }, async (t) => {
  if (skipUnlessOvs(t)) return;
  const ovs = new Ovs(PORTS);
  t.after(() => ovs.stop());
  const rules = genRules(14, 40, 15);
  ovs.addFlows(rules);
  const s = sluice();
  for (const l of rules) s.ft.addFlow(l);
  const r = rng(1414);
  const bad: string[] = [];
  const packets: GenPacket[] = [];
  for (let i = 0; i < 400; i++) packets.push(genPacket(r, PORTS));
  for (const p of packets) { const d = await compareOne(ovs, s.ft, p); if (d) bad.push(d); }
  assert.equal(bad.length, 0, `${bad.length} of ${packets.length} differ:\n${bad.slice(0, 10).join('\n')}`);
  // A sample as real frames: they leave by the ports the trace named. `normal` learns the
  // frame's own source before it looks the destination up, which a trace (OVS's too) does
  // not do; so the MAC table starts empty for each frame, and a frame whose path reaches
  // `normal` with its own source as destination must match the trace taken once it taught
  // the table (then the only entry).
  let sent = 0, selfTaught = 0;
  for (const p of packets.slice(0, 150)) {
    s.ft.macs.flush();
    const ports = () => s.ft.trace(p.flow).outputs.map((o) => o.name).sort();
    const want = ports();
    s.inj(`p${p.inPort}`).send(frameOf(p));
    for (let i = 0; i < 3; i++) s.engine.breathe(performance.now());
    const got: string[] = [];
    for (const n of NAMES) for (let k = s.cap(n).take().length; k > 0; k--) got.push(n);
    got.sort();
    if (JSON.stringify(got) !== JSON.stringify(want)) {
      assert.deepEqual(got, ports(), `real frame of ${p.flow}: ${s.ft.trace(p.flow).actions}`);
      assert.ok(s.ft.macs.size <= 1);
      selfTaught++;
    }
    sent++;
  }
  assert.ok(selfTaught < 15, `${selfTaught} frames differ from their trace only by what they taught normal`);
  assert.equal(sent, 150);
});

/** dump-flows of both, as canonical lines (OVS's lines parsed by Sluice's parser). */
function dumps(ovs: Ovs, ft: FlowTable): { ovs: string[]; sluice: string[] } {
  const canon = (l: string) => stateLine(parseFlow(l, NAMES));
  return { ovs: ovs.dumpFlows().map(canon).sort(), sluice: ft.dumpFlows().map(canon).sort() };
}

test('add/mod/del sequences, strict and non-strict: dump-flows agrees with OVS after every step', { timeout: 120_000 }, async (t) => {
  if (skipUnlessOvs(t)) return;
  const ovs = new Ovs(PORTS);
  t.after(() => ovs.stop());
  const s = sluice();
  const steps: [string, string, boolean][] = [
    ['add', 'priority=10,in_port=1,actions=output:2', false],
    ['add', 'priority=9,in_port=1,ip,actions=output:3', false],
    ['add', 'priority=8,ip,nw_dst=10.0.0.0/24,actions=output:4', false],
    ['add', 'table=1,priority=5,tcp,tp_dst=80,actions=mod_nw_dst:10.0.0.9,output:2', false],
    ['add', 'cookie=0x7,priority=7,arp,arp_tpa=10.0.0.2,actions=flood', false],
    ['add', 'priority=10,in_port=1,actions=output:3', false], // same match+priority: replaces
    ['mod', 'in_port=1,actions=output:4', false], // non-strict: both in_port=1 flows
    ['mod', 'priority=8,ip,nw_dst=10.0.0.0/24,actions=drop', true],
    ['mod', 'in_port=3,actions=output:1', false], // matches nothing: adds (OpenFlow 1.0)
    ['mod', 'priority=99,in_port=2,actions=output:1', true], // strict, nothing: adds
    ['mod', 'cookie=0x7/-1,arp,actions=output:1', false],
    ['del', 'in_port=1,ip', false], // covers only the ip flow, not the in_port=1 one
    ['add', 'priority=3,ipv6,ipv6_dst=2001:db8::/32,actions=normal', false],
    ['add', 'table=1,priority=4,udp,udp_dst=53,actions=set_field:5353->udp_dst,in_port', false],
    ['del', 'priority=10,in_port=1', true],
    ['del', 'table=1', false],
    ['add', 'idle_timeout=60,hard_timeout=120,priority=6,icmp,icmp_type=8,actions=output:2', false],
    ['mod', 'icmp,actions=output:3', false],
    ['del', 'out_port=1', false],
    ['del', '', false],
  ];
  for (const [op, flow, strict] of steps) {
    const args = [...(strict ? ['--strict'] : []), op === 'add' ? 'add-flow' : op === 'mod' ? 'mod-flows' : 'del-flows', flow];
    ovs.ofctl(...args);
    if (op === 'add') s.ft.addFlow(flow); else if (op === 'mod') s.ft.modFlows(flow, strict); else s.ft.delFlows(flow, strict);
    const d = dumps(ovs, s.ft);
    assert.deepEqual(d.sluice, d.ovs, `after ${args.join(' ')}`);
  }
});

test('counters: add-flow replacing a flow resets its counters, other flows keep theirs, mod keeps them (as OVS)', { timeout: 60_000 }, async (t) => {
  if (skipUnlessOvs(t)) return;
  const ovs = new Ovs(PORTS);
  t.after(() => ovs.stop());
  const s = sluice();
  const flows = ['priority=10,in_port=1,actions=output:2', 'priority=9,in_port=2,actions=output:1'];
  ovs.addFlows(flows);
  for (const f of flows) s.ft.addFlow(f);
  const pkt = (port: number) => `in_port(${port}),eth(src=02:00:00:00:00:01,dst=02:00:00:00:00:02),eth_type(0x0800),ipv4(src=1.1.1.1,dst=2.2.2.2,proto=17,tos=0,ttl=64,frag=no),udp(src=1,dst=2)`;
  const p: GenPacket = genPacket(rng(3), PORTS);
  for (const port of [1, 2, 2]) {
    await ovs.appctl('netdev-dummy/receive', [`p${port}`, pkt(port)]);
    s.inj(`p${port}`).send(frameOf({ ...p, inPort: port, kind: 'udp', vlan: -1, frag: 'no', nwSrc: '1.1.1.1', nwDst: '2.2.2.2' }));
    for (let i = 0; i < 3; i++) s.engine.breathe(performance.now());
  }
  const counts = async () => {
    await ovs.appctl('revalidator/wait', []); // OVS pulls datapath counters into its flows here
    const get = (lines: string[]) => lines.map((l) => [/in_port=(\w+)/.exec(l)![1], /n_packets=(\d+)/.exec(l)![1], /actions=(\S+)/.exec(l)![1]].join(' ')).sort();
    return { ovs: get(ovs.dumpFlows()), sluice: get(s.ft.dumpFlows()) };
  };
  let c = await counts();
  assert.deepEqual(c.ovs, ['1 1 output:2', '2 2 output:1']);
  assert.deepEqual(c.sluice, c.ovs);
  for (const [op, f] of [['add', 'priority=10,in_port=1,actions=output:3'], ['mod', 'in_port=2,actions=output:4']] as const) {
    ovs.ofctl(op === 'add' ? 'add-flow' : 'mod-flows', f);
    if (op === 'add') s.ft.addFlow(f); else s.ft.modFlows(f);
    c = await counts();
    assert.deepEqual(c.sluice, c.ovs, `after ${op} ${f}`);
  }
  assert.deepEqual(c.sluice, ['1 0 output:3', '2 2 output:4']);
});

const CORPUS = [
  'priority=10,in_port=1,actions=output:2', 'udp,tp_src=80,actions=drop', 'arp,nw_src=1.2.3.4,actions=drop', 'arp,nw_proto=1,actions=drop',
  'ip,nw_tos=4,actions=drop', 'tcp6,tp_dst=80,actions=drop', 'icmp,icmp_type=8,icmp_code=0,actions=drop', 'icmp6,icmp_type=128,actions=drop',
  'ip,ip_frag=later,actions=drop', 'ip,nw_frag=first,actions=drop', 'dl_type=0x800,tp_dst=5,actions=drop', 'nw_proto=6,actions=drop',
  'table=2,actions=goto_table:1', 'actions=output:1,goto_table:2,output:3', 'actions=resubmit(,1),resubmit:2,resubmit(3,4)',
  'priority=1 actions=drop,output:1', 'in_port=LOCAL,actions=LOCAL', 'tcp,actions=set_field:5->tcp_src,set_field:1.1.1.1->ip_src,set_field:00:00:00:00:00:01->eth_src',
  'udp,actions=set_field:5->tcp_src', 'actions=mod_nw_src:1.2.3.4', 'ip,dl_vlan=0xffff,actions=drop', 'vlan_tci=0x1000/0x1000,actions=drop',
  'dl_vlan_pcp=3,actions=drop', 'duration=1.2s,n_packets=5,n_bytes=10,idle_age=3,priority=3 actions=drop', 'cookie=0x5/0xff,actions=drop',
  'ip,actions=mod_tp_src:5', 'ipv6,ipv6_src=2001:db8::/64,actions=drop', 'ipv6,ipv6_src=2001:db8::/ffff::,actions=drop',
  'ip,nw_src=1.2.3.4/255.0.255.0,actions=drop', 'udp,udp_dst=5/0xf0,actions=drop', 'dl_dst=01:00:00:00:00:00/01:00:00:00:00:00,actions=drop',
  'actions=drop,drop', 'actions=', 'in_port=1', 'ip,actions=dec_ttl', 'actions=strip_vlan,mod_vlan_vid:5,mod_vlan_pcp:3',
  'ip,ip_dscp=10,nw_ttl=5,actions=drop', 'arp,arp_op=2,arp_spa=1.1.1.1,arp_tpa=2.2.2.0/24,actions=drop', 'priority=65536,actions=drop',
  'ip,nw_src=1.2.3,actions=drop', 'actions=all,flood,normal,in_port', 'ipv6,nw_src=1.2.3.4,actions=drop', 'foo=1,actions=drop',
  'dl_src=zz:00:00:00:00:01,actions=drop', 'actions=frobnicate', 'idle_timeout=10,hard_timeout=20,actions=output:2',
  'ip,nw_dst=10.0.0.0/33,actions=drop', 'in_port=1,in_port=2,actions=drop', 'eth_type=0x86dd,ipv6_dst=::1,actions=drop',
  'tcp,tcp_flags=+syn,actions=drop', 'tcp,nw_frag=later,actions=set_field:443->tcp_dst', 'tcp,nw_frag=yes,actions=set_field:443->tcp_dst', 'actions=output:1,set_field:5->vlan_vid', 'table=0,actions=goto_table:1', 'actions=controller',
];

/** Lines OVS takes that Sluice refuses on purpose (listed in the issue's closing note). */
const REFUSED: Record<string, string> = {
  'in_port=1,in_port=2,actions=drop': 'a field given twice: OVS keeps the last silently, Sluice names the repeated field',
  'tcp,tcp_flags=+syn,actions=drop': 'tcp_flags matching is not implemented',
  'actions=controller': 'Sluice has no OpenFlow controller connection',
};

test('ovs-ofctl parse-flow and Sluice accept and refuse the same flow lines', { timeout: 120_000 }, (t) => {
  if (skipUnlessOvs(t)) return;
  const ovs = new Ovs(PORTS);
  t.after(() => ovs.stop());
  const lines = [...CORPUS, ...genRules(7, 60, 20, true), ...genRules(99, 200, 60, true).filter((l) => /nw_frag=later/.test(l))];
  const bad: string[] = [];
  for (const l of lines) {
    const o = ovsAccepts(l, ovs);
    let ours = true, why = '';
    try { parseFlow(l, NAMES); } catch (e) { ours = false; why = (e as Error).message; }
    if (o.ok && !ours && REFUSED[l] !== undefined) continue;
    if (o.ok !== ours) bad.push(`${l}\n  OVS: ${o.ok ? 'accepts' : `refuses (${o.why})`}\n  Sluice: ${ours ? 'accepts' : `refuses (${why})`}`);
  }
  assert.equal(bad.length, 0, `${bad.length} of ${lines.length} lines differ:\n${bad.join('\n')}`);
});

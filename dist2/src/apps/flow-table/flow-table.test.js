import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Engine } from '../../core/engine.js';
import '../basic/index.js';
import './index.js';
import { FlowSyntaxError } from './flow-parser.js';
import { makePool, ethFrame, frameVlan } from '../l2-bridge/testkit.js';
import { buildUdpPacket, parsePacket, ParsedHeaders, ipv4ChecksumOk, udpChecksumOkV4, rd32, parseIpv4 } from '../../lib/proto/index.js';
const PORTS = ['p0', 'p1', 'p2', 'p3'];
function setup(flows) {
    const pool = makePool();
    const engine = new Engine(pool);
    const cfg = { apps: { ft: { type: 'flow-table', args: { ports: PORTS, flows } } }, links: [] };
    for (const n of PORTS) {
        cfg.apps[`in_${n}`] = { type: 'test-inject' };
        cfg.apps[`cap_${n}`] = { type: 'test-capture' };
        cfg.links.push(`in_${n}.output -> ft.${n}`, `ft.${n} -> cap_${n}.input`);
    }
    engine.configure(cfg);
    const ft = engine.apps.get('ft');
    return {
        pool, engine, ft,
        inj: (n) => engine.apps.get(`in_${n}`),
        cap: (n) => engine.apps.get(`cap_${n}`),
        run: () => { for (let i = 0; i < 3; i++)
            engine.breathe(performance.now()); },
        drops: () => engine.stats().apps.ft.drops,
    };
}
const udp = (o = {}) => buildUdpPacket({
    srcMac: '02:00:00:00:00:01', dstMac: o.dmac ?? '02:00:00:00:00:02', srcIp: o.src ?? '10.0.0.1', dstIp: o.dst ?? '10.1.2.3',
    srcPort: o.sport ?? 1000, dstPort: o.dport ?? 2000, size: 80, ttl: o.ttl ?? 64, ...(o.vlan !== undefined ? { vlan: o.vlan } : {}),
});
test('in_port / priority / prefix / port matches pick the right rule and count it', () => {
    const t = setup([
        'priority=10,in_port=p0,actions=output:p1',
        'priority=20,in_port=p0,udp,nw_dst=10.9.0.0/16,actions=output:p2',
        'priority=30,in_port=p0,udp,nw_dst=10.9.0.0/16,tp_dst=53,actions=output:p3',
    ]);
    t.inj('p0').send(udp(), udp({ dst: '10.9.1.1' }), udp({ dst: '10.9.1.1', dport: 53 }), udp({ dst: '10.9.1.1', dport: 53 }));
    t.run();
    assert.equal(t.cap('p1').take().length, 1);
    assert.equal(t.cap('p2').take().length, 1);
    assert.equal(t.cap('p3').take().length, 2);
    const dump = t.ft.dumpFlows();
    assert.equal(dump.length, 3);
    assert.match(dump[0], /table=0, n_packets=2, n_bytes=160, priority=30,udp,in_port=1,nw_dst=10\.9\.0\.0\/16,tp_dst=53 actions=output:4$/);
    assert.match(dump[2], /n_packets=1, n_bytes=80, priority=10,in_port=1 actions=output:2$/);
    assert.match(t.ft.dumpFlows('', true)[0], /priority=30,udp,in_port=p0,nw_dst=10\.9\.0\.0\/16,tp_dst=53 actions=output:p3$/);
    // Unmatched in_port: table miss -> dropped as filtered.
    t.inj('p1').send(udp());
    t.run();
    assert.equal(t.drops().filtered, 1);
    assert.equal(t.ft.report().tableMisses, 1);
});
test('VLAN, MAC, IP and TTL actions rewrite the frame with valid checksums', () => {
    const t = setup([
        'in_port=p0,actions=mod_vlan_vid:42,output:p1',
        'in_port=p1,dl_vlan=7,actions=strip_vlan,mod_dl_src:02:aa:00:00:00:01,mod_dl_dst:02:bb:00:00:00:02,output:p2',
        'in_port=p2,udp,actions=mod_nw_src:192.168.0.1,mod_nw_dst:172.16.5.5,dec_ttl,output:p3',
        'in_port=p3,ip,actions=mod_nw_ttl:9,output:p0',
    ]);
    const ph = new ParsedHeaders();
    t.inj('p0').send(udp());
    t.inj('p1').send(udp({ vlan: 7 }));
    t.inj('p2').send(udp());
    t.inj('p3').send(udp());
    t.run();
    const tagged = t.cap('p1').take()[0];
    assert.equal(frameVlan(tagged), 42);
    assert.equal(tagged.length, 84);
    const stripped = t.cap('p2').take()[0];
    assert.equal(frameVlan(stripped), -1);
    assert.deepEqual([...stripped.subarray(0, 12)], [2, 0xbb, 0, 0, 0, 2, 2, 0xaa, 0, 0, 0, 1]);
    const natted = t.cap('p3').take()[0];
    assert.equal(parsePacket(natted, 0, natted.length, ph), 0);
    assert.equal(rd32(natted, ph.l3Off + 12), parseIpv4('192.168.0.1'));
    assert.equal(rd32(natted, ph.l3Off + 16), parseIpv4('172.16.5.5'));
    assert.equal(ph.ipTtl, 63);
    assert.ok(ipv4ChecksumOk(natted, ph.l3Off));
    assert.ok(udpChecksumOkV4(natted, ph.l3Off, ph.l4Off));
    assert.notEqual(natted[ph.l4Off + 6] | natted[ph.l4Off + 7], 0); // checksum still present, and right
    const ttl = t.cap('p0').take()[0];
    assert.equal(parsePacket(ttl, 0, ttl.length, ph), 0);
    assert.equal(ph.ipTtl, 9);
    assert.ok(ipv4ChecksumOk(ttl, ph.l3Off));
});
test('mod_nw_dst keeps a nonzero UDP checksum valid (gen frames carry checksum 0 -> left at 0)', () => {
    const t = setup(['udp,actions=mod_nw_dst:1.2.3.4,output:p1']);
    const f = buildUdpPacket({ srcMac: 2, dstMac: 3, srcIp: '10.0.0.1', dstIp: '10.0.0.2', srcPort: 1, dstPort: 2, size: 64, checksum: false });
    t.inj('p0').send(f);
    t.run();
    const out = t.cap('p1').take()[0];
    assert.equal(out[14 + 20 + 6], 0);
    assert.equal(out[14 + 20 + 7], 0);
    assert.ok(ipv4ChecksumOk(out, 14));
});
test('dec_ttl on TTL 1 drops as ttl_expired', () => {
    const t = setup(['ip,actions=dec_ttl,output:p1']);
    t.inj('p0').send(udp({ ttl: 1 }), udp({ ttl: 2 }));
    t.run();
    assert.equal(t.cap('p1').take().length, 1);
    assert.equal(t.drops().ttl_expired, 1);
});
test('flood, several outputs (clones before later rewrites), in_port, normal learns', () => {
    const t = setup([
        'in_port=p0,actions=flood',
        'in_port=p1,actions=output:p2,mod_vlan_vid:5,output:p3,output:p1',
        'in_port=p2,actions=in_port',
        'in_port=p3,actions=normal',
    ]);
    t.inj('p0').send(udp());
    t.inj('p1').send(udp());
    t.inj('p2').send(udp());
    t.run();
    // flood: p1, p2, p3 (not p0)... plus the in_port=p2 and p1 rules' outputs
    const p2 = t.cap('p2').take();
    assert.equal(p2.length, 3); // flood + p1's first output (untagged) + in_port from p2
    assert.ok(p2.every((f) => frameVlan(f) === -1));
    const p3 = t.cap('p3').take();
    assert.equal(p3.length, 2); // flood + p1's tagged output
    assert.deepEqual(p3.map(frameVlan).sort(), [-1, 5]);
    assert.equal(t.cap('p1').take().length, 1); // flood only: output to in_port p1 is skipped
    assert.equal(t.cap('p0').take().length, 0);
    // normal: unknown destination floods to every other port and learns the source on p3
    t.inj('p3').send(udp({ dmac: '02:00:00:00:00:77' }));
    t.run();
    assert.deepEqual(['p0', 'p1', 'p2', 'p3'].map((p) => t.cap(p).take().length), [1, 1, 1, 0]);
    assert.deepEqual(t.ft.macTable().map((e) => [e.name, e.mac]), [['p3', '02:00:00:00:00:01']]);
    assert.equal(t.pool.audit().doubleFree, 0);
});
test('goto_table matches the rewritten packet in the next table', () => {
    const t = setup([
        'table=0,in_port=p0,actions=mod_dl_dst:02:00:00:00:00:99,goto_table:3',
        'table=3,dl_dst=02:00:00:00:00:99,actions=output:p2',
        'table=3,priority=1,actions=output:p1',
    ]);
    t.inj('p0').send(udp(), udp());
    t.run();
    assert.equal(t.cap('p2').take().length, 2);
    assert.equal(t.cap('p1').take().length, 0);
    assert.match(t.ft.dumpFlows('table=3')[0], /n_packets=2/);
    assert.match(t.ft.dumpFlows('table=0')[0], /n_packets=2/);
});
test('the exact-match cache is invalidated when rules change', () => {
    const t = setup(['in_port=p0,actions=output:p1']);
    t.inj('p0').send(udp(), udp());
    t.run();
    assert.equal(t.cap('p1').take().length, 2);
    const r = t.ft.report();
    assert.equal(r.emc.misses, 1);
    assert.equal(r.emc.hits, 1);
    t.ft.addFlow('priority=40000,in_port=p0,udp,actions=output:p2');
    t.inj('p0').send(udp());
    t.run();
    assert.equal(t.cap('p2').take().length, 1);
    assert.equal(t.ft.delFlows('in_port=p0,udp'), 1);
    t.inj('p0').send(udp());
    t.run();
    assert.equal(t.cap('p1').take().length, 1);
    t.ft.addFlow('in_port=p0,actions=output:p3'); // same match and priority: replaces actions
    t.inj('p0').send(udp());
    t.run();
    assert.equal(t.cap('p3').take().length, 1);
    assert.equal(t.ft.dumpFlows().length, 1);
});
test('rules change while traffic flows without losing packets of unchanged flows', () => {
    const pool = makePool(4096);
    const engine = new Engine(pool);
    engine.configure({
        apps: {
            gen: { type: 'gen', args: { flows: 2, count: 40000, srcPort: 1000 } },
            ft: { type: 'flow-table', args: { ports: ['g', 'a', 'b', 'c'], flows: ['udp,tp_src=1000,actions=output:a', 'udp,tp_src=1001,actions=output:b'] } },
            a: { type: 'sink', args: { verify: false } }, b: { type: 'sink', args: { verify: false } }, c: { type: 'sink', args: { verify: false } },
        },
        links: ['gen.output -> ft.g', 'ft.a -> a.input', 'ft.b -> b.input', 'ft.c -> c.input'],
    });
    const gen = engine.apps.get('gen');
    const ft = engine.apps.get('ft');
    let step = 0;
    engine.runUntil(() => {
        step++;
        if (step === 20)
            ft.addFlow('priority=40000,udp,tp_src=1001,actions=output:c');
        if (step === 40)
            ft.dumpFlows();
        if (step === 60)
            ft.delFlows('priority=40000,udp,tp_src=1001', true);
        if (step === 80)
            for (let i = 0; i < 50; i++)
                ft.addFlow(`priority=${i + 1},ip,nw_dst=172.16.${i}.0/24,actions=drop`);
        return gen.done();
    });
    for (let i = 0; i < 5; i++)
        engine.breathe(performance.now());
    const st = engine.stats();
    assert.equal(st.apps.a.tx.packets, 20000, 'flow A unchanged: every packet delivered');
    assert.equal(st.apps.b.tx.packets + st.apps.c.tx.packets, 20000);
    assert.ok(st.apps.c.tx.packets > 0);
    assert.deepEqual(st.apps.ft.drops, {});
    assert.equal(engine.apps.get('a').counters[2], 20000);
});
test('malformed frames are dropped with the parse reason counted', () => {
    const t = setup(['actions=output:p1']);
    const bad = udp();
    bad[14 + 3] = 200; // IPv4 total length beyond the frame
    t.inj('p0').send(bad, new Uint8Array(10), ethFrame('ff:ff:ff:ff:ff:ff', '02:00:00:00:00:01'));
    t.run();
    assert.equal(t.drops().malformed, 2);
    assert.equal(t.cap('p1').take().length, 1);
    assert.deepEqual(t.ft.report().parseErrors, { truncated_ipv4: 1, truncated_l2: 1 });
});
test('del-flows strict and non-strict, dump by table', () => {
    const t = setup([
        'priority=5,in_port=p0,actions=output:p1',
        'priority=6,in_port=p0,ip,actions=output:p1',
        'table=1,priority=5,in_port=p1,actions=output:p0',
    ]);
    assert.equal(t.ft.delFlows('in_port=p0', true), 0); // strict: priority 32768 unless given
    assert.equal(t.ft.delFlows('priority=5,in_port=p0', true), 1); // strict: only the exact match
    assert.equal(t.ft.dumpFlows('table=0').length, 1);
    assert.equal(t.ft.delFlows('table=1'), 1);
    assert.equal(t.ft.delFlows(''), 1);
    assert.equal(t.ft.dumpFlows().length, 0);
    assert.throws(() => t.ft.delFlows('in_port=zz'), /unknown port "zz"/);
});
test('overlaps at one priority are allowed as in OVS; bad rules in config are refused naming the token', () => {
    const t = setup(['priority=100,in_port=p0,actions=output:p1']);
    t.ft.addFlow('priority=100,ip,actions=output:p2');
    assert.equal(t.ft.dumpFlows().length, 2);
    const engine = new Engine(makePool(64));
    assert.throws(() => engine.configure({ apps: { ft: { type: 'flow-table', args: { ports: ['a'], flows: ['actions=output:a', 'in_port=b,actions=drop'] } } }, links: [] }), /flows\[1\]: "in_port=b": unknown port "b"/);
    assert.throws(() => engine.configure({ apps: { ft: { type: 'flow-table', args: { ports: ['a', 'a'] } } }, links: [] }), /ports\[1\]: duplicate port "a"/);
    assert.throws(() => engine.configure({ apps: { ft: { type: 'flow-table', args: { ports: [] } } }, links: [] }), /args\.ports must NOT have fewer than 1 items/);
    assert.throws(() => t.ft.addFlow('priority=1,tcp,actions=set_field:5->udp_dst'), (e) => e instanceof FlowSyntaxError && e.token === 'set_field:5->udp_dst');
});
//# sourceMappingURL=flow-table.test.js.map
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileFilter, FilterError } from './filter.js';
import { applyCaptures, parseCaptureOption } from './graph.js';
import { openDestinations } from './writers.js';
import { buildUdpPacket } from '../../lib/proto/packet.js';
import { buildEthernet } from '../../lib/proto/ethernet.js';
import { buildIpv4 } from '../../lib/proto/ipv4.js';
import { buildTcp } from '../../lib/proto/tcp.js';
import { PcapngReader, EPB_FLAG_INBOUND, EPB_FLAG_OUTBOUND } from '../../lib/pcap/index.js';
import { PacketPool } from '../../core/packet.js';
import { Engine } from '../../core/engine.js';
import '../basic/index.js';
const udp53 = buildUdpPacket({ srcMac: '02:00:00:00:00:01', dstMac: '02:00:00:00:00:02', srcIp: '10.0.0.1', dstIp: '10.0.0.2', srcPort: 4000, dstPort: 53, size: 80 });
const udpVlan = buildUdpPacket({ srcMac: '02:00:00:00:00:03', dstMac: '02:00:00:00:00:02', vlan: 10, srcIp: '192.168.1.5', dstIp: '10.0.0.2', srcPort: 53, dstPort: 9999, size: 80 });
const tcp80 = (() => {
    const b = new Uint8Array(54);
    buildEthernet(b, 0, 0x0200, 2, 0x0200, 1, 0x0800);
    buildIpv4(b, 14, 0x0a000001, 0x0a000063, 6, 20);
    buildTcp(b, 34, 33000, 80, 1, 0, 0x02, 1000);
    return b;
})();
const icmp = (() => {
    const b = new Uint8Array(42);
    buildEthernet(b, 0, 0x0200, 2, 0x0200, 1, 0x0800);
    buildIpv4(b, 14, 0x0a000001, 0x0a000002, 1, 8);
    b[34] = 8;
    return b;
})();
const arp = (() => { const b = new Uint8Array(60); buildEthernet(b, 0, 0xffff, 0xffffffff, 0x0200, 1, 0x0806); return b; })();
function m(expr, pkt) { return compileFilter(expr).matches(pkt, 0, pkt.length); }
test('filter primitives match the usual fields', () => {
    assert.ok(m('', arp));
    assert.ok(m('udp and port 53', udp53));
    assert.ok(m('udp and port 53', udpVlan), 'port matches src or dst, also behind a VLAN tag');
    assert.ok(!m('udp and dst port 53', udpVlan));
    assert.ok(m('src port 53', udpVlan));
    assert.ok(!m('udp and port 53', tcp80));
    assert.ok(m('tcp and dst port 80', tcp80));
    assert.ok(m('host 10.0.0.1', udp53) && m('host 10.0.0.2', udp53) && !m('host 10.0.0.3', udp53));
    assert.ok(m('src host 10.0.0.1', udp53) && !m('dst host 10.0.0.1', udp53));
    assert.ok(m('net 192.168.0.0/16', udpVlan) && !m('net 192.168.0.0/16', udp53) && m('net 0.0.0.0/0', udp53));
    assert.ok(m('vlan 10', udpVlan) && !m('vlan 11', udpVlan) && m('vlan', udpVlan) && !m('vlan', udp53));
    assert.ok(m('icmp', icmp) && !m('icmp', udp53) && !m('icmp6', icmp));
    assert.ok(m('arp', arp) && !m('ip', arp) && m('ip', udp53) && !m('ip6', udp53));
    assert.ok(m('ether src 02:00:00:00:00:01', udp53) && !m('ether src 02:00:00:00:00:02', udp53));
    assert.ok(m('ether dst 02:00:00:00:00:02', udp53) && m('ether host 02:00:00:00:00:02', udp53));
    assert.ok(m('ether proto 0x0806', arp) && m('ether proto 2048', udp53));
    assert.ok(m('proto 6', tcp80) && !m('proto 6', udp53));
    assert.ok(m('len <= 60', arp) && !m('len >= 61', arp));
});
test('filter boolean operators, precedence and parentheses', () => {
    assert.ok(m('tcp or udp', udp53) && m('tcp || udp', tcp80) && !m('tcp or udp', arp));
    assert.ok(m('not tcp', udp53) && !m('! udp', udp53));
    assert.ok(m('arp or udp and port 53', arp), 'and binds tighter than or');
    assert.ok(!m('(arp or udp) and port 53', arp));
    assert.ok(m('not (tcp or arp) && host 10.0.0.1', udp53));
    assert.ok(m('UDP AND PORT 53', udp53), 'keywords are case-insensitive');
});
test('filters that do not parse name the token and position', () => {
    const bad = [
        ['udp and', /expected a test, got "<end>"/],
        ['udpp', /unknown word "udpp" at position 0/],
        ['port 70000', /port number \(0\.\.65535\), got "70000" at position 5/],
        ['host 10.0.0.300', /bad IPv4 address "10.0.0.300"/],
        ['net 10.0.0.0/33', /expected A.B.C.D\/LEN, got "10.0.0.0\/33"/],
        ['ether src zz:00:00:00:00:00', /bad MAC address "zz:00:00:00:00:00"/],
        ['ether foo 1', /expected src, dst, host or proto, got "foo"/],
        ['(udp', /expected "\)", got "<end>"/],
        ['udp)', /unexpected "\)" at position 3/],
        ['tcp port 80', /unexpected "port" at position 4/],
        ['len = 5', /expected <= or >=, got "="/],
        ['src foo', /expected host, net or port, got "foo"/],
        ['vlan 5000', /unexpected "5000"|VLAN ID/],
        ['('.repeat(20) + 'udp' + ')'.repeat(20), /nested too deep/],
    ];
    for (const [expr, re] of bad) {
        assert.throws(() => compileFilter(expr), (e) => e instanceof FilterError && re.test(e.message), expr);
    }
});
test('filter evaluation does not allocate per packet', () => {
    const f = compileFilter('(udp and port 53) or (tcp and not host 10.0.0.9) or vlan 10');
    for (let i = 0; i < 1000; i++)
        f.matches(udp53, 0, udp53.length);
    const before = process.memoryUsage().heapUsed;
    let n = 0;
    for (let i = 0; i < 200_000; i++)
        if (f.matches(i & 1 ? tcp80 : udpVlan, 0, i & 1 ? tcp80.length : udpVlan.length))
            n++;
    assert.equal(n, 200_000);
    assert.ok(process.memoryUsage().heapUsed - before < 4 << 20, 'heap grew: something allocates per packet');
});
const base = {
    apps: { p0: { type: 'gen', args: {} }, p1: { type: 'sink', args: {} }, br0: { type: 'l2-bridge', args: {} } },
    links: ['p0.output -> br0.p0', 'br0.p0 -> p0.input', 'p1.output -> br0.p1', 'br0.p1 -> p1.input'],
};
test('applyCaptures inserts pass-through apps and leaves its input alone', () => {
    const before = JSON.stringify(base);
    const g = applyCaptures(base, [{ port: 'p0', file: '/tmp/x.pcapng', dir: 'both', filter: 'udp' }, { port: 'p0', file: '/tmp/y.pcapng', dir: 'rx' }]);
    assert.equal(JSON.stringify(base), before, 'pure: input unchanged');
    assert.deepEqual(Object.keys(g.apps).sort(), ['br0', 'cap_p0_rx', 'cap_p0_rx_2', 'cap_p0_tx', 'p0', 'p1']);
    assert.deepEqual(g.apps.cap_p0_tx.args.dir, 'tx');
    assert.equal(g.apps.cap_p0_rx.args.filter, 'udp');
    const links = new Set(g.links);
    // rx chain: p0 → cap_p0_rx_2 → cap_p0_rx → br0 (the second capture sits next to the port)
    for (const l of ['p0.output -> cap_p0_rx_2.input', 'cap_p0_rx_2.output -> cap_p0_rx.input', 'cap_p0_rx.output -> br0.p0',
        'br0.p0 -> cap_p0_tx.input', 'cap_p0_tx.output -> p0.input', 'p1.output -> br0.p1', 'br0.p1 -> p1.input'])
        assert.ok(links.has(l), l);
    assert.equal(g.links.length, 7);
});
test('applyCaptures errors are clear', () => {
    assert.throws(() => applyCaptures(base, [{ port: 'p9', file: 'f', dir: 'rx' }]), /no port named "p9"/);
    assert.throws(() => applyCaptures(base, [{ port: 'p0', file: 'f', dir: 'up' }]), /dir must be rx, tx or both/);
    assert.throws(() => applyCaptures(base, [{ port: 'p0', file: '', dir: 'rx' }]), /file is required/);
    assert.throws(() => applyCaptures(base, [{ port: 'p0', file: 'f', dir: 'rx', filter: 'udp port' }]), /capture filter "udp port": unexpected "port"/);
    const lonely = { apps: { p0: { type: 'gen' } }, links: [] };
    assert.throws(() => applyCaptures(lonely, [{ port: 'p0', file: 'f', dir: 'tx' }]), /no input link to capture/);
});
test('--capture option parsing', () => {
    assert.deepEqual(parseCaptureOption('p0:out.pcapng'), { port: 'p0', file: 'out.pcapng', dir: 'both' });
    assert.deepEqual(parseCaptureOption('1:/tmp/a.pcapng,dir=rx,filter=udp and port 53'), { port: '1', file: '/tmp/a.pcapng', dir: 'rx', filter: 'udp and port 53' });
    assert.throws(() => parseCaptureOption('out.pcapng'), /expected PORT:FILE/);
    assert.throws(() => parseCaptureOption('p0:'), /FILE is empty/);
    assert.throws(() => parseCaptureOption('p0:f,dir=up'), /unknown option "dir=up"/);
    assert.throws(() => parseCaptureOption('p0:f,filter=bogus'), /unknown word "bogus"/);
});
function engineWith(g) {
    const pool = new PacketPool(new ArrayBuffer(PacketPool.bytesFor(1024, 2048)), 1024, 2048);
    const engine = new Engine(pool);
    engine.configure(g);
    return { engine, pool };
}
test('capture apps share one pcapng file: IDBs per port+direction, flags, ISB counts; forwarding unchanged', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sluice-cap-'));
    try {
        const file = join(dir, 'c.pcapng');
        const g0 = { apps: { p0: { type: 'gen', args: { size: 64, flows: 4, count: 500 } }, p1: { type: 'sink' } }, links: ['p0.output -> p1.input', 'p1.output -> p0.input'] };
        const g = applyCaptures(g0, [{ port: 'p0', file, dir: 'rx' }, { port: 'p1', file, dir: 'tx', filter: 'udp and src port 1025' }]);
        const { engine, pool } = engineWith(g);
        engine.runUntil(() => engine.stats().apps.p1.tx.packets >= 500, 5000);
        engine.drain();
        const st = engine.stats();
        assert.equal(st.apps.p1.tx.packets, 500, 'every packet forwarded');
        assert.deepEqual(openDestinations(), [file]);
        engine.stop();
        assert.deepEqual(openDestinations(), [], 'last release closed the writer');
        assert.equal(pool.audit().inUse, 0);
        const r = PcapngReader.open(file);
        const buf = new Uint8Array(4096);
        const perIf = [0, 0];
        let flagsOk = true;
        while (r.next(buf, 0, buf.length) >= 0) {
            perIf[r.ifIndex]++;
            if (r.epbFlags !== (r.ifIndex === 0 ? EPB_FLAG_INBOUND : EPB_FLAG_OUTBOUND))
                flagsOk = false;
            assert.ok(r.tsNs > 1.6e18, 'ns timestamp since the epoch');
        }
        assert.deepEqual(r.ifName.slice(0, 2), ['p0-rx', 'p1-tx']);
        assert.match(r.ifDescription[0], /Sluice port p0 \(gen\), received/);
        assert.equal(perIf[0], 500);
        assert.equal(perIf[1], 125, 'filter kept one flow of four');
        assert.ok(flagsOk, 'inbound/outbound flags');
        assert.equal(r.isbIfRecv[0], 500);
        assert.equal(r.isbIfRecv[1], 500, 'ifrecv counts packets seen, not only those matched');
        assert.equal(r.isbIfDrop[1], 0);
    }
    finally {
        rmSync(dir, { recursive: true, force: true });
    }
});
test('a failing destination never costs a forwarded packet', () => {
    const g0 = { apps: { p0: { type: 'gen', args: { size: 1000, flows: 1, count: 3000 } }, p1: { type: 'sink' } }, links: ['p0.output -> p1.input'] };
    const { engine } = engineWith(applyCaptures(g0, [{ port: 'p0', file: '/dev/full', dir: 'rx' }]));
    engine.runUntil(() => engine.stats().apps.p1.tx.packets >= 3000, 5000);
    engine.drain();
    const st = engine.stats();
    assert.equal(st.apps.p1.tx.packets, 3000);
    const x = st.apps.cap_p0_rx.extra;
    assert.ok(x.writeErrors > 0, 'write errors counted');
    assert.match(x.error ?? '', /ENOSPC|no space/i);
    const logged = [];
    const orig = console.error;
    console.error = (s) => { logged.push(s); };
    try {
        engine.stop();
    }
    finally {
        console.error = orig;
    }
    assert.ok(logged.some((l) => /capture \/dev\/full/.test(l)), 'close error reported, not thrown');
});
test('capture app args are validated (unknown destination directory, bad filter)', () => {
    const g0 = { apps: { p0: { type: 'gen', args: { count: 1 } }, p1: { type: 'sink' } }, links: ['p0.output -> p1.input'] };
    assert.throws(() => engineWith(applyCaptures(g0, [{ port: 'p0', file: '/nonexistent-dir/x.pcapng', dir: 'rx' }])), /capture \/nonexistent-dir\/x.pcapng: .*ENOENT/);
    assert.deepEqual(openDestinations(), []);
});
//# sourceMappingURL=capture.test.js.map
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileFilter, FilterError } from './trace-filter.js';
import { buildUdpPacket } from '../lib/proto/index.js';
const udp = buildUdpPacket({ srcMac: '02:00:00:00:00:01', dstMac: '02:00:00:00:00:02', srcIp: '10.0.0.1', dstIp: '10.0.1.1', srcPort: 1024, dstPort: 53, size: 100, checksum: false });
const tagged = buildUdpPacket({ srcMac: '02:00:00:00:00:01', dstMac: '02:00:00:00:00:02', srcIp: '10.0.0.1', dstIp: '10.0.1.1', srcPort: 1024, dstPort: 53, size: 100, checksum: false, vlan: 7 });
const m = (f, pkt = udp) => compileFilter(f)(pkt, 0, pkt.length);
test('filters match what they say', () => {
    assert.equal(m(''), true);
    assert.equal(m('udp'), true);
    assert.equal(m('tcp'), false);
    assert.equal(m('ip and udp and dst port 53'), true);
    assert.equal(m('src port 53'), false);
    assert.equal(m('port 1024'), true);
    assert.equal(m('host 10.0.1.1'), true);
    assert.equal(m('src host 10.0.1.1'), false);
    assert.equal(m('dst host 10.0.1.1'), true);
    assert.equal(m('not arp'), true);
    assert.equal(m('len = 100'), true);
    assert.equal(m('len > 100'), false);
    assert.equal(m('vlan'), false);
    assert.equal(m('vlan 7', tagged), true);
    assert.equal(m('vlan 8', tagged), false);
    assert.equal(m('ip6'), false);
});
for (const bad of ['bogus', 'udp tcp', 'udp and', 'and udp', 'port', 'port 70000', 'host 1.2.3', 'src udp', 'len ~ 3', 'vlan and']) {
    test(`filter rejected: "${bad}"`, () => {
        assert.throws(() => compileFilter(bad), FilterError);
    });
}
//# sourceMappingURL=trace-filter.test.js.map
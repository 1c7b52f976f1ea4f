import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkIfName } from '../../sys/index.js';
import { parsePortSpec } from '../../core/port-spec.js';
import { portApp } from '../../core/port-kinds.js';
import './index.js';
test('interface names are checked like the kernel does', () => {
    checkIfName('eth0');
    checkIfName('veth-a.100');
    assert.throws(() => checkIfName(''), /empty/);
    assert.throws(() => checkIfName('a'.repeat(16)), /limit is 15/);
    assert.throws(() => checkIfName('..'), /not allowed/);
    assert.throws(() => checkIfName('a/b'), /'\/'/);
    assert.throws(() => checkIfName('a b'), /whitespace/);
    assert.throws(() => checkIfName('a:1'), /':'/);
});
test('af-packet port specs: options mapped, bad ones named', () => {
    assert.deepEqual(portApp(parsePortSpec('af-packet:eth0')), { type: 'af-packet', args: { ifname: 'eth0' } });
    assert.deepEqual(portApp(parsePortSpec('af-packet:veth1,fanout=4,nopromisc,qdisc-bypass,blocks=8,block-size=65536,tx-frames=256')), { type: 'af-packet', args: { ifname: 'veth1', fanout: 4, promisc: false, qdiscBypass: true, blocks: 8, blockSize: 65536, txFrames: 256 } });
    assert.throws(() => portApp(parsePortSpec('af-packet:')), /empty/);
    assert.throws(() => portApp(parsePortSpec('af-packet:eth0,fanout=0')), /fanout must be an integer in \[1, 64\]/);
    assert.throws(() => portApp(parsePortSpec('af-packet:eth0,block-size=5000')), /block-size must be a power of two/);
    assert.throws(() => portApp(parsePortSpec('af-packet:eth0,tx-frames=100')), /tx-frames must be a power of two/);
    assert.throws(() => portApp(parsePortSpec('af-packet:eth0,queues=2')), /unknown option "queues"/);
    assert.throws(() => portApp(parsePortSpec('af-packet:eth0/x')), /'\/'/);
});
//# sourceMappingURL=af-packet.test.js.map
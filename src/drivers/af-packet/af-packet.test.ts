import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyWords, words } from './copy.js';
import { completeChecksum } from './checksum-fix.js';
import { buildUdpPacket } from '../../lib/proto/packet.js';
import { buildEthernet } from '../../lib/proto/ethernet.js';
import { buildIpv4 } from '../../lib/proto/ipv4.js';
import { buildTcp, tcpChecksumOkV4, tcpSetChecksumV4 } from '../../lib/proto/tcp.js';
import { udpChecksumOkV4 } from '../../lib/proto/udp.js';
import { checkIfName } from '../../sys/index.js';
import { parsePortSpec } from '../../switch/port-spec.js';
import { portApp } from '../../switch/port-kinds.js';
import './index.js';

test('copyWords copies every length at every pair of alignments', () => {
  const src = new Uint8Array(256), dst = new Uint8Array(256);
  for (let i = 0; i < 256; i++) src[i] = (i * 7 + 3) & 0xff;
  const s32 = words(src), d32 = words(dst);
  for (const so of [0, 1, 2, 3, 6]) for (const dOff of [0, 1, 2, 3, 10]) for (const len of [0, 1, 3, 4, 5, 13, 64, 100]) {
    dst.fill(0xee);
    copyWords(dst, d32, dOff, src, s32, so, len);
    for (let i = 0; i < len; i++) assert.equal(dst[dOff + i], src[so + i], `so=${so} do=${dOff} len=${len} i=${i}`);
    assert.equal(dst[dOff + len], 0xee, 'no byte written past the end');
    if (dOff > 0) assert.equal(dst[dOff - 1], 0xee, 'no byte written before the start');
  }
  const big = new Uint8Array(4096), bigDst = new Uint8Array(4096);
  for (let i = 0; i < big.length; i++) big[i] = i & 0xff;
  copyWords(bigDst, words(bigDst), 3, big, words(big), 0, 2000); // misaligned long copy
  assert.deepEqual(bigDst.subarray(3, 2003), big.subarray(0, 2000));
  assert.throws(() => words(new Uint8Array(8).subarray(1)), /aligned/);
});

test('completeChecksum fixes a partial (pseudo-header only) UDP and TCP checksum', () => {
  const udp = buildUdpPacket({ srcMac: '02:00:00:00:00:01', dstMac: '02:00:00:00:00:02', srcIp: '10.0.0.1', dstIp: '10.0.0.2', srcPort: 1000, dstPort: 53, size: 100 });
  assert.ok(udpChecksumOkV4(udp, 14, 34));
  udp[40] = 0x12; udp[41] = 0x34; // what CHECKSUM_PARTIAL leaves: not the final sum
  assert.ok(!udpChecksumOkV4(udp, 14, 34));
  assert.equal(completeChecksum(udp, 0, udp.length), 1);
  assert.ok(udpChecksumOkV4(udp, 14, 34));

  const tcp = new Uint8Array(14 + 20 + 20 + 30);
  buildEthernet(tcp, 0, 0x0200, 2, 0x0200, 1, 0x0800);
  buildIpv4(tcp, 14, 0x0a000001, 0x0a000002, 6, 50);
  buildTcp(tcp, 34, 4000, 80, 1, 0, 0x18, 1000);
  for (let i = 54; i < tcp.length; i++) tcp[i] = i;
  tcpSetChecksumV4(tcp, 14, 34, 50);
  assert.ok(tcpChecksumOkV4(tcp, 14, 34, 50));
  tcp[50] ^= 0xff;
  assert.ok(!tcpChecksumOkV4(tcp, 14, 34, 50));
  assert.equal(completeChecksum(tcp, 0, tcp.length), 1);
  assert.ok(tcpChecksumOkV4(tcp, 14, 34, 50));
  // Not applicable: truncated frame, ARP-ish ethertype.
  assert.equal(completeChecksum(tcp, 0, 20), 0);
  const other = new Uint8Array(60);
  buildEthernet(other, 0, 0xffff, 0xffffffff, 0x0200, 1, 0x0806);
  assert.equal(completeChecksum(other, 0, 60), 0);
});

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
  assert.deepEqual(portApp(parsePortSpec('af-packet:veth1,fanout=4,nopromisc,qdisc-bypass,blocks=8,block-size=65536,tx-frames=256')),
    { type: 'af-packet', args: { ifname: 'veth1', fanout: 4, promisc: false, qdiscBypass: true, blocks: 8, blockSize: 65536, txFrames: 256 } });
  assert.throws(() => portApp(parsePortSpec('af-packet:')), /empty/);
  assert.throws(() => portApp(parsePortSpec('af-packet:eth0,fanout=0')), /fanout must be an integer in \[1, 64\]/);
  assert.throws(() => portApp(parsePortSpec('af-packet:eth0,block-size=5000')), /block-size must be a power of two/);
  assert.throws(() => portApp(parsePortSpec('af-packet:eth0,tx-frames=100')), /tx-frames must be a power of two/);
  assert.throws(() => portApp(parsePortSpec('af-packet:eth0,queues=2')), /unknown option "queues"/);
  assert.throws(() => portApp(parsePortSpec('af-packet:eth0/x')), /'\/'/);
});

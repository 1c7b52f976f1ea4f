/**
 * The kernel as the oracle for software segmentation: one super-frame with a virtio-net
 * header is injected (PACKET_VNET_HDR) into a veth whose TSO and checksum offload are off
 * (turned off through SIOCETHTOOL, no ethtool program), so the kernel's own GSO cuts it and
 * finishes every checksum. What arrives on the peer must equal, byte for byte, what
 * `writeSegment` makes of the same frame: TCP/IPv4 with options and FIN/CWR, TCP/IPv6, UDP GSO.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { fn, errno } from '../../src/sys/libc.js';
import { ifOffload, setIfOffload } from '../../src/sys/index.js';
import { buildSuperFrame, type SuperFrameSpec } from '../../src/lib/offload/testkit.js';
import { TcpFlag } from '../../src/lib/proto/tcp.js';
import { NetnsLab, skipUnlessNetns, run } from './af-packet-netns.js';
import { packetSocket, receive, ours } from './kernel-frames.js';

const lab = new NetnsLab('go');
after(() => lab.cleanup());

test('software GSO matches the kernel\'s own segmentation byte for byte', { timeout: 60_000 }, async (t) => {
  if (skipUnlessNetns(t)) return;
  const a = `${lab.tag}a`, b = `${lab.tag}b`;
  run('ip', ['link', 'add', a, 'type', 'veth', 'peer', 'name', b]);
  lab.track(a);
  for (const d of [a, b]) writeFileSync(`/proc/sys/net/ipv6/conf/${d}/disable_ipv6`, '1'); // no ND/MLD noise
  // The kernel must cut and checksum itself: no TSO, no checksum offload on the sending veth.
  setIfOffload(a, 'tx-checksum', false);
  setIfOffload(a, 'tso', false);
  assert.equal(ifOffload(a, 'tso'), false, 'TSO is off (SIOCETHTOOL)');
  assert.equal(ifOffload(a, 'tx-checksum'), false);
  assert.equal(ifOffload(b, 'tso'), true, 'the peer keeps the kernel default');
  run('ip', ['link', 'set', a, 'up']);
  run('ip', ['link', 'set', b, 'up']);
  const tx = packetSocket(a, true), rx = packetSocket(b, false);
  try {
    const cases: SuperFrameSpec[] = [
      { payLen: 20000, mss: 1448, tcpOptions: 12, flags: TcpFlag.ACK | TcpFlag.PSH | TcpFlag.FIN | TcpFlag.CWR, ipId: 0xfffe, seed: 1 },
      { v6: true, payLen: 9001, mss: 1428, seed: 2 },
      { udp: true, payLen: 5000, mss: 1472, seed: 3 },
      { udp: true, v6: true, payLen: 3001, mss: 1000, seed: 4 },
    ];
    for (const spec of cases) {
      const { vnet, frame } = buildSuperFrame(spec);
      const want = ours(vnet, frame);
      const msg = new Uint8Array(vnet.length + frame.length);
      msg.set(vnet, 0);
      msg.set(frame, vnet.length);
      const n = fn.write(tx, msg, msg.length) as number;
      assert.equal(n, msg.length, `inject ${JSON.stringify(spec)}: errno ${errno()}`);
      const got = await receive(rx, want.length);
      assert.equal(got.length, want.length, `segments of ${JSON.stringify(spec)}`);
      got.forEach((g, i) => assert.deepEqual(want[i], g, `segment ${i} of ${JSON.stringify(spec)} differs from the kernel's`));
    }
  } finally {
    fn.close(tx);
    fn.close(rx);
  }
});

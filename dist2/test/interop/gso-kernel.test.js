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
import { ifIndex, ifOffload, setIfOffload } from '../../src/sys/index.js';
import { words } from '../../src/lib/offload/copy-words.js';
import { GsoPlan, planGso, writeSegment } from '../../src/lib/offload/gso.js';
import { VnetHdr, readVnetHdr, checkVnetHdr, OffloadError } from '../../src/lib/offload/vnet-hdr.js';
import { buildSuperFrame } from '../../src/lib/offload/testkit.js';
import { TcpFlag } from '../../src/lib/proto/tcp.js';
import { NetnsLab, skipUnlessNetns, run } from './af-packet-netns.js';
const lab = new NetnsLab('go');
after(() => lab.cleanup());
const AF_PACKET = 17, SOCK_RAW = 3, SOCK_NONBLOCK = 0o4000, SOL_PACKET = 263, PACKET_VNET_HDR = 15;
function packetSocket(ifname, vnet) {
    const fd = fn.socket(AF_PACKET, SOCK_RAW | SOCK_NONBLOCK, 0x0300);
    assert.ok(fd >= 0, `socket(AF_PACKET): errno ${errno()}`);
    if (vnet)
        assert.equal(fn.setsockopt(fd, SOL_PACKET, PACKET_VNET_HDR, Uint8Array.of(1, 0, 0, 0), 4), 0, 'PACKET_VNET_HDR');
    const sll = new Uint8Array(20);
    const v = new DataView(sll.buffer);
    v.setUint16(0, AF_PACKET, true);
    v.setUint16(2, 0x0300, true);
    v.setInt32(4, ifIndex(ifname), true);
    assert.equal(fn.bind(fd, sll, 20), 0, `bind ${ifname}: errno ${errno()}`);
    return fd;
}
/** Frames of our test flow (UDP/TCP port 40000 → 5201) read from `fd` until `want` or 2 s. */
async function receive(fd, want) {
    const got = [];
    const buf = new Uint8Array(65536);
    const end = Date.now() + 2000;
    while (got.length < want && Date.now() < end) {
        const n = fn.read(fd, buf, buf.length);
        if (n < 0) {
            await new Promise((r) => setTimeout(r, 10));
            continue;
        }
        const l4 = buf[12] === 0x86 ? 54 : 34;
        if (n > l4 + 4 && buf[l4] === 40000 >> 8 && buf[l4 + 1] === (40000 & 0xff))
            got.push(buf.slice(0, n));
    }
    return got;
}
/** What Sluice makes of the super-frame. */
function ours(vnet, frame) {
    const h = new VnetHdr();
    readVnetHdr(vnet, 0, h);
    assert.equal(checkVnetHdr(h, frame.length), OffloadError.OK);
    const src = new Uint8Array(frame.length + 4);
    src.set(frame, 0);
    const plan = new GsoPlan();
    assert.equal(planGso(src, 0, frame.length, h, 9000, plan), OffloadError.OK);
    const dst = new Uint8Array(9216);
    const out = [];
    for (let i = 0; i < plan.segs; i++)
        out.push(dst.slice(0, writeSegment(src, words(src), 0, plan, i, dst, words(dst), 0)));
    return out;
}
test('software GSO matches the kernel\'s own segmentation byte for byte', { timeout: 60_000 }, async (t) => {
    if (skipUnlessNetns(t))
        return;
    const a = `${lab.tag}a`, b = `${lab.tag}b`;
    run('ip', ['link', 'add', a, 'type', 'veth', 'peer', 'name', b]);
    lab.track(a);
    for (const d of [a, b])
        writeFileSync(`/proc/sys/net/ipv6/conf/${d}/disable_ipv6`, '1'); // no ND/MLD noise
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
        const cases = [
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
            const n = fn.write(tx, msg, msg.length);
            assert.equal(n, msg.length, `inject ${JSON.stringify(spec)}: errno ${errno()}`);
            const got = await receive(rx, want.length);
            assert.equal(got.length, want.length, `segments of ${JSON.stringify(spec)}`);
            got.forEach((g, i) => assert.deepEqual(want[i], g, `segment ${i} of ${JSON.stringify(spec)} differs from the kernel's`));
        }
    }
    finally {
        fn.close(tx);
        fn.close(rx);
    }
});
//# sourceMappingURL=gso-kernel.test.js.map
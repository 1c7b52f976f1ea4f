/**
 * VXLAN against the kernel (root + iproute2; skipped with a reason otherwise, failed under
 * CI=true):
 *  1. Two Sluice engines, each with an AF_PACKET port on one end of a veth pair (the
 *     underlay wire), a bridge and a vxlan port, join two network namespaces into one L2
 *     overlay: ns1 pings ns2 across it.
 *  2. Sluice against Linux's own VXLAN device: a namespace with a kernel `vxlan` interface
 *     (VNI 42, port 4789) pings an l3-router interface that sits behind Sluice's vxlan app,
 *     so Sluice's encapsulation, decapsulation and ARP interoperate with the kernel's.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { Engine } from '../../src/core/engine.js';
import { PacketPool } from '../../src/core/packet.js';
import '../../src/apps/index.js';
import '../../src/drivers/af-packet/index.js';
import { NetnsLab, skipUnlessNetns, ping, run } from './af-packet-netns.js';
const lab = new NetnsLab('vx');
after(() => lab.cleanup());
function engine() {
    return new Engine(new PacketPool(new ArrayBuffer(PacketPool.bytesFor(2048)), 2048));
}
/** Breathes the engines in short slices so the event loop (and the awaited ping) keeps running. */
function pump(engines) {
    const timer = setInterval(() => { for (const e of engines)
        e.runFor(2); }, 0);
    return () => { clearInterval(timer); for (const e of engines)
        e.stop(); };
}
test('two Sluice engines carry two namespaces over a VXLAN overlay on a veth underlay', { timeout: 60_000 }, async (t) => {
    if (skipUnlessNetns(t, ['ping']))
        return;
    const ns1 = lab.ns('1'), ns2 = lab.ns('2');
    const a = lab.veth(ns1, `${lab.tag}a`, '10.88.0.1/24');
    const b = lab.veth(ns2, `${lab.tag}b`, '10.88.0.2/24');
    const u1 = `${lab.tag}u1`, u2 = `${lab.tag}u2`;
    run('ip', ['link', 'add', u1, 'type', 'veth', 'peer', 'name', u2]);
    lab.track(u1);
    const host = (access, underlay, local, remote, mac) => {
        const e = engine();
        e.configure({
            apps: {
                acc: { type: 'af-packet', args: { ifname: access } },
                und: { type: 'af-packet', args: { ifname: underlay } },
                br: { type: 'l2-bridge', args: { ports: { acc: {}, tun: {} } } },
                vx: { type: 'vxlan', args: { vni: 4242, localIp: local, remoteIp: remote, localMac: mac } },
            },
            links: ['acc.output -> br.acc', 'br.acc -> acc.input', 'br.tun -> vx.inner', 'vx.inner -> br.tun', 'vx.outer -> und.input', 'und.output -> vx.outer'],
        });
        return e;
    };
    const ea = host(a.host, u1, '192.0.2.1', '192.0.2.2', '02:00:00:01:00:01');
    const eb = host(b.host, u2, '192.0.2.2', '192.0.2.1', '02:00:00:02:00:01');
    const stop = pump([ea, eb]);
    try {
        assert.equal(await ping(ns1, '10.88.0.2', 5), 5, 'ping ns1 -> ns2 across the overlay');
        const va = ea.stats().apps.vx.extra;
        const vb = eb.stats().apps.vx.extra;
        assert.ok(va.encapsulated >= 5 && vb.decapsulated >= 5 && vb.encapsulated >= 5 && va.decapsulated >= 5);
        assert.equal(va.remoteMac, '02:00:00:02:00:01');
    }
    finally {
        stop();
    }
});
test('Sluice VXLAN interoperates with a Linux vxlan device (ping an l3-router behind the tunnel)', { timeout: 60_000 }, async (t) => {
    if (skipUnlessNetns(t, ['ping']))
        return;
    const ns = lab.ns('k');
    const v = lab.veth(ns, `${lab.tag}k`, '192.168.77.2/24');
    lab.exec(ns, ['ip', 'link', 'add', 'vx0', 'type', 'vxlan', 'id', '42', 'remote', '192.168.77.1', 'local', '192.168.77.2', 'dstport', '4789', 'dev', v.peer]);
    lab.exec(ns, ['ip', 'addr', 'add', '10.77.0.2/24', 'dev', 'vx0']);
    lab.exec(ns, ['ip', 'link', 'set', 'vx0', 'up']);
    const e = engine();
    e.configure({
        apps: {
            und: { type: 'af-packet', args: { ifname: v.host } },
            vx: { type: 'vxlan', args: { vni: 42, localIp: '192.168.77.1', remoteIp: '192.168.77.2', localMac: '02:00:00:77:00:01' } },
            r: { type: 'l3-router', args: { interfaces: { ov: { mac: '02:00:00:77:01:01', ipv4: '10.77.0.1/24' } } } },
        },
        links: ['und.output -> vx.outer', 'vx.outer -> und.input', 'vx.inner -> r.ov', 'r.ov -> vx.inner'],
    });
    const stop = pump([e]);
    try {
        assert.equal(await ping(ns, '10.77.0.1', 5), 5, 'kernel vxlan0 pings the router through Sluice VXLAN');
        const st = e.stats().apps;
        const vx = st.vx.extra;
        assert.ok(vx.decapsulated >= 6 && vx.encapsulated >= 6, `decap ${vx.decapsulated} encap ${vx.encapsulated}`); // ARP + 5 echoes each way
        assert.ok(st.r.extra.echoReplies >= 5);
        assert.equal(st.vx.drops.malformed ?? 0, 0);
    }
    finally {
        stop();
    }
});
test('VXLAN over an IPv6 underlay interoperates with a Linux vxlan device (UDP checksums real, ND resolves the peer)', { timeout: 60_000 }, async (t) => {
    if (skipUnlessNetns(t, ['ping']))
        return;
    const ns = lab.ns('k6');
    const v = lab.veth(ns, `${lab.tag}6`, '192.168.78.2/24');
    lab.exec(ns, ['ip', '-6', 'addr', 'add', 'fd00:78::2/64', 'dev', v.peer, 'nodad']);
    // Default vxlan over IPv6 in Linux: UDP checksums sent, and zero checksums refused on receive.
    lab.exec(ns, ['ip', 'link', 'add', 'vx6', 'type', 'vxlan', 'id', '43', 'remote', 'fd00:78::1', 'local', 'fd00:78::2', 'dstport', '4789', 'dev', v.peer]);
    lab.exec(ns, ['ip', 'addr', 'add', '10.78.0.2/24', 'dev', 'vx6']);
    lab.exec(ns, ['ip', 'link', 'set', 'vx6', 'up']);
    const e = engine();
    e.configure({
        apps: {
            und: { type: 'af-packet', args: { ifname: v.host } },
            vx: { type: 'vxlan', args: { vni: 43, localIp: 'fd00:78::1', remoteIp: 'fd00:78::2', localMac: '02:00:00:78:00:01' } },
            r: { type: 'l3-router', args: { interfaces: { ov: { mac: '02:00:00:78:01:01', ipv4: '10.78.0.1/24' } } } },
        },
        links: ['und.output -> vx.outer', 'vx.outer -> und.input', 'vx.inner -> r.ov', 'r.ov -> vx.inner'],
    });
    const stop = pump([e]);
    try {
        assert.equal(await ping(ns, '10.78.0.1', 5), 5, 'kernel vx6 pings the router through Sluice VXLAN over IPv6');
        const st = e.stats().apps;
        const vx = st.vx.extra;
        assert.ok(vx.decapsulated >= 6 && vx.encapsulated >= 6, `decap ${vx.decapsulated} encap ${vx.encapsulated}`);
        assert.match(vx.remoteMac ?? '', /^[0-9a-f:]{17}$/, 'the peer MAC came from neighbour discovery');
        assert.equal(st.vx.drops.malformed ?? 0, 0, 'every kernel datagram had a valid UDP checksum');
        // The kernel counts no UDP checksum errors for what Sluice sent.
        const snmp = lab.exec(ns, ['cat', '/proc/net/snmp6']);
        assert.match(snmp, /Udp6InCsumErrors\s+0\b/);
    }
    finally {
        stop();
    }
});
//# sourceMappingURL=vxlan-netns.test.js.map
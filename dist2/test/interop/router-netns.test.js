/**
 * The l3-router against the kernel: two namespaces route through Sluice (AF_PACKET on veths),
 * the egress interface towards B has MTU 1280. 1400-byte pings without DF arrive as
 * fragments the kernel of B reassembles (and answers); with DF, the kernel of A receives
 * ICMP "fragmentation needed" with MTU 1280, which ping reports and A's route cache keeps.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { Engine } from '../../src/core/engine.js';
import { PacketPool } from '../../src/core/packet.js';
import '../../src/apps/index.js';
import '../../src/drivers/af-packet/index.js';
import { NetnsLab, skipUnlessNetns, ping, runAsync } from './af-packet-netns.js';
const lab = new NetnsLab('rt');
after(() => lab.cleanup());
async function pingOut(ns, args) {
    try {
        return await runAsync('ip', ['netns', 'exec', ns, 'ping', ...args], 20_000);
    }
    catch (e) {
        return String(e.stdout ?? '');
    }
}
test('router fragments for a smaller egress MTU (kernel reassembles) and sends ICMP fragmentation needed for DF packets', { timeout: 60_000 }, async (t) => {
    if (skipUnlessNetns(t, ['ping']))
        return;
    const na = lab.ns('a'), nb = lab.ns('b');
    const a = lab.veth(na, `${lab.tag}a`, '10.81.1.2/24');
    const b = lab.veth(nb, `${lab.tag}b`, '10.81.2.2/24');
    lab.exec(na, ['ip', 'route', 'add', 'default', 'via', '10.81.1.1']);
    lab.exec(nb, ['ip', 'route', 'add', 'default', 'via', '10.81.2.1']);
    const e = new Engine(new PacketPool(new ArrayBuffer(PacketPool.bytesFor(2048)), 2048));
    e.configure({
        apps: {
            pa: { type: 'af-packet', args: { ifname: a.host } },
            pb: { type: 'af-packet', args: { ifname: b.host } },
            r: { type: 'l3-router', args: { interfaces: { pa: { mac: '02:00:00:81:01:01', ipv4: '10.81.1.1/24' }, pb: { mac: '02:00:00:81:02:01', ipv4: '10.81.2.1/24', mtu: 1280 } } } },
        },
        links: ['pa.output -> r.pa', 'r.pa -> pa.input', 'pb.output -> r.pb', 'r.pb -> pb.input'],
    });
    const timer = setInterval(() => e.runFor(2), 0);
    try {
        assert.equal(await ping(na, '10.81.2.2', 3), 3, 'small pings are routed');
        const frag = await pingOut(na, ['-c', '3', '-i', '0.2', '-W', '2', '-M', 'dont', '-s', '1400', '10.81.2.2']);
        assert.match(frag, /3 (?:packets )?received/, `1400-byte pings without DF: ${frag}`);
        const r = e.stats().apps.r.extra;
        assert.ok(r.fragmented >= 3 && r.fragmentsOut >= 6, JSON.stringify(r));
        const df = await pingOut(na, ['-c', '2', '-i', '0.2', '-W', '1', '-M', 'do', '-s', '1400', '10.81.2.2']);
        assert.match(df, /mtu = 1280/, `DF pings: ${df}`);
        assert.match(lab.exec(na, ['ip', 'route', 'get', '10.81.2.2']), /mtu 1280/, "A's kernel learned the path MTU");
        assert.ok((e.stats().apps.r.drops.too_big ?? 0) >= 1);
    }
    finally {
        clearInterval(timer);
        e.stop();
    }
});
//# sourceMappingURL=router-netns.test.js.map
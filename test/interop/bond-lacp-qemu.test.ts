/**
 * LACP against the Linux bonding driver: one QEMU guest with two virtio-net NICs on two
 * Sluice vhost-user ports, members of a Sluice bond (balance-tcp, LACP active, fast). In the
 * guest, bonding.ko (from the cached Debian kernel package, appended to the initramfs) makes
 * `bond0` in mode 802.3ad, lacp_rate fast, miimon 100, over eth0 and eth1 (QEMU gives the
 * NICs speed 10000 full duplex, so the driver aggregates them). Checks: /proc/net/bonding/bond0
 * shows Sluice's system MAC and key as partner and an aggregator of both ports; `sluice lacp
 * show` shows the guest as partner on both members, attached; ping from the guest through the
 * bond and a learning bridge to a TAP port in a network namespace works; taking the member
 * that carries most of the ping out (`sluice bond disable-member`) keeps it going (the loss
 * is printed). Then the guest turns its bond into active-backup (no LACP): Sluice's bond,
 * configured with lacp-fallback-ab, sees its partner expire and default on both members and
 * runs active-backup over them (OVS's lacp-fallback-ab), so the ping goes on.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { GUEST_DIR, VMHARNESS, bootQemu, guestModules, pingGap, qemuAccel, skipIfMissing, sleep, startDaemon, until, workDir } from '../support/vhost-interop.js';
import { NetnsLab, runAsync } from './af-packet-netns.js';

const needs = { root: true, bins: ['qemu-system-x86_64', 'dpkg-deb', 'ip'], files: [join(VMHARNESS, 'run-guest.sh'), join(GUEST_DIR, 'vmlinux'), '/dev/net/tun'] };
const SYSTEM_MAC = '02:5e:00:00:00:01', KEY = 33;
const COUNT = 150, INTERVAL = 0.1;
const lab = new NetnsLab('bl');
after(() => lab.cleanup());

/** `sluice ARGS` as text (not -j), as an operator sees it. */
function spawnText(d: { api: string }, args: string[]): string {
  const sluice = new URL('../../../bin/sluice.js', import.meta.url).pathname;
  return spawnSync(process.execPath, [sluice, ...args, '--socket', d.api], { encoding: 'utf8' }).stdout;
}
const has = (path: string, what: string) => { try { return readFileSync(path, 'utf8').includes(what); } catch { return false; } };
const block = (log: string, tag: string) => log.split('\n').filter((l) => l.startsWith(`${tag}| `)).map((l) => l.slice(tag.length + 2)).join('\n');

const GUEST_CMD = `
insmod /extra-modules/tls.ko; insmod /extra-modules/bonding.ko max_bonds=0 || { echo BOND-ERR insmod; exit 3; }
echo +bond0 > /sys/class/net/bonding_masters
B=/sys/class/net/bond0/bonding
echo 802.3ad > $B/mode; echo fast > $B/lacp_rate; echo 100 > $B/miimon; echo layer3+4 > $B/xmit_hash_policy
ip link set eth0 down; ip link set eth1 down
echo +eth0 > $B/slaves; echo +eth1 > $B/slaves
ip link set bond0 up; ip addr add 10.0.0.1/24 dev bond0
aggregated() { i=0; while ! grep -q "Number of ports: $1" /proc/net/bonding/bond0 && [ $i -lt 300 ]; do sleep 0.1; i=$((i+1)); done; echo "BOND-PORTS-$1 after $i polls"; }
aggregated 2
sed 's/^/B1| /' /proc/net/bonding/bond0
vmh_wait_peer 10.0.0.2 60 || exit 4
ping -c ${COUNT} -i ${INTERVAL} -W 1 10.0.0.2 > /tmp/p 2>&1 &
echo BOND-PINGING
wait
sed 's/^/PING-LINE /' /tmp/p
sed 's/^/B2| /' /proc/net/bonding/bond0
echo BOND-PHASE2
aggregated 2
rx() { cat /sys/class/net/$1/statistics/rx_packets; }
ping -c ${COUNT} -i ${INTERVAL} -W 1 10.0.0.2 > /tmp/p2 2>&1 &
a0=$(rx eth0); a1=$(rx eth1); sleep 3; b0=$(rx eth0); b1=$(rx eth1)
# The member Sluice sends the replies on goes down on the guest's side: Sluice sees no carrier
# change (virtio), only its LACP partner falling silent.
if [ $((b0 - a0)) -ge $((b1 - a1)) ]; then v=eth0; else v=eth1; fi
ip link set $v down; echo "BOND-GUEST-DOWN $v"
wait
sed 's/^/PING2-LINE /' /tmp/p2
sed 's/^/B3| /' /proc/net/bonding/bond0
# Phase 3: no more LACP on the guest's side (active-backup, eth0 primary, as Sluice's primary=m0).
ip link set bond0 down
echo -eth0 > $B/slaves; echo -eth1 > $B/slaves
echo active-backup > $B/mode || { echo BOND-ERR mode; exit 5; }
ip link set eth0 down; ip link set eth1 down
echo +eth0 > $B/slaves; echo +eth1 > $B/slaves; echo eth0 > $B/primary
ip link set bond0 up; ip addr add 10.0.0.1/24 dev bond0 2>/dev/null
echo BOND-PHASE3
sleep 8  # Sluice: partner expired after 3 s, defaulted after 3 s more, then active-backup
echo BOND-FALLBACK-PING
ping -c 50 -i ${INTERVAL} -W 1 10.0.0.2 > /tmp/p3 2>&1
sed 's/^/PING3-LINE /' /tmp/p3
sed 's/^/B4| /' /proc/net/bonding/bond0
exit 0
`;

/** The lines of /proc/net/bonding/bond0 that say who aggregates with whom. */
const summary = (b: string) => b.split('\n').filter((l) => /Aggregator ID|Number of ports|Actor Key|Partner Key|Partner Mac|Slave Interface|port state|Speed|Duplex/.test(l)).map((l) => `#   ${l.trim()}`).join('\n');

test('LACP with the Linux bonding driver (802.3ad, fast) in a QEMU guest: aggregates both members, ping survives a member taken out', { timeout: 300_000 }, async (t) => {
  if (skipIfMissing(t, needs)) return;
  const w = workDir('sluice-bond-');
  const d = await startDaemon(join(w.dir, 'state'), join(w.dir, 'api.sock'));
  let guest: ReturnType<typeof bootQemu> | undefined;
  try {
    const initrd = guestModules(w.dir, ['kernel/net/tls/tls.ko', 'kernel/drivers/net/bonding/bonding.ko']);
    for (const m of ['m0', 'm1']) d.cli(['port', 'add', m, `vhost-user:${join(w.dir, `${m}.sock`)}`]);
    d.cli(['port', 'add', 'bond0', `bond:m0+m1,mode=balance-tcp,lacp=active,lacp-rate=fast,system-mac=${SYSTEM_MAC},key=${KEY},lacp-fallback-ab=true,primary=m0`]);
    const tap = `${lab.tag}t`;
    d.cli(['port', 'add', 't', `tap:${tap}`]);
    d.cli(['bridge', 'add', 'br0', 'type', 'learning', 'ports', 'bond0,t']);
    const ns = lab.ns('peer');
    await until(() => existsSync(`/sys/class/net/${tap}`), 5000);
    await runAsync('ip', ['link', 'set', tap, 'netns', ns]);
    lab.exec(ns, ['ip', 'addr', 'add', '10.0.0.2/24', 'dev', tap]);
    lab.exec(ns, ['ip', 'link', 'set', tap, 'up']);
    const tcg = qemuAccel() === 'tcg';
    const nic = (m: string, mac: string) => ['-chardev', `socket,id=c-${m},path=${join(w.dir, `${m}.sock`)},reconnect=1`, '-netdev', `type=vhost-user,id=n-${m},chardev=c-${m}`,
      '-device', `virtio-net-pci,netdev=n-${m},mac=${mac},speed=10000,duplex=full${tcg ? ',vectors=0' : ''}`];
    const nicArgs = ['-object', 'memory-backend-memfd,id=mem,size=256M,share=on', '-numa', 'node,memdev=mem', ...nic('m0', '52:54:00:00:0b:01'), ...nic('m1', '52:54:00:00:0b:02')];
    const t0 = Date.now();
    guest = bootQemu({ name: 'gb', dir: w.dir, nicArgs, initrd, cmd: GUEST_CMD, timeout: 240 });
    const logPath = join(w.dir, 'gb.log');
    assert.ok(await until(() => has(logPath, 'BOND-PINGING') || guest!.child.exitCode !== null, 200_000, 200), `guest did not start pinging:\n${guest.log()}\n${d.log().slice(-3000)}`);
    assert.ok(has(logPath, 'BOND-PINGING'), `guest stopped before pinging:\n${guest.log()}`);
    const upAt = (Date.now() - t0) / 1000;
    // After ~3 s of ping, take out the member that carried most of it so far.
    type PortView = { name: string; rx: { packets: number }; tx: { packets: number } };
    const moved = () => Object.fromEntries((d.cli(['port', 'show']) as PortView[]).map((p) => [p.name, p.rx.packets + p.tx.packets]));
    type LacpView = { members: { name: string; attached: boolean; mayEnable: boolean; partner: { systemId: string; stateWords: string } }[] }[];
    const lacpBefore = d.cli(['lacp', 'show', 'bond0']) as LacpView;
    const before = moved();
    await sleep(3000);
    const mid = moved();
    const victim = mid.m0! - before.m0! >= mid.m1! - before.m1! ? 'm0' : 'm1';
    d.cli(['bond', 'disable-member', 'bond0', victim]);
    const lacpAfter = d.cli(['lacp', 'show', 'bond0']) as LacpView;
    const bond = (d.cli(['bond', 'show', 'bond0']) as { members: { name: string; enabled: boolean }[]; activeChanges: number; bucketMoves: number }[])[0]!;
    // Phase 2: the member comes back; then the guest takes down the NIC its replies arrive on.
    assert.ok(await until(() => has(logPath, 'BOND-PHASE2') || guest!.child.exitCode !== null, 60_000, 200), `guest did not finish the first ping:\n${guest.log()}`);
    d.cli(['bond', 'enable-member', 'bond0', victim]);
    assert.ok(await until(() => has(logPath, 'BOND-GUEST-DOWN') || guest!.child.exitCode !== null, 60_000, 200), `guest did not start the second ping:\n${guest.log()}`);
    const downAt = Date.now();
    const downNic = /BOND-GUEST-DOWN (eth\d)/.exec(guest.log())?.[1];
    const member = downNic === 'eth0' ? 'm0' : 'm1';
    type Member = { name: string; status: string; mayEnable: boolean };
    let leftAfter = -1;
    while (Date.now() - downAt < 10_000) {
      const m = (d.cli(['lacp', 'show', 'bond0']) as { members: Member[] }[])[0]!.members.find((x) => x.name === member)!;
      if (!m.mayEnable) { leftAfter = Date.now() - downAt; break; }
      await sleep(100);
    }
    const lacpText = spawnText(d, ['lacp', 'show', 'bond0']);
    // Phase 3: the guest speaks no LACP any more; Sluice's partners expire (3 s) and default (3 s more).
    assert.ok(await until(() => has(logPath, 'BOND-PHASE3') || guest!.child.exitCode !== null, 60_000, 200), `guest did not reach phase 3:\n${guest.log()}`);
    const noLacpAt = Date.now();
    type BondView = { lacpStatus: string; fallingBack: boolean; activeMember: string | null; members: { name: string; enabled: boolean }[] };
    let fellBackAfter = -1;
    while (Date.now() - noLacpAt < 15_000) {
      if ((d.cli(['bond', 'show', 'bond0']) as BondView[])[0]!.fallingBack) { fellBackAfter = Date.now() - noLacpAt; break; }
      await sleep(100);
    }
    const fallback = (d.cli(['bond', 'show', 'bond0']) as BondView[])[0]!;
    const bondText = spawnText(d, ['bond', 'show', 'bond0']);
    const r = await guest.done;
    assert.equal(r.rc, 0, `guest:\n${r.log}\n--- daemon ---\n${d.log().slice(-3000)}`);
    const lines = (tag: string) => r.log.split('\n').filter((l) => l.startsWith(`${tag} `)).join('\n');
    const b1 = block(r.log, 'B1'), b2 = block(r.log, 'B2'), b3 = block(r.log, 'B3');
    const g = pingGap(lines('PING-LINE'), COUNT, INTERVAL);
    const g2 = pingGap(lines('PING2-LINE'), COUNT, INTERVAL);
    console.log(`# guest up and aggregated ${upAt.toFixed(1)} s after boot (${qemuAccel()})`);
    console.log(`# Sluice took ${victim} out (bond disable-member) 3 s into the ping: lost ${g.lost}/${COUNT} pings at ${INTERVAL}s, longest gap ${g.gap.toFixed(2)} s; bucket moves ${bond.bucketMoves}`);
    console.log(`# the guest took ${downNic} down (Sluice's ${member}): Sluice stopped using ${member} (partner expired) ${leftAfter} ms later; lost ${g2.lost}/${COUNT} pings, longest gap ${g2.gap.toFixed(2)} s`);
    console.log(`# /proc/net/bonding/bond0 aggregated:\n${summary(b1)}\n# and after the guest's ${downNic} went down:\n${summary(b3)}`);
    console.log(lacpText.split('\n').map((l) => `# ${l}`).join('\n'));
    const g3 = pingGap(lines('PING3-LINE'), 50, INTERVAL);
    console.log(`# guest's bond turned active-backup (no LACP): Sluice was falling back to active-backup ${fellBackAfter} ms after the guest said its bond was reconfigured; then lost ${g3.lost}/50 pings`);
    console.log(bondText.split('\n').map((l) => `# ${l}`).join('\n'));
    // The guest's view: Sluice (system MAC, key) is the partner of an aggregator of both ports.
    assert.match(b1, /Bonding Mode: IEEE 802\.3ad Dynamic link aggregation/);
    assert.match(b1, new RegExp(`Partner Mac Address: ${SYSTEM_MAC}`));
    assert.match(b1, new RegExp(`Partner Key: ${KEY}`));
    assert.match(b1, /Number of ports: 2/);
    // Sluice's view: the guest's bond (its MAC is eth0's) is the partner of both members, in sync.
    for (const m of lacpBefore[0]!.members) {
      assert.equal(m.attached, true, JSON.stringify(lacpBefore));
      assert.equal(m.partner.systemId, '52:54:00:00:0b:01');
      assert.match(m.partner.stateWords, /activity timeout aggregation synchronized collecting distributing/);
    }
    // Sluice's view after the change (lacp show right after: the victim detached, the other attached).
    const lm = lacpAfter[0]!.members;
    assert.equal(lm.find((m) => m.name === victim)!.attached, false);
    assert.equal(lm.find((m) => m.name !== victim)!.attached, true);
    assert.equal(bond.members.find((m) => m.name === victim)!.enabled, false);
    assert.ok(g.lastOk, `ping did not go on after ${victim} was taken out:\n${r.log}`);
    assert.ok(g.lost < COUNT / 2, `lost ${g.lost}/${COUNT}`);
    assert.match(b2, /Number of ports: 1/, `the guest's aggregator lost the member:\n${b2}`);
    // Partner timeout: the member whose partner fell silent stopped carrying traffic, the ping went on.
    assert.ok(leftAfter >= 0, `${member} stayed enabled after the guest took ${downNic} down`);
    assert.ok(g2.lastOk, `ping did not go on after the guest took ${downNic} down:\n${r.log}`);
    // lacp-fallback-ab: with no LACP partner left, the bond runs active-backup over m0 and the ping works.
    assert.ok(fellBackAfter >= 0, `no fallback to active-backup:\n${bondText}`);
    assert.equal(fallback.lacpStatus, 'configured');
    assert.equal(fallback.activeMember, 'm0');
    assert.match(bondText, /lacp_fallback_ab: true/);
    assert.match(block(r.log, 'B4'), /Bonding Mode: fault-tolerance \(active-backup\)/);
    assert.ok(g3.lastOk && g3.lost <= 5, `ping through the fallback: lost ${g3.lost}/50:\n${lines('PING3-LINE')}`);
  } finally {
    guest?.kill();
    await d.stop();
    w.cleanup();
  }
});

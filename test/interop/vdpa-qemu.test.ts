/**
 * `sluice vdpa` with a real QEMU guest: a device added with a MAC and an MTU, the guest
 * started with exactly the options `vdpa dev show NAME --qemu -j` prints, sees that MAC and
 * MTU on its eth0 (QEMU negotiates VIRTIO_NET_F_MTU with Sluice and sends NET_SET_MTU); when
 * the guest changes its MAC, its frames are dropped and counted as spoofed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { GUEST_DIR, VMHARNESS, bootQemu, skipIfMissing, startDaemon, workDir } from '../support/vhost-interop.js';

const needs = { root: true, bins: ['qemu-system-x86_64'], files: [join(VMHARNESS, 'run-guest.sh'), join(GUEST_DIR, 'vmlinux')] };
const MAC = '52:54:00:12:34:56';

test('vdpa dev add mac/mtu → QEMU with the printed options: the guest sees them; a changed MAC is dropped as spoofed', { timeout: 240_000 }, async (t) => {
  if (skipIfMissing(t, needs)) return;
  const w = workDir('sluice-vdpa-');
  const d = await startDaemon(join(w.dir, 'state'), join(w.dir, 'api.sock'));
  try {
    d.cli(['vdpa', 'dev', 'add', 'name', 'vd0', 'mgmtdev', 'sluice', 'mac', MAC, 'mtu', '1400', 'path', join(w.dir, 'vd0.sock')]);
    d.cli(['vdpa', 'dev', 'add', 'name', 'vd1', 'mgmtdev', 'sluice', 'path', join(w.dir, 'vd1.sock')]);
    d.cli(['bridge', 'add', 'br0', 'type', 'learning', 'ports', 'vd0,vd1']);
    const { qemu } = d.cli(['vdpa', 'dev', 'show', 'vd0', '--qemu']) as { qemu: string[] };
    console.log(`# QEMU options: ${qemu.join(' ')}`);
    const g = bootQemu({
      name: 'gv', ip: '10.0.0.1/24', dir: w.dir, nicArgs: qemu, timeout: 150,
      cmd: [
        'echo "GUEST-LINK mac=$(cat /sys/class/net/eth0/address) mtu=$(cat /sys/class/net/eth0/mtu)"',
        'arping -c 3 -w 3 -I eth0 10.0.0.9 >/dev/null 2>&1',
        'ip link set eth0 address 52:54:00:de:ad:01 && echo MAC-CHANGED',
        'arping -c 5 -w 5 -I eth0 10.0.0.9 >/dev/null 2>&1', 'exit 0',
      ].join('; '),
    });
    const r = await g.done;
    assert.equal(r.rc, 0, r.log);
    const link = /GUEST-LINK mac=(\S+) mtu=(\d+)/.exec(r.log);
    console.log(`# guest: ${link?.[0]}`);
    assert.ok(link, r.log);
    assert.equal(link[1], MAC);
    assert.equal(link[2], '1400');
    assert.match(r.log, /MAC-CHANGED/);
    const port = d.cli(['port', 'show', 'vd0']) as { rx: { packets: number }; drops: Record<string, number>; info: { frontendMtu: number } } | undefined;
    console.log(`# vd0: rx ${port!.rx.packets} drops ${JSON.stringify(port!.drops)} NET_SET_MTU ${port!.info.frontendMtu}`);
    assert.equal(port!.info.frontendMtu, 1400, 'QEMU sent NET_SET_MTU host_mtu');
    assert.ok(port!.rx.packets >= 3, 'ARP from the given MAC passed');
    assert.ok((port!.drops.spoofed ?? 0) >= 5, 'ARP from another MAC dropped as spoofed');
    const cfg = d.cli(['vdpa', 'dev', 'config', 'show', 'vd0']) as { config: { vd0: { mac: string; mtu: number; negotiated_features: string[] } } };
    assert.equal(cfg.config.vd0.mac, MAC);
    assert.equal(cfg.config.vd0.mtu, 1400);
    assert.ok(cfg.config.vd0.negotiated_features.includes('MTU'), JSON.stringify(cfg));
    const vs = d.cli(['vdpa', 'dev', 'vstats', 'show', 'vd0', 'qidx', '1']) as { vstats: { vd0: { queue_type: string; received_desc: number } } };
    assert.equal(vs.vstats.vd0.queue_type, 'tx');
    assert.ok(vs.vstats.vd0.received_desc >= 8, JSON.stringify(vs));
  } finally {
    await d.stop();
    w.cleanup();
  }
});

/**
 * QEMU live migration through Sluice on one host (as QEMU's own vhost-user-test): a guest
 * with shared memory on port A migrates to a second QEMU started with -incoming on port B
 * over a unix: URI, while a guest on port C pings it through a learning bridge. QEMU reports
 * `completed`, the guest keeps running (no boot in the destination), the ping resumes, the
 * bridge moves the MAC to B (QEMU's SEND_RARP), and the ping gap is printed. Without dirty
 * logging (port option migration=off) QEMU refuses to migrate with its documented message
 * ("Migration disabled: vhost-user backend lacks VHOST_USER_PROTOCOL_F_LOG_SHMFD feature.").
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { ApiClient } from '../../src/ctl/api-client.js';
import { GUEST_DIR, VMHARNESS, bootQemu, pingGap, qmpConnect, runGuest, skipIfMissing, sleep, startDaemon, until, workDir } from '../support/vhost-interop.js';

const needs = { root: true, bins: ['qemu-system-x86_64'], files: [join(VMHARNESS, 'run-guest.sh'), join(GUEST_DIR, 'vmlinux')] };
const MAC = '52:54:00:00:00:01';
const COUNT = 400, INTERVAL = 0.1;

const hasLine = (path: string, what: string) => { try { return readFileSync(path, 'utf8').includes(what); } catch { return false; } };

test('live migration A → B while a guest on C pings it: completed, no reboot, ping resumes, MAC moves to B', { timeout: 540_000 }, async (t) => {
  if (skipIfMissing(t, needs)) return;
  const w = workDir('sluice-mig-');
  const d = await startDaemon(join(w.dir, 'state'), join(w.dir, 'api.sock'));
  const guests: { kill(): void; done: Promise<unknown> }[] = [];
  try {
    for (const n of ['a', 'b']) d.cli(['vdpa', 'dev', 'add', 'name', n, 'mgmtdev', 'sluice', 'mac', MAC, 'path', join(w.dir, `${n}.sock`)]);
    d.cli(['port', 'add', 'c', `vhost-user:${join(w.dir, 'c.sock')}`]);
    d.cli(['bridge', 'add', 'br0', 'type', 'learning', 'ports', 'a,b,c']);
    const argsA = (d.cli(['vdpa', 'dev', 'show', 'a', '--qemu']) as { qemu: string[] }).qemu;
    const argsB = (d.cli(['vdpa', 'dev', 'show', 'b', '--qemu']) as { qemu: string[] }).qemu;
    const qmpA = join(w.dir, 'qmp-a'), mig = join(w.dir, 'mig.sock');
    const cmd = `vmh_wait_peer 10.0.0.3 240 && echo MIG-READY; sleep 70; echo "GUEST-UPTIME $(cut -d' ' -f1 /proc/uptime)"; exit 0`;
    const src = bootQemu({ name: 'src', guest: 'gm', ip: '10.0.0.1/24', dir: w.dir, nicArgs: argsA, timeout: 420, cmd, extra: ['-qmp', `unix:${qmpA},server=on,wait=off`] });
    guests.push(src);
    const logC = join(w.dir, 'gc.log');
    const peer = runGuest({ sock: join(w.dir, 'c.sock'), name: 'gc', ip: '10.0.0.3/24', mac: '52:54:00:00:00:03', log: logC, timeout: 420,
      cmd: `vmh_wait_peer 10.0.0.1 250 && echo PEER-PINGING && ping -c ${COUNT} -i ${INTERVAL} -W 1 10.0.0.1 > /tmp/p 2>&1; sed 's/^/PING-LINE /' /tmp/p; exit 0` });
    guests.push({ kill: () => peer.child.kill('SIGTERM'), done: peer.done });
    const dst = bootQemu({ name: 'dst', guest: 'gm', ip: '10.0.0.1/24', dir: w.dir, nicArgs: argsB, timeout: 420, cmd, extra: ['-incoming', `unix:${mig}`] });
    guests.push(dst);
    assert.ok(await until(() => hasLine(logC, 'PEER-PINGING') && hasLine(join(w.dir, 'src.log'), 'MIG-READY'), 300_000, 200),
      `guests did not meet:\n${src.log()}\n--- peer ---\n${(() => { try { return readFileSync(logC, 'utf8'); } catch { return ''; } })()}\n${d.log().slice(-3000)}`);
    await sleep(3000);
    const q = await qmpConnect(qmpA);
    const started = await q.cmd('migrate', { uri: `unix:${mig}` });
    assert.equal(started.error, undefined, JSON.stringify(started));
    let info: Record<string, unknown> = {};
    for (let i = 0; i < 1200; i++) {
      info = (await q.cmd('query-migrate')).return as Record<string, unknown>;
      if (info.status === 'completed' || info.status === 'failed' || info.status === 'cancelled') break;
      await sleep(20);
    }
    const tDone = Date.now();
    q.close();
    assert.equal(info.status, 'completed', JSON.stringify(info));
    // QEMU announces the guest (SEND_RARP) as the destination resumes, which can be just after
    // query-migrate says completed: poll the bridge briefly instead of sampling it once.
    // Polled in this process: a CLI per poll would cost more than the time measured.
    type BridgeView = { info: { macs: { moved: number } } };
    const api = new ApiClient(d.api, 5000);
    const bridge = async (): Promise<BridgeView> => { const v = await api.request('bridge.show', { name: 'br0' }) as BridgeView[] | BridgeView; return Array.isArray(v) ? v[0]! : v; };
    let macsAfter = await bridge();
    while (macsAfter.info.macs.moved < 1 && Date.now() - tDone < 3000) { await sleep(5); macsAfter = await bridge(); }
    const moveMs = Date.now() - tDone;
    api.close();
    // When port b sent the guest's RARP into the switch (its log line is timestamped; the bridge
    // learns in the same breath), from when query-migrate was seen to say completed (polled every 20 ms).
    const rarpAt = d.log().match(/sluice: (\S+) b \(vhost-user [^)]*\): first RARP sent/)?.[1];
    const rarpMs = rarpAt ? String(Date.parse(`${new Date(tDone).toISOString().slice(0, 11)}${rarpAt}Z`) - tDone) : '-';
    src.kill(); // paused in postmigrate: the guest runs in dst now
    const [rc, rd] = await Promise.all([peer.done, dst.done]);
    assert.equal(rd.rc, 0, `destination:\n${rd.log}`);
    assert.doesNotMatch(rd.log, /VMH-BOOT/, 'the guest booted again in the destination');
    assert.match(rd.log, /GUEST-UPTIME \d+/);
    assert.equal(rc.rc, 0, rc.log);
    const g = pingGap(rc.log, COUNT, INTERVAL);
    const ports = d.cli(['port', 'show']) as { name: string; rx: { packets: number }; info: { logBases: number; rarpsSent: number } }[];
    const pa = ports.find((p) => p.name === 'a')!, pb = ports.find((p) => p.name === 'b')!;
    const br = macsAfter;
    console.log(`# migration: QEMU total ${info['total-time']} ms, downtime ${info.downtime} ms; peer lost ${g.lost}/${COUNT} pings at ${INTERVAL}s, ping gap ${g.gap.toFixed(2)} s; ` +
      `a: SET_LOG_BASE ×${pa.info.logBases}; b: RARPs sent ${pb.info.rarpsSent}, rx ${pb.rx.packets}; bridge MAC moves ${br.info.macs.moved} (seen ${moveMs} ms after completed; RARP sent into the switch at ${rarpMs} ms)`);
    assert.ok(pa.info.logBases >= 1, 'QEMU gave the source a dirty log');
    assert.ok(g.lastOk, `ping did not resume after the migration:\n${rc.log}`);
    assert.ok(pb.rx.packets > 0, 'the destination port carried the guest after the migration');
    assert.ok(br.info.macs.moved >= 1, 'the bridge moved the MAC to port b');
  } finally {
    for (const g of guests) g.kill();
    await Promise.all(guests.map((g) => g.done));
    await d.stop();
    w.cleanup();
  }
});

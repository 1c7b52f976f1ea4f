/**
 * `sluice daemon` killed with -9 and started again on the same state directory while two
 * QEMU guests ping each other through it, in both vhost-user roles:
 *  - QEMU as the client (`reconnect=1`): the new daemon listens again, QEMU reconnects;
 *  - QEMU as the server (`server=on`): the new daemon's client ports connect again.
 * The guests are not rebooted, the rings resume from their indices (used.idx) and the ping
 * gap (longest time without a reply, from busybox ping's seq and rtt) is printed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { VMHARNESS, GUEST_DIR, pingGap, runGuest, skipIfMissing, startDaemon, until, workDir, type Daemon } from '../support/vhost-interop.js';
import { readFileSync } from 'node:fs';

const needs = { root: true, bins: ['qemu-system-x86_64'], files: [join(VMHARNESS, 'run-guest.sh'), join(GUEST_DIR, 'vmlinux')] };
const COUNT = 120, INTERVAL = 0.1;

async function restart(t: import('node:test').TestContext, mode: 'client' | 'server', how: 'kill -9' | 'handover'): Promise<void> {
  if (skipIfMissing(t, needs)) return;
  const w = workDir('sluice-rst-');
  const a = join(w.dir, 'a.sock'), b = join(w.dir, 'b.sock'), state = join(w.dir, 'state'), api = join(w.dir, 'api.sock');
  const role = mode === 'server' ? ',client' : '';
  let d: Daemon | null = null;
  const setup = async () => {
    d = await startDaemon(state, api);
    d.cli(['port', 'add', 'a', `vhost-user:${a}${role}`]);
    d.cli(['port', 'add', 'b', `vhost-user:${b}${role}`]);
    d.cli(['bridge', 'add', 'x', 'type', 'patch', 'ports', 'a,b']);
  };
  if (mode === 'client') await setup();
  try {
    const logA = join(w.dir, 'ga.log');
    const ga = runGuest({ sock: a, mode, name: 'ga', ip: '10.0.0.1/24', mac: '52:54:00:00:00:01', log: logA, timeout: 180,
      cmd: `vmh_wait_peer 10.0.0.2 60 && echo RESTART-NOW && ping -c ${COUNT} -i ${INTERVAL} -W 1 10.0.0.2 > /tmp/p 2>&1; sed 's/^/PING-LINE /' /tmp/p; vmh_send_msg 10.0.0.2 7777 done; exit 0` });
    const gb = runGuest({ sock: b, mode, name: 'gb', ip: '10.0.0.2/24', mac: '52:54:00:00:00:02', log: join(w.dir, 'gb.log'), timeout: 180,
      cmd: 'vmh_wait_msg 7777 170' });
    if (mode === 'server') await until(() => { try { readFileSync(a); return true; } catch (e) { return (e as NodeJS.ErrnoException).code !== 'ENOENT'; } }, 30_000);
    if (mode === 'server') await setup();
    const started = await until(() => { try { return readFileSync(logA, 'utf8').includes('RESTART-NOW'); } catch { return false; } }, 150_000, 100);
    assert.ok(started, 'guests never pinged each other');
    await new Promise((r) => setTimeout(r, 3000));
    const t0 = Date.now();
    let earlyLog = '';
    if (how === 'kill -9') {
      await d!.kill9();
      d = await startDaemon(state, api);
    } else {
      const old = d!;
      d = await startDaemon(state, api, ['--handover']);
      assert.ok(await until(() => old.child.exitCode !== null, 10_000), 'the old daemon exited after handing over');
      assert.match(d.log(), /"event":"took-over"/);
      await new Promise((r) => setTimeout(r, 4000)); // still pinging: what the new daemon saw meanwhile
      earlyLog = d.log();
    }
    const back = (Date.now() - t0) / 1000;
    const [ra, rb] = await Promise.all([ga.done, gb.done]);
    assert.equal(ra.rc, 0, ra.log);
    assert.equal(rb.rc, 0, rb.log);
    assert.doesNotMatch(ra.log, /VMH-BOOT[\s\S]*VMH-BOOT/, 'guest rebooted');
    const g = pingGap(ra.log, COUNT, INTERVAL);
    const ports = d.cli(['port', 'show']) as { name: string; rx: { packets: number }; tx: { packets: number } }[];
    console.log(`# restart, QEMU ${mode} (${how}, new daemon's API up after ${back.toFixed(2)} s): lost ${g.lost}/${COUNT} pings at ${INTERVAL}s, ping gap ${g.gap.toFixed(2)} s; new daemon moved ${ports.map((p) => `${p.name} rx=${p.rx.packets} tx=${p.tx.packets}`).join(', ')}`);
    assert.ok(g.lastOk, `ping did not resume:\n${ra.log}\n${d.log()}`);
    for (const p of ports) assert.ok(p.rx.packets > 0 && p.tx.packets > 0, `the new daemon moved nothing on ${p.name}`);
    if (how === 'handover') {
      assert.equal(earlyLog.match(/hand-over: took over the connection/g)?.length, 2, `both connections adopted: ${earlyLog}`);
      assert.doesNotMatch(earlyLog, /disconnected/, 'no connection was dropped while the guests pinged');
    }
  } finally {
    if (d) await (d as Daemon).stop();
    w.cleanup();
  }
}

test('daemon kill -9 and restart, QEMU vhost-user client (reconnect=1): guests keep pinging, no reboot', { timeout: 300_000 }, async (t) => {
  await restart(t, 'client', 'kill -9');
});

test('daemon kill -9 and restart, QEMU vhost-user server (Sluice reconnects): guests keep pinging, no reboot', { timeout: 300_000 }, async (t) => {
  await restart(t, 'server', 'kill -9');
});

test('sluice daemon --handover takes the connections of the running daemon (QEMU client): no reconnect, ping gap printed', { timeout: 300_000 }, async (t) => {
  await restart(t, 'client', 'handover');
});

test('sluice daemon --handover with QEMU as the vhost-user server', { timeout: 300_000 }, async (t) => {
  await restart(t, 'server', 'handover');
});

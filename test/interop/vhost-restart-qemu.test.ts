/**
 * Switch upgrades under running QEMU guests: two guests ping each other every 20 ms through a
 * `sluice daemon` while (1) a new daemon takes over with `--handover` and (2) later that one
 * is killed with -9 and a new daemon starts on the same state directory. Both vhost-user
 * roles: QEMU as the client (`reconnect=1`; the daemon listens again) and as the server
 * (`server=on`; the daemon's client ports connect again). The guests are not rebooted, the
 * rings resume from their indices, and the ping gap around each event is printed (the longest
 * time with no reply arriving: a ping held in the virtqueue while no switch ran is answered
 * late, not lost), with the new daemon's start-up milestones from its log. After kill -9,
 * QEMU takes the guests' links down and Linux drops their neighbour entries: they send again
 * at their next ARP retransmission (1 s apart by default), so that gap comes out near 1 s or
 * 2 s even when the milestones show Sluice's rings running well before (README, "Upgrading").
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { VMHARNESS, GUEST_DIR, pingGap, pingGapIn, runGuest, skipIfMissing, sleep, startDaemon, until, workDir, type Daemon } from '../support/vhost-interop.js';

const needs = { root: true, bins: ['qemu-system-x86_64'], files: [join(VMHARNESS, 'run-guest.sh'), join(GUEST_DIR, 'vmlinux')] };
// 20 ms pings resolve a hand-over's gap (the target is under 100 ms); 30 s in all as before.
const COUNT = 1500, INTERVAL = 0.02;

/** ms from `t0` (epoch ms) to each start-up milestone in a daemon's log (JSON lines and timestamped port lines). */
function milestones(log: string, t0: number): string {
  const day = new Date(t0).toISOString().slice(0, 11);
  const at = (re: RegExp, iso = false): string => {
    const m = log.match(re);
    if (!m) return '-';
    const t = Date.parse(iso ? m[1]! : `${day}${m[1]!}Z`);
    return String(t - t0);
  };
  return [
    `process ${((m) => (m ? String(Math.round(Date.parse(m[1]!) - Number(m[2]) - t0)) : '-'))(log.match(/"ts":"([^"]+)","event":"applied".*"upMs":([\d.]+)/))}`, `took-over ${at(/"ts":"([^"]+)","event":"took-over"/, true)}`,
    `pool ${at(/"ts":"([^"]+)","level":"info","event":"pool"/, true)}`, `applied ${at(/"ts":"([^"]+)","event":"applied"/, true)}`,
    `engine ${at(/"ts":"([^"]+)","event":"engine-started"/, true)}`, `api ${at(/"ts":"([^"]+)","event":"api-listen"/, true)}`,
    ...['a', 'b'].map((p) => `port ${p}: connected ${at(new RegExp(`sluice: (\\S+) ${p} \\(vhost-user [^)]*\\): (?:connected|hand-over: took)`))}, ` +
      `first frame from the guest ${at(new RegExp(`sluice: (\\S+) ${p} \\(vhost-user [^)]*\\): first frame from`))}, ` +
      `to it ${at(new RegExp(`sluice: (\\S+) ${p} \\(vhost-user [^)]*\\): first frame to`))}`),
  ].join(', ') + ' ms';
}

async function upgrades(t: import('node:test').TestContext, mode: 'client' | 'server'): Promise<void> {
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
    const ga = runGuest({ sock: a, mode, name: 'ga', ip: '10.0.0.1/24', mac: '52:54:00:00:00:01', log: logA, timeout: 240,
            // Only the reply fields go to the serial console (1500 lines through an emulated UART).
      cmd: `vmh_wait_peer 10.0.0.2 90 && echo PING-START && ping -c ${COUNT} -i ${INTERVAL} -W 1 10.0.0.2 > /tmp/p 2>&1; sed -n 's/.*\\(seq=[0-9]* ttl=[0-9]* time=[0-9.]* ms\\)/\\1/p; /transmitted/p' /tmp/p; vmh_send_msg 10.0.0.2 7777 done; exit 0` });
    const gb = runGuest({ sock: b, mode, name: 'gb', ip: '10.0.0.2/24', mac: '52:54:00:00:00:02', log: join(w.dir, 'gb.log'), timeout: 240,
      cmd: 'vmh_wait_msg 7777 230' });
    if (mode === 'server') {
      await until(() => { try { readFileSync(a); return true; } catch (e) { return (e as NodeJS.ErrnoException).code !== 'ENOENT'; } }, 30_000);
      await setup();
    }
    assert.ok(await until(() => { try { return readFileSync(logA, 'utf8').includes('PING-START'); } catch { return false; } }, 200_000, 100), 'guests never pinged each other');
    const start = Date.now();
    await sleep(3000);

    // 1. Hand-over to a new daemon.
    const old = d!;
    const wallHandover = Date.now();
    const tHandover = (wallHandover - start) / 1000;
    d = await startDaemon(state, api, ['--handover']);
    const handoverApi = (Date.now() - start) / 1000 - tHandover;
    assert.ok(await until(() => old.child.exitCode !== null, 10_000), 'the old daemon exited after handing over');
    await sleep(2000);
    const afterHandover = d.log();
    const handedOver = old.log().match(/"ts":"([^"]+)","event":"handed-over"/)?.[1];
    assert.equal(afterHandover.match(/hand-over: took over the connection/g)?.length, 2, `both connections adopted: ${afterHandover}`);
    assert.doesNotMatch(afterHandover, /disconnected/, 'no connection was dropped');
    await sleep(Math.max(0, 10_000 - (Date.now() - start - tHandover * 1000)));

    // 2. kill -9 and a cold start.
    const wallKill = Date.now();
    const tKill = (wallKill - start) / 1000;
    await d.kill9();
    d = await startDaemon(state, api);
    const killApi = (Date.now() - start) / 1000 - tKill;
    await sleep(3000);
    const killLog = d.log();

    const [ra, rb] = await Promise.all([ga.done, gb.done]);
    assert.equal(ra.rc, 0, ra.log);
    assert.equal(rb.rc, 0, rb.log);
    assert.doesNotMatch(ra.log, /VMH-BOOT[\s\S]*VMH-BOOT/, 'guest rebooted');
    const all = pingGap(ra.log, COUNT, INTERVAL);
    const gHandover = pingGapIn(ra.log, INTERVAL, tHandover - 1, tKill - 1);
    const gKill = pingGapIn(ra.log, INTERVAL, tKill - 1);
    console.log(`# QEMU ${mode}: handover at ${tHandover.toFixed(1)} s (new API up ${handoverApi.toFixed(2)} s): ping gap ${gHandover.toFixed(2)} s; ` +
      `kill -9 at ${tKill.toFixed(1)} s (new API up ${killApi.toFixed(2)} s): ping gap ${gKill.toFixed(2)} s; lost ${all.lost}/${COUNT} pings at ${INTERVAL} s in all`);
    console.log(`# QEMU ${mode}: handover, from the command: ${milestones(afterHandover, wallHandover)}; the old daemon stopped its rings at ${handedOver ? Date.parse(handedOver) - wallHandover : '-'} ms`);
    console.log(`# QEMU ${mode}: kill -9, from the kill: ${milestones(killLog, wallKill)}`);
    assert.ok(all.lastOk, `ping did not resume:\n${ra.log}\n${d.log()}`);
    const ports = d.cli(['port', 'show']) as { name: string; rx: { packets: number }; tx: { packets: number } }[];
    for (const p of ports) assert.ok(p.rx.packets > 0 && p.tx.packets > 0, `the last daemon moved nothing on ${p.name}`);
  } finally {
    if (d) await (d as Daemon).stop();
    w.cleanup();
  }
}

test('daemon --handover, then kill -9 and restart, QEMU vhost-user client (reconnect=1): guests keep pinging, no reboot', { timeout: 400_000 }, async (t) => {
  await upgrades(t, 'client');
});

test('daemon --handover, then kill -9 and restart, QEMU vhost-user server (Sluice reconnects): guests keep pinging, no reboot', { timeout: 400_000 }, async (t) => {
  await upgrades(t, 'server');
});

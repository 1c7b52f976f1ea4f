/**
 * Without dirty logging (port option migration=off) QEMU refuses to live-migrate a guest on a
 * Sluice port, with its documented message ("Migration disabled: vhost-user backend lacks
 * VHOST_USER_PROTOCOL_F_LOG_SHMFD feature."), so the migration test can fail.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { GUEST_DIR, VMHARNESS, bootQemu, qmpConnect, skipIfMissing, startDaemon, until, workDir } from '../support/vhost-interop.js';

const needs = { root: true, bins: ['qemu-system-x86_64'], files: [join(VMHARNESS, 'run-guest.sh'), join(GUEST_DIR, 'vmlinux')] };
const MAC = '52:54:00:00:00:01';
const hasLine = (path: string, what: string) => { try { return readFileSync(path, 'utf8').includes(what); } catch { return false; } };

test('without dirty logging (migration=off) QEMU refuses to migrate: "Migration disabled: vhost-user backend lacks …LOG_SHMFD"', { timeout: 180_000 }, async (t) => {
  if (skipIfMissing(t, needs)) return;
  const w = workDir('sluice-nomig-');
  const d = await startDaemon(join(w.dir, 'state'), join(w.dir, 'api.sock'));
  try {
    d.cli(['port', 'add', 'a', `vhost-user:${join(w.dir, 'a.sock')},mac=${MAC},migration=off`]);
    const { qemu } = d.cli(['vdpa', 'dev', 'show', 'a', '--qemu']) as { qemu: string[] };
    const g = bootQemu({ name: 'gn', ip: '10.0.0.1/24', dir: w.dir, nicArgs: qemu, timeout: 120, cmd: 'sleep 100', extra: ['-qmp', `unix:${join(w.dir, 'qmp')},server=on,wait=off`] });
    try {
      assert.ok(await until(() => hasLine(join(w.dir, 'gn.log'), 'GUEST-READY'), 100_000), `guest did not come up: ${g.log()}`);
      const q = await qmpConnect(join(w.dir, 'qmp'));
      const r = await q.cmd('migrate', { uri: `unix:${join(w.dir, 'mig.sock')}` });
      q.close();
      const err = (r.error as { desc?: string } | undefined)?.desc ?? '';
      console.log(`# QEMU: ${err}`);
      // QEMU 7.2 checks the protocol feature first (hw/virtio/vhost-user.c), then LOG_ALL (vhost.c).
      assert.match(err, /^Migration disabled: vhost(-user backend)? lacks (VHOST_USER_PROTOCOL_F_LOG_SHMFD|VHOST_F_LOG_ALL) feature\.$/);
    } finally { g.kill(); await g.done; }
  } finally {
    await d.stop();
    w.cleanup();
  }
});


/**
 * The torture run (bench/torture.ts) for two minutes: QEMU guests and a testpmd peer on a
 * daemon's bridge under random faults; Sluice stays up, its packets add up at every tick,
 * every disconnect it was dealt is logged and counted, and no buffer leaks. The long run is
 * `bench/torture.sh` (30 minutes).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { VMHARNESS, skipIfMissing } from '../support/vhost-interop.js';

const TORTURE = new URL('../../bench/torture.js', import.meta.url).pathname;
const SECONDS = Number(process.env.TORTURE_SECONDS ?? 120);

test(`torture: ${SECONDS} s of guest, testpmd, config, port, flow and pool faults; Sluice up, nothing leaked, every packet accounted`, { timeout: (SECONDS + 420) * 1000 }, async (t) => {
  if (skipIfMissing(t, { root: true, bins: ['qemu-system-x86_64', 'dpdk-testpmd'], files: [join(VMHARNESS, 'run-guest.sh'), `${process.env.HOME}/.cache/vmharness/guest/vmlinux`] })) return;
  const child = spawn(process.execPath, [TORTURE, '--seconds', String(SECONDS)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => { out += String(d); });
  child.stderr!.on('data', (d) => { out += String(d); });
  const code = await new Promise<number | null>((r) => child.on('exit', r));
  console.log(out.split('\n').filter((l) => /^(torture|FAULT|accounting|disconnects|pool|TORTURE)/.test(l)).map((l) => `# ${l}`).join('\n'));
  assert.equal(code, 0, out.slice(-4000));
  assert.match(out, /TORTURE-OK faults=\d+/);
  const faults = out.split('\n').filter((l) => l.startsWith('FAULT')).length;
  assert.ok(faults >= 5, `only ${faults} faults in ${SECONDS} s`);
});

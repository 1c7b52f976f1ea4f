/**
 * The README's XDP example is real: its C block compiles with clang as the README says, and
 * the one command attaches it to a vhost-user port (`sluice switch --port vhost-user:... --bpf
 * 0:drop_dns.o`); then the program runs in Sluice on DNS and non-DNS frames.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadObject } from '../../src/lib/bpf/object.js';
import { XdpProgram } from '../../src/lib/bpf/program.js';
import { XdpBuff } from '../../src/lib/bpf/xdp-buff.js';
import { buildUdpPacket } from '../../src/lib/proto/index.js';
import { clangArgs } from './build.js';
import { which } from '../interop/af-packet-netns.js';

const ROOT = new URL('../../../', import.meta.url).pathname;

test('README: the XDP example compiles with clang and attaches to a vhost-user port with one command', { timeout: 60_000 }, (t) => {
  if (!which('clang')) { if (process.env.CI === 'true') throw new Error('clang missing under CI'); t.skip('needs clang'); return; }
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const m = /<!-- readme-xdp-example[^>]*-->\n```c\n([\s\S]*?)```/.exec(readme);
  assert.ok(m, 'README has the marked C block');
  const dir = mkdtempSync(join(tmpdir(), 'sluice-readme-'));
  try {
    writeFileSync(join(dir, 'drop_dns.c'), m[1]!);
    execFileSync('clang', clangArgs(join(dir, 'drop_dns.c'), join(dir, 'drop_dns.o')), { stdio: 'pipe' });
    const sock = join(dir, 'vm1.sock');
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/sluice.js'), 'switch', '--port', `vhost-user:${sock}`, '--port', 'sink', '--bpf', `0:${join(dir, 'drop_dns.o')}`, '--duration', '0.5'], { encoding: 'utf8', timeout: 30_000 });
    assert.equal(r.status, 0, r.stderr);
    const s = JSON.parse(r.stdout) as { bpf: { program: string; port: string }[] };
    assert.deepEqual(s.bpf.map((b) => [b.program, b.port]), [['drop_dns', 'p0']]);
    // And it does what it says: DNS dropped and counted, the rest passed.
    const prog = new XdpProgram(loadObject(readFileSync(join(dir, 'drop_dns.o'))).programs[0]!);
    const x = new XdpBuff();
    const buf = new Uint8Array(2048);
    x.attach(buf);
    const run = (dstPort: number) => {
      const p = buildUdpPacket({ srcMac: '02:00:00:00:00:01', dstMac: '02:00:00:00:00:02', srcIp: '10.0.0.1', dstIp: '10.0.0.2', srcPort: 1000, dstPort, size: 80 } as never);
      buf.set(p, 256);
      x.frame(256, 256 + p.length, 0, buf.length);
      return prog.run(x);
    };
    assert.equal(run(53), 1);
    assert.equal(run(53), 1);
    assert.equal(run(80), 2);
    assert.equal(new DataView(prog.map('dropped').get(Uint8Array.of(53, 0))!.buffer).getBigUint64(0, true), 2n);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync, existsSync, symlinkSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileAccess, newFiles, nextOwners, specFiles } from './access.js';
import type { DesiredState } from './model.js';

const stranger = { pid: 1, uid: 4242, gid: 4343 };

test('specFiles: what each port kind names, and how it uses it', () => {
  assert.deepEqual(specFiles('f', 'pcap:/in.pcap,out=/o.pcapng'), [{ field: 'f', path: '/in.pcap', use: 'read' }, { field: 'f out', path: '/o.pcapng', use: 'create' }]);
  assert.deepEqual(specFiles('f', 'vhost-user:/s'), [{ field: 'f', path: '/s', use: 'listen' }]);
  assert.deepEqual(specFiles('f', 'vhost-user:/s,client'), [{ field: 'f', path: '/s', use: 'connect' }]);
  assert.deepEqual(specFiles('f', 'virtio-user:/s'), [{ field: 'f', path: '/s', use: 'connect' }]);
  assert.deepEqual(specFiles('f', 'memif:/m,role=client'), [{ field: 'f', path: '/m', use: 'connect' }]);
  assert.deepEqual(specFiles('f', 'memif:m,abstract'), []);
  assert.deepEqual(specFiles('f', 'gen:size=64'), []);
});

test('newFiles: only new or changed ports and captures are checked', () => {
  const prev: DesiredState = { ports: { a: { spec: 'pcap:,out=/x' } }, captures: [{ port: 'a', file: '/c1' }] };
  const next: DesiredState = { ports: { a: { spec: 'pcap:,out=/x' }, b: { spec: 'tap:t0' } }, captures: [{ port: 'a', file: '/c1' }, { port: 'a', file: '/c2' }, { port: 'a', file: '-' }] };
  assert.deepEqual(newFiles(prev, next), { files: [{ field: 'captures.1.file', path: '/c2', use: 'create' }], kinds: [{ field: 'ports.b.spec', kind: 'tap' }] });
});

test('newFiles: an XDP object the daemon would read is checked as a read, once per port and file', () => {
  const prev: DesiredState = { bpf: [{ port: 'a', file: '/o/a.o' }] };
  const next: DesiredState = { bpf: [{ port: 'a', file: '/o/../o/a.o' }, { port: 'b', file: '/etc/shadow' }] };
  assert.deepEqual(newFiles(prev, next).files, [{ field: 'bpf.1.file', path: '/etc/shadow', use: 'read' }]);
  assert.deepEqual(Object.keys(nextOwners(prev, next, stranger, false)!), ['bpf.b /etc/shadow']);
});

test('nextOwners: an untrusted caller owns what it adds or changes; owners stay with unchanged objects and never come from a document', () => {
  const s1: DesiredState = { ports: { a: { spec: 'sink' }, b: { spec: 'pcap:,out=/o' } } };
  const o1 = nextOwners({ ports: { a: { spec: 'sink' } } }, s1, stranger, false);
  assert.deepEqual(o1, { 'ports.b': { uid: 4242, gid: 4343, what: 'pcap:,out=/o' } });
  // Root applies the same objects with a forged owners section: the daemon's record stays.
  const forged: DesiredState = { ...s1, owners: { 'ports.b': { uid: 0, gid: 0, what: 'pcap:,out=/o' } } };
  assert.deepEqual(nextOwners({ ...s1, owners: o1! }, forged, undefined, true), o1);
  // Root changes the port: root's now (no owner).
  assert.equal(nextOwners({ ...s1, owners: o1! }, { ports: { a: { spec: 'sink' }, b: { spec: 'pcap:,out=/p' } } }, undefined, true), undefined);
  // A capture's owner follows its resolved file.
  assert.deepEqual(Object.keys(nextOwners({}, { captures: [{ port: 'a', file: '/tmp/../tmp/c' }] }, stranger, false)!), ['captures.a /tmp/c']);
});

test('FileAccess: trusted callers pass untouched; an untrusted one is refused outside the allowed directories and through symlinks', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-access-'));
  try {
    const allowed = join(dir, 'ok');
    mkdirSync(allowed);
    symlinkSync('/', join(allowed, 'up'));
    const fa = new FileAccess([allowed]);
    assert.equal(fa.trusted(undefined), true);
    assert.equal(fa.trusted({ pid: 1, uid: process.getuid!(), gid: 0 }), true);
    assert.equal(fa.trusted(stranger), process.getuid!() === 4242);
    const want = (file: string) => ({ captures: [{ port: 'a', file }] });
    assert.throws(() => fa.prepare({}, want(join(dir, 'c.pcapng')), stranger), { code: 'forbidden', message: `captures.0.file: ${dir}/c.pcapng is outside the directories uid 4242 may use (${allowed})` });
    assert.throws(() => fa.prepare({}, want(join(allowed, 'up', 'etc', 'x')), stranger), { code: 'forbidden', message: /is outside the directories/ });
    assert.throws(() => fa.prepare({}, want(join(allowed, 'up')), stranger), { code: 'forbidden', message: /ok\/up is a symbolic link$/ });
    assert.throws(() => fa.prepare({}, { ports: { t: { spec: 'af-packet:eth0' } } }, stranger), { code: 'forbidden', message: /^ports\.t\.spec: af-packet ports need root/ });
    // XDP objects: the daemon (root) would read them; a caller names only what it may read under the allowed directories.
    const attach = (file: string) => ({ bpf: [{ port: 'p', file }] });
    assert.throws(() => fa.prepare({}, attach('/etc/shadow'), stranger), { code: 'forbidden', message: `bpf.0.file: /etc/shadow is outside the directories uid 4242 may use (${allowed})` });
    assert.throws(() => fa.prepare({}, attach(join(allowed, 'up')), stranger), { code: 'forbidden', message: /ok\/up is a symbolic link$/ });
    writeFileSync(join(allowed, 'secret.o'), 'x', { mode: 0o600 });
    if (process.getuid!() !== 4242) assert.throws(() => fa.prepare({}, attach(join(allowed, 'secret.o')), stranger), { code: 'forbidden', message: /^bpf\.0\.file: uid 4242 may not read .*ok\/secret\.o$/ });
    writeFileSync(join(allowed, 'prog.o'), 'x', { mode: 0o644 });
    assert.deepEqual(fa.prepare({}, attach(join(allowed, 'prog.o')), stranger).created, []);
    assert.throws(() => new FileAccess([]).prepare({}, want(join(allowed, 'c')), stranger), { message: /\(none: sluice daemon --allow-dir DIR\)$/ });
    assert.equal(existsSync(join(dir, 'c.pcapng')), false);
    if (process.getuid!() === 0) {
      const made = fa.prepare({}, want(join(allowed, 'c.pcapng')), stranger);
      assert.deepEqual(made.created, [join(allowed, 'c.pcapng')]);
      assert.deepEqual([statSync(join(allowed, 'c.pcapng')).uid, statSync(join(allowed, 'c.pcapng')).gid], [4242, 4343]);
      fa.undo(made);
      assert.equal(existsSync(join(allowed, 'c.pcapng')), false, 'undo removes what it made');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

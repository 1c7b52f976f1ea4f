/**
 * Help as operators expect: `--help` on every verb and subcommand of the command table
 * prints its usage, what it does and an example (exit 0, nothing else run); `sluice
 * --version` is package.json's; global options work before or after the verb.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sluice } from '../support/cli.js';
import { VERBS } from '../../src/cli/command-table.js';

const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };

test('every verb and subcommand has --help with its usage and an example', () => {
  assert.ok(VERBS.length >= 19);
  for (const v of VERBS) {
    for (const sub of [undefined, ...(v.subs ?? []).map((s) => s.name)]) {
      const args = sub ? [v.name, sub, '--help'] : [v.name, '--help'];
      const r = sluice(args);
      assert.equal(r.status, 0, `sluice ${args.join(' ')}: ${r.stderr}`);
      assert.equal(r.stderr, '');
      assert.match(r.stdout, new RegExp(`^usage: sluice ${v.name}${sub ? ` ${sub}` : ''}\\b`), `sluice ${args.join(' ')}`);
      assert.match(r.stdout, /\nexample:\n {2}\S/, `sluice ${args.join(' ')} has an example`);
      if (v.ctl) assert.match(r.stdout, /global options \(before or after the verb\): -j/);
    }
  }
  // The ones the issue found empty, and -h as an alias.
  assert.match(sluice(['port', 'add', '--help']).stdout, /^usage: sluice port add NAME type KIND[^\n]*\n {7}sluice port add NAME SPEC\n[\s\S]*port specs \(kinds built in\):\n {2}af-packet:IFNAME/);
  assert.match(sluice(['run', '-h']).stdout, /^usage: sluice run CONFIG\.yaml[\s\S]*--json FILE/);
  assert.match(sluice(['demo', '--help']).stdout, /^usage: sluice demo \[--duration SECONDS\]/);
  assert.match(sluice(['help', 'trace', 'add']).stdout, /^usage: sluice trace add PORT N/);
  assert.match(sluice(['bridge', 'add-port', '--help']).stdout, /^usage: sluice bridge addif/);
});

test('sluice --version, the overview, and no verb', () => {
  assert.deepEqual(sluice(['--version']), { status: 0, stdout: `sluice ${pkg.version}\n`, stderr: '' });
  assert.deepEqual(sluice(['-V']), { status: 0, stdout: `sluice ${pkg.version}\n`, stderr: '' });
  assert.deepEqual(JSON.parse(sluice(['-j', '--version']).stdout), { version: pkg.version });
  const h = sluice(['--help']);
  assert.equal(h.status, 0);
  for (const v of VERBS) assert.match(h.stdout, new RegExp(`\\n {2}${v.name} +\\S`), `overview lists ${v.name}`);
  const none = sluice([]);
  assert.equal(none.status, 2);
  assert.equal(none.stdout, h.stdout);
  assert.deepEqual(sluice(['-j']), { status: 2, stdout: '{"error":{"code":"usage","message":"missing verb (sluice --help lists them)"}}\n', stderr: '' });
});

test('global options before or after the verb are the same command', () => {
  const sock = '/nonexistent-sluice/api.sock';
  const before = sluice(['-j', '--socket', sock, 'port', 'show']);
  const afterVerb = sluice(['port', 'show', '-j', '--socket', sock]);
  const mixed = sluice(['--socket', sock, 'port', '-j', 'show']);
  assert.equal(before.status, 3);
  assert.deepEqual(afterVerb, before);
  assert.deepEqual(mixed, before);
  assert.equal(JSON.parse(before.stdout).error.code, 'no-daemon');
  assert.equal(before.stderr, '');
  const text = sluice(['--socket', sock, 'stats']);
  assert.equal(text.status, 3);
  assert.match(text.stderr, /^sluice: cannot reach the daemon at \/nonexistent-sluice\/api\.sock: ENOENT/);
});

test('sluice help --man is the man page of the same table', () => {
  const r = sluice(['help', '--man']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, new RegExp(`^\\.TH SLUICE 1 "" "sluice ${pkg.version.replace(/\./g, '\\.')}"`));
  for (const v of VERBS) assert.match(r.stdout, new RegExp(`\\n\\.SS ${v.name}\\n`), `man page has ${v.name}`);
  assert.match(r.stdout, /\n\.B add\n/);
  assert.doesNotMatch(r.stdout, /\n\.(?!TH|SH|SS|TP|B |br|PP|nf|fi)[a-z]/i, 'no text line starts with a stray dot');
});

test('completion offers the verbs of the table, their subcommands and the port kinds built in', () => {
  const r = sluice(['completion', 'bash']);
  assert.equal(r.status, 0);
  assert.match(r.stdout, new RegExp(`compgen -W "${VERBS.map((v) => v.name).join(' ')}"`));
  assert.match(r.stdout, /trace\) COMPREPLY=\( \$\(compgen -W "add show del"/);
  assert.match(r.stdout, /compgen -W "af-packet af-xdp bond gen memif null pcap ring sink tap vhost-user virtio-user"/);
});

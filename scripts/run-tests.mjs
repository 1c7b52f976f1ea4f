#!/usr/bin/env node
// Finds every compiled *.test.js under dist/ and runs them with node's built-in runner,
// one file at a time (tests share the machine's two cores and network namespaces).
// Usage: node scripts/run-tests.mjs [substring-filter...]
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = new URL('../dist/', import.meta.url).pathname;
const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full);
    else if (name.endsWith('.test.js')) files.push(full);
  }
})(root);
const filters = process.argv.slice(2);
const chosen = filters.length ? files.filter((f) => filters.some((s) => f.includes(s))) : files;
if (chosen.length === 0) { console.error('run-tests: no test files matched'); process.exit(1); }
// Every engine a test starts (in process or in a spawned switch) checks at every tick that
// its packets add up (core/accounting.ts): the identity is checked in every test that moves
// packets, not test by test.
const env = { ...process.env, SLUICE_CHECK_ACCOUNTING: process.env.SLUICE_CHECK_ACCOUNTING ?? '1' };
const r = spawnSync(process.execPath, ['--test', '--test-concurrency=1', ...chosen], { stdio: 'inherit', env });
process.exit(r.status ?? 1);

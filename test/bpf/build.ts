/**
 * Build the C test programs with Debian's clang (the command below is the one the README and
 * ORACLES.md give); objects go to a temporary directory, never into the repository.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PROGS_DIR = new URL('../../../test/bpf/progs/', import.meta.url).pathname;

export function clangArgs(src: string, out: string): string[] {
  return ['-O2', '-g', '-target', 'bpf', '-mcpu=v3', '-I/usr/include/x86_64-linux-gnu', '-c', src, '-o', out];
}

/** Compile every progs/*.c (or the named ones); returns name -> object path. */
export function buildPrograms(names?: string[]): Map<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-bpf-'));
  const out = new Map<string, string>();
  for (const f of readdirSync(PROGS_DIR).filter((n) => n.endsWith('.c')).sort()) {
    const name = f.slice(0, -2);
    if (names && !names.includes(name)) continue;
    const o = join(dir, `${name}.o`);
    execFileSync('clang', clangArgs(join(PROGS_DIR, f), o), { stdio: 'pipe' });
    out.set(name, o);
  }
  return out;
}

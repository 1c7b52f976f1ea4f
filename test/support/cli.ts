/** Run the real `sluice` CLI as a child process (tests drive it the way users do). */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';

export const SLUICE = new URL('../../../bin/sluice.js', import.meta.url).pathname;

export interface CliResult { status: number | null; stdout: string; stderr: string }

export function sluice(args: string[], opts: { timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): CliResult {
  const r = spawnSync(process.execPath, [SLUICE, ...args], { encoding: 'utf8', timeout: opts.timeoutMs ?? 30000, env: { ...process.env, ...opts.env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Start `sluice ...` in the background; `stop()` sends SIGINT and resolves with its output. */
export function sluiceBackground(args: string[], env: Record<string, string> = {}): { child: ChildProcess; stop(signal?: NodeJS.Signals): Promise<CliResult>; stderr(): string } {
  const child = spawn(process.execPath, [SLUICE, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let out = '', err = '';
  child.stdout!.on('data', (d) => { out += d; });
  child.stderr!.on('data', (d) => { err += d; });
  const exited = new Promise<CliResult>((res) => child.on('exit', (status) => res({ status, stdout: out, stderr: err })));
  return {
    child,
    stderr: () => err,
    async stop(signal: NodeJS.Signals = 'SIGINT') {
      child.kill(signal);
      const t = setTimeout(() => child.kill('SIGKILL'), 10000);
      const r = await exited;
      clearTimeout(t);
      return r;
    },
  };
}

/** True when a test needing `what` must fail rather than skip (CI=true). */
export function mustHave(): boolean { return process.env.CI === 'true'; }

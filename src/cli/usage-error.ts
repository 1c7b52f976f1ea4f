/** An error caused by the user's input (arguments, files, configs): printed as one line, no stack. */
export class UsageError extends Error {
  /** Machine-readable code for `{"error":{"code","message"}}` under -j. */
  readonly code: string;
  constructor(message: string, readonly exitCode = 2, code?: string) {
    super(message);
    this.name = 'UsageError';
    this.code = code ?? CODES[exitCode] ?? 'error';
  }
}

const CODES: Record<number, string> = { 1: 'refused', 2: 'usage', 3: 'no-daemon', 4: 'timeout', 5: 'permission-denied' };

/**
 * A system error that reached the top (a file or address the user named could not be
 * used) as one line naming it, exit 1; undefined for anything else (a bug: print its stack).
 */
export function describeError(err: unknown): UsageError | undefined {
  if (!(err instanceof Error)) return undefined;
  const e = err as NodeJS.ErrnoException & { address?: string; port?: number; call?: string };
  if (typeof e.code !== 'string' || !/^E[A-Z0-9]+$/.test(e.code)) return undefined;
  if (e.name === 'SysError') return new UsageError(e.message, 1, 'system');
  const what = e.path ?? (e.address !== undefined ? `${e.address}${e.port !== undefined && e.port >= 0 ? `:${e.port}` : ''}` : undefined);
  if (what === undefined) return undefined;
  return new UsageError(`${what}: ${e.code}${e.syscall ? ` (${e.syscall})` : ''}`, 1, 'system');
}

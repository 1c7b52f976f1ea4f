/**
 * Syscall failures as typed errors. Every wrapper in sys/ throws `SysError` naming the call
 * and the errno, so a log line says exactly what failed ("mmap: ENOMEM (12)").
 */
import { constants } from 'node:os';

const errnoNames: string[] = [];
for (const [name, value] of Object.entries(constants.errno)) errnoNames[value] = name;

/** Symbolic name of an errno value, e.g. 11 → "EAGAIN". */
export function errnoName(errno: number): string {
  return errnoNames[errno] ?? `E${errno}`;
}

export class SysError extends Error {
  /** Symbolic errno, e.g. "ECONNREFUSED". */
  readonly code: string;
  constructor(readonly call: string, readonly errno: number, detail?: string) {
    super(`${call}${detail ? ` (${detail})` : ''}: ${errnoName(errno)} (${errno})`);
    this.name = 'SysError';
    this.code = errnoName(errno);
  }
}

export const EINTR = 4;
export const EAGAIN = 11;
export const EPERM = 1;
export const ENOENT = 2;
export const ECONNREFUSED = 111;

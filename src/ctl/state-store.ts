/**
 * The daemon's durable desired state, kept as OVSDB keeps its database: one directory
 * (`--state-dir`) that one daemon at a time owns, holding
 *
 *   lock         flock(2)-ed for the daemon's lifetime; holds the owner's pid (for messages)
 *   state.json   {"format": 1, "generation": N, "saved": ISO time, "state": DesiredState}
 *   handover.sock  where the running daemon hands its ports to `sluice daemon --handover` (handover.ts)
 *
 * `save` writes state.json.tmp, fsyncs it, renames it over state.json and fsyncs the
 * directory, so after a crash (even kill -9 or power loss) state.json is either the old or
 * the new state, never a torn one. The daemon answers an API call only after its save.
 *
 * `load` refuses, with one line naming the file, a state file that does not parse, is not
 * a valid state, or was written in a newer format: a daemon must never start empty over a
 * state it could not read.
 */
import { closeSync, mkdirSync, openSync, readFileSync, writeSync, ftruncateSync, unlinkSync, constants } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { tryLockExclusive } from '../sys/index.js';
import { validateState, type DesiredState } from './model.js';

/** The state file format this build writes (and the newest it reads). */
export const STATE_FORMAT = 1;

/** A state directory problem a user must act on (one line, names the path). */
export class StateStoreError extends Error {
  constructor(message: string) { super(message); this.name = 'StateStoreError'; }
}

/** /var/lib/sluice for root; otherwise $XDG_STATE_HOME/sluice or ~/.local/state/sluice. */
export function defaultStateDir(env: NodeJS.ProcessEnv = process.env, uid = process.getuid?.() ?? 0): string {
  if (uid === 0) return '/var/lib/sluice';
  const xdg = env.XDG_STATE_HOME;
  return xdg && xdg.startsWith('/') ? join(xdg, 'sluice') : join(env.HOME || homedir(), '.local', 'state', 'sluice');
}

function errText(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
}

export class StateStore {
  readonly file: string;
  private lockFd: number;
  private generation = 0;

  private constructor(readonly dir: string, lockFd: number) {
    this.lockFd = lockFd;
    this.file = join(dir, 'state.json');
  }

  /** Create the directory if needed and lock it; throws StateStoreError if another daemon holds it. */
  static open(dirIn: string): StateStore {
    const dir = resolve(dirIn);
    try { mkdirSync(dir, { recursive: true, mode: 0o750 }); } catch (e) { throw new StateStoreError(`state directory ${dir}: cannot create it: ${errText(e)}`); }
    const lockPath = join(dir, 'lock');
    let fd: number;
    try { fd = openSync(lockPath, constants.O_RDWR | constants.O_CREAT, 0o644); } catch (e) { throw new StateStoreError(`state directory ${dir}: cannot open ${lockPath}: ${errText(e)}`); }
    let locked: boolean;
    try { locked = tryLockExclusive(fd); } catch (e) {
      closeSync(fd);
      throw new StateStoreError(`state directory ${dir}: cannot lock ${lockPath}: ${(e as Error).message}`);
    }
    if (!locked) {
      let holder = '';
      try { holder = readFileSync(lockPath, 'utf8').trim(); } catch { /* unreadable: say less */ }
      closeSync(fd);
      throw new StateStoreError(`state directory ${dir} is in use by another sluice daemon${/^\d+$/.test(holder) ? ` (pid ${holder})` : ''} holding ${lockPath}`);
    }
    // The pid is for people and messages only; the flock is what excludes.
    ftruncateSync(fd, 0);
    writeSync(fd, `${process.pid}\n`, 0);
    try { unlinkSync(join(dir, 'state.json.tmp')); } catch { /* none left by a crash */ }
    return new StateStore(dir, fd);
  }

  /** The saved state, or undefined when the directory holds none yet. */
  load(): DesiredState | undefined {
    let text: string;
    try { text = readFileSync(this.file, 'utf8'); } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw new StateStoreError(`${this.file}: cannot read the state file: ${errText(e)}`);
    }
    let doc: { format?: unknown; generation?: unknown; state?: unknown };
    try { doc = JSON.parse(text) as typeof doc; } catch (e) {
      throw new StateStoreError(`${this.file}: corrupt state file (${(e as Error).message}); refusing to start without it (restore it, or move it away to start empty)`);
    }
    if (doc === null || typeof doc !== 'object' || typeof doc.format !== 'number' || !Number.isInteger(doc.format) || doc.format < 1) {
      throw new StateStoreError(`${this.file}: corrupt state file (no valid "format"); refusing to start without it (restore it, or move it away to start empty)`);
    }
    if (doc.format > STATE_FORMAT) {
      throw new StateStoreError(`${this.file}: written in state format ${doc.format} by a newer Sluice; this one reads format ${STATE_FORMAT} (run the newer version)`);
    }
    let s: DesiredState;
    try { s = validateState(doc.state); } catch (e) {
      throw new StateStoreError(`${this.file}: corrupt state file: ${(e as Error).message}`);
    }
    this.generation = typeof doc.generation === 'number' ? doc.generation : 0;
    return s;
  }

  /** Write `state` durably (temp file, fsync, rename, fsync directory). */
  async save(state: DesiredState): Promise<void> {
    const gen = this.generation + 1;
    const body = JSON.stringify({ format: STATE_FORMAT, generation: gen, saved: new Date().toISOString(), state }, null, 2) + '\n';
    const tmp = `${this.file}.tmp`;
    const f = await open(tmp, 'w', 0o640);
    try {
      await f.writeFile(body);
      await f.sync();
    } finally {
      await f.close();
    }
    await rename(tmp, this.file);
    // The rename is durable only once the directory entry is.
    const d = await open(this.dir, 'r');
    try { await d.sync(); } finally { await d.close(); }
    this.generation = gen;
  }

  /** Release the lock (the directory and its files stay). */
  close(): void {
    if (this.lockFd < 0) return;
    closeSync(this.lockFd);
    this.lockFd = -1;
  }
}

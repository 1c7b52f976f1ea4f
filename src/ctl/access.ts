/**
 * Who may make the daemon touch which files. The API socket's group is a door into a daemon
 * that usually runs as root; without this, `port add pp pcap:,out=/root/x` from any member
 * of that group would create a root-owned file in /root.
 *
 * Callers are known by SO_PEERCRED. Root and the daemon's own user are trusted (they could
 * do it themselves). Any other caller may name files and sockets (pcap input and output,
 * captures, XDP program objects, vhost-user / virtio-user / memif sockets) only under the directories given with
 * `sluice daemon --allow-dir DIR` (default: none), and only port kinds whose files this
 * module knows (tap and af-packet act on kernel interfaces: root only). For each path:
 *   - the parent directory is resolved (realpath) and must be an allowed directory or below one;
 *   - the last component must not be a symbolic link (and the pcap/capture writers open it
 *     with O_NOFOLLOW, so one swapped in later is refused too);
 *   - an existing file must be the caller's (or, to read, readable by the caller);
 *   - an output file is created here (O_CREAT|O_EXCL|O_NOFOLLOW) and chowned to the caller
 *     before the port or capture app opens it; a listening socket is chowned after the app
 *     made it. Refusals are ApiError "forbidden" naming the field and the path.
 * What such a caller made is recorded in the state's `owners` (never taken from a document)
 * and checked again, as that caller, when a daemon starts on the saved state: a directory
 * swapped for a symlink while the daemon was down stops the start instead of being followed.
 */
import { closeSync, constants as fsc, fchownSync, lchownSync, lstatSync, openSync, realpathSync, unlinkSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parsePortSpec } from '../core/port-spec.js';
import { ApiError, type Caller } from './api-server.js';
import type { DesiredState, Owner } from './model.js';

/** create: an output file; read: an input file; listen: a socket the port serves; connect: one it dials. */
export type Use = 'create' | 'read' | 'listen' | 'connect';
export interface NamedFile { field: string; path: string; use: Use }

/** Kinds that name no file, and kinds whose files specFiles() knows; the rest need root. */
const NO_FILES = new Set(['gen', 'sink', 'null', 'ring']);
const WITH_FILES = new Set(['pcap', 'vhost-user', 'virtio-user', 'memif']);

/** Files a port spec names (the caller of a kind outside both sets is refused by check()). */
export function specFiles(field: string, spec: string): NamedFile[] {
  let p;
  try { p = parsePortSpec(spec); } catch { return []; } // refused later as invalid
  const out: NamedFile[] = [];
  switch (p.kind) {
    case 'pcap':
      if (p.arg !== '') out.push({ field, path: p.arg, use: 'read' });
      if (typeof p.options.out === 'string') out.push({ field: `${field} out`, path: p.options.out, use: 'create' });
      break;
    case 'vhost-user':
      if (p.arg !== '') out.push({ field, path: p.arg, use: p.options.client === true ? 'connect' : 'listen' });
      break;
    case 'virtio-user':
      if (p.arg !== '') out.push({ field, path: p.arg, use: 'connect' });
      break;
    case 'memif':
      if (p.arg !== '' && p.options.abstract !== true && p.options.abstract !== 'yes') out.push({ field, path: p.arg, use: p.options.role === 'client' ? 'connect' : 'listen' });
      break;
  }
  return out;
}

function kindOf(spec: string): string | undefined {
  try { return parsePortSpec(spec).kind; } catch { return undefined; }
}

/** What `next` names that `prev` did not (only new or changed ports, captures and XDP objects are checked). */
export function newFiles(prev: DesiredState, next: DesiredState): { files: NamedFile[]; kinds: { field: string; kind: string }[] } {
  const files: NamedFile[] = [];
  const kinds: { field: string; kind: string }[] = [];
  for (const [n, p] of Object.entries(next.ports ?? {})) {
    if (prev.ports?.[n]?.spec === p.spec) continue;
    const k = kindOf(p.spec);
    if (k !== undefined) kinds.push({ field: `ports.${n}.spec`, kind: k });
    files.push(...specFiles(`ports.${n}.spec`, p.spec));
  }
  const had = new Set((prev.captures ?? []).map((c) => `${c.port}\0${resolve(c.file)}`));
  (next.captures ?? []).forEach((c, i) => {
    if (c.file !== '-' && !had.has(`${c.port}\0${resolve(c.file)}`)) files.push({ field: `captures.${i}.file`, path: c.file, use: 'create' });
  });
  // An XDP object is read by the daemon: a caller may only name one it could read itself.
  const loaded = new Set((prev.bpf ?? []).map((b) => `${b.port}\0${resolve(b.file)}`));
  (next.bpf ?? []).forEach((b, i) => {
    if (!loaded.has(`${b.port}\0${resolve(b.file)}`)) files.push({ field: `bpf.${i}.file`, path: b.file, use: 'read' });
  });
  return { files, kinds };
}

const forbidden = (m: string) => new ApiError('forbidden', m);

/** Ports, captures and XDP objects of `s` by owner key, with what identifies them (spec, resolved file). */
function objects(s: DesiredState): Map<string, string> {
  const m = new Map<string, string>();
  for (const [n, p] of Object.entries(s.ports ?? {})) m.set(`ports.${n}`, p.spec);
  for (const c of s.captures ?? []) if (c.file !== '-') m.set(`captures.${c.port} ${resolve(c.file)}`, resolve(c.file));
  for (const b of s.bpf ?? []) m.set(`bpf.${b.port} ${resolve(b.file)}`, resolve(b.file));
  return m;
}

/**
 * The owners `next` should carry: an owner in `prev` stays while its object is unchanged;
 * objects new or changed by an untrusted caller become that caller's.
 */
export function nextOwners(prev: DesiredState, next: DesiredState, caller: Caller | undefined, trusted: boolean): Record<string, Owner> | undefined {
  const out: Record<string, Owner> = {};
  const before = objects(prev);
  for (const [key, what] of objects(next)) {
    const o = prev.owners?.[key];
    if (before.get(key) === what && o?.what === what) out[key] = o;
    else if (!trusted && before.get(key) !== what) out[key] = { uid: caller!.uid, gid: caller!.gid, what };
  }
  return Object.keys(out).length ? out : undefined;
}

/** `s` without the object one owner key names (so checking `s` over it checks that object). */
function without(s: DesiredState, key: string): DesiredState {
  if (key.startsWith('ports.')) {
    const ports = { ...s.ports };
    delete ports[key.slice(6)];
    return { ...s, ports };
  }
  const sp = key.indexOf(' ');
  const file = key.slice(sp + 1);
  if (key.startsWith('bpf.')) {
    const port = key.slice(4, sp);
    return { ...s, bpf: (s.bpf ?? []).filter((b) => !(b.port === port && resolve(b.file) === file)) };
  }
  const port = key.slice(9, sp);
  return { ...s, captures: (s.captures ?? []).filter((c) => !(c.port === port && resolve(c.file) === file)) };
}

function may(st: Stats, c: Caller, bit: 4 | 2): boolean {
  if (st.uid === c.uid) return (st.mode & (bit << 6)) !== 0;
  if (st.gid === c.gid) return (st.mode & (bit << 3)) !== 0;
  return (st.mode & bit) !== 0;
}

/** A file created for a caller, to remove again if the change it was for fails. */
export interface Prepared { created: string[]; sockets: { path: string; caller: Caller }[] }

export class FileAccess {
  /** The allowed directories, resolved (realpath) at start. */
  readonly dirs: string[];

  constructor(dirs: readonly string[] = []) {
    this.dirs = dirs.map((d) => { try { return realpathSync(d); } catch { return resolve(d); } });
  }

  /** Root and the daemon's own user may name anything (they could do it themselves). */
  trusted(c: Caller | undefined): boolean {
    return c === undefined || c.uid === 0 || c.uid === process.getuid?.();
  }

  private allowedDir(real: string): boolean {
    return this.dirs.some((d) => real === d || real.startsWith(d.endsWith('/') ? d : `${d}/`));
  }

  /**
   * Check every file `next` adds over `prev` for caller `c`, create the output files (theirs)
   * and list what to undo or chown. Throws ApiError("forbidden") naming the field, having
   * removed any file it created.
   */
  /**
   * Check what `next` names for caller `c` and make its output files (`check`: only check,
   * as `apply --dry-run` does, so a dry run is refused exactly when the apply would be).
   */
  prepare(prev: DesiredState, next: DesiredState, c: Caller | undefined, check = false): Prepared {
    const done: Prepared = { created: [], sockets: [] };
    if (this.trusted(c)) return done;
    const caller = c!;
    const { files, kinds } = newFiles(prev, next);
    for (const k of kinds) {
      if (!NO_FILES.has(k.kind) && !WITH_FILES.has(k.kind)) throw forbidden(`${k.field}: ${k.kind} ports need root (uid ${caller.uid} may add ${[...NO_FILES, ...WITH_FILES].join(', ')} ports)`);
    }
    try {
      for (const f of files) this.one(f, caller, done, check);
    } catch (e) {
      this.undo(done);
      throw e;
    }
    return done;
  }

  private one(f: NamedFile, c: Caller, done: Prepared, check: boolean): void {
    const abs = resolve(f.path);
    const where = this.dirs.length ? this.dirs.join(', ') : 'none: sluice daemon --allow-dir DIR';
    let parent: string;
    try { parent = realpathSync(dirname(abs)); } catch {
      throw forbidden(`${f.field}: ${abs}: no directory ${dirname(abs)} under the directories uid ${c.uid} may use (${where})`);
    }
    if (!this.allowedDir(parent)) throw forbidden(`${f.field}: ${abs} is outside the directories uid ${c.uid} may use (${where})`);
    const real = join(parent, basename(abs));
    let st: Stats | undefined;
    try { st = lstatSync(real); } catch { /* does not exist */ }
    if (st?.isSymbolicLink()) throw forbidden(`${f.field}: ${abs} is a symbolic link`);
    switch (f.use) {
      case 'read':
        if (!st) return; // the port reports the missing file itself
        if (!st.isFile() || !may(st, c, 4)) throw forbidden(`${f.field}: uid ${c.uid} may not read ${abs}`);
        return;
      case 'connect':
        if (st && (!st.isSocket() || !may(st, c, 2))) throw forbidden(`${f.field}: uid ${c.uid} may not connect to ${abs}`);
        return;
      case 'listen':
        if (st && (!st.isSocket() || st.uid !== c.uid)) throw forbidden(`${f.field}: ${abs} exists and is not a socket of uid ${c.uid}`);
        done.sockets.push({ path: real, caller: c });
        return;
      case 'create':
        if (st) {
          if ((!st.isFile() && !st.isFIFO()) || st.uid !== c.uid) throw forbidden(`${f.field}: ${abs} exists and is not a file of uid ${c.uid}`);
          return;
        }
        if (check) return;
        this.create(real, f, c);
        done.created.push(real);
    }
  }

  /** The output file, made for the caller without following a symlink raced in. */
  private create(real: string, f: NamedFile, c: Caller): void {
    let fd: number;
    try { fd = openSync(real, fsc.O_WRONLY | fsc.O_CREAT | fsc.O_EXCL | fsc.O_NOFOLLOW, 0o644); } catch (e) {
      throw forbidden(`${f.field}: cannot create ${real}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    try { fchownSync(fd, c.uid, c.gid); } finally { closeSync(fd); }
  }

  /**
   * A saved state about to be started: every object an untrusted caller made is checked
   * again as that caller (files it lost are made again, theirs). Throws ApiError "forbidden".
   */
  recheck(s: DesiredState): Prepared {
    const all: Prepared = { created: [], sockets: [] };
    try {
      for (const [key, o] of Object.entries(s.owners ?? {})) {
        const p = this.prepare(without(s, key), s, { pid: 0, uid: o.uid, gid: o.gid });
        all.created.push(...p.created);
        all.sockets.push(...p.sockets);
      }
    } catch (e) {
      this.undo(all);
      throw e;
    }
    return all;
  }

  /** After the change is made: sockets the ports created for the caller become the caller's. */
  finish(p: Prepared, log?: (e: Record<string, unknown>) => void): void {
    for (const s of p.sockets) {
      try {
        const st = lstatSync(s.path);
        if (st.isSocket() && st.uid !== s.caller.uid) lchownSync(s.path, s.caller.uid, -1);
      } catch (e) { log?.({ level: 'warn', event: 'chown-failed', path: s.path, error: (e as Error).message }); }
    }
  }

  /** The change failed: remove the files made for it (nothing is left behind). */
  undo(p: Prepared): void {
    for (const f of p.created) { try { unlinkSync(f); } catch { /* already gone */ } }
    p.created.length = 0;
  }
}

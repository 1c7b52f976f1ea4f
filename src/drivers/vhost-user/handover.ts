/**
 * Hand-over of live vhost-user ports from one Sluice process to the next (`sluice daemon
 * --handover`): the old process stops its rings where they are and describes each port (its
 * negotiated features, memory table, ring layouts and indices, dirty log) with the fds that
 * make it (listening and connected sockets, memory regions, kick/call/err eventfds, log),
 * passed over a unix socket with SCM_RIGHTS; the new process adopts them when it creates the
 * port of the same socket path, without the frontend seeing a disconnect. The frontend's
 * next message lands on the same connection, now read by the new process.
 */
import { validate as checkGenerated } from './handover-validator.gen.js';
import { closeFd } from '../../sys/index.js';
import { type MemRegion, type VringAddr } from '../../vhost-user/message.js';

/** One port as the old process leaves it (JSON); fd fields index the message's fd list, -1 none. */
export interface PortHandover {
  path: string;
  listenFd: number;
  connFd: number;
  features: string;
  protocolFeatures: string;
  status: number;
  frontendMtu: number;
  regions: (MemRegion & { fd: number })[];
  rings: {
    num: number; addr: (Omit<VringAddr, 'logGpa'> & { logGpa: string }) | null; nextAvail: number; nextUsed: number;
    enabled: boolean; started: boolean; kickFd: number; callFd: number; errFd: number;
  }[];
  log: { size: number; offset: number; fd: number } | null;
}

/** A hand-over message that is not a port as handOver() describes one; names the field. */
export class HandoverError extends Error {}

/** The port schema compiled at build time (ajv standalone): no schema compile at start. */
const checkPort = checkGenerated as ((x: unknown) => boolean) & { errors?: import('ajv').ErrorObject[] | null };

/** The fd indices a port names (-1 is none), in the order adopt() takes them. */
function fdIndices(m: PortHandover): number[] {
  return [m.listenFd, m.connFd, ...m.regions.map((r) => r.fd), ...m.rings.flatMap((r) => [r.kickFd, r.callFd, r.errFd]), m.log?.fd ?? -1].filter((i) => i >= 0);
}

/**
 * Check one hand-over message against what handOver() writes, with `fdCount` fds beside it:
 * every fd index names one of them and no fd is named twice (two owners would close it twice).
 */
export function parsePortHandover(text: string, fdCount: number): PortHandover {
  let m: unknown;
  try { m = JSON.parse(text); } catch (e) { throw new HandoverError(`hand-over message: not JSON (${(e as Error).message})`); }
  if (!checkPort(m)) {
    const err = checkPort.errors![0]!;
    throw new HandoverError(`hand-over message: ${err.instancePath.slice(1).replace(/\//g, '.') || '(top level)'}: ${err.message ?? 'is invalid'}`);
  }
  const p = m as unknown as PortHandover;
  const seen = new Set<number>();
  for (const i of fdIndices(p)) {
    if (i >= fdCount) throw new HandoverError(`hand-over message: fd index ${i} but ${fdCount} fds arrived`);
    if (seen.has(i)) throw new HandoverError(`hand-over message: fd index ${i} is named twice`);
    seen.add(i);
  }
  // Without a connection the device holds nothing (handOver of a disconnected port): no fd may be named for it.
  if (p.connFd < 0 && fdIndices(p).some((i) => i !== p.listenFd)) throw new HandoverError('hand-over message: connFd: none, but device fds are named');
  if (p.regions.some((r) => r.fd < 0)) throw new HandoverError('hand-over message: regions: a region without its fd');
  if (p.log !== null && p.log.fd < 0) throw new HandoverError('hand-over message: log: a log without its fd');
  return p;
}

/**
 * One port as it arrives over the hand-over socket: checked, its unnamed fds closed, and
 * offered to the port of the same path. A message that does not check out closes every fd.
 */
export function receivePort(text: string, fds: number[]): string {
  let m: PortHandover;
  try { m = parsePortHandover(text, fds.length); } catch (e) { for (const fd of fds) closeFd(fd); throw e; }
  const named = new Set(fdIndices(m));
  fds.forEach((fd, i) => { if (!named.has(i)) closeFd(fd); });
  offerAdoption(m, fds);
  return m.path;
}

/** Ports handed to this process, by socket path, until a port of that path adopts its state. */
const pending = new Map<string, { meta: PortHandover; fds: number[] }>();

export function offerAdoption(meta: PortHandover, fds: number[]): void {
  const old = pending.get(meta.path);
  if (old) for (const fd of old.fds) closeFd(fd);
  pending.set(meta.path, { meta, fds });
}

/** The handed-over state of the port at `path`, once (the caller owns the fds). */
export function takeAdoption(path: string): { meta: PortHandover; fds: number[] } | undefined {
  const a = pending.get(path);
  pending.delete(path);
  return a;
}

/** Close what no port of this process adopted (its port is gone from the state). */
export function dropUnadopted(): string[] {
  const paths = [...pending.keys()];
  for (const a of pending.values()) for (const fd of a.fds) closeFd(fd);
  pending.clear();
  return paths;
}

/**
 * Hand-over of live vhost-user ports from one Sluice process to the next (`sluice daemon
 * --handover`): the old process stops its rings where they are and describes each port (its
 * negotiated features, memory table, ring layouts and indices, dirty log) with the fds that
 * make it (listening and connected sockets, memory regions, kick/call/err eventfds, log),
 * passed over a unix socket with SCM_RIGHTS; the new process adopts them when it creates the
 * port of the same socket path, without the frontend seeing a disconnect. The frontend's
 * next message lands on the same connection, now read by the new process.
 */
import { closeFd } from '../../sys/index.js';
import type { MemRegion, VringAddr } from '../../vhost-user/message.js';

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

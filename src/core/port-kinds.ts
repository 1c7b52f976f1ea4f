/**
 * Port kinds for `sluice switch --port` and the daemon: each kind turns a parsed spec into
 * the app that implements the port (type + args), checking every option. Drivers register
 * their kinds here (vhost-user, virtio-user, memif, tap, af-packet…).
 */
import type { AppSpec } from './config.js';
import { PortSpecError, type PortSpec } from './port-spec.js';

export interface PortKind {
  /** Build the app for this spec; throw PortSpecError naming the bad option. */
  app(spec: PortSpec): AppSpec;
  /** One-line usage, e.g. "pcap:FILE[,out=FILE][,loop=N]". */
  usage: string;
}

const kinds = new Map<string, PortKind>();

export function registerPortKind(kind: string, k: PortKind): void { kinds.set(kind, k); }

export function portApp(spec: PortSpec): AppSpec {
  const k = kinds.get(spec.kind);
  if (!k) throw new PortSpecError(`port spec "${spec.text}": unknown kind "${spec.kind}" (known: ${[...kinds.keys()].sort().join(', ')})`);
  return k.app(spec);
}

export function portKindUsage(): string[] {
  return [...kinds.entries()].sort().map(([, k]) => k.usage);
}

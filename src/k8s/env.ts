/**
 * The environment contract between the device plugin (which sets it in Allocate) and
 * `sluice pod-info` (which reads it inside the container).
 *
 * Per port kind K (VHOST_USER, MEMIF), each a comma-separated list in the same order:
 *   SLUICE_<K>_DEVICES   device IDs       e.g. vhu-n0-3,vhu-n0-4
 *   SLUICE_<K>_SOCKETS   container socket paths
 *   SLUICE_<K>_NUMA      NUMA node of each port (-1 unknown)
 * Kinds use distinct names, so a container holding both resources gets both sets (the
 * kubelet merges the envs of several plugins).
 *
 * parseSluiceEnv never throws: malformed entries come back in `problems`.
 */
import type { AllocatedPort, PortKind } from './port-provider.js';

const KEY: Record<PortKind, string> = { 'vhost-user': 'VHOST_USER', memif: 'MEMIF' };

/** Env vars for the ports of one kind (allocates; control path). */
export function buildPortEnv(kind: PortKind, ports: readonly AllocatedPort[]): Record<string, string> {
  const k = KEY[kind];
  return {
    [`SLUICE_${k}_DEVICES`]: ports.map((p) => p.deviceId).join(','),
    [`SLUICE_${k}_SOCKETS`]: ports.map((p) => p.containerSocketPath).join(','),
    [`SLUICE_${k}_NUMA`]: ports.map((p) => String(p.numaNode)).join(','),
  };
}

/** A port as seen from inside the container. */
export interface PodPort {
  kind: PortKind;
  deviceId: string;
  socket: string;
  numaNode: number;
}

export interface SluiceEnv {
  ports: PodPort[];
  problems: string[];
}

function split(v: string | undefined): string[] {
  return v === undefined || v.trim() === '' ? [] : v.split(',').map((s) => s.trim());
}

/** Reads the SLUICE_* variables of `env` (pass process.env in real use). */
export function parseSluiceEnv(env: Readonly<Record<string, string | undefined>>): SluiceEnv {
  const ports: PodPort[] = [];
  const problems: string[] = [];
  for (const kind of Object.keys(KEY) as PortKind[]) {
    const k = KEY[kind];
    const sockets = split(env[`SLUICE_${k}_SOCKETS`]);
    const ids = split(env[`SLUICE_${k}_DEVICES`]);
    const numa = split(env[`SLUICE_${k}_NUMA`]);
    if (ids.length !== 0 && ids.length !== sockets.length) problems.push(`SLUICE_${k}_DEVICES has ${ids.length} entries but SLUICE_${k}_SOCKETS has ${sockets.length}`);
    if (numa.length !== 0 && numa.length !== sockets.length) problems.push(`SLUICE_${k}_NUMA has ${numa.length} entries but SLUICE_${k}_SOCKETS has ${sockets.length}`);
    sockets.forEach((socket, i) => {
      if (!socket.startsWith('/')) { problems.push(`SLUICE_${k}_SOCKETS[${i}] is not an absolute path: ${JSON.stringify(socket)}`); return; }
      const n = numa[i] === undefined ? -1 : Number(numa[i]);
      if (!Number.isInteger(n) || n < -1) problems.push(`SLUICE_${k}_NUMA[${i}] is not a NUMA node: ${JSON.stringify(numa[i])}`);
      ports.push({ kind, deviceId: ids[i] ?? `${kind}${i}`, socket, numaNode: Number.isInteger(n) && n >= -1 ? n : -1 });
    });
  }
  return { ports, problems };
}

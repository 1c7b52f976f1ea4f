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
/** Env vars for the ports of one kind (allocates; control path). */
export declare function buildPortEnv(kind: PortKind, ports: readonly AllocatedPort[]): Record<string, string>;
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
/** Reads the SLUICE_* variables of `env` (pass process.env in real use). */
export declare function parseSluiceEnv(env: Readonly<Record<string, string | undefined>>): SluiceEnv;

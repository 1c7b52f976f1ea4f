/**
 * The fuzz targets by name, loaded lazily: a target's modules must load after the worker
 * starts coverage (coverage.ts), so nothing here imports them statically.
 */
import type { FuzzTarget } from '../harness/target.js';

const TARGETS: Record<string, () => Promise<{ target: FuzzTarget }>> = {
  'vhost-user': () => import('./vhost-user.js'),
  virtq: () => import('./virtq.js'),
  pcap: () => import('./pcap.js'),
  memif: () => import('./memif.js'),
};

export const TARGET_NAMES: readonly string[] = Object.keys(TARGETS);

export async function loadTarget(name: string): Promise<FuzzTarget> {
  const load = TARGETS[name];
  if (!load) throw new Error(`fuzz target "${name}": unknown (known: ${TARGET_NAMES.join(', ')})`);
  return (await load()).target;
}

/**
 * The fuzz targets by name, loaded lazily: a target's modules must load after the worker
 * starts coverage (coverage.ts), so nothing here imports them statically.
 */
import type { FuzzTarget } from '../harness/target.js';

const TARGETS: Record<string, () => Promise<{ target: FuzzTarget }>> = {
  'vhost-user': () => import('./vhost-user.js'),
  'vhost-device': () => import('./vhost-device.js'),
  virtq: () => import('./virtq.js'),
  'vhost-port': () => import('./vhost-port.js'),
  'driver-queue': () => import('./driver-queue.js'),
  pcap: () => import('./pcap.js'),
  memif: () => import('./memif.js'),
  'memif-ring': () => import('./memif-ring.js'),
  offload: () => import('./offload.js'),
  config: () => import('./config.js'),
  'port-spec': () => import('./port-spec.js'),
  state: () => import('./state.js'),
  api: () => import('./api.js'),
  cni: () => import('./cni.js'),
  flow: () => import('./flow.js'),
  'capture-filter': () => import('./capture-filter.js'),
  'device-plugin': () => import('./device-plugin.js'),
  handover: () => import('./handover.js'),
  bpf: () => import('./bpf.js'),
  lacpdu: () => import('./lacpdu.js'),
};

export const TARGET_NAMES: readonly string[] = Object.keys(TARGETS);

export async function loadTarget(name: string): Promise<FuzzTarget> {
  // The harness's own test targets (planted bugs) are loadable but not listed.
  if (name.startsWith('selftest-')) {
    const t = (await import('./selftest.js')).targets[name.slice(9)];
    if (t) return t;
  }
  const load = TARGETS[name];
  if (!load) throw new Error(`fuzz target "${name}": unknown (known: ${TARGET_NAMES.join(', ')})`);
  return (await load()).target;
}

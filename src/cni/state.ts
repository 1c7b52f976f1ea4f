/**
 * One small JSON file per attachment under `stateDir` (`<network>_<container>_<ifname>.json`,
 * mode 0600, written atomically), holding what CHECK and DEL need: mode, names, the daemon
 * socket, the device-info file we wrote, and the ADD result.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import type { Mode } from './config.js';
import type { CniResult } from './result.js';

export interface AttachmentState {
  version: 1;
  network: string;
  containerId: string;
  ifname: string;
  netns: string;
  mode: Mode;
  bridge: string;
  port: string;
  hostVeth?: string;
  podDir?: string;
  socket?: string;
  deviceInfoFile?: string;
  result: CniResult;
}

export function statePath(dir: string, network: string, containerId: string, ifname: string): string {
  return `${dir}/${network}_${containerId}_${ifname}.json`;
}

export function saveState(dir: string, s: AttachmentState): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const p = statePath(dir, s.network, s.containerId, s.ifname);
  const tmp = `${p}.tmp${process.pid}`;
  writeFileSync(tmp, JSON.stringify(s), { mode: 0o600 });
  renameSync(tmp, p);
}

/** undefined when absent or unreadable (DEL then works from derived names alone). */
export function loadState(dir: string, network: string, containerId: string, ifname: string): AttachmentState | undefined {
  try {
    const s = JSON.parse(readFileSync(statePath(dir, network, containerId, ifname), 'utf8')) as AttachmentState;
    return s && s.version === 1 && typeof s.port === 'string' ? s : undefined;
  } catch { return undefined; }
}

export function removeState(dir: string, network: string, containerId: string, ifname: string): void {
  rmSync(statePath(dir, network, containerId, ifname), { force: true });
}

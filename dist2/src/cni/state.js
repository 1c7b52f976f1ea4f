/**
 * One small JSON file per attachment under `stateDir` (`<network>_<container>_<ifname>.json`,
 * mode 0600, written atomically), holding what CHECK and DEL need: mode, names, the daemon
 * socket, the device-info file we wrote, and the ADD result.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
export function statePath(dir, network, containerId, ifname) {
    return `${dir}/${network}_${containerId}_${ifname}.json`;
}
export function saveState(dir, s) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const p = statePath(dir, s.network, s.containerId, s.ifname);
    const tmp = `${p}.tmp${process.pid}`;
    writeFileSync(tmp, JSON.stringify(s), { mode: 0o600 });
    renameSync(tmp, p);
}
/** undefined when absent or unreadable (DEL then works from derived names alone). */
export function loadState(dir, network, containerId, ifname) {
    try {
        const s = JSON.parse(readFileSync(statePath(dir, network, containerId, ifname), 'utf8'));
        return s && s.version === 1 && typeof s.port === 'string' ? s : undefined;
    }
    catch {
        return undefined;
    }
}
export function removeState(dir, network, containerId, ifname) {
    rmSync(statePath(dir, network, containerId, ifname), { force: true });
}
//# sourceMappingURL=state.js.map
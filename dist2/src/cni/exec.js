/**
 * Running the tools the plugin needs — `ip` (iproute2), `nsenter` for the pod's network
 * namespace, and the IPAM plugin — without a shell. Failures become CniErrors
 * carrying the tool's stderr; `tryRun` returns it instead, for idempotent cleanup.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { CniCode, CniError } from './errors.js';
export function tryRun(cmd, args, opts = {}) {
    const r = spawnSync(cmd, args, { input: opts.input ?? '', env: opts.env ?? process.env, encoding: 'utf8', timeout: opts.timeoutMs ?? 20_000 });
    if (r.error)
        return { status: -1, stdout: r.stdout ?? '', stderr: `${cmd}: ${r.error.code ?? r.error.message}` };
    return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
export function run(cmd, args, opts = {}) {
    const r = tryRun(cmd, args, opts);
    if (r.status !== 0)
        throw new CniError(CniCode.IO_FAILURE, `${cmd} ${args.join(' ')} failed: ${r.stderr.trim() || `exit ${r.status}`}`);
    return r.stdout;
}
/** `ip ...` in the pod's namespace (a path such as /var/run/netns/x or /proc/PID/ns/net). */
export function nsArgs(netns, argv) {
    return ['nsenter', [`--net=${netns}`, '--', ...argv]];
}
export function inNs(netns, argv) {
    const [c, a] = nsArgs(netns, argv);
    return run(c, a);
}
export function tryInNs(netns, argv) {
    const [c, a] = nsArgs(netns, argv);
    return tryRun(c, a);
}
/** First executable `name` in the CNI_PATH directories. */
export function findPlugin(dirs, name) {
    for (const d of dirs) {
        const p = `${d}/${name}`;
        try {
            if (existsSync(p) && statSync(p).isFile())
                return p;
        }
        catch { /* unreadable: next */ }
    }
    return undefined;
}
export function hasTool(name) {
    return (process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin').split(':').some((d) => d !== '' && existsSync(`${d}/${name}`));
}
//# sourceMappingURL=exec.js.map
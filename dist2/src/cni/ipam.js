/**
 * Delegated IPAM: exec the plugin named by `ipam.type` from CNI_PATH with the same stdin and
 * CNI_* environment (the CNI spec's delegation), e.g. Debian's /usr/lib/cni/host-local.
 *   ipamExec(req, command) → parsed result for ADD, undefined for DEL/CHECK
 * A failing plugin's own error JSON (code, msg) is passed through with "IPAM <type>: ".
 */
import { CniCode, CniError } from './errors.js';
import { findPlugin, tryRun } from './exec.js';
export function ipamExec(req, command) {
    const type = req.config.ipam.type;
    const bin = findPlugin(req.path, type);
    if (!bin)
        throw new CniError(CniCode.IPAM_FAILURE, `IPAM plugin "${type}" not found in CNI_PATH (${req.path.join(':')})`);
    const env = {
        ...process.env,
        CNI_COMMAND: command,
        CNI_CONTAINERID: req.containerId,
        CNI_NETNS: req.netns,
        CNI_IFNAME: req.ifname,
        CNI_ARGS: Object.entries(req.args).map(([k, v]) => `${k}=${v}`).join(';'),
        CNI_PATH: req.path.join(':'),
    };
    const r = tryRun(bin, [], { input: req.raw, env, timeoutMs: req.config.timeoutMs });
    if (r.status !== 0) {
        let msg = r.stderr.trim() || `exit ${r.status}`;
        let code = CniCode.IPAM_FAILURE;
        try {
            const e = JSON.parse(r.stdout);
            if (typeof e.msg === 'string')
                msg = e.msg + (e.details ? ` (${e.details})` : '');
            if (e.code === CniCode.TRY_AGAIN_LATER)
                code = e.code;
        }
        catch { /* not JSON: keep stderr */ }
        throw new CniError(code, `IPAM ${type} ${command}: ${msg}`);
    }
    if (command !== 'ADD')
        return undefined;
    try {
        const x = JSON.parse(r.stdout);
        if (x === null || typeof x !== 'object')
            throw new Error('not an object');
        return x;
    }
    catch (e) {
        throw new CniError(CniCode.IPAM_FAILURE, `IPAM ${type} ADD: result is not JSON: ${e.message}`);
    }
}
//# sourceMappingURL=ipam.js.map
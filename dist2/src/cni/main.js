/**
 * `sluice-cni`: the CNI plugin entry (bin/sluice-cni.js). Reads CNI_* from the environment
 * and the network config from stdin, runs ADD / DEL / CHECK / VERSION, prints the result
 * (ADD, VERSION) or nothing (DEL, CHECK) on stdout and exits 0; on failure prints the CNI
 * error JSON on stdout and exits 1. Logs go to stderr only.
 *
 *   runCni(env, stdin) → {code, stdout}      (exported for tests; no process exit)
 */
import { readFileSync } from 'node:fs';
import { parseJson, parseRequest, SUPPORTED_VERSIONS } from './config.js';
import { CniCode, CniError, errorJson } from './errors.js';
import { versionResult } from './result.js';
export async function runCni(env, stdin) {
    let version = '1.0.0';
    try {
        // The error's cniVersion echoes the config's when it is one we speak.
        try {
            const v = JSON.parse(stdin).cniVersion;
            if (typeof v === 'string' && SUPPORTED_VERSIONS.includes(v))
                version = v;
        }
        catch { /* reported below */ }
        if (env.CNI_COMMAND === 'VERSION') {
            if (stdin.trim() !== '')
                parseJson(stdin);
            return { code: 0, stdout: JSON.stringify({ ...versionResult(), cniVersion: version }) };
        }
        const req = parseRequest(env, stdin);
        const plugin = await import('./plugin.js');
        if (req.command === 'ADD')
            return { code: 0, stdout: JSON.stringify(await plugin.add(req)) };
        if (req.command === 'DEL') {
            await plugin.del(req);
            return { code: 0, stdout: '' };
        }
        if (req.command === 'CHECK') {
            await plugin.check(req);
            return { code: 0, stdout: '' };
        }
        throw new CniError(CniCode.INVALID_ENVIRONMENT_VARIABLES, `CNI_COMMAND ${req.command} is not handled`);
    }
    catch (e) {
        return { code: 1, stdout: JSON.stringify(errorJson(e, version)) };
    }
}
function readStdin() {
    try {
        return readFileSync(0, 'utf8');
    }
    catch (e) {
        if (e.code === 'EAGAIN' || e.code === 'EOF')
            return '';
        throw e;
    }
}
/** The executable's whole job (bin/sluice-cni.js calls this). */
export async function cliMain() {
    const stdin = process.env.CNI_COMMAND === 'VERSION' && process.stdin.isTTY ? '' : readStdin();
    const r = await runCni(process.env, stdin);
    if (r.stdout !== '')
        process.stdout.write(r.stdout + '\n');
    process.exitCode = r.code;
}
//# sourceMappingURL=main.js.map
/**
 * `sluice doctor [--root DIR] [-j|--json] [-p|--pretty]`: checks this host (or the tree at
 * DIR) for running Sluice and DPDK-style workloads; see src/host/doctor.ts.
 * Exit code: 0 when no check is an error, 1 otherwise; 2 for bad arguments.
 */
import { parseArgs } from 'node:util';
import { statSync } from 'node:fs';
import { UsageError } from '../usage-error.js';
import { usage } from '../command-table.js';
import { HostFs } from '../../host/host-fs.js';
import { formatDoctor, runDoctor } from '../../host/doctor.js';
export const USAGE = usage('doctor');
/** Shared by doctor and pod-info: parse --root/-j/-p, reject anything else. */
export function parseHostArgs(argv, usage, allowEal = false) {
    let values;
    try {
        ({ values } = parseArgs({
            args: argv, allowPositionals: false, strict: true,
            options: { root: { type: 'string' }, json: { type: 'boolean', short: 'j' }, pretty: { type: 'boolean', short: 'p' }, ...(allowEal ? { eal: { type: 'boolean' } } : {}) },
        }));
    }
    catch (err) {
        throw new UsageError(`${err.message} (${usage})`);
    }
    const root = values.root ?? '/';
    let isDir = false;
    try {
        isDir = statSync(root).isDirectory();
    }
    catch { /* reported below */ }
    if (!isDir)
        throw new UsageError(`--root ${root} is not a directory`);
    return { root, json: values.json === true || values.pretty === true, pretty: values.pretty === true, eal: values.eal === true };
}
export async function main(argv) {
    const a = parseHostArgs(argv, USAGE);
    const report = runDoctor(new HostFs(a.root));
    console.log(a.json ? JSON.stringify(report, null, a.pretty ? 2 : undefined) : formatDoctor(report));
    return report.errors > 0 ? 1 : 0;
}
//# sourceMappingURL=doctor.js.map
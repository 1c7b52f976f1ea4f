/**
 * `sluice pod-info [--root DIR] [-j|--json] [-p|--pretty] [--eal]`: inside a container, prints its
 * CPUs (affinity, cpuset, exclusive?), hugepages per size and NUMA node, IPC_LOCK, the
 * Sluice ports from SLUICE_* and ready-made EAL arguments (only those with --eal); see
 * src/host/pod-info.ts.
 * Exit code: 0, or 1 when something could not be read or the SLUICE_* variables are
 * malformed; 2 for bad arguments.
 */
import { HostFs } from '../../host/host-fs.js';
import { formatPodInfo, readPodInfo } from '../../host/pod-info.js';
import { parseHostArgs } from './doctor.js';
import { usage } from '../command-table.js';
export const USAGE = usage('pod-info');
export async function main(argv) {
    const a = parseHostArgs(argv, USAGE, true);
    const info = readPodInfo(new HostFs(a.root), process.env);
    if (a.eal) {
        // Only the EAL arguments, for `dpdk-app $(sluice pod-info --eal) -- ...`; problems go to stderr.
        for (const p of info.problems)
            console.error(`sluice pod-info: ${p}`);
        console.log(info.eal.line);
        return info.problems.length > 0 ? 1 : 0;
    }
    console.log(a.json ? JSON.stringify(info, null, a.pretty ? 2 : undefined) : formatPodInfo(info));
    return info.problems.length > 0 ? 1 : 0;
}
//# sourceMappingURL=pod-info.js.map
/**
 * The MAC table of a bridge (learning bridges, and the `normal` action of flow bridges):
 *   `sluice fdb show BRIDGE`    port, VLAN, MAC, age — as `ovs-appctl fdb/show`; -j / -p for JSON
 *   `sluice fdb flush BRIDGE`   forget everything learned
 */
import { UsageError } from '../usage-error.js';
import { usage } from '../command-table.js';
import { parseGlobal, request, output, sub, EXIT } from '../client.js';
export async function main(argv) {
    return sub('fdb', parseGlobal(argv), {
        show: async (g, w) => {
            if (w.length !== 1)
                throw new UsageError(usage('fdb', 'show'));
            const r = await request(g, 'fdb.show', { bridge: w[0] });
            output(g, r, (x) => [" port  VLAN  MAC                Age", ...x.macs.map((e) => `${String(e.ofport).padStart(5)}  ${String(e.vlan).padStart(4)}  ${e.mac}  ${String(Math.floor(e.age)).padStart(4)}`)].join('\n'));
            return EXIT.OK;
        },
        flush: async (g, w) => {
            if (w.length !== 1)
                throw new UsageError(usage('fdb', 'flush'));
            const r = await request(g, 'fdb.flush', { bridge: w[0] });
            output(g, r, (x) => `table successfully flushed (${x.flushed} entries)`);
            return EXIT.OK;
        },
    });
}
//# sourceMappingURL=fdb.js.map
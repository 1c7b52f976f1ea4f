/**
 * Flow tables (ovs-ofctl style) on bridges of type flow:
 *   `sluice flow add BRIDGE FLOW`              add-flow (same match and priority: replaced)
 *   `sluice flow mod BRIDGE FLOW [--strict]`   mod-flows: new actions for the flows the match covers
 *   `sluice flow del BRIDGE [MATCH] [--strict]` del-flows: without MATCH, every flow
 *   `sluice flow dump BRIDGE [MATCH] [--names]` dump-flows, optionally filtered; -j: {bridge, flows: [{table,
 *                                       priority, cookie, match, actions, packets, bytes, durationMs}]}
 *   `sluice flow trace BRIDGE FLOW`            ofproto/trace: the verdict for a described packet
 * The flow syntax is the flow-table app's (src/apps/flow-table); the daemon keeps flows as
 * canonical lines in its state (ports by OpenFlow number), so `show config` lists them.
 */
import { UsageError } from '../usage-error.js';
import { usage } from '../command-table.js';
import { parseGlobal, request, output, sub, EXIT } from '../client.js';
import { flowLine } from '../../apps/flow-table/flow-table.js';
function traceText(t) {
    const lines = [`Flow: ${t.flow}`, ''];
    for (const s of t.tables)
        lines.push(`${'    '.repeat(s.depth)}${s.table}. ${s.rule === null ? 'No match.' : s.rule.trim()}`);
    lines.push('', `Datapath actions: ${t.actions}`);
    lines.push(`Output: ${t.outputs.length ? t.outputs.map((o) => `${o.name} (${o.port})`).join(', ') : 'drop'}`);
    return lines.join('\n');
}
export async function main(argv) {
    const g0 = parseGlobal(argv, ['--strict', '--names']);
    const strict = g0.flags.has('--strict');
    return sub('flow', g0, {
        add: async (g, w) => {
            const [bridge, ...rest] = w;
            if (!bridge || rest.length === 0)
                throw new UsageError(usage('flow', 'add'));
            const r = await request(g, 'flow.add', { bridge, flow: rest.join(' ') });
            output(g, r, () => `flow added to ${bridge}`);
            return EXIT.OK;
        },
        mod: async (g, w) => {
            const [bridge, ...rest] = w;
            if (!bridge || rest.length === 0)
                throw new UsageError(usage('flow', 'mod'));
            const r = await request(g, 'flow.mod', { bridge, flow: rest.join(' '), strict });
            output(g, r, (x) => `${x.count} flow(s) of ${bridge} modified or added`);
            return EXIT.OK;
        },
        del: async (g, w) => {
            const [bridge, ...rest] = w;
            if (!bridge)
                throw new UsageError(usage('flow', 'del'));
            const r = await request(g, 'flow.del', { bridge, flow: rest.join(' '), strict });
            output(g, r, (x) => `${x.count} flow(s) removed from ${bridge}`);
            return EXIT.OK;
        },
        dump: async (g, w) => {
            const [bridge, ...rest] = w;
            if (!bridge)
                throw new UsageError(usage('flow', 'dump'));
            const r = await request(g, 'flow.dump', { bridge, match: rest.join(' '), names: g.flags.has('--names') });
            output(g, r, (x) => x.flows.map(flowLine).join('\n') || `no flows in ${x.bridge}`);
            return EXIT.OK;
        },
        trace: async (g, w) => {
            const [bridge, ...rest] = w;
            if (!bridge || rest.length === 0)
                throw new UsageError(usage('flow', 'trace'));
            const r = await request(g, 'flow.trace', { bridge, flow: rest.join(' ') });
            output(g, r, traceText);
            return EXIT.OK;
        },
    });
}
//# sourceMappingURL=flow.js.map
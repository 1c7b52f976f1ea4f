/**
 * Flow tables (ovs-ofctl style) on bridges of type flow:
 *   `sluice flow add BRIDGE FLOW`       e.g. sluice flow add fl0 "in_port=a,udp actions=output:b"
 *   `sluice flow del BRIDGE [FLOW]`     without FLOW: all flows; with it: that exact flow text
 *   `sluice flow dump BRIDGE`           ovs-ofctl dump-flows lines; -j: {bridge, flows: [{table, priority,
 *                                       cookie, match, actions, packets, bytes, durationMs}]}
 * The flow syntax is the flow-table app's (src/apps/flow-table); the daemon keeps flows
 * as text in its state, so `show config` lists them.
 */
import { UsageError } from '../usage-error.js';
import { usage } from '../command-table.js';
import { parseGlobal, request, output, sub, EXIT } from '../client.js';
import { flowLine, type FlowEntry } from '../../apps/flow-table/flow-table.js';

export async function main(argv: string[]): Promise<number> {
  return sub('flow', parseGlobal(argv), {
    add: async (g, w) => {
      const [bridge, ...rest] = w;
      if (!bridge || rest.length === 0) throw new UsageError(usage('flow', 'add'));
      const flow = rest.join(' ');
      const r = await request(g, 'flow.add', { bridge, flow });
      output(g, r, () => `flow added to ${bridge}`);
      return EXIT.OK;
    },
    del: async (g, w) => {
      const [bridge, ...rest] = w;
      if (!bridge) throw new UsageError(usage('flow', 'del'));
      const r = await request(g, 'flow.del', { bridge, ...(rest.length ? { flow: rest.join(' ') } : {}) });
      output(g, r, () => (rest.length ? `flow removed from ${bridge}` : `all flows removed from ${bridge}`));
      return EXIT.OK;
    },
    dump: async (g, w) => {
      if (w.length !== 1) throw new UsageError(usage('flow', 'dump'));
      const r = await request<any>(g, 'flow.dump', { bridge: w[0] });
      output(g, r, (x) => (x.flows as FlowEntry[]).map(flowLine).join('\n') || `no flows in ${x.bridge}`);
      return EXIT.OK;
    },
  });
}

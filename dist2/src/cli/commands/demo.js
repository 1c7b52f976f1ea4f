/**
 * `sluice demo [--duration SECONDS]`: the built-in demo, runnable with no root and no
 * hugepages. Two generators feed a sink and a pcapng recorder through the switch for a few
 * seconds, printing live per-port counters, then the JSON summary and where the capture is.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, numberArg } from '../args.js';
import { UsageError } from '../usage-error.js';
import { usage } from '../command-table.js';
import { loadBuiltins } from '../../runtime/builtin.js';
import { runConfig } from '../../config/run.js';
import { appType } from '../../core/registry.js';
export async function main(argv) {
    const { opts, rest } = parseArgs(argv, { duration: 'string' });
    if (rest.length)
        throw new UsageError(`demo: unexpected "${rest[0]}" (${usage('demo')})`);
    const duration = numberArg('duration', opts.duration, 0.5, 3600) ?? 3;
    await loadBuiltins();
    const dir = mkdtempSync(join(tmpdir(), 'sluice-demo-'));
    const capture = join(dir, 'demo.pcapng');
    const bridge = appType('l2-bridge') !== undefined;
    // Two "hosts" that talk to each other through an L2 learning bridge (or a patch, if the
    // bridge is not built in), a line-rate generator into a verifying sink, and a recorder.
    const cfg = bridge
        ? {
            ports: {
                hostA: 'gen:size=64,flows=16,rate=1000000,src-mac=02:00:00:00:00:0a,dst-mac=02:00:00:00:00:0b',
                hostB: 'gen:size=128,flows=4,rate=500000,src-mac=02:00:00:00:00:0b,dst-mac=02:00:00:00:00:0a',
            },
            mode: 'bridge',
            apps: { blast: { type: 'gen', args: { size: 64, flows: 64 } }, sink: { type: 'sink' }, rec: { type: 'pcap', args: { out: capture } }, slow: { type: 'gen', args: { size: 256, flows: 2, rate: 1000 } } },
            links: ['blast.output -> sink.input', 'slow.output -> rec.input'],
        }
        : {
            ports: { blast: 'gen:size=64,flows=64', sink: 'sink', slow: 'gen:size=256,flows=2,rate=1000', rec: `pcap:,out=${capture}` },
            mode: 'patch',
        };
    console.error(`sluice demo: ${duration} s; ${bridge ? 'two hosts through an L2 bridge, ' : ''}a line-rate generator into a verifying sink, and 1,000 pps recorded to ${capture}`);
    const summary = await runConfig(cfg, { duration, stats: 1, name: 'demo' });
    console.log(JSON.stringify({ ports: summary.ports }));
    const sink = summary.apps.find((a) => a.name === 'sink')?.info;
    const blast = summary.apps.find((a) => a.name === 'blast');
    if (blast)
        console.error(`\ngenerator -> sink: ${(blast.rx.packets / duration / 1e6).toFixed(2)} Mpps on one core, ${sink?.lost ?? 0} lost, ${sink?.inOrder ?? 0} in order`);
    console.error(`capture: ${capture} (open it with wireshark or tshark -r)`);
    return 0;
}
//# sourceMappingURL=demo.js.map
/**
 * `sluice top [--interval S] [--once] [-j|-p]`
 *
 * A live view of the running daemon, refreshed every interval (default 1 s): per-port rx/tx
 * packets and bits per second, drops per second by reason, engine busy %, and per-app
 * ns/packet (sampled). `--once` samples one interval, prints one frame and exits (with -j:
 * the Rates JSON, see src/ctl/rates.ts). Ctrl-C quits.
 */
import { UsageError } from '../usage-error.js';
import { parseGlobal, request, table, dropsText, EXIT } from '../client.js';
import { rates, si } from '../../ctl/rates.js';
import { numberArg } from '../args.js';
export function frame(r, s) {
    const ports = table(['PORT', 'KIND', 'RX-PPS', 'RX-BPS', 'TX-PPS', 'TX-BPS', 'DROPS/S'], r.ports.map((p) => [p.name, s.ports.find((x) => x.name === p.name)?.kind ?? '', si(p.rxPps), si(p.rxBps), si(p.txPps), si(p.txBps), dropsText(Object.fromEntries(Object.entries(p.drops).map(([k, v]) => [k, si(v)])))]));
    const apps = table(['APP', 'TYPE', 'PPS', 'NS/PKT'], r.apps.map((a) => [a.name, a.type, si(a.pps), a.nsPerPacket === null ? '-' : a.nsPerPacket.toFixed(1)]));
    const drops = Object.entries(r.drops).map(([k, v]) => `${k} ${si(v)}/s`).join('  ') || 'none';
    return `sluice top — engine main ${r.engine.busyPct.toFixed(1)}% busy, ${si(r.engine.breathsPerSec)} breaths/s, pool ${s.pool.inUse}/${s.pool.count} in use\n\n${ports}\n\ndrops: ${drops}\n\n${apps}`;
}
async function sample(g, prev, ms) {
    await new Promise((r) => setTimeout(r, ms));
    const cur = await request(g, 'stats');
    return [rates(prev, cur), cur];
}
export async function main(argv) {
    const g = parseGlobal(argv, ['--once'], ['--interval']);
    if (g.words.length)
        throw new UsageError(`top: unexpected "${g.words[0]}"`);
    const ms = (numberArg('interval', g.values.get('--interval'), 0.05, 3600) ?? 1) * 1000;
    let prev = await request(g, 'stats');
    if (g.flags.has('--once') || g.json || g.pretty) {
        const [r, cur] = await sample(g, prev, ms);
        if (g.json || g.pretty)
            console.log(JSON.stringify({ rates: r, stats: cur }, null, g.pretty ? 2 : undefined));
        else
            console.log(frame(r, cur));
        return EXIT.OK;
    }
    let stop = false;
    process.once('SIGINT', () => { stop = true; });
    process.stdout.write('\x1b[?25l'); // hide the cursor while redrawing
    try {
        while (!stop) {
            const [r, cur] = await sample(g, prev, ms);
            prev = cur;
            process.stdout.write(`\x1b[H\x1b[2J${frame(r, cur)}\n`);
        }
    }
    finally {
        process.stdout.write('\x1b[?25h');
    }
    return EXIT.OK;
}
//# sourceMappingURL=top.js.map
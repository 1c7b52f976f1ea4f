/**
 * `sluice stats [PORT] [-j|-p]`           counters of every port (or one): rx/tx packets and
 *                                         bytes, drops by reason, engine, pool, accounting
 * `sluice stats --plot FILE.html [--seconds N] [--interval S]`
 *                                         sample for N seconds (default 10) and write an HTML
 *                                         report with charts of rates over time
 * JSON shape: see src/ctl/stats.ts (DaemonStats).
 */
import { writeFileSync } from 'node:fs';
import { UsageError } from '../usage-error.js';
import { parseGlobal, request, output, table, dropsText, EXIT } from '../client.js';
import { rates } from '../../ctl/rates.js';
import { htmlReport } from '../../ctl/plot.js';
import { numberArg } from '../args.js';
import { checkOutputFile } from '../output-file.js';
function text(s) {
    const ports = table(['PORT', 'KIND', 'RX-PKTS', 'RX-BYTES', 'TX-PKTS', 'TX-BYTES', 'DROPS'], s.ports.map((p) => [p.name, p.kind, p.rx.packets, p.rx.bytes, p.tx.packets, p.tx.bytes, dropsText(p.drops)]));
    const others = s.apps.filter((a) => !s.ports.some((p) => p.name === a.name));
    const apps = others.length ? '\n\n' + table(['APP', 'TYPE', 'DROPS'], others.map((a) => [a.name, a.type, dropsText(a.drops)])) : '';
    const a = s.accounting;
    return `${ports}${apps}\n\ndrops: ${dropsText(s.drops)}\naccounting: in ${a.in} = out ${a.out} + dropped ${a.dropped} + queued ${a.queued}${a.in === a.out + a.dropped + a.queued ? '' : ' (differs: copies or held packets)'}\n` +
        `pool: ${s.pool.inUse}/${s.pool.count} in use, alloc failures ${s.pool.allocFail}\nengine: ${s.engine.breaths} breaths, ${s.engine.sleeps} sleeps`;
}
export async function main(argv) {
    const g = parseGlobal(argv, [], ['--plot', '--seconds', '--interval']);
    if (g.words.length > 1)
        throw new UsageError(`stats: unexpected "${g.words[1]}"`);
    const plot = g.values.get('--plot');
    if (plot !== undefined) {
        const seconds = numberArg('seconds', g.values.get('--seconds'), 0.1, 86400) ?? 10;
        const interval = numberArg('interval', g.values.get('--interval'), 0.05, 3600) ?? 1;
        if (g.words.length)
            throw new UsageError(`stats --plot: unexpected "${g.words[0]}" (the report covers every port)`);
        checkOutputFile('--plot', plot);
        const samples = [];
        let prev = await request(g, 'stats');
        const end = Date.now() + seconds * 1000;
        const progress = process.stderr.isTTY && !g.json && !g.pretty;
        while (Date.now() < end) {
            await new Promise((r) => setTimeout(r, interval * 1000));
            const cur = await request(g, 'stats');
            samples.push(rates(prev, cur));
            prev = cur;
            if (progress)
                process.stderr.write(`\rsampling: ${samples.length} samples, ${Math.max(0, Math.ceil((end - Date.now()) / 1000))} s left `);
        }
        if (progress)
            process.stderr.write('\n');
        writeFileSync(plot, htmlReport(samples, prev));
        output(g, { file: plot, samples: samples.length }, () => `wrote ${plot} (${samples.length} samples)`);
        return EXIT.OK;
    }
    const s = await request(g, 'stats');
    const port = g.words[0];
    if (port !== undefined) {
        const p = s.ports.find((x) => x.name === port);
        if (!p)
            throw new UsageError(`no port named "${port}"`, EXIT.REFUSED, 'not-found');
        output(g, p, (x) => table(['PORT', 'KIND', 'RX-PKTS', 'RX-BYTES', 'TX-PKTS', 'TX-BYTES', 'DROPS'], [[port, x.kind, x.rx.packets, x.rx.bytes, x.tx.packets, x.tx.bytes, dropsText(x.drops)]]));
        return EXIT.OK;
    }
    output(g, s, text);
    return EXIT.OK;
}
//# sourceMappingURL=stats.js.map
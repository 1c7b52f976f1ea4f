/**
 * `sluice show config [-j|-p]`   the running desired state, in the YAML `sluice apply` reads
 *                                (round trip is lossless: apply of this output changes nothing)
 * `sluice show ports|bridges|routes|captures|stats`   shortcuts for the other verbs' show
 */
import { UsageError } from '../usage-error.js';
import { usage } from '../command-table.js';
import { parseGlobal, request, output, EXIT } from '../client.js';
export async function main(argv) {
    const g = parseGlobal(argv);
    const what = g.words[0];
    if (what === undefined)
        throw new UsageError(usage('show'));
    if (g.words.length > 1)
        throw new UsageError(`show ${what}: unexpected "${g.words[1]}"`);
    const alias = { ports: ['port', 'show'], bridges: ['bridge', 'show'], routes: ['route', 'show'], captures: ['capture', 'show'] };
    if (what === 'config') {
        const r = await request(g, 'config.get');
        output(g, r.state, () => r.yaml.trimEnd());
        return EXIT.OK;
    }
    if (what === 'stats')
        return (await import('./stats.js')).main(argv.filter((a) => a !== 'stats'));
    const a = alias[what];
    if (!a)
        throw new UsageError(`show: unknown object "${what}" (config, ports, bridges, routes, captures, stats)`);
    const mod = (await import(`./${a[0]}.js`));
    return mod.main([a[1], ...argv.filter((x) => x !== what)]);
}
//# sourceMappingURL=show.js.map
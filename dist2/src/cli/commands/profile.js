/**
 * `sluice profile --seconds N [-o FILE]`
 *
 * Records a CPU profile of the running daemon's engine thread for N seconds and writes it
 * as a V8 `.cpuprofile` (default sluice-<time>.cpuprofile), which Chrome DevTools
 * (Performance → Load profile), VS Code and speedscope open.
 */
import { writeFileSync } from 'node:fs';
import { UsageError } from '../usage-error.js';
import { parseGlobal, request, output, EXIT } from '../client.js';
import { numberArg } from '../args.js';
import { checkOutputFile } from '../output-file.js';
export async function main(argv) {
    const g = parseGlobal(argv, [], ['--seconds', '-o', '--output']);
    if (g.words.length)
        throw new UsageError(`profile: unexpected "${g.words[0]}"`);
    const seconds = numberArg('seconds', g.values.get('--seconds'), 0.01, 600);
    if (seconds === undefined)
        throw new UsageError('profile: --seconds N is required');
    const file = g.values.get('-o') ?? g.values.get('--output') ?? `sluice-${new Date().toISOString().replace(/[:.]/g, '-')}.cpuprofile`;
    checkOutputFile(g.values.has('-o') ? '-o' : '--output', file);
    if (process.stderr.isTTY && !g.json && !g.pretty)
        process.stderr.write(`recording ${seconds} s of the engine thread...\n`);
    const prof = await request(g, 'profile', { seconds }, seconds * 1000 + 30_000);
    writeFileSync(file, JSON.stringify(prof));
    output(g, { file, nodes: prof.nodes.length, samples: prof.samples.length }, () => `wrote ${file} (${prof.samples.length} samples; open in Chrome DevTools, VS Code or speedscope)`);
    return EXIT.OK;
}
//# sourceMappingURL=profile.js.map
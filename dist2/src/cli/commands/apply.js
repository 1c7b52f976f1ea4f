/**
 * `sluice apply FILE [--prune] [--dry-run] [-j|-p]`
 *
 * Applies the desired state in FILE (YAML or JSON, the format `sluice show config` prints)
 * to the running daemon. Every object FILE lists (port, bridge, bridge member, flow, router,
 * interface, route, capture) is created or updated; objects FILE does not list are kept —
 * they may have been made through the API — and listed after the changes ("kept"). With
 * --prune the daemon becomes exactly FILE: the kept objects are removed too. Engine/metrics
 * settings absent from FILE stay as they are. Prints the changes, one per line (`+`, `-`,
 * `~` and a dotted path); with --dry-run prints them and changes nothing. `-` reads stdin.
 */
import { readFileSync } from 'node:fs';
import { UsageError } from '../usage-error.js';
import { usage } from '../command-table.js';
import { parseGlobal, request, output, EXIT } from '../client.js';
export async function main(argv) {
    const g = parseGlobal(argv, ['--dry-run', '-n', '--prune']);
    if (g.words.length !== 1)
        throw new UsageError(usage('apply'));
    const file = g.words[0];
    let yaml;
    try {
        yaml = readFileSync(file === '-' ? 0 : file, 'utf8');
    }
    catch (e) {
        throw new UsageError(`cannot read ${file}: ${e.code ?? e.message}`);
    }
    const dryRun = g.flags.has('--dry-run') || g.flags.has('-n');
    const prune = g.flags.has('--prune');
    const r = await request(g, 'config.apply', { yaml, dryRun, ...(prune ? { prune } : {}) });
    output(g, r, (x) => (dryRun ? `dry run, would apply:\n${x.text}` : x.text));
    return EXIT.OK;
}
//# sourceMappingURL=apply.js.map
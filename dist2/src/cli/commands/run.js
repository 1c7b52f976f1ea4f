/**
 * `sluice run CONFIG.yaml [--duration SECONDS] [--stats SECONDS] [--json FILE]`
 *
 * Builds the graph from a YAML config (validated; errors name file, line and field) and runs
 * it: on the main thread, or on pinned worker engines connected by rings when the config
 * has `engines:`. Ends on SIGINT/SIGTERM or after the duration, printing a JSON summary.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs, numberArg } from '../args.js';
import { UsageError } from '../usage-error.js';
import { usage } from '../command-table.js';
import { checkOutputFile } from '../output-file.js';
import { loadBuiltins } from '../../runtime/builtin.js';
import { loadRunConfig, ConfigError } from '../../config/load.js';
import { runConfig } from '../../config/run.js';
export async function main(argv) {
    const { opts, rest } = parseArgs(argv, { duration: 'string', stats: 'string', json: 'string' });
    if (rest.length !== 1)
        throw new UsageError(usage('run'));
    if (opts.json !== undefined)
        checkOutputFile('--json', opts.json);
    await loadBuiltins();
    let cfg;
    try {
        cfg = loadRunConfig(rest[0]);
    }
    catch (e) {
        if (e instanceof ConfigError)
            throw new UsageError(e.message);
        throw e;
    }
    const duration = numberArg('duration', opts.duration, 0, 1e9) ?? cfg.duration;
    const stats = numberArg('stats', opts.stats, 0.1, 86400);
    const summary = await runConfig(cfg, { ...(duration !== undefined ? { duration } : {}), ...(stats !== undefined ? { stats } : {}), name: rest[0] });
    const text = JSON.stringify(summary);
    if (opts.json)
        writeFileSync(opts.json, text + '\n');
    else
        console.log(text);
    return 0;
}
//# sourceMappingURL=run.js.map
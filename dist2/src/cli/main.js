/**
 * `sluice` command entry point.
 *
 * Verbs are listed in command-table.ts (help, usage, completion) and implemented in
 * ./commands/<verb>.ts, each exporting `main(argv: string[]): Promise<number>` (the exit
 * code). Global options (-j/-p/--socket) may come before or after the verb; `--help`
 * anywhere prints the verb's (or subcommand's) help from the table.
 *
 * Errors a user can act on are thrown as `UsageError` and printed as one line: on stderr as
 * `sluice: MESSAGE`, or under -j/-p as `{"error":{"code","message"}}` on stdout (stdout then
 * always holds exactly one JSON document, the result or the error). Anything else is a bug
 * and prints its stack.
 */
import { readFileSync } from 'node:fs';
import { UsageError, describeError } from './usage-error.js';
import { VERBS, verb as findVerb, subCommand, helpText, overview } from './command-table.js';
const GLOBAL_BOOL = new Set(['-j', '--json', '-p', '--pretty']);
function version() {
    // dist/src/cli/main.js → the package's own package.json
    return JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')).version;
}
/** Options before `--` (the words after it are arguments, never options). */
function optionWords(argv) {
    const i = argv.indexOf('--');
    return i < 0 ? argv : argv.slice(0, i);
}
/** Does this command line ask for JSON output (so errors are JSON too)? */
function wantsJson(v, argv) {
    if (v !== undefined && !v.ctl && !v.jsonFlag)
        return false; // e.g. switch --json FILE
    return optionWords(argv).some((a) => GLOBAL_BOOL.has(a));
}
let json = false;
async function run(argv) {
    // Global options before the verb move behind it, where the verb's parser reads them.
    const lead = [];
    let i = 0;
    for (; i < argv.length; i++) {
        const a = argv[i];
        if (GLOBAL_BOOL.has(a) || a === '-h' || a === '--help' || a === '-V' || a === '--version' || a.startsWith('--socket='))
            lead.push(a);
        else if (a === '--socket') {
            if (i + 1 >= argv.length)
                throw new UsageError('--socket needs a value');
            lead.push(a, argv[++i]);
        }
        else if (a.startsWith('-'))
            throw new UsageError(`unknown option ${a} before the verb (global options: -j, -p, --socket PATH, --help, --version)`);
        else
            break;
    }
    const name = argv[i];
    const v = name === undefined ? undefined : findVerb(name);
    const rest = [...argv.slice(i + 1), ...lead];
    json = wantsJson(v, name === undefined ? lead : rest);
    if (name === undefined) {
        if (lead.includes('-V') || lead.includes('--version')) {
            console.log(json ? JSON.stringify({ version: version() }) : `sluice ${version()}`);
            return 0;
        }
        const help = lead.includes('-h') || lead.includes('--help');
        if (json && !help)
            throw new UsageError('missing verb (sluice --help lists them)');
        console.log(overview(version()));
        return help ? 0 : 2;
    }
    if (name === 'help') {
        if (argv[i + 1] === '--man') {
            process.stdout.write((await import('./man.js')).manPage(version()));
            return 0;
        }
        const hv = argv[i + 1] === undefined ? undefined : findVerb(argv[i + 1]);
        if (argv[i + 1] !== undefined && !hv)
            throw new UsageError(`unknown command "${argv[i + 1]}" (commands: ${VERBS.map((x) => x.name).join(', ')})`);
        console.log(hv ? await helpText(hv, subCommand(hv, argv[i + 2])) : overview(version()));
        return 0;
    }
    if (!v)
        throw new UsageError(`unknown command "${name}" (commands: ${VERBS.map((x) => x.name).join(', ')})`);
    const opts = optionWords(rest);
    if (opts.includes('-h') || opts.includes('--help')) {
        const words = opts.filter((a) => !a.startsWith('-'));
        console.log(await helpText(v, subCommand(v, words[0])));
        return 0;
    }
    if (opts.includes('-V') || opts.includes('--version'))
        throw new UsageError(`--version goes before the verb (sluice --version)`);
    const mod = (await import(new URL(`./commands/${v.name}.js`, import.meta.url).href));
    return mod.main(rest);
}
run(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (err) => {
    const e = err instanceof UsageError ? err : describeError(err);
    if (e === undefined) {
        console.error(err);
        process.exitCode = 1;
        return;
    }
    if (json)
        console.log(JSON.stringify({ error: { code: e.code, message: e.message } }));
    else
        console.error(`sluice: ${e.message}`);
    process.exitCode = e.exitCode;
});
//# sourceMappingURL=main.js.map
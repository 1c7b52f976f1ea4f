/**
 * The long fuzz campaign: `node dist/bench/fuzz.js TARGET|all [--seconds N] [--execs N]
 * [--seed N] [--no-save]`. Runs each target coverage-guided (test/fuzz/harness) and prints
 * per target: executions, exec/s, coverage (blocks of the modules it aims at, and executed
 * bytes of them), corpus size and crashes. By default it saves what it finds: every crash to
 * test/fuzz/crashes/TARGET/ and the merged corpus to test/fuzz/corpus/TARGET/.
 */
import { runCampaign } from '../test/fuzz/harness/campaign.js';
import { TARGET_NAMES } from '../test/fuzz/targets/index.js';
function usage(msg) {
    console.error(`fuzz: ${msg}\nusage: node dist/bench/fuzz.js TARGET|all [--seconds N] [--execs N] [--seed N] [--no-save]\ntargets: ${TARGET_NAMES.join(', ')}`);
    process.exit(2);
}
const args = process.argv.slice(2);
const which = args.shift() ?? usage('no target given');
let seconds = 60, execs, seed, save = true;
while (args.length) {
    const a = args.shift();
    const num = () => { const v = Number(args.shift()); if (!Number.isFinite(v) || v < 0)
        usage(`${a} needs a number`); return v; };
    if (a === '--seconds')
        seconds = num();
    else if (a === '--execs')
        execs = num();
    else if (a === '--seed')
        seed = num();
    else if (a === '--no-save')
        save = false;
    else
        usage(`unknown option ${a}`);
}
const names = which === 'all' ? TARGET_NAMES : [which];
for (const n of names)
    if (!TARGET_NAMES.includes(n))
        usage(`unknown target ${n}`);
let open = 0;
let lastProgress = 0;
const progress = (name) => (s) => {
    if (!process.stderr.isTTY || Date.now() - lastProgress < 1000)
        return;
    lastProgress = Date.now();
    process.stderr.write(`\r${name}: ${s.execs} execs, corpus ${s.corpus}, blocks ${s.blocksCovered}   `);
};
for (const name of names) {
    const r = await runCampaign({
        target: name, seconds, execs, seed, save, hangMs: 10_000,
        onProgress: progress(name),
    });
    if (process.stderr.isTTY)
        process.stderr.write('\n');
    const s = r.stats;
    const rate = s.ms > 0 ? Math.round((s.execs / s.ms) * 1000) : 0;
    const pct = s.bytesTotal ? ((100 * s.bytesCovered) / s.bytesTotal).toFixed(1) : '0';
    console.log(`${name}: execs=${r.execs} exec/s=${rate} blocks=${s.blocksCovered}/${s.blocksKnown} bytes=${pct}% corpus=${s.corpus} (+${r.corpusAdded}${r.corpusSaved !== null ? `, saved ${r.corpusSaved}` : ''}) crashes=${r.crashes.length}`);
    for (const c of r.crashes)
        console.log(`  crash ${c.kind}: ${c.message}\n    input (base64): ${Buffer.from(c.data).toString('base64')}`);
    open += r.crashes.length;
}
process.exit(open ? 1 : 0);
//# sourceMappingURL=fuzz.js.map
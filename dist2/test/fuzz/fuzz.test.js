/**
 * Every fuzz target under its contract, small enough for `npm test`: the target's corpus and
 * crash regressions replayed, then a few hundred generated inputs, each target in its own
 * worker (coverage-guided, as the long campaign in bench/fuzz.ts runs). A failure prints the
 * input in base64; save it under test/fuzz/crashes/<target>/ when fixing the bug.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCampaign } from './harness/campaign.js';
import { TARGET_NAMES } from './targets/index.js';
const EXECS = Number(process.env.FUZZ_EXECS ?? 300);
for (const name of TARGET_NAMES) {
    test(`fuzz ${name}: corpus, crash regressions and ${EXECS} generated inputs survive`, async () => {
        const r = await runCampaign({ target: name, execs: EXECS, seed: 17, hangMs: 10_000, batch: 64 });
        const s = r.stats;
        console.log(`fuzz ${name}: ${r.execs} execs, corpus ${s.corpus}, blocks ${s.blocksCovered}/${s.blocksKnown}, ${s.ms} ms`);
        const report = r.crashes.map((c) => `${c.kind}: ${c.message}\n  input (base64): ${Buffer.from(c.data).toString('base64')}`);
        assert.equal(r.crashes.length, 0, `crashes:\n${report.join('\n')}`);
        assert.ok(r.execs >= EXECS, `only ${r.execs} executions`);
    });
}
//# sourceMappingURL=fuzz.test.js.map
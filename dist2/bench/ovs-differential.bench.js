/**
 * The long OVS differential (the suite runs 400 cases, test/interop/ovs-flows.test.ts):
 * OVS_DIFF_CASES (default 10,000) generated packets over OVS_DIFF_RULES random rules (default
 * 120 in table 0 and 40 in table 1) traced by OVS's `ofproto/trace` (dummy datapath, unixctl
 * JSON-RPC) and by Sluice's flow-table trace; prints how many agree on output ports and
 * rewritten headers, the first differences, and the time per trace of each side.
 *
 * Run: `npx tsc -p . && node dist/bench/ovs-differential.bench.js` (needs openvswitch-switch).
 */
import { haveOvs, Ovs } from '../test/support/ovs.js';
import { genPacket, rng } from '../test/support/flow-gen.js';
import { PORTS, genRules, sluice } from '../test/support/ovs-diff.js';
import { simulate } from '../test/support/ovs.js';
const why = haveOvs();
if (why) {
    console.log(`ovs-differential: skipped (${why})`);
    process.exit(0);
}
const cases = Number(process.env.OVS_DIFF_CASES ?? 10000);
const nRules = Number(process.env.OVS_DIFF_RULES ?? 120);
const seed = Number(process.env.OVS_DIFF_SEED ?? 2026);
const ovs = new Ovs(PORTS);
try {
    const rules = genRules(seed, nRules, Math.ceil(nRules / 3));
    ovs.addFlows(rules);
    const s = sluice();
    for (const l of rules)
        s.ft.addFlow(l);
    const r = rng(seed + 1);
    let same = 0, tOvs = 0, tSluice = 0;
    const diffs = [];
    for (let i = 0; i < cases; i++) {
        const p = genPacket(r, PORTS);
        let t0 = performance.now();
        const theirs = await ovs.trace(p.flow);
        tOvs += performance.now() - t0;
        t0 = performance.now();
        const ours = s.ft.trace(p.flow).actions;
        tSluice += performance.now() - t0;
        const norm = (a) => JSON.stringify(simulate(a, p.start).map((o) => `${o.port}:${JSON.stringify(o.h)}`).sort());
        if (norm(theirs) === norm(ours))
            same++;
        else if (diffs.length < 10)
            diffs.push(`${p.flow}\n  OVS:    ${theirs}\n  Sluice: ${ours}`);
    }
    console.log(`ovs-differential: ${rules.length} rules, ${cases} packets (seed ${seed}): ${same} agree, ${cases - same} differ`);
    console.log(`  per trace: OVS ofproto/trace ${(tOvs / cases * 1000).toFixed(0)} us (over its unixctl socket), Sluice trace ${(tSluice / cases * 1000).toFixed(0)} us (in process)`);
    for (const d of diffs)
        console.log(d);
    if (same !== cases)
        process.exitCode = 1;
}
finally {
    ovs.stop();
}
//# sourceMappingURL=ovs-differential.bench.js.map
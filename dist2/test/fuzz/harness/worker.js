/**
 * Worker entry of a campaign (campaign.ts): loads the target after coverage starts, runs the
 * engine and posts crashes and stats. Before each input it copies the input into the shared
 * buffer and stamps the time, so the parent can name the input that hung or ran out of memory.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Coverage } from './coverage.js';
import { mergeCorpus, runEngine } from './engine.js';
import { loadTarget } from '../targets/index.js';
const w = workerData;
const ctl = new Int32Array(w.shared, 0, 2);
const started = new Float64Array(w.shared, 8, 1);
const slot = new Uint8Array(w.shared, 16);
const post = (m) => parentPort.postMessage(m);
const cov = new Coverage();
await cov.start(); // before the target's modules load, so they get block counters
const target = await loadTarget(w.target);
cov.scope = target.covers;
const same = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);
const keep = (d) => !w.skip.some((s) => same(s, d));
const seeds = target.seeds().filter(keep);
const onInput = (d) => {
    const n = Math.min(d.length, slot.length);
    slot.set(d.subarray(0, n));
    ctl[1] = n;
    started[0] = Date.now();
    Atomics.add(ctl, 0, 1);
};
const result = await runEngine(target, cov, {
    execs: w.execs,
    deadline: w.deadline,
    seed: w.seed,
    batch: w.batch,
    corpus: [...seeds, ...w.corpus].filter(keep),
    regressions: w.regressions.filter(keep),
    onInput,
    onCrash(c) { post({ type: 'crash', crash: c }); },
    onProgress(s) { post({ type: 'progress', stats: s }); },
});
const { added, ...stats } = result;
const merged = w.merge ? await mergeCorpus(target, cov, [...seeds, ...w.corpus, ...added], onInput) : null;
post({ type: 'done', stats, added, keep: merged });
await cov.stop();
//# sourceMappingURL=worker.js.map
/**
 * One target's campaign from the main thread: a worker runs the engine (engine.ts) under a
 * heap limit while a watchdog polls the input counter the worker bumps before each input.
 * An input that runs longer than `hangMs` (an unbounded loop) or exhausts the worker's heap
 * is read back from the shared buffer and reported as a crash; the campaign then starts a
 * new worker (without replaying that crash) until its budget is spent.
 */
import { Worker } from 'node:worker_threads';
import { corpusDir, crashDir, readInputs, replaceInputs, writeInput } from './store.js';
const SLOT = 1 << 20;
/** Workers killed by a hang or OOM before the campaign gives up (each is a crash already). */
const MAX_RESTARTS = 20;
export async function runCampaign(o) {
    const t0 = Date.now();
    const deadline = o.seconds !== undefined ? t0 + o.seconds * 1000 : Number.MAX_SAFE_INTEGER;
    const totalExecs = o.execs ?? Number.MAX_SAFE_INTEGER;
    const hangMs = o.hangMs ?? 5000;
    const corpus = readInputs(corpusDir(o.target)).map((f) => f.data);
    let regressions = readInputs(crashDir(o.target)).map((f) => f.data);
    const added = [];
    const crashes = [];
    let execs = 0;
    let seed = o.seed ?? (Date.now() & 0x7fffffff);
    let stats = null;
    let saved = null;
    const skip = [];
    let restarts = 0;
    while (execs < totalExecs && Date.now() < deadline) {
        const shared = new SharedArrayBuffer(16 + SLOT);
        const ctl = new Int32Array(shared, 0, 2);
        const started = new Float64Array(shared, 8, 1);
        const input = {
            target: o.target, execs: totalExecs - execs, deadline, seed, batch: o.batch ?? 128,
            corpus: [...corpus, ...added], regressions, skip, merge: o.save === true, shared,
        };
        let workerExecs = 0;
        const end = await new Promise((resolve) => {
            const w = new Worker(new URL('./worker.js', import.meta.url), {
                workerData: input,
                resourceLimits: { maxOldGenerationSizeMb: o.heapMb ?? 512, maxYoungGenerationSizeMb: 64 },
                stdout: false,
            });
            const lastInput = () => new Uint8Array(shared, 16, ctl[1]).slice();
            let lastSeq = -1, lastChange = Date.now(), finished = false;
            const watch = setInterval(() => {
                const seq = Atomics.load(ctl, 0);
                if (seq !== lastSeq) {
                    lastSeq = seq;
                    lastChange = Date.now();
                    return;
                }
                if (Date.now() - Math.max(lastChange, started[0]) < hangMs)
                    return;
                clearInterval(watch);
                finished = true;
                const data = lastInput();
                void w.terminate().then(() => resolve({ crash: { kind: 'slow', message: `hang: no progress for ${hangMs} ms`, data, signature: 'hang' }, done: false }));
            }, 100);
            w.on('message', (m) => {
                if (m.type === 'crash')
                    crashes.push(m.crash);
                else if (m.type === 'progress') {
                    workerExecs = m.stats.execs;
                    stats = m.stats;
                    o.onProgress?.(m.stats);
                }
                else {
                    workerExecs = m.stats.execs;
                    stats = m.stats;
                    for (const d of m.added)
                        added.push(d);
                    if (m.keep && o.save) {
                        replaceInputs(corpusDir(o.target), m.keep);
                        saved = m.keep.length;
                    }
                    finished = true;
                    clearInterval(watch);
                    resolve({ crash: null, done: true });
                }
            });
            w.on('error', (e) => {
                if (finished)
                    return;
                finished = true;
                clearInterval(watch);
                const kind = e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'exception';
                resolve({ crash: { kind, message: `worker died: ${e.message}`, data: lastInput(), signature: `${kind}: worker died` }, done: false });
            });
            w.on('exit', () => {
                if (finished)
                    return;
                finished = true;
                clearInterval(watch);
                resolve({ crash: { kind: 'exception', message: 'worker exited early', data: lastInput(), signature: 'exit' }, done: false });
            });
        });
        execs += workerExecs;
        if (end.crash) {
            crashes.push(end.crash);
            skip.push(end.crash.data);
            execs++;
        }
        if (end.done || ++restarts > MAX_RESTARTS)
            break;
        regressions = []; // the next worker must not replay the input that just killed one
        seed = (seed + 7919) | 0;
    }
    if (o.save)
        for (const c of crashes)
            writeInput(crashDir(o.target), c.data);
    const empty = { execs: 0, corpus: 0, crashes: 0, ms: 0, blocksCovered: 0, blocksKnown: 0, bytesCovered: 0, bytesTotal: 0 };
    return { target: o.target, stats: stats ?? empty, execs, crashes, corpusAdded: added.length, corpusSaved: saved };
}
//# sourceMappingURL=campaign.js.map
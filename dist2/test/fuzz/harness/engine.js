/**
 * The coverage-guided loop, run inside one worker per target (see campaign.ts):
 *   replay the corpus and the crash regressions → batches of fast-check inputs → after each
 *   batch, one coverage take; when it ran new code, bisect the batch (two takes per level) to
 *   the inputs that did and add them to the corpus.
 * Every input is checked against the target's contract (`check`); a failure is minimized
 * (same signature, fewer bytes) and reported once per signature.
 */
import fc from 'fast-check';
import v8 from 'node:v8';
import { inputArbitrary } from './mutate.js';
import { bytes, describe } from './target.js';
function memNow() {
    const h = v8.getHeapStatistics();
    return h.used_heap_size + h.external_memory;
}
/** Run one input against the contract; null when it survived. */
async function check(t, data, onInput, retry = true) {
    onInput(data);
    const m0 = memNow();
    const t0 = performance.now();
    try {
        const r = t.run(data);
        if (r instanceof Promise)
            await r;
    }
    catch (e) {
        const why = t.expected(e);
        if (why !== null)
            return { kind: 'exception', message: `${describe(e)}: ${why}`, where: throwSite(e) };
    }
    const ms = performance.now() - t0;
    const grew = memNow() - m0;
    if (grew > (t.memBytes ?? 32 << 20))
        return { kind: 'memory', message: `one input grew memory by ${(grew / 2 ** 20).toFixed(1)} MiB` };
    if (ms > (t.timeMs ?? 100)) {
        // A GC pause or a busy machine: only an input that is slow twice counts.
        if (!retry)
            return { kind: 'slow', message: `one input took ${ms.toFixed(0)} ms` };
        return check(t, data, onInput, false);
    }
    return null;
}
/** file:line:col of the frame that threw (one bug, one place), or undefined. */
function throwSite(e) {
    if (!(e instanceof Error))
        return undefined;
    return /\(?((?:file:\/\/|\/)[^()\s]+:\d+:\d+)\)?/.exec(e.stack?.split('\n').slice(1).join('\n') ?? '')?.[1];
}
/** What makes two failures the same bug: kind, class and throw site (else the message shape). */
function signature(f) {
    const cls = /^\w+/.exec(f.message)?.[0] ?? '';
    if (f.where !== undefined)
        return `${f.kind}: ${cls} at ${f.where}`;
    return `${f.kind}: ${f.message.replace(/0x[0-9a-f]+|\d+/gi, 'N').slice(0, 160)}`;
}
/** Fewer bytes, same signature (chunk deletion, then byte zeroing), within `budget` runs. */
async function minimize(t, data, sig, onInput, budget = 400) {
    let best = data;
    const same = async (d) => {
        budget--;
        const f = await check(t, d, onInput, false);
        return f !== null && signature(f) === sig;
    };
    for (let chunk = best.length >> 1; chunk >= 1 && budget > 0; chunk >>= 1) {
        for (let at = 0; at + chunk <= best.length && budget > 0;) {
            const cand = new Uint8Array(best.length - chunk);
            cand.set(best.subarray(0, at));
            cand.set(best.subarray(at + chunk), at);
            if (await same(cand))
                best = cand;
            else
                at += chunk;
        }
    }
    return best;
}
export async function runEngine(t, cov, o) {
    const t0 = Date.now();
    const dict = (t.dict ?? []).map((d) => (typeof d === 'string' ? bytes(d) : d));
    const corpus = [];
    const added = [];
    const sigs = new Set();
    let execs = 0;
    let generated = 0;
    const stats = () => ({ ...cov.stats(), execs, corpus: corpus.length, crashes: sigs.size, ms: Date.now() - t0 });
    /** Run inputs; report failures; return the ones that survived. */
    const runAll = async (inputs) => {
        const ok = [];
        for (const d of inputs) {
            execs++;
            const f = await check(t, d, o.onInput);
            if (f === null) {
                ok.push(d);
                continue;
            }
            const sig = signature(f);
            if (sigs.has(sig))
                continue;
            sigs.add(sig);
            const small = await minimize(t, d, sig, o.onInput);
            o.onCrash({ ...f, data: small, signature: sig });
        }
        return ok;
    };
    /** The inputs of `batch` that run new code, each added to the corpus. */
    const bisect = async (batch) => {
        if (batch.length === 1) {
            corpus.push(batch[0]);
            added.push(batch[0]);
            return;
        }
        const half = batch.length >> 1;
        for (const part of [batch.slice(0, half), batch.slice(half)]) {
            await runAll(part);
            const c = await cov.take();
            if (cov.hasNew(c, part.length === 1))
                await bisect(part);
        }
    };
    await cov.take(); // forget what importing the target ran
    await runAll(o.regressions);
    // The corpus as given: every entry is kept (a saved corpus is already minimal).
    for (const d of await runAll(o.corpus))
        corpus.push(d);
    cov.hasNew(await cov.take(), true);
    const arb = inputArbitrary(corpus, dict, t.maxLen);
    let round = 0;
    while (generated < o.execs && Date.now() < o.deadline) {
        const n = Math.min(o.batch, o.execs - generated);
        generated += n;
        const batch = fc.sample(arb, { numRuns: n, seed: (o.seed + round++) | 0 });
        const ok = await runAll(batch);
        const c = await cov.take();
        if (cov.hasNew(c, false)) {
            await bisect(ok);
            cov.hasNew(c, true); // whatever bisecting could not pin on one input (nondeterminism)
        }
        o.onProgress?.(stats());
    }
    return { ...stats(), added };
}
/** The smallest subset of `inputs` (smallest first) reaching the same coverage: one take per input. */
export async function mergeCorpus(t, cov, inputs, onInput) {
    const keep = [];
    await cov.take();
    cov.reset();
    for (const d of [...inputs].sort((a, b) => a.length - b.length)) {
        if (await check(t, d, onInput) !== null)
            continue; // a crash is not corpus
        if (cov.hasNew(await cov.take(), true))
            keep.push(d);
    }
    return keep;
}
//# sourceMappingURL=engine.js.map
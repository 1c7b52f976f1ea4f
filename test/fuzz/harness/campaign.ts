/**
 * One target's campaign from the main thread: a worker runs the engine (engine.ts) under a
 * heap limit while a watchdog polls the input counter the worker bumps before each input.
 * An input that runs longer than `hangMs` (an unbounded loop) or exhausts the worker's heap
 * is read back from the shared buffer and reported as a crash; the campaign then starts a
 * new worker (without replaying that crash) until its budget is spent.
 */
import { Worker } from 'node:worker_threads';
import type { Crash, EngineStats } from './engine.js';
import { corpusDir, crashDir, readInputs, replaceInputs, writeInput } from './store.js';

export interface WorkerInput {
  target: string;
  execs: number;
  deadline: number;
  seed: number;
  batch: number;
  corpus: Uint8Array[];
  regressions: Uint8Array[];
  /** Inputs that killed an earlier worker: never run again (seeds included). */
  skip: Uint8Array[];
  merge: boolean;
  shared: SharedArrayBuffer;
}

export type WorkerMessage =
  | { type: 'crash'; crash: Crash }
  | { type: 'progress'; stats: EngineStats }
  | { type: 'done'; stats: EngineStats; added: Uint8Array[]; keep: Uint8Array[] | null };

export interface CampaignOptions {
  target: string;
  /** Generated inputs (after the corpus and regressions), or wall time; whichever ends first. */
  execs?: number;
  seconds?: number;
  seed?: number;
  batch?: number;
  /** An input running longer than this is a hang (default 5 s). */
  hangMs?: number;
  heapMb?: number;
  /** Write crashes to test/fuzz/crashes/<target>/ and the merged corpus to corpus/<target>/. */
  save?: boolean;
  onProgress?(s: EngineStats): void;
}

export interface CampaignResult {
  target: string;
  stats: EngineStats;
  /** Executions over all workers (a worker that hung or died counts what it reported). */
  execs: number;
  crashes: Crash[];
  corpusAdded: number;
  corpusSaved: number | null;
}

const SLOT = 1 << 20;
/** Workers killed by a hang or OOM before the campaign gives up (each is a crash already). */
const MAX_RESTARTS = 20;

export async function runCampaign(o: CampaignOptions): Promise<CampaignResult> {
  const t0 = Date.now();
  const deadline = o.seconds !== undefined ? t0 + o.seconds * 1000 : Number.MAX_SAFE_INTEGER;
  const totalExecs = o.execs ?? Number.MAX_SAFE_INTEGER;
  const hangMs = o.hangMs ?? 5000;
  const corpus = readInputs(corpusDir(o.target)).map((f) => f.data);
  let regressions = readInputs(crashDir(o.target)).map((f) => f.data);
  const added: Uint8Array[] = [];
  const crashes: Crash[] = [];
  let execs = 0;
  let seed = o.seed ?? (Date.now() & 0x7fffffff);
  let stats: EngineStats | null = null;
  let saved: number | null = null;
  const skip: Uint8Array[] = [];
  let restarts = 0;

  while (execs < totalExecs && Date.now() < deadline) {
    const shared = new SharedArrayBuffer(16 + SLOT);
    const ctl = new Int32Array(shared, 0, 2);
    const started = new Float64Array(shared, 8, 1);
    const input: WorkerInput = {
      target: o.target, execs: totalExecs - execs, deadline, seed, batch: o.batch ?? 128,
      corpus: [...corpus, ...added], regressions, skip, merge: o.save === true, shared,
    };
    let workerExecs = 0;
    const end = await new Promise<{ crash: Crash | null; done: boolean }>((resolve) => {
      const w = new Worker(new URL('./worker.js', import.meta.url), {
        workerData: input,
        resourceLimits: { maxOldGenerationSizeMb: o.heapMb ?? 512, maxYoungGenerationSizeMb: 64 },
        stdout: false,
      });
      const lastInput = (): Uint8Array => new Uint8Array(shared, 16, ctl[1]!).slice();
      let lastSeq = -1, lastChange = Date.now(), finished = false;
      const watch = setInterval(() => {
        const seq = Atomics.load(ctl, 0);
        if (seq !== lastSeq) { lastSeq = seq; lastChange = Date.now(); return; }
        if (Date.now() - Math.max(lastChange, started[0]!) < hangMs) return;
        clearInterval(watch);
        finished = true;
        const data = lastInput();
        void w.terminate().then(() => resolve({ crash: { kind: 'slow', message: `hang: no progress for ${hangMs} ms`, data, signature: 'hang' }, done: false }));
      }, 100);
      w.on('message', (m: WorkerMessage) => {
        if (m.type === 'crash') crashes.push(m.crash);
        else if (m.type === 'progress') { workerExecs = m.stats.execs; stats = m.stats; o.onProgress?.(m.stats); }
        else {
          workerExecs = m.stats.execs;
          stats = m.stats;
          for (const d of m.added) added.push(d);
          if (m.keep && o.save) { replaceInputs(corpusDir(o.target), m.keep); saved = m.keep.length; }
          finished = true;
          clearInterval(watch);
          resolve({ crash: null, done: true });
        }
      });
      w.on('error', (e: Error & { code?: string }) => {
        if (finished) return;
        finished = true;
        clearInterval(watch);
        const kind = e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'exception';
        resolve({ crash: { kind, message: `worker died: ${e.message}`, data: lastInput(), signature: `${kind}: worker died` }, done: false });
      });
      w.on('exit', () => {
        if (finished) return;
        finished = true;
        clearInterval(watch);
        resolve({ crash: { kind: 'exception', message: 'worker exited early', data: lastInput(), signature: 'exit' }, done: false });
      });
    });
    execs += workerExecs;
    if (end.crash) { crashes.push(end.crash); skip.push(end.crash.data); execs++; }
    if (end.done || ++restarts > MAX_RESTARTS) break;
    regressions = []; // the next worker must not replay the input that just killed one
    seed = (seed + 7919) | 0;
  }
  if (o.save) for (const c of crashes) writeInput(crashDir(o.target), c.data);
  const empty: EngineStats = { execs: 0, corpus: 0, crashes: 0, ms: 0, blocksCovered: 0, blocksKnown: 0, bytesCovered: 0, bytesTotal: 0 };
  return { target: o.target, stats: stats ?? empty, execs, crashes, corpusAdded: added.length, corpusSaved: saved };
}

import { Coverage, type CoverageStats } from './coverage.js';
import { type FuzzTarget } from './target.js';
export interface Failure {
    kind: 'exception' | 'slow' | 'memory';
    message: string;
    where?: string;
}
export interface Crash extends Failure {
    data: Uint8Array;
    signature: string;
}
export interface EngineOptions {
    /** Stop after this many generated inputs, or at this time (ms since epoch), whichever first. */
    execs: number;
    deadline: number;
    seed: number;
    batch: number;
    /** Inputs replayed first: the corpus (also mutated) and the crash regressions (not mutated). */
    corpus: Uint8Array[];
    regressions: Uint8Array[];
    /** Called before each input runs (the campaign's watchdog keeps it for a hang). */
    onInput(data: Uint8Array): void;
    onCrash(c: Crash): void;
    onProgress?(s: EngineStats): void;
}
export interface EngineStats extends CoverageStats {
    /** Every run of the target: replays, generated inputs, bisecting and minimizing. */
    execs: number;
    corpus: number;
    crashes: number;
    ms: number;
}
export declare function runEngine(t: FuzzTarget, cov: Coverage, o: EngineOptions): Promise<EngineStats & {
    added: Uint8Array[];
}>;
/** The smallest subset of `inputs` (smallest first) reaching the same coverage: one take per input. */
export declare function mergeCorpus(t: FuzzTarget, cov: Coverage, inputs: readonly Uint8Array[], onInput: (d: Uint8Array) => void): Promise<Uint8Array[]>;

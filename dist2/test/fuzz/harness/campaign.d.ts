import type { Crash, EngineStats } from './engine.js';
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
export type WorkerMessage = {
    type: 'crash';
    crash: Crash;
} | {
    type: 'progress';
    stats: EngineStats;
} | {
    type: 'done';
    stats: EngineStats;
    added: Uint8Array[];
    keep: Uint8Array[] | null;
};
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
export declare function runCampaign(o: CampaignOptions): Promise<CampaignResult>;

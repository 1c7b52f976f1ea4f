export interface CoverageStats {
    blocksCovered: number;
    blocksKnown: number;
    /** Executed bytes of the compiled modules in scope, and their total size. */
    bytesCovered: number;
    bytesTotal: number;
}
export declare class Coverage {
    private readonly session;
    private readonly seen;
    private readonly blockKeys;
    /** Substrings of the script URLs counted (the target's `covers`). */
    scope: readonly string[];
    private post;
    start(): Promise<void>;
    stop(): Promise<void>;
    /** Forget everything seen (to measure a corpus from scratch). */
    reset(): void;
    /** Executed-offset bitmaps of the scripts in scope since the last take (resets V8's counters). */
    take(): Promise<Map<string, Uint8Array>>;
    /** Whether `cov` ran an offset never seen; with `merge`, remember it. */
    hasNew(cov: Map<string, Uint8Array>, merge: boolean): boolean;
    stats(): CoverageStats;
}

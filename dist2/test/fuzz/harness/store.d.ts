/** The repo's test/fuzz directory (this file runs from dist/test/fuzz/harness/). */
export declare const FUZZ_DIR: string;
export declare const corpusDir: (target: string) => string;
export declare const crashDir: (target: string) => string;
export declare function nameOf(data: Uint8Array): string;
/** Every file of `dir` (none when it does not exist), smallest first. */
export declare function readInputs(dir: string): {
    name: string;
    data: Uint8Array;
}[];
export declare function writeInput(dir: string, data: Uint8Array): string;
/** Replace the corpus directory's files with `keep`. */
export declare function replaceInputs(dir: string, keep: readonly Uint8Array[]): void;

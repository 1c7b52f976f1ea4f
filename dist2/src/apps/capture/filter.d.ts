export declare class FilterError extends Error {
    readonly filter: string;
    readonly token: string;
    readonly position: number;
    constructor(filter: string, token: string, position: number, detail: string);
}
/** A compiled filter (one per capture app; `matches` never allocates). */
export declare class CaptureFilter {
    readonly text: string;
    private readonly code;
    readonly empty: boolean;
    private readonly hdrs;
    private readonly stack;
    constructor(text: string, code: Float64Array, empty: boolean);
    matches(buf: Uint8Array, start: number, len: number): boolean;
}
/** Compile a filter expression. Control path; throws FilterError naming the bad token. */
export declare function compileFilter(text: string): CaptureFilter;

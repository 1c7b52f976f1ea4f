/** An error caused by the user's input (arguments, files, configs): printed as one line, no stack. */
export declare class UsageError extends Error {
    readonly exitCode: number;
    /** Machine-readable code for `{"error":{"code","message"}}` under -j. */
    readonly code: string;
    constructor(message: string, exitCode?: number, code?: string);
}
/**
 * A system error that reached the top (a file or address the user named could not be
 * used) as one line naming it, exit 1; undefined for anything else (a bug: print its stack).
 */
export declare function describeError(err: unknown): UsageError | undefined;

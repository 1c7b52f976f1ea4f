/** Symbolic name of an errno value, e.g. 11 → "EAGAIN". */
export declare function errnoName(errno: number): string;
export declare class SysError extends Error {
    readonly call: string;
    readonly errno: number;
    /** Symbolic errno, e.g. "ECONNREFUSED". */
    readonly code: string;
    constructor(call: string, errno: number, detail?: string);
}
export declare const EINTR = 4;
export declare const EAGAIN = 11;
export declare const EPERM = 1;
export declare const ENOENT = 2;
export declare const ECONNREFUSED = 111;

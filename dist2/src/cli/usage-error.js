/** An error caused by the user's input (arguments, files, configs): printed as one line, no stack. */
export class UsageError extends Error {
    exitCode;
    /** Machine-readable code for `{"error":{"code","message"}}` under -j. */
    code;
    constructor(message, exitCode = 2, code) {
        super(message);
        this.exitCode = exitCode;
        this.name = 'UsageError';
        this.code = code ?? CODES[exitCode] ?? 'error';
    }
}
const CODES = { 1: 'refused', 2: 'usage', 3: 'no-daemon', 4: 'timeout', 5: 'permission-denied' };
/**
 * A system error that reached the top (a file or address the user named could not be
 * used) as one line naming it, exit 1; undefined for anything else (a bug: print its stack).
 */
export function describeError(err) {
    if (!(err instanceof Error))
        return undefined;
    const e = err;
    if (typeof e.code !== 'string' || !/^E[A-Z0-9]+$/.test(e.code))
        return undefined;
    if (e.name === 'SysError')
        return new UsageError(e.message, 1, 'system');
    const what = e.path ?? (e.address !== undefined ? `${e.address}${e.port !== undefined && e.port >= 0 ? `:${e.port}` : ''}` : undefined);
    if (what === undefined)
        return undefined;
    return new UsageError(`${what}: ${e.code}${e.syscall ? ` (${e.syscall})` : ''}`, 1, 'system');
}
//# sourceMappingURL=usage-error.js.map
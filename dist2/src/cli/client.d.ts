export declare const EXIT: {
    readonly OK: 0;
    readonly REFUSED: 1;
    readonly USAGE: 2;
    readonly NO_DAEMON: 3;
    readonly TIMEOUT: 4;
    readonly DENIED: 5;
};
export interface Global {
    json: boolean;
    pretty: boolean;
    socket: string;
    words: string[];
    flags: Set<string>;
    values: Map<string, string>;
}
/**
 * Pull global options (and the verb's own `--flag`/`--key value` options named in
 * `boolFlags`/`valueFlags`) out of argv; everything else stays in `words`, in order.
 */
export declare function parseGlobal(argv: string[], boolFlags?: string[], valueFlags?: string[]): Global;
/** Send one request; map failures to the documented exit codes (thrown as UsageError). */
export declare function request<T = unknown>(g: Global, method: string, params?: Record<string, unknown>, timeoutMs?: number): Promise<T>;
/** Print a result: JSON with -j/-p, else the verb's text rendering. */
export declare function output(g: Global, result: unknown, text: (r: any) => string): void;
/**
 * Read `key value` or `key=value` pairs and bare flags from words. `keys` are the keys that
 * take a value; `flags` are words that stand alone. Unknown words are a usage error.
 */
export declare function keyValues(words: string[], keys: string[], flags?: string[], what?: string): {
    kv: Record<string, string>;
    flags: Set<string>;
};
export declare function intWord(name: string, v: string | undefined, min: number, max: number): number | undefined;
/** Dispatch `verb SUB ...` to one of `subs`; unknown subcommands are usage errors. */
export declare function sub(verb: string, g: Global, subs: Record<string, (g: Global, words: string[]) => Promise<number>>, dflt?: string): Promise<number>;
/** Left-aligned text table. */
export declare function table(head: string[], rows: (string | number)[][]): string;
export declare function dropsText(d: Record<string, number> | undefined): string;

/**
 * What a fuzz target is: one small function over bytes at one trust boundary, plus what
 * "survives" means for it. The harness (engine.ts) checks the contract for every input:
 * - `run` returns (or resolves), or throws an error that `expected` accepts: the boundary's
 *   documented error type with a message naming the field. Anything else is a crash.
 * - `run` may throw `assert` failures of its own for properties the harness cannot see
 *   (a walk that left the region it was given, a write outside a segment's bounds).
 * - each input finishes within `timeMs` and grows the heap plus external memory by at most
 *   `memBytes`; an unbounded loop is caught by the campaign's watchdog (hangMs).
 */
export interface FuzzTarget {
    readonly name: string;
    /** Substrings of the compiled module URLs the target aims at (coverage is counted there). */
    readonly covers: readonly string[];
    /** Well-formed inputs to start from (merged with the target's corpus directory). */
    seeds(): Uint8Array[];
    /** Tokens the mutator may insert or overwrite with (keywords, magic numbers). */
    readonly dict?: readonly (string | Uint8Array)[];
    /** Largest input the mutator builds. */
    readonly maxLen: number;
    /** Per-input bounds (defaults: 100 ms, 32 MiB). */
    readonly timeMs?: number;
    readonly memBytes?: number;
    run(data: Uint8Array): void | Promise<void>;
    /** null when `e` is the documented error naming a field; otherwise why it is not. */
    expected(e: unknown): string | null;
}
/** Bytes → text as a reader of a file or socket would see them (invalid UTF-8 → U+FFFD). */
export declare function text(data: Uint8Array): string;
export declare function bytes(s: string): Uint8Array;
/**
 * The usual `expected`: an instance of `type` whose message matches `field` (how that
 * boundary names the field it refuses), and not an empty message.
 */
export declare function documented(type: abstract new (...a: never[]) => Error, field: RegExp): (e: unknown) => string | null;
/** What V8 says when code, not input, is wrong (a parser that wraps every error hides these). */
export declare const INTERNAL: RegExp;
/** One line for an escaped exception: its class, message and the top stack frame. */
export declare function describe(e: unknown): string;
/**
 * Make a process warning (yaml's "Keys with collection values…", a deprecation) throw where
 * it is emitted, so the contract check sees it: a parser that warns on stderr instead of
 * refusing with a clear error is a defect too. Targets call it once at load (their worker).
 */
export declare function failOnWarnings(): void;

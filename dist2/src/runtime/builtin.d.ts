/** Register all built-in app types and port kinds (idempotent). */
export declare function loadBuiltins(): Promise<void>;

export declare class ApiClientError extends Error {
    readonly code: string;
    constructor(code: string, message: string);
}
/** Where the CLI looks for the daemon: --socket, $SLUICE_SOCKET, then the systemd default. */
export declare const DEFAULT_SOCKET = "/run/sluice/api.sock";
export declare function socketPath(given?: string): string;
export declare class ApiClient {
    readonly path: string;
    readonly timeoutMs: number;
    private sock;
    private buf;
    private nextId;
    private readonly pending;
    constructor(path: string, timeoutMs?: number);
    connect(): Promise<void>;
    request<T = unknown>(method: string, params?: Record<string, unknown>, timeoutMs?: number): Promise<T>;
    close(): void;
}
/** One request on a fresh connection (CLI verbs). */
export declare function call<T = unknown>(path: string, method: string, params?: Record<string, unknown>, timeoutMs?: number): Promise<T>;

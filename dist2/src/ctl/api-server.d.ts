export declare class ApiError extends Error {
    readonly code: string;
    constructor(code: string, message: string);
}
/** Who is calling, as the kernel saw it at connect (SO_PEERCRED). */
export interface Caller {
    pid: number;
    uid: number;
    gid: number;
}
export type Handler = (method: string, params: Record<string, unknown>, caller: Caller) => unknown;
export interface ApiServerOptions {
    path: string;
    /** Socket file mode, octal string or number (default 0600). */
    mode?: string | number;
    /** Group name or gid that may connect (with mode 0660). */
    group?: string | number;
    maxRequestBytes?: number;
    maxQueued?: number;
    idleTimeoutMs?: number;
    maxBufferedBytes?: number;
    maxConnections?: number;
    log?: (e: Record<string, unknown>) => void;
}
/** Resolve a group name to a gid from /etc/group; throws naming the group. */
export declare function resolveGroup(g: string | number): number;
export declare class ApiServer {
    private readonly handler;
    private server;
    private readonly sockets;
    readonly opts: Required<Omit<ApiServerOptions, 'group' | 'log'>> & Pick<ApiServerOptions, 'group' | 'log'>;
    requests: number;
    errors: number;
    constructor(opts: ApiServerOptions, handler: Handler);
    listen(): Promise<void>;
    close(): Promise<void>;
    private accept;
    /** Parse, check and run one request line; always returns a response object. */
    handle(line: string, caller?: Caller): Promise<Record<string, unknown>>;
    private fail;
}

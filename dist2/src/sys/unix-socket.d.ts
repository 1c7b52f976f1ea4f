export type SocketType = 'stream' | 'seqpacket';
export declare const MAX_FDS = 32;
export declare function setNonBlocking(fd: number, on: boolean): void;
export interface ListenOptions {
    mode?: number;
    group?: string | number;
    backlog?: number;
}
/**
 * Bind and listen on `path` (non-blocking). A stale socket file left by a crashed process is
 * removed first; a socket another process still serves, or any other kind of file at `path`,
 * is an error (unlinking a live socket would cut its owner off from new peers).
 */
export declare function unixListen(path: string, type: SocketType, opts?: ListenOptions): number;
/** Accept one connection (non-blocking); -1 when none is pending. */
export declare function unixAccept(listenFd: number): number;
/** Connect to `path`; the returned fd is non-blocking. Throws SysError (ENOENT, ECONNREFUSED…). */
export declare function unixConnect(path: string, type: SocketType): number;
/** A connected pair (both non-blocking), for tests and in-process peers. */
export declare function socketPair(type: SocketType): [number, number];
/**
 * Send `data` with `fds` attached. Returns bytes sent, or -1 if the socket would block.
 * Throws SysError on other failures (EPIPE, ECONNRESET when the peer went away).
 */
export declare function sendMsg(fd: number, data: Uint8Array, fds?: readonly number[]): number;
export interface Received {
    /** Bytes received: 0 means the peer closed, -1 means nothing to read now. */
    bytes: number;
    /** fds received with the message; the caller owns them. */
    fds: number[];
    /** The kernel dropped fds because more were sent than MAX_FDS (they are lost). */
    fdsTruncated: boolean;
}
/** Receive one message into `buf` (up to buf.length bytes). */
export declare function recvMsg(fd: number, buf: Uint8Array): Received;

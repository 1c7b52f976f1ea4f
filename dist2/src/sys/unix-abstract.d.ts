import { type SocketType } from './unix-socket.js';
/** Bind and listen on the abstract name `name` (non-blocking fd). */
export declare function unixListenAbstract(name: string, type: SocketType, backlog?: number): number;
/** Connect to the abstract name `name`; the returned fd is non-blocking. */
export declare function unixConnectAbstract(name: string, type: SocketType): number;

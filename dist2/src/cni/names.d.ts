import type { Mode } from './config.js';
/** sun_path is 108 bytes including the terminating NUL. */
export declare const MAX_SOCKET_PATH = 107;
export interface Names {
    key: string;
    hostVeth: string;
    port: string;
    podDir: string;
    socket: string;
    mac: string;
}
export declare function namesFor(network: string, containerId: string, ifname: string, socketDir: string, mode: Mode): Names;
/** Throws (invalid config) when the socket path would not fit in sun_path. */
export declare function checkSocketPath(path: string, limit?: number): void;

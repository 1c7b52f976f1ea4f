/**
 * `memif` port app: a MemifPort (control socket, regions, rings) in the engine.
 *
 *        peer ──► rx rings ──► pull() ──► output "output"   (counters rx = from the peer)
 *        peer ◄── tx rings ◄── push() ◄── input  "input"    (counters tx = to the peer)
 *
 * Sluice server = memif master (listens; maps the regions the client sends); client =
 * slave (connects; creates region 0 with rings and buffers). Rx rings are C2S as server,
 * S2C as client; tx rings the other way round.
 *
 * Args (port string `memif:PATH[,role=server|client][,id=N][,secret=S][,queues=N]
 * [,ring-size=N][,buffer-size=N][,abstract]`): path, role (default server, as DPDK),
 * id (default 0), secret (≤ 24 bytes), queues (1..255), ringSize (power of two, 2..16384,
 * default 1024), bufferSize (default 2048), abstract (PATH is a Linux abstract socket name,
 * DPDK's default `socket-abstract=yes`).
 */
import { App, type AppContext } from '../../core/app.js';
import { MemifPort } from './port.js';
export interface MemifArgs {
    path: string;
    role?: 'server' | 'client';
    id?: number;
    secret?: string;
    queues?: number;
    ringSize?: number;
    bufferSize?: number;
    abstract?: boolean;
    /** Handshake timeout in ms (default 5000). */
    handshakeMs?: number;
}
export declare const memifSchema: {
    type: string;
    additionalProperties: boolean;
    required: string[];
    properties: {
        path: {
            type: string;
            minLength: number;
            maxLength: number;
        };
        role: {
            enum: string[];
        };
        id: {
            type: string;
            minimum: number;
            maximum: number;
        };
        secret: {
            type: string;
            maxLength: number;
        };
        queues: {
            type: string;
            minimum: number;
            maximum: number;
        };
        ringSize: {
            type: string;
            minimum: number;
            maximum: number;
        };
        bufferSize: {
            type: string;
            minimum: number;
            maximum: number;
        };
        abstract: {
            type: string;
        };
        handshakeMs: {
            type: string;
            minimum: number;
            maximum: number;
        };
    };
};
export declare class MemifApp extends App {
    readonly port: MemifPort;
    private out;
    private in;
    private readonly burst;
    private readonly txBurst;
    constructor(ctx: AppContext, args: MemifArgs);
    linked(): void;
    pull(): void;
    push(): void;
    /** Publish the port's plain-number counters. */
    tick(): void;
    wakeFds(): number[];
    /** Engine hook: sleeping → interrupt mode; awake → polling. */
    idle(sleeping: boolean): void;
    report(): Record<string, unknown>;
    stop(): void;
}

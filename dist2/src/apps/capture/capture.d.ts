/**
 * Capture app (type `capture`): a pass-through inserted on a port's link that writes
 * matching packets to a pcapng destination shared with other capture apps.
 *
 *   input ──► [filter? → EPB on interface "PORT (rx|tx)"] ──► output   (every packet forwarded)
 *
 * Capture never costs a forwarded packet: a write that fails (full disk, reader gone) is
 * counted (`writeErrors`, and as isb_ifdrop) and forwarding goes on. Timestamps are taken
 * once per push (ns since the epoch); EPB flags say inbound (rx: from the port's peer) or
 * outbound (tx: to the peer). The buffer is flushed every `flushMs` from `tick()`. At stop
 * the interface's ISB gets ifrecv = packets seen, ifdrop = packets that matched but could
 * not be written.
 */
import { App, type AppContext } from '../../core/app.js';
export interface CaptureArgs {
    /** Destination: pcapng file path, FIFO, or `-` for stdout. */
    file: string;
    /** Name of the captured port (if_name becomes "PORT-rx"/"PORT-tx"). */
    port: string;
    dir: 'rx' | 'tx';
    /** if_description (e.g. the port spec). */
    description?: string;
    filter?: string;
    snaplen?: number;
    flushMs?: number;
}
export declare const captureSchema: {
    type: string;
    additionalProperties: boolean;
    required: string[];
    properties: {
        file: {
            type: string;
            minLength: number;
        };
        port: {
            type: string;
            minLength: number;
        };
        dir: {
            enum: string[];
        };
        description: {
            type: string;
        };
        filter: {
            type: string;
        };
        snaplen: {
            type: string;
            minimum: number;
            maximum: number;
        };
        flushMs: {
            type: string;
            minimum: number;
            maximum: number;
        };
    };
};
export declare class CaptureApp extends App {
    readonly file: string;
    private readonly writer;
    private readonly ifId;
    private readonly flag;
    private readonly filter;
    private readonly flushMs;
    private nextFlush;
    private in;
    private out;
    private released;
    /** Packets seen, matched (written or failed), written, failed. */
    seen: number;
    matched: number;
    written: number;
    writeErrors: number;
    constructor(ctx: AppContext, args: CaptureArgs);
    linked(): void;
    push(): void;
    tick(now: number): void;
    stop(): void;
    reconfig(): boolean;
    report(): Record<string, unknown>;
}

/**
 * pcap file port (`pcap:IN[,out=OUT][,loop=N][,rate=PPS]`): replays a classic pcap (or
 * pcapng) file into the switch and records what the switch sends to it into OUT (pcap, or
 * pcapng when OUT ends in .pcapng). Without OUT, packets sent to the port are counted as
 * tx and discarded, like a null port.
 *
 *   file IN ──► output        input ──► file OUT
 *
 * The input file is validated whole before the port starts, so the data path never meets
 * a malformed record. Frames longer than a packet buffer are dropped (too_big).
 *
 * Files of up to PRELOAD_MAX_RECORDS records are indexed at start (DPDK's pcap PMD preloads
 * too, for infinite_rx): one view per record over the file's bytes, so replay copies each
 * frame with one `data.set(view, dst)` memmove and no per-packet view or record parsing
 * (callgrind pcap->null: see commit message). Larger files stream through the reader.
 */
import { App, type AppContext } from '../../core/app.js';
export interface PcapPortArgs {
    in?: string;
    out?: string;
    /** Times to play the file; 0 = forever. Default 1. */
    loop?: number;
    /** Replay rate in packets per second; 0 = as fast as possible. */
    rate?: number;
    /** Interface name written into pcapng output. */
    ifName?: string;
}
export declare const pcapPortSchema: {
    type: string;
    additionalProperties: boolean;
    properties: {
        in: {
            type: string;
            minLength: number;
        };
        out: {
            type: string;
            minLength: number;
        };
        loop: {
            type: string;
            minimum: number;
        };
        rate: {
            type: string;
            minimum: number;
        };
        ifName: {
            type: string;
        };
    };
};
/** Records indexed up front: one view (~110 bytes of heap) per record, so at most ~29 MB next to the file itself. */
export declare const PRELOAD_MAX_RECORDS = 262144;
export declare class PcapPort extends App {
    /** Preloaded records (empty when the file streams): a view over each record's bytes and its captured length. */
    private readonly views;
    private readonly capLens;
    private next;
    private readonly reader;
    private readonly writer;
    private readonly loops;
    private readonly rate;
    private played;
    private credit;
    private last;
    private readonly burst;
    private out;
    private in;
    /** True once the input file has been played `loop` times. */
    finished: boolean;
    constructor(ctx: AppContext, args: PcapPortArgs);
    linked(): void;
    pull(): void;
    /** pull() from the preloaded records: the same counts and end-of-file rules as the streaming path. */
    private pullPreloaded;
    push(): void;
    tick(): void;
    stop(): void;
    report(): Record<string, unknown>;
}

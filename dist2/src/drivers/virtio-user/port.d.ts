import type { PoolView } from '../vhost-user/net-io.js';
/** Where the shared region appears in the (virtual) guest-physical space we announce. */
export declare const BASE_GPA = 4294967296;
/** Bytes per packet buffer: header + a 1518-byte frame fits; bigger frames use MRG_RXBUF chains. */
export declare const BUF_SIZE = 2048;
export interface VirtioUserPortOptions {
    path: string;
    queuePairs?: number;
    queueSize?: number;
    /** Ask for GUEST_CSUM/GUEST_TSO4/6 (default false). */
    offloads?: boolean;
    log?: (msg: string) => void;
}
export declare class VirtioUserPort {
    readonly opts: VirtioUserPortOptions;
    readonly log: (m: string) => void;
    private frontend;
    private region;
    private mem;
    private u8;
    private u32;
    private poolData;
    private poolWords;
    private rx;
    private tx;
    private txNext;
    hdrLen: number;
    mergeable: boolean;
    features: bigint;
    protocolFeatures: bigint;
    ready: boolean;
    rxPackets: number;
    rxBytes: number;
    txPackets: number;
    txBytes: number;
    txFull: number;
    rxTooBig: number;
    quarantined: number;
    /** Offload bits negotiated for receiving (offloadsOf(features).guest); what they did. */
    rxOffloads: number;
    rxBadOffload: number;
    superFramesIn: number;
    segmented: number;
    checksumsCompleted: number;
    private readonly vh;
    private readonly plan;
    private readonly cut;
    private big;
    private big32;
    /** Frames queued to a backend that went away before taking them. */
    txLost: number;
    /** Successful attaches (a reconnect adds one). */
    connects: number;
    private stopped;
    private retryTimer;
    private backoffMs;
    private failing;
    constructor(opts: VirtioUserPortOptions);
    /** Connect and set up all rings (control path). Rejects with a clear error on failure. */
    start(): Promise<void>;
    /** Call eventfds (an idle engine may sleep on them). */
    callFds(): number[];
    private checkQueue;
    private words;
    /**
     * Backend → pool packets (our RX). Returns how many were written to `out`. With receive
     * offloads, a frame is only taken while `cap` (≤ out.length) has room for a whole
     * super-frame's segments beyond `max`.
     */
    dequeue(pool: PoolView, out: Uint32Array, max: number, cap?: number): number;
    /** A gathered frame (in `big`) whose header asks for work → pool packets at out[at..]; returns how many. */
    private takeOffload;
    /** Pool packets → backend (our TX). Consumes and frees all `n`; returns how many were queued. */
    enqueue(pool: PoolView, pkts: Uint32Array, n: number): number;
    /** Stay attached: connect now, and again with backoff whenever the backend is away. */
    connect(): void;
    private schedule;
    /** Disconnect and free everything; stays stopped. */
    stop(): void;
    /** Drop the connection, the rings and the region (control path; idempotent). */
    private teardown;
    /** TX buffers the backend never returned: uncount them as sent, count them as lost. */
    private takeBackUnsent;
}

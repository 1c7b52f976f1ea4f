import { VhostNetDevice } from './device.js';
import type { PoolView } from './net-io.js';
import { RingSet } from './ring-set.js';
import { QueueShareHost } from './queue-share.js';
export interface VhostUserPortOptions {
    path: string;
    /** Connect to a listening frontend (QEMU server mode) instead of listening. */
    client?: boolean;
    queuePairs?: number;
    /** Serve the queue pairs on this many worker engines (pair q on worker q mod N) instead of here. */
    workers?: number;
    /** Socket file mode (server), e.g. 0o660, and group name or gid. */
    mode?: number;
    group?: string | number;
    /** Largest frame (bytes, without virtio-net header) accepted from or sent to a guest. */
    maxFrame?: number;
    /** Offer checksum offload and TSO (default false). */
    offloads?: boolean;
    log?: (msg: string) => void;
}
export declare class VhostUserPort {
    readonly opts: VhostUserPortOptions;
    readonly device: VhostNetDevice;
    private handler;
    private readonly reader;
    private listenFd;
    private connFd;
    private stopped;
    private backoffMs;
    private reconnectTimer;
    private seenGeneration;
    /** The live rings served on this thread (call refresh() first in a burst). */
    readonly rings: RingSet;
    /** Worker engines serving queue pairs (`workers` option): one share each. */
    readonly shares: QueueShareHost[];
    /** 1 for rings a worker serves. */
    private readonly remote;
    private pauseDepth;
    readonly log: (msg: string) => void;
    /** Connections accepted/established and lost (counters). */
    connects: number;
    disconnects: number;
    /** Set by the owner to learn about (dis)connections. */
    onStateChange: (connected: boolean) => void;
    constructor(opts: VhostUserPortOptions);
    /**
     * Take the rings back from the workers before changing device state (blocking handshake,
     * nested calls count); resumeWorkers() offers them again with the new state.
     */
    private pauseWorkers;
    private resumeWorkers;
    private newHandler;
    get connected(): boolean;
    /** Start listening or connecting (control path). */
    start(): void;
    private onAccept;
    private tryConnect;
    private attach;
    private onMessage;
    private readMessages;
    /** Drop the connection: close fds, unmap memory; reconnect (client) or wait (server). */
    private drop;
    /** Stop everything; removes the socket file in server mode. */
    stop(): void;
    /** Rebuild the live local ring list if control changed anything (cheap check per burst). */
    refresh(): void;
    /** Ask the guest to kick on TX again (before the owner sleeps on kickFds()). */
    enableKicks(): void;
    /** Kick eventfds of the live TX rings served here (an idle engine may sleep on them). */
    kickFds(): number[];
    /** Guest TX → pool packets. Returns how many were written to `out`. */
    dequeue(pool: PoolView, out: Uint32Array, max: number): number;
    /** Pool packets → guest RX; consumes (frees) all `n`. Returns how many were delivered. */
    enqueue(pool: PoolView, pkts: Uint32Array, n: number): number;
    /** Single-copy guest→guest: up to `max` frames from this port's guest TX into `dst`'s guest RX. */
    forwardTo(dst: VhostUserPort, max: number): number;
}

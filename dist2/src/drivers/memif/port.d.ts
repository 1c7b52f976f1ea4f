import { MemifRing, QueueStats, type PoolView } from '../../memif/queue.js';
export interface MemifPortOptions {
    /** Control socket path (or abstract name with `abstract`). */
    path: string;
    role: 'server' | 'client';
    id: number;
    secret: string;
    queues: number;
    log2RingSize: number;
    bufferSize: number;
    abstract: boolean;
    /** Our interface name (CONNECT/CONNECTED). */
    ifName: string;
    /** Client handshake/server handshake timeout (ms). */
    handshakeMs?: number;
    log: (msg: string) => void;
}
export declare class MemifPort {
    readonly opts: MemifPortOptions;
    readonly pool: PoolView;
    readonly stats: QueueStats;
    /** Packets pushed while no peer was connected (dropped). */
    portDown: number;
    connects: number;
    disconnects: number;
    lastDisconnect: string;
    remoteName: string;
    remoteIfName: string;
    rxRings: MemifRing[];
    txRings: MemifRing[];
    private txNext;
    private listenFd;
    private connFd;
    private control;
    private readonly regions;
    private mappings;
    /** Fds owned by this connection (region memfds, ring eventfds). */
    private ownedFds;
    /** Server: fds received with ADD_REGION (by index) and ADD_RING (by direction, index). */
    private regionFds;
    private c2sFds;
    private s2cFds;
    private readonly rbuf;
    private stopped;
    private backoffMs;
    private retryTimer;
    private handshakeTimer;
    private connectFailures;
    private interrupts;
    constructor(opts: MemifPortOptions, pool: PoolView);
    get connected(): boolean;
    /** Start listening (server) or connecting (client). */
    start(): void;
    private onAccept;
    private tryConnect;
    private scheduleRetry;
    private attach;
    private send;
    private onMessage;
    /** Server: remember a region or ring fd (already validated by ServerControl). */
    private keep;
    private apply;
    /** Client after HELLO: create region 0 (rings + buffers), eventfds; plan the messages. */
    private clientSetup;
    private clientRings;
    private clientConnect;
    /** Server at CONNECT: check and map every region, build and check every ring. */
    private serverConnect;
    /** End the connection (logged); optionally tell the peer why. Client: reconnect later. */
    disconnect(reason: string, tellPeer: boolean): void;
    stop(): void;
    /** Receive up to `max` packets from all rx rings into `out`. */
    receive(out: Uint32Array, max: number): number;
    /** Transmit `n` packets (all consumed); one tx ring per burst, round robin. */
    transmit(pkts: Uint32Array, n: number): number;
    /** Eventfds of the rings we receive on (the engine may sleep on them). */
    wakeFds(): number[];
    /** Interrupt mode on (engine sleeping: unmask and drain) or off (polling: mask). */
    setInterrupts(on: boolean): void;
}

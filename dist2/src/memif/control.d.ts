/**
 * memif control-channel state machines, one per role. Pure: they see decoded messages and
 * the number of fds attached, and say what to send and what to keep; the driver owns the
 * socket, the fds and the mappings. Every violation throws MemifError with the reason the
 * driver logs and sends in DISCONNECT.
 *
 * Server (master, DPDK role=server): listens; on accept sends HELLO, then
 *   hello-sent ──INIT(ok)──► init ──ADD_REGION/ADD_RING (each ACKed)──► init
 *   init ──CONNECT──► (driver maps regions, checks rings) ──► connected (sends CONNECTED)
 * Client (slave, DPDK role=client): connects, then
 *   await-hello ──HELLO──► (driver builds regions/rings/eventfds, calls plan())
 *   sending: INIT, ADD_REGION…, ADD_RING (C2S then S2C)…, CONNECT — one message per ACK,
 *   lockstep as DPDK's memif_msg_send_from_queue and libmemif do ──CONNECTED──► connected
 * DISCONNECT in any state ends the connection (kind PeerDisconnect). Anything else out of
 * order is UnexpectedMessage.
 */
import { type AddRing, type Msg } from './wire.js';
export interface ServerConfig {
    /** Interface id the client must ask for in INIT. */
    id: number;
    /** Required secret ('' = none). */
    secret: string;
    /** Queue pairs offered (max rings per direction). */
    queues: number;
    /** Our application name (HELLO) and interface name (CONNECTED). */
    name: string;
    ifName: string;
}
export type ServerState = 'hello-sent' | 'init' | 'connected';
/** What a handled message asks the driver to do. */
export interface Step {
    /** Message to send now (with `sendFd` attached when ≥ 0), or null. */
    reply: Msg | null;
    sendFd: number;
    /** The received fd (at most one) is kept by the driver for this region/ring. */
    keepFd: boolean;
    /** Server: map regions and check rings now, then send `connectedMsg()`. Client: go live. */
    connect: boolean;
}
export declare class ServerControl {
    readonly cfg: ServerConfig;
    state: ServerState;
    /** Regions announced by the client, in index order. */
    readonly regions: {
        index: number;
        size: number;
    }[];
    /** Rings announced by the client, by index per direction. */
    readonly c2s: AddRing[];
    readonly s2c: AddRing[];
    remoteName: string;
    remoteIfName: string;
    constructor(cfg: ServerConfig);
    hello(): Msg;
    connectedMsg(): Msg;
    /** Handle one message carrying `nFds` fds. Throws MemifError on any violation. */
    receive(m: Msg, nFds: number): Step;
    private checkRing;
    private checkRingSet;
}
export interface ClientConfig {
    id: number;
    secret: string;
    queues: number;
    log2RingSize: number;
    bufferSize: number;
    name: string;
    ifName: string;
}
/** Connection parameters agreed from HELLO (DPDK memif_msg_receive_hello). */
export interface Negotiated {
    numC2s: number;
    numS2c: number;
    log2RingSize: number;
    bufferSize: number;
    remoteName: string;
}
export type ClientState = 'await-hello' | 'planning' | 'sending' | 'await-connected' | 'connected';
export declare class ClientControl {
    readonly cfg: ClientConfig;
    state: ClientState;
    negotiated: Negotiated | null;
    remoteIfName: string;
    private queue;
    constructor(cfg: ClientConfig);
    /**
     * After HELLO: the driver has created region 0 (`regionFds`/`regionSizes`) and one
     * eventfd per ring; queue INIT, ADD_REGION…, ADD_RING…, CONNECT and return the first.
     */
    plan(regionFds: number[], regionSizes: number[], c2sRings: {
        offset: number;
        fd: number;
    }[], s2cRings: {
        offset: number;
        fd: number;
    }[]): Step;
    private next;
    receive(m: Msg, nFds: number): Step;
}

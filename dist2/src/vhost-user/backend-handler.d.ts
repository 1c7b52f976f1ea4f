/**
 * vhost-user backend request dispatcher (the state machine between the socket and a device).
 *
 * Contract
 * - `handle(header, payload, fds)` runs: check fds allowed for this request (T6) → exact
 *   payload size → decode → validate fields → semantic state (ring index < device rings,
 *   features ⊆ offered) → call the `BackendDevice` → build the reply. It returns the reply
 *   bytes (or null) and never keeps fds of a rejected message: they are closed here.
 * - fds handed to the device (memory regions, kick/call/err) become the device's; it must
 *   close them when replaced or on disconnect.
 * - REPLY_ACK (protocol feature 3) is handled here, as rust-vmm does: when negotiated and the
 *   frontend set NEED_REPLY on a request without its own reply, a u64 0 (ok) or 1 (error) is
 *   returned.
 * - Errors that break framing (`shouldDisconnect`) are rethrown so the endpoint drops the
 *   connection; other errors are logged through `log` and answered with a NACK if asked.
 */
import { type Header, type MemRegion, type VringAddr } from './message.js';
/** What a vhost-user device implements (the driver layer). fd -1 means "no fd". */
export interface BackendDevice {
    /** Number of vrings the device has (2 × queue pairs for net). */
    readonly numRings: number;
    getFeatures(): bigint;
    getProtocolFeatures(): bigint;
    setFeatures(features: bigint): void;
    setProtocolFeatures(features: bigint): void;
    setOwner(): void;
    resetOwner(): void;
    /** Takes ownership of `fds` (one per region) even when it throws. */
    setMemTable(regions: MemRegion[], fds: number[]): void;
    setVringNum(index: number, num: number): void;
    setVringAddr(addr: VringAddr): void;
    setVringBase(index: number, base: number): void;
    /** Stop ring `index` and return its next avail index (for SET_VRING_BASE after restart). */
    getVringBase(index: number): number;
    setVringKick(index: number, fd: number): void;
    setVringCall(index: number, fd: number): void;
    setVringErr(index: number, fd: number): void;
    setVringEnable(index: number, enable: boolean): void;
    setStatus(status: number): void;
    getStatus(): number;
    /** Queue pairs for GET_QUEUE_NUM. */
    queueNum(): number;
}
export declare class BackendHandler {
    private readonly device;
    private readonly closeFd;
    private readonly log;
    /** Protocol features acknowledged by SET_PROTOCOL_FEATURES. */
    protocolFeatures: bigint;
    /** Virtio features acknowledged by SET_FEATURES. */
    features: bigint;
    owned: boolean;
    /** Count of rejected messages (for the port's counters). */
    rejected: number;
    constructor(device: BackendDevice, closeFd: (fd: number) => void, log?: (msg: string) => void);
    private ring;
    /** Handle one message; returns the reply to send (or null). Closes fds of rejected messages. */
    handle(h: Header, payload: Uint8Array, fds: number[]): Uint8Array | null;
    private ack;
    private dispatch;
}

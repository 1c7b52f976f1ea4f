/**
 * Helpers for memif tests: a packet pool over an ArrayBuffer, frame builders, polling
 * helpers, and a raw seqpacket peer that sends hand-made (possibly malformed) memif
 * messages to a Sluice memif port.
 */
import { PacketPool } from '../../src/core/packet.js';
import { type Msg } from '../../src/memif/wire.js';
export declare const sleep: (ms: number) => Promise<unknown>;
export declare function testPool(count?: number, bufSize?: number): PacketPool;
/** A packet holding `len` bytes with a pattern derived from `seed`. */
export declare function packet(pool: PacketPool, len: number, seed: number): number;
/** Whether packet p holds the pattern written by packet(…, len, seed). */
export declare function packetOk(pool: PacketPool, p: number, len: number, seed: number): boolean;
export declare function until(cond: () => boolean, ms?: number): Promise<boolean>;
/** A raw memif peer on a seqpacket socket (client: connects; server: listens). */
export declare class RawPeer {
    fd: number;
    private listenFd;
    private readonly buf;
    received: Msg[];
    closed: boolean;
    static connect(path: string): Promise<RawPeer>;
    static listen(path: string): RawPeer;
    accept(ms?: number): Promise<boolean>;
    send(m: Msg | Uint8Array, fds?: number[]): void;
    /** Drain what arrived; returns false once the other side closed. */
    poll(): void;
    waitFor(type: Msg['type'], ms?: number): Promise<Msg | undefined>;
    waitClosed(ms?: number): Promise<boolean>;
    close(): void;
}

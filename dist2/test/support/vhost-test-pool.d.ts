/**
 * A small packet pool with the PoolView shape (data/len/start/alloc/free) for vhost-user and
 * virtio-user tests and support scripts that run without core's engine.
 */
import type { PoolView } from '../../src/drivers/vhost-user/net-io.js';
export declare class TestPool implements PoolView {
    readonly count: number;
    static readonly BUF = 10240;
    static readonly HEADROOM = 128;
    readonly data: Uint8Array;
    readonly len: Uint32Array;
    private readonly freeList;
    private nfree;
    constructor(count?: number);
    start(p: number): number;
    alloc(): number;
    free(p: number): void;
    get available(): number;
    /** Allocate a packet holding `bytes` (test helper). */
    packet(bytes: Uint8Array): number;
    bytes(p: number): Uint8Array;
}

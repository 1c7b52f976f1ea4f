/**
 * A small packet pool with the PoolView shape (data/len/start/alloc/free; no super buffers) for vhost-user and
 * virtio-user tests and support scripts that run without core's engine.
 */
import type { PoolView } from '../../src/drivers/vhost-user/net-io.js';

export class TestPool implements PoolView {
  static readonly BUF = 10240;
  static readonly HEADROOM = 128;
  readonly data: Uint8Array;
  readonly len: Uint32Array;
  /** No super buffers here (allocSuper fails, so super-frames are cut on arrival): their offload state is empty. */
  readonly gsoType = new Uint8Array(0);
  readonly gsoSize = new Uint16Array(0);
  readonly csumStart = new Uint16Array(0);
  readonly csumOffset = new Uint16Array(0);
  private readonly freeList: Uint32Array;
  private nfree: number;
  constructor(readonly count = 1024) {
    this.data = new Uint8Array(count * TestPool.BUF);
    this.len = new Uint32Array(count);
    this.freeList = new Uint32Array(count);
    for (let i = 0; i < count; i++) this.freeList[i] = count - 1 - i;
    this.nfree = count;
  }
  start(p: number): number {
    return p * TestPool.BUF + TestPool.HEADROOM;
  }
  alloc(): number {
    return this.nfree === 0 ? -1 : this.freeList[--this.nfree]!;
  }
  allocSuper(): number {
    return -1;
  }
  free(p: number): void {
    this.freeList[this.nfree++] = p;
  }
  allocBurst(out: Uint32Array, n: number, at: number): number { return allocEach(this, out, n, at); }
  freeBurst(handles: Uint32Array, n: number, at: number): void { freeEach(this, handles, n, at); }
  get available(): number {
    return this.nfree;
  }
  /** Allocate a packet holding `bytes` (test helper). */
  packet(bytes: Uint8Array): number {
    const p = this.alloc();
    if (p < 0) throw new Error('test pool empty');
    this.data.set(bytes, this.start(p));
    this.len[p] = bytes.length;
    return p;
  }
  bytes(p: number): Uint8Array {
    return this.data.slice(this.start(p), this.start(p) + this.len[p]!);
  }
}

/** PoolView's allocBurst for a test pool: alloc() per handle. */
export function allocEach(pool: { alloc(): number }, out: Uint32Array, n: number, at: number): number {
  let got = 0;
  for (; got < n; got++) {
    const p = pool.alloc();
    if (p < 0) break;
    out[at + got] = p;
  }
  return got;
}

/** PoolView's freeBurst for a test pool: free() per handle. */
export function freeEach(pool: { free(p: number): void }, handles: Uint32Array, n: number, at: number): void {
  for (let i = 0; i < n; i++) pool.free(handles[at + i]!);
}

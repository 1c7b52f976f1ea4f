/** Native address of `u8[0]` as a Number. */
export declare function addressOf(u8: Uint8Array): number;
/** read(2) at a native address; returns bytes read or -errno (e.g. -11 for EAGAIN). */
export declare function readAt(fd: number, address: number, len: number): number;
/** write(2) from a native address; returns bytes written or -errno. */
export declare function writeAt(fd: number, address: number, len: number): number;
/** readv(2) into the `n` iovecs at native address `iov`; bytes read or -errno. */
export declare function readvAt(fd: number, iov: number, n: number): number;
/** writev(2) from the `n` iovecs at native address `iov`; bytes written or -errno. */
export declare function writevAt(fd: number, iov: number, n: number): number;
/**
 * A small array of `struct iovec {void *base; size_t len}` in native memory, filled per call
 * without allocating (addresses are Numbers < 2^47, stored as two u32 halves).
 */
export declare class IoVecs {
    readonly address: number;
    private readonly u32;
    constructor(count: number);
    set(i: number, address: number, len: number): void;
}

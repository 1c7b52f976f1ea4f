import { PcapError } from './pcap-error.js';
/** Default output buffer size (1 MiB). */
export declare const DEFAULT_BUFFER_BYTES: number;
/** Smallest buffer that holds the largest record we write (256 KiB of data + headers). */
export declare const MIN_BUFFER_BYTES: number;
/** Buffered fd writer; see the module header. */
export declare class OutSink {
    readonly fd: number;
    readonly ownsFd: boolean;
    readonly label: string;
    readonly eagainLimitMs: number;
    readonly buf: Uint8Array;
    readonly view: DataView;
    /** Bytes buffered but not yet written. */
    pos: number;
    /** Bytes handed to the kernel so far. */
    bytesWritten: number;
    /** 1 ms waits on EAGAIN (a full non-blocking pipe: the reader is slower than us). */
    eagainWaits: number;
    /** First I/O error; the sink writes nothing after it. */
    error: PcapError | null;
    closed: boolean;
    constructor(fd: number, ownsFd: boolean, label: string, bufferBytes: number, eagainLimitMs?: number);
    /** Room for n bytes at the returned offset, or -1 if the sink failed. */
    reserve(n: number): number;
    /** Account for n bytes written at the offset reserve() returned. */
    commit(n: number): void;
    /** Write out everything buffered. Never throws; see `error`. */
    flush(): void;
    /** Flush, close the fd if owned, and throw the first I/O error if any. Idempotent. */
    close(): void;
}

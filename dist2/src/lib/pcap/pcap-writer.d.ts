import { OutSink } from './out-sink.js';
/** Options for PcapWriter. */
export interface PcapWriterOptions {
    /** Timestamp resolution: 'ns' (default) or 'us'. */
    resolution?: 'ns' | 'us';
    /** Snapshot length written in the header; longer packets are truncated. Default 262144. */
    snaplen?: number;
    /** Output buffer size in bytes (default 1 MiB). */
    bufferBytes?: number;
    /** fromFd only: close the fd on close(). Default false. */
    ownsFd?: boolean;
    /** Name used in error messages (default: the path, or `fd N`). */
    label?: string;
}
/** Classic pcap writer; see the module header. */
export declare class PcapWriter {
    readonly sink: OutSink;
    readonly snaplen: number;
    readonly nanosecond: boolean;
    /** Records written. */
    packets: number;
    /** Records whose data was cut to snaplen. */
    truncated: number;
    /** write() calls rejected for out-of-range off/len. */
    badArgs: number;
    /** Records dropped because the fd failed (see sink.error). */
    writeErrors: number;
    private lastSrc;
    private lastSrcView;
    /** Create/truncate `path` and write the file header. Control path. */
    static create(path: string, opts?: PcapWriterOptions): PcapWriter;
    /** Write to an existing fd (pipe, FIFO, socket, file). Control path. */
    static fromFd(fd: number, opts?: PcapWriterOptions): PcapWriter;
    private constructor();
    /** Append one record with a timestamp in ns since the epoch. See the module header. */
    write(ifIndex: number, buf: Uint8Array, off: number, len: number, tsNs: number, flags?: number, origLen?: number): number;
    /** Append one record with an exact seconds + nanoseconds timestamp. */
    writeExact(ifIndex: number, buf: Uint8Array, off: number, len: number, tsSec: number, tsNsec: number, flags?: number, origLen?: number): number;
    /** Push buffered records to the fd. Never throws; see sink.error. */
    flush(): void;
    /** Flush and close (an owned fd). Throws the first I/O error, if any. */
    close(): void;
}

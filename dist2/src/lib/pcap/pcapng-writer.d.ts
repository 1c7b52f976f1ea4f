import { OutSink } from './out-sink.js';
/** One capture interface (becomes an IDB). */
export interface PcapngInterface {
    /** if_name, e.g. the Sluice port name. */
    name: string;
    /** if_description. */
    description?: string;
    /** Snapshot length (1..262144, default 262144); longer packets are truncated. */
    snaplen?: number;
    /** opt_comment values. */
    comments?: string[];
}
/** Options for PcapngWriter. */
export interface PcapngWriterOptions {
    /** shb_hardware. */
    hardware?: string;
    /** shb_os. */
    os?: string;
    /** shb_userappl (default "Sluice"). */
    userappl?: string;
    /** SHB opt_comment values. */
    comments?: string[];
    /** Interfaces to describe up front (more may be added with addInterface). */
    interfaces?: PcapngInterface[];
    /** Output buffer size in bytes (default 1 MiB). */
    bufferBytes?: number;
    /** fromFd only: close the fd on close(). Default false. */
    ownsFd?: boolean;
    /** Name used in error messages. */
    label?: string;
}
/** Upper bound on interfaces in one file (bounds the per-interface arrays). */
export declare const MAX_INTERFACES = 4096;
/** pcapng writer; see the module header. */
export declare class PcapngWriter {
    readonly sink: OutSink;
    /** Interfaces described so far. */
    ifCount: number;
    /** EPBs written. */
    packets: number;
    truncated: number;
    badArgs: number;
    writeErrors: number;
    private readonly ifSnaplen;
    private readonly ifPackets;
    private readonly ifDrops;
    private readonly ifPendingDrops;
    private readonly ifRecvOverride;
    private readonly ifDropOverride;
    private readonly enc;
    private lastSrc;
    private lastSrcView;
    private lastTsSec;
    private lastTsNsec;
    /** Create/truncate `path` and write the SHB and IDBs. Control path. */
    static create(path: string, opts?: PcapngWriterOptions): PcapngWriter;
    /** Write to an existing fd (pipe, FIFO, file). Control path. */
    static fromFd(fd: number, opts?: PcapngWriterOptions): PcapngWriter;
    private constructor();
    /** Describe one more interface (writes an IDB). Returns its interface id. Control path. */
    addInterface(itf: PcapngInterface): number;
    /** Count `n` packets lost on `ifIndex` before its next EPB. */
    noteDrops(ifIndex: number, n: number): void;
    /** Override the counters written in this interface's ISB at close(). */
    setInterfaceStats(ifIndex: number, ifRecv: number, ifDrop: number): void;
    /** Append one EPB with a timestamp in ns since the epoch. */
    write(ifIndex: number, buf: Uint8Array, off: number, len: number, tsNs: number, flags?: number, origLen?: number): number;
    /** Append one EPB with an exact seconds + nanoseconds timestamp. */
    writeExact(ifIndex: number, buf: Uint8Array, off: number, len: number, tsSec: number, tsNsec: number, flags?: number, origLen?: number): number;
    /** Push buffered blocks to the fd. Never throws; see sink.error. */
    flush(): void;
    /**
     * Write one ISB per interface (timestamp and isb_endtime = the last packet's time), flush,
     * close an owned fd. Throws the first I/O error, if any. Idempotent.
     */
    close(): void;
    /** Timestamp (high, low) words for tsresol 9: units = sec * 1e9 + nsec, exact. */
    private putTs;
    /** Append a whole control block (SHB/IDB/ISB) with options. Control path; allocates. */
    private block;
    /** UTF-8 bytes of an option string, checked against the 16-bit option length. */
    private str;
}

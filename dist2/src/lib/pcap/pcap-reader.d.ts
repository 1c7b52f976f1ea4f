/** Default upper bound on a file read whole into memory. */
export declare const DEFAULT_MAX_FILE_BYTES: number;
/** Options for opening a capture file. */
export interface OpenOptions {
    /** Refuse files larger than this (bytes). Default 1 GiB. */
    maxFileBytes?: number;
}
/** Read a whole file after checking its size. Control path; throws PcapError. */
export declare function readWholeFile(path: string, opts?: OpenOptions): Buffer;
/** Classic pcap reader; see the module header. */
export declare class PcapReader {
    /** Whole file contents. */
    readonly data: Uint8Array;
    /** File name used in error messages. */
    readonly name: string;
    /** True if the file is little-endian. */
    readonly littleEndian: boolean;
    /** True for 0xa1b23c4d (nanosecond) files. */
    readonly nanosecond: boolean;
    readonly versionMajor: number;
    readonly versionMinor: number;
    readonly snaplen: number;
    readonly linktype: number;
    /** Timestamp of the last record, ns since the epoch (see header about precision). */
    tsNs: number;
    /** Seconds part of the last record's timestamp (exact). */
    tsSec: number;
    /** Sub-second part of the last record's timestamp in ns (exact; µs files × 1000). */
    tsNsec: number;
    /** orig_len of the last record. */
    origLen: number;
    /** incl_len of the last record. */
    capLen: number;
    /** 0-based index of the last record returned; -1 before the first. */
    record: number;
    /** File offset of the last record's header. */
    recordOffset: number;
    /** File offset of the last record's packet bytes. */
    dataOff: number;
    /** Records cut short because maxLen < incl_len. */
    truncated: number;
    private pos;
    private readonly view;
    private readonly fracLimit;
    private readonly fracToNs;
    private lastDst;
    private lastDstView;
    /** Open and read a pcap file. Control path; throws PcapError. */
    static open(path: string, opts?: OpenOptions): PcapReader;
    /** Wrap bytes already in memory. Control path; throws PcapError. */
    static fromBuffer(name: string, data: Uint8Array): PcapReader;
    private constructor();
    /** Back to the first record. */
    rewind(): void;
    /**
     * Advance to the next record and validate it without copying. Returns incl_len, or -1 at
     * clean end of file. The packet bytes are at `data[dataOff .. dataOff + capLen)`.
     */
    skip(): number;
    /** Copy the next record into dst; see the module header. */
    next(dst: Uint8Array, dstOff: number, maxLen: number): number;
}
/** Lowercase 8-digit hex. */
export declare function hex8(v: number): string;

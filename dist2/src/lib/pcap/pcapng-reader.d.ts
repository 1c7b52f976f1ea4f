import { type OpenOptions } from './pcap-reader.js';
/** Upper bound on interfaces per section (bounds the per-interface tables). */
export declare const MAX_READ_INTERFACES = 4096;
/** pcapng reader; see the module header. */
export declare class PcapngReader {
    readonly data: Uint8Array;
    readonly name: string;
    /** Byte order of the current section. */
    littleEndian: boolean;
    /** Sections (SHBs) seen so far. */
    sections: number;
    /** SHB options of the current section. */
    shbHardware: string;
    shbOs: string;
    shbUserappl: string;
    /** opt_comment values of the current SHB. */
    shbComments: string[];
    /** Interfaces of the current section. */
    ifCount: number;
    readonly ifName: string[];
    readonly ifDescription: string[];
    readonly ifLinktype: Uint16Array<ArrayBuffer>;
    readonly ifSnaplen: Uint32Array<ArrayBuffer>;
    /** if_tsresol raw byte (6 when the IDB has none). */
    readonly ifTsresol: Uint8Array<ArrayBuffer>;
    /** if_tsoffset seconds. */
    readonly ifTsoffset: Float64Array<ArrayBuffer>;
    /** Last ISB isb_ifrecv / isb_ifdrop per interface, -1 if none seen. */
    readonly isbIfRecv: Float64Array<ArrayBuffer>;
    readonly isbIfDrop: Float64Array<ArrayBuffer>;
    tsNs: number;
    tsSec: number;
    tsNsec: number;
    origLen: number;
    capLen: number;
    ifIndex: number;
    /** epb_flags of the last packet (0 if absent). */
    epbFlags: number;
    /** epb_dropcount of the last packet (0 if absent). */
    dropCount: number;
    /** Index of the last block read (0 = first SHB). */
    record: number;
    recordOffset: number;
    dataOff: number;
    truncated: number;
    private pos;
    private readonly view;
    private lastDst;
    private lastDstView;
    /** Open and read a pcapng file. Control path; throws PcapError. */
    static open(path: string, opts?: OpenOptions): PcapngReader;
    /** Wrap bytes already in memory. Control path; throws PcapError. */
    static fromBuffer(name: string, data: Uint8Array): PcapngReader;
    private constructor();
    /** Back to the first block. */
    rewind(): void;
    /** Advance to the next packet without copying; returns captured length or -1 at EOF. */
    skip(): number;
    /** Copy the next packet into dst; see the module header. */
    next(dst: Uint8Array, dstOff: number, maxLen: number): number;
    /** Read one block at pos; returns its type, or -1 at clean end of file. */
    private readBlock;
    private readEpb;
    private readSpb;
    private readShb;
    private readIdb;
    private readIsb;
    /** Walk an option list of a control block (SHB/IDB/ISB; allocates a closure, not per packet). */
    private forEachOption;
    /** Timestamp units (hi, lo) of interface ifId → tsSec, tsNsec, tsNs. */
    private setTs;
    private str;
    private err;
}

/**
 * Test support only (not used by the library): builders for hand-made classic pcap and pcapng
 * bytes, so tests can produce exactly the malformed inputs they need, in either byte order.
 */
/** One classic pcap record for buildPcap. */
export interface RecSpec {
    sec?: number;
    frac?: number;
    /** incl_len written in the header (default: data length). */
    incl?: number;
    /** orig_len (default: incl). */
    orig?: number;
    /** Packet bytes actually present (default: `incl` bytes of a counting pattern). */
    data?: Uint8Array;
}
/** Fields of a classic pcap file header for buildPcap. */
export interface PcapSpec {
    littleEndian?: boolean;
    magic?: number;
    major?: number;
    minor?: number;
    snaplen?: number;
    linktype?: number;
    records?: RecSpec[];
}
/** Counting-pattern payload of n bytes, seeded so records differ. */
export declare function pattern(n: number, seed?: number): Uint8Array;
/** Build a classic pcap file. */
export declare function buildPcap(spec?: PcapSpec): Uint8Array;
/** Concatenate byte arrays. */
export declare function concat(parts: Uint8Array[]): Uint8Array;
/** One pcapng option. */
export interface OptSpec {
    code: number;
    value: Uint8Array;
}
/** Build a pcapng option list (with opt_endofopt unless `noEnd`). */
export declare function options(opts: OptSpec[], le?: boolean, noEnd?: boolean): Uint8Array;
/** Build one pcapng block: type, total length, body (padded), trailing length. */
export declare function block(type: number, body: Uint8Array, le?: boolean, lenOverride?: number, trailOverride?: number): Uint8Array;
/** SHB body: byte-order magic, version, section length -1, options. */
export declare function shbBody(le?: boolean, major?: number, opts?: Uint8Array, magic?: number): Uint8Array;
/** IDB body: linktype, reserved, snaplen, options. */
export declare function idbBody(le?: boolean, linktype?: number, snaplen?: number, opts?: Uint8Array): Uint8Array;
/** EPB body: interface id, timestamp hi/lo, captured/original length, data (padded), options. */
export declare function epbBody(le: boolean, ifId: number, tsHi: number, tsLo: number, data: Uint8Array, orig?: number, opts?: Uint8Array, capOverride?: number): Uint8Array;
/** Little/big-endian u32 as 4 bytes. */
export declare function u32(n: number, le?: boolean): Uint8Array;
/** u64 (< 2^53) as 8 bytes in the given byte order. */
export declare function u64(n: number, le?: boolean): Uint8Array;

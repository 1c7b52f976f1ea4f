/**
 * Ethernet II header (IEEE 802.3 clause 3): dst MAC (6), src MAC (6), EtherType (2).
 *
 * `off` is the frame start. MACs are (hi16, lo32) numbers on the hot path; see `addr.ts`.
 * Values below 0x0600 in the type field are 802.3 lengths (LLC frames); callers that care
 * test `ethType(...) < ETH_TYPE_MIN`.
 */
/** Ethernet header length. */
export declare const ETH_HLEN = 14;
/** MAC address length. */
export declare const ETH_ALEN = 6;
/** Minimum frame length without FCS (shorter frames are padded on the wire). */
export declare const ETH_ZLEN = 60;
/** Smallest value of the type field that is an EtherType rather than an 802.3 length. */
export declare const ETH_TYPE_MIN = 1536;
/** Destination MAC, first two octets. */
export declare function ethDstHi(buf: Uint8Array, off: number): number;
/** Destination MAC, last four octets. */
export declare function ethDstLo(buf: Uint8Array, off: number): number;
/** Source MAC, first two octets. */
export declare function ethSrcHi(buf: Uint8Array, off: number): number;
/** Source MAC, last four octets. */
export declare function ethSrcLo(buf: Uint8Array, off: number): number;
/** The type field at offset 12 (the outer TPID when the frame is tagged). */
export declare function ethType(buf: Uint8Array, off: number): number;
/** Sets the type field at offset 12. */
export declare function ethSetType(buf: Uint8Array, off: number, etherType: number): void;
/** Sets the destination MAC. */
export declare function ethSetDst(buf: Uint8Array, off: number, hi16: number, lo32: number): void;
/** Sets the source MAC. */
export declare function ethSetSrc(buf: Uint8Array, off: number, hi16: number, lo32: number): void;
/** Copies a 6-byte MAC from `src` at `srcOff` into the destination field. */
export declare function ethCopyDst(buf: Uint8Array, off: number, src: Uint8Array, srcOff: number): void;
/** Copies a 6-byte MAC from `src` at `srcOff` into the source field. */
export declare function ethCopySrc(buf: Uint8Array, off: number, src: Uint8Array, srcOff: number): void;
/** Swaps source and destination MACs in place (reflectors, responders). */
export declare function ethSwapMacs(buf: Uint8Array, off: number): void;
/** True when the destination is a group address (multicast or broadcast). */
export declare function ethIsMulticastDst(buf: Uint8Array, off: number): boolean;
/** Writes a 14-byte Ethernet header at `off`; returns `off + 14`. */
export declare function buildEthernet(buf: Uint8Array, off: number, dstHi: number, dstLo: number, srcHi: number, srcLo: number, etherType: number): number;

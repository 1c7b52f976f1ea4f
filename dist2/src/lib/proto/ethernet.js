/**
 * Ethernet II header (IEEE 802.3 clause 3): dst MAC (6), src MAC (6), EtherType (2).
 *
 * `off` is the frame start. MACs are (hi16, lo32) numbers on the hot path; see `addr.ts`.
 * Values below 0x0600 in the type field are 802.3 lengths (LLC frames); callers that care
 * test `ethType(...) < ETH_TYPE_MIN`.
 */
import { rd16, wr16 } from './bytes.js';
import { copyMac, macHiAt, macLoAt, writeMacHiLo } from './addr.js';
/** Ethernet header length. */
export const ETH_HLEN = 14;
/** MAC address length. */
export const ETH_ALEN = 6;
/** Minimum frame length without FCS (shorter frames are padded on the wire). */
export const ETH_ZLEN = 60;
/** Smallest value of the type field that is an EtherType rather than an 802.3 length. */
export const ETH_TYPE_MIN = 0x0600;
/** Destination MAC, first two octets. */
export function ethDstHi(buf, off) {
    return macHiAt(buf, off);
}
/** Destination MAC, last four octets. */
export function ethDstLo(buf, off) {
    return macLoAt(buf, off);
}
/** Source MAC, first two octets. */
export function ethSrcHi(buf, off) {
    return macHiAt(buf, off + 6);
}
/** Source MAC, last four octets. */
export function ethSrcLo(buf, off) {
    return macLoAt(buf, off + 6);
}
/** The type field at offset 12 (the outer TPID when the frame is tagged). */
export function ethType(buf, off) {
    return rd16(buf, off + 12);
}
/** Sets the type field at offset 12. */
export function ethSetType(buf, off, etherType) {
    wr16(buf, off + 12, etherType);
}
/** Sets the destination MAC. */
export function ethSetDst(buf, off, hi16, lo32) {
    writeMacHiLo(buf, off, hi16, lo32);
}
/** Sets the source MAC. */
export function ethSetSrc(buf, off, hi16, lo32) {
    writeMacHiLo(buf, off + 6, hi16, lo32);
}
/** Copies a 6-byte MAC from `src` at `srcOff` into the destination field. */
export function ethCopyDst(buf, off, src, srcOff) {
    copyMac(buf, off, src, srcOff);
}
/** Copies a 6-byte MAC from `src` at `srcOff` into the source field. */
export function ethCopySrc(buf, off, src, srcOff) {
    copyMac(buf, off + 6, src, srcOff);
}
/** Swaps source and destination MACs in place (reflectors, responders). */
export function ethSwapMacs(buf, off) {
    for (let i = 0; i < 6; i++) {
        const t = buf[off + i];
        buf[off + i] = buf[off + 6 + i];
        buf[off + 6 + i] = t;
    }
}
/** True when the destination is a group address (multicast or broadcast). */
export function ethIsMulticastDst(buf, off) {
    return (buf[off] & 1) !== 0;
}
/** Writes a 14-byte Ethernet header at `off`; returns `off + 14`. */
export function buildEthernet(buf, off, dstHi, dstLo, srcHi, srcLo, etherType) {
    writeMacHiLo(buf, off, dstHi, dstLo);
    writeMacHiLo(buf, off + 6, srcHi, srcLo);
    wr16(buf, off + 12, etherType);
    return off + ETH_HLEN;
}
//# sourceMappingURL=ethernet.js.map
/**
 * VXLAN header (RFC 7348 5) at `off`, carried in UDP to port 4789:
 * flags(1, I bit 0x08 = VNI valid) reserved(3) VNI(3) reserved(1).
 * The encapsulated Ethernet frame starts at `off + 8`.
 */
import { wr32 } from './bytes.js';
/** IANA UDP port. */
export const VXLAN_PORT = 4789;
/** Header length. */
export const VXLAN_HLEN = 8;
/** "I" flag: VNI is valid. */
export const VXLAN_FLAG_I = 0x08;
/** Bytes added in front of the inner frame over IPv4: Ethernet 14 + IPv4 20 + UDP 8 + VXLAN 8. */
export const VXLAN_OVERHEAD_V4 = 50;
/** Bytes added in front of the inner frame over IPv6: Ethernet 14 + IPv6 40 + UDP 8 + VXLAN 8. */
export const VXLAN_OVERHEAD_V6 = 70;
/** Flags byte. */
export function vxlanFlags(buf, off) {
    return buf[off];
}
/** True when the I flag is set (RFC 7348: receivers must check it). */
export function vxlanHasVni(buf, off) {
    return (buf[off] & VXLAN_FLAG_I) !== 0;
}
/** 24-bit VNI. */
export function vxlanVni(buf, off) {
    return (buf[off + 4] << 16) | (buf[off + 5] << 8) | buf[off + 6];
}
/** Sets the VNI, keeping the other bytes. */
export function vxlanSetVni(buf, off, vni) {
    buf[off + 4] = vni >>> 16;
    buf[off + 5] = vni >>> 8;
    buf[off + 6] = vni;
}
/** UDP source port for entropy (RFC 7348 5: dynamic range 49152-65535) from a flow hash. */
export function vxlanSourcePort(hash) {
    return 49152 | (hash & 0x3fff);
}
/** Writes the 8-byte header (I flag, `vni`, reserved zero) at `off`; returns `off + 8`. */
export function buildVxlan(buf, off, vni) {
    wr32(buf, off, VXLAN_FLAG_I << 24);
    wr32(buf, off + 4, (vni & 0xffffff) << 8);
    return off + VXLAN_HLEN;
}
//# sourceMappingURL=vxlan.js.map
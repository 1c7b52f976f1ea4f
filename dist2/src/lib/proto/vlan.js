/**
 * IEEE 802.1Q / 802.1ad VLAN tags.
 *
 * A tag is 4 bytes at `tagOff`: TPID (0x8100 C-tag, 0x88a8 S-tag, 0x9100 legacy) then TCI
 * (PCP:3 DEI:1 VID:12); the encapsulated EtherType follows at `tagOff + 4`. In a frame
 * starting at `start` the first tag is at `start + 12`.
 *
 * `vlanPush`/`vlanPop` insert or remove the outermost tag by moving only the 12 MAC bytes:
 * push moves them 4 bytes left into headroom and returns the new start (length grows by 4);
 * pop moves them 4 bytes right (length shrinks by 4). Both return -1 and leave the frame
 * untouched when they cannot act. The functions only know the array bounds: the caller
 * must check its own packet headroom (a push at `start` writes `[start-4, start)`).
 */
import { rd16, wr16 } from './bytes.js';
/** Tag length. */
export const VLAN_HLEN = 4;
/** Largest valid VID (4095 is reserved, 0 means priority-tagged). */
export const VLAN_VID_MAX = 4094;
const TPID_8021Q = 0x8100;
/** True for a TPID that starts a VLAN tag (0x8100, 0x88a8, 0x9100). */
export function isVlanTpid(etherType) {
    return etherType === 0x8100 || etherType === 0x88a8 || etherType === 0x9100;
}
/** Builds a TCI from VID, PCP and DEI (each masked to its width). */
export function makeTci(vid, pcp, dei) {
    return ((pcp & 7) << 13) | ((dei & 1) << 12) | (vid & 0xfff);
}
/** TPID of the tag at `tagOff`. */
export function vlanTpid(buf, tagOff) {
    return rd16(buf, tagOff);
}
/** TCI of the tag at `tagOff`. */
export function vlanTci(buf, tagOff) {
    return rd16(buf, tagOff + 2);
}
/** VID of the tag at `tagOff`. */
export function vlanId(buf, tagOff) {
    return rd16(buf, tagOff + 2) & 0xfff;
}
/** PCP of the tag at `tagOff`. */
export function vlanPcp(buf, tagOff) {
    return buf[tagOff + 2] >>> 5;
}
/** DEI of the tag at `tagOff`. */
export function vlanDei(buf, tagOff) {
    return (buf[tagOff + 2] >>> 4) & 1;
}
/** Rewrites the VID of the tag at `tagOff`, keeping PCP and DEI. */
export function vlanSetId(buf, tagOff, vid) {
    wr16(buf, tagOff + 2, (rd16(buf, tagOff + 2) & 0xf000) | (vid & 0xfff));
}
/** Rewrites the whole TCI of the tag at `tagOff`. */
export function vlanSetTci(buf, tagOff, tci) {
    wr16(buf, tagOff + 2, tci);
}
/**
 * Writes the tail of a tag (TCI, inner EtherType) at `off` — use after `buildEthernet`
 * wrote the TPID as its type. Returns `off + 4`.
 */
export function buildVlanTag(buf, off, vid, pcp, innerEtherType) {
    wr16(buf, off, makeTci(vid, pcp, 0));
    wr16(buf, off + 2, innerEtherType);
    return off + 4;
}
/**
 * Inserts an outermost tag (TPID `tpid`, default 802.1Q) into the frame at
 * `buf[start, start+len)`. Returns the new start (`start - 4`), or -1 when `start < 4` or
 * `len < 14`. New length is `len + 4`.
 */
export function vlanPush(buf, start, len, vid, pcp, tpid = TPID_8021Q) {
    if (start < VLAN_HLEN || len < 14 || start + len > buf.length)
        return -1;
    const ns = start - VLAN_HLEN;
    // Forward copy is safe: destination is below the source.
    for (let i = 0; i < 12; i++)
        buf[ns + i] = buf[start + i];
    wr16(buf, ns + 12, tpid);
    wr16(buf, ns + 14, makeTci(vid, pcp, 0));
    return ns;
}
/**
 * Removes the outermost tag of the frame at `buf[start, start+len)`. Returns the new
 * start (`start + 4`), or -1 when the frame is shorter than 18 bytes or is not tagged.
 * New length is `len - 4`. Read the tag first if you need it.
 */
export function vlanPop(buf, start, len) {
    if (len < 18 || start < 0 || start + len > buf.length || !isVlanTpid(rd16(buf, start + 12)))
        return -1;
    // Backward copy: destination is above the source and the ranges overlap.
    for (let i = 11; i >= 0; i--)
        buf[start + 4 + i] = buf[start + i];
    return start + VLAN_HLEN;
}
//# sourceMappingURL=vlan.js.map
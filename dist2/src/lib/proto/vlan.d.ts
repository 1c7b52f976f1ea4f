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
/** Tag length. */
export declare const VLAN_HLEN = 4;
/** Largest valid VID (4095 is reserved, 0 means priority-tagged). */
export declare const VLAN_VID_MAX = 4094;
/** True for a TPID that starts a VLAN tag (0x8100, 0x88a8, 0x9100). */
export declare function isVlanTpid(etherType: number): boolean;
/** Builds a TCI from VID, PCP and DEI (each masked to its width). */
export declare function makeTci(vid: number, pcp: number, dei: number): number;
/** TPID of the tag at `tagOff`. */
export declare function vlanTpid(buf: Uint8Array, tagOff: number): number;
/** TCI of the tag at `tagOff`. */
export declare function vlanTci(buf: Uint8Array, tagOff: number): number;
/** VID of the tag at `tagOff`. */
export declare function vlanId(buf: Uint8Array, tagOff: number): number;
/** PCP of the tag at `tagOff`. */
export declare function vlanPcp(buf: Uint8Array, tagOff: number): number;
/** DEI of the tag at `tagOff`. */
export declare function vlanDei(buf: Uint8Array, tagOff: number): number;
/** Rewrites the VID of the tag at `tagOff`, keeping PCP and DEI. */
export declare function vlanSetId(buf: Uint8Array, tagOff: number, vid: number): void;
/** Rewrites the whole TCI of the tag at `tagOff`. */
export declare function vlanSetTci(buf: Uint8Array, tagOff: number, tci: number): void;
/**
 * Writes the tail of a tag (TCI, inner EtherType) at `off` — use after `buildEthernet`
 * wrote the TPID as its type. Returns `off + 4`.
 */
export declare function buildVlanTag(buf: Uint8Array, off: number, vid: number, pcp: number, innerEtherType: number): number;
/**
 * Inserts an outermost tag (TPID `tpid`, default 802.1Q) into the frame at
 * `buf[start, start+len)`. Returns the new start (`start - 4`), or -1 when `start < 4` or
 * `len < 14`. New length is `len + 4`.
 */
export declare function vlanPush(buf: Uint8Array, start: number, len: number, vid: number, pcp: number, tpid?: number): number;
/**
 * Removes the outermost tag of the frame at `buf[start, start+len)`. Returns the new
 * start (`start + 4`), or -1 when the frame is shorter than 18 bytes or is not tagged.
 * New length is `len - 4`. Read the tag first if you need it.
 */
export declare function vlanPop(buf: Uint8Array, start: number, len: number): number;

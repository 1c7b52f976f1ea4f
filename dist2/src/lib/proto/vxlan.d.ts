/**
 * VXLAN header (RFC 7348 5) at `off`, carried in UDP to port 4789:
 * flags(1, I bit 0x08 = VNI valid) reserved(3) VNI(3) reserved(1).
 * The encapsulated Ethernet frame starts at `off + 8`.
 */
/** IANA UDP port. */
export declare const VXLAN_PORT = 4789;
/** Header length. */
export declare const VXLAN_HLEN = 8;
/** "I" flag: VNI is valid. */
export declare const VXLAN_FLAG_I = 8;
/** Bytes added in front of the inner frame over IPv4: Ethernet 14 + IPv4 20 + UDP 8 + VXLAN 8. */
export declare const VXLAN_OVERHEAD_V4 = 50;
/** Bytes added in front of the inner frame over IPv6: Ethernet 14 + IPv6 40 + UDP 8 + VXLAN 8. */
export declare const VXLAN_OVERHEAD_V6 = 70;
/** Flags byte. */
export declare function vxlanFlags(buf: Uint8Array, off: number): number;
/** True when the I flag is set (RFC 7348: receivers must check it). */
export declare function vxlanHasVni(buf: Uint8Array, off: number): boolean;
/** 24-bit VNI. */
export declare function vxlanVni(buf: Uint8Array, off: number): number;
/** Sets the VNI, keeping the other bytes. */
export declare function vxlanSetVni(buf: Uint8Array, off: number, vni: number): void;
/** UDP source port for entropy (RFC 7348 5: dynamic range 49152-65535) from a flow hash. */
export declare function vxlanSourcePort(hash: number): number;
/** Writes the 8-byte header (I flag, `vni`, reserved zero) at `off`; returns `off + 8`. */
export declare function buildVxlan(buf: Uint8Array, off: number, vni: number): number;

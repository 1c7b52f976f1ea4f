import { type VnetHdr } from './vnet-hdr.js';
/** Most segments one super-frame may become (a 64 KiB frame at gso_size 256). */
export declare const GSO_MAX_SEGS = 256;
/** Largest frame a GSO header may describe: a 64 KiB IP datagram, two VLAN tags, Ethernet. */
export declare const GSO_MAX_FRAME: number;
/** How one super-frame splits. Monomorphic; reuse one per port. */
export declare class GsoPlan {
    l3Off: number;
    l4Off: number;
    /** Where the payload starts: the length of the headers every segment repeats. */
    payOff: number;
    payLen: number;
    mss: number;
    segs: number;
    v4: boolean;
    tcp: boolean;
    ipId: number;
    seq: number;
    tcpFlags: number;
}
/**
 * Check the `len`-byte frame at `src[start..]` against `h` (a GSO type set, `checkVnetHdr`
 * passed) and fill `plan`; `maxSeg` is the largest segment the caller can hold.
 */
export declare function planGso(src: Uint8Array, start: number, len: number, h: VnetHdr, maxSeg: number, plan: GsoPlan): number;
/**
 * Write segment `i` of the planned frame at `src[start..]` to `dst[dOff..]`; returns its
 * length. Word copies when `dOff` and `start` have the same alignment mod 4 (and gso_size is
 * a multiple of 4, as MSS values are).
 */
export declare function writeSegment(src: Uint8Array, src32: Uint32Array, start: number, plan: GsoPlan, i: number, dst: Uint8Array, dst32: Uint32Array, dOff: number): number;
/**
 * Finish a partial checksum (VIRTIO_NET_HDR_F_NEEDS_CSUM / CHECKSUM_PARTIAL): the field at
 * csumStart + csumOffset holds the pseudo-header sum; the checksum covers csumStart to the
 * end. Offsets relative to `start`, checked by the caller (`checkVnetHdr`). 0 goes out as
 * 0xffff, as the kernel's `skb_checksum_help` does.
 */
export declare function completePartialChecksum(buf: Uint8Array, start: number, len: number, csumStart: number, csumOffset: number): void;

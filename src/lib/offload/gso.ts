/**
 * Software segmentation (GSO) and checksum completion: what the kernel's `skb_gso_segment`
 * and `skb_checksum_help` do for a device without TSO or checksum offload, done at the last
 * moment for a peer that cannot take a super-frame (a buffer-sized pool, memif, pcap).
 *
 *   planGso(frame, vnet header) → GsoPlan (or the OffloadError that refuses it)
 *   writeSegment(plan, i)       → segment i, headers fixed, checksums complete
 *
 * What each segment gets, as the kernel does it: the super-frame's headers; IPv4 total
 * length, ID + i and header checksum; IPv6 payload length; TCP sequence + i·gso_size, FIN
 * and PSH only on the last segment, CWR only on the first; UDP (GSO_UDP_L4) its own length;
 * a full L4 checksum. The frame is parsed and checked before anything is written: a
 * header that does not match the frame is refused, never segmented blindly.
 *
 * Never throws or allocates; offsets in `GsoPlan` are relative to the frame start.
 */
import { parsePacket, ParsedHeaders, L3Kind } from '../proto/parse.js';
import { rd16, rd32, wr16, wr32 } from '../proto/bytes.js';
import { internetChecksum, onesSum } from '../proto/checksum.js';
import { tcpSetChecksumV4, tcpSetChecksumV6, TcpFlag } from '../proto/tcp.js';
import { udpSetChecksumV4, udpSetChecksumV6 } from '../proto/udp.js';
import { copyWords } from './copy-words.js';
import { GSO_ECN, GSO_TCPV4, GSO_UDP_L4, OffloadError, type VnetHdr } from './vnet-hdr.js';

/** Most segments one super-frame may become (a 64 KiB frame at gso_size 256). */
export const GSO_MAX_SEGS = 256;
/** Largest frame a GSO header may describe: a 64 KiB IP datagram, two VLAN tags, Ethernet. */
export const GSO_MAX_FRAME = 65535 + 14 + 8;

/** How one super-frame splits. Monomorphic; reuse one per port. */
export class GsoPlan {
  l3Off = 0;
  l4Off = 0;
  /** Where the payload starts: the length of the headers every segment repeats. */
  payOff = 0;
  payLen = 0;
  mss = 0;
  segs = 0;
  v4 = false;
  tcp = false;
  ipId = 0;
  seq = 0;
  tcpFlags = 0;
}

const hdrs = new ParsedHeaders();

/**
 * Check the `len`-byte frame at `src[start..]` against `h` (a GSO type set, `checkVnetHdr`
 * passed) and fill `plan`; `maxSeg` is the largest segment the caller can hold.
 */
export function planGso(src: Uint8Array, start: number, len: number, h: VnetHdr, maxSeg: number, plan: GsoPlan): number {
  if (len > GSO_MAX_FRAME) return OffloadError.TOO_BIG;
  if (parsePacket(src, start, len, hdrs) !== 0 || hdrs.fragment !== 0 || hdrs.l4Off < 0) return OffloadError.BAD_HEADERS;
  const t = h.gsoType & ~GSO_ECN;
  const v4 = hdrs.l3Kind === L3Kind.IPV4;
  const tcp = t !== GSO_UDP_L4;
  const v6 = hdrs.l3Kind === L3Kind.IPV6;
  const fits = tcp ? hdrs.l4Proto === 6 && (t === GSO_TCPV4 ? v4 : v6) : hdrs.l4Proto === 17 && (v4 || v6);
  if (!fits) return OffloadError.GSO_MISMATCH;
  const l4hl = tcp ? (src[hdrs.l4Off + 12]! >>> 4) << 2 : 8;
  const payOff = hdrs.l4Off + l4hl;
  if (payOff > hdrs.l3End) return OffloadError.BAD_HEADERS;
  const payLen = hdrs.l3End - payOff;
  const mss = h.gsoSize;
  const segs = payLen <= mss ? 1 : Math.ceil(payLen / mss);
  if (segs > GSO_MAX_SEGS) return OffloadError.TOO_BIG;
  if (payOff - start + (payLen < mss ? payLen : mss) > maxSeg) return OffloadError.SEGMENT_TOO_BIG;
  plan.l3Off = hdrs.l3Off - start;
  plan.l4Off = hdrs.l4Off - start;
  plan.payOff = payOff - start;
  plan.payLen = payLen;
  plan.mss = mss;
  plan.segs = segs;
  plan.v4 = v4;
  plan.tcp = tcp;
  plan.ipId = v4 ? rd16(src, hdrs.l3Off + 4) : 0;
  plan.seq = tcp ? rd32(src, hdrs.l4Off + 4) : 0;
  plan.tcpFlags = tcp ? src[hdrs.l4Off + 13]! : 0;
  return OffloadError.OK;
}

/**
 * Write segment `i` of the planned frame at `src[start..]` to `dst[dOff..]`; returns its
 * length. Word copies when `dOff` and `start` have the same alignment mod 4 (and gso_size is
 * a multiple of 4, as MSS values are).
 */
export function writeSegment(
  src: Uint8Array, src32: Uint32Array, start: number, plan: GsoPlan, i: number,
  dst: Uint8Array, dst32: Uint32Array, dOff: number,
): number {
  const hl = plan.payOff;
  const first = i * plan.mss;
  const rest = plan.payLen - first;
  const plen = rest < plan.mss ? rest : plan.mss;
  copyWords(dst, dst32, dOff, src, src32, start, hl);
  copyWords(dst, dst32, dOff + hl, src, src32, start + hl + first, plen);
  const segLen = hl + plen;
  const l3 = dOff + plan.l3Off, l4 = dOff + plan.l4Off, l4len = segLen - plan.l4Off;
  if (plan.v4) {
    const ihl = (dst[l3]! & 15) << 2;
    wr16(dst, l3 + 2, segLen - plan.l3Off);
    wr16(dst, l3 + 4, (plan.ipId + i) & 0xffff);
    wr16(dst, l3 + 10, 0);
    wr16(dst, l3 + 10, internetChecksum(dst, l3, ihl));
  } else {
    wr16(dst, l3 + 4, segLen - plan.l3Off - 40);
  }
  if (plan.tcp) {
    wr32(dst, l4 + 4, (plan.seq + first) >>> 0);
    let f = plan.tcpFlags;
    if (i < plan.segs - 1) f &= ~(TcpFlag.FIN | TcpFlag.PSH);
    if (i > 0) f &= ~TcpFlag.CWR;
    dst[l4 + 13] = f;
    if (plan.v4) tcpSetChecksumV4(dst, l3, l4, l4len); else tcpSetChecksumV6(dst, l3, l4, l4len);
  } else {
    wr16(dst, l4 + 4, l4len);
    if (plan.v4) udpSetChecksumV4(dst, l3, l4); else udpSetChecksumV6(dst, l3, l4);
  }
  return segLen;
}

/**
 * Finish a partial checksum (VIRTIO_NET_HDR_F_NEEDS_CSUM / CHECKSUM_PARTIAL): the field at
 * csumStart + csumOffset holds the pseudo-header sum; the checksum covers csumStart to the
 * end. Offsets relative to `start`, checked by the caller (`checkVnetHdr`). 0 goes out as
 * 0xffff, as the kernel's `skb_checksum_help` does.
 */
export function completePartialChecksum(buf: Uint8Array, start: number, len: number, csumStart: number, csumOffset: number): void {
  const s = start + csumStart;
  const c = ~onesSum(buf, s, len - csumStart, 0) & 0xffff;
  wr16(buf, s + csumOffset, c === 0 ? 0xffff : c);
}

/**
 * The virtio-net header (10 bytes at buf[off..]) that hands the planned frame to a peer that
 * segments it (a guest with GUEST_TSO, the kernel through PACKET_VNET_HDR / IFF_VNET_HDR):
 * NEEDS_CSUM, `gsoType` (ECN bit included) and `gsoSize`, hdr_len, and csum_start/offset at
 * the L4 header as parsed now (a forwarder may have moved it since the frame arrived).
 */
export function writeGsoHdr(buf: Uint8Array, off: number, gsoType: number, gsoSize: number, plan: GsoPlan): void {
  buf[off] = 1; // VIRTIO_NET_HDR_F_NEEDS_CSUM
  buf[off + 1] = gsoType;
  buf[off + 2] = plan.payOff & 0xff;
  buf[off + 3] = plan.payOff >>> 8;
  buf[off + 4] = gsoSize & 0xff;
  buf[off + 5] = gsoSize >>> 8;
  buf[off + 6] = plan.l4Off & 0xff;
  buf[off + 7] = plan.l4Off >>> 8;
  buf[off + 8] = plan.tcp ? 16 : 6;
  buf[off + 9] = 0;
}

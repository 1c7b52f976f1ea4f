/**
 * Partial checksums on frames that reach AF_XDP without their skb metadata: a local stack that
 * sent with checksum offload (e.g. the far end of a veth) leaves in the TCP/UDP checksum field
 * the folded pseudo-header sum, not the checksum. That value is recognisable: a frame whose
 * checksum does not verify but whose field equals its pseudo-header sum gets the checksum
 * completed (counted by the caller); any other bad checksum is left for the receiver to judge.
 */
import { onesSum, pseudoSumV4, pseudoSumV6, csumFold } from '../../lib/proto/checksum.js';
import { completePartialChecksum } from '../../lib/offload/gso.js';

/** Returns true when the frame at buf[start, start+len) had a partial checksum and it was completed. */
export function completeIfPartial(buf: Uint8Array, start: number, len: number): boolean {
  let off = 14;
  let type = (buf[start + 12]! << 8) | buf[start + 13]!;
  if (type === 0x8100 || type === 0x88a8) { if (len < 18) return false; type = (buf[start + 16]! << 8) | buf[start + 17]!; off = 18; }
  let proto: number, l4: number, l4Len: number, pseudo: number;
  if (type === 0x0800) {
    if (len < off + 20) return false;
    const ihl = (buf[start + off]! & 0x0f) * 4;
    const total = (buf[start + off + 2]! << 8) | buf[start + off + 3]!;
    if (ihl < 20 || total < ihl || off + total > len) return false;
    if (((buf[start + off + 6]! & 0x3f) | buf[start + off + 7]!) !== 0) return false; // a fragment
    proto = buf[start + off + 9]!;
    l4 = off + ihl;
    l4Len = total - ihl;
    const a = start + off;
    const src = ((buf[a + 12]! << 24) | (buf[a + 13]! << 16) | (buf[a + 14]! << 8) | buf[a + 15]!) >>> 0;
    const dst = ((buf[a + 16]! << 24) | (buf[a + 17]! << 16) | (buf[a + 18]! << 8) | buf[a + 19]!) >>> 0;
    pseudo = pseudoSumV4(src, dst, proto, l4Len);
  } else if (type === 0x86dd) {
    if (len < off + 40) return false;
    proto = buf[start + off + 6]!;
    l4 = off + 40;
    l4Len = (buf[start + off + 4]! << 8) | buf[start + off + 5]!;
    if (l4 + l4Len > len) return false;
    pseudo = pseudoSumV6(buf, start + off + 8, start + off + 24, proto, l4Len);
  } else return false;
  const csumOff = proto === 6 ? 16 : proto === 17 ? 6 : -1;
  if (csumOff < 0 || l4Len < csumOff + 2) return false;
  const field = (buf[start + l4 + csumOff]! << 8) | buf[start + l4 + csumOff + 1]!;
  if (proto === 17 && field === 0) return false; // UDP without a checksum
  if (csumFold(onesSum(buf, start + l4, l4Len, pseudo)) === 0xffff) return false; // already valid
  if (field !== pseudo) return false;
  completePartialChecksum(buf, start, l4 + l4Len, l4, csumOff);
  return true;
}

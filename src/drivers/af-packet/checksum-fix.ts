/**
 * Completes TCP/UDP checksums of frames the kernel marked TP_STATUS_CSUMNOTREADY: frames
 * sent by a local stack with checksum offload (e.g. the far end of a veth pair) carry only
 * the pseudo-header sum, and forwarding them as they are would make every receiver drop
 * them. IPv4/IPv6, unfragmented, parsed with `parsePacket`. Never throws or allocates.
 */
import { parsePacket, ParsedHeaders, L3Kind } from '../../lib/proto/parse.js';
import { tcpSetChecksumV4, tcpSetChecksumV6 } from '../../lib/proto/tcp.js';
import { udpSetChecksumV4, udpSetChecksumV6 } from '../../lib/proto/udp.js';

const hdrs = new ParsedHeaders();

/** Fix the L4 checksum of the frame at buf[start, start+len); returns 1 if fixed, 0 if not applicable. */
export function completeChecksum(buf: Uint8Array, start: number, len: number): number {
  if (parsePacket(buf, start, len, hdrs) !== 0 || hdrs.fragment !== 0 || hdrs.l4Off < 0) return 0;
  const proto = hdrs.l4Proto;
  const l3 = hdrs.l3Off, l4 = hdrs.l4Off;
  if (hdrs.l3Kind === L3Kind.IPV4) {
    if (proto === 6) { tcpSetChecksumV4(buf, l3, l4, hdrs.l3End - l4); return 1; }
    if (proto === 17) { udpSetChecksumV4(buf, l3, l4); return 1; }
  } else if (hdrs.l3Kind === L3Kind.IPV6) {
    if (proto === 6) { tcpSetChecksumV6(buf, l3, l4, hdrs.l3End - l4); return 1; }
    if (proto === 17) { udpSetChecksumV6(buf, l3, l4); return 1; }
  }
  return 0;
}

/** Whether a frame parses as TCP or UDP over IPv4/IPv6 with a correct full L4 checksum (offload tests). */
import { parsePacket, ParsedHeaders, L3Kind } from '../../src/lib/proto/parse.js';
import { tcpChecksumOkV4, tcpChecksumOkV6 } from '../../src/lib/proto/tcp.js';
import { udpChecksumOkV4, udpChecksumOkV6 } from '../../src/lib/proto/udp.js';

const hdrs = new ParsedHeaders();

export function l4ChecksumOk(b: Uint8Array, off: number, len: number): boolean {
  if (parsePacket(b, off, len, hdrs) !== 0 || hdrs.l4Off < 0) return false;
  const v4 = hdrs.l3Kind === L3Kind.IPV4, l3 = hdrs.l3Off, l4 = hdrs.l4Off, n = hdrs.l3End - l4;
  if (hdrs.l4Proto === 6) return v4 ? tcpChecksumOkV4(b, l3, l4, n) : tcpChecksumOkV6(b, l3, l4, n);
  return v4 ? udpChecksumOkV4(b, l3, l4) : udpChecksumOkV6(b, l3, l4);
}

/**
 * ARP for Ethernet/IPv4 (RFC 826): htype(2) ptype(2) hlen(1) plen(1) op(2) sha(6) spa(4)
 * tha(6) tpa(4) = 28 bytes at `off`. Other hardware/protocol types are not handled;
 * `arpIsEthIpv4` tells them apart (parsePacket reports them as BAD_ARP).
 */
import { rd16, rd32, wr16, wr32 } from './bytes.js';
import { macHiAt, macLoAt, writeMacHiLo } from './addr.js';
/** Length of an Ethernet/IPv4 ARP packet. */
export const ARP_LEN = 28;
/** ARP opcodes. */
export const ArpOp = { REQUEST: 1, REPLY: 2 };
/** True when htype=1, ptype=0x0800, hlen=6, plen=4. */
export function arpIsEthIpv4(buf, off) {
    return rd16(buf, off) === 1 && rd16(buf, off + 2) === 0x0800 && buf[off + 4] === 6 && buf[off + 5] === 4;
}
/** Opcode. */
export function arpOp(buf, off) {
    return rd16(buf, off + 6);
}
/** Sender hardware address, first two octets. */
export function arpShaHi(buf, off) {
    return macHiAt(buf, off + 8);
}
/** Sender hardware address, last four octets. */
export function arpShaLo(buf, off) {
    return macLoAt(buf, off + 8);
}
/** Sender protocol (IPv4) address. */
export function arpSpa(buf, off) {
    return rd32(buf, off + 14);
}
/** Target hardware address, first two octets. */
export function arpThaHi(buf, off) {
    return macHiAt(buf, off + 18);
}
/** Target hardware address, last four octets. */
export function arpThaLo(buf, off) {
    return macLoAt(buf, off + 18);
}
/** Target protocol (IPv4) address. */
export function arpTpa(buf, off) {
    return rd32(buf, off + 24);
}
/** Writes a 28-byte Ethernet/IPv4 ARP packet at `off`; returns `off + 28`. */
export function buildArp(buf, off, op, shaHi, shaLo, spa, thaHi, thaLo, tpa) {
    wr16(buf, off, 1);
    wr16(buf, off + 2, 0x0800);
    buf[off + 4] = 6;
    buf[off + 5] = 4;
    wr16(buf, off + 6, op);
    writeMacHiLo(buf, off + 8, shaHi, shaLo);
    wr32(buf, off + 14, spa);
    writeMacHiLo(buf, off + 18, thaHi, thaLo);
    wr32(buf, off + 24, tpa);
    return off + ARP_LEN;
}
/**
 * Turns the request at `off` into the reply in place: op=2, target := old sender,
 * sender := (`macHi`,`macLo`, old target IP). The Ethernet header is the caller's job.
 */
export function arpMakeReply(buf, off, macHi, macLo) {
    const spa = rd32(buf, off + 14);
    const tpa = rd32(buf, off + 24);
    wr16(buf, off + 6, 2);
    for (let i = 0; i < 6; i++)
        buf[off + 18 + i] = buf[off + 8 + i];
    wr32(buf, off + 24, spa);
    writeMacHiLo(buf, off + 8, macHi, macLo);
    wr32(buf, off + 14, tpa);
}
//# sourceMappingURL=arp.js.map
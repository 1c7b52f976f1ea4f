/**
 * Control-path packet construction: `buildUdpPacket` returns a complete Ethernet
 * (+ optional 802.1Q tag) / IPv4 or IPv6 / UDP frame with correct checksums, for tests, the
 * traffic generator's templates and apps that prepare packets once. Allocates and throws
 * `Error` naming the bad field — not for the data path (use the per-header builders there).
 */
import { parseIpv4, parseIpv6, parseMac, macHi16, macLo32 } from './addr.js';
import { EtherType, IpProto } from './constants.js';
import { buildEthernet, ETH_HLEN } from './ethernet.js';
import { buildVlanTag, VLAN_HLEN } from './vlan.js';
import { buildIpv4, IPV4_HLEN } from './ipv4.js';
import { buildIpv6, IPV6_HLEN } from './ipv6.js';
import { buildUdp, udpSetChecksumV4, udpSetChecksumV6, UDP_HLEN } from './udp.js';
function intField(name, v, min, max) {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
        throw new Error(`buildUdpPacket: ${name} must be an integer in [${min}, ${max}], got ${JSON.stringify(v)}`);
    }
    return v;
}
function macField(name, v) {
    if (typeof v === 'string')
        return parseMac(v);
    return intField(name, v, 0, 0xffff_ffff_ffff);
}
/** Builds a complete UDP frame. Allocates — not for the data path. */
export function buildUdpPacket(spec) {
    const srcMac = macField('srcMac', spec.srcMac);
    const dstMac = macField('dstMac', spec.dstMac);
    const srcPort = intField('srcPort', spec.srcPort, 0, 0xffff);
    const dstPort = intField('dstPort', spec.dstPort, 0, 0xffff);
    const ttl = spec.ttl === undefined ? 64 : intField('ttl', spec.ttl, 0, 255);
    const tos = spec.tos === undefined ? 0 : intField('tos', spec.tos, 0, 255);
    const ipId = spec.ipId === undefined ? 0 : intField('ipId', spec.ipId, 0, 0xffff);
    const tagged = spec.vlan !== undefined;
    const vid = tagged ? intField('vlan', spec.vlan, 0, 4095) : 0;
    const pcp = spec.pcp === undefined ? 0 : intField('pcp', spec.pcp, 0, 7);
    if (!tagged && spec.pcp !== undefined)
        throw new Error('buildUdpPacket: pcp needs vlan');
    const v6 = typeof spec.srcIp === 'string' && spec.srcIp.includes(':');
    if (v6 !== (typeof spec.dstIp === 'string' && spec.dstIp.includes(':'))) {
        throw new Error('buildUdpPacket: srcIp and dstIp must both be IPv4 or both IPv6');
    }
    const l2Len = ETH_HLEN + (tagged ? VLAN_HLEN : 0);
    const hdrLen = l2Len + (v6 ? IPV6_HLEN : IPV4_HLEN) + UDP_HLEN;
    let payload;
    if (spec.payload !== undefined && spec.size !== undefined)
        throw new Error('buildUdpPacket: give payload or size, not both');
    if (spec.payload !== undefined) {
        if (!(spec.payload instanceof Uint8Array))
            throw new Error('buildUdpPacket: payload must be a Uint8Array');
        payload = spec.payload;
    }
    else if (spec.size !== undefined) {
        const size = intField('size', spec.size, hdrLen, hdrLen + 0xffff - (v6 ? 0 : IPV4_HLEN) - UDP_HLEN);
        payload = new Uint8Array(size - hdrLen);
        for (let i = 0; i < payload.length; i++)
            payload[i] = i & 0xff;
    }
    else {
        payload = new Uint8Array(0);
    }
    const maxPayload = 0xffff - UDP_HLEN - (v6 ? 0 : IPV4_HLEN);
    if (payload.length > maxPayload)
        throw new Error(`buildUdpPacket: payload of ${payload.length} bytes exceeds ${maxPayload}`);
    const buf = new Uint8Array(hdrLen + payload.length);
    let off = buildEthernet(buf, 0, macHi16(dstMac), macLo32(dstMac), macHi16(srcMac), macLo32(srcMac), tagged ? EtherType.VLAN : v6 ? EtherType.IPV6 : EtherType.IPV4);
    if (tagged)
        off = buildVlanTag(buf, off, vid, pcp, v6 ? EtherType.IPV6 : EtherType.IPV4);
    const ipOff = off;
    const udpLen = UDP_HLEN + payload.length;
    if (v6) {
        const src = parseIpv6(spec.srcIp);
        const dst = parseIpv6(spec.dstIp);
        off = buildIpv6(buf, off, src, 0, dst, 0, IpProto.UDP, udpLen, ttl, tos, 0);
    }
    else {
        const src = typeof spec.srcIp === 'number' ? intField('srcIp', spec.srcIp, 0, 0xffffffff) : parseIpv4(spec.srcIp);
        const dst = typeof spec.dstIp === 'number' ? intField('dstIp', spec.dstIp, 0, 0xffffffff) : parseIpv4(spec.dstIp);
        off = buildIpv4(buf, off, src, dst, IpProto.UDP, udpLen, ttl, tos, ipId);
    }
    const udpOff = off;
    off = buildUdp(buf, off, srcPort, dstPort, payload.length);
    buf.set(payload, off);
    if (v6)
        udpSetChecksumV6(buf, ipOff, udpOff);
    else if (spec.checksum !== false)
        udpSetChecksumV4(buf, ipOff, udpOff);
    return buf;
}
//# sourceMappingURL=packet.js.map
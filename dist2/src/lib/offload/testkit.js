/**
 * Test frames: GSO super-frames as a Linux stack hands them to a device with TSO and
 * checksum offload (one 64 KiB-ish datagram, a partial checksum holding the pseudo-header
 * sum over the whole L4 length, a virtio-net header saying how to cut it). Tests only.
 */
import { buildEthernet } from '../proto/ethernet.js';
import { buildIpv4 } from '../proto/ipv4.js';
import { buildIpv6 } from '../proto/ipv6.js';
import { wr16, wr32 } from '../proto/bytes.js';
import { pseudoSumV4, pseudoSumV6 } from '../proto/checksum.js';
import { GSO_ECN, GSO_TCPV4, GSO_TCPV6, GSO_UDP_L4, VNET_F_NEEDS_CSUM, VNET_HDR_LEN } from './vnet-hdr.js';
/** `{ vnet, frame }`: the 10-byte header and the frame, payload filled from `seed`. */
export function buildSuperFrame(s) {
    const l3len = s.v6 ? 40 : 20;
    const l4h = s.udp ? 8 : 20 + (s.tcpOptions ?? 0);
    const l4len = l4h + s.payLen;
    const f = new Uint8Array(14 + l3len + l4len);
    const [dHi, dLo] = s.dstMac ?? [0x0200, 0x00000002];
    const [sHi, sLo] = s.srcMac ?? [0x0200, 0x00000001];
    buildEthernet(f, 0, dHi, dLo, sHi, sLo, s.v6 ? 0x86dd : 0x0800);
    const proto = s.udp ? 17 : 6;
    const src6 = Uint8Array.from([0xfd, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    const dst6 = Uint8Array.from([0xfd, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2]);
    if (s.v6)
        buildIpv6(f, 14, src6, 0, dst6, 0, proto, l4len);
    else
        buildIpv4(f, 14, s.src4 ?? 0x0a000001, s.dst4 ?? 0x0a000002, proto, l4len, 64, 0, s.ipId ?? 0x1234);
    const l4 = 14 + l3len;
    wr16(f, l4, 40000);
    wr16(f, l4 + 2, 5201);
    if (s.udp) {
        wr16(f, l4 + 4, l4len);
    }
    else {
        wr32(f, l4 + 4, s.seq ?? 0xfffff000); // near the wrap: sequence arithmetic is mod 2^32
        wr32(f, l4 + 8, 0x01020304);
        f[l4 + 12] = (l4h >>> 2) << 4;
        f[l4 + 13] = s.flags ?? 0x18;
        wr16(f, l4 + 14, 501);
        for (let i = 20; i + 4 <= l4h; i += 4) {
            f[l4 + i] = 1;
            f[l4 + i + 1] = 1;
            f[l4 + i + 2] = 1;
            f[l4 + i + 3] = 1;
        } // NOPs
    }
    let x = (s.seed ?? 1) >>> 0;
    for (let i = l4 + l4h; i < f.length; i++) {
        x = (Math.imul(x, 1103515245) + 12345) >>> 0;
        f[i] = x >>> 24;
    }
    // CHECKSUM_PARTIAL: the field holds the pseudo-header sum, uncomplemented.
    const pseudo = s.v6 ? pseudoSumV6(f, 22, 38, proto, l4len) : pseudoSumV4(s.src4 ?? 0x0a000001, s.dst4 ?? 0x0a000002, proto, l4len);
    const csumOff = s.udp ? 6 : 16;
    wr16(f, l4 + csumOff, pseudo);
    const vnet = new Uint8Array(VNET_HDR_LEN);
    const type = s.udp ? GSO_UDP_L4 : s.v6 ? GSO_TCPV6 : GSO_TCPV4;
    vnet[0] = VNET_F_NEEDS_CSUM;
    vnet[1] = type | (s.ecn ? GSO_ECN : 0);
    const le16 = (o, v) => { vnet[o] = v & 0xff; vnet[o + 1] = v >>> 8; };
    le16(2, l4 + l4h);
    le16(4, s.mss);
    le16(6, l4);
    le16(8, csumOff);
    return { vnet, frame: f };
}
//# sourceMappingURL=testkit.js.map
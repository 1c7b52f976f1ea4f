/**
 * Known-answer packets for the proto tests (test data only; not exported by index.ts).
 *
 * CAPTURED_*: real frames captured with tshark 4.0.17 on Linux loopback (Node's dgram/net
 * sockets). Loopback hands the capture CHECKSUM_PARTIAL L4 checksums, so the UDP/TCP
 * checksum field was replaced by the value Wireshark calculated ("should be 0x....");
 * the IPv4 header checksums are the kernel's own.
 * WIRESHARK_*: frames produced by this module's builders and checked by Wireshark
 * (`tshark -o ip.check_checksum:TRUE -o udp.check_checksum:TRUE -o tcp.check_checksum:TRUE
 * -o icmpv6.check_checksum:TRUE -V` reported every checksum [correct] and decoded the
 * fields noted), so they pin the builders to an independent implementation.
 */
/** Hex text (spaces ignored) to bytes. Allocates. */
export function hex(s) {
    const t = s.replace(/\s+/g, '');
    const out = new Uint8Array(t.length / 2);
    for (let i = 0; i < out.length; i++)
        out[i] = parseInt(t.slice(2 * i, 2 * i + 2), 16);
    return out;
}
/** IPv4/UDP 127.0.0.1:57962 -> 127.0.0.1:40404, "sluice proto test"; IP csum 0xd90f, UDP csum 0x3408. */
export const CAPTURED_UDP4 = hex(`
  000000000000 000000000000 0800
  4500 002d 63ae 4000 4011 d90f 7f000001 7f000001
  e26a 9dd4 0019 3408
  736c7569636520 70726f746f 2074657374`);
/** IPv6/UDP ::1:55280 -> ::1:40404, "hello v6", flow label 0x2e776, UDP csum 0xcfde. */
export const CAPTURED_UDP6 = hex(`
  000000000000 000000000000 86dd
  6002e776 0010 11 40
  00000000000000000000000000000001
  00000000000000000000000000000001
  d7f0 9dd4 0010 cfde
  68656c6c6f207636`);
/** IPv4/TCP SYN 127.0.0.1:42928 -> :40405 with MSS/SACK/TS/WS options (doff 10); IP csum 0xe606, TCP csum 0xeb2a. */
export const CAPTURED_TCP4_SYN = hex(`
  000000000000 000000000000 0800
  4500 003c 56b3 4000 4006 e606 7f000001 7f000001
  a7b0 9dd5 1738f1eb 00000000 a002 ffd7 eb2a 0000
  0204ffd7 0402 080a 3342e2e7 00000000 01 03030a`);
/** ICMP echo request 192.0.2.1 -> 192.0.2.2, id 0xbeef seq 7, data "abcdefghijkl"; IP csum 0xa49d, ICMP csum 0xd29c. */
export const WIRESHARK_ICMP_ECHO = hex('020000000002020000000001080045000028123440004001a49dc0000201c00002020800d29cbeef00076162636465666768696a6b6c');
/** ICMPv6 echo request 2001:db8::1 -> 2001:db8::2, id 0x1234 seq 1, data "0123456789"; csum 0x0cff. */
export const WIRESHARK_ICMPV6_ECHO = hex('02000000000202000000000186dd6000000000123a4020010db800000000000000000000000120010db8000000000000000000000002' +
    '80000cff1234000130313233343536373839');
/** Neighbor Solicitation for 2001:db8::2 from 2001:db8::1 to ff02::1:ff00:2, SLLA 02:00:00:00:00:01; csum 0x1c27. */
export const WIRESHARK_NS = hex('3333ff00000202000000000186dd6000000000203aff20010db8000000000000000000000001ff0200000000000000000001ff000002' +
    '87001c270000000020010db80000000000000000000000020101020000000001');
/** Neighbor Advertisement (S, O) 2001:db8::2 is at 02:00:00:00:00:02; csum 0x8a71. */
export const WIRESHARK_NA = hex('02000000000102000000000286dd6000000000203aff20010db800000000000000000000000220010db8000000000000000000000001' +
    '88008a716000000020010db80000000000000000000000020201020000000002');
/** ARP request: who has 192.0.2.2, tell 192.0.2.1 (02:00:00:00:00:01). */
export const WIRESHARK_ARP_REQUEST = hex('ffffffffffff02000000000108060001080006040001020000000001c0000201000000000000c0000202');
/**
 * VXLAN over IPv4/UDP 198.51.100.1 -> .2, sport 50535 -> 4789 (outer IP csum 0xe61e, UDP 0x4946), VNI 0x123456,
 * inner: 802.1Q VID 100 PCP 5, IPv4/UDP 10.0.0.1:1000 -> 10.0.0.2:2000, 64-byte frame (IP 0x26bd, UDP 0x97ae).
 */
export const WIRESHARK_VXLAN = hex('020000000002020000000001080045000064000040004011e61ec6336401c6336402c56712b500504946080000001234560002000000000b' +
    '02000000000a8100a06408004500002e00004000401126bd0a0000010a00000203e807d0001a97ae000102030405060708090a0b0c0d0e0f1011');
/** IPv6/TCP PSH|ACK 2001:db8::1:40000 -> 2001:db8::2:80, TC 0xb8, flow 0xabcde, "hello"; csum 0x57dd. */
export const WIRESHARK_TCP6 = hex('02000000000202000000000186dd6b8abcde0019064020010db800000000000000000000000120010db8000000000000000000000002' +
    '9c400050010203040a0b0c0d501801f557dd000068656c6c6f');
//# sourceMappingURL=fixtures.js.map
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
export declare function hex(s: string): Uint8Array;
/** IPv4/UDP 127.0.0.1:57962 -> 127.0.0.1:40404, "sluice proto test"; IP csum 0xd90f, UDP csum 0x3408. */
export declare const CAPTURED_UDP4: Uint8Array<ArrayBufferLike>;
/** IPv6/UDP ::1:55280 -> ::1:40404, "hello v6", flow label 0x2e776, UDP csum 0xcfde. */
export declare const CAPTURED_UDP6: Uint8Array<ArrayBufferLike>;
/** IPv4/TCP SYN 127.0.0.1:42928 -> :40405 with MSS/SACK/TS/WS options (doff 10); IP csum 0xe606, TCP csum 0xeb2a. */
export declare const CAPTURED_TCP4_SYN: Uint8Array<ArrayBufferLike>;
/** ICMP echo request 192.0.2.1 -> 192.0.2.2, id 0xbeef seq 7, data "abcdefghijkl"; IP csum 0xa49d, ICMP csum 0xd29c. */
export declare const WIRESHARK_ICMP_ECHO: Uint8Array<ArrayBufferLike>;
/** ICMPv6 echo request 2001:db8::1 -> 2001:db8::2, id 0x1234 seq 1, data "0123456789"; csum 0x0cff. */
export declare const WIRESHARK_ICMPV6_ECHO: Uint8Array<ArrayBufferLike>;
/** Neighbor Solicitation for 2001:db8::2 from 2001:db8::1 to ff02::1:ff00:2, SLLA 02:00:00:00:00:01; csum 0x1c27. */
export declare const WIRESHARK_NS: Uint8Array<ArrayBufferLike>;
/** Neighbor Advertisement (S, O) 2001:db8::2 is at 02:00:00:00:00:02; csum 0x8a71. */
export declare const WIRESHARK_NA: Uint8Array<ArrayBufferLike>;
/** ARP request: who has 192.0.2.2, tell 192.0.2.1 (02:00:00:00:00:01). */
export declare const WIRESHARK_ARP_REQUEST: Uint8Array<ArrayBufferLike>;
/**
 * VXLAN over IPv4/UDP 198.51.100.1 -> .2, sport 50535 -> 4789 (outer IP csum 0xe61e, UDP 0x4946), VNI 0x123456,
 * inner: 802.1Q VID 100 PCP 5, IPv4/UDP 10.0.0.1:1000 -> 10.0.0.2:2000, 64-byte frame (IP 0x26bd, UDP 0x97ae).
 */
export declare const WIRESHARK_VXLAN: Uint8Array<ArrayBufferLike>;
/** IPv6/TCP PSH|ACK 2001:db8::1:40000 -> 2001:db8::2:80, TC 0xb8, flow 0xabcde, "hello"; csum 0x57dd. */
export declare const WIRESHARK_TCP6: Uint8Array<ArrayBufferLike>;

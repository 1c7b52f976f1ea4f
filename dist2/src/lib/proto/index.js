/**
 * Protocol headers: zero-copy accessors and builders over packet bytes, checksums and the
 * hot-path `parsePacket`. Every hot-path function takes `(buf, off, ...)` with `off` the
 * header's absolute offset in `buf`, and neither allocates nor throws. See each module's
 * header comment for its contract.
 */
export * from './bytes.js';
export * from './errors.js';
export * from './constants.js';
export * from './addr.js';
export * from './checksum.js';
export * from './ethernet.js';
export * from './vlan.js';
export * from './arp.js';
export * from './ipv4.js';
export * from './ipv6.js';
export * from './icmp.js';
export * from './icmpv6.js';
export * from './udp.js';
export * from './tcp.js';
export * from './vxlan.js';
export * from './parse.js';
export * from './packet.js';
//# sourceMappingURL=index.js.map
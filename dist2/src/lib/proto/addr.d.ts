/**
 * MAC, IPv4 and IPv6 address helpers.
 *
 * Hot path: MACs are two numbers, `hi16` (first two octets) and `lo32` (last four), read with
 * `macHiAt`/`macLoAt` and written with `writeMacHiLo`; IPv4 addresses are u32 numbers; IPv6
 * addresses stay in the packet and are passed as a byte offset.
 * Control path (allocates, may throw): a MAC is also a single 48-bit integer `mac48`
 * (exact in a double), and the `parse*`/`*ToString` functions convert to and from text.
 * Parsers throw `Error` naming the bad input.
 */
/** First two octets of the MAC at `off`, as a u16. */
export declare function macHiAt(buf: Uint8Array, off: number): number;
/** Last four octets of the MAC at `off`, as a u32. */
export declare function macLoAt(buf: Uint8Array, off: number): number;
/** Writes a MAC given as (hi16, lo32) at `off`. */
export declare function writeMacHiLo(buf: Uint8Array, off: number, hi16: number, lo32: number): void;
/** Copies the 6-byte MAC at `srcOff` to `dstOff`. */
export declare function copyMac(dst: Uint8Array, dstOff: number, src: Uint8Array, srcOff: number): void;
/** True when the MAC at `off` is a group (multicast or broadcast) address: I/G bit set. */
export declare function macIsMulticastAt(buf: Uint8Array, off: number): boolean;
/** True when the MAC at `off` is ff:ff:ff:ff:ff:ff. */
export declare function macIsBroadcastAt(buf: Uint8Array, off: number): boolean;
/** ff:ff:ff:ff:ff:ff as a mac48. */
export declare const MAC_BROADCAST = 281474976710655;
/** Joins (hi16, lo32) into a 48-bit integer. */
export declare function mac48(hi16: number, lo32: number): number;
/** High 16 bits of a mac48. */
export declare function macHi16(mac: number): number;
/** Low 32 bits of a mac48. */
export declare function macLo32(mac: number): number;
/** Reads the MAC at `off` as a mac48. */
export declare function readMac(buf: Uint8Array, off: number): number;
/** Writes a mac48 at `off`. */
export declare function writeMac(buf: Uint8Array, off: number, mac: number): void;
/** Parses "aa:bb:cc:dd:ee:ff" (or '-' separated) into a mac48. Allocates; throws on bad text. */
export declare function parseMac(s: string): number;
/** Formats a mac48 as lower-case "aa:bb:cc:dd:ee:ff". Allocates. */
export declare function macToString(mac: number): string;
/** Parses dotted-quad IPv4 text into a u32. Leading zeros are refused (octal ambiguity). Throws. */
export declare function parseIpv4(s: string): number;
/** Formats a u32 as dotted-quad text. */
export declare function ipv4ToString(ip: number): string;
/**
 * Parses IPv6 text (RFC 4291 2.2: hex groups, one `::`, optional trailing dotted IPv4)
 * into 16 bytes, written to `out` at `off` when given. Zone ids are refused. Throws.
 */
export declare function parseIpv6(s: string, out?: Uint8Array, off?: number): Uint8Array;
/** Formats the 16 bytes at `off` as RFC 5952 text (lower case, longest zero run as `::`). */
export declare function ipv6ToString(buf: Uint8Array, off: number): string;

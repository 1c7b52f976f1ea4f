/**
 * Parse reason codes returned by `parsePacket` (0 = success).
 *
 * They are small integers so a hot loop can count drops with `counters[code]++`; the
 * `PARSE_ERROR_NAMES` table turns them into counter names (`malformed` reasons) on the
 * control path. Codes are stable: append new ones, never renumber.
 */
/** Reason codes; see each comment for the exact condition. */
export declare const ParseError: {
    /** Headers are consistent. */
    readonly OK: 0;
    /** `start`/`len` are negative, non-integer, or run past the buffer. */
    readonly BAD_BOUNDS: 1;
    /** Fewer than 14 bytes: no complete Ethernet header. */
    readonly TRUNCATED_L2: 2;
    /** An 802.1Q/802.1ad tag (TCI + next EtherType) does not fit. */
    readonly TRUNCATED_VLAN: 3;
    /** More than two stacked VLAN tags. */
    readonly TOO_MANY_VLANS: 4;
    /** Less than the fixed L3 header (IPv4 20 bytes, IPv6 40 bytes). */
    readonly TRUNCATED_L3: 5;
    /** IP version nibble does not match the EtherType. */
    readonly BAD_IP_VERSION: 6;
    /** IPv4 IHL < 5 (RFC 791 3.1). */
    readonly BAD_IPV4_IHL: 7;
    /** IPv4 options (IHL * 4 bytes) run past the captured length. */
    readonly TRUNCATED_IPV4_OPTIONS: 8;
    /** IPv4 total length smaller than the header length. */
    readonly BAD_IPV4_TOTAL_LEN: 9;
    /** IPv4 total length larger than the captured bytes. */
    readonly TRUNCATED_IPV4: 10;
    /** IPv6 payload length larger than the captured bytes. */
    readonly TRUNCATED_IPV6: 11;
    /** An IPv6 extension header runs past the payload length. */
    readonly TRUNCATED_IPV6_EXT: 12;
    /** Hop-by-Hop options not directly after the IPv6 header (RFC 8200 4.1). */
    readonly BAD_IPV6_EXT_ORDER: 13;
    /** More than `IPV6_MAX_EXT_HEADERS` extension headers. */
    readonly TOO_MANY_IPV6_EXT: 14;
    /** Fewer than 28 bytes of ARP. */
    readonly TRUNCATED_ARP: 15;
    /** ARP that is not Ethernet/IPv4 (htype 1, ptype 0x0800, hlen 6, plen 4). */
    readonly BAD_ARP: 16;
    /** The L4 header (TCP 20, UDP 8, ICMP 8, ICMPv6 4, SCTP 12 bytes) or TCP options do not fit in the L3 payload. */
    readonly TRUNCATED_L4: 17;
    /** UDP length < 8 or larger than the L3 payload (unfragmented datagrams only). */
    readonly BAD_UDP_LEN: 18;
    /** TCP data offset < 5 (RFC 9293 3.1). */
    readonly BAD_TCP_DATA_OFFSET: 19;
};
/** A value of `ParseError`. */
export type ParseError = (typeof ParseError)[keyof typeof ParseError];
/** Number of reason codes (size a counter array with this). */
export declare const PARSE_ERROR_COUNT: number;
/** Counter names indexed by code: `PARSE_ERROR_NAMES[ParseError.TRUNCATED_L3] === 'truncated_l3'`. */
export declare const PARSE_ERROR_NAMES: readonly string[];
/** Name for a code, or `unknown_<n>` for codes outside the table. */
export declare function parseErrorName(code: number): string;

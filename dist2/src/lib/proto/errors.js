/**
 * Parse reason codes returned by `parsePacket` (0 = success).
 *
 * They are small integers so a hot loop can count drops with `counters[code]++`; the
 * `PARSE_ERROR_NAMES` table turns them into counter names (`malformed` reasons) on the
 * control path. Codes are stable: append new ones, never renumber.
 */
/** Reason codes; see each comment for the exact condition. */
export const ParseError = {
    /** Headers are consistent. */
    OK: 0,
    /** `start`/`len` are negative, non-integer, or run past the buffer. */
    BAD_BOUNDS: 1,
    /** Fewer than 14 bytes: no complete Ethernet header. */
    TRUNCATED_L2: 2,
    /** An 802.1Q/802.1ad tag (TCI + next EtherType) does not fit. */
    TRUNCATED_VLAN: 3,
    /** More than two stacked VLAN tags. */
    TOO_MANY_VLANS: 4,
    /** Less than the fixed L3 header (IPv4 20 bytes, IPv6 40 bytes). */
    TRUNCATED_L3: 5,
    /** IP version nibble does not match the EtherType. */
    BAD_IP_VERSION: 6,
    /** IPv4 IHL < 5 (RFC 791 3.1). */
    BAD_IPV4_IHL: 7,
    /** IPv4 options (IHL * 4 bytes) run past the captured length. */
    TRUNCATED_IPV4_OPTIONS: 8,
    /** IPv4 total length smaller than the header length. */
    BAD_IPV4_TOTAL_LEN: 9,
    /** IPv4 total length larger than the captured bytes. */
    TRUNCATED_IPV4: 10,
    /** IPv6 payload length larger than the captured bytes. */
    TRUNCATED_IPV6: 11,
    /** An IPv6 extension header runs past the payload length. */
    TRUNCATED_IPV6_EXT: 12,
    /** Hop-by-Hop options not directly after the IPv6 header (RFC 8200 4.1). */
    BAD_IPV6_EXT_ORDER: 13,
    /** More than `IPV6_MAX_EXT_HEADERS` extension headers. */
    TOO_MANY_IPV6_EXT: 14,
    /** Fewer than 28 bytes of ARP. */
    TRUNCATED_ARP: 15,
    /** ARP that is not Ethernet/IPv4 (htype 1, ptype 0x0800, hlen 6, plen 4). */
    BAD_ARP: 16,
    /** The L4 header (TCP 20, UDP 8, ICMP 8, ICMPv6 4, SCTP 12 bytes) or TCP options do not fit in the L3 payload. */
    TRUNCATED_L4: 17,
    /** UDP length < 8 or larger than the L3 payload (unfragmented datagrams only). */
    BAD_UDP_LEN: 18,
    /** TCP data offset < 5 (RFC 9293 3.1). */
    BAD_TCP_DATA_OFFSET: 19,
};
/** Number of reason codes (size a counter array with this). */
export const PARSE_ERROR_COUNT = Object.keys(ParseError).length;
/** Counter names indexed by code: `PARSE_ERROR_NAMES[ParseError.TRUNCATED_L3] === 'truncated_l3'`. */
export const PARSE_ERROR_NAMES = (() => {
    const names = new Array(PARSE_ERROR_COUNT).fill('');
    for (const [k, v] of Object.entries(ParseError))
        names[v] = k.toLowerCase();
    return Object.freeze(names);
})();
/** Name for a code, or `unknown_<n>` for codes outside the table. */
export function parseErrorName(code) {
    return code >= 0 && code < PARSE_ERROR_COUNT ? PARSE_ERROR_NAMES[code] : `unknown_${code}`;
}
//# sourceMappingURL=errors.js.map
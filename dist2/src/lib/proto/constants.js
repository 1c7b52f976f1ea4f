/**
 * Wire constants shared by the header modules: EtherTypes (IEEE registry) and IP protocol
 * numbers (IANA "Assigned Internet Protocol Numbers", also used as IPv6 Next Header).
 */
/** EtherType values Sluice recognises. */
export const EtherType = {
    IPV4: 0x0800,
    ARP: 0x0806,
    /** 802.1Q customer VLAN tag (C-tag). */
    VLAN: 0x8100,
    IPV6: 0x86dd,
    /** 802.1ad service VLAN tag (S-tag, QinQ outer). */
    QINQ: 0x88a8,
    /** Pre-standard QinQ outer tag still seen in the field. */
    QINQ_LEGACY: 0x9100,
    LLDP: 0x88cc,
};
/** IP protocol / IPv6 next-header numbers. */
export const IpProto = {
    HOPOPTS: 0,
    ICMP: 1,
    TCP: 6,
    UDP: 17,
    ROUTING: 43,
    FRAGMENT: 44,
    GRE: 47,
    ESP: 50,
    AH: 51,
    ICMPV6: 58,
    NONE: 59,
    DSTOPTS: 60,
    SCTP: 132,
};
/** Fragment position of a parsed IP packet. */
export const Fragment = {
    /** Not a fragment (or an IPv6 atomic fragment, offset 0 and M clear). */
    NONE: 0,
    /** First fragment: offset 0, more fragments follow; the L4 header is present. */
    FIRST: 1,
    /** Non-first fragment: no L4 header in this packet. */
    LATER: 2,
};
//# sourceMappingURL=constants.js.map
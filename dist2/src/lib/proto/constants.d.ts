/**
 * Wire constants shared by the header modules: EtherTypes (IEEE registry) and IP protocol
 * numbers (IANA "Assigned Internet Protocol Numbers", also used as IPv6 Next Header).
 */
/** EtherType values Sluice recognises. */
export declare const EtherType: {
    readonly IPV4: 2048;
    readonly ARP: 2054;
    /** 802.1Q customer VLAN tag (C-tag). */
    readonly VLAN: 33024;
    readonly IPV6: 34525;
    /** 802.1ad service VLAN tag (S-tag, QinQ outer). */
    readonly QINQ: 34984;
    /** Pre-standard QinQ outer tag still seen in the field. */
    readonly QINQ_LEGACY: 37120;
    readonly LLDP: 35020;
};
/** IP protocol / IPv6 next-header numbers. */
export declare const IpProto: {
    readonly HOPOPTS: 0;
    readonly ICMP: 1;
    readonly TCP: 6;
    readonly UDP: 17;
    readonly ROUTING: 43;
    readonly FRAGMENT: 44;
    readonly GRE: 47;
    readonly ESP: 50;
    readonly AH: 51;
    readonly ICMPV6: 58;
    readonly NONE: 59;
    readonly DSTOPTS: 60;
    readonly SCTP: 132;
};
/** Fragment position of a parsed IP packet. */
export declare const Fragment: {
    /** Not a fragment (or an IPv6 atomic fragment, offset 0 and M clear). */
    readonly NONE: 0;
    /** First fragment: offset 0, more fragments follow; the L4 header is present. */
    readonly FIRST: 1;
    /** Non-first fragment: no L4 header in this packet. */
    readonly LATER: 2;
};

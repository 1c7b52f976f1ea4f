/**
 * The one list of reasons a packet can be dropped, shared by every port and app, so that
 * "where did my packets go" always has an answer that adds up. Append only: the numbers
 * index counter arrays and appear in JSON by name.
 */
export declare const DropReason: {
    /** The packet pool was empty when a buffer was needed. */
    readonly NO_BUFFER: 0;
    /** The next link (or inter-engine ring) was full. */
    readonly LINK_FULL: 1;
    /** A peer's descriptor was malformed (bad address, length, flags, chain). */
    readonly BAD_DESCRIPTOR: 2;
    /** A filter or flow rule said drop. */
    readonly FILTERED: 3;
    /** No route / no output for the destination. */
    readonly NO_ROUTE: 4;
    /** Headers truncated or inconsistent. */
    readonly MALFORMED: 5;
    /** TTL / hop limit reached zero. */
    readonly TTL_EXPIRED: 6;
    /** The port (or its peer) is down or not ready. */
    readonly PORT_DOWN: 7;
    /** Larger than the port, buffer or MTU allows. */
    readonly TOO_BIG: 8;
    /** The peer had no free buffer/descriptor to receive into. */
    readonly PEER_NO_BUFFER: 9;
    /** The queue was quarantined after a protocol violation. */
    readonly QUEUE_QUARANTINED: 10;
    /** Waiting for ARP/ND resolution and the hold queue was full. */
    readonly NO_NEIGHBOR: 11;
    /** VLAN not allowed on this port. */
    readonly VLAN_MISMATCH: 12;
    /** Would go back out of the port it came in on. */
    readonly SAME_PORT: 13;
    /** Packets still queued when a port or engine stopped. */
    readonly SHUTDOWN: 14;
    /** Bridge/flood with no other member, or a sink by design. */
    readonly NO_DESTINATION: 15;
    /** A sink (null port) consumed the packet on purpose. */
    readonly SINK: 16;
    /** Not addressed to this app (another MAC, IP or VNI), e.g. a router seeing a foreign unicast. */
    readonly NOT_FOR_US: 17;
    /** A control packet (ARP, neighbour discovery, echo) the app answered or learned from and then consumed. */
    readonly CONSUMED: 18;
    /** A virtio-net offload header was refused (GSO type or size, checksum offsets, headers that do not match). */
    readonly BAD_OFFLOAD: 19;
};
export type DropReason = (typeof DropReason)[keyof typeof DropReason];
/** snake_case names indexed by reason number (used in JSON, metrics and logs). */
export declare const DROP_REASON_NAMES: readonly string[];
export declare const DROP_REASON_COUNT: number;

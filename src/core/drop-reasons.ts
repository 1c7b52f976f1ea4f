/**
 * The one list of reasons a packet can be dropped, shared by every port and app, so that
 * "where did my packets go" always has an answer that adds up. The numbers index counter
 * arrays; JSON, metrics and logs name them. A packet an app consumes on purpose (an ARP
 * request it answered) is not a drop: it counts as handled (counters.ts).
 */
export const DropReason = {
  /** The packet pool was empty when a buffer was needed. */
  NO_BUFFER: 0,
  /** The next link (or inter-engine ring) was full. */
  LINK_FULL: 1,
  /** A peer's descriptor was malformed (bad address, length, flags, chain). */
  BAD_DESCRIPTOR: 2,
  /** A filter or flow rule said drop. */
  FILTERED: 3,
  /** No route / no output for the destination. */
  NO_ROUTE: 4,
  /** Headers truncated or inconsistent. */
  MALFORMED: 5,
  /** TTL / hop limit reached zero. */
  TTL_EXPIRED: 6,
  /** The port (or its peer) is down or not ready. */
  PORT_DOWN: 7,
  /** Larger than the port, buffer or MTU allows. */
  TOO_BIG: 8,
  /** The peer had no free buffer/descriptor to receive into. */
  PEER_NO_BUFFER: 9,
  /** The queue was quarantined after a protocol violation. */
  QUEUE_QUARANTINED: 10,
  /** Waiting for ARP/ND resolution and the hold queue was full. */
  NO_NEIGHBOR: 11,
  /** VLAN not allowed on this port. */
  VLAN_MISMATCH: 12,
  /** Would go back out of the port it came in on. */
  SAME_PORT: 13,
  /** Packets still queued when a port or engine stopped. */
  SHUTDOWN: 14,
  /** Bridge/flood with no other member, or a sink by design. */
  NO_DESTINATION: 15,
  /** A sink (null port) consumed the packet on purpose. */
  SINK: 16,
  /** Not addressed to this app (another MAC, IP or VNI), e.g. a router seeing a foreign unicast. */
  NOT_FOR_US: 17,
  /** A virtio-net offload header was refused (GSO type or size, checksum offsets, headers that do not match). */
  BAD_OFFLOAD: 18,
  /** A guest sent from a source MAC other than the one its port was given (anti-spoofing). */
  SPOOFED: 19,
} as const;
export type DropReason = (typeof DropReason)[keyof typeof DropReason];

/** snake_case names indexed by reason number (used in JSON, metrics and logs). */
export const DROP_REASON_NAMES: readonly string[] = Object.entries(DropReason)
  .sort((a, b) => a[1] - b[1])
  .map(([k]) => k.toLowerCase());
export const DROP_REASON_COUNT = DROP_REASON_NAMES.length;

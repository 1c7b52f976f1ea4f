/**
 * Bridge port VLAN configuration: turns `{ ports: { name: { vlan?, trunk?, native? } } }` into
 * the typed arrays the forwarding loop reads. Control path; throws `Error` naming the field
 * (`ports.p0.trunk[2]`) for anything invalid.
 *
 *   access port  `vlan: V` (default V = 1 when neither vlan nor trunk is given): untagged on
 *                the wire, member of V only; tagged frames arriving on it are dropped.
 *   trunk port   `trunk: [V...]`: tagged member of each V; `native: N` adds N as the VLAN of
 *                untagged frames (sent untagged); without native, untagged frames are dropped.
 *
 * `egress[port * 4096 + vid]` is 0 (not a member), 1 (member, untagged on the wire) or
 * 2 (member, tagged on the wire). `untaggedVlan[port]` is the VLAN an untagged frame arriving
 * on the port belongs to, or 0 when untagged frames are not accepted.
 */
/** One port's args as given in the config. */
export interface BridgePortArgs {
    /** Access VLAN (untagged on the wire). */
    vlan?: number;
    /** Allowed tagged VLANs (makes the port a trunk). */
    trunk?: number[];
    /** VLAN of untagged frames on a trunk. */
    native?: number;
}
/** Compiled port table. */
export interface PortTable {
    names: string[];
    /** Index of each name. */
    index: Map<string, number>;
    egress: Uint8Array;
    untaggedVlan: Uint16Array;
    /** 1 for access ports (tagged ingress is refused). */
    access: Uint8Array;
}
export declare const VLAN_COUNT = 4096;
/** Ports a bridge may have (port numbers fit the u16 MAC-table value with room to spare). */
export declare const MAX_BRIDGE_PORTS = 1024;
/** Validates and compiles the ports map. Allocates; throws naming the bad field. */
export declare function compilePorts(ports: unknown): PortTable;

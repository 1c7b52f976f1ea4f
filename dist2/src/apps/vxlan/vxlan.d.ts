/**
 * VXLAN tunnel port (`vxlan`, RFC 7348) over IPv4 or IPv6: encapsulates frames from the bridge side
 * and decapsulates frames from the underlay, so two Sluice hosts (or Sluice and a Linux
 * vxlan device) form one L2 overlay.
 *
 *   bridge ─► inner ┌───────┐ outer ─► underlay port      input/output `inner`: the overlay
 *   bridge ◄─ inner │ vxlan │ outer ◄─ underlay port      side (one VNI); extra overlay links
 *                   └───────┘                             and their VNIs via `vnis`
 *
 * Args: `{ vni, localIp, remoteIp, localMac, remoteMac?, udpPort? = 4789, vnis?: { <link>: vni },
 *          ttl? = 64 }`. Without `remoteMac` the app resolves `remoteIp` with ARP on the
 * underlay (a request per second until answered); it always answers ARP for `localIp`.
 * IPv6 addresses make an IPv6 underlay: 70 bytes of headers, the UDP checksum always
 * computed (RFC 8200 8.1; Linux refuses zero-checksum VXLAN over IPv6 by default) and
 * checked, neighbour discovery instead of ARP (NS to the solicited-node group, NA answered
 * for localIp, the peer's MAC learned from its NA or NS).
 *
 * Encapsulation prepends 50 bytes in the packet's headroom (no copy of the payload) from a
 * per-VNI template: outer Ethernet, IPv4 (DF set, checksum from a precomputed partial sum),
 * UDP (source port from a hash of the inner Ethernet header, RFC 7348 5; checksum 0, allowed
 * for IPv4), VXLAN (I flag, VNI). Decapsulation accepts only IPv4/UDP to localIp:udpPort from
 * remoteIp with a valid IPv4 header checksum, a valid UDP checksum when one is present, the
 * I flag set and a known VNI; everything else is dropped with a counted reason.
 */
import { App, type AppContext } from '../../core/app.js';
export interface VxlanArgs {
    vni: number;
    localIp: string;
    remoteIp: string;
    localMac: string;
    remoteMac?: string;
    udpPort?: number;
    ttl?: number;
    /** Extra overlay links (by input/output name) and their VNIs. */
    vnis?: Record<string, number>;
}
export declare const vxlanSchema: {
    type: string;
    required: string[];
    additionalProperties: boolean;
    properties: {
        vni: {
            type: string;
            minimum: number;
            maximum: number;
        };
        localIp: {
            type: string;
        };
        remoteIp: {
            type: string;
        };
        localMac: {
            type: string;
        };
        remoteMac: {
            type: string;
        };
        udpPort: {
            type: string;
            minimum: number;
            maximum: number;
        };
        ttl: {
            type: string;
            minimum: number;
            maximum: number;
        };
        vnis: {
            type: string;
            additionalProperties: {
                type: string;
                minimum: number;
                maximum: number;
            };
        };
    };
};
export declare class Vxlan extends App {
    readonly linkNames: string[];
    readonly vniOf: Int32Array;
    private readonly localIp;
    private readonly remoteIp;
    /** IPv6 underlay: the addresses (16 bytes each), else null. */
    private readonly local6;
    private readonly remote6;
    /** Header bytes prepended: 50 (IPv4) or 70 (IPv6). */
    private readonly hdr;
    /** IPv6: ones'-complement sum of the pseudo-header addresses and next header. */
    private pseudo6;
    private readonly localHi;
    private readonly localLo;
    private remoteHi;
    private remoteLo;
    private resolved;
    private readonly udpPort;
    /** 50-byte header template per overlay link. */
    private readonly templates;
    /** Ones'-complement sum of each template's IPv4 header with total length and checksum 0. */
    private readonly ipSum;
    private ins;
    private outs;
    private outerIn;
    private outerOut;
    private readonly ph;
    private nextArp;
    encapsulated: number;
    decapsulated: number;
    unknownVni: number;
    arpRequests: number;
    arpReplies: number;
    constructor(ctx: AppContext, args: VxlanArgs);
    private writeMacs;
    linked(): void;
    push(): void;
    private encap;
    private decap;
    private arpIn;
    /** IPv6 neighbour discovery on the underlay: learn the peer's MAC, answer NS for localIp. */
    private ndIn;
    tick(nowMs: number): void;
    report(): Record<string, unknown>;
}

/**
 * IPv4/IPv6 router (`l3-router`).
 *
 *           eth0 ─► ┌───────────┐ ─► eth0     input `<iface>`: frames received on it
 *           eth1 ─► │ l3-router │ ─► eth1     output `<iface>`: frames to send out of it
 *                   └───────────┘
 *
 * Args: `{ interfaces: { <name>: { mac, ipv4?: "a.b.c.d/len", ipv6?: "x::y/len", mtu? = 1500 } },
 *          routes?: [{ prefix, via?, dev? }], neighborAgeSec? = 60, maxNeighbors? = 1024,
 *          icmpRate? = 1000 }` — each interface address adds its connected route.
 *
 * Per frame: parsePacket (malformed -> dropped), accept only frames to the interface MAC or
 * a group address, then
 *   ARP: learn the sender if on-link (RFC 826 merge), answer requests for our address.
 *   IPv4: verify the header checksum; to one of our addresses -> answer echo requests;
 *         else TTL <= 1 -> ICMP time exceeded; LPM miss -> ICMP net unreachable; else
 *         decrement TTL (incremental checksum), resolve the next hop and send with new MACs.
 *         Larger than the egress interface's MTU: with DF set, ICMP "fragmentation needed"
 *         carrying that MTU (RFC 1191) and a too_big drop; else cut into fragments (RFC 791:
 *         8-byte aligned offsets, MF on all but the last, the header copied to each).
 *   IPv6: the same with hop limit, ICMPv6, and neighbour discovery (NS answered with NA for
 *         our addresses, NA and NS source options learned; hop limit 255 required, RFC 4861).
 * Unresolved next hops: the packet waits in the neighbour's hold queue (a few packets) while
 * ARP requests / neighbour solicitations go out once a second, up to 3; then the queue is
 * dropped (no_neighbor). ICMP errors are rate limited (token bucket), never sent about ICMP
 * errors, fragments after the first, or group/unspecified sources.
 *
 * Control path: addRoute(spec), delRoute(prefix), routes(), neighbors().
 */
import { App, type AppContext } from '../../core/app.js';
import { NeighborTable } from './neighbors.js';
import { RouteTable, type RouteSpec, type RouteEntry } from './routes.js';
export interface RouterIfaceArgs {
    mac: string;
    ipv4?: string;
    ipv6?: string;
    mtu?: number;
}
export interface RouterArgs {
    interfaces: Record<string, RouterIfaceArgs>;
    routes?: RouteSpec[];
    neighborAgeSec?: number;
    maxNeighbors?: number;
    /** ICMP errors per second (token bucket, burst = a tenth of a second's worth + 10). */
    icmpRate?: number;
}
export declare const routerSchema: {
    type: string;
    required: string[];
    additionalProperties: boolean;
    properties: {
        interfaces: {
            type: string;
            minProperties: number;
            additionalProperties: {
                type: string;
                required: string[];
                additionalProperties: boolean;
                properties: {
                    mac: {
                        type: string;
                    };
                    ipv4: {
                        type: string;
                    };
                    ipv6: {
                        type: string;
                    };
                    mtu: {
                        type: string;
                        minimum: number;
                        maximum: number;
                    };
                };
            };
        };
        routes: {
            type: string;
            items: {
                type: string;
                required: string[];
                additionalProperties: boolean;
                properties: {
                    prefix: {
                        type: string;
                    };
                    via: {
                        type: string;
                    };
                    dev: {
                        type: string;
                    };
                };
            };
        };
        neighborAgeSec: {
            type: string;
            minimum: number;
        };
        maxNeighbors: {
            type: string;
            minimum: number;
            maximum: number;
        };
        icmpRate: {
            type: string;
            minimum: number;
        };
    };
};
export interface NeighborEntry {
    ip: string;
    mac: string | null;
    dev: string;
    state: 'incomplete' | 'reachable';
    ageSec: number;
    queued: number;
}
export declare class L3Router extends App {
    readonly names: string[];
    private readonly n;
    private readonly macHi;
    private readonly macLo;
    private readonly ip4;
    private readonly mask4;
    private readonly has4;
    private readonly ip6;
    private readonly has6;
    /** IP MTU of each interface (largest IP packet sent out of it). */
    private readonly mtu;
    readonly rt: RouteTable;
    readonly arp: NeighborTable;
    readonly nd: NeighborTable;
    private ins;
    private outs;
    private readonly ph;
    private readonly key4;
    private readonly key6;
    private readonly addr6;
    private readonly icmpRate;
    private icmpTokens;
    private lastTick;
    private nextSweep;
    private now;
    forwarded: number;
    arpReplies: number;
    ndReplies: number;
    echoReplies: number;
    icmpErrors: number;
    icmpRateLimited: number;
    probesSent: number;
    badChecksum: number;
    /** IPv4 packets cut into fragments, and the fragments that made. */
    fragmented: number;
    fragmentsOut: number;
    constructor(ctx: AppContext, args: RouterArgs);
    linked(): void;
    push(): void;
    private receive;
    private ipv4;
    /**
     * Cuts the IPv4 packet p (TTL already decremented) into fragments of at most `mtu` bytes
     * and sends each to the next hop in key4; p itself is freed once copied. A fragment that
     * cannot get a buffer is a no_buffer drop (the receiver's reassembly then times out).
     */
    private fragment4;
    /** Sends p to the neighbour `key` on port `out`, resolving it first if needed. */
    private toNeighbor;
    private emit;
    /** Sends p back to the sender of the frame it came in (replies): dst MAC := old src MAC. */
    private reflect;
    private local4;
    private arpIn;
    private flush;
    private probe4;
    private icmp4Error;
    private isMine6;
    private ipv6;
    /** Offset of the 6-byte link-layer address in the ND option of `type` within [off, end), or -1. */
    private ndOption;
    private learn6;
    private local6;
    private probe6;
    private icmp6Error;
    tick(nowMs: number): void;
    private sweep;
    stop(): void;
    /** Adds a static route; throws naming the bad field (prefix, via, dev). */
    addRoute(r: RouteSpec): void;
    /** Deletes the route for prefix; returns whether it existed. */
    delRoute(prefix: string): boolean;
    routes(): RouteEntry[];
    neighbors(): NeighborEntry[];
    report(): Record<string, unknown>;
}

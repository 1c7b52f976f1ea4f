/**
 * RouteTable: the router's IPv4 (Lpm4, DIR-24-8) and IPv6 (Lpm6) longest-prefix-match tables
 * and the next-hop table they point into.
 *
 * A next hop is (output port, gateway): gateway 0 / absent means "connected" (the packet's
 * own destination is the neighbour to resolve). Next hops are shared by routes with the same
 * (port, gateway) and reference counted. Data path reads `nhPort`, `nhGw4`, `nhHasGw`,
 * `nhGw6` by next-hop id after `lpm4.lookup` / `lpm6.lookup`.
 *
 * Control path: add(route) / del(prefix) / list(). Errors are `Error`s naming the field
 * (`prefix`, `via`, `dev`); a second route for a prefix that already has one is refused as
 * ambiguous (delete it first).
 */
import { Lpm4 } from '../../lib/lpm/lpm4.js';
import { Lpm6 } from '../../lib/lpm/lpm6.js';
export interface RouteSpec {
    prefix: string;
    via?: string;
    dev?: string;
}
export interface RouteEntry {
    prefix: string;
    via?: string;
    dev: string;
    connected: boolean;
}
export interface IfaceAddr {
    name: string;
    /** IPv4 address and prefix length (addr -1 when none). */
    ip4: number;
    len4: number;
    ip6: Uint8Array | null;
    len6: number;
}
/** Parses "a.b.c.d/len" or "x::y/len"; throws naming `field`. */
export declare function parseCidr(field: string, text: unknown): {
    v6: boolean;
    addr4: number;
    addr6: Uint8Array;
    len: number;
};
export declare function mask4(len: number): number;
export declare function inPrefix6(a: Uint8Array, aOff: number, p: Uint8Array, len: number): boolean;
export declare class RouteTable {
    private readonly ifaces;
    readonly lpm4: Lpm4;
    readonly lpm6: Lpm6;
    readonly nhPort: Int32Array<ArrayBuffer>;
    readonly nhGw4: Uint32Array<ArrayBuffer>;
    readonly nhHasGw: Uint8Array<ArrayBuffer>;
    readonly nhGw6: Uint8Array<ArrayBuffer>;
    private readonly nhRefs;
    private readonly nhByKey;
    private readonly routes;
    constructor(ifaces: IfaceAddr[]);
    /** Adds a route (connected when `connected`). Throws naming the bad field. */
    add(r: RouteSpec, connected?: boolean): void;
    /** Deletes the route for `prefix`; returns whether it existed. */
    del(prefix: string): boolean;
    list(): RouteEntry[];
}

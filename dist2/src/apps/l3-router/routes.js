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
import { parseIpv4, parseIpv6, ipv4ToString, ipv6ToString } from '../../lib/proto/addr.js';
const MAX_NH = 4096;
/** Parses "a.b.c.d/len" or "x::y/len"; throws naming `field`. */
export function parseCidr(field, text) {
    if (typeof text !== 'string')
        throw new Error(`${field}: expected an address/prefix-length string, got ${JSON.stringify(text)}`);
    const m = /^([^/\s]+)(?:\/(\d{1,3}))?$/.exec(text.trim());
    if (!m)
        throw new Error(`${field}: bad prefix "${text}" (expected address/length)`);
    const v6 = m[1].includes(':');
    const len = m[2] === undefined ? (v6 ? 128 : 32) : Number(m[2]);
    if (len > (v6 ? 128 : 32))
        throw new Error(`${field}: prefix length ${len} out of range in "${text}"`);
    try {
        if (v6)
            return { v6, addr4: 0, addr6: parseIpv6(m[1]), len };
        return { v6, addr4: parseIpv4(m[1]), addr6: new Uint8Array(16), len };
    }
    catch (e) {
        throw new Error(`${field}: ${e.message}`);
    }
}
export function mask4(len) { return len === 0 ? 0 : (0xffffffff << (32 - len)) >>> 0; }
export function inPrefix6(a, aOff, p, len) {
    for (let i = 0; i < 16 && len > 0; i++, len -= 8) {
        const m = len >= 8 ? 0xff : (0xff << (8 - len)) & 0xff;
        if ((a[aOff + i] & m) !== (p[i] & m))
            return false;
    }
    return true;
}
export class RouteTable {
    ifaces;
    lpm4 = new Lpm4({ maxTbl8Groups: 256 });
    lpm6 = new Lpm6({ maxGroups: 1024 });
    nhPort = new Int32Array(MAX_NH);
    nhGw4 = new Uint32Array(MAX_NH);
    nhHasGw = new Uint8Array(MAX_NH);
    nhGw6 = new Uint8Array(MAX_NH * 16);
    nhRefs = new Int32Array(MAX_NH);
    nhByKey = new Map();
    routes = new Map();
    constructor(ifaces) {
        this.ifaces = ifaces;
    }
    /** Adds a route (connected when `connected`). Throws naming the bad field. */
    add(r, connected = false) {
        if (typeof r !== 'object' || r === null)
            throw new Error('route must be an object { prefix, via?, dev? }');
        const c = parseCidr('prefix', r.prefix);
        const key = `${c.v6 ? ipv6ToString(maskBytes(c.addr6, c.len), 0) : ipv4ToString((c.addr4 & mask4(c.len)) >>> 0)}/${c.len}`;
        if (this.routes.has(key))
            throw new Error(`prefix: a route for ${key} already exists (delete it first)`);
        let port = -1;
        if (r.dev !== undefined) {
            port = this.ifaces.findIndex((i) => i.name === r.dev);
            if (port < 0)
                throw new Error(`dev: unknown interface "${r.dev}" (interfaces: ${this.ifaces.map((i) => i.name).join(', ')})`);
        }
        let gw4 = 0, gw6 = null;
        if (r.via !== undefined) {
            const g = parseCidr('via', r.via);
            if (g.v6 !== c.v6 || g.len !== (g.v6 ? 128 : 32))
                throw new Error(`via: "${r.via}" must be a single ${c.v6 ? 'IPv6' : 'IPv4'} address`);
            const onLink = this.ifaces.findIndex((i, idx) => (port < 0 || idx === port) &&
                (c.v6 ? i.ip6 !== null && inPrefix6(g.addr6, 0, i.ip6, i.len6) : i.ip4 >= 0 && ((g.addr4 ^ i.ip4) & mask4(i.len4)) === 0));
            if (onLink < 0)
                throw new Error(`via: gateway ${r.via} is not on a connected network${port >= 0 ? ` of ${r.dev}` : ''}`);
            port = onLink;
            if (c.v6)
                gw6 = g.addr6;
            else
                gw4 = g.addr4;
        }
        else if (port < 0) {
            throw new Error(`route ${r.prefix}: give via (gateway) and/or dev (interface)`);
        }
        const nhKey = `${port}|${c.v6 ? (gw6 ? ipv6ToString(gw6, 0) : '') : gw4}`;
        let nh = this.nhByKey.get(nhKey);
        if (nh === undefined) {
            nh = 0;
            while (nh < MAX_NH && this.nhRefs[nh] > 0)
                nh++;
            if (nh === MAX_NH)
                throw new Error(`via: next-hop table full (${MAX_NH})`);
            this.nhPort[nh] = port;
            this.nhGw4[nh] = gw4;
            this.nhHasGw[nh] = r.via !== undefined ? 1 : 0;
            if (gw6)
                this.nhGw6.set(gw6, nh * 16);
            this.nhByKey.set(nhKey, nh);
        }
        if (c.v6)
            this.lpm6.add(c.addr6, c.len, nh);
        else
            this.lpm4.add(c.addr4, c.len, nh);
        this.nhRefs[nh]++;
        this.routes.set(key, { prefix: key, via: r.via, dev: this.ifaces[port].name, connected, nh, v6: c.v6, addr4: c.addr4, addr6: c.addr6, len: c.len });
    }
    /** Deletes the route for `prefix`; returns whether it existed. */
    del(prefix) {
        const c = parseCidr('prefix', prefix);
        const key = `${c.v6 ? ipv6ToString(maskBytes(c.addr6, c.len), 0) : ipv4ToString((c.addr4 & mask4(c.len)) >>> 0)}/${c.len}`;
        const r = this.routes.get(key);
        if (!r)
            return false;
        if (r.v6)
            this.lpm6.delete(r.addr6, r.len);
        else
            this.lpm4.delete(r.addr4, r.len);
        if (--this.nhRefs[r.nh] === 0) {
            for (const [k, v] of this.nhByKey)
                if (v === r.nh)
                    this.nhByKey.delete(k);
        }
        this.routes.delete(key);
        return true;
    }
    list() {
        return [...this.routes.values()].map((r) => ({ prefix: r.prefix, ...(r.via !== undefined ? { via: r.via } : {}), dev: r.dev, connected: r.connected }));
    }
}
function maskBytes(a, len) {
    const out = new Uint8Array(16);
    for (let i = 0; i < 16; i++) {
        const bits = Math.max(0, Math.min(8, len - 8 * i));
        out[i] = a[i] & ((0xff << (8 - bits)) & 0xff);
    }
    return out;
}
//# sourceMappingURL=routes.js.map
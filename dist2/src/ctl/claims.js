/**
 * What each port holds outside the switch, and what it cannot do without. Two ports must
 * never hold one thing: a second vhost-user server on a path unlinks the first one's socket
 * (and deleting it later deletes the socket the first still serves); two TAP ports on one
 * name, or two AF_PACKET ports on one interface, fight over the same queues.
 *
 *   vhost-user PATH (server), memif PATH (server)    listening socket PATH
 *   vhost-user PATH,client / virtio-user PATH        the one frontend connection to PATH
 *   memif PATH,role=client,id=N                      memif interface N on PATH
 *   tap NAME                                         TAP interface NAME
 *   af-packet IFNAME                                 kernel interface IFNAME
 *   pcap ...,out=FILE; captures                      output file FILE
 *
 * A server and a client on one path are allowed (the daemon wired to itself). Paths are
 * compared after resolving them against the daemon's working directory.
 */
import { resolve } from 'node:path';
import { parsePortSpec } from '../core/port-spec.js';
/** Port kinds whose positional argument is required, and what it is. */
const NEEDS = {
    'vhost-user': 'the socket path (vhost-user:PATH, or path=PATH)',
    'virtio-user': 'the socket path (virtio-user:PATH, or path=PATH)',
    memif: 'the control socket path (memif:PATH, or path=PATH)',
    tap: 'the interface name (tap:NAME, or dev=NAME)',
    'af-packet': 'the kernel interface (af-packet:IFNAME, or dev=IFNAME)',
    ring: 'the wire name (ring:NAME)',
};
function parsed(spec) {
    try {
        return parsePortSpec(spec);
    }
    catch {
        return undefined;
    }
}
/** The message when `spec` lacks a required argument, else undefined. */
export function missingArgument(spec) {
    const p = parsed(spec);
    if (!p || !(p.kind in NEEDS) || p.arg !== '')
        return undefined;
    return `a ${p.kind} port needs ${NEEDS[p.kind]}`;
}
/** What a port with this spec holds (nothing for a spec that does not parse). */
export function portClaims(spec) {
    const p = parsed(spec);
    if (!p || (p.kind in NEEDS && p.arg === ''))
        return [];
    const path = (x) => resolve(x);
    switch (p.kind) {
        case 'vhost-user':
            return p.options.client === true
                ? [{ key: `connect ${path(p.arg)}`, what: `the vhost-user connection to ${path(p.arg)}` }]
                : [{ key: `listen ${path(p.arg)}`, what: `socket ${path(p.arg)}` }];
        case 'virtio-user':
            return [{ key: `connect ${path(p.arg)}`, what: `the vhost-user connection to ${path(p.arg)}` }];
        case 'memif': {
            const abs = p.options.abstract === true || p.options.abstract === 'yes';
            const where = abs ? `@${p.arg}` : path(p.arg);
            if (p.options.role === 'client') {
                const id = typeof p.options.id === 'string' ? p.options.id : '0';
                return [{ key: `memif ${where} ${id}`, what: `memif socket ${where} id ${id}` }];
            }
            return [{ key: `listen ${where}`, what: `socket ${where}` }];
        }
        case 'tap':
            return [{ key: `tap ${p.arg}`, what: `TAP interface ${p.arg}` }];
        case 'af-packet':
            return [{ key: `netdev ${p.arg}`, what: `kernel interface ${p.arg}` }];
        case 'pcap':
            return typeof p.options.out === 'string' ? [{ key: `file ${path(p.options.out)}`, what: `output file ${path(p.options.out)}` }] : [];
        default:
            return [];
    }
}
/** The first claim in `s` held twice, naming the later field and the earlier holder. */
export function findConflict(s) {
    const held = new Map();
    const take = (c, by, field) => {
        const prev = held.get(c.key);
        if (prev !== undefined)
            return { field, what: c.what, holder: prev };
        held.set(c.key, by);
        return undefined;
    };
    for (const [n, p] of Object.entries(s.ports ?? {})) {
        for (const c of portClaims(p.spec)) {
            const x = take(c, `port ${n}`, `ports.${n}.spec`);
            if (x)
                return x;
        }
    }
    for (const [i, c] of (s.captures ?? []).entries()) {
        for (const cl of fileClaims(c.file)) {
            const x = take(cl, `the capture of port ${c.port}`, `captures.${i}.file`);
            if (x)
                return x;
        }
    }
    return undefined;
}
/** The claim of a capture writing `file` (none for stdout). */
export function fileClaims(file) {
    if (file === '-')
        return [];
    const f = resolve(file);
    return [{ key: `file ${f}`, what: `output file ${f}` }];
}
/** Who in `s` already holds something of `claims` (a port spec's, by default), or undefined. */
export function holderOf(s, spec, except) {
    const mine = new Map((typeof spec === 'string' ? portClaims(spec) : spec).map((c) => [c.key, c.what]));
    if (mine.size === 0)
        return undefined;
    for (const [n, p] of Object.entries(s.ports ?? {})) {
        if (n === except)
            continue;
        for (const c of portClaims(p.spec))
            if (mine.has(c.key))
                return { what: c.what, holder: `port ${n}` };
    }
    for (const c of s.captures ?? []) {
        for (const cl of fileClaims(c.file))
            if (mine.has(cl.key))
                return { what: cl.what, holder: `the capture of port ${c.port}` };
    }
    return undefined;
}
//# sourceMappingURL=claims.js.map
/**
 * Both sides of the OVS differential (test/interop/ovs-flows.test.ts, bench/ovs-differential):
 * a Sluice flow table between injectors and captures named like the OVS bridge's ports, real
 * frames for generated packets, random rule sets, and the per-packet comparison.
 */
import { Engine } from '../../src/core/engine.js';
import '../../src/apps/flow-table/index.js';
import { makePool } from '../../src/apps/l2-bridge/testkit.js';
import { parseIpv4, parseIpv6, parseMac, writeMac } from '../../src/lib/proto/addr.js';
import { ipv4SetChecksum } from '../../src/lib/proto/ipv4.js';
import { simulate } from './ovs.js';
import { parseFlow } from '../../src/apps/flow-table/flow-parser.js';
import { genRule, rng } from './flow-gen.js';
export const PORTS = 4;
export const NAMES = Array.from({ length: PORTS }, (_, i) => `p${i + 1}`);
/** A Sluice flow table on injectors and captures named like OVS's ports. */
export function sluice(flows = []) {
    const pool = makePool(4096);
    const engine = new Engine(pool);
    const apps = { ft: { type: 'flow-table', args: { ports: NAMES, flows } } };
    const links = [];
    for (const n of NAMES) {
        apps[`in_${n}`] = { type: 'test-inject' };
        apps[`cap_${n}`] = { type: 'test-capture' };
        links.push(`in_${n}.output -> ft.${n}`, `ft.${n} -> cap_${n}.input`);
    }
    engine.configure({ apps, links });
    return { engine, pool, ft: engine.apps.get('ft'), inj: (n) => engine.apps.get(`in_${n}`), cap: (n) => engine.apps.get(`cap_${n}`) };
}
/** A real frame for a generated packet. */
export function frameOf(p) {
    const b = new Uint8Array(128);
    writeMac(b, 0, parseMac(p.dst));
    writeMac(b, 6, parseMac(p.src));
    let o = 12;
    if (p.vlan >= 0) {
        b[o] = 0x81;
        b[o + 1] = 0;
        b[o + 2] = (p.pcp << 5) | (p.vlan >> 8);
        b[o + 3] = p.vlan & 0xff;
        o += 4;
    }
    const put16 = (at, v) => { b[at] = v >> 8; b[at + 1] = v & 0xff; };
    const put32 = (at, v) => { put16(at, v >>> 16); put16(at + 2, v & 0xffff); };
    const ip6 = p.kind === 'ipv6' || p.kind === 'tcp6' || p.kind === 'udp6';
    const proto = p.kind === 'tcp' || p.kind === 'tcp6' ? 6 : p.kind === 'udp' || p.kind === 'udp6' ? 17 : p.kind === 'icmp' ? 1 : ip6 ? 59 : 0;
    const l4len = proto === 6 ? 20 : proto === 17 || proto === 1 ? 8 : 0;
    if (p.kind === 'arp') {
        put16(o, 0x0806);
        o += 2;
        put16(o, 1);
        put16(o + 2, 0x0800);
        b[o + 4] = 6;
        b[o + 5] = 4;
        put16(o + 6, p.arpOp);
        writeMac(b, o + 8, parseMac(p.src));
        put32(o + 14, parseIpv4(p.nwSrc));
        put32(o + 24, parseIpv4(p.nwDst));
        return b.slice(0, Math.max(60, o + 28));
    }
    if (ip6) {
        put16(o, 0x86dd);
        o += 2;
        b[o] = 0x60;
        put16(o + 4, l4len);
        b[o + 6] = proto;
        b[o + 7] = p.ttl;
        parseIpv6(p.nwSrc, b, o + 8);
        parseIpv6(p.nwDst, b, o + 24);
        o += 40;
    }
    else {
        put16(o, 0x0800);
        o += 2;
        const payload = p.frag === 'later' ? 8 : l4len;
        b[o] = 0x45;
        put16(o + 2, 20 + payload);
        put16(o + 4, 7);
        put16(o + 6, p.frag === 'first' ? 0x2000 : p.frag === 'later' ? 185 : 0);
        b[o + 8] = p.ttl;
        b[o + 9] = proto;
        put32(o + 12, parseIpv4(p.nwSrc));
        put32(o + 16, parseIpv4(p.nwDst));
        ipv4SetChecksum(b, o);
        o += 20;
        if (p.frag === 'later')
            return b.slice(0, Math.max(60, o + 8));
    }
    if (proto === 6) {
        put16(o, p.tpSrc);
        put16(o + 2, p.tpDst);
        b[o + 12] = 0x50;
    }
    else if (proto === 17) {
        put16(o, p.tpSrc);
        put16(o + 2, p.tpDst);
        put16(o + 4, 8);
    }
    else if (proto === 1) {
        b[o] = p.tpSrc;
    }
    return b.slice(0, Math.max(60, o + l4len));
}
/** Random rule set: table 0 and 1, unique priorities per table (lines Sluice refuses left out: the corpus test compares refusals). */
export function genRules(seed, n0, n1, all = false) {
    const r = rng(seed);
    const rules = [];
    const prios = (n) => { const s = new Set(); while (s.size < n)
        s.add(1 + Math.floor(r() * 60000)); return [...s]; };
    for (const p of prios(n0))
        rules.push(genRule(r, 0, p, PORTS));
    for (const p of prios(n1))
        rules.push(genRule(r, 1, p, PORTS));
    return all ? rules : rules.filter((l) => { try {
        parseFlow(l, NAMES);
        return true;
    }
    catch {
        return false;
    } });
}
/** Compares one packet; returns a message on difference. */
export async function compareOne(ovs, ft, p) {
    const theirs = await ovs.trace(p.flow);
    const ours = ft.trace(p.flow).actions;
    const a = simulate(theirs, p.start), b = simulate(ours, p.start);
    const norm = (x) => JSON.stringify(x.map((o) => `${o.port}:${JSON.stringify(o.h)}`).sort());
    if (norm(a) !== norm(b))
        return `${p.flow}\n  OVS:    ${theirs}\n  Sluice: ${ours}`;
    return null;
}
//# sourceMappingURL=ovs-diff.js.map
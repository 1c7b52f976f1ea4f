/**
 * MAC, IPv4 and IPv6 address helpers.
 *
 * Hot path: MACs are two numbers, `hi16` (first two octets) and `lo32` (last four), read with
 * `macHiAt`/`macLoAt` and written with `writeMacHiLo`; IPv4 addresses are u32 numbers; IPv6
 * addresses stay in the packet and are passed as a byte offset.
 * Control path (allocates, may throw): a MAC is also a single 48-bit integer `mac48`
 * (exact in a double), and the `parse*`/`*ToString` functions convert to and from text.
 * Parsers throw `Error` naming the bad input.
 */
import { moveBytes } from './bytes.js';
const TWO32 = 0x1_0000_0000;
/** First two octets of the MAC at `off`, as a u16. */
export function macHiAt(buf, off) {
    return (buf[off] << 8) | buf[off + 1];
}
/** Last four octets of the MAC at `off`, as a u32. */
export function macLoAt(buf, off) {
    return ((buf[off + 2] << 24) | (buf[off + 3] << 16) | (buf[off + 4] << 8) | buf[off + 5]) >>> 0;
}
/** Writes a MAC given as (hi16, lo32) at `off`. */
export function writeMacHiLo(buf, off, hi16, lo32) {
    buf[off] = hi16 >>> 8;
    buf[off + 1] = hi16;
    buf[off + 2] = lo32 >>> 24;
    buf[off + 3] = lo32 >>> 16;
    buf[off + 4] = lo32 >>> 8;
    buf[off + 5] = lo32;
}
/** Copies the 6-byte MAC at `srcOff` to `dstOff`. */
export function copyMac(dst, dstOff, src, srcOff) {
    moveBytes(dst, dstOff, src, srcOff, 6);
}
/** True when the MAC at `off` is a group (multicast or broadcast) address: I/G bit set. */
export function macIsMulticastAt(buf, off) {
    return (buf[off] & 1) !== 0;
}
/** True when the MAC at `off` is ff:ff:ff:ff:ff:ff. */
export function macIsBroadcastAt(buf, off) {
    return (buf[off] & buf[off + 1] & buf[off + 2] & buf[off + 3] & buf[off + 4] & buf[off + 5]) === 0xff;
}
/** ff:ff:ff:ff:ff:ff as a mac48. */
export const MAC_BROADCAST = 0xffff_ffff_ffff;
/** Joins (hi16, lo32) into a 48-bit integer. */
export function mac48(hi16, lo32) {
    return (hi16 & 0xffff) * TWO32 + (lo32 >>> 0);
}
/** High 16 bits of a mac48. */
export function macHi16(mac) {
    return Math.floor(mac / TWO32) & 0xffff;
}
/** Low 32 bits of a mac48. */
export function macLo32(mac) {
    return mac >>> 0; // ToUint32 is exact modulo 2^32 for integers below 2^53
}
/** Reads the MAC at `off` as a mac48. */
export function readMac(buf, off) {
    return macHiAt(buf, off) * TWO32 + macLoAt(buf, off);
}
/** Writes a mac48 at `off`. */
export function writeMac(buf, off, mac) {
    writeMacHiLo(buf, off, macHi16(mac), macLo32(mac));
}
const MAC_RE = /^([0-9a-f]{1,2})[:-]([0-9a-f]{1,2})[:-]([0-9a-f]{1,2})[:-]([0-9a-f]{1,2})[:-]([0-9a-f]{1,2})[:-]([0-9a-f]{1,2})$/i;
/** Parses "aa:bb:cc:dd:ee:ff" (or '-' separated) into a mac48. Allocates; throws on bad text. */
export function parseMac(s) {
    const m = typeof s === 'string' ? MAC_RE.exec(s.trim()) : null;
    if (m === null)
        throw new Error(`invalid MAC address ${JSON.stringify(s)}: expected six hex octets like 02:00:00:00:00:01`);
    let v = 0;
    for (let i = 1; i <= 6; i++)
        v = v * 256 + parseInt(m[i], 16);
    return v;
}
/** Formats a mac48 as lower-case "aa:bb:cc:dd:ee:ff". Allocates. */
export function macToString(mac) {
    const parts = [];
    for (let i = 5; i >= 0; i--)
        parts.push((Math.floor(mac / 2 ** (8 * i)) & 0xff).toString(16).padStart(2, '0'));
    return parts.join(':');
}
/** Parses dotted-quad IPv4 text into a u32. Leading zeros are refused (octal ambiguity). Throws. */
export function parseIpv4(s) {
    const parts = typeof s === 'string' ? s.trim().split('.') : [];
    if (parts.length !== 4)
        throw new Error(`invalid IPv4 address ${JSON.stringify(s)}: expected a.b.c.d`);
    let v = 0;
    for (const p of parts) {
        if (!/^(0|[1-9][0-9]{0,2})$/.test(p) || Number(p) > 255) {
            throw new Error(`invalid IPv4 address ${JSON.stringify(s)}: bad octet ${JSON.stringify(p)}`);
        }
        v = v * 256 + Number(p);
    }
    return v;
}
/** Formats a u32 as dotted-quad text. */
export function ipv4ToString(ip) {
    return `${(ip >>> 24) & 255}.${(ip >>> 16) & 255}.${(ip >>> 8) & 255}.${ip & 255}`;
}
/**
 * Parses IPv6 text (RFC 4291 2.2: hex groups, one `::`, optional trailing dotted IPv4)
 * into 16 bytes, written to `out` at `off` when given. Zone ids are refused. Throws.
 */
export function parseIpv6(s, out = new Uint8Array(16), off = 0) {
    const bad = (why) => {
        throw new Error(`invalid IPv6 address ${JSON.stringify(s)}: ${why}`);
    };
    if (typeof s !== 'string')
        bad('not a string');
    const text = s.trim();
    const halves = text.split('::');
    if (halves.length > 2)
        bad("more than one '::'");
    const groups = (h) => {
        if (h === '')
            return [];
        const out16 = [];
        const parts = h.split(':');
        for (let i = 0; i < parts.length; i++) {
            const p = parts[i];
            if (i === parts.length - 1 && p.includes('.')) {
                const v4 = parseIpv4(p);
                out16.push(v4 >>> 16, v4 & 0xffff);
            }
            else if (/^[0-9a-f]{1,4}$/i.test(p)) {
                out16.push(parseInt(p, 16));
            }
            else {
                bad(`bad group ${JSON.stringify(p)}`);
            }
        }
        return out16;
    };
    const head = groups(halves[0]);
    const tail = halves.length === 2 ? groups(halves[1]) : [];
    if (halves.length === 2 && head.length + tail.length > 7)
        bad("'::' must stand for at least one group");
    if (halves.length === 1 && head.length !== 8)
        bad('expected 8 groups');
    if (halves.length === 2 && halves[0].includes('.'))
        bad('dotted IPv4 must be last');
    const all = new Array(8).fill(0);
    for (let i = 0; i < head.length; i++)
        all[i] = head[i];
    for (let i = 0; i < tail.length; i++)
        all[8 - tail.length + i] = tail[i];
    for (let i = 0; i < 8; i++) {
        out[off + 2 * i] = all[i] >>> 8;
        out[off + 2 * i + 1] = all[i] & 0xff;
    }
    return out;
}
/** Formats the 16 bytes at `off` as RFC 5952 text (lower case, longest zero run as `::`). */
export function ipv6ToString(buf, off) {
    const g = [];
    for (let i = 0; i < 8; i++)
        g.push((buf[off + 2 * i] << 8) | buf[off + 2 * i + 1]);
    let bestAt = -1;
    let bestLen = 1; // RFC 5952 4.2.2: a single zero group is not shortened
    for (let i = 0; i < 8;) {
        if (g[i] !== 0) {
            i++;
            continue;
        }
        let j = i;
        while (j < 8 && g[j] === 0)
            j++;
        if (j - i > bestLen) {
            bestAt = i;
            bestLen = j - i;
        }
        i = j;
    }
    const hex = (a) => a.map((x) => x.toString(16)).join(':');
    if (bestAt < 0)
        return hex(g);
    return `${hex(g.slice(0, bestAt))}::${hex(g.slice(bestAt + bestLen))}`;
}
//# sourceMappingURL=addr.js.map
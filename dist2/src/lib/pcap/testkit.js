/**
 * Test support only (not used by the library): builders for hand-made classic pcap and pcapng
 * bytes, so tests can produce exactly the malformed inputs they need, in either byte order.
 */
/** Counting-pattern payload of n bytes, seeded so records differ. */
export function pattern(n, seed = 0) {
    const b = new Uint8Array(n);
    for (let i = 0; i < n; i++)
        b[i] = (i + seed * 7) & 0xff;
    return b;
}
/** Build a classic pcap file. */
export function buildPcap(spec = {}) {
    const le = spec.littleEndian ?? true;
    const recs = spec.records ?? [];
    const parts = [];
    const h = new Uint8Array(24);
    const hv = new DataView(h.buffer);
    hv.setUint32(0, spec.magic ?? 0xa1b2c3d4, le);
    hv.setUint16(4, spec.major ?? 2, le);
    hv.setUint16(6, spec.minor ?? 4, le);
    hv.setUint32(16, spec.snaplen ?? 65535, le);
    hv.setUint32(20, spec.linktype ?? 1, le);
    parts.push(h);
    recs.forEach((r, i) => {
        const data = r.data ?? pattern(r.incl ?? 60, i);
        const incl = r.incl ?? data.length;
        const rh = new Uint8Array(16);
        const rv = new DataView(rh.buffer);
        rv.setUint32(0, r.sec ?? 1000 + i, le);
        rv.setUint32(4, r.frac ?? i, le);
        rv.setUint32(8, incl, le);
        rv.setUint32(12, r.orig ?? incl, le);
        parts.push(rh, data);
    });
    return concat(parts);
}
/** Concatenate byte arrays. */
export function concat(parts) {
    let n = 0;
    for (const p of parts)
        n += p.length;
    const out = new Uint8Array(n);
    let o = 0;
    for (const p of parts) {
        out.set(p, o);
        o += p.length;
    }
    return out;
}
/** Build a pcapng option list (with opt_endofopt unless `noEnd`). */
export function options(opts, le = true, noEnd = false) {
    const parts = [];
    for (const o of opts) {
        const h = new Uint8Array(4 + ((o.value.length + 3) & ~3));
        const v = new DataView(h.buffer);
        v.setUint16(0, o.code, le);
        v.setUint16(2, o.value.length, le);
        h.set(o.value, 4);
        parts.push(h);
    }
    if (!noEnd && opts.length > 0)
        parts.push(new Uint8Array(4));
    return concat(parts);
}
/** Build one pcapng block: type, total length, body (padded), trailing length. */
export function block(type, body, le = true, lenOverride, trailOverride) {
    const padded = (body.length + 3) & ~3;
    const total = 12 + padded;
    const b = new Uint8Array(total);
    const v = new DataView(b.buffer);
    v.setUint32(0, type, le);
    v.setUint32(4, lenOverride ?? total, le);
    b.set(body, 8);
    v.setUint32(total - 4, trailOverride ?? lenOverride ?? total, le);
    return b;
}
/** SHB body: byte-order magic, version, section length -1, options. */
export function shbBody(le = true, major = 1, opts = new Uint8Array(0), magic = 0x1a2b3c4d) {
    const b = new Uint8Array(16 + opts.length);
    const v = new DataView(b.buffer);
    v.setUint32(0, magic, le);
    v.setUint16(4, major, le);
    v.setUint16(6, 0, le);
    v.setInt32(8, -1, le);
    v.setInt32(12, -1, le);
    b.set(opts, 16);
    return b;
}
/** IDB body: linktype, reserved, snaplen, options. */
export function idbBody(le = true, linktype = 1, snaplen = 65535, opts = new Uint8Array(0)) {
    const b = new Uint8Array(8 + opts.length);
    const v = new DataView(b.buffer);
    v.setUint16(0, linktype, le);
    v.setUint32(4, snaplen, le);
    b.set(opts, 8);
    return b;
}
/** EPB body: interface id, timestamp hi/lo, captured/original length, data (padded), options. */
export function epbBody(le, ifId, tsHi, tsLo, data, orig, opts = new Uint8Array(0), capOverride) {
    const padded = (data.length + 3) & ~3;
    const b = new Uint8Array(20 + padded + opts.length);
    const v = new DataView(b.buffer);
    v.setUint32(0, ifId, le);
    v.setUint32(4, tsHi, le);
    v.setUint32(8, tsLo, le);
    v.setUint32(12, capOverride ?? data.length, le);
    v.setUint32(16, orig ?? data.length, le);
    b.set(data, 20);
    b.set(opts, 20 + padded);
    return b;
}
/** Little/big-endian u32 as 4 bytes. */
export function u32(n, le = true) {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setUint32(0, n, le);
    return b;
}
/** u64 (< 2^53) as 8 bytes in the given byte order. */
export function u64(n, le = true) {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setBigUint64(0, BigInt(n), le);
    return b;
}
//# sourceMappingURL=testkit.js.map
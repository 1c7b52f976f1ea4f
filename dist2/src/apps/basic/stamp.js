/**
 * The test-traffic stamp the generator writes and the sink checks: 4 magic bytes and a
 * 32-bit big-endian sequence number at the start of the UDP payload (a fixed offset per
 * template, so the sink need not parse: it finds the stamp where the generator put it).
 */
export const STAMP_MAGIC = 0x534c4331; // "SLC1"
export const STAMP_LEN = 8;
export function writeStamp(buf, off, seq) {
    buf[off] = 0x53;
    buf[off + 1] = 0x4c;
    buf[off + 2] = 0x43;
    buf[off + 3] = 0x31;
    buf[off + 4] = seq >>> 24;
    buf[off + 5] = (seq >>> 16) & 0xff;
    buf[off + 6] = (seq >>> 8) & 0xff;
    buf[off + 7] = seq & 0xff;
}
/** Sequence number at `off`, or -1 if there is no stamp there. */
export function readStamp(buf, off) {
    if (buf[off] !== 0x53 || buf[off + 1] !== 0x4c || buf[off + 2] !== 0x43 || buf[off + 3] !== 0x31)
        return -1;
    return ((buf[off + 4] << 24) | (buf[off + 5] << 16) | (buf[off + 6] << 8) | buf[off + 7]) >>> 0;
}
//# sourceMappingURL=stamp.js.map
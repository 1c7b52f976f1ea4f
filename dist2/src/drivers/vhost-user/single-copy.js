import { parseLink } from '../../core/config.js';
/** The partner `out` leads straight into (its `input`), or null (control path, in linked()). */
export function patchPeer(self, out, byName) {
    if (!out || process.env.SLUICE_VHOST_SINGLE_COPY === '0')
        return null;
    const ends = parseLink(out.spec);
    const peer = byName.get(ends.to);
    return peer !== undefined && peer !== self && ends.input === 'input' ? peer : null;
}
/** Up to `max` frames from `src`'s guest TX into `dst`'s guest RX, credited to `out`. */
export function forwardOnLink(src, dst, out, max) {
    const b0 = src.io.fromGuestBytes, p0 = src.io.fromGuestPackets;
    const n = src.forwardTo(dst, max);
    if (n > 0) {
        // In wire frames: a super-frame cut on its way counts once per segment.
        const dp = src.io.fromGuestPackets - p0;
        const db = src.io.fromGuestBytes - b0;
        out.txPackets += dp;
        out.rxPackets += dp;
        out.txBytes += db;
        out.rxBytes += db;
    }
    return n;
}
//# sourceMappingURL=single-copy.js.map
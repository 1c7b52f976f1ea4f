/**
 * virtio-net offload headers with their frames, as a guest or a kernel (PACKET_VNET_HDR,
 * IFF_VNET_HDR) hands them over: 10 header bytes, one byte of alignment (frame start and
 * segment offset mod 8), two bytes choosing the largest segment the caller holds, then the
 * frame. Whatever checkVnetHdr and planGso accept is cut by writeSegment and, with
 * NEEDS_CSUM, completed by completePartialChecksum, as the ports do.
 *
 * Survives: nothing throws; a refusal is an OffloadError code. Nothing reads outside the
 * frame: each input runs twice with the bytes around the frame filled differently and must
 * plan and produce the same segments. Nothing writes outside the segment it returns (the
 * destination's other bytes keep their fill) or outside the frame (its surroundings keep
 * theirs); segments are ≤ the largest segment and their payloads add up to the frame's.
 */
import assert from 'node:assert/strict';
import { GSO_NONE, OFFLOAD_ERROR_NAMES, OffloadError, VNET_F_NEEDS_CSUM, VNET_HDR_LEN, VnetHdr, checkVnetHdr, readVnetHdr } from '../../../src/lib/offload/vnet-hdr.js';
import { GsoPlan, completePartialChecksum, planGso, writeSegment } from '../../../src/lib/offload/gso.js';
import { buildSuperFrame } from '../../../src/lib/offload/testkit.js';
const PAD = 64;
const h = new VnetHdr();
const plan = new GsoPlan();
/** One pass with the frame's surroundings filled with `fill`; returns everything it produced. */
function pass(frame, align, maxSeg, fill) {
    const start = PAD + (align & 7);
    const src = new Uint8Array((start + frame.length + PAD + 3) & ~3).fill(fill);
    src.set(frame, start);
    const src32 = new Uint32Array(src.buffer);
    const out = [];
    const e = checkVnetHdr(h, frame.length);
    out.push(e);
    if (e !== OffloadError.OK)
        return out;
    if (h.gsoType !== GSO_NONE) {
        const r = planGso(src, start, frame.length, h, maxSeg, plan);
        assert.ok(r >= 0 && r < OFFLOAD_ERROR_NAMES.length, `planGso returned ${r}`);
        out.push(r);
        if (r !== OffloadError.OK)
            return out;
        assert.ok(plan.segs >= 1 && plan.payOff + plan.payLen <= frame.length, `plan ${JSON.stringify(plan)} for ${frame.length} bytes`);
        const dOff = PAD + ((align >>> 3) & 7);
        const dst = new Uint8Array((dOff + maxSeg + PAD + 3) & ~3);
        const dst32 = new Uint32Array(dst.buffer);
        let payload = 0;
        for (let i = 0; i < plan.segs; i++) {
            dst.fill(0xa5);
            const n = writeSegment(src, src32, start, plan, i, dst, dst32, dOff);
            assert.ok(n > plan.payOff && n <= maxSeg, `segment ${i} is ${n} bytes (max ${maxSeg}, headers ${plan.payOff})`);
            for (let k = 0; k < dst.length; k++)
                if (k < dOff || k >= dOff + n)
                    assert.equal(dst[k], 0xa5, `segment ${i} wrote byte ${k - dOff} outside [0, ${n})`);
            payload += n - plan.payOff;
            for (let k = dOff; k < dOff + n; k++)
                out.push(dst[k]);
        }
        assert.equal(payload, plan.payLen, 'segment payloads add up to the frame payload');
    }
    else if ((h.flags & VNET_F_NEEDS_CSUM) !== 0) {
        completePartialChecksum(src, start, frame.length, h.csumStart, h.csumOffset);
        for (let k = 0; k < src.length; k++)
            if (k < start || k >= start + frame.length)
                assert.equal(src[k], fill, `checksum wrote byte ${k - start} outside the frame`);
        for (let k = start; k < start + frame.length; k++)
            out.push(src[k]);
    }
    return out;
}
function run(data) {
    if (data.length < VNET_HDR_LEN + 3)
        return;
    readVnetHdr(data, 0, h);
    const align = data[VNET_HDR_LEN];
    const maxSeg = 64 + ((data[VNET_HDR_LEN + 1] | (data[VNET_HDR_LEN + 2] << 8)) % 10000);
    const frame = data.subarray(VNET_HDR_LEN + 3);
    const a = pass(frame, align, maxSeg, 0x00);
    const b = pass(frame, align, maxSeg, 0xff);
    assert.deepEqual(a, b, 'the result depends on bytes outside the frame');
}
function seed(spec, align, maxSeg, vnet) {
    const { vnet: v, frame } = buildSuperFrame(spec);
    vnet?.(v);
    const out = new Uint8Array(VNET_HDR_LEN + 3 + frame.length);
    out.set(v);
    out[VNET_HDR_LEN] = align;
    out[VNET_HDR_LEN + 1] = (maxSeg - 64) & 0xff;
    out[VNET_HDR_LEN + 2] = (maxSeg - 64) >>> 8;
    out.set(frame, VNET_HDR_LEN + 3);
    return out;
}
export const target = {
    name: 'offload',
    covers: ['/src/lib/offload/', '/src/lib/proto/parse'],
    maxLen: 12000,
    seeds: () => [
        seed({ payLen: 3000, mss: 1448, tcpOptions: 12 }, 2, 1514),
        seed({ payLen: 2000, mss: 1440, v6: true }, 0, 1514),
        seed({ payLen: 2500, mss: 1000, udp: true }, 0x12, 1200),
        seed({ payLen: 1000, mss: 500, v6: true, udp: true, flags: 0x19, ecn: true }, 3, 600),
        seed({ payLen: 300, mss: 1448 }, 2, 1514, (v) => { v[1] = GSO_NONE; }), // checksum only
    ],
    run,
    expected: () => 'offload code never throws',
};
//# sourceMappingURL=offload.js.map
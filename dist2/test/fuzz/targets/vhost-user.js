/**
 * vhost-user message stream, as a frontend (QEMU, DPDK virtio-user, anything on the socket)
 * can send it: each message is one byte giving how many fds arrive with it (0-3, so fds go
 * missing and extra), the 12-byte header, then the payload. Framing is MessageReader's:
 * decodeHeader, then exactly `size` bytes; a stream that ends mid-message is a hang-up.
 * Messages go to one BackendHandler over a recording device.
 *
 * Survives: only VhostUserError escapes (the endpoint drops the connection on it), its
 * message starts with the header field or the request it refuses; every fd handed in is
 * either closed by the handler or given to the device, exactly once, even on a disconnect.
 */
import assert from 'node:assert/strict';
import { BackendHandler } from '../../../src/vhost-user/backend-handler.js';
import { HEADER_SIZE, VhostUserError, decodeHeader, encodeMemTable, encodeMessage, encodeU64, encodeVringAddr, encodeVringState, VHOST_USER_NEED_REPLY, } from '../../../src/vhost-user/message.js';
import { documented } from '../harness/target.js';
/** Records what the handler hands over; fd -1 is "no fd". */
class RecordingDevice {
    numRings = 4;
    given = [];
    getFeatures() { return (1n << 32n) | (1n << 30n) | (1n << 29n) | (1n << 28n) | (1n << 15n) | (1n << 22n); }
    getProtocolFeatures() { return (1n << 0n) | (1n << 3n) | (1n << 16n); }
    setFeatures() { }
    setProtocolFeatures() { }
    setOwner() { }
    resetOwner() { }
    setMemTable(regions, fds) {
        assert.equal(fds.length, regions.length, 'SET_MEM_TABLE: one fd per region reaches the device');
        this.given.push(...fds);
    }
    setVringNum(i) { this.ring(i); }
    setVringAddr(a) { this.ring(a.index); }
    setVringBase(i, base) { this.ring(i); assert.ok(base >= 0 && base <= 0xffff); }
    getVringBase(i) { this.ring(i); return 0; }
    setVringKick(i, fd) { this.ring(i); this.given.push(fd); }
    setVringCall(i, fd) { this.ring(i); this.given.push(fd); }
    setVringErr(i, fd) { this.ring(i); this.given.push(fd); }
    setVringEnable(i) { this.ring(i); }
    setStatus(s) { assert.ok(s >= 0 && s <= 0xff); }
    getStatus() { return 0; }
    queueNum() { return 2; }
    ring(i) { assert.ok(Number.isInteger(i) && i >= 0 && i < this.numRings, `ring index ${i} reached the device`); }
}
function run(data) {
    const dev = new RecordingDevice();
    const closed = [];
    const handler = new BackendHandler(dev, (fd) => closed.push(fd));
    const issued = [];
    const accounted = () => {
        for (const fd of issued) {
            const n = closed.filter((c) => c === fd).length + dev.given.filter((g) => g === fd).length;
            assert.equal(n, 1, `fd ${fd} was closed or kept ${n} times`);
        }
    };
    let off = 0;
    while (off + 1 + HEADER_SIZE <= data.length) {
        const nfds = data[off] & 3;
        const h = decodeHeader(data.subarray(off + 1, off + 1 + HEADER_SIZE)); // throws: the endpoint disconnects
        off += 1 + HEADER_SIZE;
        if (off + h.size > data.length)
            break; // hung up mid-payload
        const payload = data.slice(off, off + h.size);
        off += h.size;
        const fds = [];
        for (let i = 0; i < nfds; i++)
            fds.push(100 + issued.length + i);
        issued.push(...fds);
        try {
            handler.handle(h, payload, fds);
        }
        catch (e) {
            accounted();
            throw e;
        }
    }
    accounted();
}
export function msg(nfds, request, payload, flags = 0) {
    const m = encodeMessage(request, flags, payload);
    const out = new Uint8Array(1 + m.length);
    out[0] = nfds;
    out.set(m, 1);
    return out;
}
export function cat(parts) {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let o = 0;
    for (const p of parts) {
        out.set(p, o);
        o += p.length;
    }
    return out;
}
/** What QEMU sends to bring up one queue pair (plus a few queries). */
export function qemuHandshake(regionSize = 0x40000000) {
    const region = { gpa: 0, size: regionSize, frontendVa: 0x7f0000000000, mmapOffset: 0 };
    const va = 0x7f0000001000;
    return cat([
        msg(0, 1 /* FrontendReq.GET_FEATURES */),
        msg(0, 15 /* FrontendReq.GET_PROTOCOL_FEATURES */),
        msg(0, 16 /* FrontendReq.SET_PROTOCOL_FEATURES */, encodeU64((1n << 0n) | (1n << 3n))),
        msg(0, 17 /* FrontendReq.GET_QUEUE_NUM */),
        msg(0, 3 /* FrontendReq.SET_OWNER */),
        msg(0, 2 /* FrontendReq.SET_FEATURES */, encodeU64((1n << 32n) | (1n << 30n) | (1n << 15n)), VHOST_USER_NEED_REPLY),
        msg(1, 5 /* FrontendReq.SET_MEM_TABLE */, encodeMemTable([region]), VHOST_USER_NEED_REPLY),
        msg(0, 8 /* FrontendReq.SET_VRING_NUM */, encodeVringState(0, 256)),
        msg(0, 10 /* FrontendReq.SET_VRING_BASE */, encodeVringState(0, 0)),
        msg(0, 9 /* FrontendReq.SET_VRING_ADDR */, encodeVringAddr({ index: 0, flags: 0, descVa: va, availVa: va + 4096, usedVa: va + 8192 })),
        msg(1, 12 /* FrontendReq.SET_VRING_KICK */, encodeU64(0)),
        msg(1, 13 /* FrontendReq.SET_VRING_CALL */, encodeU64(0)),
        msg(0, 14 /* FrontendReq.SET_VRING_ERR */, encodeU64(0x100)),
        msg(0, 18 /* FrontendReq.SET_VRING_ENABLE */, encodeVringState(0, 1)),
        msg(0, 39 /* FrontendReq.SET_STATUS */, encodeU64(15)),
        msg(0, 40 /* FrontendReq.GET_STATUS */),
        msg(1, 21 /* FrontendReq.SET_BACKEND_REQ_FD */),
        msg(0, 19 /* FrontendReq.SEND_RARP */, new Uint8Array(8)),
        msg(0, 20 /* FrontendReq.NET_SET_MTU */, encodeU64(1500)),
        msg(0, 11 /* FrontendReq.GET_VRING_BASE */, encodeVringState(0, 0)),
        msg(0, 34 /* FrontendReq.RESET_DEVICE */),
    ]);
}
/** Headers of every request number (fd byte + header with size 0, 8 and 40) for the mutator. */
function requestHeaders() {
    const out = [];
    for (let r = 0; r <= 41; r++)
        for (const size of [0, 8, 40])
            out.push(msg(0, r, new Uint8Array(size)).subarray(0, 1 + HEADER_SIZE));
    return out;
}
export const target = {
    name: 'vhost-user',
    covers: ['/src/vhost-user/'],
    maxLen: 4096,
    dict: requestHeaders(),
    seeds: () => [
        qemuHandshake(),
        cat([msg(2, 5 /* FrontendReq.SET_MEM_TABLE */, encodeMemTable([
                { gpa: 0, size: 0xa0000, frontendVa: 0x7f0000000000, mmapOffset: 0 },
                { gpa: 0x100000, size: 0x3ff00000, frontendVa: 0x7f0000100000, mmapOffset: 0x100000 },
            ]))]),
        cat([msg(0, 16 /* FrontendReq.SET_PROTOCOL_FEATURES */, encodeU64(8n)), msg(0, 23 /* FrontendReq.SET_VRING_ENDIAN */, encodeVringState(0, 0), VHOST_USER_NEED_REPLY)]),
    ],
    run,
    expected: documented(VhostUserError, /^(header\.|cannot answer |request \d+|[A-Z_]{3,}[\w.[\]]*[: ])/),
};
//# sourceMappingURL=vhost-user.js.map
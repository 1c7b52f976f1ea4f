/**
 * vhost-user wire format (QEMU docs/interop/vhost-user.rst): request numbers, protocol
 * feature bits, header and payload codecs with one validator per payload type. Pure: no fds,
 * no sockets. Control path, so BigInt is fine here; addresses leave as exact numbers (< 2^53)
 * or the message is rejected naming the field.
 *
 * Header: request u32, flags u32 (bits 0-1 version = 1, bit 2 REPLY, bit 3 NEED_REPLY),
 * size u32 (payload bytes). All little-endian.
 */
/** Names for logs, indexed by request number. */
export const REQUEST_NAMES = {
    1: 'GET_FEATURES', 2: 'SET_FEATURES', 3: 'SET_OWNER', 4: 'RESET_OWNER', 5: 'SET_MEM_TABLE',
    6: 'SET_LOG_BASE', 7: 'SET_LOG_FD', 8: 'SET_VRING_NUM', 9: 'SET_VRING_ADDR', 10: 'SET_VRING_BASE',
    11: 'GET_VRING_BASE', 12: 'SET_VRING_KICK', 13: 'SET_VRING_CALL', 14: 'SET_VRING_ERR',
    15: 'GET_PROTOCOL_FEATURES', 16: 'SET_PROTOCOL_FEATURES', 17: 'GET_QUEUE_NUM', 18: 'SET_VRING_ENABLE',
    19: 'SEND_RARP', 20: 'NET_SET_MTU', 21: 'SET_BACKEND_REQ_FD', 22: 'IOTLB_MSG', 23: 'SET_VRING_ENDIAN',
    24: 'GET_CONFIG', 25: 'SET_CONFIG', 31: 'GET_INFLIGHT_FD', 32: 'SET_INFLIGHT_FD', 34: 'RESET_DEVICE',
    36: 'GET_MAX_MEM_SLOTS', 37: 'ADD_MEM_REG', 38: 'REM_MEM_REG', 39: 'SET_STATUS', 40: 'GET_STATUS',
};
export function requestName(r) {
    return REQUEST_NAMES[r] ?? `request ${r}`;
}
/** Protocol feature bit numbers (VHOST_USER_PROTOCOL_F_*). */
export const VHOST_USER_PROTOCOL_F_MQ = 0;
export const VHOST_USER_PROTOCOL_F_LOG_SHMFD = 1;
export const VHOST_USER_PROTOCOL_F_RARP = 2;
export const VHOST_USER_PROTOCOL_F_REPLY_ACK = 3;
export const VHOST_USER_PROTOCOL_F_NET_MTU = 4;
export const VHOST_USER_PROTOCOL_F_BACKEND_REQ = 5;
export const VHOST_USER_PROTOCOL_F_CONFIG = 9;
export const VHOST_USER_PROTOCOL_F_RESET_DEVICE = 13;
export const VHOST_USER_PROTOCOL_F_CONFIGURE_MEM_SLOTS = 15;
export const VHOST_USER_PROTOCOL_F_STATUS = 16;
export const VHOST_USER_VERSION = 1;
export const VHOST_USER_VERSION_MASK = 3;
export const VHOST_USER_REPLY = 1 << 2;
export const VHOST_USER_NEED_REPLY = 1 << 3;
export const HEADER_SIZE = 12;
/** Largest payload accepted (the biggest real one is GET_CONFIG: 12 + 256 bytes). */
export const MAX_PAYLOAD = 4096;
/** Regions per SET_MEM_TABLE (VHOST_MEMORY_BASELINE_NREGIONS). */
export const MAX_MEM_REGIONS = 8;
/** SET_VRING_KICK/CALL/ERR u64: bit 8 set means "no fd attached" (polling). */
export const VHOST_USER_VRING_NOFD_MASK = 1 << 8;
export const VHOST_USER_VRING_IDX_MASK = 0xff;
/** Control-path error with a policy kind (ARCHITECTURE T5). */
export class VhostUserError extends Error {
    kind;
    constructor(kind, message) {
        super(message);
        this.kind = kind;
        this.name = 'VhostUserError';
    }
}
/** Whether the connection should be dropped (and, in client mode, re-established). */
export function shouldDisconnect(kind) {
    return kind === 'InvalidMessage' || kind === 'PartialMessage' || kind === 'Disconnected'
        || kind === 'OversizedMsg' || kind === 'SocketBroken';
}
/** Decode and validate a 12-byte header. */
export function decodeHeader(b) {
    if (b.length < HEADER_SIZE)
        throw new VhostUserError('PartialMessage', `header: ${b.length} of ${HEADER_SIZE} bytes`);
    const dv = new DataView(b.buffer, b.byteOffset, HEADER_SIZE);
    const request = dv.getUint32(0, true);
    const flags = dv.getUint32(4, true);
    const size = dv.getUint32(8, true);
    if ((flags & VHOST_USER_VERSION_MASK) !== VHOST_USER_VERSION) {
        throw new VhostUserError('InvalidMessage', `header.flags: version ${flags & VHOST_USER_VERSION_MASK}, expected 1 (${requestName(request)})`);
    }
    if ((flags & ~(VHOST_USER_VERSION_MASK | VHOST_USER_REPLY | VHOST_USER_NEED_REPLY)) !== 0) {
        throw new VhostUserError('InvalidMessage', `header.flags: unknown bits 0x${flags.toString(16)} (${requestName(request)})`);
    }
    if (size > MAX_PAYLOAD)
        throw new VhostUserError('OversizedMsg', `header.size: ${size} > ${MAX_PAYLOAD} (${requestName(request)})`);
    return { request, flags, size };
}
/** Encode a whole message (allocates). */
export function encodeMessage(request, flags, payload = new Uint8Array(0)) {
    const out = new Uint8Array(HEADER_SIZE + payload.length);
    const dv = new DataView(out.buffer);
    dv.setUint32(0, request, true);
    dv.setUint32(4, flags | VHOST_USER_VERSION, true);
    dv.setUint32(8, payload.length, true);
    out.set(payload, HEADER_SIZE);
    return out;
}
function view(p, want, what, exact = true) {
    if (exact ? p.length !== want : p.length < want) {
        throw new VhostUserError('InvalidMessage', `${what}: payload is ${p.length} bytes, expected ${exact ? '' : 'at least '}${want}`);
    }
    return new DataView(p.buffer, p.byteOffset, p.length);
}
function exactAddr(v, field) {
    if (v >= 1n << 53n)
        throw new VhostUserError('InvalidParam', `${field}: 0x${v.toString(16)} is ≥ 2^53`);
    return Number(v);
}
/** u64 payload (features, status, queue num). */
export function decodeU64(p, what) {
    return view(p, 8, what).getBigUint64(0, true);
}
export function encodeU64(v) {
    const out = new Uint8Array(8);
    new DataView(out.buffer).setBigUint64(0, BigInt(v), true);
    return out;
}
export function decodeVringState(p, what) {
    // QEMU sends 8 bytes; accept exactly that.
    const dv = view(p, 8, what);
    return { index: dv.getUint32(0, true), num: dv.getUint32(4, true) };
}
export function encodeVringState(index, num) {
    const out = new Uint8Array(8);
    const dv = new DataView(out.buffer);
    dv.setUint32(0, index, true);
    dv.setUint32(4, num, true);
    return out;
}
export const VHOST_VRING_F_LOG = 1;
export function decodeVringAddr(p) {
    const dv = view(p, 40, 'SET_VRING_ADDR');
    return {
        index: dv.getUint32(0, true),
        flags: dv.getUint32(4, true),
        descVa: exactAddr(dv.getBigUint64(8, true), 'SET_VRING_ADDR.desc_user_addr'),
        usedVa: exactAddr(dv.getBigUint64(16, true), 'SET_VRING_ADDR.used_user_addr'),
        availVa: exactAddr(dv.getBigUint64(24, true), 'SET_VRING_ADDR.avail_user_addr'),
        logGpa: dv.getBigUint64(32, true),
    };
}
export function encodeVringAddr(a) {
    const out = new Uint8Array(40);
    const dv = new DataView(out.buffer);
    dv.setUint32(0, a.index, true);
    dv.setUint32(4, a.flags, true);
    dv.setBigUint64(8, BigInt(a.descVa), true);
    dv.setBigUint64(16, BigInt(a.usedVa), true);
    dv.setBigUint64(24, BigInt(a.availVa), true);
    dv.setBigUint64(32, a.logGpa ?? 0n, true);
    return out;
}
/**
 * struct vhost_memory { u32 nregions; u32 padding; regions[] }. Size must cover exactly
 * nregions entries (some frontends pad to 8 entries; that is accepted too).
 */
export function decodeMemTable(p) {
    const dv = view(p, 8, 'SET_MEM_TABLE', false);
    const n = dv.getUint32(0, true);
    if (n === 0 || n > MAX_MEM_REGIONS)
        throw new VhostUserError('InvalidParam', `SET_MEM_TABLE.nregions: ${n}, expected 1..${MAX_MEM_REGIONS}`);
    if (p.length !== 8 + 32 * n && p.length !== 8 + 32 * MAX_MEM_REGIONS) {
        throw new VhostUserError('InvalidMessage', `SET_MEM_TABLE: payload is ${p.length} bytes for ${n} regions (expected ${8 + 32 * n})`);
    }
    const out = [];
    for (let i = 0; i < n; i++) {
        const o = 8 + 32 * i;
        const f = `SET_MEM_TABLE.regions[${i}]`;
        const r = {
            gpa: exactAddr(dv.getBigUint64(o, true), `${f}.guest_phys_addr`),
            size: exactAddr(dv.getBigUint64(o + 8, true), `${f}.memory_size`),
            frontendVa: exactAddr(dv.getBigUint64(o + 16, true), `${f}.userspace_addr`),
            mmapOffset: exactAddr(dv.getBigUint64(o + 24, true), `${f}.mmap_offset`),
        };
        if (r.size === 0)
            throw new VhostUserError('InvalidParam', `${f}.memory_size: 0`);
        if (r.gpa + r.size > 2 ** 53 || r.frontendVa + r.size > 2 ** 53 || r.mmapOffset + r.size > 2 ** 53) {
            throw new VhostUserError('InvalidParam', `${f}: address + memory_size overflows 2^53`);
        }
        out.push(r);
    }
    return out;
}
export function encodeMemTable(regions) {
    const out = new Uint8Array(8 + 32 * regions.length);
    const dv = new DataView(out.buffer);
    dv.setUint32(0, regions.length, true);
    regions.forEach((r, i) => {
        const o = 8 + 32 * i;
        dv.setBigUint64(o, BigInt(r.gpa), true);
        dv.setBigUint64(o + 8, BigInt(r.size), true);
        dv.setBigUint64(o + 16, BigInt(r.frontendVa), true);
        dv.setBigUint64(o + 24, BigInt(r.mmapOffset), true);
    });
    return out;
}
/** SET_VRING_KICK/CALL/ERR payload: ring index and whether an fd is attached. */
export function decodeVringFd(p, what) {
    const v = decodeU64(p, what);
    if ((v & ~BigInt(VHOST_USER_VRING_IDX_MASK | VHOST_USER_VRING_NOFD_MASK)) !== 0n) {
        throw new VhostUserError('InvalidParam', `${what}: unknown bits in 0x${v.toString(16)}`);
    }
    const n = Number(v);
    return { index: n & VHOST_USER_VRING_IDX_MASK, noFd: (n & VHOST_USER_VRING_NOFD_MASK) !== 0 };
}
/**
 * How many fds a request may carry (T6): exact count, or 'vring' for KICK/CALL/ERR (0 or 1
 * depending on the NOFD bit), or 'mem' for SET_MEM_TABLE (one per region).
 */
export function fdRule(request) {
    switch (request) {
        case 5 /* FrontendReq.SET_MEM_TABLE */: return 'mem';
        case 12 /* FrontendReq.SET_VRING_KICK */:
        case 13 /* FrontendReq.SET_VRING_CALL */:
        case 14 /* FrontendReq.SET_VRING_ERR */: return 'vring';
        case 6 /* FrontendReq.SET_LOG_BASE */:
        case 7 /* FrontendReq.SET_LOG_FD */:
        case 21 /* FrontendReq.SET_BACKEND_REQ_FD */:
        case 32 /* FrontendReq.SET_INFLIGHT_FD */:
        case 37 /* FrontendReq.ADD_MEM_REG */: return 1;
        default: return 0;
    }
}
/** Check the fd count of a decoded message against its request; throws IncorrectFds. */
export function checkFds(request, payload, nfds) {
    const rule = fdRule(request);
    let want;
    if (rule === 'mem') {
        want = payload.length >= 4 ? new DataView(payload.buffer, payload.byteOffset, 4).getUint32(0, true) : 0;
    }
    else if (rule === 'vring') {
        want = payload.length === 8 && (payload[1] & 1) !== 0 ? 0 : 1;
    }
    else {
        want = rule;
    }
    if (nfds !== want)
        throw new VhostUserError('IncorrectFds', `${requestName(request)}: ${nfds} fds attached, expected ${want}`);
}
//# sourceMappingURL=message.js.map
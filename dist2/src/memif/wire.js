/**
 * memif wire format (version 2.0), as spoken by DPDK net_memif (drivers/net/memif/memif.h)
 * and VPP libmemif (extras/libmemif/src/memif.h). Pure: no fds, no sockets.
 *
 * Control messages are exactly 128 bytes on a SOCK_SEQPACKET unix socket: a u16 type at
 * offset 0, then one packed payload at offset 2 (all little-endian):
 *
 *   HELLO      (server→client) name[32] @2, min_version u16 @34, max_version u16 @36,
 *              max_region u16 @38, max_s2c_ring u16 @40, max_c2s_ring u16 @42,
 *              max_log2_ring_size u8 @44          (ring maxima are "count - 1")
 *   INIT       (client→server) version u16 @2, id u32 @4, mode u8 @8, secret[24] @9, name[32] @33
 *   ADD_REGION (client→server) index u16 @2, size u64 @4           + 1 fd (memfd)
 *   ADD_RING   (client→server) flags u16 @2 (1 = C2S), index u16 @4, region u16 @6,
 *              offset u32 @8, log2_ring_size u8 @12, private_hdr_size u16 @13  + 1 fd (eventfd)
 *   CONNECT    (client→server) if_name[32] @2
 *   CONNECTED  (server→client) if_name[32] @2
 *   DISCONNECT (either)        code u32 @2, string[96] @6
 *   ACK        (server→client) no payload; answers INIT, ADD_REGION and ADD_RING
 *
 * Ring (in a region, at the ADD_RING offset): cookie u32 @0 (0x3E31F20), flags u16 @4
 * (bit 0 MASK_INT: "don't interrupt me", set by the ring's consumer), head u16 @6,
 * tail u16 @64, descriptors @128. Descriptor (16 bytes): flags u16 @0 (bit 0 NEXT),
 * region u16 @2, length u32 @4, offset u32 @8, metadata u32 @12.
 *
 * Role names: the spec's master/slave are DPDK's server/client. The client (slave) creates
 * the regions, rings and eventfds and sends them; the server (master) maps them.
 * C2S (= S2M) rings carry client→server packets, S2C (= M2S) server→client.
 */
export const MSG_SIZE = 128;
export const MEMIF_VERSION_MAJOR = 2;
export const MEMIF_VERSION_MINOR = 0;
export const MEMIF_VERSION = (MEMIF_VERSION_MAJOR << 8) | MEMIF_VERSION_MINOR;
export const MEMIF_COOKIE = 0x3e31f20;
export const NAME_SZ = 32;
export const SECRET_SZ = 24;
export const DISC_STRING_SZ = 96;
/** Largest ring DPDK (ETH_MEMIF_MAX_LOG2_RING_SIZE) and Sluice accept: 2^14 slots. */
export const MAX_LOG2_RING_SIZE = 14;
export const MAX_REGIONS = 256;
export const RING_HEADER_SIZE = 128;
export const DESC_SIZE = 16;
/** Message types (memif_msg_type_t). */
export const MsgType = {
    NONE: 0, ACK: 1, HELLO: 2, INIT: 3, ADD_REGION: 4, ADD_RING: 5, CONNECT: 6, CONNECTED: 7, DISCONNECT: 8,
};
const TYPE_NAMES = ['NONE', 'ACK', 'HELLO', 'INIT', 'ADD_REGION', 'ADD_RING', 'CONNECT', 'CONNECTED', 'DISCONNECT'];
/** Name of a message type number, for logs. */
export function msgTypeName(t) { return TYPE_NAMES[t] ?? `type ${t}`; }
export const RING_FLAG_MASK_INT = 1;
export const DESC_FLAG_NEXT = 1;
export const ADD_RING_FLAG_C2S = 1;
export const INTERFACE_MODE_ETHERNET = 0;
/** Byte offsets inside a ring (memif_ring_t: cache lines 0, 1, 2). */
export const RING_COOKIE = 0, RING_FLAGS = 4, RING_HEAD = 6, RING_TAIL = 64, RING_DESC = 128;
/** Byte offsets inside a descriptor (memif_desc_t). */
export const DESC_FLAGS = 0, DESC_REGION = 2, DESC_LENGTH = 4, DESC_OFFSET = 8, DESC_METADATA = 12;
/** A control-path protocol error; `message` is the logged reason (also sent in DISCONNECT). */
export class MemifError extends Error {
    kind;
    constructor(kind, message) {
        super(message);
        this.kind = kind;
        this.name = 'MemifError';
    }
}
/** Whether a connection that failed with this kind is worth retrying (client role). */
export function shouldReconnect(kind) {
    return kind !== 'Refused';
}
const enc = new TextEncoder();
const dec = new TextDecoder('utf-8', { fatal: false });
function putStr(b, off, max, s) {
    const bytes = enc.encode(s);
    // strlcpy semantics: at most max-1 bytes, NUL-terminated (the buffer is zeroed)
    b.set(bytes.subarray(0, max - 1), off);
}
function getStr(b, off, max) {
    let end = off;
    while (end < off + max && b[end] !== 0)
        end++;
    return dec.decode(b.subarray(off, end)).replace(/[^\x20-\x7e]/g, '?');
}
/** Encode a message into a fresh 128-byte buffer (control path: allocates). */
export function encodeMsg(m) {
    const b = new Uint8Array(MSG_SIZE);
    const v = new DataView(b.buffer);
    switch (m.type) {
        case 'ack':
            v.setUint16(0, MsgType.ACK, true);
            break;
        case 'hello':
            v.setUint16(0, MsgType.HELLO, true);
            putStr(b, 2, NAME_SZ, m.name);
            v.setUint16(34, m.minVersion, true);
            v.setUint16(36, m.maxVersion, true);
            v.setUint16(38, m.maxRegion, true);
            v.setUint16(40, m.maxS2cRing, true);
            v.setUint16(42, m.maxC2sRing, true);
            v.setUint8(44, m.maxLog2RingSize);
            break;
        case 'init': {
            v.setUint16(0, MsgType.INIT, true);
            v.setUint16(2, m.version, true);
            v.setUint32(4, m.id >>> 0, true);
            v.setUint8(8, m.mode);
            const s = enc.encode(m.secret);
            if (s.length > SECRET_SZ)
                throw new RangeError(`memif secret is ${s.length} bytes, the limit is ${SECRET_SZ}`);
            b.set(s, 9);
            putStr(b, 33, NAME_SZ, m.name);
            break;
        }
        case 'add-region':
            v.setUint16(0, MsgType.ADD_REGION, true);
            v.setUint16(2, m.index, true);
            v.setUint32(4, m.size % 2 ** 32, true);
            v.setUint32(8, Math.floor(m.size / 2 ** 32), true);
            break;
        case 'add-ring':
            v.setUint16(0, MsgType.ADD_RING, true);
            v.setUint16(2, m.flags, true);
            v.setUint16(4, m.index, true);
            v.setUint16(6, m.region, true);
            v.setUint32(8, m.offset >>> 0, true);
            v.setUint8(12, m.log2RingSize);
            v.setUint16(13, m.privateHdrSize, true);
            break;
        case 'connect':
            v.setUint16(0, MsgType.CONNECT, true);
            putStr(b, 2, NAME_SZ, m.ifName);
            break;
        case 'connected':
            v.setUint16(0, MsgType.CONNECTED, true);
            putStr(b, 2, NAME_SZ, m.ifName);
            break;
        case 'disconnect':
            v.setUint16(0, MsgType.DISCONNECT, true);
            v.setUint32(2, m.code >>> 0, true);
            putStr(b, 6, DISC_STRING_SZ, m.reason);
            break;
    }
    return b;
}
/**
 * Decode one received message of `len` bytes. Throws MemifError('InvalidMessage') naming
 * the field for a wrong size, an unknown type or an out-of-range field. Semantic checks
 * that need connection state (ring index < queues, region index order) are in control.ts.
 */
export function decodeMsg(b, len) {
    if (len !== MSG_SIZE)
        throw new MemifError('InvalidMessage', `message is ${len} bytes, expected ${MSG_SIZE}`);
    const v = new DataView(b.buffer, b.byteOffset, MSG_SIZE);
    const t = v.getUint16(0, true);
    switch (t) {
        case MsgType.ACK: return { type: 'ack' };
        case MsgType.HELLO: {
            const m = {
                type: 'hello', name: getStr(b, 2, NAME_SZ), minVersion: v.getUint16(34, true), maxVersion: v.getUint16(36, true),
                maxRegion: v.getUint16(38, true), maxS2cRing: v.getUint16(40, true), maxC2sRing: v.getUint16(42, true),
                maxLog2RingSize: v.getUint8(44),
            };
            if (m.minVersion > m.maxVersion)
                throw new MemifError('InvalidMessage', `HELLO min_version 0x${m.minVersion.toString(16)} > max_version 0x${m.maxVersion.toString(16)}`);
            if (m.maxLog2RingSize === 0)
                throw new MemifError('InvalidMessage', 'HELLO max_log2_ring_size is 0');
            return m;
        }
        case MsgType.INIT: {
            // The secret is compared as a C string of at most 24 bytes (DPDK strncmp).
            let end = 9;
            while (end < 9 + SECRET_SZ && b[end] !== 0)
                end++;
            return {
                type: 'init', version: v.getUint16(2, true), id: v.getUint32(4, true), mode: v.getUint8(8),
                secret: Buffer.from(b.subarray(9, end)).toString('latin1'), name: getStr(b, 33, NAME_SZ),
            };
        }
        case MsgType.ADD_REGION: {
            const lo = v.getUint32(4, true), hi = v.getUint32(8, true);
            // H4/T7: a region larger than 2^40 bytes is nonsense; this also keeps the size exact.
            if (hi >= 256)
                throw new MemifError('InvalidMessage', `ADD_REGION size 0x${hi.toString(16)}${lo.toString(16).padStart(8, '0')} too large`);
            const size = hi * 2 ** 32 + lo;
            if (size === 0)
                throw new MemifError('InvalidMessage', 'ADD_REGION size is 0');
            return { type: 'add-region', index: v.getUint16(2, true), size };
        }
        case MsgType.ADD_RING: {
            const m = {
                type: 'add-ring', flags: v.getUint16(2, true), index: v.getUint16(4, true), region: v.getUint16(6, true),
                offset: v.getUint32(8, true), log2RingSize: v.getUint8(12), privateHdrSize: v.getUint16(13, true),
            };
            if ((m.flags & ~ADD_RING_FLAG_C2S) !== 0)
                throw new MemifError('InvalidMessage', `ADD_RING unknown flags 0x${m.flags.toString(16)}`);
            if (m.log2RingSize > MAX_LOG2_RING_SIZE)
                throw new MemifError('InvalidMessage', `ADD_RING log2_ring_size ${m.log2RingSize} > ${MAX_LOG2_RING_SIZE}`);
            if (m.privateHdrSize !== 0)
                throw new MemifError('InvalidMessage', `ADD_RING private_hdr_size ${m.privateHdrSize} is not supported`);
            return m;
        }
        case MsgType.CONNECT: return { type: 'connect', ifName: getStr(b, 2, NAME_SZ) };
        case MsgType.CONNECTED: return { type: 'connected', ifName: getStr(b, 2, NAME_SZ) };
        case MsgType.DISCONNECT: return { type: 'disconnect', code: v.getUint32(2, true), reason: getStr(b, 6, DISC_STRING_SZ) };
        default: throw new MemifError('InvalidMessage', `unknown message type ${t}`);
    }
}
/** Bytes one ring of 2^log2 descriptors occupies (header + descriptors). */
export function ringBytes(log2RingSize) {
    return RING_HEADER_SIZE + DESC_SIZE * (1 << log2RingSize);
}
//# sourceMappingURL=wire.js.map
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
export declare const MSG_SIZE = 128;
export declare const MEMIF_VERSION_MAJOR = 2;
export declare const MEMIF_VERSION_MINOR = 0;
export declare const MEMIF_VERSION: number;
export declare const MEMIF_COOKIE = 65216288;
export declare const NAME_SZ = 32;
export declare const SECRET_SZ = 24;
export declare const DISC_STRING_SZ = 96;
/** Largest ring DPDK (ETH_MEMIF_MAX_LOG2_RING_SIZE) and Sluice accept: 2^14 slots. */
export declare const MAX_LOG2_RING_SIZE = 14;
export declare const MAX_REGIONS = 256;
export declare const RING_HEADER_SIZE = 128;
export declare const DESC_SIZE = 16;
/** Message types (memif_msg_type_t). */
export declare const MsgType: {
    readonly NONE: 0;
    readonly ACK: 1;
    readonly HELLO: 2;
    readonly INIT: 3;
    readonly ADD_REGION: 4;
    readonly ADD_RING: 5;
    readonly CONNECT: 6;
    readonly CONNECTED: 7;
    readonly DISCONNECT: 8;
};
export type MsgType = (typeof MsgType)[keyof typeof MsgType];
/** Name of a message type number, for logs. */
export declare function msgTypeName(t: number): string;
export declare const RING_FLAG_MASK_INT = 1;
export declare const DESC_FLAG_NEXT = 1;
export declare const ADD_RING_FLAG_C2S = 1;
export declare const INTERFACE_MODE_ETHERNET = 0;
/** Byte offsets inside a ring (memif_ring_t: cache lines 0, 1, 2). */
export declare const RING_COOKIE = 0, RING_FLAGS = 4, RING_HEAD = 6, RING_TAIL = 64, RING_DESC = 128;
/** Byte offsets inside a descriptor (memif_desc_t). */
export declare const DESC_FLAGS = 0, DESC_REGION = 2, DESC_LENGTH = 4, DESC_OFFSET = 8, DESC_METADATA = 12;
export interface Hello {
    type: 'hello';
    name: string;
    minVersion: number;
    maxVersion: number;
    maxRegion: number;
    maxS2cRing: number;
    maxC2sRing: number;
    maxLog2RingSize: number;
}
export interface Init {
    type: 'init';
    version: number;
    id: number;
    mode: number;
    secret: string;
    name: string;
}
export interface AddRegion {
    type: 'add-region';
    index: number;
    size: number;
}
export interface AddRing {
    type: 'add-ring';
    flags: number;
    index: number;
    region: number;
    offset: number;
    log2RingSize: number;
    privateHdrSize: number;
}
export interface Connect {
    type: 'connect';
    ifName: string;
}
export interface Connected {
    type: 'connected';
    ifName: string;
}
export interface Disconnect {
    type: 'disconnect';
    code: number;
    reason: string;
}
export interface Ack {
    type: 'ack';
}
export type Msg = Hello | Init | AddRegion | AddRing | Connect | Connected | Disconnect | Ack;
export type MemifErrorKind = 'InvalidMessage' | 'UnexpectedMessage' | 'IncorrectFds' | 'Refused' | 'BadRegion' | 'BadRing' | 'PeerDisconnect' | 'Disconnected';
/** A control-path protocol error; `message` is the logged reason (also sent in DISCONNECT). */
export declare class MemifError extends Error {
    readonly kind: MemifErrorKind;
    constructor(kind: MemifErrorKind, message: string);
}
/** Whether a connection that failed with this kind is worth retrying (client role). */
export declare function shouldReconnect(kind: MemifErrorKind): boolean;
/** Encode a message into a fresh 128-byte buffer (control path: allocates). */
export declare function encodeMsg(m: Msg): Uint8Array;
/**
 * Decode one received message of `len` bytes. Throws MemifError('InvalidMessage') naming
 * the field for a wrong size, an unknown type or an out-of-range field. Semantic checks
 * that need connection state (ring index < queues, region index order) are in control.ts.
 */
export declare function decodeMsg(b: Uint8Array, len: number): Msg;
/** Bytes one ring of 2^log2 descriptors occupies (header + descriptors). */
export declare function ringBytes(log2RingSize: number): number;

/**
 * vhost-user wire format (QEMU docs/interop/vhost-user.rst): request numbers, protocol
 * feature bits, header and payload codecs with one validator per payload type. Pure: no fds,
 * no sockets. Control path, so BigInt is fine here; addresses leave as exact numbers (< 2^53)
 * or the message is rejected naming the field.
 *
 * Header: request u32, flags u32 (bits 0-1 version = 1, bit 2 REPLY, bit 3 NEED_REPLY),
 * size u32 (payload bytes). All little-endian.
 */
/** Requests sent by the frontend (QEMU, DPDK virtio-user, Sluice virtio-user). */
export declare const enum FrontendReq {
    GET_FEATURES = 1,
    SET_FEATURES = 2,
    SET_OWNER = 3,
    RESET_OWNER = 4,
    SET_MEM_TABLE = 5,
    SET_LOG_BASE = 6,
    SET_LOG_FD = 7,
    SET_VRING_NUM = 8,
    SET_VRING_ADDR = 9,
    SET_VRING_BASE = 10,
    GET_VRING_BASE = 11,
    SET_VRING_KICK = 12,
    SET_VRING_CALL = 13,
    SET_VRING_ERR = 14,
    GET_PROTOCOL_FEATURES = 15,
    SET_PROTOCOL_FEATURES = 16,
    GET_QUEUE_NUM = 17,
    SET_VRING_ENABLE = 18,
    SEND_RARP = 19,
    NET_SET_MTU = 20,
    SET_BACKEND_REQ_FD = 21,
    IOTLB_MSG = 22,
    SET_VRING_ENDIAN = 23,
    GET_CONFIG = 24,
    SET_CONFIG = 25,
    GET_INFLIGHT_FD = 31,
    SET_INFLIGHT_FD = 32,
    RESET_DEVICE = 34,
    GET_MAX_MEM_SLOTS = 36,
    ADD_MEM_REG = 37,
    REM_MEM_REG = 38,
    SET_STATUS = 39,
    GET_STATUS = 40
}
/** Names for logs, indexed by request number. */
export declare const REQUEST_NAMES: Record<number, string>;
export declare function requestName(r: number): string;
/** Protocol feature bit numbers (VHOST_USER_PROTOCOL_F_*). */
export declare const VHOST_USER_PROTOCOL_F_MQ = 0;
export declare const VHOST_USER_PROTOCOL_F_LOG_SHMFD = 1;
export declare const VHOST_USER_PROTOCOL_F_RARP = 2;
export declare const VHOST_USER_PROTOCOL_F_REPLY_ACK = 3;
export declare const VHOST_USER_PROTOCOL_F_NET_MTU = 4;
export declare const VHOST_USER_PROTOCOL_F_BACKEND_REQ = 5;
export declare const VHOST_USER_PROTOCOL_F_CONFIG = 9;
export declare const VHOST_USER_PROTOCOL_F_RESET_DEVICE = 13;
export declare const VHOST_USER_PROTOCOL_F_CONFIGURE_MEM_SLOTS = 15;
export declare const VHOST_USER_PROTOCOL_F_STATUS = 16;
export declare const VHOST_USER_VERSION = 1;
export declare const VHOST_USER_VERSION_MASK = 3;
export declare const VHOST_USER_REPLY: number;
export declare const VHOST_USER_NEED_REPLY: number;
export declare const HEADER_SIZE = 12;
/** Largest payload accepted (the biggest real one is GET_CONFIG: 12 + 256 bytes). */
export declare const MAX_PAYLOAD = 4096;
/** Regions per SET_MEM_TABLE (VHOST_MEMORY_BASELINE_NREGIONS). */
export declare const MAX_MEM_REGIONS = 8;
/** SET_VRING_KICK/CALL/ERR u64: bit 8 set means "no fd attached" (polling). */
export declare const VHOST_USER_VRING_NOFD_MASK: number;
export declare const VHOST_USER_VRING_IDX_MASK = 255;
export type VhostUserErrorKind = 'InvalidMessage' | 'PartialMessage' | 'Disconnected' | 'IncorrectFds' | 'OversizedMsg' | 'InactiveFeature' | 'InvalidParam' | 'InvalidState' | 'SocketBroken' | 'Unsupported';
/** Control-path error with a policy kind (ARCHITECTURE T5). */
export declare class VhostUserError extends Error {
    readonly kind: VhostUserErrorKind;
    constructor(kind: VhostUserErrorKind, message: string);
}
/** Whether the connection should be dropped (and, in client mode, re-established). */
export declare function shouldDisconnect(kind: VhostUserErrorKind): boolean;
export interface Header {
    request: number;
    flags: number;
    size: number;
}
/** Decode and validate a 12-byte header. */
export declare function decodeHeader(b: Uint8Array): Header;
/** Encode a whole message (allocates). */
export declare function encodeMessage(request: number, flags: number, payload?: Uint8Array): Uint8Array;
/** u64 payload (features, status, queue num). */
export declare function decodeU64(p: Uint8Array, what: string): bigint;
export declare function encodeU64(v: bigint | number): Uint8Array;
/** struct vhost_vring_state { u32 index; u32 num; }. */
export interface VringState {
    index: number;
    num: number;
}
export declare function decodeVringState(p: Uint8Array, what: string): VringState;
export declare function encodeVringState(index: number, num: number): Uint8Array;
/** struct vhost_vring_addr: addresses are frontend virtual addresses. */
export interface VringAddr {
    index: number;
    flags: number;
    descVa: number;
    usedVa: number;
    availVa: number;
    logGpa: bigint;
}
export declare const VHOST_VRING_F_LOG = 1;
export declare function decodeVringAddr(p: Uint8Array): VringAddr;
export declare function encodeVringAddr(a: Omit<VringAddr, 'logGpa'> & {
    logGpa?: bigint;
}): Uint8Array;
/** One struct vhost_memory_region. */
export interface MemRegion {
    gpa: number;
    size: number;
    frontendVa: number;
    mmapOffset: number;
}
/**
 * struct vhost_memory { u32 nregions; u32 padding; regions[] }. Size must cover exactly
 * nregions entries (some frontends pad to 8 entries; that is accepted too).
 */
export declare function decodeMemTable(p: Uint8Array): MemRegion[];
export declare function encodeMemTable(regions: readonly MemRegion[]): Uint8Array;
/** SET_VRING_KICK/CALL/ERR payload: ring index and whether an fd is attached. */
export declare function decodeVringFd(p: Uint8Array, what: string): {
    index: number;
    noFd: boolean;
};
/**
 * How many fds a request may carry (T6): exact count, or 'vring' for KICK/CALL/ERR (0 or 1
 * depending on the NOFD bit), or 'mem' for SET_MEM_TABLE (one per region).
 */
export declare function fdRule(request: number): number | 'vring' | 'mem';
/** Check the fd count of a decoded message against its request; throws IncorrectFds. */
export declare function checkFds(request: number, payload: Uint8Array, nfds: number): void;

import { type MappedRegion } from './memory.js';
/** Fanout modes (PACKET_FANOUT_*). */
export declare const FANOUT_MODES: {
    readonly hash: 0;
    readonly lb: 1;
    readonly cpu: 2;
    readonly rollover: 3;
    readonly rnd: 4;
    readonly qm: 5;
};
export type FanoutMode = keyof typeof FANOUT_MODES;
export declare const BLOCK_STATUS = 8, BLOCK_NUM_PKTS = 12, BLOCK_FIRST_PKT = 16, BLOCK_LEN = 20;
export declare const TP_NEXT_OFFSET = 0, TP_SEC = 4, TP_NSEC = 8, TP_SNAPLEN = 12, TP_LEN = 16, TP_STATUS = 20, TP_MAC = 24, TP_NET = 26;
export declare const TP_VLAN_TCI = 32, TP_VLAN_TPID = 36;
/** TPACKET_ALIGN(sizeof(struct tpacket3_hdr)): where TX frame data starts. */
export declare const TPACKET3_HDRLEN = 48;
export declare const TP_STATUS_KERNEL = 0, TP_STATUS_USER = 1, TP_STATUS_COPY = 2, TP_STATUS_LOSING = 4, TP_STATUS_CSUMNOTREADY = 8;
export declare const TP_STATUS_VLAN_VALID = 16, TP_STATUS_VLAN_TPID_VALID = 64;
export declare const TP_STATUS_AVAILABLE = 0, TP_STATUS_SEND_REQUEST = 1, TP_STATUS_SENDING = 2, TP_STATUS_WRONG_FORMAT = 4;
export interface PacketSocketOptions {
    /** Interface name (for messages). */
    ifname: string;
    /** Interface index to bind to. */
    ifindex: number;
    /** RX block size (multiple of 4096, power of two). */
    rxBlockSize: number;
    rxBlockCount: number;
    /** Block retire timeout in ms (how long a partly filled block waits). */
    retireMs: number;
    txFrameSize: number;
    txFrameCount: number;
    /** Put the interface in promiscuous mode while the socket lives (refcounted by the kernel). */
    promisc: boolean;
    /** Join fanout group `fanoutGroup` (0..65535) with `fanoutMode`. */
    fanoutGroup?: number;
    fanoutMode?: FanoutMode;
    /** Transmit without the qdisc layer (faster; no traffic shaping). */
    qdiscBypass?: boolean;
    /**
     * PACKET_VNET_HDR: every RX frame is preceded by a virtio-net header (GSO super-frames and
     * partial checksums arrive whole, described) and every TX frame must start with one.
     */
    vnetHdr?: boolean;
}
/** An open, bound, mapped packet socket. */
export declare class PacketSocket {
    readonly fd: number;
    readonly ifindex: number;
    readonly mapping: MappedRegion;
    readonly rxBlockSize: number;
    readonly rxBlockCount: number;
    /** Byte offset of the TX ring in the mapping. */
    readonly txOff: number;
    readonly txFrameSize: number;
    readonly txFrameCount: number;
    constructor(fd: number, ifindex: number, mapping: MappedRegion, rxBlockSize: number, rxBlockCount: number, 
    /** Byte offset of the TX ring in the mapping. */
    txOff: number, txFrameSize: number, txFrameCount: number);
    close(): void;
}
/** Open an AF_PACKET socket on `opts.ifindex` with TPACKET_V3 RX and TX rings. */
export declare function openPacketSocket(opts: PacketSocketOptions): PacketSocket;
/** Ask the kernel to send every TX frame marked SEND_REQUEST; bytes queued, or -errno. */
export declare function kickTx(fd: number): number;
/** Kernel counters since the previous call (reading resets them): packets seen, dropped (ring full), queue freezes. */
export declare function readStats(fd: number): {
    packets: number;
    drops: number;
    freezes: number;
};

export interface SuperFrameSpec {
    v6?: boolean;
    udp?: boolean;
    payLen: number;
    mss: number;
    /** TCP flags (default ACK|PSH). */
    flags?: number;
    seq?: number;
    ipId?: number;
    /** TCP options bytes (a multiple of 4), e.g. timestamps. */
    tcpOptions?: number;
    ecn?: boolean;
    dstMac?: [number, number];
    srcMac?: [number, number];
    src4?: number;
    dst4?: number;
    seed?: number;
}
/** `{ vnet, frame }`: the 10-byte header and the frame, payload filled from `seed`. */
export declare function buildSuperFrame(s: SuperFrameSpec): {
    vnet: Uint8Array;
    frame: Uint8Array;
};

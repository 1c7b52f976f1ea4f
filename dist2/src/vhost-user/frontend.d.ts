import { FrontendReq } from './message.js';
export declare class Frontend {
    readonly fd: number;
    private readonly reader;
    private pending;
    private chain;
    private closed;
    /** Called once when the backend hangs up or breaks framing. */
    onClose: (reason: string) => void;
    constructor(fd: number);
    private onReadable;
    private fail;
    /** Send one request; await its reply when `expectReply` (or when asking for REPLY_ACK). */
    request(request: number, payload?: Uint8Array, fds?: readonly number[], opts?: {
        reply?: boolean;
        ack?: boolean;
    }): Promise<Uint8Array | null>;
    /** A request with a u64 reply (GET_FEATURES, GET_PROTOCOL_FEATURES, GET_QUEUE_NUM...). */
    getU64(request: FrontendReq): Promise<bigint>;
    /** A request with a u64 argument. */
    setU64(request: FrontendReq, v: bigint | number, ack?: boolean): Promise<void>;
    get isClosed(): boolean;
    /** Stop watching and close the socket. */
    close(): void;
}

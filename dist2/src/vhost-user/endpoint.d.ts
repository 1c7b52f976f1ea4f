import { type Header } from './message.js';
export type ReadResult = 'message' | 'again' | 'closed';
export declare class MessageReader {
    private readonly hdrBuf;
    private hdrGot;
    private payloadGot;
    header: Header;
    payload: Uint8Array;
    fds: number[];
    private inPayload;
    /** Drop a partially read message (closing its fds). */
    reset(): void;
    read(fd: number): ReadResult;
    /** Take the fds of the message just returned (caller owns them). */
    takeFds(): number[];
}
/** Send one encoded message with optional fds; throws VhostUserError('SocketBroken') on failure. */
export declare function sendMessage(fd: number, bytes: Uint8Array, fds?: readonly number[]): void;

/**
 * vhost-user message framing over a non-blocking unix stream socket (control path).
 *
 * `MessageReader.read(fd)` pulls at most one message per call through a small state machine
 * (header, then exactly `size` payload bytes), collecting the fds that arrive with any part
 * of it. It returns 'message' (then `header`, `payload`, `fds` hold it and the caller owns
 * the fds), 'again' (nothing more to read now) or 'closed' (peer hung up). A bad header throws
 * VhostUserError after closing the fds received so far. `sendMessage` writes a whole message;
 * a short write on a control socket is treated as a broken connection.
 */
import { recvMsg, sendMsg, closeFd, SysError } from '../sys/index.js';
import { HEADER_SIZE, VhostUserError, decodeHeader } from './message.js';
export class MessageReader {
    hdrBuf = new Uint8Array(HEADER_SIZE);
    hdrGot = 0;
    payloadGot = 0;
    header = { request: 0, flags: 0, size: 0 };
    payload = new Uint8Array(0);
    fds = [];
    inPayload = false;
    /** Drop a partially read message (closing its fds). */
    reset() {
        for (const fd of this.fds)
            closeFd(fd);
        this.fds = [];
        this.hdrGot = 0;
        this.payloadGot = 0;
        this.inPayload = false;
    }
    read(fd) {
        for (;;) {
            const target = this.inPayload ? this.payload.subarray(this.payloadGot) : this.hdrBuf.subarray(this.hdrGot);
            if (target.length > 0) {
                let r;
                try {
                    r = recvMsg(fd, target);
                }
                catch (e) {
                    this.reset();
                    if (e instanceof SysError)
                        throw new VhostUserError('SocketBroken', e.message);
                    throw e;
                }
                for (const f of r.fds)
                    this.fds.push(f);
                if (r.fdsTruncated) {
                    this.reset();
                    throw new VhostUserError('IncorrectFds', 'too many fds attached (truncated by the kernel)');
                }
                if (r.bytes < 0)
                    return 'again';
                if (r.bytes === 0) {
                    this.reset();
                    return 'closed';
                }
                if (this.inPayload)
                    this.payloadGot += r.bytes;
                else
                    this.hdrGot += r.bytes;
            }
            if (!this.inPayload) {
                if (this.hdrGot < HEADER_SIZE)
                    continue;
                try {
                    this.header = decodeHeader(this.hdrBuf);
                }
                catch (e) {
                    this.reset();
                    throw e;
                }
                this.payload = new Uint8Array(this.header.size);
                this.payloadGot = 0;
                this.inPayload = true;
            }
            if (this.payloadGot < this.payload.length)
                continue;
            // Complete: hand over; the caller owns fds now.
            this.hdrGot = 0;
            this.inPayload = false;
            return 'message';
        }
    }
    /** Take the fds of the message just returned (caller owns them). */
    takeFds() {
        const f = this.fds;
        this.fds = [];
        return f;
    }
}
/** Send one encoded message with optional fds; throws VhostUserError('SocketBroken') on failure. */
export function sendMessage(fd, bytes, fds = []) {
    let n;
    try {
        n = sendMsg(fd, bytes, fds);
    }
    catch (e) {
        throw new VhostUserError('SocketBroken', e.message);
    }
    if (n !== bytes.length)
        throw new VhostUserError('SocketBroken', `short write ${n} of ${bytes.length} bytes`);
}
//# sourceMappingURL=endpoint.js.map
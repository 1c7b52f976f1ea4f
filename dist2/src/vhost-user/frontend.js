/**
 * vhost-user frontend (the driver side that Sluice's virtio-user port uses): sends requests on
 * a connected non-blocking socket and awaits replies through the control-thread Poller, so a
 * backend in the same process (tests) or another process can answer.
 *
 * Contract: one request in flight at a time (calls are queued). `request()` resolves with the
 * reply payload when the request has a reply (or REPLY_ACK was asked for), else with null once
 * sent. A reply with a different request number, a missing reply (peer hung up) or a
 * REPLY_ACK failure rejects with VhostUserError. fds passed in are not closed (the caller
 * still owns its copies; the kernel duplicated them).
 */
import { poller, closeFd } from '../sys/index.js';
import { MessageReader, sendMessage } from './endpoint.js';
import { VHOST_USER_NEED_REPLY, VHOST_USER_REPLY, VhostUserError, decodeU64, encodeMessage, encodeU64, requestName, } from './message.js';
export class Frontend {
    fd;
    reader = new MessageReader();
    pending = null;
    chain = Promise.resolve();
    closed = false;
    /** Called once when the backend hangs up or breaks framing. */
    onClose = () => { };
    constructor(fd) {
        this.fd = fd;
        poller().add(fd, () => this.onReadable());
    }
    onReadable() {
        for (;;) {
            let r;
            try {
                r = this.reader.read(this.fd);
            }
            catch (e) {
                this.fail(e.message);
                return;
            }
            if (r === 'again')
                return;
            if (r === 'closed') {
                this.fail('backend closed the connection');
                return;
            }
            for (const fd of this.reader.takeFds())
                closeFd(fd); // replies we use carry none
            const h = this.reader.header;
            const p = this.pending;
            if (p === null || (h.flags & VHOST_USER_REPLY) === 0 || h.request !== p.request) {
                this.fail(`unexpected message ${requestName(h.request)} (flags 0x${h.flags.toString(16)})`);
                return;
            }
            this.pending = null;
            p.resolve(this.reader.payload);
        }
    }
    fail(reason) {
        if (this.closed)
            return;
        this.close();
        const p = this.pending;
        this.pending = null;
        if (p)
            p.reject(new VhostUserError('Disconnected', `${requestName(p.request)}: ${reason}`));
        this.onClose(reason);
    }
    /** Send one request; await its reply when `expectReply` (or when asking for REPLY_ACK). */
    request(request, payload, fds = [], opts = {}) {
        const run = async () => {
            if (this.closed)
                throw new VhostUserError('Disconnected', `${requestName(request)}: connection closed`);
            const wait = opts.reply || opts.ack;
            const flags = opts.ack ? VHOST_USER_NEED_REPLY : 0;
            const reply = wait
                ? new Promise((resolve, reject) => { this.pending = { request, resolve, reject }; })
                : null;
            try {
                sendMessage(this.fd, encodeMessage(request, flags, payload), fds);
            }
            catch (e) {
                this.pending = null;
                this.fail(e.message);
                throw e;
            }
            if (!reply)
                return null;
            const p = await reply;
            if (opts.ack && !opts.reply) {
                const status = decodeU64(p, `${requestName(request)} REPLY_ACK`);
                if (status !== 0n)
                    throw new VhostUserError('InvalidParam', `backend rejected ${requestName(request)} (status ${status})`);
            }
            return p;
        };
        const r = this.chain.then(run, run);
        this.chain = r.catch(() => { });
        return r;
    }
    /** A request with a u64 reply (GET_FEATURES, GET_PROTOCOL_FEATURES, GET_QUEUE_NUM...). */
    async getU64(request) {
        const p = await this.request(request, undefined, [], { reply: true });
        return decodeU64(p, `${requestName(request)} reply`);
    }
    /** A request with a u64 argument. */
    async setU64(request, v, ack = false) {
        await this.request(request, encodeU64(v), [], { ack });
    }
    get isClosed() {
        return this.closed;
    }
    /** Stop watching and close the socket. */
    close() {
        if (this.closed)
            return;
        this.closed = true;
        poller().remove(this.fd);
        this.reader.reset();
        closeFd(this.fd);
    }
}
//# sourceMappingURL=frontend.js.map
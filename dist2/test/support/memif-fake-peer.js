/**
 * Helpers for memif tests: a packet pool over an ArrayBuffer, frame builders, polling
 * helpers, and a raw seqpacket peer that sends hand-made (possibly malformed) memif
 * messages to a Sluice memif port.
 */
import { PacketPool } from '../../src/core/packet.js';
import { closeFd, recvMsg, sendMsg, unixConnect, unixListen, unixAccept } from '../../src/sys/index.js';
import { decodeMsg, encodeMsg, MSG_SIZE } from '../../src/memif/wire.js';
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export function testPool(count = 1024, bufSize = 2048) {
    return new PacketPool(new ArrayBuffer(PacketPool.bytesFor(count, bufSize)), count, bufSize);
}
/** A packet holding `len` bytes with a pattern derived from `seed`. */
export function packet(pool, len, seed) {
    const p = pool.alloc();
    if (p < 0)
        throw new Error('test pool empty');
    const s = pool.start(p);
    for (let i = 0; i < len; i++)
        pool.data[s + i] = (i * 7 + seed) & 0xff;
    pool.len[p] = len;
    return p;
}
/** Whether packet p holds the pattern written by packet(…, len, seed). */
export function packetOk(pool, p, len, seed) {
    if (pool.len[p] !== len)
        return false;
    const s = pool.start(p);
    for (let i = 0; i < len; i++)
        if (pool.data[s + i] !== ((i * 7 + seed) & 0xff))
            return false;
    return true;
}
export async function until(cond, ms = 3000) {
    const end = Date.now() + ms;
    while (!cond()) {
        if (Date.now() > end)
            return false;
        await sleep(5);
    }
    return true;
}
/** A raw memif peer on a seqpacket socket (client: connects; server: listens). */
export class RawPeer {
    fd = -1;
    listenFd = -1;
    buf = new Uint8Array(256);
    received = [];
    closed = false;
    static async connect(path) {
        const p = new RawPeer();
        p.fd = unixConnect(path, 'seqpacket');
        return p;
    }
    static listen(path) {
        const p = new RawPeer();
        p.listenFd = unixListen(path, 'seqpacket');
        return p;
    }
    async accept(ms = 3000) {
        return until(() => { if (this.fd < 0)
            this.fd = unixAccept(this.listenFd); return this.fd >= 0; }, ms);
    }
    send(m, fds = []) {
        sendMsg(this.fd, m instanceof Uint8Array ? m : encodeMsg(m), fds);
    }
    /** Drain what arrived; returns false once the other side closed. */
    poll() {
        for (;;) {
            const r = recvMsg(this.fd, this.buf);
            for (const fd of r.fds)
                closeFd(fd);
            if (r.bytes < 0)
                return;
            if (r.bytes === 0) {
                this.closed = true;
                return;
            }
            if (r.bytes === MSG_SIZE)
                this.received.push(decodeMsg(this.buf, r.bytes));
        }
    }
    async waitFor(type, ms = 3000) {
        let found;
        await until(() => { this.poll(); found = this.received.find((m) => m.type === type); return found !== undefined || this.closed; }, ms);
        if (found)
            this.received.splice(this.received.indexOf(found), 1);
        return found;
    }
    async waitClosed(ms = 3000) {
        return until(() => { this.poll(); return this.closed; }, ms);
    }
    close() {
        if (this.fd >= 0)
            closeFd(this.fd);
        if (this.listenFd >= 0)
            closeFd(this.listenFd);
        this.fd = this.listenFd = -1;
    }
}
//# sourceMappingURL=memif-fake-peer.js.map
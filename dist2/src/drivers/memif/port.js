/**
 * One memif interface: the control socket (server: listen and serve one client at a time;
 * client: connect, reconnecting with backoff 100 ms → 2 s), the fds and mappings of the
 * current connection, and the per-burst entry points used by the App.
 *
 * Control runs on the main thread through the Poller; the data path (`receive`,
 * `transmit`) runs on the same thread between control callbacks, so a disconnect (which
 * unmaps the regions) can never race a burst. A structural ring violation found during a
 * burst disconnects right there, after which the burst returns.
 *
 * fd ownership (T6): fds received with a message are either kept (one per ADD_REGION /
 * ADD_RING) or closed at once; every kept or created fd is closed at disconnect.
 *
 * Interrupt mode: `wakeFds()` are the eventfds of the rings we receive on. `setInterrupts
 * (true)` clears MASK_INT on them and drains them (the engine is going to sleep);
 * `setInterrupts(false)` masks again (polling). After a transmit burst the peer's eventfd
 * is written once when its ring does not mask interrupts.
 */
import { unlinkSync } from 'node:fs';
import { closeFd, createSealedMemfd, eventfd, eventfdRead, eventfdWrite, fileSeals, fileSize, mapFd, poller, recvMsg, sendMsg, unixAccept, unixConnect, unixConnectAbstract, unixListen, unixListenAbstract, F_SEAL_SHRINK, } from '../../sys/index.js';
import { decodeMsg, encodeMsg, MemifError, MSG_SIZE } from '../../memif/wire.js';
import { ClientControl, ServerControl } from '../../memif/control.js';
import { clientLayout, initRing, MemifRing, QueueStats, RegionTable, RingRole } from '../../memif/queue.js';
const APP_NAME = 'sluice';
const BACKOFF_MIN = 100, BACKOFF_MAX = 2000;
export class MemifPort {
    opts;
    pool;
    stats = new QueueStats();
    /** Packets pushed while no peer was connected (dropped). */
    portDown = 0;
    connects = 0;
    disconnects = 0;
    lastDisconnect = '';
    remoteName = '';
    remoteIfName = '';
    rxRings = [];
    txRings = [];
    txNext = 0;
    listenFd = -1;
    connFd = -1;
    control = null;
    regions = new RegionTable();
    mappings = [];
    /** Fds owned by this connection (region memfds, ring eventfds). */
    ownedFds = [];
    /** Server: fds received with ADD_REGION (by index) and ADD_RING (by direction, index). */
    regionFds = [];
    c2sFds = [];
    s2cFds = [];
    rbuf = new Uint8Array(MSG_SIZE + 64);
    stopped = false;
    backoffMs = BACKOFF_MIN;
    retryTimer = null;
    handshakeTimer = null;
    connectFailures = 0;
    interrupts = false;
    constructor(opts, pool) {
        this.opts = opts;
        this.pool = pool;
    }
    get connected() { return this.rxRings.length > 0; }
    /** Start listening (server) or connecting (client). */
    start() {
        if (this.opts.role === 'server') {
            this.listenFd = this.opts.abstract ? unixListenAbstract(this.opts.path, 'seqpacket') : unixListen(this.opts.path, 'seqpacket');
            poller().add(this.listenFd, () => this.onAccept());
        }
        else {
            this.tryConnect();
        }
    }
    onAccept() {
        for (;;) {
            let fd;
            try {
                fd = unixAccept(this.listenFd);
            }
            catch (e) {
                this.opts.log(`accept failed: ${e.message}`);
                return;
            }
            if (fd < 0)
                return;
            if (this.connFd >= 0) {
                // DPDK answers a second client for a busy id with DISCONNECT "Already connected".
                this.opts.log('second client refused: already connected');
                try {
                    sendMsg(fd, encodeMsg({ type: 'disconnect', code: 0, reason: 'Already connected' }));
                }
                catch { /* gone */ }
                closeFd(fd);
                continue;
            }
            this.attach(fd);
            const c = this.control = new ServerControl({ id: this.opts.id, secret: this.opts.secret, queues: this.opts.queues, name: APP_NAME, ifName: this.opts.ifName });
            this.send(c.hello(), -1);
        }
    }
    tryConnect() {
        this.retryTimer = null;
        if (this.stopped)
            return;
        let fd;
        try {
            fd = this.opts.abstract ? unixConnectAbstract(this.opts.path, 'seqpacket') : unixConnect(this.opts.path, 'seqpacket');
        }
        catch (e) {
            if (this.connectFailures++ === 0)
                this.opts.log(`connect failed (${e.message}); retrying with backoff up to ${BACKOFF_MAX} ms`);
            this.scheduleRetry();
            return;
        }
        this.connectFailures = 0;
        this.attach(fd);
        this.control = new ClientControl({
            id: this.opts.id, secret: this.opts.secret, queues: this.opts.queues, log2RingSize: this.opts.log2RingSize,
            bufferSize: this.opts.bufferSize, name: APP_NAME, ifName: this.opts.ifName,
        });
    }
    scheduleRetry() {
        if (this.stopped || this.opts.role !== 'client' || this.retryTimer)
            return;
        this.retryTimer = setTimeout(() => this.tryConnect(), this.backoffMs);
        this.backoffMs = Math.min(this.backoffMs * 2, BACKOFF_MAX);
    }
    attach(fd) {
        this.connFd = fd;
        poller().add(fd, () => this.onMessage());
        const ms = this.opts.handshakeMs ?? 5000;
        this.handshakeTimer = setTimeout(() => { this.handshakeTimer = null; if (!this.connected)
            this.disconnect('handshake timeout', true); }, ms);
    }
    send(m, fd) {
        const n = sendMsg(this.connFd, encodeMsg(m), fd >= 0 ? [fd] : []);
        if (n !== MSG_SIZE)
            throw new MemifError('Disconnected', `sendmsg sent ${n} of ${MSG_SIZE} bytes`);
    }
    onMessage() {
        while (this.connFd >= 0) {
            let fds = [];
            try {
                const r = recvMsg(this.connFd, this.rbuf);
                fds = r.fds;
                if (r.bytes < 0)
                    return;
                if (r.bytes === 0) {
                    this.disconnect('peer closed the control socket', false);
                    return;
                }
                if (r.fdsTruncated)
                    throw new MemifError('IncorrectFds', 'too many fds attached (truncated)');
                const m = decodeMsg(this.rbuf, r.bytes);
                const c = this.control;
                const s = c.receive(m, fds.length);
                if (s.keepFd) {
                    this.keep(m, fds[0]);
                    fds = [];
                }
                for (const fd of fds)
                    closeFd(fd);
                fds = [];
                this.apply(s);
            }
            catch (e) {
                for (const fd of fds)
                    closeFd(fd);
                if (e instanceof MemifError)
                    this.disconnect(e.message, e.kind !== 'PeerDisconnect' && e.kind !== 'Disconnected');
                else
                    this.disconnect(`error: ${e.message}`, true);
                return;
            }
        }
    }
    /** Server: remember a region or ring fd (already validated by ServerControl). */
    keep(m, fd) {
        this.ownedFds.push(fd);
        if (m.type === 'add-region')
            this.regionFds[m.index] = fd;
        else if (m.type === 'add-ring')
            ((m.flags & 1) !== 0 ? this.c2sFds : this.s2cFds)[m.index] = fd;
    }
    apply(s) {
        const c = this.control;
        if (c instanceof ClientControl && c.state === 'planning') {
            this.apply(this.clientSetup(c));
            return;
        }
        if (s.reply)
            this.send(s.reply, s.sendFd);
        if (!s.connect)
            return;
        if (c instanceof ServerControl) {
            this.serverConnect(c);
            this.send(c.connectedMsg(), -1);
            this.remoteName = c.remoteName;
            this.remoteIfName = c.remoteIfName;
        }
        else {
            this.clientConnect(c);
            this.remoteName = c.negotiated.remoteName;
            this.remoteIfName = c.remoteIfName;
        }
        this.connects++;
        this.backoffMs = BACKOFF_MIN;
        if (this.handshakeTimer) {
            clearTimeout(this.handshakeTimer);
            this.handshakeTimer = null;
        }
        this.opts.log(`connected to "${this.remoteName}" interface "${this.remoteIfName}" (${this.rxRings.length} rx / ${this.txRings.length} tx rings)`);
    }
    /** Client after HELLO: create region 0 (rings + buffers), eventfds; plan the messages. */
    clientSetup(c) {
        const n = c.negotiated;
        const lay = clientLayout(n.numC2s, n.numS2c, n.log2RingSize, n.bufferSize);
        const region = createSealedMemfd(lay.size, `memif_region_0`);
        this.mappings.push(region); // SharedRegion.close() closes its fd
        this.regions.add(region.buffer, region.size);
        const u8 = new Uint8Array(region.buffer);
        const c2s = [];
        const s2c = [];
        for (const [isC2s, list, count] of [[true, c2s, n.numC2s], [false, s2c, n.numS2c]]) {
            for (let i = 0; i < count; i++) {
                const off = lay.ringOffset(isC2s, i);
                initRing(u8, off, n.log2RingSize, (slot) => lay.bufferFor(isC2s, i, slot), n.bufferSize);
                const fd = eventfd();
                this.ownedFds.push(fd);
                list.push({ offset: off, fd });
            }
        }
        this.clientRings = { lay, c2s, s2c };
        return c.plan([region.fd], [region.size], c2s, s2c);
    }
    clientRings = null;
    clientConnect(c) {
        const n = c.negotiated;
        const cr = this.clientRings;
        const tx = [], rx = [];
        cr.c2s.forEach((r, i) => tx.push(new MemifRing(this.regions, 0, r.offset, n.log2RingSize, RingRole.CLIENT_TX, r.fd, this.stats, this.pool, cr.lay.bufferFor(true, i, 0), n.bufferSize)));
        cr.s2c.forEach((r, i) => rx.push(new MemifRing(this.regions, 0, r.offset, n.log2RingSize, RingRole.CLIENT_RX, r.fd, this.stats, this.pool, cr.lay.bufferFor(false, i, 0), n.bufferSize)));
        for (const r of tx)
            r.reset();
        for (const r of rx) {
            r.reset();
            r.setMaskInt(!this.interrupts);
            r.refill();
        }
        this.txRings = tx;
        this.rxRings = rx;
    }
    /** Server at CONNECT: check and map every region, build and check every ring. */
    serverConnect(c) {
        for (const r of c.regions) {
            const fd = this.regionFds[r.index];
            let actual;
            try {
                actual = fileSize(fd);
            }
            catch (e) {
                throw new MemifError('BadRegion', `region ${r.index}: fstat failed: ${e.message}`);
            }
            if (actual < r.size)
                throw new MemifError('BadRegion', `region ${r.index} is announced as ${r.size} bytes but its fd has ${actual}`);
            if (((fileSeals(fd) & F_SEAL_SHRINK) === 0))
                throw new MemifError('BadRegion', `region ${r.index} fd is not sealed against shrinking (F_SEAL_SHRINK)`);
            let m;
            try {
                m = mapFd(fd, r.size);
            }
            catch (e) {
                throw new MemifError('BadRegion', `region ${r.index}: ${e.message}`);
            }
            this.mappings.push(m);
            this.regions.add(m.buffer, r.size);
        }
        const rx = c.c2s.map((a, i) => new MemifRing(this.regions, a.region, a.offset, a.log2RingSize, RingRole.SERVER_RX, this.c2sFds[i], this.stats, this.pool));
        const tx = c.s2c.map((a, i) => new MemifRing(this.regions, a.region, a.offset, a.log2RingSize, RingRole.SERVER_TX, this.s2cFds[i], this.stats, this.pool));
        for (const [dir, rings] of [['C2S', rx], ['S2C', tx]]) {
            rings.forEach((r, i) => { if (!r.cookieOk())
                throw new MemifError('BadRing', `${dir} ring ${i}: wrong cookie (not a memif ring)`); });
        }
        for (const r of rx) {
            r.reset();
            r.setMaskInt(!this.interrupts);
        }
        for (const r of tx)
            r.reset();
        this.txRings = tx;
        this.rxRings = rx;
    }
    /** End the connection (logged); optionally tell the peer why. Client: reconnect later. */
    disconnect(reason, tellPeer) {
        if (this.connFd < 0)
            return;
        this.opts.log(`disconnected: ${reason}`);
        this.lastDisconnect = reason;
        if (tellPeer) {
            try {
                sendMsg(this.connFd, encodeMsg({ type: 'disconnect', code: 0, reason: reason.slice(0, 95) }));
            }
            catch { /* peer gone */ }
        }
        poller().remove(this.connFd);
        closeFd(this.connFd);
        this.connFd = -1;
        if (this.handshakeTimer) {
            clearTimeout(this.handshakeTimer);
            this.handshakeTimer = null;
        }
        const wasConnected = this.connected;
        this.rxRings = [];
        this.txRings = [];
        this.regions.clear();
        for (const m of this.mappings) {
            try {
                if ('close' in m)
                    m.close();
                else
                    m.unmap();
            }
            catch (e) {
                this.opts.log(`unmap failed: ${e.message}`);
            }
        }
        this.mappings = [];
        for (const fd of this.ownedFds)
            closeFd(fd);
        this.ownedFds = [];
        this.regionFds = [];
        this.c2sFds = [];
        this.s2cFds = [];
        this.clientRings = null;
        this.control = null;
        if (wasConnected)
            this.disconnects++;
        this.scheduleRetry();
    }
    stop() {
        this.stopped = true;
        if (this.retryTimer) {
            clearTimeout(this.retryTimer);
            this.retryTimer = null;
        }
        this.disconnect('port stopped', true);
        if (this.listenFd >= 0) {
            poller().remove(this.listenFd);
            closeFd(this.listenFd);
            this.listenFd = -1;
            if (!this.opts.abstract) {
                try {
                    unlinkSync(this.opts.path);
                }
                catch { /* gone */ }
            }
        }
    }
    /** Receive up to `max` packets from all rx rings into `out`. */
    receive(out, max) {
        const rings = this.rxRings;
        let n = 0;
        for (let i = 0; i < rings.length && n < max; i++) {
            const r = rings[i];
            const got = r.receive(this.pool, n === 0 ? out : out.subarray(n), max - n);
            if (got < 0) {
                this.disconnect(`ring violation on rx ring ${i}: ${r.fault}`, true);
                return n;
            }
            n += got;
        }
        return n;
    }
    /** Transmit `n` packets (all consumed); one tx ring per burst, round robin. */
    transmit(pkts, n) {
        const rings = this.txRings;
        if (rings.length === 0) {
            for (let i = 0; i < n; i++)
                this.pool.free(pkts[i]);
            this.portDown += n;
            return 0;
        }
        const idx = rings.length === 1 ? 0 : this.txNext++ % rings.length;
        const r = rings[idx];
        const sent = r.transmit(this.pool, pkts, n);
        if (sent < 0) {
            this.disconnect(`ring violation on tx ring ${idx}: ${r.fault}`, true);
            return 0;
        }
        if (sent > 0 && r.interruptWanted())
            eventfdWrite(r.fd);
        return sent;
    }
    /** Eventfds of the rings we receive on (the engine may sleep on them). */
    wakeFds() {
        const out = [];
        for (const r of this.rxRings)
            if (r.fd >= 0)
                out.push(r.fd);
        return out;
    }
    /** Interrupt mode on (engine sleeping: unmask and drain) or off (polling: mask). */
    setInterrupts(on) {
        this.interrupts = on;
        for (const r of this.rxRings) {
            r.setMaskInt(!on);
            if (on && r.fd >= 0)
                eventfdRead(r.fd);
        }
    }
}
//# sourceMappingURL=port.js.map
/**
 * memif control-channel state machines, one per role. Pure: they see decoded messages and
 * the number of fds attached, and say what to send and what to keep; the driver owns the
 * socket, the fds and the mappings. Every violation throws MemifError with the reason the
 * driver logs and sends in DISCONNECT.
 *
 * Server (master, DPDK role=server): listens; on accept sends HELLO, then
 *   hello-sent ──INIT(ok)──► init ──ADD_REGION/ADD_RING (each ACKed)──► init
 *   init ──CONNECT──► (driver maps regions, checks rings) ──► connected (sends CONNECTED)
 * Client (slave, DPDK role=client): connects, then
 *   await-hello ──HELLO──► (driver builds regions/rings/eventfds, calls plan())
 *   sending: INIT, ADD_REGION…, ADD_RING (C2S then S2C)…, CONNECT — one message per ACK,
 *   lockstep as DPDK's memif_msg_send_from_queue and libmemif do ──CONNECTED──► connected
 * DISCONNECT in any state ends the connection (kind PeerDisconnect). Anything else out of
 * order is UnexpectedMessage.
 */
import { ADD_RING_FLAG_C2S, INTERFACE_MODE_ETHERNET, MAX_LOG2_RING_SIZE, MAX_REGIONS, MEMIF_VERSION, MemifError, ringBytes, } from './wire.js';
const WIRE_NAME = {
    ack: 'ACK', hello: 'HELLO', init: 'INIT', 'add-region': 'ADD_REGION', 'add-ring': 'ADD_RING',
    connect: 'CONNECT', connected: 'CONNECTED', disconnect: 'DISCONNECT',
};
/** Spec name of a decoded message's type (for logs). */
const N = (m) => WIRE_NAME[m.type];
function step(reply, keepFd = false, connect = false, sendFd = -1) {
    return { reply, sendFd, keepFd, connect };
}
function peerDisconnect(m) {
    const d = m;
    throw new MemifError('PeerDisconnect', `peer disconnected: "${d.reason}" (code ${d.code})`);
}
export class ServerControl {
    cfg;
    state = 'hello-sent';
    /** Regions announced by the client, in index order. */
    regions = [];
    /** Rings announced by the client, by index per direction. */
    c2s = [];
    s2c = [];
    remoteName = '';
    remoteIfName = '';
    constructor(cfg) {
        this.cfg = cfg;
        if (!Number.isInteger(cfg.queues) || cfg.queues < 1 || cfg.queues > 255)
            throw new RangeError(`memif queues must be 1..255, got ${cfg.queues}`);
    }
    hello() {
        return {
            type: 'hello', name: this.cfg.name, minVersion: MEMIF_VERSION, maxVersion: MEMIF_VERSION, maxRegion: MAX_REGIONS - 1,
            maxS2cRing: this.cfg.queues - 1, maxC2sRing: this.cfg.queues - 1, maxLog2RingSize: MAX_LOG2_RING_SIZE,
        };
    }
    connectedMsg() { return { type: 'connected', ifName: this.cfg.ifName }; }
    /** Handle one message carrying `nFds` fds. Throws MemifError on any violation. */
    receive(m, nFds) {
        if (m.type === 'disconnect')
            peerDisconnect(m);
        const wantFd = m.type === 'add-region' || m.type === 'add-ring';
        if (wantFd ? nFds !== 1 : nFds !== 0) {
            throw new MemifError('IncorrectFds', `${N(m)} came with ${nFds} fds, expected ${wantFd ? 1 : 0}`);
        }
        switch (this.state) {
            case 'hello-sent': {
                if (m.type !== 'init')
                    throw new MemifError('UnexpectedMessage', `expected INIT after HELLO, got ${N(m)}`);
                if (m.version !== MEMIF_VERSION)
                    throw new MemifError('Refused', `Incompatible memif version 0x${m.version.toString(16)}`);
                if (m.id !== this.cfg.id)
                    throw new MemifError('Refused', `ID not found (client asked for id ${m.id}, ours is ${this.cfg.id})`);
                if (m.mode !== INTERFACE_MODE_ETHERNET)
                    throw new MemifError('Refused', `Only ethernet mode supported (client asked for mode ${m.mode})`);
                if (this.cfg.secret !== '') {
                    if (m.secret === '')
                        throw new MemifError('Refused', 'Secret required');
                    if (m.secret !== this.cfg.secret)
                        throw new MemifError('Refused', 'Incorrect secret');
                }
                this.remoteName = m.name;
                this.state = 'init';
                return step({ type: 'ack' });
            }
            case 'init':
                if (m.type === 'add-region') {
                    if (m.index !== this.regions.length || m.index >= MAX_REGIONS) {
                        throw new MemifError('BadRegion', `Invalid region index ${m.index} (expected ${this.regions.length})`);
                    }
                    this.regions.push({ index: m.index, size: m.size });
                    return step({ type: 'ack' }, true);
                }
                if (m.type === 'add-ring') {
                    this.checkRing(m);
                    ((m.flags & ADD_RING_FLAG_C2S) !== 0 ? this.c2s : this.s2c)[m.index] = m;
                    return step({ type: 'ack' }, true);
                }
                if (m.type === 'connect') {
                    this.checkRingSet();
                    this.remoteIfName = m.ifName;
                    this.state = 'connected';
                    return step(null, false, true);
                }
                throw new MemifError('UnexpectedMessage', `unexpected ${N(m)} while the client sets up regions and rings`);
            case 'connected':
                throw new MemifError('UnexpectedMessage', `unexpected ${N(m)} on a connected interface`);
        }
    }
    checkRing(m) {
        const c2s = (m.flags & ADD_RING_FLAG_C2S) !== 0;
        const dir = c2s ? 'C2S' : 'S2C';
        if (m.index >= this.cfg.queues)
            throw new MemifError('BadRing', `Invalid ring index: ${dir} ring ${m.index} but only ${this.cfg.queues} queues`);
        if ((c2s ? this.c2s : this.s2c)[m.index] !== undefined)
            throw new MemifError('BadRing', `${dir} ring ${m.index} announced twice`);
        const r = this.regions[m.region];
        if (r === undefined)
            throw new MemifError('BadRing', `${dir} ring ${m.index} is in region ${m.region}, which was not announced`);
        if ((m.offset & 3) !== 0)
            throw new MemifError('BadRing', `${dir} ring ${m.index} offset ${m.offset} is not 4-byte aligned`);
        const end = m.offset + ringBytes(m.log2RingSize);
        if (end > r.size)
            throw new MemifError('BadRing', `${dir} ring ${m.index} [${m.offset}, ${end}) is outside region ${m.region} of ${r.size} bytes`);
    }
    checkRingSet() {
        for (const [dir, rings] of [['C2S', this.c2s], ['S2C', this.s2c]]) {
            if (rings.length === 0)
                throw new MemifError('BadRing', `CONNECT without any ${dir} ring`);
            for (let i = 0; i < rings.length; i++)
                if (rings[i] === undefined)
                    throw new MemifError('BadRing', `CONNECT with ${dir} ring ${i} missing`);
        }
    }
}
export class ClientControl {
    cfg;
    state = 'await-hello';
    negotiated = null;
    remoteIfName = '';
    queue = [];
    constructor(cfg) {
        this.cfg = cfg;
        if (!Number.isInteger(cfg.queues) || cfg.queues < 1 || cfg.queues > 255)
            throw new RangeError(`memif queues must be 1..255, got ${cfg.queues}`);
        if (!Number.isInteger(cfg.log2RingSize) || cfg.log2RingSize < 1 || cfg.log2RingSize > MAX_LOG2_RING_SIZE)
            throw new RangeError(`memif log2 ring size must be 1..${MAX_LOG2_RING_SIZE}`);
        if (Buffer.byteLength(cfg.secret) > 24)
            throw new RangeError('memif secret is longer than 24 bytes');
    }
    /**
     * After HELLO: the driver has created region 0 (`regionFds`/`regionSizes`) and one
     * eventfd per ring; queue INIT, ADD_REGION…, ADD_RING…, CONNECT and return the first.
     */
    plan(regionFds, regionSizes, c2sRings, s2cRings) {
        if (this.state !== 'planning' || this.negotiated === null)
            throw new Error('plan() before HELLO');
        const q = this.queue = [];
        const c = this.cfg;
        q.push({ msg: { type: 'init', version: MEMIF_VERSION, id: c.id, mode: INTERFACE_MODE_ETHERNET, secret: c.secret, name: c.name }, fd: -1 });
        regionFds.forEach((fd, i) => q.push({ msg: { type: 'add-region', index: i, size: regionSizes[i] }, fd }));
        const log2 = this.negotiated.log2RingSize;
        c2sRings.forEach((r, i) => q.push({ msg: { type: 'add-ring', flags: ADD_RING_FLAG_C2S, index: i, region: 0, offset: r.offset, log2RingSize: log2, privateHdrSize: 0 }, fd: r.fd }));
        s2cRings.forEach((r, i) => q.push({ msg: { type: 'add-ring', flags: 0, index: i, region: 0, offset: r.offset, log2RingSize: log2, privateHdrSize: 0 }, fd: r.fd }));
        q.push({ msg: { type: 'connect', ifName: c.ifName }, fd: -1 });
        this.state = 'sending';
        return this.next();
    }
    next() {
        const e = this.queue.shift();
        if (e.msg.type === 'connect')
            this.state = 'await-connected';
        return step(e.msg, false, false, e.fd);
    }
    receive(m, nFds) {
        if (m.type === 'disconnect')
            peerDisconnect(m);
        if (nFds !== 0)
            throw new MemifError('IncorrectFds', `${N(m)} from the server came with ${nFds} fds, expected 0`);
        switch (this.state) {
            case 'await-hello': {
                if (m.type !== 'hello')
                    throw new MemifError('UnexpectedMessage', `expected HELLO, got ${N(m)}`);
                if (m.minVersion > MEMIF_VERSION || m.maxVersion < MEMIF_VERSION) {
                    throw new MemifError('Refused', `Incompatible memif version (server supports 0x${m.minVersion.toString(16)}..0x${m.maxVersion.toString(16)})`);
                }
                const c = this.cfg;
                this.negotiated = {
                    numC2s: Math.min(m.maxC2sRing + 1, c.queues),
                    numS2c: Math.min(m.maxS2cRing + 1, c.queues),
                    log2RingSize: Math.min(m.maxLog2RingSize, c.log2RingSize),
                    bufferSize: c.bufferSize,
                    remoteName: m.name,
                };
                this.state = 'planning';
                return step(null);
            }
            case 'sending':
                if (m.type !== 'ack')
                    throw new MemifError('UnexpectedMessage', `expected ACK, got ${N(m)}`);
                return this.next();
            case 'await-connected':
                if (m.type === 'ack')
                    throw new MemifError('UnexpectedMessage', 'ACK after CONNECT (expected CONNECTED)');
                if (m.type !== 'connected')
                    throw new MemifError('UnexpectedMessage', `expected CONNECTED, got ${N(m)}`);
                this.remoteIfName = m.ifName;
                this.state = 'connected';
                return step(null, false, true);
            default:
                throw new MemifError('UnexpectedMessage', `unexpected ${N(m)} in state ${this.state}`);
        }
    }
}
//# sourceMappingURL=control.js.map
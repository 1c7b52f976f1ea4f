/**
 * memif control channel, as a peer container (VPP, DPDK net_memif, anything on the socket)
 * can drive it: byte 0 picks our role (bit 0: client, else server), then messages of one
 * byte giving how many fds came with it (0-2) and the 128-byte message. Each message is
 * decoded (decodeMsg) and handed to the role's state machine; as a client, HELLO is followed
 * by plan() as the driver does.
 *
 * Survives: only MemifError escapes (the driver sends DISCONNECT with its message and
 * closes), with a non-empty reason; a server that reaches CONNECT has every ring it accepted
 * inside an announced region.
 */
import assert from 'node:assert/strict';
import { ClientControl, ServerControl } from '../../../src/memif/control.js';
import { MemifError, MSG_SIZE, MEMIF_VERSION, decodeMsg, encodeMsg, ringBytes } from '../../../src/memif/wire.js';
function run(data) {
    if (data.length === 0)
        return;
    const client = (data[0] & 1) !== 0;
    const server = new ServerControl({ id: 0, secret: (data[0] & 2) !== 0 ? 'sekrit' : '', queues: 2, name: 'sluice', ifName: 'memif0' });
    const cli = new ClientControl({ id: 0, secret: '', queues: 2, log2RingSize: 10, bufferSize: 2048, name: 'sluice', ifName: 'memif0' });
    for (let off = 1; off < data.length;) {
        const nfds = data[off] % 3;
        const msg = data.slice(off + 1, off + 1 + MSG_SIZE);
        off += 1 + MSG_SIZE;
        const m = decodeMsg(msg, msg.length);
        if (!client) {
            const s = server.receive(m, nfds);
            if (s.connect) {
                for (const r of [...server.c2s, ...server.s2c]) {
                    const region = server.regions[r.region];
                    assert.ok(region && r.offset + ringBytes(r.log2RingSize) <= region.size, `ring ${r.index} outside region ${r.region}`);
                }
            }
        }
        else {
            cli.receive(m, nfds);
            if (cli.state === 'planning') {
                const n = cli.negotiated;
                assert.ok(n.numC2s >= 1 && n.numC2s <= 2 && n.numS2c >= 1 && n.numS2c <= 2, `negotiated ${JSON.stringify(n)}`);
                assert.ok(n.log2RingSize >= 1 && n.log2RingSize <= 10, `log2 ring size ${n.log2RingSize}`);
                const rings = (k) => Array.from({ length: k }, (_, i) => ({ offset: i * ringBytes(n.log2RingSize), fd: 10 + i }));
                cli.plan([9], [1 << 20], rings(n.numC2s), rings(n.numS2c));
            }
        }
    }
}
function stream(first, msgs) {
    const out = new Uint8Array(1 + msgs.length * (1 + MSG_SIZE));
    out[0] = first;
    msgs.forEach(([fds, m], i) => { out[1 + i * (1 + MSG_SIZE)] = fds; out.set(encodeMsg(m), 2 + i * (1 + MSG_SIZE)); });
    return out;
}
export const target = {
    name: 'memif',
    covers: ['/src/memif/wire', '/src/memif/control'],
    maxLen: 2048,
    seeds: () => [
        stream(0, [
            [0, { type: 'init', version: MEMIF_VERSION, id: 0, mode: 0, secret: '', name: 'vpp' }],
            [1, { type: 'add-region', index: 0, size: 1 << 20 }],
            [1, { type: 'add-ring', flags: 1, index: 0, region: 0, offset: 0, log2RingSize: 10, privateHdrSize: 0 }],
            [1, { type: 'add-ring', flags: 0, index: 0, region: 0, offset: 16512, log2RingSize: 10, privateHdrSize: 0 }],
            [0, { type: 'connect', ifName: 'vpp0' }],
        ]),
        stream(2, [[0, { type: 'init', version: MEMIF_VERSION, id: 0, mode: 0, secret: 'sekrit', name: 'x' }], [0, { type: 'disconnect', code: 1, reason: 'bye' }]]),
        stream(1, [
            [0, { type: 'hello', name: 'vpp', minVersion: MEMIF_VERSION, maxVersion: MEMIF_VERSION, maxRegion: 255, maxS2cRing: 1, maxC2sRing: 1, maxLog2RingSize: 14 }],
            [0, { type: 'ack' }], [0, { type: 'ack' }], [0, { type: 'ack' }], [0, { type: 'ack' }], [0, { type: 'ack' }], [0, { type: 'ack' }],
            [0, { type: 'connected', ifName: 'vpp0' }],
        ]),
    ],
    run,
    expected: (e) => (e instanceof MemifError && e.message.length > 0 ? null : `${String(e)} is not a MemifError with a reason`),
};
//# sourceMappingURL=memif.js.map
/**
 * `vhost-user` port app: a VhostUserPort (socket, protocol, guest memory, rings) in the engine.
 *
 *        guest TX ──► pull() ──► output "output"      (counters rx = from the guest)
 *        guest RX ◄── push() ◄── input  "input"       (counters tx = to the guest)
 *
 * Single-copy patch: when this app's `output` link leads straight into another vhost-user
 * app's `input` (a patch between two guests), pull() copies each frame from this guest's TX
 * buffer directly into the other guest's RX buffer (`VhostUserPort.forwardTo`), one copy
 * instead of two through the pool. The link then stays empty and is still honoured for
 * anything else that writes to it.
 *
 * Args (also the port string `vhost-user:PATH[,client][,queues=N][,mode=0660][,group=NAME][,offloads]`):
 *   path, client (bool), queues (queue pairs), mode (socket file mode), group;
 *   offloads (default false): offer checksum offload and TSO both ways (CSUM, GUEST_CSUM,
 *   HOST/GUEST_TSO4/6, HOST/GUEST_ECN), as DPDK's vhost library and OVS-DPDK's userspace TSO do;
 *   workers: serve the queue pairs on that many worker engines (set by `sluice switch
 *   --workers`; each runs a `vhost-user-queues` app, queues-app.ts).
 */
import { eventfdRead } from '../../sys/index.js';
import { App } from '../../core/app.js';
import { RX_BYTES, RX_PACKETS, TX_BYTES, TX_PACKETS, DROP_BASE } from '../../core/counters.js';
import { DropReason } from '../../core/drop-reasons.js';
import { patchPeer, forwardOnLink } from './single-copy.js';
import { C_BAD_OFFLOAD, C_FROM_BYTES, C_FROM_PKTS, C_NO_GUEST_BUF, C_NO_POOL_BUF, C_QUARANTINED, C_TOO_BIG, C_TO_BYTES, C_TO_PKTS } from './queue-share.js';
import { VhostUserPort } from './port.js';
import { offloadNames } from '../../virtio/net/net.js';
export const vhostUserSchema = {
    type: 'object',
    additionalProperties: false,
    required: ['path'],
    properties: {
        path: { type: 'string', minLength: 1, maxLength: 107 },
        client: { type: 'boolean' },
        queues: { type: 'integer', minimum: 1, maximum: 128 },
        mode: { anyOf: [{ type: 'integer', minimum: 0, maximum: 0o777 }, { type: 'string', pattern: '^0?[0-7]{3}$' }] },
        group: { anyOf: [{ type: 'string', minLength: 1 }, { type: 'integer', minimum: 0 }] },
        workers: { type: 'integer', minimum: 0, maximum: 64 },
        offloads: { type: 'boolean' },
    },
};
/** Parse `PATH[,client][,queues=N][,mode=0660][,group=NAME][,offloads]` (throws naming the bad option). */
export function parseVhostUserPort(s) {
    const [path, ...opts] = s.split(',');
    if (!path)
        throw new Error(`vhost-user port "${s}": missing socket path`);
    // sun_path holds 107 bytes and a NUL (the schema's maxLength counts characters, not bytes).
    if (Buffer.byteLength(path) > 107)
        throw new Error(`vhost-user port "${s}": socket path is ${Buffer.byteLength(path)} bytes, the limit is 107`);
    const a = { path };
    for (const o of opts) {
        const [k, v] = o.split('=', 2);
        if (k === 'client' && v === undefined)
            a.client = true;
        else if (k === 'server' && v === undefined)
            a.client = false;
        else if (k === 'queues' && v !== undefined && /^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 128)
            a.queues = Number(v);
        else if (k === 'mode' && v !== undefined && /^0?[0-7]{3}$/.test(v))
            a.mode = parseInt(v, 8);
        else if (k === 'group' && v)
            a.group = v;
        else if (k === 'offloads' && v === undefined)
            a.offloads = true;
        else
            throw new Error(`vhost-user port "${s}": bad option "${o}" (client, queues=N, mode=0660, group=NAME, offloads)`);
    }
    return a;
}
/** Apps by name, so a patch partner can be found from a link spec (control path). */
const byName = new Map();
const BURST = 32;
export class VhostUserApp extends App {
    port;
    out;
    in;
    /** The patch partner for the single-copy path, if our output goes straight to it. */
    direct = null;
    burst = new Uint32Array(BURST);
    constructor(ctx, args) {
        super(ctx);
        const mode = typeof args.mode === 'string' ? parseInt(args.mode, 8) : args.mode;
        this.port = new VhostUserPort({
            path: args.path, client: args.client, queuePairs: args.queues ?? 1, mode, group: args.group, workers: args.workers ?? 0,
            maxFrame: ctx.pool.maxLen, offloads: args.offloads ?? false,
            log: (m) => console.error(`sluice: ${ctx.name} (vhost-user ${args.path}): ${m}`),
        });
        this.port.start();
        byName.set(ctx.name, this);
    }
    linked() {
        this.out = this.output.output;
        this.in = this.input.input;
        this.direct = patchPeer(this, this.out, byName);
    }
    pull() {
        const port = this.port;
        const out = this.out;
        if (out === undefined)
            return;
        port.refresh();
        const d = this.direct;
        if (d !== null) {
            d.port.refresh();
            forwardOnLink(port.rings, d.port.rings, out, BURST * 4);
            return;
        }
        port.rings.dequeueLink(this.pool, out);
    }
    push() {
        const l = this.in;
        if (l !== undefined)
            this.port.rings.enqueueLink(this.pool, l, this.burst);
    }
    /** Publish the port's counters (this thread's and its workers') into the app's counter array. */
    tick() {
        const c = this.counters;
        this.port.device.io.publish(c);
        c[DROP_BASE + DropReason.QUEUE_QUARANTINED] = this.port.device.quarantined;
        for (const s of this.port.shares) {
            c[RX_PACKETS] += s.counter(C_FROM_PKTS);
            c[RX_BYTES] += s.counter(C_FROM_BYTES);
            c[TX_PACKETS] += s.counter(C_TO_PKTS);
            c[TX_BYTES] += s.counter(C_TO_BYTES);
            c[DROP_BASE + DropReason.PEER_NO_BUFFER] += s.counter(C_NO_GUEST_BUF);
            c[DROP_BASE + DropReason.TOO_BIG] += s.counter(C_TOO_BIG);
            c[DROP_BASE + DropReason.NO_BUFFER] += s.counter(C_NO_POOL_BUF);
            c[DROP_BASE + DropReason.QUEUE_QUARANTINED] += s.counter(C_QUARANTINED);
            c[DROP_BASE + DropReason.BAD_OFFLOAD] += s.counter(C_BAD_OFFLOAD);
        }
    }
    /**
     * With `workers`: the app each worker engine runs for its queue pairs (index = worker).
     * The switch puts them in the workers' graphs under this app's name.
     */
    spread() {
        return this.port.shares.map((s) => ({ type: 'vhost-user-queues', args: { share: s.handle } }));
    }
    wakeFds() {
        return this.port.kickFds();
    }
    /** Engine hook: going to sleep (re-enable guest kicks) or waking up. */
    idle(sleeping) {
        if (!sleeping)
            return;
        this.port.enableKicks();
        // Kicks that came while we polled are stale; the engine's last breath before sleeping
        // sees any work they announced.
        for (const fd of this.port.kickFds()) {
            try {
                eventfdRead(fd);
            }
            catch { /* a frontend's odd fd: ignore */ }
        }
    }
    report() {
        this.tick();
        const d = this.port.device;
        return {
            path: this.port.opts.path,
            mode: this.port.opts.client ? 'client' : 'server',
            connected: this.port.connected,
            connects: this.port.connects,
            disconnects: this.port.disconnects,
            features: `0x${d.lastFeatures.toString(16)}`,
            // What was negotiated, and what the offloads did (as `ethtool -k` names them).
            offloads: {
                fromGuest: offloadNames(d.io.hostOffloads), toGuest: offloadNames(d.io.guestOffloads),
                superFramesIn: d.io.superFramesIn, superFramesOut: d.io.superFramesOut, segmented: d.io.segmented,
                checksumsCompleted: d.io.checksumsCompleted,
            },
            protocolFeatures: `0x${d.lastProtocolFeatures.toString(16)}`,
            queuePairs: d.queuePairs,
            singleCopy: this.direct !== null,
            quarantinedQueues: d.quarantined,
            // Which engine serves which queue pair, and what each moved (as VPP's rx-placement).
            placement: this.port.shares.length === 0
                ? [{ engine: 'main', queuePairs: Array.from({ length: d.queuePairs }, (_, q) => q) }]
                : this.port.shares.map((s, k) => ({
                    engine: `worker${k}`, queuePairs: s.rings.filter((r) => (r & 1) === 0).map((r) => r / 2),
                    rx: s.counter(C_FROM_PKTS), tx: s.counter(C_TO_PKTS),
                })),
        };
    }
    stop() {
        this.port.stop();
        if (byName.get(this.name) === this)
            byName.delete(this.name);
    }
}
//# sourceMappingURL=app.js.map
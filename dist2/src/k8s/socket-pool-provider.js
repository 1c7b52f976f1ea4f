/**
 * SocketPoolProvider: a PortProvider backed by a directory of fixed port slots.
 *
 * Layout on the host (socketDir defaults to /var/run/sluice):
 *   <socketDir>/ports/<deviceId>/            one directory per reserved slot, mounted into
 *                                           the container at <containerDir>/<deviceId>/
 *   <socketDir>/ports/<deviceId>/port.json   {kind, deviceId, numaNode, socket, reservedAt}:
 *                                           the reservation (what recover() reads back).
 *   <socketDir>/ports/<deviceId>/<kind>.sock the port's socket, created by the daemon.
 *
 * With `createPorts` (and `daemonSocket`), reserve() also asks the daemon to create the
 * port, named after the device id (`port.add`: a vhost-user backend in server mode, or a
 * memif server, listening on that socket; a port left by an earlier user of the id is
 * deleted first), and release() deletes it. A daemon that refuses fails the whole
 * reservation, which is rolled back like any other failure.
 *
 * Slots: `pools` gives, per kind, how many slots each NUMA node has; device IDs are
 * `<prefix>-n<node>-<index>` (vhu-n0-3, memif-n1-0), well under the kubelet's 63 chars.
 *
 * Health (polled every pollMs, timer unref'd): a slot is unhealthy when the daemon probe
 * fails (nothing accepts a connection on `daemonSocket`, when configured) or, for a reserved
 * slot, when its directory vanished or stopped being a directory. Changes are reported
 * through onHealthChange.
 *
 * Unix socket paths must fit sun_path (108 bytes with the NUL, so at most 107): the
 * constructor checks the longest host and container socket path and throws if either is
 * too long.
 */
import { mkdir, rm, writeFile, rename, readFile, stat } from 'node:fs/promises';
import { connect } from 'node:net';
import { ApiClient, ApiClientError } from '../ctl/api-client.js';
import { join } from 'node:path';
import { PortError, PORT_KINDS, } from './port-provider.js';
/** sun_path is 108 bytes on Linux, one of which is the terminating NUL. */
export const MAX_UNIX_SOCKET_PATH = 107;
const PREFIX = { 'vhost-user': 'vhu', memif: 'memif' };
const SOCKET_NAME = { 'vhost-user': 'vhost-user.sock', memif: 'memif.sock' };
const MAX_SLOTS_PER_NODE = 1024;
/** How long Allocate waits for the daemon to create or delete a port. */
const DAEMON_TIMEOUT_MS = 5000;
const MAX_NODE = 1023;
/** Byte length of a path as the kernel sees it. */
export function socketPathBytes(p) {
    return Buffer.byteLength(p, 'utf8');
}
/** Throws unless `p` fits sun_path. */
export function checkSocketPath(what, p) {
    const n = socketPathBytes(p);
    if (n > MAX_UNIX_SOCKET_PATH) {
        throw new PortError('Invalid', `${what} ${p} is ${n} bytes; unix socket paths must be at most ${MAX_UNIX_SOCKET_PATH}`);
    }
}
export class SocketPoolProvider {
    socketDir;
    containerDir;
    slots = new Map();
    listeners = new Set();
    hugepageMounts;
    daemonSocket;
    /** Set when ports are created through the daemon (createPorts). */
    daemon;
    socketMode;
    probeTimeoutMs;
    daemonUp = true;
    timer;
    polling = false;
    constructor(config) {
        this.socketDir = config.socketDir ?? '/var/run/sluice';
        this.containerDir = config.containerDir ?? '/var/run/sluice';
        for (const [name, dir] of [['socketDir', this.socketDir], ['containerDir', this.containerDir]]) {
            if (typeof dir !== 'string' || !dir.startsWith('/'))
                throw new PortError('Invalid', `${name} must be an absolute path, got ${String(dir)}`);
        }
        this.daemonSocket = config.daemonSocket;
        if (this.daemonSocket !== undefined)
            checkSocketPath('daemonSocket', this.daemonSocket);
        if (config.createPorts && this.daemonSocket === undefined)
            throw new PortError('Invalid', 'createPorts needs daemonSocket');
        this.socketMode = config.socketMode ?? 0o660;
        if (!Number.isInteger(this.socketMode) || this.socketMode < 0 || this.socketMode > 0o777)
            throw new PortError('Invalid', `socketMode must be a file mode 0..0o777, got ${String(config.socketMode)}`);
        this.daemon = config.createPorts ? new ApiClient(this.daemonSocket, DAEMON_TIMEOUT_MS) : undefined;
        this.probeTimeoutMs = config.probeTimeoutMs ?? 500;
        this.hugepageMounts = (config.hugepageMounts ?? []).map((m, i) => {
            if (typeof m?.hostPath !== 'string' || !m.hostPath.startsWith('/') || typeof m.containerPath !== 'string' || !m.containerPath.startsWith('/')) {
                throw new PortError('Invalid', `hugepageMounts[${i}] needs absolute hostPath and containerPath`);
            }
            return { hostPath: m.hostPath, containerPath: m.containerPath, readOnly: false };
        });
        if (!Array.isArray(config.pools) || config.pools.length === 0)
            throw new PortError('Invalid', 'pools must list at least one pool');
        config.pools.forEach((pool, pi) => {
            if (!PORT_KINDS.includes(pool?.kind))
                throw new PortError('Invalid', `pools[${pi}].kind must be one of ${PORT_KINDS.join(', ')}`);
            const entries = Object.entries(pool.slotsPerNode ?? {});
            if (entries.length === 0)
                throw new PortError('Invalid', `pools[${pi}].slotsPerNode is empty`);
            for (const [nodeText, count] of entries) {
                const node = Number(nodeText);
                if (!Number.isInteger(node) || node < 0 || node > MAX_NODE)
                    throw new PortError('Invalid', `pools[${pi}].slotsPerNode: bad NUMA node "${nodeText}"`);
                if (!Number.isInteger(count) || count < 0 || count > MAX_SLOTS_PER_NODE) {
                    throw new PortError('Invalid', `pools[${pi}].slotsPerNode[${node}] must be an integer 0..${MAX_SLOTS_PER_NODE}, got ${String(count)}`);
                }
                for (let i = 0; i < count; i++) {
                    const id = `${PREFIX[pool.kind]}-n${node}-${i}`;
                    if (this.slots.has(id))
                        throw new PortError('Invalid', `pools[${pi}]: duplicate slot ${id} (kind listed twice?)`);
                    this.slots.set(id, { info: { id, kind: pool.kind, numaNode: node, healthy: true, reason: '' }, reserved: false, dirBroken: false });
                }
            }
        });
        // The longest id gives the longest socket path on both sides.
        let longest = '';
        for (const s of this.slots.values())
            if (s.info.id.length > longest.length)
                longest = s.info.id;
        if (longest !== '') {
            checkSocketPath('host socket path', join(this.hostDirOf(longest), 'vhost-user.sock'));
            checkSocketPath('container socket path', join(this.containerDir, longest, 'vhost-user.sock'));
        }
        if ((config.pollMs ?? 1000) > 0) {
            this.timer = setInterval(() => { void this.poll(); }, config.pollMs ?? 1000);
            this.timer.unref();
        }
    }
    /** Reads reservations left on disk by a previous run (call once after construction). */
    async recover() {
        for (const slot of this.slots.values()) {
            try {
                const meta = JSON.parse(await readFile(join(this.hostDirOf(slot.info.id), 'port.json'), 'utf8'));
                if (meta.deviceId === slot.info.id && meta.kind === slot.info.kind)
                    slot.reserved = true;
            }
            catch { /* no or unreadable reservation: the slot is free */ }
        }
        await this.poll();
    }
    list(kind) {
        const out = [];
        for (const s of this.slots.values())
            if (s.info.kind === kind)
                out.push({ ...s.info });
        return out;
    }
    /** True when `id` is reserved (for tests and status output). */
    isReserved(id) {
        return this.slots.get(id)?.reserved === true;
    }
    async reserve(kind, deviceIds, _hint) {
        if (!Array.isArray(deviceIds) || deviceIds.length === 0)
            throw new PortError('Invalid', 'no device ids requested');
        const seen = new Set();
        const chosen = [];
        // Validate every id before touching the disk, so a bad id changes nothing.
        for (const id of deviceIds) {
            const slot = typeof id === 'string' ? this.slots.get(id) : undefined;
            if (!slot)
                throw new PortError('UnknownDevice', `unknown device id ${JSON.stringify(id)}`, String(id));
            if (slot.info.kind !== kind)
                throw new PortError('WrongKind', `device ${id} is a ${slot.info.kind} port, not ${kind}`, id);
            if (seen.has(id))
                throw new PortError('Invalid', `device ${id} requested twice`, id);
            if (!slot.info.healthy)
                throw new PortError('Unhealthy', `device ${id} is unhealthy: ${slot.info.reason}`, id);
            seen.add(id);
            chosen.push(slot);
        }
        const done = [];
        const ports = [];
        try {
            for (const slot of chosen) {
                done.push(slot); // first: a slot that fails half-made is rolled back too
                ports.push(await this.createSlot(slot));
            }
        }
        catch (err) {
            // Roll back what this call created: no half-made reservation survives.
            for (const slot of done)
                await this.removeSlot(slot).catch(() => undefined);
            if (err instanceof PortError)
                throw err;
            const code = err.code;
            throw new PortError(code === 'ENOSPC' || code === 'EDQUOT' ? 'Exhausted' : 'Io', `cannot reserve ${chosen.map((s) => s.info.id).join(',')}: ${err.message}`);
        }
        const mounts = ports.map((p) => ({
            hostPath: this.hostDirOf(p.deviceId), containerPath: join(this.containerDir, p.deviceId), readOnly: false,
        }));
        for (const m of this.hugepageMounts)
            mounts.push({ ...m });
        return { ports, mounts };
    }
    async release(kind, deviceIds) {
        for (const id of deviceIds) {
            const slot = this.slots.get(id);
            if (slot && slot.info.kind === kind)
                await this.removeSlot(slot);
        }
    }
    onHealthChange(cb) {
        this.listeners.add(cb);
        return () => { this.listeners.delete(cb); };
    }
    async close() {
        this.daemon?.close();
        if (this.timer)
            clearInterval(this.timer);
        this.timer = undefined;
        this.listeners.clear();
    }
    /** One health pass (exported for tests; the timer calls it too). */
    async poll() {
        if (this.polling)
            return;
        this.polling = true;
        try {
            this.daemonUp = this.daemonSocket === undefined ? true : await this.probe(this.daemonSocket);
            for (const slot of this.slots.values()) {
                if (!slot.reserved) {
                    slot.dirBroken = false;
                    continue;
                }
                try {
                    slot.dirBroken = !(await stat(this.hostDirOf(slot.info.id))).isDirectory();
                }
                catch {
                    slot.dirBroken = true;
                }
            }
            this.recompute();
        }
        finally {
            this.polling = false;
        }
    }
    hostDirOf(id) {
        return join(this.socketDir, 'ports', id);
    }
    async createSlot(slot) {
        const { id, kind, numaNode } = slot.info;
        const dir = this.hostDirOf(id);
        await rm(dir, { recursive: true, force: true });
        await mkdir(dir, { recursive: true, mode: 0o770 });
        const hostSocketPath = join(dir, SOCKET_NAME[kind]);
        const containerSocketPath = join(this.containerDir, id, SOCKET_NAME[kind]);
        const meta = { kind, deviceId: id, numaNode, socket: hostSocketPath, reservedAt: new Date().toISOString() };
        await writeFile(join(dir, 'port.json.tmp'), JSON.stringify(meta) + '\n', { mode: 0o640 });
        await rename(join(dir, 'port.json.tmp'), join(dir, 'port.json'));
        slot.reserved = true; // before the daemon call, so a failure's rollback removes everything
        if (this.daemon) {
            await this.daemonPortDel(id); // an earlier user of this id is gone (see reserve)
            const spec = kind === 'vhost-user'
                ? `vhost-user:${hostSocketPath},mode=0${this.socketMode.toString(8)}`
                : `memif:${hostSocketPath},role=server`;
            try {
                await this.daemon.request('port.add', { name: id, spec });
            }
            catch (e) {
                throw new PortError(e instanceof ApiClientError && e.code === 'connect' ? 'Unhealthy' : 'Io', `sluice daemon did not create port ${id}: ${e.message}`, id);
            }
        }
        slot.dirBroken = false;
        this.recompute();
        return { deviceId: id, kind, numaNode, hostSocketPath, containerSocketPath };
    }
    async removeSlot(slot) {
        if (slot.reserved && this.daemon)
            await this.daemonPortDel(slot.info.id).catch(() => undefined); // a daemon that is down has no port left
        slot.reserved = false;
        slot.dirBroken = false;
        await rm(this.hostDirOf(slot.info.id), { recursive: true, force: true });
        this.recompute();
    }
    /** Delete the daemon's port `name`; absent is fine. */
    async daemonPortDel(name) {
        try {
            await this.daemon.request('port.del', { name });
        }
        catch (e) {
            if (!(e instanceof ApiClientError && e.code === 'not-found'))
                throw e;
        }
    }
    recompute() {
        const changed = new Set();
        for (const slot of this.slots.values()) {
            const reason = !this.daemonUp ? `sluice daemon not answering on ${this.daemonSocket}`
                : slot.dirBroken ? `port directory ${this.hostDirOf(slot.info.id)} is gone` : '';
            const healthy = reason === '';
            if (healthy !== slot.info.healthy || reason !== slot.info.reason) {
                if (healthy !== slot.info.healthy)
                    changed.add(slot.info.kind);
                slot.info.healthy = healthy;
                slot.info.reason = reason;
            }
        }
        for (const kind of changed)
            for (const cb of this.listeners) {
                try {
                    cb(kind);
                }
                catch { /* a listener's bug must not stop the others */ }
            }
    }
    probe(path) {
        return new Promise((resolve) => {
            const sock = connect(path);
            const finish = (ok) => { clearTimeout(t); sock.destroy(); resolve(ok); };
            const t = setTimeout(() => finish(false), this.probeTimeoutMs);
            sock.once('connect', () => finish(true));
            sock.once('error', () => finish(false));
        });
    }
}
//# sourceMappingURL=socket-pool-provider.js.map
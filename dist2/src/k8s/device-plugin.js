/**
 * One kubelet device plugin (API v1beta1) for one kind of Sluice port.
 *
 * Lifecycle (state machine):
 *   stopped --start()--> serving (gRPC server on <pluginDir>/<endpoint>)
 *   serving --Register OK--> registered
 *   serving --kubelet absent/refuses--> serving, retried every retryMs (logged, no throw)
 *   registered --own socket deleted or kubelet.sock replaced (kubelet restart)--> serving
 *            (server rebuilt on a fresh socket, then registered again)
 *   any --stop()--> stopped (ListAndWatch streams ended, socket removed)
 * The watch is a poll of two stat() calls every watchMs: fs.watch does not survive the
 * kubelet deleting and recreating the whole directory, a poll does.
 *
 * RPCs:
 *   GetDevicePluginOptions  pre_start_required and get_preferred_allocation_available true.
 *   ListAndWatch            the full device list now and after every provider health change.
 *   GetPreferredAllocation  preferDevices() per container (NUMA-aware).
 *   Allocate                provider.reserve per container, all-or-nothing across the whole
 *                           request; returns envs (env.ts), mounts and annotations.
 *   PreStartContainer       checks the ids are known and healthy.
 * Bad requests (unknown ids, wrong kind, malformed fields) get INVALID_ARGUMENT naming the
 * field; unhealthy devices FAILED_PRECONDITION; full disks RESOURCE_EXHAUSTED; anything else
 * INTERNAL. A handler never throws into grpc-js.
 */
import { EventEmitter } from 'node:events';
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { HEALTHY, KUBELET_SOCKET_NAME, MAX_DEVICE_ID_LENGTH, UNHEALTHY, VERSION, loadApi, unixAddress, } from './deviceplugin/v1beta1/api.js';
import { buildPortEnv } from './env.js';
import { preferDevices } from './preferred.js';
import { PortError } from './port-provider.js';
import { checkSocketPath } from './socket-pool-provider.js';
const RESOURCE_NAME = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?\/[a-zA-Z0-9]([-a-zA-Z0-9_.]*[a-zA-Z0-9])?$/;
const MAX_IDS_PER_REQUEST = 4096;
function statusError(code, details) {
    return Object.assign(new Error(details), { code, details, metadata: new grpc.Metadata() });
}
function portErrorStatus(err) {
    if (err instanceof PortError) {
        const code = err.code === 'Unhealthy' ? grpc.status.FAILED_PRECONDITION
            : err.code === 'Exhausted' ? grpc.status.RESOURCE_EXHAUSTED
                : err.code === 'Io' ? grpc.status.INTERNAL
                    : grpc.status.INVALID_ARGUMENT;
        return statusError(code, err.message);
    }
    return statusError(grpc.status.INTERNAL, `internal error: ${err?.message ?? String(err)}`);
}
/** Checks a repeated-string field of a request; returns the list or throws INVALID_ARGUMENT. */
function idList(value, field) {
    if (!Array.isArray(value))
        throw statusError(grpc.status.INVALID_ARGUMENT, `${field} must be a list of device ids`);
    if (value.length > MAX_IDS_PER_REQUEST)
        throw statusError(grpc.status.INVALID_ARGUMENT, `${field} has ${value.length} ids (max ${MAX_IDS_PER_REQUEST})`);
    value.forEach((id, i) => {
        if (typeof id !== 'string' || id.length === 0 || id.length > MAX_DEVICE_ID_LENGTH) {
            throw statusError(grpc.status.INVALID_ARGUMENT, `${field}[${i}] is not a device id: ${JSON.stringify(id)?.slice(0, 80)}`);
        }
    });
    return value;
}
export class DevicePlugin extends EventEmitter {
    resourceName;
    kind;
    pluginDir;
    endpoint;
    socketPath;
    kubeletSocketPath;
    state = 'stopped';
    /** Successful registrations so far (a kubelet restart adds one). */
    registrations = 0;
    provider;
    watchMs;
    retryMs;
    registerTimeoutMs;
    log;
    server;
    streams = new Set();
    unsubscribe;
    timer;
    kubeletIno = -1;
    socketIno = -1;
    busy = false;
    ticking = Promise.resolve();
    lastAttempt = 0;
    attemptIno = -1;
    constructor(config) {
        super();
        if (!RESOURCE_NAME.test(config.resourceName))
            throw new Error(`resourceName must look like <domain>/<name>, got ${JSON.stringify(config.resourceName)}`);
        this.resourceName = config.resourceName;
        this.kind = config.kind;
        this.provider = config.provider;
        this.pluginDir = config.pluginDir;
        this.endpoint = config.endpoint ?? `sluice-${config.kind}.sock`;
        if (this.endpoint.includes('/') || this.endpoint === KUBELET_SOCKET_NAME)
            throw new Error(`endpoint must be a plain file name other than ${KUBELET_SOCKET_NAME}, got ${this.endpoint}`);
        this.socketPath = join(this.pluginDir, this.endpoint);
        this.kubeletSocketPath = join(this.pluginDir, KUBELET_SOCKET_NAME);
        checkSocketPath('plugin socket path', this.socketPath);
        checkSocketPath('kubelet socket path', this.kubeletSocketPath);
        this.watchMs = config.watchMs ?? 1000;
        this.retryMs = config.retryMs ?? 5000;
        this.registerTimeoutMs = config.registerTimeoutMs ?? 5000;
        this.log = config.log ?? ((event, fields) => { process.stderr.write(JSON.stringify({ event, resource: this.resourceName, ...fields }) + '\n'); });
    }
    /** Starts serving and tries to register; resolves once the socket is listening. */
    async start() {
        if (this.state !== 'stopped')
            return;
        this.unsubscribe = this.provider.onHealthChange((kind) => { if (kind === this.kind)
            this.broadcast(); });
        await this.serve();
        await this.tryRegister();
        this.timer = setInterval(() => { this.ticking = this.tick(); }, this.watchMs);
        this.timer.unref();
    }
    /** Ends streams, closes the server and removes the socket. */
    async stop() {
        if (this.timer)
            clearInterval(this.timer);
        this.timer = undefined;
        await this.ticking; // a watch pass may be rebuilding the server right now
        this.unsubscribe?.();
        this.unsubscribe = undefined;
        await this.closeServer();
        await rm(this.socketPath, { force: true }).catch(() => undefined);
        this.state = 'stopped';
    }
    /** The list ListAndWatch sends. */
    devices() {
        return this.provider.list(this.kind).map((d) => ({
            ID: d.id,
            health: d.healthy ? HEALTHY : UNHEALTHY,
            topology: d.numaNode >= 0 ? { nodes: [{ ID: d.numaNode }] } : null,
        }));
    }
    async serve() {
        // The kubelet normally owns this directory; create it so we can listen before it starts.
        await mkdir(this.pluginDir, { recursive: true });
        await rm(this.socketPath, { force: true });
        const server = new grpc.Server();
        const api = loadApi();
        server.addService(api.DevicePlugin.service, this.handlers());
        try {
            await new Promise((resolve, reject) => {
                server.bindAsync(unixAddress(this.socketPath), grpc.ServerCredentials.createInsecure(), (err) => (err ? reject(err) : resolve()));
            });
        }
        catch (err) {
            server.forceShutdown();
            throw new Error(`cannot listen on ${this.socketPath}: ${err.message}`);
        }
        this.server = server;
        this.socketIno = (await stat(this.socketPath)).ino;
        this.state = 'serving';
        this.log('serving', { socket: this.socketPath });
    }
    /**
     * The RPC handlers grpc-js calls with decoded requests (also the fuzz target's entry: a
     * request the kubelet, or anything that can reach the socket, sends lands here). Each
     * answers through its callback with a response or a status; none throws.
     */
    handlers() {
        return {
            GetDevicePluginOptions: (_call, cb) => {
                cb(null, { pre_start_required: true, get_preferred_allocation_available: true });
            },
            ListAndWatch: (call) => this.listAndWatch(call),
            GetPreferredAllocation: (call, cb) => {
                try {
                    cb(null, this.preferred(call.request));
                }
                catch (err) {
                    cb(portErrorStatusOr(err));
                }
            },
            Allocate: (call, cb) => {
                this.allocate(call.request).then((r) => cb(null, r), (err) => cb(portErrorStatusOr(err)));
            },
            PreStartContainer: (call, cb) => {
                try {
                    this.preStart(call.request);
                    cb(null, {});
                }
                catch (err) {
                    cb(portErrorStatusOr(err));
                }
            },
        };
    }
    async closeServer() {
        for (const s of this.streams) {
            try {
                s.end();
            }
            catch { /* already gone */ }
        }
        this.streams.clear();
        const server = this.server;
        this.server = undefined;
        if (!server)
            return;
        await new Promise((resolve) => {
            const t = setTimeout(() => { server.forceShutdown(); resolve(); }, 500);
            server.tryShutdown(() => { clearTimeout(t); resolve(); });
        });
    }
    listAndWatch(call) {
        this.streams.add(call);
        const drop = () => { this.streams.delete(call); };
        call.on('cancelled', drop);
        call.on('close', drop);
        call.on('error', drop);
        call.write({ devices: this.devices() });
    }
    broadcast() {
        const msg = { devices: this.devices() };
        this.log('devices-changed', { unhealthy: msg.devices.filter((d) => d.health !== HEALTHY).length, total: msg.devices.length });
        for (const s of this.streams) {
            try {
                s.write(msg);
            }
            catch {
                this.streams.delete(s);
            }
        }
    }
    numaMap() {
        return new Map(this.provider.list(this.kind).map((d) => [d.id, d.numaNode]));
    }
    preferred(req) {
        if (!Array.isArray(req?.container_requests))
            throw statusError(grpc.status.INVALID_ARGUMENT, 'container_requests must be a list');
        const numa = this.numaMap();
        return {
            container_responses: req.container_requests.map((c, i) => {
                const avail = idList(c?.available_deviceIDs, `container_requests[${i}].available_deviceIDs`);
                const must = idList(c?.must_include_deviceIDs, `container_requests[${i}].must_include_deviceIDs`);
                for (const id of [...avail, ...must]) {
                    if (!numa.has(id))
                        throw statusError(grpc.status.INVALID_ARGUMENT, `container_requests[${i}]: unknown device id ${JSON.stringify(id)}`);
                }
                try {
                    return { deviceIDs: preferDevices(avail, must, c.allocation_size, (id) => numa.get(id) ?? -1) };
                }
                catch (err) {
                    throw statusError(grpc.status.INVALID_ARGUMENT, `container_requests[${i}].${err.message}`);
                }
            }),
        };
    }
    async allocate(req) {
        if (!Array.isArray(req?.container_requests) || req.container_requests.length === 0) {
            throw statusError(grpc.status.INVALID_ARGUMENT, 'container_requests must be a non-empty list');
        }
        const lists = req.container_requests.map((c, i) => idList(c?.devices_ids, `container_requests[${i}].devices_ids`));
        const all = lists.flat();
        if (new Set(all).size !== all.length)
            throw statusError(grpc.status.INVALID_ARGUMENT, 'a device id appears twice in one AllocateRequest');
        const reserved = [];
        const responses = [];
        try {
            for (let i = 0; i < lists.length; i++) {
                const ids = lists[i];
                if (ids.length === 0)
                    throw statusError(grpc.status.INVALID_ARGUMENT, `container_requests[${i}].devices_ids is empty`);
                const alloc = await this.provider.reserve(this.kind, ids, { containerIndex: i });
                reserved.push(...ids);
                responses.push(this.containerResponse(alloc.ports, alloc.mounts));
            }
        }
        catch (err) {
            // All-or-nothing across containers: release what earlier containers got.
            if (reserved.length > 0)
                await this.provider.release(this.kind, reserved).catch(() => undefined);
            this.log('allocate-failed', { error: err.message });
            throw err;
        }
        this.log('allocated', { devices: all });
        return { container_responses: responses };
    }
    containerResponse(ports, mounts) {
        for (const p of ports)
            checkSocketPath(`container socket path of ${p.deviceId}`, p.containerSocketPath);
        const nodes = [...new Set(ports.map((p) => p.numaNode))].sort((a, b) => a - b);
        return {
            envs: buildPortEnv(this.kind, ports),
            mounts: mounts.map((m) => ({ container_path: m.containerPath, host_path: m.hostPath, read_only: m.readOnly })),
            devices: [],
            annotations: {
                [`${this.resourceName}.devices`]: ports.map((p) => p.deviceId).join(','),
                [`${this.resourceName}.numa-nodes`]: nodes.join(','),
            },
            cdi_devices: [],
        };
    }
    preStart(req) {
        const ids = idList(req?.devices_ids, 'devices_ids');
        const known = new Map(this.provider.list(this.kind).map((d) => [d.id, d]));
        for (const id of ids) {
            const d = known.get(id);
            if (!d)
                throw statusError(grpc.status.INVALID_ARGUMENT, `devices_ids: unknown device id ${JSON.stringify(id)}`);
            if (!d.healthy)
                throw statusError(grpc.status.FAILED_PRECONDITION, `device ${id} is unhealthy: ${d.reason}`);
        }
    }
    register() {
        const api = loadApi();
        const client = new api.Registration(unixAddress(this.kubeletSocketPath), grpc.credentials.createInsecure());
        const req = {
            version: VERSION,
            endpoint: this.endpoint,
            resource_name: this.resourceName,
            options: { pre_start_required: true, get_preferred_allocation_available: true },
        };
        return new Promise((resolve, reject) => {
            const deadline = new Date(Date.now() + this.registerTimeoutMs);
            client
                .Register(req, { deadline }, (err) => {
                client.close();
                if (err)
                    reject(err);
                else
                    resolve();
            });
        });
    }
    async tryRegister() {
        this.lastAttempt = Date.now();
        let ino;
        try {
            ino = (await stat(this.kubeletSocketPath)).ino;
            this.attemptIno = ino;
        }
        catch {
            this.log('kubelet-absent', { socket: this.kubeletSocketPath, retryMs: this.retryMs });
            this.emit('register-failed', new Error(`kubelet socket ${this.kubeletSocketPath} does not exist`));
            return;
        }
        try {
            await this.register();
            this.kubeletIno = ino;
            this.state = 'registered';
            this.registrations++;
            this.log('registered', { kubelet: this.kubeletSocketPath, endpoint: this.endpoint });
            this.emit('registered');
        }
        catch (err) {
            this.log('register-failed', { error: err.message, retryMs: this.retryMs });
            this.emit('register-failed', err);
        }
    }
    /** One watch pass: detect kubelet restarts and retry registration. */
    async tick() {
        if (this.busy || this.state === 'stopped')
            return;
        this.busy = true;
        try {
            const own = await stat(this.socketPath).then((s) => s.ino, () => -1);
            const kubelet = await stat(this.kubeletSocketPath).then((s) => s.ino, () => -1);
            if (own !== this.socketIno) {
                // The kubelet wipes the directory when it restarts: serve again on a fresh socket.
                this.log('socket-removed', { socket: this.socketPath });
                this.state = 'serving';
                await this.closeServer();
                if (this.timer === undefined)
                    return;
                await this.serve();
                if (kubelet !== -1)
                    await this.tryRegister();
                this.emit('restarted');
            }
            else if (this.state === 'registered' && kubelet !== this.kubeletIno) {
                this.log('kubelet-restarted', { socket: this.kubeletSocketPath });
                this.state = 'serving';
                if (kubelet !== -1)
                    await this.tryRegister();
            }
            else if (this.state === 'serving' && kubelet !== -1 && (kubelet !== this.attemptIno || Date.now() - this.lastAttempt >= this.retryMs)) {
                // A new kubelet socket is tried at once; a refusing kubelet every retryMs.
                await this.tryRegister();
            }
        }
        catch (err) {
            this.log('watch-error', { error: err.message });
        }
        finally {
            this.busy = false;
        }
    }
}
function portErrorStatusOr(err) {
    if (err && typeof err === 'object' && 'code' in err && typeof err.code === 'number')
        return err;
    return portErrorStatus(err);
}
//# sourceMappingURL=device-plugin.js.map
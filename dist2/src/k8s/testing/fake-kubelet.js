/**
 * A fake kubelet for tests: serves the Registration service on <dir>/kubelet.sock and,
 * like the real device manager, dials each registered plugin back on <dir>/<endpoint>,
 * reads its options and keeps a ListAndWatch stream open.
 *
 * It checks Register the way the kubelet does (version must be v1beta1, resource name
 * "<domain>/<name>", endpoint a file in dir) and answers INVALID_ARGUMENT otherwise.
 * restart() mimics a kubelet restart: server down, directory deleted and recreated (taking
 * every plugin socket with it), server up on a new kubelet.sock.
 *
 * Not for production; lives under src/ so the compiled tests can import it.
 */
import { EventEmitter } from 'node:events';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { KUBELET_SOCKET_NAME, VERSION, loadApi, unixAddress, } from '../deviceplugin/v1beta1/api.js';
export class FakeKubelet extends EventEmitter {
    dir;
    plugins = new Map();
    registerCalls = [];
    /** When set, Register fails with this message (e.g. a resource name already taken). */
    refuse;
    server;
    constructor(dir) {
        super();
        this.dir = dir;
    }
    get socketPath() { return join(this.dir, KUBELET_SOCKET_NAME); }
    async start() {
        await mkdir(this.dir, { recursive: true });
        const server = new grpc.Server();
        server.addService(loadApi().Registration.service, {
            Register: (call, cb) => {
                const r = call.request;
                this.registerCalls.push(r);
                if (this.refuse !== undefined)
                    return cb({ code: grpc.status.ALREADY_EXISTS, details: this.refuse });
                if (r.version !== VERSION)
                    return cb({ code: grpc.status.INVALID_ARGUMENT, details: `unsupported version ${r.version}` });
                if (!/^[^/]+\/[^/]+$/.test(r.resource_name))
                    return cb({ code: grpc.status.INVALID_ARGUMENT, details: `bad resource name ${r.resource_name}` });
                if (r.endpoint === '' || r.endpoint.includes('/'))
                    return cb({ code: grpc.status.INVALID_ARGUMENT, details: `bad endpoint ${r.endpoint}` });
                cb(null, {});
                void this.connectPlugin(r);
            },
        });
        await new Promise((resolve, reject) => {
            server.bindAsync(unixAddress(this.socketPath), grpc.ServerCredentials.createInsecure(), (err) => (err ? reject(err) : resolve()));
        });
        this.server = server;
    }
    async stop() {
        for (const p of this.plugins.values()) {
            p.stream?.cancel();
            p.client.close();
        }
        this.plugins.clear();
        const server = this.server;
        this.server = undefined;
        if (server)
            server.forceShutdown();
    }
    /** Kubelet restart: down, wipe the directory, up again on a fresh socket. */
    async restart() {
        await this.stop();
        await rm(this.dir, { recursive: true, force: true });
        await mkdir(this.dir, { recursive: true });
        await this.start();
    }
    /** Resolves with the plugin's handle once it has registered and sent a first list. */
    waitFor(resourceName, minUpdates = 1, timeoutMs = 5000) {
        return new Promise((resolve, reject) => {
            const check = () => {
                const p = this.plugins.get(resourceName);
                if (p && p.updates.length >= minUpdates) {
                    cleanup();
                    resolve(p);
                }
            };
            const cleanup = () => { clearTimeout(t); this.off('update', check); };
            const t = setTimeout(() => { cleanup(); reject(new Error(`timeout waiting for ${resourceName} (${minUpdates} updates)`)); }, timeoutMs);
            this.on('update', check);
            check();
        });
    }
    allocate(resourceName, req) {
        return this.call(resourceName, 'Allocate', req);
    }
    preferred(resourceName, req) {
        return this.call(resourceName, 'GetPreferredAllocation', req);
    }
    preStart(resourceName, ids) {
        return this.call(resourceName, 'PreStartContainer', { devices_ids: ids });
    }
    call(resourceName, method, req) {
        const p = this.plugins.get(resourceName);
        if (!p)
            return Promise.reject(new Error(`${resourceName} is not registered`));
        const fn = p.client[method].bind(p.client);
        return new Promise((resolve, reject) => fn(req, (err, res) => (err ? reject(err) : resolve(res))));
    }
    async connectPlugin(r) {
        const old = this.plugins.get(r.resource_name);
        if (old) {
            old.stream?.cancel();
            old.client.close();
        }
        const api = loadApi();
        const client = new api.DevicePlugin(unixAddress(join(this.dir, r.endpoint)), grpc.credentials.createInsecure());
        const handle = { resourceName: r.resource_name, endpoint: r.endpoint, options: null, client, updates: [], stream: undefined };
        this.plugins.set(r.resource_name, handle);
        const c = client;
        handle.options = await new Promise((resolve) => c.GetDevicePluginOptions({}, (err, res) => resolve(err ? null : res)));
        const stream = c.ListAndWatch({});
        handle.stream = stream;
        stream.on('data', (msg) => { handle.updates.push(msg.devices); this.emit('update', handle); });
        stream.on('error', () => { });
    }
}
//# sourceMappingURL=fake-kubelet.js.map
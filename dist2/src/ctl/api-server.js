/**
 * The management API transport: JSON lines over a unix stream socket. One request per line,
 * one response per line, in order per connection:
 *
 *   → {"id": 1, "method": "port.add", "params": {"name": "vm1", "spec": "vhost-user:/run/vm1.sock"}}
 *   ← {"id": 1, "ok": true, "result": {...}}
 *   ← {"id": 1, "ok": false, "error": {"code": "exists", "message": "port \"vm1\" already exists"}}
 *
 * Trust (the socket is the only door; file mode/group decide who may knock):
 *  - the socket is created under umask 0177 and then chmod'ed to `mode` (default 0600) and
 *    chown'ed to `group`, so there is no window where others can connect; a stale socket
 *    file is removed only if nothing answers on it (a live daemon is never hijacked);
 *  - every line is parsed and checked here (JSON object, `method` a string, `params` an
 *    object); a bad line gets an error response and the connection stays usable;
 *  - a line longer than `maxRequestBytes` gets an error and the connection is closed;
 *  - requests of one connection run one at a time, with a yield to the event loop between
 *    them, and reading pauses while `maxQueued` requests wait: a flooding client gets
 *    served slowly and the engine (same thread, cooperative) keeps breathing;
 *  - a connection idle for `idleTimeoutMs` (no request in flight) is closed; one that does not
 *    read its responses (more than `maxBufferedBytes` unsent) is closed;
 *  - a handler that throws produces an error response; the daemon never dies of a request;
 *  - each connection's peer (pid, uid, gid) is read once with SO_PEERCRED and handed to the
 *    handler with every request, so the daemon knows who asks (access.ts).
 */
import { createServer, connect } from 'node:net';
import { chmodSync, chownSync, existsSync, lstatSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { dirname } from 'node:path';
import { peerCred } from '../sys/index.js';
export class ApiError extends Error {
    code;
    constructor(code, message) {
        super(message);
        this.code = code;
        this.name = 'ApiError';
    }
}
/** An unknown peer (SO_PEERCRED failed): trusted with nothing. */
const NOBODY = { pid: 0, uid: -1, gid: -1 };
/** Resolve a group name to a gid from /etc/group; throws naming the group. */
export function resolveGroup(g) {
    if (typeof g === 'number')
        return g;
    if (/^\d+$/.test(g))
        return Number(g);
    for (const line of readFileSync('/etc/group', 'utf8').split('\n')) {
        const f = line.split(':');
        if (f[0] === g && f[2] !== undefined)
            return Number(f[2]);
    }
    throw new ApiError('invalid', `api.group: no group named "${g}"`);
}
function probe(path) {
    return new Promise((resolve) => {
        const s = connect(path);
        s.once('connect', () => { s.destroy(); resolve(true); });
        s.once('error', () => resolve(false));
    });
}
export class ApiServer {
    handler;
    server;
    sockets = new Set();
    opts;
    requests = 0;
    errors = 0;
    constructor(opts, handler) {
        this.handler = handler;
        this.opts = {
            mode: 0o600, maxRequestBytes: 1 << 20, maxQueued: 64, idleTimeoutMs: 60_000, maxBufferedBytes: 16 << 20, maxConnections: 64,
            ...opts,
        };
    }
    async listen() {
        const { path } = this.opts;
        const mode = typeof this.opts.mode === 'string' ? parseInt(this.opts.mode, 8) : this.opts.mode;
        const gid = this.opts.group !== undefined ? resolveGroup(this.opts.group) : undefined;
        // bind() on a missing directory reports EACCES through node: name the real cause.
        let dir;
        try {
            dir = statSync(dirname(path));
        }
        catch (e) {
            throw new ApiError('unavailable', `api.socket: cannot listen on ${path}: no directory ${dirname(path)} (${e.code ?? 'error'})`);
        }
        if (!dir.isDirectory())
            throw new ApiError('unavailable', `api.socket: cannot listen on ${path}: ${dirname(path)} is not a directory`);
        if (existsSync(path)) {
            if (!lstatSync(path).isSocket())
                throw new ApiError('unavailable', `api.socket: ${path} exists and is not a socket`);
            if (await probe(path))
                throw new ApiError('unavailable', `api.socket: a daemon is already listening on ${path}`);
            unlinkSync(path);
        }
        const server = createServer((s) => this.accept(s));
        server.maxConnections = this.opts.maxConnections;
        const old = process.umask(0o177);
        try {
            await new Promise((resolve, reject) => {
                server.once('error', reject);
                server.listen(path, () => { server.off('error', reject); resolve(); });
            });
        }
        catch (e) {
            const c = e.code;
            const why = c === 'ENOENT' ? ` (no directory ${dirname(path)})` : c === 'EACCES' ? ` (no write permission on ${dirname(path)})` : '';
            throw new ApiError('unavailable', `api.socket: cannot listen on ${path}: ${c ?? e.message}${why}`);
        }
        finally {
            process.umask(old);
        }
        this.server = server; // from here on, close() removes the socket file
        try {
            if (gid !== undefined)
                chownSync(path, process.getuid(), gid);
            chmodSync(path, mode);
        }
        catch (e) {
            await this.close();
            throw new ApiError('unavailable', `api.socket: cannot set the owner or mode of ${path}: ${e.code ?? e.message}`);
        }
        server.on('error', (e) => this.opts.log?.({ event: 'api-error', error: e.message }));
    }
    async close() {
        for (const s of this.sockets)
            s.destroy();
        if (!this.server)
            return; // never listened: the path may be another daemon's socket
        await new Promise((r) => this.server.close(() => r()));
        this.server = undefined;
        try {
            unlinkSync(this.opts.path);
        }
        catch { /* already gone */ }
    }
    accept(sock) {
        this.sockets.add(sock);
        let caller = NOBODY;
        try {
            caller = peerCred(sock._handle.fd);
        }
        catch (e) {
            this.opts.log?.({ level: 'warn', event: 'peercred-failed', error: e.message });
        }
        let buf = '';
        const queue = [];
        let busy = false;
        const send = (msg) => {
            if (sock.destroyed)
                return;
            sock.write(JSON.stringify(msg) + '\n');
            if (sock.writableLength > this.opts.maxBufferedBytes)
                sock.destroy(); // client does not read
        };
        const pump = async () => {
            if (busy)
                return;
            busy = true;
            while (queue.length > 0 && !sock.destroyed) {
                if (queue.length <= this.opts.maxQueued / 2 && sock.isPaused())
                    sock.resume();
                const line = queue.shift();
                send(await this.handle(line, caller));
                // Let the engine breathe between requests of a flooding client.
                await new Promise((r) => setImmediate(r));
            }
            busy = false;
            if (sock.isPaused() && !sock.destroyed)
                sock.resume();
        };
        sock.setEncoding('utf8');
        sock.setTimeout(this.opts.idleTimeoutMs, () => { if (!busy)
            sock.destroy(); });
        sock.on('data', (chunk) => {
            buf += chunk;
            let nl;
            while ((nl = buf.indexOf('\n')) >= 0) {
                const line = buf.slice(0, nl);
                buf = buf.slice(nl + 1);
                if (line.trim() !== '')
                    queue.push(line);
            }
            if (buf.length > this.opts.maxRequestBytes) {
                send({ id: null, ok: false, error: { code: 'too-large', message: `request larger than ${this.opts.maxRequestBytes} bytes` } });
                sock.end();
                sock.destroy();
                return;
            }
            if (queue.length >= this.opts.maxQueued)
                sock.pause();
            void pump();
        });
        sock.on('error', () => sock.destroy());
        sock.on('close', () => { this.sockets.delete(sock); queue.length = 0; });
    }
    /** Parse, check and run one request line; always returns a response object. */
    async handle(line, caller = NOBODY) {
        this.requests++;
        let req;
        if (line.length > this.opts.maxRequestBytes)
            return this.fail(null, 'too-large', `request larger than ${this.opts.maxRequestBytes} bytes`);
        try {
            req = JSON.parse(line);
        }
        catch (e) {
            return this.fail(null, 'bad-request', `malformed JSON: ${e.message}`);
        }
        if (typeof req !== 'object' || req === null || Array.isArray(req))
            return this.fail(null, 'bad-request', 'request must be a JSON object');
        const r = req;
        const id = r.id === undefined ? null : r.id;
        if (id !== null && typeof id !== 'number' && typeof id !== 'string')
            return this.fail(null, 'bad-request', '"id" must be a number or string');
        if (typeof r.method !== 'string' || r.method === '')
            return this.fail(id, 'bad-request', '"method" must be a non-empty string');
        const params = r.params ?? {};
        if (typeof params !== 'object' || params === null || Array.isArray(params))
            return this.fail(id, 'bad-request', '"params" must be an object');
        try {
            const result = await this.handler(r.method, params, caller);
            return { id, ok: true, result: result ?? null };
        }
        catch (e) {
            if (e instanceof ApiError)
                return this.fail(id, e.code, e.message);
            this.opts.log?.({ event: 'api-internal-error', method: r.method, error: e.stack ?? String(e) });
            return this.fail(id, 'internal', e.message ?? String(e));
        }
    }
    fail(id, code, message) {
        this.errors++;
        return { id, ok: false, error: { code, message } };
    }
}
//# sourceMappingURL=api-server.js.map
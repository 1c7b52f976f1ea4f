/**
 * Client side of the management API (api-server.ts): connect to the daemon's unix socket,
 * send JSON-line requests, read responses in order. Used by every CLI verb that talks to
 * a running daemon. `request` rejects with ApiClientError: code "connect" when no daemon
 * answers, "denied" when the socket refuses this user (EACCES/EPERM), the daemon's error
 * code otherwise.
 */
import { connect } from 'node:net';
export class ApiClientError extends Error {
    code;
    constructor(code, message) {
        super(message);
        this.code = code;
        this.name = 'ApiClientError';
    }
}
/** Where the CLI looks for the daemon: --socket, $SLUICE_SOCKET, then the systemd default. */
export const DEFAULT_SOCKET = '/run/sluice/api.sock';
export function socketPath(given) {
    return given ?? process.env.SLUICE_SOCKET ?? DEFAULT_SOCKET;
}
export class ApiClient {
    path;
    timeoutMs;
    sock;
    buf = '';
    nextId = 1;
    pending = new Map();
    constructor(path, timeoutMs = 30_000) {
        this.path = path;
        this.timeoutMs = timeoutMs;
    }
    async connect() {
        if (this.sock)
            return;
        const s = connect(this.path);
        await new Promise((resolve, reject) => {
            s.once('connect', resolve);
            s.once('error', (e) => reject(e.code === 'EACCES' || e.code === 'EPERM'
                // The daemon may well be running: this user may not connect (not in the socket's group).
                ? new ApiClientError('denied', `permission denied on ${this.path} (the daemon's API socket: its group may connect, see sluice daemon --socket-group)`)
                : new ApiClientError('connect', `cannot reach the daemon at ${this.path}: ${e.code ?? e.message} (is "sluice daemon" running? --socket PATH or $SLUICE_SOCKET)`)));
        });
        s.setEncoding('utf8');
        s.on('data', (c) => {
            this.buf += c;
            let nl;
            while ((nl = this.buf.indexOf('\n')) >= 0) {
                const line = this.buf.slice(0, nl);
                this.buf = this.buf.slice(nl + 1);
                let msg;
                try {
                    msg = JSON.parse(line);
                }
                catch {
                    continue;
                }
                const p = typeof msg.id === 'number' ? this.pending.get(msg.id) : undefined;
                if (!p)
                    continue;
                this.pending.delete(msg.id);
                if (msg.ok)
                    p.resolve(msg.result);
                else
                    p.reject(new ApiClientError(msg.error?.code ?? 'error', msg.error?.message ?? 'request failed'));
            }
        });
        const fail = (e) => { for (const p of this.pending.values())
            p.reject(e); this.pending.clear(); };
        s.on('error', (e) => fail(new ApiClientError('connect', `connection to the daemon failed: ${e.message}`)));
        s.on('close', () => { fail(new ApiClientError('connect', 'the daemon closed the connection')); this.sock = undefined; });
        this.sock = s;
    }
    async request(method, params = {}, timeoutMs = this.timeoutMs) {
        await this.connect();
        const id = this.nextId++;
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => { this.pending.delete(id); reject(new ApiClientError('timeout', `no answer to ${method} within ${timeoutMs} ms`)); }, timeoutMs);
            this.pending.set(id, {
                resolve: (v) => { clearTimeout(timer); resolve(v); },
                reject: (e) => { clearTimeout(timer); reject(e); },
            });
            this.sock.write(JSON.stringify({ id, method, params }) + '\n');
        });
    }
    close() { this.sock?.destroy(); this.sock = undefined; }
}
/** One request on a fresh connection (CLI verbs). */
export async function call(path, method, params = {}, timeoutMs) {
    const c = new ApiClient(path);
    try {
        return await c.request(method, params, timeoutMs);
    }
    finally {
        c.close();
    }
}
//# sourceMappingURL=api-client.js.map
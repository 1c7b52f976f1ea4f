/**
 * An engine on its own worker thread, pinned to a CPU (run-to-completion), controlled from
 * the main thread by messages. Several workers connected by interlink rings form a pipeline.
 * The pool must live in shared memory (a SharedRegion's fd, or a SharedArrayBuffer).
 */
import { Worker, MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { eventfd, eventfdWrite, closeFd } from '../sys/index.js';
export class EngineWorker {
    worker;
    port;
    doorbell = eventfd();
    nextId = 1;
    pending = new Map();
    exited = false;
    constructor(opts) {
        const { port1, port2 } = new MessageChannel();
        this.port = port1;
        const data = {
            name: opts.name, pool: opts.pool, rings: opts.rings ?? {},
            modules: opts.modules ?? [],
            ...(opts.cpu !== undefined ? { cpu: opts.cpu } : {}),
            idleSpellMs: opts.idleSpellMs ?? 5, maxSleepMs: opts.maxSleepMs ?? 100, doorbell: this.doorbell, port: port2,
        };
        this.worker = new Worker(new URL('./engine-thread.js', import.meta.url), { workerData: data, transferList: [port2] });
        const onReply = (m) => {
            if (m.kind === 'log') {
                opts.log?.(m.event);
                return;
            }
            const p = this.pending.get(m.id);
            if (!p)
                return;
            this.pending.delete(m.id);
            if (m.kind === 'error')
                p.reject(new Error(m.message));
            else
                p.resolve(m);
        };
        this.port.on('message', onReply);
        this.worker.on('error', (e) => this.failAll(e));
        this.worker.on('exit', () => {
            this.exited = true;
            // 'exit' may be emitted before the port delivers the thread's last replies (the stop
            // reply among them): take those first, so only requests it never answered fail.
            for (let m = receiveMessageOnPort(this.port); m !== undefined; m = receiveMessageOnPort(this.port))
                onReply(m.message);
            this.failAll(new Error(`engine ${opts.name} exited`));
        });
    }
    failAll(e) {
        for (const p of this.pending.values())
            p.reject(e);
        this.pending.clear();
    }
    request(cmd) {
        if (this.exited)
            return Promise.reject(new Error('engine worker has exited'));
        const id = this.nextId++;
        return new Promise((resolve, reject) => {
            this.pending.set(id, { resolve, reject });
            this.port.postMessage({ ...cmd, id });
            eventfdWrite(this.doorbell); // wake it if it sleeps
        });
    }
    async configure(config) { await this.request({ kind: 'configure', config }); }
    async stats() {
        return (await this.request({ kind: 'stats' })).stats;
    }
    /** Stop the apps (draining links), end the thread, and return the final stats. */
    async stop() {
        const r = (await this.request({ kind: 'stop' }));
        await new Promise((res) => { if (this.exited)
            res();
        else
            this.worker.once('exit', () => res()); });
        this.port.close();
        closeFd(this.doorbell);
        return r.stats;
    }
}
//# sourceMappingURL=worker.js.map
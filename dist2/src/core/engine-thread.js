/**
 * Body of an engine worker thread (see worker.ts): attaches the shared packet pool and
 * rings, imports app modules, pins itself to a CPU, then polls in a loop. Between breaths
 * it checks its command port every ~1 ms without yielding to the event loop; after an idle
 * spell it sleeps in epoll_wait on the apps' wake fds and its own doorbell eventfd. The
 * wake fds are asked for at each sleep and join the epoll for that sleep only (as the main
 * thread's runner does): they change while the engine runs (a vhost-user ring handed over,
 * a kick fd replaced), and one closed while registered must not linger.
 */
import { workerData, receiveMessageOnPort } from 'node:worker_threads';
import { mapFd, setThreadAffinity, Epoll, EPOLLIN, eventfdRead } from '../sys/index.js';
import { PacketPool } from './packet.js';
import { Engine, loadAppModules } from './engine.js';
import { attachRing } from './interlink.js';
const d = workerData;
const port = d.port;
const reply = (m) => port.postMessage(m);
const buffer = d.pool.sab ?? mapFd(d.pool.fd, d.pool.size).buffer;
const pool = new PacketPool(buffer, d.pool.count, d.pool.bufSize, false);
for (const [name, r] of Object.entries(d.rings))
    attachRing(name, r);
for (const m of d.modules)
    await import(m);
if (d.cpu !== undefined)
    setThreadAffinity([d.cpu]);
const engine = new Engine(pool, { log: (e) => reply({ kind: 'log', event: { engine: d.name, ...e } }) });
const epoll = new Epoll();
epoll.add(d.doorbell, EPOLLIN, d.doorbell);
const ready = new Uint32Array(16);
async function configure(c) {
    await loadAppModules(c);
    engine.configure(c);
}
/** Sleep up to maxSleepMs on the doorbell and the apps' wake fds (slow path). */
function sleep() {
    const fds = [...new Set(engine.wakeFds())].filter((fd) => fd !== d.doorbell);
    const added = [];
    for (const fd of fds) {
        try {
            epoll.add(fd, EPOLLIN, fd);
            added.push(fd);
        }
        catch { /* not pollable or closed: not waited on */ }
    }
    const n = epoll.wait(d.maxSleepMs, ready);
    for (let i = 0; i < n; i++)
        if (ready[i] === d.doorbell)
            eventfdRead(d.doorbell);
    for (const fd of added)
        epoll.remove(fd);
}
let running = true;
async function handle(cmd) {
    try {
        if (cmd.kind === 'configure') {
            await configure(cmd.config);
            reply({ kind: 'ok', id: cmd.id });
        }
        else if (cmd.kind === 'stats')
            reply({ kind: 'stats', id: cmd.id, stats: engine.stats() });
        else if (cmd.kind === 'stop') {
            running = false;
            // Take in what peers already queued for us (rings) before stopping; sources would
            // never go idle, so this is bounded.
            for (let i = 0; i < 1000 && engine.breathe(performance.now()); i++)
                ;
            engine.drain();
            const stats = engine.stats();
            engine.stop();
            reply({ kind: 'stats', id: cmd.id, stats });
        }
    }
    catch (e) {
        reply({ kind: 'error', id: cmd.id, message: e.message });
    }
}
/**
 * Breathe for about a millisecond; returns when the last busy breath was (-1: none). The
 * hot loop lives in a plain function, which the JIT optimizes fully, not in this module's
 * top-level (async, because of its awaits) body.
 */
function breatheFor(until) {
    let busyAt = -1;
    let now = performance.now();
    while (now < until) {
        if (engine.breathe(now))
            busyAt = now;
        now = performance.now();
    }
    return busyAt;
}
let lastBusy = performance.now();
while (running) {
    const busyAt = breatheFor(performance.now() + 1);
    if (busyAt >= 0)
        lastBusy = busyAt;
    let m = receiveMessageOnPort(port);
    while (m !== undefined) {
        await handle(m.message);
        m = receiveMessageOnPort(port);
    }
    if (running && d.idleSpellMs > 0 && performance.now() - lastBusy > d.idleSpellMs) {
        engine.notifyIdle(true);
        if (!engine.breathe(performance.now()))
            sleep();
        engine.notifyIdle(false);
        lastBusy = performance.now();
    }
}
epoll.close();
//# sourceMappingURL=engine-thread.js.map
import { CostSampler } from './probes.js';
import { poller, LoopWatch, Epoll, EPOLLIN } from '../sys/index.js';
export class EngineRunner {
    engine;
    running = false;
    stopped;
    wake;
    sliceMs;
    idleSpellMs;
    maxSleepMs;
    sampleEvery;
    sampler = new CostSampler();
    /** Observes every breath while active (packet traces). */
    probe = null;
    countdown;
    /** Milliseconds spent on busy breaths vs idle breaths and sleeping (engine load). */
    busyMs = 0;
    idleMs = 0;
    sleeps = 0;
    fdWakeups = 0;
    wakeEpoll;
    wakeWatch;
    /** Wake fds registered for the current sleep; what the watch reported that is not one of them. */
    wakeAdded = [];
    wakeStale = false;
    wakeReady = new Uint32Array(16);
    constructor(engine, opts = {}) {
        this.engine = engine;
        this.sliceMs = opts.sliceMs ?? 1;
        this.idleSpellMs = opts.idleSpellMs ?? 5;
        this.maxSleepMs = opts.maxSleepMs ?? 200;
        this.sampleEvery = opts.sampleEvery ?? 64;
        this.countdown = this.sampleEvery;
        this.refresh();
    }
    /** Drop cost records of apps that are gone (after a configure; sampling follows the order by itself). */
    refresh() { this.sampler.sync(this.engine); }
    /** Sampled cost by app name, kept across reconfigurations for apps that stay. */
    get costs() { return this.sampler.costs; }
    start() {
        if (this.running)
            return;
        this.running = true;
        this.stopped = this.loop();
    }
    async stop() {
        this.running = false;
        this.wake?.(false);
        await this.stopped;
        this.closeWakeWatch();
    }
    /**
     * The epoll that holds the wake fds during a sleep, and the LoopWatch on it. Rebuilt when
     * it reported an fd that is not a wake fd of the current sleep: a kick fd closed while
     * registered stays in an epoll as long as the peer holds the eventfd, and if it was left
     * readable it would end every sleep at once.
     */
    wakeWatchOf() {
        if (this.wakeStale)
            this.closeWakeWatch();
        if (this.wakeEpoll === undefined) {
            const ep = new Epoll(16);
            this.wakeEpoll = ep;
            this.wakeWatch = new LoopWatch(ep.fd, () => {
                const n = ep.wait(0, this.wakeReady);
                for (let i = 0; i < n; i++)
                    if (!this.wakeAdded.includes(this.wakeReady[i]))
                        this.wakeStale = true;
                this.wake?.(true);
            });
        }
        return { ep: this.wakeEpoll, watch: this.wakeWatch };
    }
    closeWakeWatch() {
        this.wakeWatch?.close();
        this.wakeEpoll?.close();
        this.wakeWatch = undefined;
        this.wakeEpoll = undefined;
        this.wakeStale = false;
    }
    /** True while the runner sleeps on wake fds. */
    get sleeping() { return this.wake !== undefined; }
    /** Wake a sleeping runner now (after a reconfiguration, or a trace was added). */
    kick() { this.wake?.(true); }
    /** One breath: traced, sampled or plain. Returns whether packets moved. */
    breathe(now) {
        const probe = this.probe;
        if (probe !== null && probe.active)
            return this.engine.breathe(now, probe);
        if (--this.countdown <= 0) {
            this.countdown = this.sampleEvery;
            return this.engine.breathe(now, this.sampler);
        }
        return this.engine.breathe(now);
    }
    async loop() {
        let lastBusy = performance.now();
        while (this.running) {
            const start = performance.now();
            const end = start + this.sliceMs;
            let now = start, n = 0, busy = 0;
            while (now < end) {
                if (this.breathe(now)) {
                    lastBusy = now;
                    busy++;
                }
                n++;
                now = performance.now();
            }
            const dt = now - start;
            this.busyMs += (dt * busy) / n;
            this.idleMs += dt - (dt * busy) / n;
            if (this.idleSpellMs > 0 && now - lastBusy > this.idleSpellMs && !(this.probe?.active)) {
                this.engine.notifyIdle(true);
                let byFd = true;
                if (!this.breathe(performance.now()))
                    byFd = await this.sleep();
                this.engine.notifyIdle(false);
                // A kick means traffic (or a reconfiguration): poll for a full idle spell again.
                if (byFd)
                    lastBusy = performance.now();
            }
            else {
                await new Promise((r) => setImmediate(r));
            }
        }
    }
    /**
     * Sleep until a wake fd fires (true) or maxSleepMs passes (false). The wake fds sit in one
     * epoll fd that the event loop itself watches (LoopWatch: the thread blocks in libuv's
     * epoll_wait and a kick wakes it directly); where Node does not export libuv, each fd is
     * watched through the Poller thread instead (one more thread hop).
     */
    async sleep() {
        const fds = [...new Set(this.engine.wakeFds())];
        const direct = LoopWatch.available() ? this.wakeWatchOf() : undefined;
        const t0 = performance.now();
        this.sleeps++;
        const byFd = await new Promise((resolve) => {
            let timer;
            // The fds are in the watched set only for this sleep (added now, removed at the end
            // while still open): a port that closes its kick fd between sleeps leaves nothing stale.
            const added = this.wakeAdded = [];
            const done = (fd) => {
                if (this.wake === undefined)
                    return;
                this.wake = undefined;
                if (timer)
                    clearTimeout(timer);
                if (direct) {
                    direct.watch.stop();
                    for (const f of added)
                        try {
                            direct.ep.remove(f);
                        }
                        catch {
                            this.wakeStale = true;
                        }
                }
                else
                    for (const f of added)
                        poller().remove(f);
                resolve(fd);
            };
            this.wake = done;
            for (const f of fds) {
                try {
                    if (direct)
                        direct.ep.add(f, EPOLLIN, f);
                    else
                        poller().add(f, () => done(true));
                    added.push(f);
                }
                catch { /* a closed fd, or one its owner already watches: maxSleepMs still bounds the sleep */ }
            }
            direct?.watch.start();
            timer = setTimeout(() => done(false), this.maxSleepMs);
        });
        if (byFd)
            this.fdWakeups++;
        this.idleMs += performance.now() - t0;
        return byFd;
    }
}
//# sourceMappingURL=runner.js.map
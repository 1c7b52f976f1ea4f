/**
 * Runs an Engine cooperatively on the main thread, in slices of `sliceMs` with the event
 * loop serviced between them, so the management API, vhost-user/memif control messages and
 * metrics scrapes share the thread with the data path without locks (worker engines use
 * engine-thread.ts instead). The Host (runtime/host.ts) runs its main engine with one. It:
 *
 *  - sleeps adaptively: after `idleSpellMs` of idle breaths it tells apps (`idle(true)`),
 *    breathes once more (closing the race with a peer that queued just before), then sleeps
 *    on every app's wake fd (vhost-user kicks, memif interrupts, TAP/AF_PACKET readiness),
 *    watched by the event loop itself (see sleep()), or `maxSleepMs`. A wake by fd resumes
 *    busy polling; a timeout runs one slice (ticks, timers) and sleeps again, so an idle
 *    daemon costs ~1 slice per `maxSleepMs`.
 *    `idleSpellMs: 0` = pure polling. Apps drain their own wake fds (in idle(true));
 *    the runner only watches them.
 *  - samples per-app cost: every `sampleEvery`-th breath is handed the CostSampler probe
 *    (probes.ts), which gives ns/packet per app for `sluice top` without timing every breath.
 *  - hands every breath to `probe` (a packet Tracer, ctl/trace.ts) while it is active; the
 *    plain path checks one field per breath.
 *
 * Every breath is `engine.breathe` (the one breath loop); probes only observe it.
 */
import type { Engine, BreathProbe } from './engine.js';
import { CostSampler, type AppCost } from './probes.js';
import { poller, LoopWatch, Epoll, EPOLLIN } from '../sys/index.js';

export interface RunnerOptions {
  sliceMs?: number;
  idleSpellMs?: number;
  maxSleepMs?: number;
  sampleEvery?: number;
}

/** A probe that observes every breath while `active` (a packet trace). */
export interface ActiveProbe extends BreathProbe { readonly active: boolean }

export class EngineRunner {
  private running = false;
  private stopped: Promise<void> | undefined;
  private wake: ((byFd: boolean) => void) | undefined;
  sliceMs: number;
  idleSpellMs: number;
  maxSleepMs: number;
  sampleEvery: number;
  private readonly sampler = new CostSampler();
  /** Observes every breath while active (packet traces). */
  probe: ActiveProbe | null = null;
  private countdown: number;
  /** Milliseconds spent on busy breaths vs idle breaths and sleeping (engine load). */
  busyMs = 0;
  idleMs = 0;
  sleeps = 0;
  fdWakeups = 0;
  private wakeEpoll: Epoll | undefined;
  private wakeWatch: LoopWatch | undefined;
  /** Wake fds registered for the current sleep; what the watch reported that is not one of them. */
  private wakeAdded: number[] = [];
  private wakeStale = false;
  private readonly wakeReady = new Uint32Array(16);

  constructor(readonly engine: Engine, opts: RunnerOptions = {}) {
    this.sliceMs = opts.sliceMs ?? 1;
    this.idleSpellMs = opts.idleSpellMs ?? 5;
    this.maxSleepMs = opts.maxSleepMs ?? 200;
    this.sampleEvery = opts.sampleEvery ?? 64;
    this.countdown = this.sampleEvery;
    this.refresh();
  }

  /** Drop cost records of apps that are gone (after a configure; sampling follows the order by itself). */
  refresh(): void { this.sampler.sync(this.engine); }

  /** Sampled cost by app name, kept across reconfigurations for apps that stay. */
  get costs(): ReadonlyMap<string, AppCost> { return this.sampler.costs; }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.stopped = this.loop();
  }

  async stop(): Promise<void> {
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
  private wakeWatchOf(): { ep: Epoll; watch: LoopWatch } {
    if (this.wakeStale) this.closeWakeWatch();
    if (this.wakeEpoll === undefined) {
      const ep = new Epoll(16);
      this.wakeEpoll = ep;
      this.wakeWatch = new LoopWatch(ep.fd, () => {
        const n = ep.wait(0, this.wakeReady);
        for (let i = 0; i < n; i++) if (!this.wakeAdded.includes(this.wakeReady[i]!)) this.wakeStale = true;
        this.wake?.(true);
      });
    }
    return { ep: this.wakeEpoll, watch: this.wakeWatch! };
  }

  private closeWakeWatch(): void {
    this.wakeWatch?.close();
    this.wakeEpoll?.close();
    this.wakeWatch = undefined;
    this.wakeEpoll = undefined;
    this.wakeStale = false;
  }

  /** True while the runner sleeps on wake fds. */
  get sleeping(): boolean { return this.wake !== undefined; }

  /** Wake a sleeping runner now (after a reconfiguration, or a trace was added). */
  kick(): void { this.wake?.(true); }

  /** One breath: traced, sampled or plain. Returns whether packets moved. */
  breathe(now: number): boolean {
    const probe = this.probe;
    if (probe !== null && probe.active) return this.engine.breathe(now, probe);
    if (--this.countdown <= 0) { this.countdown = this.sampleEvery; return this.engine.breathe(now, this.sampler); }
    return this.engine.breathe(now);
  }

  private async loop(): Promise<void> {
    let lastBusy = performance.now();
    while (this.running) {
      const start = performance.now();
      const end = start + this.sliceMs;
      let now = start, n = 0, busy = 0;
      while (now < end) {
        if (this.breathe(now)) { lastBusy = now; busy++; }
        n++;
        now = performance.now();
      }
      const dt = now - start;
      this.busyMs += (dt * busy) / n;
      this.idleMs += dt - (dt * busy) / n;
      if (this.idleSpellMs > 0 && now - lastBusy > this.idleSpellMs && !(this.probe?.active)) {
        this.engine.notifyIdle(true);
        let byFd = true;
        if (!this.breathe(performance.now())) byFd = await this.sleep();
        this.engine.notifyIdle(false);
        // A kick means traffic (or a reconfiguration): poll for a full idle spell again.
        if (byFd) lastBusy = performance.now();
      } else {
        await new Promise<void>((r) => setImmediate(r));
      }
    }
  }

  /**
   * Sleep until a wake fd fires (true) or maxSleepMs passes (false). The wake fds sit in one
   * epoll fd that the event loop itself watches (LoopWatch: the thread blocks in libuv's
   * epoll_wait and a kick wakes it directly); where Node does not export libuv, each fd is
   * watched through the Poller thread instead (one more thread hop).
   */
  private async sleep(): Promise<boolean> {
    const fds = [...new Set(this.engine.wakeFds())];
    const direct = LoopWatch.available() ? this.wakeWatchOf() : undefined;
    const t0 = performance.now();
    this.sleeps++;
    const byFd = await new Promise<boolean>((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      // The fds are in the watched set only for this sleep (added now, removed at the end
      // while still open): a port that closes its kick fd between sleeps leaves nothing stale.
      const added: number[] = this.wakeAdded = [];
      const done = (fd: boolean) => {
        if (this.wake === undefined) return;
        this.wake = undefined;
        if (timer) clearTimeout(timer);
        if (direct) {
          direct.watch.stop();
          for (const f of added) try { direct.ep.remove(f); } catch { this.wakeStale = true; }
        } else for (const f of added) poller().remove(f);
        resolve(fd);
      };
      this.wake = done;
      for (const f of fds) {
        try {
          if (direct) direct.ep.add(f, EPOLLIN, f); else poller().add(f, () => done(true));
          added.push(f);
        } catch { /* a closed fd, or one its owner already watches: maxSleepMs still bounds the sleep */ }
      }
      direct?.watch.start();
      timer = setTimeout(() => done(false), this.maxSleepMs);
    });
    if (byFd) this.fdWakeups++;
    this.idleMs += performance.now() - t0;
    return byFd;
  }
}

/**
 * Runs an Engine cooperatively on the main thread, in slices of `sliceMs` with the event
 * loop serviced between them, so the management API, vhost-user/memif control messages and
 * metrics scrapes share the thread with the data path without locks (worker engines use
 * engine-thread.ts instead). Used by `sluice switch`, `sluice run` and the daemon. It:
 *
 *  - sleeps adaptively: after `idleSpellMs` of idle breaths it tells apps (`idle(true)`),
 *    breathes once more (closing the race with a peer that queued just before), then sleeps
 *    on every app's wake fd (vhost-user kicks, memif interrupts, TAP/AF_PACKET readiness),
 *    watched by the event loop itself (see sleep()), or `maxSleepMs`. A wake by fd resumes
 *    busy polling; a timeout runs one slice (ticks, timers) and sleeps again, so an idle
 *    daemon costs ~1 slice per `maxSleepMs`.
 *    `idleSpellMs: 0` = pure polling. Apps drain their own wake fds (in idle(true));
 *    the runner only watches them.
 *  - samples per-app cost: every `sampleEvery`-th breath is timed app by app (ns and
 *    packets moved), which gives ns/packet per app for `sluice top` without timing every
 *    breath (two clock reads per app per sampled breath).
 *  - hands breaths to a Tracer while a packet trace is active (trace.ts); the untraced path
 *    checks one field per breath.
 *
 * It drives the engine's public API only: `engine.order()` gives pull/push order after each
 * configure (call `refresh()`); ticks run inside `engine.breathe` (sampled and traced breaths
 * skip ticks; the next plain breath runs them).
 */
import type { Engine } from './engine.js';
import type { App } from './app.js';
import { BUSY_POLLS, IDLE_POLLS } from './counters.js';
import { poller, LoopWatch, Epoll, EPOLLIN } from '../sys/index.js';

export interface RunnerOptions {
  sliceMs?: number;
  idleSpellMs?: number;
  maxSleepMs?: number;
  sampleEvery?: number;
}

/** Hook run instead of a plain breath while tracing (see trace.ts). */
export interface BreathHook { active: boolean; breathe(engine: Engine, pulls: App[], pushes: App[], now: number): boolean }

/** Sampled cost of one app: time and packets of its sampled calls that moved packets (idle polls are not per-packet cost). */
export class AppCost {
  ns = 0;
  packets = 0;
  calls = 0;
}

function outTotal(a: App): number {
  let n = 0;
  const o = a.outputs;
  for (let i = 0; i < o.length; i++) n += o[i]!.txPackets + o[i]!.txDrop;
  return n;
}

function inTotal(a: App): number {
  let n = 0;
  const o = a.inputs;
  for (let i = 0; i < o.length; i++) n += o[i]!.rxPackets;
  return n;
}

export class EngineRunner {
  private running = false;
  private stopped: Promise<void> | undefined;
  private wake: ((byFd: boolean) => void) | undefined;
  sliceMs: number;
  idleSpellMs: number;
  maxSleepMs: number;
  sampleEvery: number;
  private pulls: App[] = [];
  private pushes: App[] = [];
  private pullCost: AppCost[] = [];
  private pushCost: AppCost[] = [];
  /** Cost by app name (sampled), kept across reconfigurations for apps that stay. */
  readonly costs = new Map<string, AppCost>();
  hook: BreathHook | null = null;
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

  /** Re-read the engine's app order (after every configure). */
  refresh(): void {
    const o = this.engine.order();
    const get = (n: string) => this.engine.apps.get(n)!;
    this.pulls = o.pull.map(get);
    this.pushes = o.push.map(get);
    const live = new Set(this.engine.apps.keys());
    for (const k of [...this.costs.keys()]) if (!live.has(k)) this.costs.delete(k);
    const cost = (n: string) => { let c = this.costs.get(n); if (!c) { c = new AppCost(); this.costs.set(n, c); } return c; };
    // Pull and push of one app share a cost record.
    this.pullCost = o.pull.map(cost);
    this.pushCost = o.push.map(cost);
  }

  get pullApps(): App[] { return this.pulls; }
  get pushApps(): App[] { return this.pushes; }

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
    const hook = this.hook;
    if (hook !== null && hook.active) return hook.breathe(this.engine, this.pulls, this.pushes, now);
    if (--this.countdown <= 0) { this.countdown = this.sampleEvery; return this.sampledBreath(); }
    return this.engine.breathe(now);
  }

  private sampledBreath(): boolean {
    const engine = this.engine;
    let moved = 0;
    const pulls = this.pulls;
    for (let i = 0; i < pulls.length; i++) {
      const a = pulls[i]!, c = this.pullCost[i]!;
      const m = outTotal(a);
      const t0 = performance.now();
      a.pull!();
      const t1 = performance.now();
      const d = outTotal(a) - m;
      a.counters[d !== 0 ? BUSY_POLLS : IDLE_POLLS]++;
      if (d !== 0) { c.ns += (t1 - t0) * 1e6; c.packets += d; c.calls++; }
      moved += d;
    }
    const pushes = this.pushes;
    for (let i = 0; i < pushes.length; i++) {
      const a = pushes[i]!, c = this.pushCost[i]!;
      const m = inTotal(a);
      const t0 = performance.now();
      a.push!();
      const t1 = performance.now();
      const d = inTotal(a) - m;
      if (d !== 0) { c.ns += (t1 - t0) * 1e6; c.packets += d; c.calls++; }
      moved += d;
    }
    engine.breaths++;
    if (moved !== 0) engine.busyBreaths++;
    return moved !== 0;
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
      if (this.idleSpellMs > 0 && now - lastBusy > this.idleSpellMs && !(this.hook?.active)) {
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

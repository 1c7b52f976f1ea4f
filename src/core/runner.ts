/**
 * Runs an Engine cooperatively on the main thread, in slices of `sliceMs` with the event
 * loop serviced between them, so the management API, vhost-user/memif control messages and
 * metrics scrapes share the thread with the data path without locks (worker engines use
 * engine-thread.ts instead). Used by `sluice switch`, `sluice run` and the daemon. It:
 *
 *  - sleeps adaptively: after `idleSpellMs` of idle breaths it tells apps (`idle(true)`),
 *    breathes once more (closing the race with a peer that queued just before), then sleeps
 *    on every app's wake fd (vhost-user kicks, memif interrupts, TAP/AF_PACKET readiness)
 *    or `maxSleepMs`: lightly for `lightSleepMs` after traffic stops (blocking in epoll_wait
 *    itself, waking in tens of µs), then deeply through the Poller thread (see sleep()).
 *    A wake by fd resumes busy polling; a timeout runs one slice (ticks, timers) and sleeps
 *    again, so an idle daemon costs ~1 slice per `maxSleepMs`.
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
import { poller, eventLoopFd, Epoll, EPOLLIN } from '../sys/index.js';

/** Longest single block in epoll_wait during a light sleep (ms). */
const NAP_MS = 1;

export interface RunnerOptions {
  sliceMs?: number;
  idleSpellMs?: number;
  maxSleepMs?: number;
  /** How long after going idle the runner sleeps lightly (see nap()); 0 = always deep. */
  lightSleepMs?: number;
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
  lightSleepMs: number;
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
  /** True while asleep in the Poller (deep) rather than napping (light). */
  deepSleeping = false;
  private napEpoll: Epoll | undefined;
  private readonly napFds = new Set<number>();
  private readonly napReady = new Uint32Array(16);

  constructor(readonly engine: Engine, opts: RunnerOptions = {}) {
    this.sliceMs = opts.sliceMs ?? 1;
    this.idleSpellMs = opts.idleSpellMs ?? 5;
    this.maxSleepMs = opts.maxSleepMs ?? 200;
    this.lightSleepMs = opts.lightSleepMs ?? 50;
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
    this.napEpoll?.close();
    this.napEpoll = undefined;
    this.napFds.clear();
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
        const t = performance.now();
        if (!this.breathe(t)) byFd = await this.sleep(t - lastBusy);
        this.engine.notifyIdle(false);
        // A kick means traffic (or a reconfiguration): poll for a full idle spell again.
        if (byFd) lastBusy = performance.now();
      } else {
        await new Promise<void>((r) => setImmediate(r));
      }
    }
  }

  /**
   * Sleep until a wake fd fires (true) or maxSleepMs passes (false). Two depths, like CPU
   * idle states: for `lightSleepMs` after traffic stopped, nap (a kick wakes the engine in
   * tens of µs); after that, sleep deep through the Poller thread (no CPU while idle, ~100 µs
   * to wake). `idleFor`: ms since the last busy breath.
   */
  private async sleep(idleFor: number): Promise<boolean> {
    const light = this.idleSpellMs + this.lightSleepMs - idleFor;
    const loopFd = light > 0 ? eventLoopFd() : -1;
    if (loopFd >= 0) {
      const r = await this.nap(loopFd, light);
      if (r !== undefined) return r;
    }
    return this.deepSleep();
  }

  /**
   * Light sleep: block this thread in epoll_wait on the wake fds plus the event loop's own
   * fd, in naps of at most NAP_MS, for up to `budgetMs`. A kick wakes the engine directly;
   * event-loop I/O (API, vhost-user messages, worker replies) ends a nap so the loop runs it.
   * Each nap starts a setImmediate callback, where Node has just drained promise jobs and
   * nextTicks (blocking in a promise continuation would hold back jobs queued before it).
   * Timers and other immediates wait up to NAP_MS, which is why naps are only taken for a
   * short while after traffic (each timed wait also costs CPU: 40-200 µs in this VM).
   * Returns true (fd or kick()), false (stop()), or undefined when the budget ran out.
   */
  private nap(loopFd: number, budgetMs: number): Promise<boolean | undefined> {
    const ep = this.syncNapFds(loopFd);
    const t0 = performance.now();
    const deadline = t0 + budgetMs;
    const ready = this.napReady;
    this.sleeps++;
    let woken: boolean | undefined;
    this.wake = (byFd) => { woken = byFd; };
    return new Promise((resolve) => {
      const finish = (r: boolean | undefined): void => {
        this.wake = undefined;
        if (r === true) this.fdWakeups++;
        this.idleMs += performance.now() - t0;
        resolve(r);
      };
      const step = (): void => {
        if (woken !== undefined) { finish(woken); return; }
        const left = deadline - performance.now();
        if (left <= 0) { finish(undefined); return; }
        const n = ep.wait(left < NAP_MS ? Math.ceil(left) : NAP_MS, ready);
        for (let i = 0; i < n; i++) if (ready[i] !== loopFd) { finish(true); return; }
        setImmediate(step); // loop I/O or a nap's end: let the event loop run, then nap again
      };
      setImmediate(step);
    });
  }

  /** The nap epoll, watching exactly the current wake fds plus the loop fd. */
  private syncNapFds(loopFd: number): Epoll {
    if (this.napEpoll === undefined) {
      this.napEpoll = new Epoll(16);
      this.napEpoll.add(loopFd, EPOLLIN, loopFd);
    }
    const ep = this.napEpoll;
    const want = new Set(this.engine.wakeFds());
    want.delete(loopFd);
    for (const fd of this.napFds) if (!want.has(fd)) { ep.remove(fd); this.napFds.delete(fd); }
    for (const fd of want) {
      if (this.napFds.has(fd)) continue;
      try { ep.add(fd, EPOLLIN, fd); this.napFds.add(fd); } catch { /* a closed or odd fd: the nap budget still bounds the sleep */ }
    }
    return ep;
  }

  /** Deep sleep: watch the wake fds through the Poller thread, bounded by maxSleepMs. */
  private async deepSleep(): Promise<boolean> {
    this.deepSleeping = true;
    try { return await this.pollerSleep(); } finally { this.deepSleeping = false; }
  }

  private async pollerSleep(): Promise<boolean> {
    const fds = [...new Set(this.engine.wakeFds())];
    const t0 = performance.now();
    this.sleeps++;
    const byFd = await new Promise<boolean>((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const done = (fd: boolean) => {
        if (this.wake === undefined) return;
        this.wake = undefined;
        if (timer) clearTimeout(timer);
        for (const f of fds) poller().remove(f);
        resolve(fd);
      };
      this.wake = done;
      for (const f of fds) {
        try { poller().add(f, () => done(true)); } catch { /* already watched by its owner: the timeout still bounds the sleep */ }
      }
      timer = setTimeout(() => done(false), this.maxSleepMs);
    });
    if (byFd) this.fdWakeups++;
    this.idleMs += performance.now() - t0;
    return byFd;
  }
}

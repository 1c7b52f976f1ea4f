/**
 * Runs an Engine on the main thread, cooperatively: it breathes in slices of `sliceMs`
 * and yields to the event loop between slices, so control-plane work (vhost-user and memif
 * messages, the management API) runs on the same thread as the data path and never races
 * it. When every breath of `idleSpellMs` was idle, apps are told (`idle(true)`: e.g. enable
 * guest kicks, drain kick eventfds) and the runner sleeps until one of the apps' wake fds fires or
 * `maxSleepMs` passes (adaptive polling). Worker engines use engine-thread.ts instead.
 */
import type { Engine } from './engine.js';
import { poller } from '../sys/index.js';

export interface RunnerOptions {
  sliceMs?: number;
  /** Idle time before sleeping; 0 disables sleeping (pure polling). */
  idleSpellMs?: number;
  maxSleepMs?: number;
}

export class EngineRunner {
  private running = false;
  private stopped: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private readonly sliceMs: number;
  private readonly idleSpellMs: number;
  private readonly maxSleepMs: number;
  sleeps = 0;
  /** Milliseconds spent breathing vs sleeping/yielding (for busy %). */
  busyMs = 0;
  idleMs = 0;

  constructor(readonly engine: Engine, opts: RunnerOptions = {}) {
    this.sliceMs = opts.sliceMs ?? 1;
    this.idleSpellMs = opts.idleSpellMs ?? 5;
    this.maxSleepMs = opts.maxSleepMs ?? 100;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.stopped = this.loop();
  }

  /** Stop after the current slice. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.stopped;
  }

  /** Wake a sleeping runner now (e.g. after a reconfiguration). */
  kick(): void { this.wake?.(); }

  private async loop(): Promise<void> {
    const engine = this.engine;
    let lastBusy = performance.now();
    while (this.running) {
      const start = performance.now();
      const end = start + this.sliceMs;
      let now = start;
      let busyInSlice = 0;
      while (now < end) {
        if (engine.breathe(now)) { lastBusy = now; busyInSlice++; }
        now = performance.now();
      }
      if (busyInSlice > 0) this.busyMs += now - start;
      else this.idleMs += now - start;
      if (this.idleSpellMs > 0 && now - lastBusy > this.idleSpellMs) {
        engine.notifyIdle(true);
        // One more breath after enabling notifications closes the race with a peer that
        // queued work just before it saw notifications turned on.
        if (!engine.breathe(performance.now())) await this.sleep();
        engine.notifyIdle(false);
        lastBusy = performance.now();
      } else {
        await new Promise<void>((r) => setImmediate(r));
      }
    }
  }

  private async sleep(): Promise<void> {
    const fds = [...new Set(this.engine.wakeFds())];
    const t0 = performance.now();
    this.sleeps++;
    await new Promise<void>((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const done = () => {
        if (this.wake === undefined) return;
        this.wake = undefined;
        if (timer) clearTimeout(timer);
        for (const fd of fds) poller().remove(fd);
        resolve();
      };
      this.wake = done;
      for (const fd of fds) {
        poller().add(fd, done); // apps drain their own fds (in idle(true)/pull), the runner only watches
      }
      timer = setTimeout(done, this.maxSleepMs);
    });
    this.idleMs += performance.now() - t0;
  }
}

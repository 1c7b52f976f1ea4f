/**
 * Per-app cost sampling as a breath probe (engine.ts BreathProbe): on the breaths it is
 * handed (the runner hands it every `sampleEvery`-th), each app call is timed, and calls
 * that moved packets add their time and packets to the app's cost. That gives ns/packet per
 * app for `sluice top` and `stats` at two clock reads per app per sampled breath.
 */
import type { App } from './app.js';
import type { BreathProbe, Engine } from './engine.js';

/** Sampled cost of one app: time and packets of its sampled calls that moved packets (idle polls are not per-packet cost). */
export class AppCost {
  ns = 0;
  packets = 0;
  calls = 0;
}

export class CostSampler implements BreathProbe {
  /** Cost by app name, kept across reconfigurations for apps that stay. */
  readonly costs = new Map<string, AppCost>();
  private pullCost: AppCost[] = [];
  private pushCost: AppCost[] = [];
  private version = -1;
  private t0 = 0;

  /** Follow the engine's current pull/push order (pull and push of one app share a record). */
  sync(engine: Engine): void {
    const o = engine.order();
    const live = new Set(engine.apps.keys());
    for (const k of [...this.costs.keys()]) if (!live.has(k)) this.costs.delete(k);
    const cost = (n: string) => { let c = this.costs.get(n); if (!c) { c = new AppCost(); this.costs.set(n, c); } return c; };
    this.pullCost = o.pull.map(cost);
    this.pushCost = o.push.map(cost);
    this.version = engine.orderVersion;
  }

  begin(engine: Engine): void { if (engine.orderVersion !== this.version) this.sync(engine); }
  beforePull(): void { this.t0 = performance.now(); }
  afterPull(_a: App, i: number, moved: number): void { this.add(this.pullCost[i]!, moved); }
  beforePush(): void { this.t0 = performance.now(); }
  afterPush(_a: App, i: number, moved: number): void { this.add(this.pushCost[i]!, moved); }
  end(): void {}

  private add(c: AppCost, moved: number): void {
    const t1 = performance.now();
    if (moved !== 0) { c.ns += (t1 - this.t0) * 1e6; c.packets += moved; c.calls++; }
  }
}

/**
 * Per-app cost sampling as a breath probe (engine.ts BreathProbe): on the breaths it is
 * handed (the runner hands it every `sampleEvery`-th), each app call is timed, and calls
 * that moved packets add their time and packets to the app's cost. That gives ns/packet per
 * app for `sluice top` and `stats` at two clock reads per app per sampled breath.
 */
import type { App } from './app.js';
import type { BreathProbe, Engine } from './engine.js';
/** Sampled cost of one app: time and packets of its sampled calls that moved packets (idle polls are not per-packet cost). */
export declare class AppCost {
    ns: number;
    packets: number;
    calls: number;
}
export declare class CostSampler implements BreathProbe {
    /** Cost by app name, kept across reconfigurations for apps that stay. */
    readonly costs: Map<string, AppCost>;
    private pullCost;
    private pushCost;
    private version;
    private t0;
    /** Follow the engine's current pull/push order (pull and push of one app share a record). */
    sync(engine: Engine): void;
    begin(engine: Engine): void;
    beforePull(): void;
    afterPull(_a: App, i: number, moved: number): void;
    beforePush(): void;
    afterPush(_a: App, i: number, moved: number): void;
    end(): void;
    private add;
}

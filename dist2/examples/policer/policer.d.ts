/**
 * A token-bucket policer written as a Sluice app, the way a user writes a network function:
 * packets on `input` within `rate` packets/s (bursts up to `burst`) go to `output`; the
 * excess is dropped and counted under the shared reason `filtered`.
 */
import { App, type AppContext } from 'sluice';
export interface PolicerArgs {
    rate: number;
    burst?: number;
}
export declare class Policer extends App {
    private readonly rate;
    private readonly burst;
    private tokens;
    private last;
    private in;
    private out;
    passed: number;
    constructor(ctx: AppContext, args: PolicerArgs);
    linked(): void;
    push(): void;
    report(): Record<string, unknown>;
}

import type { EngineStats } from '../core/engine.js';
import { type RunConfig } from './load.js';
type Counters = Omit<EngineStats['apps'][string], 'extra' | 'type'>;
export interface RunSummary {
    ports: ({
        name: string;
        spec: string;
    } & Pick<Counters, 'rx' | 'tx' | 'drops'>)[];
    /** Every app of every engine, with its report as `info`. */
    apps: ({
        name: string;
        type: string;
        info?: Record<string, unknown>;
    } & Counters)[];
}
export declare function runConfig(cfg: RunConfig, opts: {
    duration?: number;
    stats?: number;
    name: string;
}): Promise<RunSummary>;
export {};

import type { GraphConfig } from '../core/config.js';
import type { DataPlaneState } from '../runtime/state.js';
export interface RunConfig {
    pool?: {
        buffers?: number;
        bufferSize?: number;
        hugepages?: 'auto' | 'never' | 'require';
    };
    ports?: Record<string, string>;
    mode?: 'patch' | 'bridge' | 'none';
    apps?: GraphConfig['apps'];
    links?: string[];
    engines?: {
        name: string;
        cpu?: number;
        apps: string[];
    }[];
    idleSpellMs?: number;
    duration?: number;
}
export declare class ConfigError extends Error {
}
/** Parse and validate `text` (named `file` in errors). */
export declare function parseRunConfig(text: string, file: string): RunConfig;
/** Why one of `cpus` cannot be used by this process (sched_getaffinity), or undefined. */
export declare function unavailableCpu(cpus: readonly number[]): string | undefined;
export declare function loadRunConfig(path: string): RunConfig;
/**
 * The config as a desired state (runtime/state.ts): `ports` joined by `mode` (patch: pairs in
 * the order given, as patch bridges; bridge: one learning bridge br0), `apps`, `links` and
 * the `engines` placement as given. Throws naming the port or app.
 */
export declare function runState(cfg: RunConfig): DataPlaneState;
/** Check that the config derives and places (the run's engines are those it names). */
export declare function checkRunConfig(cfg: RunConfig): void;

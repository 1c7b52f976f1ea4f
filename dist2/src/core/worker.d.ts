/**
 * An engine on its own worker thread, pinned to a CPU (run-to-completion), controlled from
 * the main thread by messages. Several workers connected by interlink rings form a pipeline.
 * The pool must live in shared memory (a SharedRegion's fd, or a SharedArrayBuffer).
 */
import { type MessagePort } from 'node:worker_threads';
import type { GraphConfig } from './config.js';
import type { EngineStats } from './engine.js';
import type { SharedRing } from './interlink.js';
export interface PoolSource {
    fd?: number;
    size?: number;
    sab?: SharedArrayBuffer;
    count: number;
    bufSize: number;
}
export interface EngineWorkerData {
    name: string;
    pool: PoolSource;
    rings: Record<string, SharedRing>;
    /** Module URLs imported before configuring (to register app types). */
    modules: string[];
    cpu?: number;
    idleSpellMs: number;
    maxSleepMs: number;
    doorbell: number;
    port: MessagePort;
}
export type WorkerCommand = {
    kind: 'configure';
    id: number;
    config: GraphConfig;
} | {
    kind: 'stats';
    id: number;
} | {
    kind: 'stop';
    id: number;
};
export type WorkerReply = {
    kind: 'ok';
    id: number;
} | {
    kind: 'stats';
    id: number;
    stats: EngineStats;
} | {
    kind: 'error';
    id: number;
    message: string;
} | {
    kind: 'log';
    event: Record<string, unknown>;
};
export interface EngineWorkerOptions {
    name: string;
    pool: PoolSource;
    rings?: Record<string, SharedRing>;
    modules?: string[];
    cpu?: number;
    idleSpellMs?: number;
    maxSleepMs?: number;
    log?: (e: Record<string, unknown>) => void;
}
export declare class EngineWorker {
    private readonly worker;
    private readonly port;
    private readonly doorbell;
    private nextId;
    private readonly pending;
    private exited;
    constructor(opts: EngineWorkerOptions);
    private failAll;
    private request;
    configure(config: GraphConfig): Promise<void>;
    stats(): Promise<EngineStats>;
    /** Stop the apps (draining links), end the thread, and return the final stats. */
    stop(): Promise<EngineStats>;
}

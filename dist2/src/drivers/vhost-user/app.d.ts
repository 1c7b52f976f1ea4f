import { App, type AppContext } from '../../core/app.js';
import type { AppSpec } from '../../core/config.js';
import { VhostUserPort } from './port.js';
export interface VhostUserArgs {
    path: string;
    client?: boolean;
    queues?: number;
    mode?: number | string;
    group?: string | number;
    workers?: number;
    offloads?: boolean;
}
export declare const vhostUserSchema: {
    type: string;
    additionalProperties: boolean;
    required: string[];
    properties: {
        path: {
            type: string;
            minLength: number;
            maxLength: number;
        };
        client: {
            type: string;
        };
        queues: {
            type: string;
            minimum: number;
            maximum: number;
        };
        mode: {
            anyOf: ({
                type: string;
                minimum: number;
                maximum: number;
                pattern?: undefined;
            } | {
                minimum?: undefined;
                maximum?: undefined;
                type: string;
                pattern: string;
            })[];
        };
        group: {
            anyOf: ({
                minimum?: undefined;
                type: string;
                minLength: number;
            } | {
                minLength?: undefined;
                type: string;
                minimum: number;
            })[];
        };
        workers: {
            type: string;
            minimum: number;
            maximum: number;
        };
        offloads: {
            type: string;
        };
    };
};
/** Parse `PATH[,client][,queues=N][,mode=0660][,group=NAME][,offloads]` (throws naming the bad option). */
export declare function parseVhostUserPort(s: string): VhostUserArgs;
export declare class VhostUserApp extends App {
    readonly port: VhostUserPort;
    private out;
    private in;
    /** The patch partner for the single-copy path, if our output goes straight to it. */
    private direct;
    private readonly burst;
    constructor(ctx: AppContext, args: VhostUserArgs);
    linked(): void;
    pull(): void;
    push(): void;
    /** Publish the port's counters (this thread's and its workers') into the app's counter array. */
    tick(): void;
    /**
     * With `workers`: the app each worker engine runs for its queue pairs (index = worker).
     * The switch puts them in the workers' graphs under this app's name.
     */
    spread(): AppSpec[];
    wakeFds(): number[];
    /** Engine hook: going to sleep (re-enable guest kicks) or waking up. */
    idle(sleeping: boolean): void;
    report(): Record<string, unknown>;
    stop(): void;
}

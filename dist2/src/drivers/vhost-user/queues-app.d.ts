/**
 * `vhost-user-queues`: the queue pairs of a vhost-user port that one worker engine serves
 * (multiqueue spread over engines). The port itself (socket, protocol, memory table) stays
 * with its `vhost-user` app on the main thread; this app gets the rings through a share
 * (queue-share.ts) and runs only their data path, with the same links and counters as the
 * port app:
 *
 *        guest TX (its pairs) ──► pull() ──► output "output"
 *        guest RX (its pairs) ◄── push() ◄── input  "input"
 *
 * When `output` leads straight into another `vhost-user-queues` app on the same engine (a
 * patch of two multiqueue ports), pull() forwards guest to guest in one copy, as the port
 * app does. The switch builds these apps from `VhostUserApp.spread()`; they are not meant to
 * be written by hand in configs.
 */
import { App, type AppContext } from '../../core/app.js';
import { QueueShareWorker, type ShareHandle } from './queue-share.js';
export declare const vhostUserQueuesSchema: {
    type: string;
    additionalProperties: boolean;
    required: string[];
    properties: {
        share: {
            type: string;
            required: string[];
        };
    };
};
export declare class VhostUserQueuesApp extends App {
    readonly share: QueueShareWorker;
    private out;
    private in;
    private direct;
    private readonly burst;
    constructor(ctx: AppContext, args: {
        share: ShareHandle;
    });
    linked(): void;
    pull(): void;
    push(): void;
    tick(): void;
    /** The share's doorbell (publish/pause) and the guests' kicks on the TX rings held now. */
    wakeFds(): number[];
    idle(sleeping: boolean): void;
    report(): Record<string, unknown>;
    stop(): void;
}

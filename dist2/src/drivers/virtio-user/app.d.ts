/**
 * `virtio-user` port app: Sluice as the virtio driver attached to any vhost-user backend.
 *
 *        backend → us ──► pull() ──► output "output"   (counters rx = from the peer)
 *        us → backend ◄── push() ◄── input  "input"    (counters tx = to the peer)
 *
 * Args (also the port string `virtio-user:PATH[,queues=N][,offloads]`): path, queues, queueSize,
 * offloads (ask for GUEST_CSUM/GUEST_TSO4/6: super-frames from the backend are cut on arrival).
 * The connection is set up asynchronously; until it is ready, packets to the peer are
 * dropped as PORT_DOWN.
 */
import { App, type AppContext } from '../../core/app.js';
import { VirtioUserPort } from './port.js';
export interface VirtioUserArgs {
    path: string;
    queues?: number;
    queueSize?: number;
    offloads?: boolean;
}
export declare const virtioUserSchema: {
    type: string;
    additionalProperties: boolean;
    required: string[];
    properties: {
        path: {
            type: string;
            minLength: number;
            maxLength: number;
        };
        queues: {
            type: string;
            minimum: number;
            maximum: number;
        };
        queueSize: {
            type: string;
            enum: number[];
        };
        offloads: {
            type: string;
        };
    };
};
/** Parse `PATH[,queues=N][,offloads]`. */
export declare function parseVirtioUserPort(s: string): VirtioUserArgs;
export declare class VirtioUserApp extends App {
    readonly port: VirtioUserPort;
    private out;
    private in;
    private readonly burst;
    /** Receive scratch: a burst plus one super-frame's segments. */
    private readonly rxBurst;
    private notReady;
    constructor(ctx: AppContext, args: VirtioUserArgs);
    linked(): void;
    pull(): void;
    push(): void;
    tick(): void;
    wakeFds(): number[];
    report(): Record<string, unknown>;
    stop(): void;
}

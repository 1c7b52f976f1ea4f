/**
 * Small apps for engine/runner tests (test-only; importing registers them): `test-kicked`
 * emits one packet per eventfd kick and sleeps on it, `test-halver` drops every second
 * packet as filtered, `test-counter` consumes and counts.
 */
import { PacketPool } from '../../src/core/packet.js';
import { App } from '../../src/core/app.js';
/** Emits one packet per eventfd kick; sleeps on the eventfd. */
export declare class Kicked extends App {
    readonly fd: number;
    pull(): void;
    wakeFds(): number[];
    stop(): void;
}
export declare function pool(): PacketPool;
export declare const until: (f: () => boolean, ms?: number) => Promise<boolean>;

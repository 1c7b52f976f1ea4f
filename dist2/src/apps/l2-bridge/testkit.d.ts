/**
 * Test helpers shared by the switching/routing app tests (not used by the data path):
 * `test-inject` (a pull app emitting queued frames on `output`), `test-capture` (a push app
 * copying every frame from `input` and freeing it), a small pool, and a raw frame builder.
 * Importing this module registers the two test app types.
 */
import { App } from '../../core/app.js';
import { PacketPool } from '../../core/packet.js';
export declare function makePool(n?: number): PacketPool;
/** Emits queued frames (copies) on `output`, as many as fit per pull. */
export declare class Inject extends App {
    readonly queue: Uint8Array[];
    send(...frames: Uint8Array[]): void;
    pull(): void;
}
/** Copies every frame arriving on `input`, then frees it. */
export declare class Capture extends App {
    readonly frames: Uint8Array[];
    push(): void;
    take(): Uint8Array[];
}
/** A raw Ethernet frame: dst, src, optional 802.1Q VID, EtherType, payload bytes (zero padded to 60 bytes). */
export declare function ethFrame(dst: string, src: string, opts?: {
    vlan?: number;
    etherType?: number;
    payload?: Uint8Array;
    size?: number;
}): Uint8Array;
/** VID of a frame's outer 802.1Q tag, or -1 when untagged. */
export declare function frameVlan(f: Uint8Array): number;

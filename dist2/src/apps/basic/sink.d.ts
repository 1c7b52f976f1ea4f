/**
 * Sink (`sink`): consumes everything on `input`, counting it as transmitted to this port,
 * and verifies generator stamps: per packet it reads the sequence number where the
 * generator wrote it and counts in-order, lost (gaps), and late/duplicate packets.
 * `null` is the same without verification.
 */
import { App, type AppContext } from '../../core/app.js';
export interface SinkArgs {
    /** Byte offset of the stamp in each frame (42 for untagged IPv4/UDP; 46 with one VLAN tag). */
    stampOffset?: number;
    verify?: boolean;
}
export declare const sinkSchema: {
    type: string;
    additionalProperties: boolean;
    properties: {
        stampOffset: {
            type: string;
            minimum: number;
            maximum: number;
        };
        verify: {
            type: string;
        };
    };
};
export declare class Sink extends App {
    private in;
    readonly verify: boolean;
    readonly stampOffset: number;
    expected: number;
    inOrder: number;
    lost: number;
    late: number;
    unstamped: number;
    private readonly burst;
    private readonly view;
    constructor(ctx: AppContext, args: SinkArgs);
    linked(): void;
    push(): void;
    /** Verify the stamps of burst[0..m): in order, lost (gaps), late/duplicate, unstamped. */
    private check;
    report(): Record<string, unknown>;
}
/** `null`: discard everything given to it (counted as tx), produce nothing. */
export declare class NullPort extends Sink {
    constructor(ctx: AppContext, _args: unknown);
}

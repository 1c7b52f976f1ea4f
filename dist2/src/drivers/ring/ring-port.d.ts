/**
 * In-process ring port (`ring:NAME`): a virtual wire. The first port named NAME takes one
 * end, the second the other; what one end is sent comes out of the other end's output, through
 * a pair of shared SPSC rings (so the two ends may sit in different switches or engines of
 * one process). A full ring drops (`link_full`); packets sent while no peer end exists are
 * dropped as `port_down`.
 *
 *   input ──► ring a→b ──► output of the other end
 */
import { App, type AppContext } from '../../core/app.js';
export declare class RingPort extends App {
    private readonly wire;
    private readonly end;
    private readonly txRing;
    private readonly rxRing;
    private readonly burst;
    private in;
    private out;
    constructor(ctx: AppContext, args: {
        name: string;
    });
    linked(): void;
    pull(): void;
    push(): void;
    stop(): void;
}

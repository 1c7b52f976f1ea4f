/**
 * `applyCaptures(graph, captures)`: a pure graph transform that inserts a pass-through
 * `capture` app on a port's output link (dir rx: what the port received from its peer)
 * and/or in front of its input link (dir tx: what the switch sends to the peer). Used by
 * `Switch` and the daemon; the input graph is not modified.
 *
 *   rx:  PORT.output -> X.in      becomes  PORT.output -> cap.input, cap.output -> X.in
 *   tx:  Y.out -> PORT.input      becomes  Y.out -> cap.input,       cap.output -> PORT.input
 *
 * Capture app names are `cap_PORT_rx` / `cap_PORT_tx` (with `_2`, `_3`… when taken). Several
 * captures of one port and direction chain. Throws a clear Error for an unknown port, a
 * port without the link to capture, a bad `dir` or a filter that does not compile.
 */
import type { GraphConfig } from '../../core/config.js';
import './register.js';
export interface CaptureSpec {
    /** App name of the port. */
    port: string;
    /** pcapng file, FIFO, or `-`. */
    file: string;
    dir: 'rx' | 'tx' | 'both';
    filter?: string;
}
/** A new graph with capture apps inserted; see the module header. */
export declare function applyCaptures(graph: GraphConfig, captures: readonly CaptureSpec[]): GraphConfig;
/**
 * Parse the CLI form `PORT:FILE[,dir=rx|tx|both][,filter=EXPR]` (PORT may also be a port
 * index, resolved by the caller). Throws naming the bad part.
 */
export declare function parseCaptureOption(text: string): {
    port: string;
    file: string;
    dir: 'rx' | 'tx' | 'both';
    filter?: string;
};

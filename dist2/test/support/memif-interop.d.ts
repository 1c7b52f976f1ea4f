/**
 * dpdk-testpmd with a net_memif vdev, driven line by line through stdin (interactive
 * mode), for memif interop tests and the memif benchmark. The child is killed by pid on
 * `kill()`; `quit()` sends stop/quit and returns the whole output.
 */
import { type ChildProcess } from 'node:child_process';
export interface TestpmdStats {
    rx: number;
    tx: number;
    txDropped: number;
}
export declare class Testpmd {
    readonly child: ChildProcess;
    out: string;
    private readonly exited;
    /** `vdev` e.g. `net_memif0,role=client,socket=/x.sock,socket-abstract=no`; `cores` e.g. '0,1'. */
    constructor(vdevs: string[], opts: {
        prefix: string;
        cores?: string;
        extra?: string[];
        mem?: number;
    });
    cmd(line: string): void;
    /** Wait until the output (after `from`) matches `re`; false on timeout or exit. */
    waitFor(re: RegExp, ms?: number, from?: number): Promise<boolean>;
    /** stop + quit; resolves with the accumulated forward statistics. */
    quit(): Promise<TestpmdStats>;
    kill(): void;
}
/** Parse testpmd's "Accumulated forward statistics" block. */
export declare function accumulated(out: string): TestpmdStats;

/**
 * Helpers for vhost-user interop tests: peer checks that skip visibly (or fail under CI),
 * starting the Sluice patch switch as a child process, booting vmharness guests, and running
 * dpdk-testpmd driven through stdin. Every child is killed by pid on cleanup.
 */
import { type ChildProcess } from 'node:child_process';
import type { TestContext } from 'node:test';
export declare const VMHARNESS: string;
/** Returns a reason string when the test must skip (throws under CI instead). */
export declare function missingPeer(needs: {
    root?: boolean;
    bins?: string[];
    files?: string[];
}): string | null;
export declare function skipIfMissing(t: TestContext, needs: Parameters<typeof missingPeer>[0]): boolean;
export declare function workDir(prefix: string): {
    dir: string;
    cleanup(): void;
};
export interface SwitchProc {
    child: ChildProcess;
    stderr: string[];
    /** SIGTERM, wait, parse the counters line. */
    stop(): Promise<SwitchCounters>;
    kill9(): Promise<void>;
}
export interface OffloadCounters {
    fromGuest: string[];
    toGuest: string[];
    superFramesIn: number;
    superFramesOut: number;
    segmented: number;
    checksumsCompleted: number;
}
export interface PortCounters {
    path: string;
    rx: number;
    tx: number;
    rxBytes: number;
    txBytes: number;
    noGuestBuffer: number;
    tooBig: number;
    quarantined: number;
    connects: number;
    features: string;
    protocolFeatures: string;
    badOffload?: number;
    offloads?: OffloadCounters;
}
export interface SwitchCounters {
    ports: PortCounters[];
}
/**
 * Command line used to run the switch: the core Engine with two vhost-user apps (default), or
 * with SLUICE_VHOST_TEST_SWITCH=patch the ports driven without the engine.
 */
export declare function switchCommand(ports: string[]): string[];
export declare function startSwitch(ports: string[], waitFor?: string[]): Promise<SwitchProc>;
export declare function sleep(ms: number): Promise<void>;
export interface GuestOpts {
    sock: string;
    name: string;
    ip: string;
    mac: string;
    cmd: string;
    mode?: 'client' | 'server';
    timeout?: number;
    mtu?: number;
    /** virtio queue pairs (QEMU mq=on) and vCPUs: Linux uses min(queues, vCPUs) pairs. */
    queues?: number;
    cpus?: number;
    log: string;
}
/** Boot a guest with run-guest.sh; resolves with its exit status and serial log. */
export declare function runGuest(o: GuestOpts): {
    done: Promise<{
        rc: number;
        log: string;
    }>;
    child: ChildProcess;
};
/** Extract a marker line from a guest log. */
export declare function marker(log: string, name: string): string | undefined;
/**
 * Run dpdk-testpmd with `eal` and `app` args, feeding `script` (lines, with `sleep N` pauses)
 * on stdin; returns all output. Killed after `timeoutMs`.
 */
export declare function runTestpmd(eal: string[], app: string[], script: string[], timeoutMs?: number): Promise<string>;
/** Sum "<label>: N" over the accumulated forward statistics block of testpmd output. */
export declare function testpmdAccumulated(out: string): {
    rx: number;
    tx: number;
    txDropped: number;
};

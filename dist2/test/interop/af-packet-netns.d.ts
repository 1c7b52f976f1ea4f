/**
 * Network-namespace lab for the kernel-port interop tests (AF_PACKET, TAP, capture): unique
 * names per test process, one `cleanup()` that removes everything it made (call it from
 * `after()`/`finally`), and the skip rule (root + `ip` needed; under CI=true a missing
 * prerequisite fails instead of skipping).
 */
import { type ChildProcess } from 'node:child_process';
import type { TestContext } from 'node:test';
/** True if the test must stop: skipped (printed reason) or, under CI=true, failed. */
export declare function skipUnlessNetns(t: TestContext, bins?: string[]): boolean;
export declare function which(bin: string): string | undefined;
/** Run a command, return stdout; throws with stderr on failure. */
export declare function run(cmd: string, args: string[], timeoutMs?: number): string;
/** Run a command without blocking the event loop (needed while an in-process switch runs). */
export declare function runAsync(cmd: string, args: string[], timeoutMs?: number): Promise<string>;
export declare class NetnsLab {
    readonly tag: string;
    private readonly namespaces;
    private readonly links;
    private readonly children;
    constructor(prefix: string);
    /** Create namespace `<tag>-<suffix>` with lo up. */
    ns(suffix: string): string;
    /** Run a command inside namespace `ns`. */
    exec(ns: string, argv: string[], timeoutMs?: number): string;
    /** Start a command inside `ns` in the background (killed at cleanup). */
    spawn(ns: string, argv: string[]): ChildProcess;
    /**
     * A veth pair: `host` end stays in Sluice's namespace (up), `peer` end goes into `ns` with
     * `cidr`, up. Offloads stay at the kernel's defaults (TSO, GSO and checksum offload on):
     * the AF_PACKET port takes the super-frames and partial checksums the namespace sends.
     */
    veth(ns: string, host: string, cidr: string): {
        host: string;
        peer: string;
    };
    /** Remember a link in Sluice's namespace to delete at cleanup. */
    track(link: string): void;
    cleanup(): void;
}
/** ping from `ns` to `ip` (async: the switch may run in this process); returns received count. busybox ping if iputils is absent. */
export declare function ping(ns: string, ip: string, count?: number): Promise<number>;
/**
 * TCP transfer of `bytes` random bytes from `fromNs` to `toIp` (listening in `toNs`) with
 * OpenBSD nc or busybox nc; resolves with the received byte count and whether it matched.
 */
export declare function tcpTransfer(lab: NetnsLab, fromNs: string, toNs: string, toIp: string, bytes: number, port?: number): Promise<{
    received: number;
    same: boolean;
}>;

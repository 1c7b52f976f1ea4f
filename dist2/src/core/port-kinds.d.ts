/**
 * Port kinds for `sluice switch --port` and the daemon: each kind turns a parsed spec into
 * the app that implements the port (type + args), checking every option. Drivers register
 * their kinds here (vhost-user, virtio-user, memif, tap, af-packet…).
 */
import type { AppSpec } from './config.js';
import { type PortSpec } from './port-spec.js';
export interface PortKind {
    /** Build the app for this spec; throw PortSpecError naming the bad option. */
    app(spec: PortSpec): AppSpec;
    /** One-line usage, e.g. "pcap:FILE[,out=FILE][,loop=N]". */
    usage: string;
}
export declare function registerPortKind(kind: string, k: PortKind): void;
export declare function portApp(spec: PortSpec): AppSpec;
export declare function portKindUsage(): string[];

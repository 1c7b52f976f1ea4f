/**
 * CNI results and Multus device-info (pure).
 *
 *   ipamToParts(ipamResult)               ips/routes/dns from an IPAM plugin's result (any version)
 *   buildResult(version, parts)           the ADD result in `version`'s format: 1.0.0 drops
 *                                         ips[].version, 0.3.x/0.4.0 add it ("4"/"6")
 *   mergePrev(prev, ours)                 a chained ADD: previous interfaces/ips first, ours after
 *   deviceInfo(mode, socket)              device-info spec 1.1.0: `mode`/`role` describe the
 *                                         *container's* side, so a Sluice server socket is
 *                                         vhost-user mode "client" / memif role "slave"
 *   versionResult()                       the VERSION answer
 */
import { type Mode } from './config.js';
export interface IfaceResult {
    name: string;
    mac?: string;
    sandbox?: string;
    mtu?: number;
    socketPath?: string;
}
export interface IpResult {
    address: string;
    gateway?: string;
    interface?: number;
    version?: string;
}
export interface RouteResult {
    dst: string;
    gw?: string;
}
export interface CniResult {
    cniVersion: string;
    interfaces?: IfaceResult[];
    ips?: IpResult[];
    routes?: RouteResult[];
    dns?: Record<string, unknown>;
}
export interface IpamParts {
    ips: IpResult[];
    routes: RouteResult[];
    dns?: Record<string, unknown>;
}
export declare function ipamToParts(r: Record<string, unknown>): IpamParts;
export declare function buildResult(version: string, interfaces: IfaceResult[], parts: IpamParts, sandboxIndex: number, dns?: Record<string, unknown>): CniResult;
/** Chained ADD: keep what the previous plugins reported, shift our interface indices. */
export declare function mergePrev(prev: Record<string, unknown> | undefined, ours: CniResult): CniResult;
export declare const DEVICE_INFO_VERSION = "1.1.0";
export declare function deviceInfo(mode: Mode, socket: string): Record<string, unknown> | undefined;
export declare function versionResult(): {
    cniVersion: string;
    supportedVersions: string[];
};

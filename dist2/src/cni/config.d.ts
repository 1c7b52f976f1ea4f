export declare const SUPPORTED_VERSIONS: readonly ['0.3.0', '0.3.1', '0.4.0', '1.0.0'];
export type Command = 'ADD' | 'DEL' | 'CHECK' | 'VERSION';
export type Mode = 'veth' | 'vhost-user' | 'memif';
export interface PluginConfig {
    cniVersion: string;
    name: string;
    type: string;
    sluiceSocket: string;
    bridge: string;
    createBridge: boolean;
    vlan?: number;
    mode: Mode;
    mtu?: number;
    socketDir: string;
    socketMode: number;
    socketUid: number;
    socketGid: number;
    queues: number;
    stateDir: string;
    timeoutMs: number;
    ipam?: {
        type: string;
        [k: string]: unknown;
    };
    dns?: Record<string, unknown>;
    prevResult?: Record<string, unknown>;
    mac?: string;
    deviceInfoFile?: string;
}
export interface CniRequest {
    command: Command;
    containerId: string;
    netns: string;
    ifname: string;
    args: Record<string, string>;
    path: string[];
    config: PluginConfig;
    /** The stdin text as received: passed unchanged to the IPAM plugin. */
    raw: string;
}
/** Linux's rule for interface names (dev_valid_name). */
export declare function checkIfname(name: string, what: string): void;
/** `K=V;K2=V2` (CNI_ARGS). */
export declare function parseCniArgs(s: string): Record<string, string>;
/** Parse the stdin JSON (object required). */
export declare function parseJson(text: string): Record<string, unknown>;
/** Validate the plugin's part of the network config. */
export declare function parseConfig(o: Record<string, unknown>): PluginConfig;
/** The whole request; `env` is process.env or a test's map. */
export declare function parseRequest(env: Record<string, string | undefined>, stdin: string): CniRequest;

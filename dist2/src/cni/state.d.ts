import type { Mode } from './config.js';
import type { CniResult } from './result.js';
export interface AttachmentState {
    version: 1;
    network: string;
    containerId: string;
    ifname: string;
    netns: string;
    mode: Mode;
    bridge: string;
    port: string;
    hostVeth?: string;
    podDir?: string;
    socket?: string;
    deviceInfoFile?: string;
    result: CniResult;
}
export declare function statePath(dir: string, network: string, containerId: string, ifname: string): string;
export declare function saveState(dir: string, s: AttachmentState): void;
/** undefined when absent or unreadable (DEL then works from derived names alone). */
export declare function loadState(dir: string, network: string, containerId: string, ifname: string): AttachmentState | undefined;
export declare function removeState(dir: string, network: string, containerId: string, ifname: string): void;

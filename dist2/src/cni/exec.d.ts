export interface RunResult {
    status: number;
    stdout: string;
    stderr: string;
}
export declare function tryRun(cmd: string, args: string[], opts?: {
    input?: string;
    env?: NodeJS.ProcessEnv;
    timeoutMs?: number;
}): RunResult;
export declare function run(cmd: string, args: string[], opts?: {
    input?: string;
    env?: NodeJS.ProcessEnv;
    timeoutMs?: number;
}): string;
/** `ip ...` in the pod's namespace (a path such as /var/run/netns/x or /proc/PID/ns/net). */
export declare function nsArgs(netns: string, argv: string[]): [string, string[]];
export declare function inNs(netns: string, argv: string[]): string;
export declare function tryInNs(netns: string, argv: string[]): RunResult;
/** First executable `name` in the CNI_PATH directories. */
export declare function findPlugin(dirs: string[], name: string): string | undefined;
export declare function hasTool(name: string): boolean;

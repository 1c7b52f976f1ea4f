/** Run the real `sluice` CLI as a child process (tests drive it the way users do). */
import { type ChildProcess } from 'node:child_process';
export declare const SLUICE: string;
export interface CliResult {
    status: number | null;
    stdout: string;
    stderr: string;
}
export declare function sluice(args: string[], opts?: {
    timeoutMs?: number;
    env?: NodeJS.ProcessEnv;
}): CliResult;
/** Start `sluice ...` in the background; `stop()` sends SIGINT and resolves with its output. */
export declare function sluiceBackground(args: string[]): {
    child: ChildProcess;
    stop(signal?: NodeJS.Signals): Promise<CliResult>;
    stderr(): string;
};
/** True when a test needing `what` must fail rather than skip (CI=true). */
export declare function mustHave(): boolean;

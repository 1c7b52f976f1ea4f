import { type DesiredState } from './model.js';
/** The state file format this build writes (and the newest it reads). */
export declare const STATE_FORMAT = 1;
/** A state directory problem a user must act on (one line, names the path). */
export declare class StateStoreError extends Error {
    constructor(message: string);
}
/** /var/lib/sluice for root; otherwise $XDG_STATE_HOME/sluice or ~/.local/state/sluice. */
export declare function defaultStateDir(env?: NodeJS.ProcessEnv, uid?: number): string;
export declare class StateStore {
    readonly dir: string;
    readonly file: string;
    private lockFd;
    private generation;
    private constructor();
    /** Create the directory if needed and lock it; throws StateStoreError if another daemon holds it. */
    static open(dirIn: string): StateStore;
    /** The saved state, or undefined when the directory holds none yet. */
    load(): DesiredState | undefined;
    /** Write `state` durably (temp file, fsync, rename, fsync directory). */
    save(state: DesiredState): Promise<void>;
    /** Release the lock (the directory and its files stay). */
    close(): void;
}

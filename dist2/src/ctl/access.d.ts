import { type Caller } from './api-server.js';
import type { DesiredState, Owner } from './model.js';
/** create: an output file; read: an input file; listen: a socket the port serves; connect: one it dials. */
export type Use = 'create' | 'read' | 'listen' | 'connect';
export interface NamedFile {
    field: string;
    path: string;
    use: Use;
}
/** Files a port spec names (the caller of a kind outside both sets is refused by check()). */
export declare function specFiles(field: string, spec: string): NamedFile[];
/** What `next` names that `prev` did not (only new or changed ports and captures are checked). */
export declare function newFiles(prev: DesiredState, next: DesiredState): {
    files: NamedFile[];
    kinds: {
        field: string;
        kind: string;
    }[];
};
/**
 * The owners `next` should carry: an owner in `prev` stays while its object is unchanged;
 * objects new or changed by an untrusted caller become that caller's.
 */
export declare function nextOwners(prev: DesiredState, next: DesiredState, caller: Caller | undefined, trusted: boolean): Record<string, Owner> | undefined;
/** A file created for a caller, to remove again if the change it was for fails. */
export interface Prepared {
    created: string[];
    sockets: {
        path: string;
        caller: Caller;
    }[];
}
export declare class FileAccess {
    /** The allowed directories, resolved (realpath) at start. */
    readonly dirs: string[];
    constructor(dirs?: readonly string[]);
    /** Root and the daemon's own user may name anything (they could do it themselves). */
    trusted(c: Caller | undefined): boolean;
    private allowedDir;
    /**
     * Check every file `next` adds over `prev` for caller `c`, create the output files (theirs)
     * and list what to undo or chown. Throws ApiError("forbidden") naming the field, having
     * removed any file it created.
     */
    /**
     * Check what `next` names for caller `c` and make its output files (`check`: only check,
     * as `apply --dry-run` does, so a dry run is refused exactly when the apply would be).
     */
    prepare(prev: DesiredState, next: DesiredState, c: Caller | undefined, check?: boolean): Prepared;
    private one;
    /** The output file, made for the caller without following a symlink raced in. */
    private create;
    /**
     * A saved state about to be started: every object an untrusted caller made is checked
     * again as that caller (files it lost are made again, theirs). Throws ApiError "forbidden".
     */
    recheck(s: DesiredState): Prepared;
    /** After the change is made: sockets the ports created for the caller become the caller's. */
    finish(p: Prepared, log?: (e: Record<string, unknown>) => void): void;
    /** The change failed: remove the files made for it (nothing is left behind). */
    undo(p: Prepared): void;
}

import type { DesiredState } from './model.js';
export interface Claim {
    key: string;
    what: string;
}
/** The message when `spec` lacks a required argument, else undefined. */
export declare function missingArgument(spec: string): string | undefined;
/** What a port with this spec holds (nothing for a spec that does not parse). */
export declare function portClaims(spec: string): Claim[];
export interface Conflict {
    field: string;
    what: string;
    holder: string;
}
/** The first claim in `s` held twice, naming the later field and the earlier holder. */
export declare function findConflict(s: DesiredState): Conflict | undefined;
/** The claim of a capture writing `file` (none for stdout). */
export declare function fileClaims(file: string): Claim[];
/** Who in `s` already holds something of `claims` (a port spec's, by default), or undefined. */
export declare function holderOf(s: DesiredState, spec: string | Claim[], except?: string): {
    what: string;
    holder: string;
} | undefined;

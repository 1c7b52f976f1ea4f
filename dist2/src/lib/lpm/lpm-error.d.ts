/**
 * LpmError: the control-path error thrown by `Lpm4`/`Lpm6` `add`/`delete` when an argument is
 * out of range or the table has run out of groups. `field` names the offending argument
 * (`prefix`, `depth`, `nextHop`, `tbl8`, `groups`) so callers that validate configs or API
 * requests can report it. Lookups never throw.
 */
export declare class LpmError extends Error {
    readonly field: string;
    /** @param field the argument or resource that was rejected. */
    constructor(message: string, field: string);
}

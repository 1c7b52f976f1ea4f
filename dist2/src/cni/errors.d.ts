/**
 * CNI errors: the well-known codes of the CNI spec (0-99) plus Sluice's own (100+), and the
 * JSON a plugin prints on stdout when it fails (`{cniVersion, code, msg, details?}`, exit 1).
 * Every failure the plugin reports is a CniError; anything else is wrapped as code 100.
 */
export declare const CniCode: {
    readonly INCOMPATIBLE_CNI_VERSION: 1;
    readonly UNSUPPORTED_FIELD: 2;
    readonly UNKNOWN_CONTAINER: 3;
    readonly INVALID_ENVIRONMENT_VARIABLES: 4;
    readonly IO_FAILURE: 5;
    readonly DECODING_FAILURE: 6;
    readonly INVALID_NETWORK_CONFIG: 7;
    readonly TRY_AGAIN_LATER: 11;
    readonly INTERNAL: 100;
    readonly IPAM_FAILURE: 101;
    readonly DAEMON_REFUSED: 102;
    readonly CHECK_FAILED: 103;
};
export declare class CniError extends Error {
    readonly code: number;
    readonly details?: string | undefined;
    constructor(code: number, message: string, details?: string | undefined);
}
export interface CniErrorJson {
    cniVersion: string;
    code: number;
    msg: string;
    details?: string;
}
/** The error object printed on stdout; `cniVersion` is the config's when known. */
export declare function errorJson(e: unknown, cniVersion: string): CniErrorJson;

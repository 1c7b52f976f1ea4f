/**
 * CNI errors: the well-known codes of the CNI spec (0-99) plus Sluice's own (100+), and the
 * JSON a plugin prints on stdout when it fails (`{cniVersion, code, msg, details?}`, exit 1).
 * Every failure the plugin reports is a CniError; anything else is wrapped as code 100.
 */
export const CniCode = {
    INCOMPATIBLE_CNI_VERSION: 1,
    UNSUPPORTED_FIELD: 2,
    UNKNOWN_CONTAINER: 3,
    INVALID_ENVIRONMENT_VARIABLES: 4,
    IO_FAILURE: 5,
    DECODING_FAILURE: 6,
    INVALID_NETWORK_CONFIG: 7,
    TRY_AGAIN_LATER: 11,
    // Sluice-specific (100+ are the plugin's to define).
    INTERNAL: 100,
    IPAM_FAILURE: 101,
    DAEMON_REFUSED: 102,
    CHECK_FAILED: 103,
};
export class CniError extends Error {
    code;
    details;
    constructor(code, message, details) {
        super(message);
        this.code = code;
        this.details = details;
        this.name = 'CniError';
    }
}
/** The error object printed on stdout; `cniVersion` is the config's when known. */
export function errorJson(e, cniVersion) {
    if (e instanceof CniError)
        return { cniVersion, code: e.code, msg: e.message, ...(e.details ? { details: e.details } : {}) };
    const err = e;
    return { cniVersion, code: CniCode.INTERNAL, msg: err?.message ?? String(e), ...(err?.stack ? { details: err.stack } : {}) };
}
//# sourceMappingURL=errors.js.map
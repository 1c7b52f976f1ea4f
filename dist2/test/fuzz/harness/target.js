const dec = new TextDecoder('utf-8', { fatal: false });
const enc = new TextEncoder();
/** Bytes → text as a reader of a file or socket would see them (invalid UTF-8 → U+FFFD). */
export function text(data) {
    return dec.decode(data);
}
export function bytes(s) {
    return enc.encode(s);
}
/**
 * The usual `expected`: an instance of `type` whose message matches `field` (how that
 * boundary names the field it refuses), and not an empty message.
 */
export function documented(type, field) {
    return (e) => {
        if (!(e instanceof type))
            return `${describe(e)} is not a ${type.name}`;
        if (!field.test(e.message))
            return `${type.name} message does not name the field: ${JSON.stringify(e.message)}`;
        if (INTERNAL.test(e.message))
            return `${type.name} wraps an internal error: ${JSON.stringify(e.message)}`;
        return null;
    };
}
/** What V8 says when code, not input, is wrong (a parser that wraps every error hides these). */
export const INTERNAL = /process warning: |Cannot read propert|Cannot set propert|is not a function|is not iterable|is not a constructor|Cannot convert|Maximum call stack|Invalid array length|is not defined|Invalid string length/;
/** One line for an escaped exception: its class, message and the top stack frame. */
export function describe(e) {
    if (!(e instanceof Error))
        return `non-Error thrown: ${String(e)}`;
    const frame = e.stack?.split('\n').find((l) => l.trimStart().startsWith('at '))?.trim() ?? '';
    return `${e.name}: ${e.message.split('\n')[0]}${frame ? ` (${frame})` : ''}`;
}
/**
 * Make a process warning (yaml's "Keys with collection values…", a deprecation) throw where
 * it is emitted, so the contract check sees it: a parser that warns on stderr instead of
 * refusing with a clear error is a defect too. Targets call it once at load (their worker).
 */
export function failOnWarnings() {
    process.emitWarning = ((w) => {
        throw new Error(`process warning: ${typeof w === 'string' ? w : w.message}`);
    });
}
//# sourceMappingURL=target.js.map
/**
 * Output files named on the command line (--json, --plot, -o) are checked before any work
 * starts, so a typo in the directory fails at once with one line, not after the whole run.
 */
import { accessSync, statSync, constants } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from './usage-error.js';
/** Throws a UsageError naming `option` unless `file` can be created or overwritten. */
export function checkOutputFile(option, file) {
    const abs = resolve(file);
    const dir = dirname(abs);
    let st;
    try {
        st = statSync(dir);
    }
    catch (e) {
        throw new UsageError(`${option}: cannot write ${file}: no directory ${dir} (${e.code ?? 'error'})`);
    }
    if (!st.isDirectory())
        throw new UsageError(`${option}: cannot write ${file}: ${dir} is not a directory`);
    let existing;
    try {
        existing = statSync(abs);
    }
    catch { /* to be created */ }
    if (existing?.isDirectory())
        throw new UsageError(`${option}: ${file} is a directory`);
    try {
        accessSync(existing ? abs : dir, constants.W_OK);
    }
    catch (e) {
        throw new UsageError(`${option}: cannot write ${file}: ${e.code ?? 'error'}`);
    }
}
//# sourceMappingURL=output-file.js.map
/**
 * Where a target's inputs live in the repo: test/fuzz/corpus/<target>/ (inputs that reached
 * new code, kept small) and test/fuzz/crashes/<target>/ (every crash found, kept as a
 * regression case after its fix). Files are raw bytes named by their SHA-1 prefix.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
/** The repo's test/fuzz directory (this file runs from dist/test/fuzz/harness/). */
export const FUZZ_DIR = fileURLToPath(new URL('../../../../test/fuzz/', import.meta.url));
export const corpusDir = (target) => join(FUZZ_DIR, 'corpus', target);
export const crashDir = (target) => join(FUZZ_DIR, 'crashes', target);
export function nameOf(data) {
    return createHash('sha1').update(data).digest('hex').slice(0, 16);
}
/** Every file of `dir` (none when it does not exist), smallest first. */
export function readInputs(dir) {
    if (!existsSync(dir))
        return [];
    return readdirSync(dir).filter((f) => f.endsWith('.bin')).sort()
        .map((f) => ({ name: f, data: new Uint8Array(readFileSync(join(dir, f))) }))
        .sort((a, b) => a.data.length - b.data.length);
}
export function writeInput(dir, data) {
    mkdirSync(dir, { recursive: true });
    const f = join(dir, `${nameOf(data)}.bin`);
    writeFileSync(f, data);
    return f;
}
/** Replace the corpus directory's files with `keep`. */
export function replaceInputs(dir, keep) {
    const names = new Set(keep.map((d) => `${nameOf(d)}.bin`));
    for (const { name } of readInputs(dir))
        if (!names.has(name))
            rmSync(join(dir, name));
    for (const d of keep)
        writeInput(dir, d);
}
//# sourceMappingURL=store.js.map
/**
 * Layers import one way only (ARCHITECTURE.md L1). Every module under src/ belongs to the
 * layer of its top folder; it may import its own layer or a lower one, never a higher one.
 * Static imports, `export … from`, dynamic `import('…')` and `new URL('….js', import.meta.url)`
 * (module URLs handed to worker threads) all count. Imports of packages are not checked.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
/** Bottom to top. A folder not listed here fails the test (give it a layer). */
export const LAYERS = [
    ['lib', 'sys'],
    ['mem', 'virtio', 'vhost-user', 'memif'],
    ['core'],
    ['drivers', 'apps'],
    ['runtime'],
    ['switch', 'config', 'ctl'],
    ['cni', 'k8s', 'host', 'cli'],
    ['(root)'], // src/index.ts, src/builtin*.ts: load or re-export everything
];
const here = dirname(fileURLToPath(import.meta.url));
const src = resolve(here, '../../src'); // dist/test → repo/src
function layerOf(file) {
    const rel = relative(src, file).split('/');
    const folder = rel.length === 1 ? '(root)' : rel[0];
    const rank = LAYERS.findIndex((l) => l.includes(folder));
    return { folder, rank };
}
function sources(dir, out = []) {
    for (const n of readdirSync(dir)) {
        const f = join(dir, n);
        if (statSync(f).isDirectory())
            sources(f, out);
        else if (n.endsWith('.ts') && !n.endsWith('.test.ts') && !n.endsWith('.d.ts'))
            out.push(f);
    }
    return out;
}
const SPECIFIER = [
    /^\s*(?:import|export)\s[^'"]*?from\s*['"](\.[^'"]+)['"]/gm,
    /^\s*import\s*['"](\.[^'"]+)['"]/gm,
    /\bimport\(\s*['"](\.[^'"]+)['"]\s*\)/g,
    /new URL\(\s*['"](\.[^'"]+\.js)['"]\s*,\s*import\.meta\.url\s*\)/g,
];
/** Relative module specifiers in `text`, comments removed first. */
export function specifiers(text) {
    const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
    const out = [];
    for (const re of SPECIFIER)
        for (const m of code.matchAll(re))
            out.push(m[1]);
    return out;
}
test('the scan finds static, dynamic and worker-URL imports', () => {
    assert.deepEqual(specifiers(`import { a } from '../x.js';\nimport type { B } from "./b.js";\nexport { c } from '../c.js';\nimport './side.js';\nconst m = await import('../d.js');\nnew URL('../e.js', import.meta.url);\n// import { z } from '../z.js';\n`).sort(), ['../c.js', '../d.js', '../e.js', '../x.js', './b.js', './side.js']);
});
test('every src/ folder has a layer, and no module imports a higher layer', () => {
    const bad = [];
    for (const file of sources(src)) {
        const from = layerOf(file);
        if (from.rank < 0) {
            bad.push(`${relative(src, file)}: folder "${from.folder}" has no layer in test/layers.test.ts`);
            continue;
        }
        for (const s of specifiers(readFileSync(file, 'utf8'))) {
            const target = resolve(dirname(file), s).replace(/\.js$/, '.ts');
            if (!target.startsWith(src + '/'))
                continue; // package.json, .proto files
            const to = layerOf(target);
            if (to.rank > from.rank)
                bad.push(`${relative(src, file)} imports ${s} (${from.folder} → ${to.folder}: upward)`);
        }
    }
    assert.deepEqual(bad, []);
});
//# sourceMappingURL=layers.test.js.map
/** Path of a host fixture tree (test/fixtures/hosts/<name>) from the compiled tests. */
import { fileURLToPath } from 'node:url';
export function hostFixture(name) {
    // dist/src/host/fixtures.js -> test/fixtures/hosts/<name>
    return fileURLToPath(new URL(`../../../test/fixtures/hosts/${name}`, import.meta.url));
}
//# sourceMappingURL=fixtures.js.map
/**
 * Loads every built-in app and driver so their app types and port kinds are registered.
 * Drivers are discovered on disk (one folder each under drivers/ with an index module), so
 * adding a driver needs no edit here.
 */
import { existsSync, readdirSync } from 'node:fs';
let loaded;
async function loadAll() {
    const apps = new URL('../apps/index.js', import.meta.url);
    await import(existsSync(apps) ? apps.href : new URL('../apps/basic/index.js', import.meta.url).href);
    await import(new URL('../core/interlink.js', import.meta.url).href);
    const drivers = new URL('../drivers/', import.meta.url);
    for (const d of readdirSync(drivers).sort()) {
        const index = new URL(`${d}/index.js`, drivers);
        if (existsSync(index))
            await import(index.href);
    }
}
/** Register all built-in app types and port kinds (idempotent). */
export function loadBuiltins() {
    loaded ??= loadAll();
    return loaded;
}
//# sourceMappingURL=builtin.js.map
/** Small argv helpers shared by commands (control path). */
import { UsageError } from './usage-error.js';
/**
 * Parse `--name value`, `--name=value` and boolean `--flag` options; `spec` maps each long
 * option to 'string', 'string[]' or 'boolean'; short aliases map to long names.
 */
export function parseArgs(argv, spec, aliases = {}) {
    const opts = {};
    const rest = [];
    for (let i = 0; i < argv.length; i++) {
        let a = argv[i];
        if (aliases[a])
            a = aliases[a];
        if (!a.startsWith('--') || a === '--') {
            if (a === '--') {
                rest.push(...argv.slice(i + 1));
                break;
            }
            rest.push(a);
            continue;
        }
        let name = a.slice(2), value;
        const eq = name.indexOf('=');
        if (eq >= 0) {
            value = name.slice(eq + 1);
            name = name.slice(0, eq);
        }
        const kind = spec[name];
        if (!kind)
            throw new UsageError(`unknown option --${name}`);
        if (kind === 'boolean') {
            if (value !== undefined)
                throw new UsageError(`--${name} takes no value`);
            opts[name] = true;
            continue;
        }
        if (value === undefined) {
            if (i + 1 >= argv.length)
                throw new UsageError(`--${name} needs a value`);
            value = argv[++i];
        }
        if (kind === 'string[]')
            (opts[name] ??= []).push(value);
        else
            opts[name] = value;
    }
    return { opts, rest };
}
export function numberArg(name, v, min, max) {
    if (v === undefined)
        return undefined;
    const n = Number(v);
    if (!Number.isFinite(n) || n < min || n > max)
        throw new UsageError(`--${name} must be a number in [${min}, ${max}], got "${v}"`);
    return n;
}
//# sourceMappingURL=args.js.map
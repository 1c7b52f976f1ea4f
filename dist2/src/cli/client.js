/**
 * Shared plumbing of the CLI verbs that talk to a running daemon (port, bridge, route,
 * flow, stats, capture, top, apply, show, trace, profile).
 *
 * Global options, accepted anywhere on the line (main.ts moves those given before the verb
 * behind it): `-j`/`--json` (one-line JSON), `-p`/`--pretty` (indented JSON), `--socket PATH`
 * (default $SLUICE_SOCKET or /run/sluice/api.sock). `--help` is answered by main.ts from the
 * command table.
 *
 * Exit codes scripts can rely on:
 *   0 success · 1 the daemon refused the request (message says why: not found, exists,
 *   invalid) · 2 usage error (unknown verb, bad arguments, or the daemon's bad-request:
 *   a missing or malformed argument) · 3 no daemon answering on the
 *   socket · 4 the daemon did not answer in time · 5 permission denied on the socket (the
 *   caller may not connect: not in the socket's group).
 * Errors print one line on stderr: `sluice: <message>`; under -j/-p, `{"error":{"code",
 * "message"}}` on stdout, the code being the daemon's (not-found, exists, invalid,
 * forbidden, bad-request...) or the CLI's (usage, no-daemon, permission-denied, timeout).
 */
import { UsageError } from './usage-error.js';
import { ApiClientError, call, socketPath } from '../ctl/api-client.js';
export const EXIT = { OK: 0, REFUSED: 1, USAGE: 2, NO_DAEMON: 3, TIMEOUT: 4, DENIED: 5 };
/**
 * Pull global options (and the verb's own `--flag`/`--key value` options named in
 * `boolFlags`/`valueFlags`) out of argv; everything else stays in `words`, in order.
 */
export function parseGlobal(argv, boolFlags = [], valueFlags = []) {
    const g = { json: false, pretty: false, socket: '', words: [], flags: new Set(), values: new Map() };
    let socket;
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        const eq = a.startsWith('--') ? a.indexOf('=') : -1;
        const key = eq > 0 ? a.slice(0, eq) : a;
        const inline = eq > 0 ? a.slice(eq + 1) : undefined;
        const value = () => {
            if (inline !== undefined)
                return inline;
            if (i + 1 >= argv.length)
                throw new UsageError(`${key} needs a value`);
            return argv[++i];
        };
        if (key === '-j' || key === '--json')
            g.json = true;
        else if (key === '-p' || key === '--pretty')
            g.pretty = true;
        else if (key === '--socket')
            socket = value();
        else if (boolFlags.includes(key))
            g.flags.add(key);
        else if (valueFlags.includes(key))
            g.values.set(key, value());
        else if (key === '--') {
            g.words.push(...argv.slice(i + 1));
            break;
        }
        else if (key.startsWith('--'))
            throw new UsageError(`unknown option ${key}`);
        else
            g.words.push(a);
    }
    g.socket = socketPath(socket);
    return g;
}
/** Send one request; map failures to the documented exit codes (thrown as UsageError). */
export async function request(g, method, params = {}, timeoutMs) {
    try {
        return await call(g.socket, method, params, timeoutMs);
    }
    catch (e) {
        if (e instanceof ApiClientError) {
            // bad-request: the arguments themselves are wrong (a missing path, a bad name): usage.
            const exit = e.code === 'connect' ? EXIT.NO_DAEMON : e.code === 'denied' ? EXIT.DENIED : e.code === 'timeout' ? EXIT.TIMEOUT : e.code === 'bad-request' ? EXIT.USAGE : EXIT.REFUSED;
            const code = e.code === 'connect' ? 'no-daemon' : e.code === 'denied' ? 'permission-denied' : e.code;
            throw new UsageError(e.message, exit, code);
        }
        throw e;
    }
}
/** Print a result: JSON with -j/-p, else the verb's text rendering. */
export function output(g, result, text) {
    if (g.pretty)
        console.log(JSON.stringify(result, null, 2));
    else if (g.json)
        console.log(JSON.stringify(result));
    else {
        const t = text(result);
        if (t !== '')
            console.log(t);
    }
}
/**
 * Read `key value` or `key=value` pairs and bare flags from words. `keys` are the keys that
 * take a value; `flags` are words that stand alone. Unknown words are a usage error.
 */
export function keyValues(words, keys, flags = [], what = 'argument') {
    const kv = {};
    const fl = new Set();
    for (let i = 0; i < words.length; i++) {
        const w = words[i];
        const eq = w.indexOf('=');
        const k = eq > 0 ? w.slice(0, eq) : w;
        if (keys.includes(k)) {
            const v = eq > 0 ? w.slice(eq + 1) : words[++i];
            if (v === undefined || v === '')
                throw new UsageError(`${k} needs a value`);
            if (k in kv)
                throw new UsageError(`${k} given twice`);
            kv[k] = v;
        }
        else if (eq < 0 && flags.includes(w))
            fl.add(w);
        else
            throw new UsageError(`unexpected ${what} "${w}" (expected ${[...keys.map((x) => `${x} VALUE`), ...flags].join(', ') || 'nothing'})`);
    }
    return { kv, flags: fl };
}
export function intWord(name, v, min, max) {
    if (v === undefined)
        return undefined;
    if (!/^-?\d+$/.test(v) || Number(v) < min || Number(v) > max)
        throw new UsageError(`${name} must be an integer in [${min}, ${max}], got "${v}"`);
    return Number(v);
}
/** Dispatch `verb SUB ...` to one of `subs`; unknown subcommands are usage errors. */
export async function sub(verb, g, subs, dflt) {
    const s = g.words[0] ?? dflt;
    if (s === undefined)
        throw new UsageError(`${verb}: missing subcommand (${Object.keys(subs).join(', ')}; sluice ${verb} --help)`);
    const f = subs[s];
    if (!f)
        throw new UsageError(`${verb}: unknown subcommand "${s}" (known: ${Object.keys(subs).join(', ')})`);
    return f(g, g.words.slice(1));
}
/** Left-aligned text table. */
export function table(head, rows) {
    const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i] ?? '').length)));
    const line = (r) => r.map((c, i) => String(c ?? '').padEnd(w[i])).join('  ').trimEnd();
    return [line(head), ...rows.map(line)].join('\n');
}
export function dropsText(d) {
    const e = Object.entries(d ?? {});
    return e.length ? e.map(([k, v]) => `${k}=${v}`).join(',') : '-';
}
//# sourceMappingURL=client.js.map
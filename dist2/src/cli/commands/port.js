/**
 * `sluice port add NAME type KIND [path=PATH] [server|client] [key=value...]`
 * `sluice port add NAME SPEC`                    (SPEC as for `switch --port`, e.g. vhost-user:/run/vm1.sock,queues=2)
 * `sluice port del NAME`
 * `sluice port show [NAME]` (also `list`)       with -j / -p for JSON
 *
 * The words after `type KIND` become the port spec: `path=`/`file=`/`dev=` (or `arg=`)
 * is the positional argument, other `key=value` pairs and bare words are options.
 */
import { UsageError } from '../usage-error.js';
import { usage } from '../command-table.js';
import { parseGlobal, request, output, sub, table, dropsText, EXIT } from '../client.js';
const POSITIONAL = ['path', 'file', 'dev', 'iface', 'arg'];
/** Words after NAME → a port spec string. */
export function specFromWords(words) {
    if (words.length === 0)
        throw new UsageError('port add: missing port type (port add NAME type KIND [path=PATH] [options])');
    if (words[0] !== 'type') {
        if (words.length > 1)
            throw new UsageError(`port add: expected "type KIND ..." or one SPEC, got "${words.join(' ')}"`);
        return words[0];
    }
    const kind = words[1];
    if (kind === undefined || !/^[a-z][a-z0-9-]*$/.test(kind))
        throw new UsageError(`port add: bad or missing type "${kind ?? ''}"`);
    let arg = '';
    const opts = [];
    for (const w of words.slice(2)) {
        const eq = w.indexOf('=');
        const k = eq > 0 ? w.slice(0, eq) : w;
        if (eq > 0 && POSITIONAL.includes(k)) {
            if (arg !== '')
                throw new UsageError(`port add: ${k}= given twice`);
            arg = w.slice(eq + 1);
            if (arg === '')
                throw new UsageError(`port add: ${k}= needs a value`);
        }
        else {
            if (w.includes(','))
                throw new UsageError(`port add: option "${w}" must not contain ","`);
            opts.push(w);
        }
    }
    return `${kind}${arg !== '' || opts.length ? ':' : ''}${[arg, ...opts].filter((x, i) => i > 0 || x !== '').join(',')}`;
}
function showText(ports) {
    if (ports.length === 0)
        return 'no ports';
    return table(['NAME', 'KIND', 'ATTACHED', 'RX-PKTS', 'RX-BYTES', 'TX-PKTS', 'TX-BYTES', 'DROPS', 'SPEC'], ports.map((p) => [p.name, p.kind ?? '', p.attached ?? '-', p.rx?.packets ?? 0, p.rx?.bytes ?? 0, p.tx?.packets ?? 0, p.tx?.bytes ?? 0, dropsText(p.drops), p.spec]));
}
export async function main(argv) {
    const g = parseGlobal(argv);
    return sub('port', g, {
        add: async (g, w) => {
            const name = w[0];
            if (name === undefined)
                throw new UsageError(`port add: missing NAME (${usage('port', 'add')})`);
            const spec = specFromWords(w.slice(1));
            const r = await request(g, 'port.add', { name, spec });
            output(g, r, () => `port ${name} added (${spec})`);
            return EXIT.OK;
        },
        del: async (g, w) => {
            if (w.length !== 1)
                throw new UsageError(usage('port', 'del'));
            const r = await request(g, 'port.del', { name: w[0] });
            output(g, r, () => `port ${w[0]} removed`);
            return EXIT.OK;
        },
        show: show,
        list: show,
    });
}
async function show(g, w) {
    if (w.length > 1)
        throw new UsageError(usage('port', 'show'));
    const r = await request(g, 'port.show', w[0] !== undefined ? { name: w[0] } : {});
    output(g, w[0] !== undefined ? r[0] : r, (x) => showText(Array.isArray(x) ? x : [x]));
    return EXIT.OK;
}
//# sourceMappingURL=port.js.map
/**
 * Packet capture on a port of the running daemon (written by the capture app as pcapng):
 *   `sluice capture add PORT FILE [dir=rx|tx|both] [filter=EXPR | filter EXPR...]`
 *   `sluice capture del PORT [FILE]`
 *   `sluice capture show`                with -j / -p for JSON
 */
import { resolve } from 'node:path';
import { UsageError } from '../usage-error.js';
import { usage } from '../command-table.js';
import { parseGlobal, request, output, sub, table, EXIT } from '../client.js';
export async function main(argv) {
    return sub('capture', parseGlobal(argv), {
        add: async (g, w) => {
            const [port, file, ...rest] = w;
            if (!port || !file)
                throw new UsageError(usage('capture', 'add'));
            const params = { port, file: resolve(file) };
            for (let i = 0; i < rest.length; i++) {
                if (rest[i] === 'dir' || rest[i].startsWith('dir=')) {
                    const v = rest[i].startsWith('dir=') ? rest[i].slice(4) : rest[++i];
                    if (v !== 'rx' && v !== 'tx' && v !== 'both')
                        throw new UsageError(`capture add: dir must be rx, tx or both, got "${v ?? ''}"`);
                    params.dir = v;
                }
                else if (rest[i].startsWith('filter=')) {
                    params.filter = [rest[i].slice(7), ...rest.slice(i + 1)].join(' ');
                    if (params.filter === '')
                        throw new UsageError('capture add: filter needs an expression');
                    break;
                }
                else if (rest[i] === 'filter') {
                    params.filter = rest.slice(i + 1).join(' ');
                    if (params.filter === '')
                        throw new UsageError('capture add: filter needs an expression');
                    break;
                }
                else
                    throw new UsageError(`capture add: unexpected "${rest[i]}" (dir=rx|tx|both, filter=EXPR)`);
            }
            const r = await request(g, 'capture.add', params);
            output(g, r, () => `capturing ${port} to ${params.file}`);
            return EXIT.OK;
        },
        del: async (g, w) => {
            const [port, file] = w;
            if (!port || w.length > 2)
                throw new UsageError(usage('capture', 'del'));
            const r = await request(g, 'capture.del', { port, ...(file ? { file: resolve(file) } : {}) });
            output(g, r, () => `capture on ${port} stopped`);
            return EXIT.OK;
        },
        show: async (g) => {
            const r = await request(g, 'capture.show');
            output(g, r, (list) => (list.length ? table(['PORT', 'DIR', 'FILE', 'FILTER'], list.map((c) => [c.port, c.dir ?? 'both', c.file, c.filter ?? '-'])) : 'no captures'));
            return EXIT.OK;
        },
    });
}
//# sourceMappingURL=capture.js.map
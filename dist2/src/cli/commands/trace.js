/**
 * Packet trace through the running switch:
 *   `sluice trace add PORT N [FILTER...] [--wait [--timeout S]]`
 *        follow the next N packets entering at PORT (matching FILTER, e.g. "udp and dst port
 *        53") through every app: the decision each app took and the time it spent. Returns
 *        as soon as the trace is armed (prints its id; `trace show ID` reads it); with --wait
 *        waits until all N packets finished and prints them (exit 4 after --timeout, 10 s).
 *        Several traces may be armed on one port: each takes the packets its filter matches.
 *   `sluice trace show [ID]`    `sluice trace del [ID]`        with -j / -p for JSON
 * Decisions: received, forwarded (link), sent, dropped (reason), consumed, queued, held —
 * see src/ctl/trace.ts.
 */
import { UsageError } from '../usage-error.js';
import { usage } from '../command-table.js';
import { parseGlobal, request, output, sub, intWord, EXIT } from '../client.js';
import { numberArg } from '../args.js';
export function traceText(list) {
    if (list.length === 0)
        return 'no traces';
    return list.map((t) => {
        const head = `trace ${t.id} on ${t.port}${t.filter ? ` filter "${t.filter}"` : ''}: ${t.captured}/${t.count} packets${t.done ? '' : ' (in progress)'}`;
        const pk = t.packets.map((p) => {
            const ev = p.events.map((e) => {
                const what = e.action === 'dropped' ? `dropped: ${e.reason}${e.link ? ` (${e.link})` : ''}` : e.link ? `${e.action} -> ${e.link}` : e.action;
                const cost = e.batch > 0 ? `${(e.ns / 1000).toFixed(2)} µs for ${e.batch} pkts (${(e.ns / e.batch).toFixed(0)} ns/pkt)` : '';
                return `  +${e.at.toFixed(3).padStart(9)} ms  ${e.app.padEnd(12)} ${what.padEnd(40)} ${cost}`;
            });
            return [`packet ${p.id}: ${p.summary}${p.done ? '' : ' (still in flight)'}`, ...ev].join('\n');
        });
        return [head, ...pk].join('\n');
    }).join('\n\n');
}
export async function main(argv) {
    const g = parseGlobal(argv, ['--wait'], ['--timeout']);
    return sub('trace', g, {
        add: async (g, w) => {
            const [port, n, ...filter] = w;
            if (!port || n === undefined)
                throw new UsageError(usage('trace', 'add'));
            const count = intWord('N', n, 1, 1000);
            const wait = g.flags.has('--wait');
            if (g.values.has('--timeout') && !wait)
                throw new UsageError('trace add: --timeout goes with --wait');
            const timeout = numberArg('timeout', g.values.get('--timeout'), 0, 86400) ?? 10;
            const { id } = await request(g, 'trace.add', { port, count, ...(filter.length ? { filter: filter.join(' ') } : {}) });
            if (!wait) {
                output(g, { id, port, count }, () => `trace ${id} armed on ${port} (sluice trace show ${id})`);
                return EXIT.OK;
            }
            const end = Date.now() + timeout * 1000;
            let info;
            for (;;) {
                info = await request(g, 'trace.show', { id });
                if (info[0]?.done || Date.now() >= end)
                    break;
                await new Promise((r) => setTimeout(r, 50));
            }
            output(g, info[0], (t) => traceText([t]));
            return info[0]?.done ? EXIT.OK : EXIT.TIMEOUT;
        },
        show: async (g, w) => {
            const id = intWord('ID', w[0], 1, Number.MAX_SAFE_INTEGER);
            const r = await request(g, 'trace.show', id !== undefined ? { id } : {});
            output(g, id !== undefined ? r[0] : r, (x) => traceText(Array.isArray(x) ? x : [x]));
            return EXIT.OK;
        },
        del: async (g, w) => {
            const id = intWord('ID', w[0], 1, Number.MAX_SAFE_INTEGER);
            const r = await request(g, 'trace.del', id !== undefined ? { id } : {});
            output(g, r, (x) => `${x.deleted} trace(s) deleted`);
            return EXIT.OK;
        },
    });
}
//# sourceMappingURL=trace.js.map
import { parseLink, linkKey } from '../../core/config.js';
import { compileFilter } from './filter.js';
import './register.js';
function describe(graph, port) {
    const a = graph.apps[port];
    const args = a.args;
    const what = typeof args?.ifname === 'string' ? ` ${args.ifname}` : typeof args?.path === 'string' ? ` ${args.path}` : '';
    return `${a.type}${what}`;
}
/** A new graph with capture apps inserted; see the module header. */
export function applyCaptures(graph, captures) {
    const apps = { ...graph.apps };
    let links = graph.links.map((s) => linkKey(parseLink(s)));
    for (const c of captures) {
        if (!(c.port in graph.apps))
            throw new Error(`capture: no port named "${c.port}"`);
        if (c.dir !== 'rx' && c.dir !== 'tx' && c.dir !== 'both')
            throw new Error(`capture ${c.port}: dir must be rx, tx or both, got "${String(c.dir)}"`);
        if (typeof c.file !== 'string' || c.file === '')
            throw new Error(`capture ${c.port}: file is required`);
        if (c.filter)
            compileFilter(c.filter); // FilterError names the bad token
        const dirs = c.dir === 'both' ? ['rx', 'tx'] : [c.dir];
        for (const dir of dirs) {
            let name = `cap_${c.port}_${dir}`;
            for (let n = 2; name in apps; n++)
                name = `cap_${c.port}_${dir}_${n}`;
            const i = links.findIndex((k) => {
                const l = parseLink(k);
                return dir === 'rx' ? l.from === c.port && l.output === 'output' : l.to === c.port && l.input === 'input';
            });
            if (i < 0)
                throw new Error(`capture ${c.port} ${dir}: the port has no ${dir === 'rx' ? 'output' : 'input'} link to capture`);
            const l = parseLink(links[i]);
            const replaced = [`${l.from}.${l.output} -> ${name}.input`, `${name}.output -> ${l.to}.${l.input}`];
            links = [...links.slice(0, i), ...replaced, ...links.slice(i + 1)];
            apps[name] = {
                type: 'capture',
                args: { file: c.file, port: c.port, dir, description: `Sluice port ${c.port} (${describe(graph, c.port)}), ${dir === 'rx' ? 'received' : 'transmitted'}`, ...(c.filter ? { filter: c.filter } : {}) },
            };
        }
    }
    return { apps, links };
}
/**
 * Parse the CLI form `PORT:FILE[,dir=rx|tx|both][,filter=EXPR]` (PORT may also be a port
 * index, resolved by the caller). Throws naming the bad part.
 */
export function parseCaptureOption(text) {
    const colon = text.indexOf(':');
    if (colon <= 0)
        throw new Error(`--capture "${text}": expected PORT:FILE[,dir=rx|tx|both][,filter=EXPR]`);
    const port = text.slice(0, colon);
    const rest = text.slice(colon + 1);
    // filter= takes the rest of the text (expressions may contain commas-free spaces, '=' etc.)
    const fIdx = rest.search(/,filter=/);
    const head = fIdx >= 0 ? rest.slice(0, fIdx) : rest;
    const filter = fIdx >= 0 ? rest.slice(fIdx + ',filter='.length) : undefined;
    const parts = head.split(',');
    const file = parts[0];
    if (file === '')
        throw new Error(`--capture "${text}": FILE is empty`);
    let dir = 'both';
    for (const p of parts.slice(1)) {
        const m = /^dir=(rx|tx|both)$/.exec(p);
        if (!m)
            throw new Error(`--capture "${text}": unknown option "${p}" (expected dir=rx|tx|both or filter=EXPR)`);
        dir = m[1];
    }
    if (filter !== undefined)
        compileFilter(filter);
    return { port, file, dir, ...(filter !== undefined ? { filter } : {}) };
}
//# sourceMappingURL=graph.js.map
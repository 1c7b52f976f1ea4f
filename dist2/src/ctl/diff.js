const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
function diffMap(path, a, b, out, inner) {
    a ??= {};
    b ??= {};
    for (const k of Object.keys(a))
        if (!(k in b))
            out.push({ op: '-', path: `${path}.${k}`, from: a[k] });
    for (const k of Object.keys(b)) {
        if (!(k in a))
            out.push({ op: '+', path: `${path}.${k}`, to: b[k] });
        else if (!same(a[k], b[k])) {
            if (inner)
                inner(`${path}.${k}`, a[k], b[k]);
            else
                out.push({ op: '~', path: `${path}.${k}`, from: a[k], to: b[k] });
        }
    }
}
function diffList(path, a, b, out) {
    const as = (a ?? []).map((x) => JSON.stringify(x)), bs = (b ?? []).map((x) => JSON.stringify(x));
    for (const x of as)
        if (!bs.includes(x))
            out.push({ op: '-', path, from: JSON.parse(x) });
    for (const x of bs)
        if (!as.includes(x))
            out.push({ op: '+', path, to: JSON.parse(x) });
}
/** Changes that take state `a` to state `b` (empty when they are the same). */
export function diffState(a, b) {
    const out = [];
    for (const k of ['engine', 'api', 'metrics'])
        diffMap(k, a[k], b[k], out);
    diffMap('ports', a.ports, b.ports, out);
    diffMap('bridges', a.bridges, b.bridges, out, (p, x, y) => {
        if ((x.type ?? 'learning') !== (y.type ?? 'learning')) {
            out.push({ op: '~', path: `${p}.type`, from: x.type, to: y.type });
            return;
        }
        diffMap(`${p}.ports`, x.ports, y.ports, out);
        diffList(`${p}.flows`, x.flows, y.flows, out);
    });
    diffMap('routers', a.routers, b.routers, out, (p, x, y) => {
        diffMap(`${p}.interfaces`, x.interfaces, y.interfaces, out);
        diffList(`${p}.routes`, x.routes, y.routes, out);
    });
    diffList('captures', a.captures, b.captures, out);
    return out;
}
/** One line per change. */
export function formatChanges(changes) {
    if (changes.length === 0)
        return 'no changes';
    return changes.map((c) => {
        if (c.op === '+')
            return `+ ${c.path} ${JSON.stringify(c.to)}`;
        if (c.op === '-')
            return `- ${c.path}${c.from !== undefined && typeof c.from !== 'object' ? ` ${JSON.stringify(c.from)}` : ''}`;
        return `~ ${c.path} ${JSON.stringify(c.from)} -> ${JSON.stringify(c.to)}`;
    }).join('\n');
}
//# sourceMappingURL=diff.js.map
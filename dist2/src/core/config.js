const NAME = '[A-Za-z_][\\w-]*';
const LINK_RE = new RegExp(`^\\s*(${NAME})\\.(${NAME})\\s*->\\s*(${NAME})\\.(${NAME})\\s*$`);
/** Parse "a.out -> b.in"; throws naming the bad link. */
export function parseLink(spec) {
    const m = LINK_RE.exec(spec);
    if (!m)
        throw new Error(`bad link "${spec}": expected "app.output -> app.input"`);
    return { from: m[1], output: m[2], to: m[3], input: m[4] };
}
/** Canonical spelling of a link spec. */
export function linkKey(l) {
    return `${l.from}.${l.output} -> ${l.to}.${l.input}`;
}
/** Structural checks a config must pass before any app is built. */
export function checkConfig(c) {
    if (typeof c !== 'object' || c === null || typeof c.apps !== 'object' || c.apps === null || !Array.isArray(c.links)) {
        throw new Error('config must have "apps" (a map) and "links" (a list)');
    }
    for (const [name, a] of Object.entries(c.apps)) {
        if (!new RegExp(`^${NAME}$`).test(name))
            throw new Error(`app name "${name}" must match ${NAME}`);
        if (typeof a?.type !== 'string' || a.type === '')
            throw new Error(`app "${name}": "type" is required`);
    }
    const outs = new Set(), ins = new Set();
    for (const s of c.links) {
        const l = parseLink(s);
        if (!(l.from in c.apps))
            throw new Error(`link "${s}": unknown app "${l.from}"`);
        if (!(l.to in c.apps))
            throw new Error(`link "${s}": unknown app "${l.to}"`);
        const o = `${l.from}.${l.output}`, i = `${l.to}.${l.input}`;
        if (outs.has(o))
            throw new Error(`link "${s}": output ${o} is already linked`);
        if (ins.has(i))
            throw new Error(`link "${s}": input ${i} is already linked`);
        outs.add(o);
        ins.add(i);
    }
}
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
/** `restart` names kept apps that must be rebuilt anyway (they declined reconfig). */
export function diffConfig(prev, next, restart = new Set()) {
    const d = { stop: [], start: [], reconfig: [], unlink: [], link: [] };
    for (const name of Object.keys(prev.apps)) {
        const a = prev.apps[name], b = next.apps[name];
        if (!b || a.type !== b.type || a.module !== b.module || restart.has(name))
            d.stop.push(name);
        else if (!same(a.args, b.args))
            d.reconfig.push(name);
    }
    for (const name of Object.keys(next.apps)) {
        const a = prev.apps[name], b = next.apps[name];
        if (!a || a.type !== b.type || a.module !== b.module || restart.has(name))
            d.start.push(name);
    }
    const restarted = new Set(d.stop);
    const prevLinks = new Set(prev.links.map((s) => linkKey(parseLink(s))));
    const nextLinks = new Set(next.links.map((s) => linkKey(parseLink(s))));
    for (const k of prevLinks) {
        const l = parseLink(k);
        if (!nextLinks.has(k) || restarted.has(l.from) || restarted.has(l.to))
            d.unlink.push(k);
    }
    for (const k of nextLinks) {
        const l = parseLink(k);
        if (!prevLinks.has(k) || restarted.has(l.from) || restarted.has(l.to))
            d.link.push(k);
    }
    return d;
}
//# sourceMappingURL=config.js.map
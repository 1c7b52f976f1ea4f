/**
 * The `ovs-ofctl` flow-mod semantics on a list of flow lines (pure; control path): what
 * add-flow, mod-flows and del-flows (strict or not) do to a bridge's flows, and which flows a
 * dump-flows filter selects. The daemon keeps a bridge's flows as such lines in its state and
 * the flow-table app moves to the result (counters of the rules that stay are kept).
 *
 *   add     same table, priority and match as an existing flow: that flow is replaced
 *   mod     non-strict: every flow the match covers (OVS: the flow is at least as specific
 *           as the match and agrees on it), in every table unless table= is given; strict:
 *           the flow with exactly that match and priority. Actions change, counters,
 *           duration and timeouts stay; a mod that selects nothing adds the flow (OpenFlow
 *           1.0, as ovs-ofctl does) unless a cookie mask was given.
 *   del     the same selection, removed; an empty match deletes everything
 *   select  the selection alone (dump-flows filter)
 * Filters also take cookie=V/MASK and out_port=P, as ovs-ofctl does.
 */
import { Act, actionsText, formatMatch, parseFlow, parseMatch } from './flow-parser.js';
import { covers } from './classifier.js';
const hex = (a) => Array.from(a, (x) => x.toString(16)).join('.');
const maskOf = (f) => ('match' in f ? f.match.mask : f.mask);
const valueOf = (f) => ('match' in f ? f.match.value : f.value);
/** A flow's identity for OpenFlow: table, priority and match. */
export function identity(f) {
    return `${f.table}/${f.priority}/${hex(maskOf(f))}/${hex(valueOf(f))}`;
}
/** The canonical line of a flow (what the daemon stores): ports by number. */
export function stateLine(f) {
    const m = 'match' in f ? formatMatch(f.match.mask, f.match.value) : formatMatch(f.mask, f.value);
    const idle = 'idleTimeout' in f ? f.idleTimeout : 0, hard = 'hardTimeout' in f ? f.hardTimeout : 0;
    return `${f.cookie ? `cookie=0x${f.cookie.toString(16)}, ` : ''}table=${f.table}, ${idle ? `idle_timeout=${idle}, ` : ''}${hard ? `hard_timeout=${hard}, ` : ''}priority=${f.priority}${m ? `,${m}` : ''} actions=${actionsText(f.actions)}`;
}
function selects(flt, f, strict) {
    if (flt.tableSet && f.table !== flt.table)
        return false;
    if (flt.cookieMask !== 0 && ((BigInt(f.cookie) ^ BigInt(flt.cookie)) & BigInt(flt.cookieMask)) !== 0n)
        return false;
    if (flt.outPort >= 0 && !f.actions.some((a) => a.op === Act.OUTPUT && a.a === flt.outPort))
        return false;
    if (strict)
        return f.priority === flt.priority && hex(f.match.mask) === hex(flt.match.mask) && hex(f.match.value) === hex(flt.match.value);
    return covers(flt.match.mask, flt.match.value, f.match.mask, f.match.value);
}
/** Applies one flow mod to `lines`. Throws FlowSyntaxError naming the token of a bad request. */
export function flowMod(lines, pm, req) {
    const parsed = lines.map((l) => parseFlow(l, pm));
    if (req.op === 'add') {
        const f = parseFlow(req.flow, pm);
        const id = identity(f);
        const i = parsed.findIndex((p) => identity(p) === id);
        const out = lines.filter((_, j) => j !== i);
        out.push(stateLine(f));
        return { lines: out, count: 1, ...(i >= 0 ? { replaced: lines[i] } : {}), selected: new Set([id]) };
    }
    const am = /(^|[\s,])actions\s*=/i.exec(req.flow);
    const matchText = am ? req.flow.slice(0, am.index) : req.flow;
    if (req.op === 'mod' && !am)
        parseFlow(req.flow, pm); // names the missing actions=
    const flt = parseMatch(matchText, pm);
    const selected = new Set();
    parsed.forEach((f) => { if (selects(flt, f, req.strict === true))
        selected.add(identity(f)); });
    if (req.op === 'select')
        return { lines: lines.slice(), count: selected.size, selected };
    if (req.op === 'del')
        return { lines: lines.filter((_, j) => !selected.has(identity(parsed[j]))), count: selected.size, selected };
    // mod: the new actions (and cookie, when given without a mask) parsed against the request's own match.
    const nf = parseFlow(req.flow.replace(/(^|[\s,])(cookie=[^,\s]*\/[^,\s]*|out_port=[^,\s]*)/gi, '$1'), pm);
    const cookieGiven = /(^|[\s,])cookie=/i.test(matchText) && flt.cookieMask === 0;
    if (selected.size === 0) {
        if (flt.cookieMask !== 0)
            return { lines: lines.slice(), count: 0, selected };
        return { lines: [...lines, stateLine(nf)], count: 1, selected: new Set([identity(nf)]) };
    }
    const out = lines.map((l, j) => {
        const f = parsed[j];
        if (!selected.has(identity(f)))
            return l;
        return stateLine({ ...f, cookie: cookieGiven ? nf.cookie : f.cookie, actions: nf.actions, actionsText: nf.actionsText });
    });
    return { lines: out, count: selected.size, selected };
}
//# sourceMappingURL=flow-mod.js.map
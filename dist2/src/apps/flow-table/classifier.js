/**
 * Classifier: the rules of every table of a flow-table app, searched by tuple space search
 * (OVS's classifier): the rules of a table are grouped by mask into subtables, each an
 * ExactMatchTable from the masked key to the highest-priority rule with that match; a lookup
 * probes subtables in order of their best priority and stops once no remaining subtable
 * can beat the best hit. Cost: one hash probe per distinct mask, independent of rule count.
 *
 * Rules live in per-id typed arrays for the data path (priority, counters, last use) and in
 * `Rule` objects for the control path. Adding a rule whose match is identical to an existing
 * rule of the same table and priority replaces it, counters and duration restarting (as
 * `ovs-ofctl add-flow` does); `modify` changes actions in place, counters kept (mod-flows).
 * Overlapping rules at one priority are allowed, as in OVS (which of them wins is
 * unspecified there; here the older one).
 *
 * Contract: add/remove/match/dump are control path (allocate, may throw); `lookup(table,
 * key, off)` is data path (no allocation, no throw) and returns a rule id or -1.
 */
import { ExactMatchTable } from '../../lib/hash/exact-match-table.js';
import { KEY_WORDS } from './flow-key.js';
import { FlowSyntaxError, MAX_TABLES } from './flow-parser.js';
class Subtable {
    mask;
    em;
    maxPriority = -1;
    /** hex(masked value) -> rules with that match, highest priority first. */
    byValue = new Map();
    constructor(mask, capacity) {
        this.mask = mask;
        this.em = new ExactMatchTable({ keyWords: KEY_WORDS, capacity });
    }
}
class Table {
    subs = [];
    byMask = new Map();
    rules = new Set();
}
const hex = (a) => Array.from(a, (x) => x.toString(16)).join('.');
export function actionsToInts(actions) {
    const out = new Int32Array(actions.length * 3);
    for (let i = 0; i < actions.length; i++) {
        out[3 * i] = actions[i].op;
        out[3 * i + 1] = actions[i].a | 0;
        out[3 * i + 2] = actions[i].b | 0;
    }
    return out;
}
export class Classifier {
    maxRules;
    priority;
    nPackets;
    nBytes;
    /** Time of the last packet (ms, the app's clock), for idle_timeout. */
    used;
    rules;
    tables = new Array(MAX_TABLES).fill(undefined);
    freeIds = [];
    masked = new Uint32Array(KEY_WORDS);
    /** Bumped on every change (the app's cache is valid while it holds). */
    version = 0;
    constructor(maxRules) {
        this.maxRules = maxRules;
        this.priority = new Int32Array(maxRules);
        this.nPackets = new Float64Array(maxRules);
        this.nBytes = new Float64Array(maxRules);
        this.used = new Float64Array(maxRules);
        this.rules = new Array(maxRules).fill(undefined);
        for (let i = maxRules - 1; i >= 0; i--)
            this.freeIds.push(i);
    }
    get size() { return this.maxRules - this.freeIds.length; }
    /** The rule with the same table, priority and match as `f`, if any. */
    find(f) {
        const t = this.tables[f.table];
        if (!t)
            return undefined;
        const st = t.byMask.get(hex(f.match.mask));
        return st?.byValue.get(hex(f.match.value))?.find((r) => r.priority === f.priority);
    }
    /** Changes a rule's actions (and cookie) in place; counters and duration stay (mod-flows). */
    modify(r, f, cookie) {
        r.actions = f.actions;
        r.actionsText = f.actionsText;
        r.acts = actionsToInts(f.actions);
        if (cookie)
            r.cookie = f.cookie;
        this.version++;
    }
    /** Adds a rule, replacing one with the same table, priority and match; returns it. Throws FlowSyntaxError when full. */
    add(f, now = performance.now()) {
        const old = this.find(f);
        if (old)
            this.remove(old);
        const t = this.tables[f.table] ?? (this.tables[f.table] = new Table());
        const mk = hex(f.match.mask), vk = hex(f.match.value);
        const id = this.freeIds.pop();
        if (id === undefined)
            throw new FlowSyntaxError('actions=', `flow table full (${this.maxRules} rules)`);
        const rule = {
            id, table: f.table, priority: f.priority, cookie: f.cookie, idleTimeout: f.idleTimeout, hardTimeout: f.hardTimeout, mask: f.match.mask, value: f.match.value,
            matchText: f.match.text, actions: f.actions, actionsText: f.actionsText, acts: actionsToInts(f.actions), added: now,
        };
        this.rules[id] = rule;
        this.priority[id] = f.priority;
        this.nPackets[id] = 0;
        this.nBytes[id] = 0;
        this.used[id] = now;
        t.rules.add(rule);
        let st = t.byMask.get(mk);
        if (!st) {
            st = new Subtable(f.match.mask, 64);
            t.byMask.set(mk, st);
            t.subs.push(st);
        }
        const list = st.byValue.get(vk) ?? [];
        list.push(rule);
        list.sort((a, b) => b.priority - a.priority || a.id - b.id);
        st.byValue.set(vk, list);
        this.publish(st, rule.value, list[0].id);
        this.resort(t);
        this.version++;
        return rule;
    }
    /** Removes a rule. */
    remove(rule) {
        const t = this.tables[rule.table];
        if (!t.rules.delete(rule))
            return;
        const mk = hex(rule.mask), vk = hex(rule.value);
        const st = t.byMask.get(mk);
        const list = st.byValue.get(vk).filter((r) => r !== rule);
        if (list.length === 0) {
            st.byValue.delete(vk);
            st.em.delete(rule.value, 0);
        }
        else {
            st.byValue.set(vk, list);
            st.em.add(rule.value, 0, list[0].id);
        }
        if (st.byValue.size === 0) {
            t.byMask.delete(mk);
            t.subs = t.subs.filter((s) => s !== st);
        }
        this.resort(t);
        this.rules[rule.id] = undefined;
        this.freeIds.push(rule.id);
        this.version++;
    }
    /** Rules of a table (all tables when table < 0), table ascending then priority descending, older first. */
    list(table = -1) {
        const out = [];
        for (let i = 0; i < MAX_TABLES; i++) {
            if (table >= 0 && i !== table)
                continue;
            const t = this.tables[i];
            if (t)
                out.push(...[...t.rules].sort((a, b) => b.priority - a.priority || a.id - b.id));
        }
        return out;
    }
    /** Highest-priority rule of `table` matching key[off..], or -1. Data path. */
    lookup(table, key, off) {
        const t = this.tables[table];
        if (t === undefined)
            return -1;
        const subs = t.subs, mk = this.masked, prio = this.priority;
        let best = -1, bestPri = -1;
        for (let i = 0; i < subs.length; i++) {
            const st = subs[i];
            if (st.maxPriority <= bestPri)
                break;
            const m = st.mask;
            for (let w = 0; w < KEY_WORDS; w++)
                mk[w] = key[off + w] & m[w];
            const r = st.em.lookup(mk, 0);
            if (r >= 0 && prio[r] > bestPri) {
                best = r;
                bestPri = prio[r];
            }
        }
        return best;
    }
    publish(st, value, id) {
        if (st.em.add(value, 0, id) >= 0)
            return;
        // Full: rebuild at twice the size (control path).
        const bigger = new ExactMatchTable({ keyWords: KEY_WORDS, capacity: st.em.capacity * 2 });
        for (const list of st.byValue.values())
            bigger.add(list[0].value, 0, list[0].id);
        st.em = bigger;
    }
    resort(t) {
        for (const st of t.subs) {
            let m = -1;
            for (const list of st.byValue.values())
                if (list[0].priority > m)
                    m = list[0].priority;
            st.maxPriority = m;
        }
        t.subs.sort((a, b) => b.maxPriority - a.maxPriority);
    }
}
/** True when some key matches both (mask, value) pairs. */
export function overlaps(m1, v1, m2, v2) {
    for (let w = 0; w < KEY_WORDS; w++)
        if (((v1[w] ^ v2[w]) & m1[w] & m2[w]) !== 0)
            return false;
    return true;
}
/** True when every key matching (rm, rv) also matches the filter (fm, fv): del-flows' non-strict test. */
export function covers(fm, fv, rm, rv) {
    for (let w = 0; w < KEY_WORDS; w++) {
        if ((fm[w] & ~rm[w]) !== 0)
            return false;
        if (((rv[w] ^ fv[w]) & fm[w]) !== 0)
            return false;
    }
    return true;
}
//# sourceMappingURL=classifier.js.map